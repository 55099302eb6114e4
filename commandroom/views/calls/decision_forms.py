"""The forms that decide a waiting report: each gathers the arguments of one domain command.

They only ask: the panel gives the command through the runner and says what came of it. All
open with the report at the top (what it says, who called, how long it has waited) and save
with Enter; Esc leaves the report as it was.

- ``RegisterForm`` 立案 (``register_form.py``): category, priority, grid, address, point,
  description; ``register``.
- ``TextDecisionForm`` 当场答复 (``answer``, the answer text) and 不予立案 (``reject``, a reason,
  with the usual reasons one key away).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from commandroom.views.calls.enter_saves import EnterSaves
from commandroom.views.common.labels import label

# lupdate reads only literal strings: the module-level forms spell out their context.
translate = QCoreApplication.translate


class DecisionForm(QDialog):
    """A report at the top, a form in the middle, the decision's button (default) at the bottom."""

    def __init__(self, row, title: str, accept_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.row = row
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        summary = QLabel(self, objectName="reportSummary")
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        caller = " ".join(p for p in (row.caller_name, row.caller_phone_shown) if p)
        summary.setText(f"{row.code} · {label(row.source)} · {caller}\n{row.title}\n{row.text}".strip())
        summary.setStyleSheet("background: #f4f6f8; padding: 8px; border-radius: 4px;")
        self.form = QFormLayout()
        self.problem = QLabel(self, objectName="formProblem")
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok.setObjectName("acceptButton")
        self.ok.setDefault(True)
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def arguments(self) -> dict:
        """The command's keyword arguments (after ``exec`` returned Accepted)."""
        raise NotImplementedError

    def check(self) -> str:
        """What keeps the form from being saved, in words ("" when it may be)."""
        return ""

    def _try_accept(self) -> None:
        problem = self.check()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        if not problem:
            self.accept()


class TextDecisionForm(DecisionForm):
    """A decision that needs words: the answer given on the spot, or the reason for rejecting.
    ``presets`` are common texts, put in with Alt+1…9 (and listed under the box)."""

    def __init__(self, row, title: str, accept_text: str, field_label: str, argument: str,
                 presets: list[str] = (), parent=None):
        super().__init__(row, title, accept_text, parent)
        self.argument = argument
        self.text = QPlainTextEdit(self, objectName="decisionText")
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(96)
        self.form.addRow(field_label, self.text)
        if presets:
            hints = []
            for n, preset in enumerate(presets[:9], 1):
                hints.append(f"Alt+{n} {preset}")
                shortcut = QShortcut(QKeySequence(f"Alt+{n}"), self)
                shortcut.activated.connect(lambda text=preset: self.text.setPlainText(text))
            listed = QLabel("　".join(hints), self, objectName="presetHints")
            listed.setWordWrap(True)
            listed.setStyleSheet("color: #5f6b76;")
            self.form.addRow("", listed)
        EnterSaves(self.text, self._try_accept)
        self.text.setFocus()

    def check(self) -> str:
        return "" if self.text.toPlainText().strip() else self.tr("请填写内容")

    def arguments(self) -> dict:
        return {self.argument: self.text.toPlainText().strip()}


def answer_form(row, parent=None) -> TextDecisionForm:
    form = TextDecisionForm(
        row, translate("DecisionForms", "当场答复 — {code}").format(code=row.code),
        translate("DecisionForms", "答复并办结"), translate("DecisionForms", "答复内容(&T)"), "text",
        parent=parent)
    form.setObjectName("answerForm")
    return form


def reject_form(row, parent=None) -> TextDecisionForm:
    presets = [translate("DecisionForms", "重复反映，已并入在办事件"),
               translate("DecisionForms", "不属于本街道管辖，已告知反映人向有关部门反映"),
               translate("DecisionForms", "信息不全，无法核实"),
               translate("DecisionForms", "无效来电")]
    form = TextDecisionForm(
        row, translate("DecisionForms", "不予立案 — {code}").format(code=row.code),
        translate("DecisionForms", "不予立案"), translate("DecisionForms", "理由(&T)"), "reason",
        presets, parent=parent)
    form.setObjectName("rejectForm")
    return form
