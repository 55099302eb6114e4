"""The last 30 days of 办结率 (solid line, round marks) and 满意率 (dashed line, triangles): the
two lines differ in dash and mark, not only in colour."""

from __future__ import annotations

import math

from commandroom.views.wall.chart_panel import ChartPanel
from commandroom.views.wall.theme import ACCENT, GOOD


def _percents(values) -> list[float]:
    return [math.nan if v is None else v * 100 for v in values]


class RatesChart(ChartPanel):
    def __init__(self, theme, parent=None):
        super().__init__(theme, self.tr("近30天办结率与满意率"),
                         [(self.tr("━● 办结率"), GOOD), (self.tr("╌▲ 满意率"), ACCENT)], parent)
        size = theme.px(10)
        self.completion = self.plot.plot([], [], pen=self.pen(GOOD), symbol="o", symbolSize=size,
                                         symbolBrush=GOOD, symbolPen=None, connect="finite")
        self.satisfaction = self.plot.plot([], [], pen=self.pen(ACCENT, dashed=True), symbol="t1",
                                           symbolSize=size, symbolBrush=ACCENT, symbolPen=None,
                                           connect="finite")

    def show_snapshot(self, snapshot) -> None:
        days = snapshot.daily.days
        x = list(range(len(days)))
        for line, values in ((self.completion, snapshot.daily.completion),
                             (self.satisfaction, snapshot.daily.satisfaction)):
            if any(v is not None for v in values):
                line.setData(x, _percents(values))
            else:  # nothing to draw (pyqtgraph would warn about an all-NaN line)
                line.setData([], [])
        ticks = [(i, d.strftime("%m-%d")) for i, d in enumerate(days) if (len(days) - 1 - i) % 7 == 0]
        self.plot.getPlotItem().getAxis("bottom").setTicks([ticks])
        self.plot.setXRange(-0.5, max(len(days), 1) - 0.5, padding=0)
        values = [v for v in snapshot.daily.completion + snapshot.daily.satisfaction if v is not None]
        low = min(50, int(min(values, default=0.5) * 100) // 10 * 10)  # from 50% down to what is shown
        self.plot.setYRange(low, 100, padding=0.03)
        self.plot.getPlotItem().getAxis("left").setTicks([[(v, f"{v}%") for v in (low, (low + 100) // 2, 100)]])
