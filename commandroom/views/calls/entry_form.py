"""手工录入: a phone call or a walk-in typed in by the officer, from the keyboard, fast.

Opened with Ctrl+N (F2 too) from anywhere in the console. The cursor starts in 反映内容, the
only required field; Tab walks caller, phone, address and priority; Enter saves from any single
line field and from the text (Shift+Enter starts a new line there). It gives the ``receive`` command; the report then waits
in the queue like any other, already taken by this console when the officer asks (接手).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from commandroom.models.enums import Priority, Source
from commandroom.views.calls.enter_saves import EnterSaves
from commandroom.views.common.labels import label

TITLE_MAX = 30  # a title cut from the text: what fits in a list's column


class EntryForm(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("entryForm")
        self.setWindowTitle(self.tr("手工录入 — 来电来访"))
        self.setMinimumWidth(520)
        self.text = QPlainTextEdit(self, objectName="entryText")
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(90)
        self.text.setPlaceholderText(self.tr("反映的问题、地点、诉求（必填）"))
        self.caller = QLineEdit(self, objectName="entryCaller")
        self.phone = QLineEdit(self, objectName="entryPhone")
        self.phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.address = QLineEdit(self, objectName="entryAddress")
        self.source = QComboBox(self, objectName="entrySource")
        for source in (Source.WALK_IN, Source.HOTLINE_12345, Source.GRID_PATROL,
                       Source.DISTRICT_ORDER, Source.MICRO_WISH, Source.PHOTO_APP):
            self.source.addItem(label(source), source)
        self.priority = QComboBox(self, objectName="entryPriority")
        for priority in Priority:
            self.priority.addItem(label(priority), priority)
        self.priority.setCurrentIndex(self.priority.findData(Priority.NORMAL))
        form = QFormLayout()
        form.addRow(self.tr("反映内容(&T)"), self.text)
        form.addRow(self.tr("反映人(&N)"), self.caller)
        form.addRow(self.tr("电话(&H)"), self.phone)
        form.addRow(self.tr("地址(&A)"), self.address)
        form.addRow(self.tr("来源(&S)"), self.source)
        form.addRow(self.tr("紧急程度(&P)"), self.priority)
        self.problem = QLabel(self, objectName="formProblem")
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.hide()
        buttons = QDialogButtonBox(self)
        save = buttons.addButton(self.tr("受理"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        save.setObjectName("acceptButton")
        save.setDefault(True)
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        EnterSaves(self.text, self._try_accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.text.setFocus()

    def _try_accept(self) -> None:
        if not self.text.toPlainText().strip():
            self.problem.setText(self.tr("请填写反映内容"))
            self.problem.show()
            self.text.setFocus()
            return
        self.accept()

    def arguments(self) -> dict:
        """The ``receive`` command's arguments: the title is the text's first line, cut short."""
        text = self.text.toPlainText().strip()
        first = text.splitlines()[0]
        title = first if len(first) <= TITLE_MAX else first[:TITLE_MAX - 1] + "…"
        return dict(source=str(self.source.currentData()), title=title,
                    description=text if text != title else "",
                    reporter_name=self.caller.text().strip(), reporter_phone=self.phone.text().strip(),
                    address=self.address.text().strip(),
                    priority=str(self.priority.currentData()))
