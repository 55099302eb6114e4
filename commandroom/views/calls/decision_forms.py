"""The forms that decide a waiting report: each gathers the arguments of one domain command.

They only ask: the panel gives the command through the runner and says what came of it. All
open with the report at the top (what it says, who called, how long it has waited) and save
with Enter; Esc leaves the report as it was.

- ``RegisterForm`` 立案: category (pinyin type-ahead, the suggestion first), priority, address,
  point; ``register``.
- ``TextDecisionForm`` 当场答复 (``answer``, the answer text) and 不予立案 (``reject``, a reason,
  with the usual reasons one key away).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from commandroom.models.enums import Priority
from commandroom.views.calls.category_picker import CategoryPicker
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


class RegisterForm(DecisionForm):
    """立案, prefilled from the report; the category the history suggests comes first."""

    def __init__(self, row, categories, suggested=(), parent=None):
        super().__init__(row, self.tr("立案 — {code}").format(code=row.code), self.tr("立案"), parent)
        self.setObjectName("registerForm")
        self.picker = CategoryPicker(categories, list(suggested), self)
        self.priority = QComboBox(self, objectName="priorityBox")
        for priority in Priority:
            self.priority.addItem(label(priority), priority)
        self.priority.setCurrentIndex(self.priority.findData(row.priority))
        self.address = QLineEdit(row.address, self, objectName="addressEdit")
        self.point = QLineEdit(self, objectName="pointEdit")
        self.point.setPlaceholderText(self.tr("纬度, 经度（如 36.6512, 117.1205）"))
        if row.lat is not None and row.lon is not None:
            self.point.setText(f"{row.lat:.6f}, {row.lon:.6f}")
        self._given_point = self.point.text()
        grid = " / ".join(p for p in (row.community_name, row.grid_name) if p)
        self.grid = QLabel(grid or self.tr("未定位：请填写坐标"), self, objectName="gridLabel")
        self.form.addRow(self.tr("事件类别(&C)"), self.picker)
        self.form.addRow(self.tr("紧急程度(&P)"), self.priority)
        self.form.addRow(self.tr("地址(&A)"), self.address)
        self.form.addRow(self.tr("坐标(&L)"), self.point)
        self.form.addRow(self.tr("所在网格"), self.grid)
        self.picker.sig_chosen.connect(lambda code: self.ok.setEnabled(bool(code)))
        self.ok.setEnabled(bool(self.picker.code()))
        self.picker.edit.setFocus()

    def open(self) -> None:
        """Not modal: the map stays usable while the form is open (a right-click sets the point)."""
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.show()

    def set_point(self, lat: float, lon: float, where: str) -> None:
        """The map's right-click: the point (WGS-84) and its grid in words."""
        self.point.setText(f"{lat:.6f}, {lon:.6f}")
        self.grid.setText(where)

    def _parsed_point(self) -> tuple[float, float] | None:
        text = self.point.text().replace("，", ",").strip()
        if not text:
            return None
        lat, lon = (float(part) for part in text.split(","))
        return lat, lon

    def check(self) -> str:
        if not self.picker.code():
            return self.tr("请选择事件类别")
        try:
            point = self._parsed_point()
        except ValueError:
            return self.tr("坐标格式应为「纬度, 经度」，如 36.6512, 117.1205")
        if point is None and self.row.grid_id is None:
            return self.tr("该报告没有位置，立案前请填写坐标")
        return ""

    def arguments(self) -> dict:
        args = dict(category_code=self.picker.code(), priority=str(self.priority.currentData()))
        if self.address.text().strip() != self.row.address:
            args["address"] = self.address.text().strip()
        if self.point.text() != self._given_point:  # a point typed here replaces the report's
            point = self._parsed_point()
            if point is not None:
                args["lat"], args["lon"] = point
        return args


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
