"""The change feed reader: ``id > last_seen``, frozen entries, and holes that fill late."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest

from commandroom.models import EventLog
from commandroom.models.changefeed import (
    FeedCursor,
    LogEntry,
    latest_id,
    read_since,
    touched_event_ids,
)
from commandroom.models.enums import Action, Status
from commandroom.models.queries import load_rows, load_snapshot
from tests.services.seed import change_event, seed_street, uncommitted_change, write_event

T0 = datetime(2026, 11, 16, 9, 0)


@pytest.fixture
def street_db(db):
    seed_street(db)
    return db


def test_empty_log_starts_at_zero(street_db):
    with street_db.session() as s:
        assert latest_id(s) == 0
        assert read_since(s, 0) == []


def test_reads_only_rows_after_last_seen_in_order(street_db):
    first = write_event(street_db, T0, "第一件")
    with street_db.session() as s:
        seen = latest_id(s)
    second = write_event(street_db, T0, "第二件")
    change_event(street_db, first, T0, Action.REGISTER, status=Status.REGISTERED)
    with street_db.session() as s:
        entries = read_since(s, seen)
    assert [e.event_id for e in entries] == [second, first]
    assert [e.action for e in entries] == [Action.RECEIVE, Action.REGISTER]
    assert entries[0].id > seen and entries[1].id > entries[0].id
    assert entries[0].actor == "duty" and entries[0].console == "console-1"


def test_limit_and_entries_are_frozen(street_db):
    for i in range(5):
        write_event(street_db, T0, f"事件{i}")
    with street_db.session() as s:
        entries = read_since(s, 0, limit=3)
    assert len(entries) == 3
    with pytest.raises(dataclasses.FrozenInstanceError):
        entries[0].actor = "x"


def test_touched_event_ids_dedupes_in_first_touch_order():
    def entry(i, event_id):
        return LogEntry(i, T0, "a", "", event_id, Action.REGISTER)

    entries = [entry(1, 7), entry(2, 3), entry(3, 7), entry(4, None), entry(5, 9)]
    assert touched_event_ids(entries) == [7, 3, 9]


def _log(session, log_id, event_id):
    session.add(EventLog(id=log_id, at=T0, actor="duty", console="", event_id=event_id,
                         action=Action.REGISTER, payload={}))


def test_cursor_rereads_a_hole_that_commits_late(street_db):
    """Ids 2 and 3 taken by a transaction that commits after id 4 is read are still seen."""
    event = write_event(street_db, T0)  # log id 1
    clock = [0.0]
    cursor = FeedCursor(1, monotonic=lambda: clock[0])
    with street_db.session() as s:
        _log(s, 4, event)
    with street_db.session() as s:
        assert [e.id for e in cursor.poll(s)] == [4]
    assert cursor.holes == {2, 3} and cursor.last_id == 4
    with street_db.session() as s:
        _log(s, 3, event)
    with street_db.session() as s:
        assert [e.id for e in cursor.poll(s)] == [3]
    assert cursor.holes == {2}
    clock[0] = 31.0  # id 2 was rolled back: given up after the timeout
    with street_db.session() as s:
        assert cursor.poll(s) == []
    assert cursor.holes == frozenset()


def test_cursor_without_news_reads_nothing(street_db):
    write_event(street_db, T0)
    with street_db.session() as s:
        cursor = FeedCursor(latest_id(s))
        assert cursor.poll(s) == []


def test_console_opening_past_an_uncommitted_row_still_receives_it(street_db):
    """A holds log row 2 uncommitted, B commits row 3, the console loads (its newest id is 3),
    then A commits: the console's cursor delivers row 2 and the event is read afresh."""
    if street_db.is_sqlite:
        pytest.skip("SQLite serialises writers: B cannot commit while A holds its row")
    first = write_event(street_db, T0)  # log id 1
    with uncommitted_change(street_db, first, T0, status=Status.REGISTERED):  # A: log id 2
        write_event(street_db, T0, "第二件")  # B: log id 3, committed
        with street_db.session() as s:
            snapshot = load_snapshot(s, T0, 7, "duty")
        cursor = FeedCursor(snapshot.last_log_id, holes=snapshot.log_holes)
        assert snapshot.last_log_id == 3
        assert {r.id: r.status for r in snapshot.rows}[first] == Status.RECEIVED
    with street_db.session() as s:
        entries = cursor.poll(s)
        rows = load_rows(s, touched_event_ids(entries), T0)
    assert [(e.id, e.event_id) for e in entries] == [(2, first)]
    assert [(r.id, r.status) for r in rows] == [(first, Status.REGISTERED)]
    assert cursor.holes == frozenset()


def test_snapshot_names_the_ids_missing_below_its_newest(street_db):
    """Ids a rolled-back or slow transaction took are waited for like any hole, then given up."""
    event = write_event(street_db, T0)  # log id 1
    with street_db.session() as s:
        _log(s, 4, event)
    with street_db.session() as s:
        snapshot = load_snapshot(s, T0, 7, "duty")
    assert (snapshot.last_log_id, snapshot.log_holes) == (4, (2, 3))
    clock = [0.0]
    cursor = FeedCursor(snapshot.last_log_id, holes=snapshot.log_holes,
                        monotonic=lambda: clock[0])
    assert (cursor.last_id, cursor.holes) == (4, {2, 3})
    with street_db.session() as s:
        _log(s, 3, event)
    with street_db.session() as s:
        assert [e.id for e in cursor.poll(s)] == [3]
    clock[0] = 31.0
    with street_db.session() as s:
        assert cursor.poll(s) == [] and cursor.holes == frozenset()


def test_a_cursor_of_marks_reads_the_same_rows_and_holes_without_their_payloads(street_db):
    """The supervision scan's cursor: which event each row touched, in which street; the same
    rows, holes and order as a cursor of whole entries."""
    event = write_event(street_db, T0)  # log id 1
    with street_db.session() as s:
        _log(s, 3, event)  # id 2 missing: a hole
    whole, marks = FeedCursor(0), FeedCursor(0, marks=True)
    with street_db.session() as s:
        entries, marked = whole.poll(s), marks.poll(s)
    assert [(e.id, e.event_id, e.street_id) for e in entries] == [tuple(m) for m in marked]
    assert not hasattr(marked[0], "payload")
    assert marks.holes == whole.holes == {2}
    with street_db.session() as s:
        _log(s, 2, event)
    with street_db.session() as s:
        assert [m.id for m in marks.poll(s)] == [e.id for e in whole.poll(s)] == [2]
