"""The queue's second tick repaints only the cells that read the clock: the waiting column, and
the whole rows that glow or are held (each painted cell is a call into Python, which waits for
the interpreter while the console's workers compute)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from commandroom.models.clock import FrozenClock
from commandroom.views.calls.call_queue import CallQueuePanel
from commandroom.views.calls.queue_model import Col
from tests.views.calls.test_queue_model import NOW, queue_row


@pytest.fixture
def queue(qtbot):
    """A shown queue of four reports at NOW: 5 just arrived (it glows), 20 held by console-2."""
    clock = FrozenClock(NOW)
    panel = CallQueuePanel("console-1", clock, muted=True)
    qtbot.addWidget(panel)
    panel.resize(1400, 600)
    panel.show()
    qtbot.waitExposed(panel)
    panel.on_view_loaded(panel.view_name, [queue_row(n) for n in (10, 20, 30)])
    held = queue_row(20, version=2, taken_by="lina", taken_by_name="李娜", taken_console="console-2",
                     holder_seen_at=NOW, holder_quiet=False)
    panel.on_view_changed(panel.view_name, [20, 5], [held, queue_row(5, received_at=NOW)])
    return clock, panel


def test_the_tick_repaints_the_waiting_column_and_the_rows_that_glow_or_are_held(queue):
    clock, panel = queue
    table = panel.table
    cell = lambda event_id, col: table.visualRect(  # noqa: E731
        panel.model.index(panel.model.row_of(event_id), col)).center()

    clock.advance(seconds=3)  # the glow's first step
    panel.model.tick()
    region = panel._clock_region()
    for event_id in (5, 10, 20, 30):
        assert region.contains(cell(event_id, Col.WAITING))  # every wait counts on
    for event_id in (5, 20):  # 5 glows, fading; 20 is held: its lock lapses by the clock
        assert region.contains(cell(event_id, Col.REPORT)) and region.contains(cell(event_id, Col.HOLDER))
    for event_id in (10, 30):
        assert not region.contains(cell(event_id, Col.REPORT))
        assert not region.contains(cell(event_id, Col.CALLER))


def test_after_a_tick_what_is_on_screen_is_what_a_fresh_paint_draws(qtbot, queue):
    clock, panel = queue
    panel.model.set_presence({"console-2": NOW}, timedelta(seconds=90))
    for seconds in (5, 100):  # the waits count on, the glow fades out, the lock lapses
        clock.advance(seconds=seconds)
        panel._tick()
        qtbot.waitUntil(lambda: on_screen_is_fresh(panel, panel.table.viewport()), timeout=2_000)


def on_screen_is_fresh(window, widget) -> bool:
    """The window's backing store shows ``widget`` as a fresh rendering of it would. A channel
    may differ by a step or two (an icon scaled on screen and in a grab rounds apart); a stale
    cell differs by whole glyphs."""
    import numpy as np
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtGui import QImage

    def pixels(image):
        image = image.convertToFormat(QImage.Format.Format_RGB32)
        return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine()).astype(int)

    on_screen = window.screen().grabWindow(window.winId()).toImage().copy(
        QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()))
    fresh = widget.grab().toImage()
    return on_screen.size() == fresh.size() and int(np.abs(pixels(on_screen) - pixels(fresh)).max()) <= 2


def test_the_longest_waits_fit_their_column(queue):
    """A report left waiting for hours or days (an old database, a weekend) shows its whole
    wait, in bold, inside the column's margins: not "13时4…"."""
    from PySide6.QtGui import QFont, QFontMetrics

    from commandroom.views.calls.queue_model import waiting
    from commandroom.views.common.style import CELL_MARGIN

    _clock, panel = queue
    bold = QFont(panel.table.font())
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    room = panel.table.columnWidth(Col.WAITING) - 2 * (CELL_MARGIN + 1)
    for seconds in (59 * 60 + 59, 23 * 3600 + 58 * 60, 38 * 86400 + 23 * 3600):
        text = waiting(NOW - timedelta(seconds=seconds), NOW)
        assert metrics.horizontalAdvance(text) <= room, (text, metrics.horizontalAdvance(text), room)
