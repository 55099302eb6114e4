"""The console's widget style: Fusion (the same on every platform) with roomier table cells.

Item views place cell text ``PM_FocusFrameHMargin + 1`` pixels from the cell's edge, which is
cramped for a list read all day; styling ``QTableView::item`` in the style sheet would widen it
but makes Qt ignore the model's background colours (the overdue tint), so the margin is set here.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QProxyStyle, QStyle, QStyleFactory

CELL_MARGIN = 6


class ConsoleStyle(QProxyStyle):
    def __init__(self):
        super().__init__(QStyleFactory.create("Fusion"))

    def pixelMetric(self, metric, option=None, widget=None):
        if metric == QStyle.PixelMetric.PM_FocusFrameHMargin and isinstance(widget, QAbstractItemView):
            return CELL_MARGIN
        return super().pixelMetric(metric, option, widget)
