"""The quiet table: rows that come below what it shows do not repaint the cells in view; rows
that come into view, removals in view and resets do, as in any table view."""

from __future__ import annotations

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from commandroom.models.clock import FrozenClock
from commandroom.models.enums import Priority
from commandroom.views.calls.queue_model import CallQueueModel
from commandroom.views.common.quiet_table import QuietTable
from tests.views.calls.test_queue_model import NOW, queue_row
from tests.views.calls.test_queue_tick import on_screen_is_fresh


class CountedModel(CallQueueModel):
    """Counts the cells painted: each asks ``multiData`` once."""

    painted = 0

    def multiData(self, index, roles) -> None:  # noqa: N802 - Qt's name
        self.painted += 1
        super().multiData(index, roles)


def shown(qtbot, rows: int, placeholder: str = ""):
    """A table of ``rows`` queue rows on screen (with ``placeholder`` and no row numbers)."""
    model = CountedModel("console-1", FrozenClock(NOW))
    model.set_rows([queue_row(n) for n in range(1, rows + 1)])  # the longest waiting first
    table = QuietTable()
    qtbot.addWidget(table)
    table.setModel(model)
    if placeholder:
        table.set_placeholder(placeholder)
        table.verticalHeader().hide()  # as the queue's: no row numbers
    table.resize(900, 300)
    table.show()
    qtbot.waitExposed(table)
    if rows:
        qtbot.waitUntil(lambda: model.painted > 0)
    return table, model


def settle(qtbot, table, model) -> int:
    """Let the delayed layout and any repaint run; how many cells were painted."""
    model.painted = 0
    for _ in range(3):  # the view's own 0 ms layout timer, then the repaint it may post
        QApplication.processEvents()
    return model.painted


def test_rows_arriving_below_the_view_paint_nothing_but_the_scroll_range_follows(qtbot):
    table, model = shown(qtbot, 200)
    settle(qtbot, table, model)
    scroll = table.verticalScrollBar().maximum()
    newest = [queue_row(1000 + n, received_at=NOW) for n in range(30)]  # waited least: the end
    model.apply([r.id for r in newest], newest)
    assert settle(qtbot, table, model) == 0
    assert table.verticalScrollBar().maximum() > scroll


def test_rows_arriving_in_view_and_removals_in_view_repaint(qtbot):
    table, model = shown(qtbot, 200)
    settle(qtbot, table, model)
    urgent = [queue_row(2000, priority=Priority.URGENT)]  # the first row: in view
    model.apply([2000], urgent)
    assert settle(qtbot, table, model) > 0
    model.apply([2000], [])  # decided: it leaves the first row
    assert settle(qtbot, table, model) > 0
    model.set_rows([queue_row(1)])
    assert settle(qtbot, table, model) > 0


def test_a_row_arriving_in_view_repaints_from_its_place_down_only(qtbot):
    table, model = shown(qtbot, 200)
    settle(qtbot, table, model)
    in_view = table.rowAt(table.viewport().height() - 1) + 1
    columns = model.columnCount()
    # As long as the fourth row has waited (a later id): it goes in at the fifth.
    model.apply([3000], [queue_row(3000, received_at=model.row_at(3).received_at)])
    assert model.row_of(3000) == 4
    painted = settle(qtbot, table, model)
    assert 0 < painted <= (in_view - 4) * columns


def test_what_is_on_screen_is_what_a_fresh_paint_draws(qtbot):
    """Nothing stale is left on screen: after arrivals below, in and above the view and a
    removal, the window's backing store equals a fresh rendering of the table."""
    table, model = shown(qtbot, 200)
    steps = [
        ([1000 + n for n in range(30)], [queue_row(1000 + n, received_at=NOW) for n in range(30)]),
        ([3000], [queue_row(3000, received_at=model.row_at(3).received_at)]),
        ([4000], [queue_row(4000, priority=Priority.URGENT)]),
        ([2], []),
    ]
    for touched, rows in steps:
        model.apply(touched, rows)
        qtbot.waitUntil(lambda: on_screen_is_fresh(table, table), timeout=2_000)


def test_a_repaint_in_bands_ends_even_where_it_reached_past_the_viewport(qtbot):
    """Queued while the viewport was wider (before a scroll bar came): what lies outside it is
    dropped, not queued again turn after turn (a 0 ms timer spinning the GUI thread)."""
    from PySide6.QtGui import QRegion

    table, model = shown(qtbot, 200)
    settle(qtbot, table, model)
    viewport = table.viewport()
    table.repaint_in_bands(QRegion(0, 0, viewport.width() + 40, viewport.height() + 40))
    qtbot.waitUntil(lambda: not table._band.isActive(), timeout=2_000)
    assert table._queued.isEmpty()
    assert model.painted > 0


def test_an_empty_table_says_so_in_its_viewport_and_keeps_its_size_as_rows_come(qtbot):
    """The placeholder is painted by the table, not a label beside it: the first row does not
    lay the dock out again (the view keeps its size) and the text is gone with it."""
    table, model = shown(qtbot, 0, placeholder="暂无待处理的报告")
    blank = QImage(table.viewport().size(), QImage.Format.Format_RGB32)
    blank.fill(table.viewport().palette().base().color())
    assert table.placeholder_shown() == "暂无待处理的报告"
    assert table.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32) != blank  # drawn
    size = table.viewport().size()
    model.set_rows([queue_row(1)])
    assert table.placeholder_shown() == ""
    settle(qtbot, table, model)
    assert table.viewport().size() == size
    model.set_rows([])
    assert table.placeholder_shown() == "暂无待处理的报告"


def test_the_first_rows_of_an_empty_table_are_painted_in_bands_even_just_after_a_reset(qtbot):
    """The queue's opening load is a reset, and a reset of an empty table is laid out no
    sooner than the next rows: a storm's first batch was then painted whole in one turn. The
    first rows are painted from the top a band a turn, and what is on screen ends up right."""
    table, model = shown(qtbot, 0)
    model.set_rows([])  # the opening load: nothing waiting
    rows = [queue_row(n) for n in range(1, 40)]
    model.apply([r.id for r in rows], rows)
    assert table._pending == 0  # from the top, in bands: not a whole relayout
    qtbot.waitUntil(lambda: on_screen_is_fresh(table, table), timeout=2_000)
