"""交接班 at both ends: the outgoing officer's sign-out with a note beside the open items (listed
for them, not typed), and the incoming officer's reading and acknowledgement on sign-in."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from commandroom.models.errors import CommandroomError
from commandroom.views.common import palette


class OpenItemsTree(QTreeWidget):
    """The three lists of a handover, each under its heading with its count (a record, not live)."""

    def __init__(self, items, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("openItems")
        self.setHeaderLabels([self.tr("事件"), self.tr("标题"), self.tr("说明")])
        self.setRootIsDecorated(True)
        headings = (("taken", self.tr("已接手未处理的来电（{n}）"), items.taken),
                    ("due", self.tr("下一班内到期的事件（{n}）"), items.due),
                    ("alerts", self.tr("未解除的督办提醒（{n}）"), items.alerts))
        for kind, heading, rows in headings:
            count = items.counts.get(kind, len(rows))
            top = QTreeWidgetItem(self, [heading.format(n=count)])
            top.setFirstColumnSpanned(True)
            for row in rows:
                item = QTreeWidgetItem(top, [row.code, row.title, row.detail])
                if row.late:
                    item.setText(2, self.tr("{due}（已超时）").format(due=row.detail))
                    item.setForeground(2, QBrush(palette.OVERDUE_TEXT))
            if count > len(rows):
                QTreeWidgetItem(top, [self.tr("…另有 {n} 件").format(n=count - len(rows))])
            top.setExpanded(True)
        for column in range(3):
            self.resizeColumnToContents(column)


class HandOverDialog(QDialog):
    """交班签退: the note and the open items; saving signs the officer out."""

    def __init__(self, gate, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("handOverDialog")
        self.gate = gate
        self.setWindowTitle(self.tr("交班签退"))
        self.resize(720, 560)
        self.items = OpenItemsTree(gate.open_items(), self)
        self.note = QPlainTextEdit(self, objectName="handoverNote")
        self.note.setPlaceholderText(self.tr("交班说明：需要下一班注意的事项…"))
        self.error = QLabel(self, objectName="handoverError", wordWrap=True)
        self.error.setProperty("refused", True)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(self.tr("交班并签退"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("handOverButton")
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.hand_over)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("未结事项（自动列出）"), self))
        layout.addWidget(self.items, 3)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    @Slot()
    def hand_over(self) -> None:
        try:
            self.gate.hand_over(self.note.toPlainText())
        except CommandroomError as exc:
            self.error.setText(self.gate.message(exc))
            return
        self.accept()


class TakeOverDialog(QDialog):
    """接班: the previous shift's note, read and acknowledged before the console opens."""

    def __init__(self, gate, note, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("takeOverDialog")
        self.gate = gate
        self.note_id = note.id
        self.setWindowTitle(self.tr("接班"))
        self.resize(720, 560)
        header = QLabel(self.tr("{login} 于 {at} 交班：").format(login=note.login, at=f"{note.at:%Y-%m-%d %H:%M}"), self)
        text = QPlainTextEdit(note.note or self.tr("（无交班说明）"), self, objectName="takeOverNote", readOnly=True)
        self.error = QLabel(self, objectName="takeOverError", wordWrap=True)
        self.error.setProperty("refused", True)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(self.tr("已阅，接班"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("takeOverButton")
        buttons.addButton(self.tr("退出"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.acknowledge)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(text, 1)
        layout.addWidget(QLabel(self.tr("交班时的未结事项"), self))
        layout.addWidget(OpenItemsTree(note.items, self), 3)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    @Slot()
    def acknowledge(self) -> None:
        try:
            self.gate.acknowledge(self.note_id)
        except CommandroomError as exc:
            self.error.setText(self.gate.message(exc))
            return
        self.accept()
