"""The meeting's list moved by differences holds, at every instant, exactly the rows a fresh
``event_rows`` gives then; the deltas, applied to a list that showed the previous instant, bring
it to the new one; a near frame touches a few rows, not the street."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest

from commandroom.demo import generate
from commandroom.models.replay import Replay
from commandroom.models.replay_cursor import RowsCursor
from commandroom.models.replay_rows import Names, event_rows
from commandroom.models.urgency import urgency_key

RECENT_DAYS = 2  # short, so that events age out of the list inside the week and come back


@pytest.fixture(scope="module")
def street(tmp_path_factory):
    from commandroom.models.db import Database

    db = Database(f"sqlite:///{tmp_path_factory.mktemp('cursor') / 'street.sqlite3'}")
    generate(db, days=9, seed=5, per_day=60, end=date(2026, 11, 21), overlap=False)
    start = datetime(2026, 11, 16)
    with db.session() as session:
        replay = Replay(session, 1, start, datetime(2026, 11, 21, 16))
        names = Names.load(session)
    yield replay, names, db
    db.dispose()


def _expected(replay, names, at):
    return sorted(event_rows(replay.state_at(at), names, at, RECENT_DAYS), key=lambda r: r.id)


@pytest.mark.parametrize("warm", [False, True], ids=["cold", "warmed"])
def test_every_move_lands_on_the_rows_of_its_instant(street, warm):
    replay, names, _db = street
    cursor = RowsCursor(replay, names, RECENT_DAYS)
    if warm:  # every checkpoint's rows made ahead, as the meeting's loader does: the same rows
        cursor.warm()
    shown = {row.id: row for row in cursor.rows.values()}
    assert sorted(shown.values(), key=lambda r: r.id) == _expected(replay, names, replay.start)
    rng = random.Random(3)
    span = (replay.end - replay.start).total_seconds()
    at = replay.start + timedelta(days=1)
    instants = [at + timedelta(minutes=3 * k) for k in range(40)]  # playback
    instants += [replay.start + timedelta(seconds=rng.uniform(0, span)) for _ in range(25)]  # seeks
    instants += [replay.end - timedelta(minutes=7 * k) for k in range(30)]  # backwards, near
    regrouped = ordered = 0
    for at in instants:
        delta = cursor.move(at)
        for event_id in delta.removed:
            del shown[event_id]
        shown.update((row.id, row) for row in delta.upserts)
        assert set(delta.regrouped) <= set(shown)
        regrouped += len(delta.regrouped)
        expected = _expected(replay, names, cursor.at)
        assert sorted(cursor.rows.values(), key=lambda r: r.id) == expected, at
        assert sorted(shown.values(), key=lambda r: r.id) == expected, at
        if delta.order is not None:  # a seek from a base: the list's opening order, merged
            assert delta.order == sorted(urgency_key(row, cursor.at) for row in expected), at
            ordered += 1
    assert bool(ordered) == warm
    assert regrouped > 0  # rows turned due soon by the clock alone, and were said to


def test_a_near_frame_touches_few_rows(street):
    replay, names, _db = street
    cursor = RowsCursor(replay, names, RECENT_DAYS)
    cursor.move(replay.start + timedelta(days=3, hours=10))
    delta = cursor.move(cursor.at + timedelta(minutes=3))
    assert len(cursor.rows) > 100
    assert len(delta.upserts) + len(delta.removed) + len(delta.regrouped) < len(cursor.rows) // 10


def test_a_seek_back_hands_over_only_the_rows_changed_since_its_base(street):
    """A warmed cursor seeks from the list kept at the nearest base: a seek back to where the
    slider was finds the very same row objects for the events unchanged since that base (the
    list compares rows by identity), so it hands over only the few others."""
    replay, names, _db = street
    cursor = RowsCursor(replay, names, RECENT_DAYS)
    cursor.warm()
    assert len(cursor._bases) > 1
    a, b = replay.start + timedelta(days=1, hours=11), replay.end - timedelta(hours=5)
    cursor.move(a)
    first = dict(cursor.rows)
    cursor.move(b)
    delta = cursor.move(a)
    same = sum(cursor.rows[i] is row for i, row in first.items())
    assert same > 0.8 * len(first), (same, len(first))
    assert len(delta.upserts) < len(first)


def test_a_seeks_differences_are_asked_before_the_cursor_moves_on(street):
    """A seek from a base hands its differences over on demand, from the cursor's own rows:
    asked after the next move they would be wrong, so they are refused."""
    replay, names, _db = street
    cursor = RowsCursor(replay, names, RECENT_DAYS)
    cursor.warm()
    cursor.move(replay.start + timedelta(hours=5))
    late = cursor.move(replay.end - timedelta(hours=3))
    assert late.order is not None
    asked = cursor.move(replay.start + timedelta(days=1, hours=2))
    assert asked.order is not None and asked.upserts is not None  # asked in time: answered
    cursor.move(replay.end)
    with pytest.raises(RuntimeError):
        late.upserts
