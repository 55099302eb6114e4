"""Reports per hour today (bars) against the mean of the same weekday over the last four weeks
(a line): is today busier than usual, and since when?"""

from __future__ import annotations

import pyqtgraph as pg

from commandroom.views.wall.chart_panel import ChartPanel
from commandroom.views.wall.theme import ACCENT, USUAL


class HourlyChart(ChartPanel):
    def __init__(self, theme, parent=None):
        super().__init__(theme, self.tr("每小时来件"),
                         [(self.tr("▮ 今日"), ACCENT), (self.tr("━ 四周同日均值"), USUAL)], parent)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=ACCENT, pen=None)
        self.plot.addItem(self.bars)
        self.usual = self.plot.plot([], [], pen=self.pen(USUAL))
        axis = self.plot.getPlotItem().getAxis("bottom")
        axis.setTicks([[(h, f"{h}") for h in range(0, 24, 3)]])
        self.plot.setXRange(-0.6, 23.6, padding=0)

    def show_snapshot(self, snapshot) -> None:
        hours = [(h, n) for h, n in enumerate(snapshot.hourly.today) if n is not None]
        self.bars.setOpts(x=[h for h, _ in hours], height=[n for _, n in hours])
        self.usual.setData(list(range(len(snapshot.hourly.usual))), list(snapshot.hourly.usual))
        top = max([n for _, n in hours] + list(snapshot.hourly.usual) + [1])
        self.plot.setYRange(0, top * 1.1, padding=0)
