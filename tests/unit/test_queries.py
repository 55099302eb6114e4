"""The console's read queries: live rows, snapshots by id, and the filter vocabularies."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from commandroom.models.enums import Action, Priority, Role, Status
from commandroom.models.queries import (
    RECENT_DAYS,
    list_categories,
    list_grids,
    load_live_rows,
    load_rows,
    load_snapshot,
    street_name,
)
from tests.services.seed import category_id, change_event, seed_street, write_event

NOW = datetime(2026, 11, 16, 9, 0)


@pytest.fixture
def street(db):
    return seed_street(db)


def test_row_joins_names_and_flags_overdue(db, street):
    event = write_event(db, NOW - timedelta(days=2), "占道经营", priority=Priority.HIGH)
    change_event(db, event, NOW - timedelta(days=2), Action.DISPATCH,
                 status=Status.DISPATCHED, category_id=category_id(db, "CG01"),
                 grid_id=street.grids["B1"], lead_unit_id=street.units["综合执法中队"],
                 handle_due=NOW - timedelta(hours=1))
    with db.session() as s:
        (row,) = load_rows(s, [event], NOW)
    assert (row.status, row.priority) == (Status.DISPATCHED, Priority.HIGH)
    assert (row.category_code, row.category_class, row.category_name) == ("CG01", "城市管理", "占道经营")
    assert (row.grid_name, row.community_name) == ("B社区1号院", "B社区")
    assert row.community_id == street.grids["S-1-B"]
    assert row.lead_unit_name == "综合执法中队"
    assert row.overdue and row.is_overdue(NOW) and not row.is_overdue(NOW - timedelta(hours=2))
    assert row.version == 2


def test_unregistered_row_has_empty_names(db, street):
    event = write_event(db, NOW)
    with db.session() as s:
        (row,) = load_rows(s, [event, 99999], NOW)
    assert (row.category_name, row.grid_name, row.community_id, row.lead_unit_name) == ("", "", None, "")
    assert not row.overdue and row.is_open


def test_live_rows_keep_open_and_recently_finished(db, street):
    open_old = write_event(db, NOW - timedelta(days=40), "老问题")
    closed_recent = write_event(db, NOW - timedelta(days=3), "刚结案")
    change_event(db, closed_recent, NOW - timedelta(days=1), Action.CLOSE,
                 status=Status.CLOSED, closed_at=NOW - timedelta(days=1))
    closed_old = write_event(db, NOW - timedelta(days=30), "早结案")
    change_event(db, closed_old, NOW - timedelta(days=20), Action.CLOSE,
                 status=Status.CLOSED, closed_at=NOW - timedelta(days=20))
    rejected_recent = write_event(db, NOW - timedelta(days=2), "不予立案")
    change_event(db, rejected_recent, NOW - timedelta(days=2), Action.REJECT,
                 status=Status.REJECTED, registered_at=NOW - timedelta(days=2))
    with db.session() as s:
        ids = [r.id for r in load_live_rows(s, NOW, recent_days=7)]
    assert ids == [open_old, closed_recent, rejected_recent]


def test_the_live_list_and_its_rows_age_out_by_one_rule(db, street):
    """What the opening load leaves out is exactly what a running console prunes."""
    ids = {"open": write_event(db, NOW - timedelta(days=40), "老问题")}
    for name, action, status, days in [("closed 6 days ago", Action.CLOSE, Status.CLOSED, 6),
                                       ("closed 8 days ago", Action.CLOSE, Status.CLOSED, 8),
                                       ("rejected 6 days ago", Action.REJECT, Status.REJECTED, 6),
                                       ("rejected 8 days ago", Action.REJECT, Status.REJECTED, 8),
                                       ("merged 8 days ago", Action.MERGE, Status.MERGED, 8)]:
        at = NOW - timedelta(days=days)
        ids[name] = write_event(db, at - timedelta(hours=1), name)
        change_event(db, ids[name], at, action, status=status,
                     closed_at=at if status == Status.CLOSED else None,
                     registered_at=at if status == Status.MERGED else None)
    with db.session() as s:
        live = {r.id for r in load_live_rows(s, NOW, RECENT_DAYS)}
        rows = load_rows(s, ids.values(), NOW)
    assert live == {r.id for r in rows if not r.has_aged_out(NOW, RECENT_DAYS)}
    assert live == {ids["open"], ids["closed 6 days ago"], ids["rejected 6 days ago"]}
    assert {r.id: r.finished_at for r in rows}[ids["open"]] is None


def test_due_soon_is_the_last_fifth_of_the_handling_limit(db, street):
    event = write_event(db, NOW, "占道经营")
    change_event(db, event, NOW, Action.DISPATCH, status=Status.DISPATCHED,
                 dispatched_at=NOW - timedelta(hours=8), handle_due=NOW + timedelta(hours=4))
    with db.session() as s:
        (row,) = load_rows(s, [event], NOW)
    assert row.dispatched_at == NOW - timedelta(hours=8) and row.alert_level is None
    second = timedelta(seconds=1)
    # Dispatched 10 h before NOW: due soon from 8 h on (WARN_SHARE), the ladder's 预警 instant.
    start = NOW - timedelta(hours=10)
    at = {due: replace(row, dispatched_at=start, handle_due=due) for due in
          (NOW + timedelta(hours=2.5) + second * 2, NOW + timedelta(hours=2.5), NOW, NOW - second)}
    assert [r.is_due_soon(NOW) for r in at.values()] == [False, True, True, False]
    assert [r.is_overdue(NOW) for r in at.values()] == [False, False, False, True]
    assert not replace(at[NOW], status=Status.CLOSED).is_due_soon(NOW)
    assert not replace(row, handle_due=None).is_due_soon(NOW)


def test_load_rows_in_chunks(db, street):
    ids = [write_event(db, NOW, f"事件{i}") for i in range(3)]
    with db.session() as s:
        assert [r.id for r in load_rows(s, ids * 400, NOW)] == ids


def test_vocabularies_and_snapshot(db, street):
    write_event(db, NOW)
    with db.session() as s:
        cats = list_categories(s)
        grids = list_grids(s)
        snap = load_snapshot(s, NOW, 7, "duty")
        assert street_name(s) == "姚家街道"
    assert [(c.code, c.class_name) for c in cats] == [("CG01", "城市管理"), ("CG02", "城市管理")]
    assert [g.level for g in grids] == [3, 3, 4, 4, 4, 4]
    assert snap.last_log_id == 1 and len(snap.rows) == 1 and snap.street_name == "姚家街道"
    assert snap.user.name == "张伟" and snap.user.role == Role.DUTY_OFFICER


def test_snapshot_on_empty_database(db):
    with db.session() as s:
        snap = load_snapshot(s, NOW, 7, "nobody")
    assert (snap.last_log_id, snap.rows, snap.street_name, snap.user) == (0, (), "", None)
