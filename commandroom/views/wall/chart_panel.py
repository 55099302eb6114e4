"""The frame of the wall's pyqtgraph charts: dark, thick lines, axis text as large as the rest of
the wall, no mouse (a wall is looked at, not handled), a legend in words beside its marks."""

from __future__ import annotations

import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout

from commandroom.views.wall.panel import WallPanel
from commandroom.views.wall.theme import MUTED, PANEL, TEXT, FitLabel


class ChartPanel(WallPanel):
    def __init__(self, theme, title: str, legend: list[tuple[str, QColor]], parent=None):
        super().__init__(theme, title, parent)
        if legend:
            row = QHBoxLayout()
            row.setSpacing(theme.px(24))
            for text, color in legend:
                row.addWidget(FitLabel(text, self, font=theme.font(), color=color), 1)
            self.body.addLayout(row)
        self.plot = pg.PlotWidget(self, background=PANEL)
        self.plot.setMouseEnabled(False, False)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plot.setAcceptDrops(False)
        self.plot.viewport().setAcceptDrops(False)
        # pyqtgraph's scene keeps an "Export..." action for its right-click menu: a wall has none.
        scene = self.plot.scene()
        for action in scene.contextMenu:
            shiboken6.delete(action)
        scene.contextMenu = []
        item = self.plot.getPlotItem()
        item.showGrid(x=False, y=True, alpha=0.25)
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setStyle(tickFont=theme.font(numbers=True), tickTextOffset=theme.px(6), tickLength=-theme.px(8))
            axis.setPen(pg.mkPen(MUTED, width=max(1, theme.px(2))))
            axis.setTextPen(pg.mkPen(TEXT))
        self.body.addWidget(self.plot, 1)

    def pen(self, color: QColor, *, dashed: bool = False):
        style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
        return pg.mkPen(color, width=self.theme.px(4), style=style)
