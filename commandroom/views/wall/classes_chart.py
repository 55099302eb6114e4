"""Reports by category class over the last 30 days, most first, as horizontal bars named on
the left and counted at their end."""

from __future__ import annotations

import pyqtgraph as pg

from commandroom.views.wall.chart_panel import ChartPanel
from commandroom.views.wall.theme import ACCENT, TEXT

SHOWN = 6  # classes beyond these are few; the bars must stay thick enough to read


class ClassesChart(ChartPanel):
    def __init__(self, theme, parent=None):
        super().__init__(theme, self.tr("近30天各类来件"), [], parent)
        self.bars = pg.BarGraphItem(x0=[], y=[], width=[], height=0.7, brush=ACCENT, pen=None)
        self.plot.addItem(self.bars)
        self.plot.getPlotItem().getAxis("left").setStyle(tickTextOffset=theme.px(10))
        self.plot.getPlotItem().invertY(True)
        self.counts: list[pg.TextItem] = []

    def show_snapshot(self, snapshot) -> None:
        rows = list(snapshot.by_class[:SHOWN])
        self.bars.setOpts(x0=[0] * len(rows), y=list(range(len(rows))), width=[n for _, n in rows])
        self.plot.getPlotItem().getAxis("left").setTicks([[(i, name) for i, (name, _) in enumerate(rows)]])
        for item in self.counts:
            self.plot.removeItem(item)
        self.counts = []
        top = max([n for _, n in rows] + [1])
        for i, (_, n) in enumerate(rows):
            text = pg.TextItem(str(n), color=TEXT, anchor=(0, 0.5))
            text.setFont(self.theme.font(numbers=True))
            text.setPos(n + top * 0.01, i)
            self.plot.addItem(text)
            self.counts.append(text)
        self.plot.setXRange(0, top * 1.2, padding=0)
        self.plot.setYRange(-0.6, max(len(rows), 1) - 0.4, padding=0)
