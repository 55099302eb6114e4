"""The event list's own order followed through a replay: after every move of the meeting's
cursor (near frames, far seeks both ways), the rows placed one by one (moved, inserted, removed,
regrouped by the clock) stand in exactly the order a list loaded afresh at that instant has."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QTableView

from commandroom.models.clock import FrozenClock
from commandroom.models.replay_cursor import RowsCursor
from commandroom.views.events.event_table_model import Col, EventTableModel
from tests.unit.test_replay_cursor import RECENT_DAYS, street  # noqa: F401


@pytest.mark.parametrize("warm", [False, True], ids=["cold", "warmed"])
def test_the_list_placed_by_differences_equals_the_list_loaded_afresh(street, qtmodeltester, warm):  # noqa: F811
    replay, names, _db = street
    cursor = RowsCursor(replay, names, RECENT_DAYS)
    if warm:  # seeks from the bases, as in the meeting window
        cursor.warm()
    clock = FrozenClock(cursor.at)
    model = EventTableModel(clock)
    model.set_rows(cursor.rows.values())
    qtmodeltester.check(model)
    rng = random.Random(11)
    span = (replay.end - replay.start).total_seconds()
    at = replay.start + timedelta(days=2, hours=9)
    instants = [at + timedelta(minutes=3 * k) for k in range(30)]  # playback
    instants += [replay.start + timedelta(seconds=rng.uniform(0, span)) for _ in range(12)]  # far seeks
    moved, presorted = [], 0
    model.rowsMoved.connect(lambda *args: moved.append(args))
    for at in instants:
        delta = cursor.move(at)
        clock.at = cursor.at
        if delta.order is not None and model.take(delta.rows, delta.order):
            presorted += 1
        else:
            model.apply(delta.upserts, delta.removed, delta.regrouped)
        fresh = EventTableModel(FrozenClock(cursor.at))
        fresh.set_rows(cursor.rows.values())
        assert model.ids() == fresh.ids(), at
        assert model._keys == fresh._keys and model._key == fresh._key, at  # the keys kept are right too
    assert moved  # rows found their new places by moves, not by a reset
    assert bool(presorted) == warm  # a warmed cursor's seeks hand the list its order, taken


@pytest.mark.parametrize("view", ["filtered", "by title"])
def test_a_seek_of_a_list_not_in_its_opening_order_places_the_rows_itself(street, view):  # noqa: F811
    """The cursor's order is the opening one, unfiltered: a list sorted otherwise, or filtered,
    does not take it, and still ends where a list loaded afresh (sorted and filtered alike) does."""
    replay, names, _db = street
    cursor = RowsCursor(replay, names, RECENT_DAYS)
    cursor.warm()
    clock = FrozenClock(cursor.at)

    def made() -> EventTableModel:
        model = EventTableModel(clock)
        if view == "filtered":
            model.filter.set_overdue_only(True)
        else:
            model.sort(Col.TITLE, Qt.SortOrder.DescendingOrder)
        return model

    model = made()
    model.set_rows(cursor.rows.values())
    rng = random.Random(5)
    span = (replay.end - replay.start).total_seconds()
    given = 0
    for at in [replay.start + timedelta(seconds=rng.uniform(0, span)) for _ in range(8)]:
        delta = cursor.move(at)
        given += delta.order is not None
        clock.at = cursor.at
        assert delta.order is None or not model.take(delta.rows, delta.order)
        model.apply(delta.upserts, delta.removed, delta.regrouped)
        fresh = made()
        fresh.set_rows(cursor.rows.values())
        assert model.ids() == fresh.ids(), at
        assert model.total() == len(cursor.rows)
    assert given  # seeks from bases, their order declined


def test_a_seek_taken_whole_keeps_the_selection_and_the_current_row_on_their_events(street, qtbot):  # noqa: F811
    """The list takes a seek's whole order in one layout change: the rows selected and the
    current one are carried by their events' ids to wherever those now stand."""
    replay, names, _db = street
    cursor = RowsCursor(replay, names, RECENT_DAYS)
    cursor.warm()
    clock = FrozenClock(cursor.at)
    model = EventTableModel(clock)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    a, b = replay.start + timedelta(days=1, hours=3), replay.end - timedelta(hours=2)
    cursor.move(a)
    clock.at = cursor.at
    model.set_rows(cursor.rows.values())
    delta = cursor.move(b)
    kept = [i for i in model.ids() if i in delta.rows]  # listed at both instants
    assert delta.order is not None and len(kept) > 3
    chosen, current = kept[1:3], kept[-1]
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for event_id in chosen:
        view.selectionModel().select(model.index(model.row_of(event_id), 0), flags)
    view.selectionModel().setCurrentIndex(model.index(model.row_of(current), 0),
                                          QItemSelectionModel.SelectionFlag.NoUpdate)
    before = model.ids()
    clock.at = cursor.at
    assert model.take(delta.rows, delta.order)
    assert model.ids() != before  # the rows stand elsewhere now
    selected = {model.row_at(index.row()).id for index in view.selectionModel().selectedRows()}
    assert selected == set(chosen)
    assert model.row_at(view.currentIndex().row()).id == current
