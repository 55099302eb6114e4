"""The first run on a street's own database: no administrator can sign in yet, so the console
asks for one (login, name, password twice) before anything else."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from commandroom.models.errors import CommandroomError


class FirstAdminDialog(QDialog):
    def __init__(self, gate, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("firstAdminDialog")
        self.gate = gate
        self.setWindowTitle(self.tr("设置第一位管理员"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("这是本数据库的首次使用：请设置管理员账户，"
                                   "再由管理员添加值班员与带班领导。"), self, wordWrap=True))
        self.login = QLineEdit(self, objectName="adminLogin", text="admin")
        self.name = QLineEdit(self, objectName="adminName")
        self.password = QLineEdit(self, objectName="adminPassword", echoMode=QLineEdit.EchoMode.Password)
        self.again = QLineEdit(self, objectName="adminAgain", echoMode=QLineEdit.EchoMode.Password)
        form.addRow(self.tr("登录名"), self.login)
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("密码"), self.password)
        form.addRow(self.tr("再输入一次"), self.again)
        self.error = QLabel(self, objectName="adminError", wordWrap=True)
        self.error.setProperty("refused", True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @Slot()
    def create(self) -> None:
        if self.password.text() != self.again.text():
            self.error.setText(self.tr("两次输入的密码不一致"))
            return
        try:
            self.gate.create_first_admin(self.login.text().strip(), self.name.text(), self.password.text())
            self.gate.sign_in(self.login.text().strip(), self.password.text())
        except CommandroomError as exc:
            self.error.setText(self.gate.message(exc))
            return
        self.accept()
