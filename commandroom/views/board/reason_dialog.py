"""The short question a reassignment or a recall asks: why. The common reasons are offered, any
other may be typed; OK stays disabled until there is one (the command refuses an empty reason).
Opened window-modal with ``open()``: the board keeps following the feed meanwhile."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from commandroom.models.enums import Action


class ReasonDialog(QDialog):
    def __init__(self, action: Action, what: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.action = action
        if action == Action.RECALL:
            self.setWindowTitle(self.tr("召回事件"))
            question = self.tr("召回 {what}，退回待派遣。召回理由：").format(what=what)
            presets = [self.tr("派遣有误，重新派遣"), self.tr("单位无法处置"), self.tr("需先核实情况")]
        else:
            self.setWindowTitle(self.tr("改派事件"))
            question = self.tr("改派 {what}。改派理由：").format(what=what)
            presets = [self.tr("不属于原单位职责"), self.tr("原单位人手不足"), self.tr("就近处置")]
        self.prompt = QLabel(question, self)
        self.prompt.setWordWrap(True)
        self.reason = QComboBox(self, objectName="reasonBox")
        self.reason.setEditable(True)
        self.reason.addItems(presets)
        self.reason.setCurrentIndex(-1)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason.lineEdit().setPlaceholderText(self.tr("选择或输入理由"))
        self.reason.lineEdit().setMaxLength(200)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.currentTextChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(420)
        self._check()

    def text(self) -> str:
        return self.reason.currentText().strip()

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.text()))
