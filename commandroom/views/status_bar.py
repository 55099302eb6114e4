"""The console's status bar: connection state, database (password hidden), user, clock."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QLocale, Slot
from PySide6.QtWidgets import QLabel, QStatusBar

from commandroom.models.enums import Role
from commandroom.views.common import palette
from commandroom.views.common.labels import label
from commandroom.views.common.steady_label import set_steady_text


class ConsoleStatusBar(QStatusBar):
    def __init__(self, database: str, parent=None):
        super().__init__(parent)
        self.setObjectName("consoleStatus")
        self.connection = QLabel(objectName="connectionState")
        self.database = QLabel(database, objectName="databaseLabel")
        self.database.setToolTip(self.tr("数据库：{db}").format(db=database))
        self.user = QLabel(objectName="userLabel")
        self.clock = QLabel(objectName="clockLabel")
        self.intake = QLabel(objectName="intakeLabel")  # shown when the console runs the intake
        self.intake.hide()
        for widget in (self.connection, self.intake, self.database, self.user, self.clock):
            self.addPermanentWidget(widget)
        self.set_connection(None, "")
        self.set_user("", "", None)

    @Slot(bool, str)
    def set_connection(self, ok: bool | None, reason: str) -> None:
        """None while the first load is under way; then reachable or not, with the reason."""
        if ok is None:
            text, colour, tip = self.tr("● 正在连接…"), palette.CONNECTING, ""
        elif ok:
            text, colour, tip = self.tr("● 已连接"), palette.CONNECTED, self.tr("数据实时更新中")
        else:
            text, colour = self.tr("● 连接中断"), palette.DISCONNECTED
            tip = self.tr("无法读取数据库：{reason}").format(reason=reason)
        self.connection.setText(text)
        self.connection.setToolTip(tip)
        self.connection.setStyleSheet(f"color: {colour.name()}; font-weight: bold;")

    @Slot(bool, str)
    def set_intake(self, listening: bool, where: str) -> None:
        """The intake server this console runs: where it listens, or that it could not start."""
        if listening:
            self.intake.setText(self.tr("接入服务 {url}").format(url=where))
            self.intake.setStyleSheet(f"color: {palette.CONNECTED.name()};")
        else:
            self.intake.setText(self.tr("接入服务未启动（{where} 不可用）").format(where=where))
            self.intake.setStyleSheet(f"color: {palette.DISCONNECTED.name()}; font-weight: bold;")
        self.intake.show()

    def set_user(self, login: str, name: str, role: Role | None) -> None:
        if not login:
            self.user.setText("")
        elif role is None:  # a login the database does not know: say so, do not guess a role
            self.user.setText(self.tr("{login}（未登记用户）").format(login=login))
        else:
            self.user.setText(self.tr("{role}：{name}（{login}）").format(
                role=label(role), name=name, login=login))

    def show_time(self, now: datetime) -> None:
        weekday = QLocale().dayName(now.isoweekday(), QLocale.FormatType.ShortFormat)
        set_steady_text(self.clock, f"{now:%Y-%m-%d} {weekday} {now:%H:%M:%S}")  # each second
