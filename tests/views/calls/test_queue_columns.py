"""The queue in a dock of any width: the report's text keeps its room, every column's title is
whole (not "议类别"), and in a dock too narrow for all the secondary columns the least needed
step aside (the suggestion, then the grid, then the caller), coming back when it widens."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QWidget

from commandroom.models.clock import FrozenClock
from commandroom.views.calls.call_queue import CallQueuePanel
from commandroom.views.calls.queue_model import Col
from tests.views.calls.test_queue_model import NOW, queue_row

SECONDARY = (Col.CALLER, Col.SUGGESTED, Col.GRID, Col.HOLDER)


@pytest.fixture
def docked(qtbot):
    """A queue given whatever width a test sets, as a dock squeezed by its window gives it."""
    dock = QWidget()
    qtbot.addWidget(dock)
    dock.resize(1600, 500)
    panel = CallQueuePanel("console-1", FrozenClock(NOW), muted=True, parent=dock)
    panel.on_view_loaded(panel.view_name, [queue_row(n) for n in (10, 20, 30)])
    dock.show()
    qtbot.waitExposed(dock)
    return dock, panel  # the dock held here: pytest-qt keeps only a weak reference


def title_width(panel, col) -> int:
    header = panel.table.horizontalHeader()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    title = panel.model.headerData(col, Qt.Orientation.Horizontal)
    return header.fontMetrics().horizontalAdvance(title) + 2 * margin


def hidden(panel) -> list[Col]:
    return [c for c in SECONDARY if panel.table.isColumnHidden(c)]


def set_width(qtbot, panel, width: int) -> None:
    panel.setGeometry(0, 0, width, 400)
    qtbot.waitUntil(lambda: abs(panel.table.viewport().width() - (width - panel.table.verticalScrollBar().width()
                                                                  - 2 * panel.table.frameWidth())) <= 2)


@pytest.mark.parametrize("width", [1400, 1000, 800, 640, 520, 420])
def test_titles_whole_and_the_report_keeps_its_room(qtbot, docked, width):
    _dock, panel = docked
    set_width(qtbot, panel, width)
    table = panel.table
    for col in SECONDARY:
        if not table.isColumnHidden(col):
            assert table.columnWidth(col) >= title_width(panel, col), (width, col)
    assert table.columnWidth(Col.REPORT) >= 240 or hidden(panel) == [Col.CALLER, Col.SUGGESTED, Col.GRID]
    assert Col.HOLDER not in hidden(panel)  # who holds a report is never out of sight
    if width >= 1000:
        assert hidden(panel) == []


def test_the_least_needed_step_aside_first_and_come_back(qtbot, docked):
    _dock, panel = docked
    seen = []
    for width in range(1400, 400, -20):
        set_width(qtbot, panel, width)
        if hidden(panel) not in seen:
            seen.append(hidden(panel))
    assert seen[0] == [] and seen[-1] == [Col.CALLER, Col.SUGGESTED, Col.GRID]
    assert [Col.SUGGESTED] in seen and [Col.SUGGESTED, Col.GRID] in seen  # in that order
    assert seen.index([Col.SUGGESTED]) < seen.index([Col.SUGGESTED, Col.GRID])
    set_width(qtbot, panel, 1400)
    assert hidden(panel) == []
