"""Grouped bars on a pyqtgraph plot: the report's charts (rendered to images for the PDF) and
the meeting window's measures tab (live) draw the week beside the week before the same way."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QFont

FONT = "Noto Sans CJK SC"


def draw_bars(plot: pg.PlotWidget, labels: list[str], series: list[tuple[list[float], str, str]],
              title: str, font_pt: int = 10) -> None:
    """``series``: (values, colour, name) each, drawn side by side per label, with a legend when
    there are several. Clears what the plot held."""
    plot.clear()
    if plot.plotItem.legend is not None:
        plot.plotItem.legend.clear()
    plot.setTitle(title, color="#222", size=f"{font_pt + 3}pt")
    legend = None
    if len(series) > 1:
        legend = plot.plotItem.legend or plot.addLegend(offset=(-10, 10), labelTextColor="#222",
                                                        labelTextSize=f"{font_pt + 1}pt")
    width = 0.8 / len(series)
    for k, (values, color, name) in enumerate(series):
        x = [i - 0.4 + width * (k + 0.5) for i in range(len(values))]
        bars = pg.BarGraphItem(x=x, height=values, width=width * 0.9, brush=color, pen=pg.mkPen(None))
        plot.addItem(bars)
        if legend is not None:
            legend.addItem(bars, name)
    top = max((max(values, default=0) for values, _, _ in series), default=0) or 1
    plot.setYRange(0, top * 1.2, padding=0)  # headroom for the legend above the bars
    plot.setXRange(-0.6, max(len(labels), 1) - 0.4, padding=0)
    plot.getAxis("bottom").setTicks([list(enumerate(labels))])
    for side in ("bottom", "left"):
        plot.getAxis(side).setTextPen("#222")
        plot.getAxis(side).setTickFont(QFont(FONT, font_pt))
    plot.setMouseEnabled(False, False)
