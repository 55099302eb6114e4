"""The live list's model, fed with fake snapshots: inserts, in-place changes (never a reset),
moves, removals, the clock, filters and sorting (the model's own: no proxy)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from commandroom.models.clock import FrozenClock
from commandroom.models.enums import Priority, Status
from commandroom.views.common import palette
from commandroom.views.events.event_filter import (
    CATEGORY_CLASS,
    CATEGORY_ITEM,
    COMMUNITY,
    GRID,
    choice,
)
from commandroom.views.events.event_table_model import ROW_ROLE, Col, EventTableModel, _group, _regrouped
from tests.views.conftest import NOW, make_row


@pytest.fixture
def clock():
    return FrozenClock(NOW)


@pytest.fixture
def model(clock, qtmodeltester):
    model = EventTableModel(clock)
    model.set_rows([make_row(1), make_row(2), make_row(3)])
    qtmodeltester.check(model)
    return model


def text(model, row, col):
    return model.data(model.index(row, col))


def test_new_rows_are_inserted_not_reset(qtbot, model):
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        assert model.upsert([make_row(4), make_row(5)]) == (2, 0)
    assert inserted.args[1:] == [3, 4]
    assert model.ids() == (1, 2, 3, 4, 5) and not resets
    assert text(model, 4, Col.CODE) == "YJ20261116-0005"


def test_changed_row_emits_data_changed_for_its_row_only(qtbot, model):
    resets, inserts = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda *a: inserts.append(a))
    with qtbot.waitSignal(model.dataChanged) as changed:
        assert model.upsert([make_row(2, status=Status.IN_PROGRESS, version=4)]) == (0, 1)
    top, bottom = changed.args[0], changed.args[1]
    assert (top.row(), bottom.row(), top.column(), bottom.column()) == (1, 1, 0, len(Col) - 1)
    assert text(model, 1, Col.STATUS) == "处置中"
    assert not resets and not inserts


def test_unchanged_snapshot_is_silent(qtbot, model):
    with qtbot.assertNotEmitted(model.dataChanged):
        assert model.upsert([make_row(1)]) == (0, 0)


def test_remove_ids_in_runs_from_the_bottom(model):
    model.upsert([make_row(i) for i in range(4, 9)])
    assert model.remove_ids([2, 3, 6, 8, 99]) == 4
    assert model.ids() == (1, 4, 5, 7)
    assert [model.row_of(i) for i in (1, 4, 5, 7)] == [0, 1, 2, 3]


def test_cells_cues_and_countdown(model, clock):
    model.upsert([make_row(4, priority=Priority.URGENT, handle_due=NOW - timedelta(minutes=90))])
    urgent = model.row_of(4)
    assert text(model, urgent, Col.PRIORITY) == "紧急"
    assert model.data(model.index(urgent, Col.PRIORITY), Qt.ItemDataRole.ForegroundRole) == \
        palette.PRIORITY[Priority.URGENT]
    assert model.data(model.index(urgent, Col.TITLE), Qt.ItemDataRole.BackgroundRole) == palette.OVERDUE_ROW
    assert text(model, urgent, Col.REMAINING) == "超 1时30分"
    assert urgent == 0  # overdue: at the top
    assert text(model, 1, Col.REMAINING) == "剩 4时0分"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert text(model, 1, Col.RECEIVED) == "08:59"
    assert model.data(model.index(1, 0), ROW_ROLE).id == 1


def test_countdown_colours_follow_the_domain_rules(model):
    model.upsert([make_row(4, handle_due=NOW - timedelta(minutes=1)),
                  make_row(5, handle_due=NOW + timedelta(minutes=30))])

    def colour(event_id):
        cell = model.index(model.row_of(event_id), Col.REMAINING)
        return model.data(cell, Qt.ItemDataRole.ForegroundRole)

    assert (colour(4), colour(5), colour(1)) == (palette.OVERDUE_TEXT, palette.DUE_SOON_TEXT, None)


def test_tick_moves_countdowns_and_tints_without_reset(qtbot, model, clock):
    clock.advance(hours=5)
    with qtbot.waitSignal(model.dataChanged):
        model.tick()
    assert text(model, 0, Col.REMAINING) == "超 1时0分"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) == palette.OVERDUE_ROW


def test_the_ticks_quick_test_finds_exactly_the_rows_whose_group_changed():
    """``_regrouped`` against the two groups computed, for limits and ticks on both sides of
    every boundary (turning due soon, turning overdue, equal to the instants themselves)."""
    minutes = [timedelta(minutes=m) for m in (-90, -60, -31, -30, -29, -1, 0, 1, 29, 30, 31, 60, 90)]
    rows = [make_row(1, status=status, handle_due=None if due is None else NOW + due,
                     dispatched_at=NOW - timedelta(hours=2))
            for status in (Status.RECEIVED, Status.DISPATCHED, Status.IN_PROGRESS, Status.RESOLVED, Status.CLOSED)
            for due in [None, *minutes]]
    checked = changed = 0
    for row in rows:
        for before in minutes:
            for step in (timedelta(seconds=1), timedelta(minutes=1), timedelta(minutes=45)):
                expected = _group(row, NOW + before) != _group(row, NOW + before + step)
                assert _regrouped(row, NOW + before, NOW + before + step) == expected, (row.status, row.handle_due, before, step)
                checked += 1
                changed += expected
    assert changed > 20 and checked == len(rows) * len(minutes) * 3


def test_unregistered_and_merged_reports(model):
    model.upsert([make_row(4, status=Status.RECEIVED, category_code="", category_name="",
                           handle_due=None, contact_count=3)])
    row = model.row_of(4)
    assert text(model, row, Col.CATEGORY) == "待立案"
    assert text(model, row, Col.TITLE) == "占道经营4（3次反映）"
    assert text(model, row, Col.REMAINING) == ""


@pytest.fixture
def filtered(model, qtmodeltester):
    """The model with two more rows, a finished one and an overdue urgent one."""
    model.upsert([
        make_row(4, status=Status.CLOSED, closed_at=NOW, finished_at=NOW, community_id=20, grid_id=21,
                 community_name="窑头社区", title="噪音扰民", category_code="MD01",
                 category_class="矛盾纠纷"),
        make_row(5, priority=Priority.URGENT, handle_due=NOW - timedelta(hours=1), address="窑头路8号"),
    ])
    qtmodeltester.check(model)
    return model


def shown(model):
    return sorted(model.data(model.index(r, 0), ROW_ROLE).id for r in range(model.rowCount()))


def set_filter(model, setter, value):
    getattr(model.filter, setter)(value)
    model.refilter()


def test_filters(filtered):
    set_filter(filtered, "set_statuses", {Status.CLOSED})
    assert shown(filtered) == [4]
    set_filter(filtered, "set_statuses", None)
    set_filter(filtered, "set_category", choice(CATEGORY_CLASS, "矛盾纠纷"))
    assert shown(filtered) == [4]
    set_filter(filtered, "set_category", choice(CATEGORY_ITEM, "CG01"))
    assert shown(filtered) == [1, 2, 3, 5]
    set_filter(filtered, "set_category", None)
    set_filter(filtered, "set_place", choice(COMMUNITY, 20))
    assert shown(filtered) == [4]
    set_filter(filtered, "set_place", choice(GRID, 11))
    assert shown(filtered) == [1, 2, 3, 5]
    set_filter(filtered, "set_place", None)
    set_filter(filtered, "set_text", "窑头")  # the address of 5 only; the title of 4 does not say it
    assert shown(filtered) == [5]
    set_filter(filtered, "set_text", "yj20261116-0004")  # codes match whatever the case
    assert shown(filtered) == [4]
    set_filter(filtered, "set_text", "")
    set_filter(filtered, "set_overdue_only", True)
    assert shown(filtered) == [5]


def test_changed_row_is_refiltered_live(filtered):
    set_filter(filtered, "set_statuses", {Status.DISPATCHED})
    assert shown(filtered) == [1, 2, 3, 5]
    filtered.upsert([make_row(2, status=Status.RESOLVED)])
    assert shown(filtered) == [1, 3, 5]
    filtered.upsert([make_row(6)])
    assert shown(filtered) == [1, 3, 5, 6]


def test_sorting_by_meaning(filtered):
    def order():
        return list(filtered.ids())

    moves = []
    filtered.rowsMoved.connect(lambda *args: moves.append(args))
    filtered.sort(Col.RECEIVED, Qt.SortOrder.DescendingOrder)
    assert order() == [1, 2, 3, 4, 5]
    filtered.sort(Col.PRIORITY, Qt.SortOrder.AscendingOrder)
    assert order()[0] == 5  # urgent first
    filtered.sort(Col.REMAINING, Qt.SortOrder.AscendingOrder)
    assert order()[0] == 5 and order()[-1] == 4  # overdue first, finished last
    filtered.sort(Col.STATUS, Qt.SortOrder.DescendingOrder)
    assert order()[0] == 4  # closed comes late in the lifecycle
    filtered.sort(Col.RECEIVED, Qt.SortOrder.DescendingOrder)
    filtered.upsert([make_row(0)])  # the newest arrives and takes its sorted place
    assert order()[0] == 0
    filtered.sort(Col.TITLE, Qt.SortOrder.AscendingOrder)  # text: by the locale's collation
    assert order()[0] == 4  # 噪音扰民 (no…) before 占道经营 (zhan…) in pinyin
    filtered.sort(Col.TITLE, Qt.SortOrder.DescendingOrder)
    assert order()[-1] == 4
    filtered.sort(Col.REMAINING, Qt.SortOrder.AscendingOrder)
    filtered.upsert([make_row(2, handle_due=NOW - timedelta(hours=2))])  # now the most overdue
    assert order()[:2] == [2, 5] and len(moves) == 1  # moved in place: no reset, no relayout


def test_a_changed_row_keeps_its_selection_as_it_moves(filtered):
    from PySide6.QtCore import QItemSelectionModel

    selection = QItemSelectionModel(filtered)
    selection.select(filtered.index(filtered.row_of(3), 0), QItemSelectionModel.SelectionFlag.Select)
    filtered.upsert([make_row(3, handle_due=NOW - timedelta(hours=3))])  # to the top
    assert filtered.row_of(3) == 0
    assert [index.row() for index in selection.selectedIndexes()] == [0]
    set_filter(filtered, "set_text", "燕翔路3号")  # a filter change: laid out again, kept selected
    assert [index.row() for index in selection.selectedIndexes()] == [0] and filtered.rowCount() == 1
