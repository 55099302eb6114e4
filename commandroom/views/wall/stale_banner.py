"""The banner shown while the database cannot be reached: the panels keep their last state and
the banner says since when it is stale; it goes when fresh data arrives."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout

from commandroom.views.wall.theme import FitLabel, Theme


class StaleBanner(QFrame):
    def __init__(self, theme: Theme, parent=None):
        super().__init__(parent)
        self.setObjectName("staleBanner")
        row = QHBoxLayout(self)
        row.setContentsMargins(theme.px(16), theme.px(4), theme.px(16), theme.px(4))
        self.text = FitLabel("", self, font=theme.font(34, bold=True), align=Qt.AlignmentFlag.AlignHCenter)
        row.addWidget(self.text)
        self.since: datetime | None = None
        self.hide()

    def show_stale(self, since: datetime | None) -> None:
        """``since``: the instant of the last data shown (None: none was ever shown)."""
        self.since = since
        if since is None:
            self.text.set_text(self.tr("✕ 无法连接数据库，正在重试…"))
        else:
            self.text.set_text(self.tr("✕ 数据库连接中断：画面停留在 {at} 的数据，正在自动重连…")
                               .format(at=since.strftime("%m-%d %H:%M:%S")))
        self.show()

    def clear(self) -> None:
        self.since = None
        self.hide()
