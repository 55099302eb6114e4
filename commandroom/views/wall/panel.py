"""The frame every wall panel shares: a title line and a body, drawn from a ``WallSnapshot``."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from commandroom.views.wall.theme import FitLabel, Theme


class WallPanel(QFrame):
    """A panel draws ``show_snapshot(snapshot)``; it holds no data source and no command."""

    def __init__(self, theme: Theme, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("wallPanel")
        self.theme = theme
        self.title = FitLabel(title, self, font=theme.font(32, bold=True), name="panelTitle")
        self.body = QVBoxLayout(self)
        margin = theme.px(12)
        self.body.setContentsMargins(margin, theme.px(6), margin, theme.px(8))
        self.body.setSpacing(theme.px(4))
        if title:
            self.body.addWidget(self.title)
        else:
            self.title.hide()

    def show_snapshot(self, snapshot) -> None:
        raise NotImplementedError
