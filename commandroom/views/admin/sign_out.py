"""文件 → 交班签退: an operator signs out with a handover note (the dialog lists the open items);
the wall and the administrator simply sign out. However the window closes, the gate logs the
sign-out once."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from commandroom.views.admin.handover_dialogs import HandOverDialog


def install_sign_out(window: QMainWindow, gate) -> QAction:
    file_menu = window.menuBar().actions()[0].menu()
    text = (QCoreApplication.translate("SignOut", "交班签退(&O)…") if gate.hands_over
            else QCoreApplication.translate("SignOut", "签退(&O)"))
    action = QAction(text, window, objectName="signOutAction")

    def sign_out() -> None:
        if gate.hands_over and HandOverDialog(gate, window).exec() != HandOverDialog.DialogCode.Accepted:
            return  # cancelled: still on duty
        window.close()

    action.triggered.connect(sign_out)
    file_menu.insertAction(file_menu.actions()[0], action)
    window.sig_closing.connect(gate.sign_out)
    return action
