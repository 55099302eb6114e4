"""The live list's model and proxy, fed with fake snapshots: inserts, in-place changes (never a
reset), removals, the clock, filters and sorting."""

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
    EventFilterProxy,
    choice,
)
from commandroom.views.events.event_table_model import ROW_ROLE, Col, EventTableModel
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
    assert text(model, 0, Col.REMAINING) == "剩 4时0分"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert text(model, 0, Col.RECEIVED) == "08:59"
    assert model.data(model.index(0, 0), ROW_ROLE).id == 1


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


def test_unregistered_and_merged_reports(model):
    model.upsert([make_row(4, status=Status.RECEIVED, category_code="", category_name="",
                           handle_due=None, contact_count=3)])
    row = model.row_of(4)
    assert text(model, row, Col.CATEGORY) == "待立案"
    assert text(model, row, Col.TITLE) == "占道经营4（3次反映）"
    assert text(model, row, Col.REMAINING) == ""


@pytest.fixture
def proxy(model, qtmodeltester):
    model.upsert([
        make_row(4, status=Status.CLOSED, closed_at=NOW, finished_at=NOW, community_id=20, grid_id=21,
                 community_name="窑头社区", title="噪音扰民", category_code="MD01",
                 category_class="矛盾纠纷"),
        make_row(5, priority=Priority.URGENT, handle_due=NOW - timedelta(hours=1), address="窑头路8号"),
    ])
    proxy = EventFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    return proxy


def shown(proxy):
    return sorted(proxy.data(proxy.index(r, 0), ROW_ROLE).id for r in range(proxy.rowCount()))


def test_filters(proxy):
    proxy.set_statuses({Status.CLOSED})
    assert shown(proxy) == [4]
    proxy.set_statuses(None)
    proxy.set_category(choice(CATEGORY_CLASS, "矛盾纠纷"))
    assert shown(proxy) == [4]
    proxy.set_category(choice(CATEGORY_ITEM, "CG01"))
    assert shown(proxy) == [1, 2, 3, 5]
    proxy.set_category(None)
    proxy.set_place(choice(COMMUNITY, 20))
    assert shown(proxy) == [4]
    proxy.set_place(choice(GRID, 11))
    assert shown(proxy) == [1, 2, 3, 5]
    proxy.set_place(None)
    proxy.set_text("窑头")  # the address of 5 only; the title of 4 does not say it
    assert shown(proxy) == [5]
    proxy.set_text("yj20261116-0004")  # codes match whatever the case
    assert shown(proxy) == [4]
    proxy.set_text("")
    proxy.set_overdue_only(True)
    assert shown(proxy) == [5]


def test_changed_row_is_refiltered_live(proxy, model):
    proxy.set_statuses({Status.DISPATCHED})
    assert shown(proxy) == [1, 2, 3, 5]
    model.upsert([make_row(2, status=Status.RESOLVED)])
    assert shown(proxy) == [1, 3, 5]
    model.upsert([make_row(6)])
    assert shown(proxy) == [1, 3, 5, 6]


def test_sorting_by_meaning(proxy, model):
    def order():
        return [proxy.data(proxy.index(r, 0), ROW_ROLE).id for r in range(proxy.rowCount())]

    proxy.sort(Col.RECEIVED, Qt.SortOrder.DescendingOrder)
    assert order() == [1, 2, 3, 4, 5]
    proxy.sort(Col.PRIORITY, Qt.SortOrder.AscendingOrder)
    assert order()[0] == 5  # urgent first
    proxy.sort(Col.REMAINING, Qt.SortOrder.AscendingOrder)
    assert order()[0] == 5 and order()[-1] == 4  # overdue first, finished last
    proxy.sort(Col.STATUS, Qt.SortOrder.DescendingOrder)
    assert order()[0] == 4  # closed comes late in the lifecycle
    proxy.sort(Col.RECEIVED, Qt.SortOrder.DescendingOrder)
    model.upsert([make_row(0)])  # the newest arrives and takes its sorted place
    assert order()[0] == 0
