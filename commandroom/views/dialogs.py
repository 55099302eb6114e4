"""The few questions and errors the console asks or shows before its window is up."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

# lupdate reads only literal strings: each call names the context and the text.
translate = QCoreApplication.translate
Button = QMessageBox.StandardButton


def ask_create_demo(parent: QWidget | None = None) -> bool:
    """The database has no street: offer the demo street (a new install's first run)."""
    title = translate("Dialogs", "数据库中还没有街道")
    text = translate("Dialogs", "这个数据库里还没有街道、网格和单位，值班台无事可显示。\n\n"
                                "是否生成演示街道（姚家街道，含 30 天的事件记录）？")
    box = QMessageBox(QMessageBox.Icon.Question, title, text, Button.Yes | Button.No, parent)
    box.setDefaultButton(Button.Yes)
    return box.exec() == Button.Yes


def choose_street(streets: list[str], parent: QWidget | None = None) -> int | None:
    """A district database with several streets and none named: which one is this room's?
    The index of the one picked, or None when the officer cancels."""
    title = translate("Dialogs", "选择街道")
    text = translate("Dialogs", "数据库中有 {count} 个街道。本指挥室属于哪个街道？\n"
                                "（下次可用 --street 直接指定）").format(count=len(streets))
    choice, ok = QInputDialog.getItem(parent, title, text, streets, 0, False)
    return streets.index(choice) if ok and choice in streets else None


def show_error(title: str, text: str, parent: QWidget | None = None) -> None:
    QMessageBox.critical(parent, title, text)


def demo_failed(reason: str, parent: QWidget | None = None) -> None:
    text = translate("Dialogs", "生成演示街道时出错：{reason}\n值班台将以空数据库打开。")
    show_error(translate("Dialogs", "无法生成演示街道"), text.format(reason=reason), parent)


def database_failed(reason: str) -> None:
    text = translate("Dialogs", "无法打开数据库：{reason}")
    show_error(translate("Dialogs", "无法打开数据库"), text.format(reason=reason))
