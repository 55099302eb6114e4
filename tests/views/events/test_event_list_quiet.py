"""The event list under a storm: reports arriving below what the officer sees, and events that
change place below it, repaint no cell; an event coming into view or leaving it repaints, and
what is on screen is always what a fresh paint draws."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication

from commandroom.models.clock import FrozenClock
from commandroom.models.enums import Status
from commandroom.views.common.quiet_table import QuietTable
from commandroom.views.events.event_list import EventListPanel
from tests.views.calls.test_queue_tick import on_screen_is_fresh
from tests.views.conftest import NOW, make_row, make_snapshot


@pytest.fixture
def panel(qtbot):
    """200 open events, the newest first (row n received n minutes ago); a screenful in view."""
    panel = EventListPanel(FrozenClock(NOW))
    qtbot.addWidget(panel)
    panel.resize(1400, 400)
    panel.load(make_snapshot([make_row(n) for n in range(1, 201)]))
    panel.show()
    qtbot.waitExposed(panel)
    model = panel.model
    look = model.look
    model.painted = 0

    def counted(place, column):
        model.painted += 1
        return look(place, column)

    model.look = counted  # the delegate asks each painted cell once
    qtbot.waitUntil(lambda: model.painted > 0)
    return panel


def settle(panel) -> int:
    """Let the slices, the delayed layout and any repaint run; how many cells were painted."""
    panel.model.painted = 0
    for _ in range(4):  # a slice's turn, the view's 0 ms layout timer, the repaint it posts
        QApplication.processEvents()
    return panel.model.painted


def finished(row):
    return replace(row, status=Status.CLOSED, closed_at=NOW, finished_at=NOW)


def test_the_list_is_a_quiet_table(panel):
    assert isinstance(panel.table, QuietTable)


def test_reports_arriving_below_the_view_paint_nothing_but_the_scroll_range_follows(panel):
    settle(panel)
    scroll = panel.table.verticalScrollBar().maximum()
    older = [make_row(1000 + n) for n in range(100)]  # received earlier: below every shown row
    panel.apply_changes(older)  # more than a slice: taken in several turns
    assert settle(panel) == 0
    assert panel.model.total() == 300
    assert panel.table.verticalScrollBar().maximum() > scroll


def test_an_event_changing_place_below_the_view_paints_nothing(panel):
    settle(panel)
    assert panel.table.rowAt(panel.table.viewport().height() - 1) < 150
    panel.apply_changes([finished(make_row(150))])  # closed: to the end of the list
    assert panel.model.row_of(150) == 199
    assert settle(panel) == 0


def test_an_event_leaving_or_entering_the_view_repaints(panel):
    settle(panel)
    panel.apply_changes([finished(make_row(2))])  # from the second row to the end
    assert settle(panel) > 0
    panel.apply_changes([make_row(0)])  # the newest of all: the first row
    assert panel.model.row_of(0) == 0
    assert settle(panel) > 0


def test_what_is_on_screen_is_what_a_fresh_paint_draws(qtbot, panel):
    steps = [[make_row(1000 + n) for n in range(60)], [finished(make_row(150))],
             [finished(make_row(3))], [make_row(0)],
             [make_row(5, handle_due=NOW - timedelta(minutes=5), overdue=True)]]  # overdue: to the top
    for rows in steps:
        panel.apply_changes(rows)
        qtbot.waitUntil(lambda: on_screen_is_fresh(panel, panel.table), timeout=2_000)


def test_a_batch_in_slices_repaints_the_rows_it_brings_into_view_once_at_its_end(panel, qtbot):
    settle(panel)
    model, upsert, before_each = panel.model, panel.model.upsert, []

    def counted(rows):
        before_each.append(model.painted)  # cells painted since the batch began
        return upsert(rows)

    model.upsert = counted
    model.painted = 0
    panel.apply_changes([make_row(-n) for n in range(1, 121)])  # newer than all: in view, three slices
    qtbot.waitUntil(lambda: not panel._slices.pending and len(before_each) == 3)
    assert before_each == [0, 0, 0]  # nothing painted between the slices
    qtbot.waitUntil(lambda: model.painted > 0)  # … and the view after the last
    assert model.row_of(-120) == 0
    qtbot.waitUntil(lambda: on_screen_is_fresh(panel, panel.table), timeout=2_000)


def test_a_batch_held_while_the_officer_scrolls_is_painted_right_at_its_end(panel, qtbot):
    """Rows came into view during the batch, then the officer scrolled them above the top before
    its last slice: what is on screen is still what a fresh paint draws."""
    settle(panel)
    table = panel.table
    panel.apply_changes([make_row(-n) for n in range(1, 121)])  # three slices, all at the top
    table.verticalScrollBar().setValue(table.rowHeight(0) * 5 + 7)  # mid-batch, by pixels
    qtbot.waitUntil(lambda: not panel._slices.pending)
    qtbot.waitUntil(lambda: on_screen_is_fresh(panel, table), timeout=2_000)
