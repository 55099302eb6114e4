"""签到: the console opens on this dialog. The last user of this console is filled in; a wrong
password says so (and how many tries are left) without closing; the gate (``services/
shift_gate.py``) checks, counts, locks and logs."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout, QWidget)

from commandroom.models.errors import CommandroomError


class SignInDialog(QDialog):
    def __init__(self, gate, *, street_name: str = "", last_login: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.gate = gate
        self.setWindowTitle(self.tr("签到 — 综合信息指挥室"))
        self.setMinimumWidth(420)
        title = QLabel(self.tr("{street}综合信息指挥室").format(street=street_name), self, objectName="signInTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.login = QComboBox(self, objectName="signInLogin", editable=True)
        self.login.addItems(gate.known_logins())
        self.login.setEditText(last_login)
        self.password = QLineEdit(self, objectName="signInPassword", echoMode=QLineEdit.EchoMode.Password)
        self.error = QLabel(self, objectName="signInError", wordWrap=True)
        self.error.setProperty("refused", True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.login)
        form.addRow(self.tr("密码"), self.password)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(self.tr("签到"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("signInButton")
        buttons.addButton(self.tr("退出"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        (self.password if last_login else self.login).setFocus()

    @Slot()
    def try_sign_in(self) -> None:
        try:
            self.gate.sign_in(self.login.currentText().strip(), self.password.text())
        except CommandroomError as exc:
            self.error.setText(self.gate.message(exc))
            self.error.show()
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()

    @property
    def signed_in_login(self) -> str:
        return self.gate.actor.login if self.gate.actor else ""
