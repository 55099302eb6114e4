"""The list's urgency key (its opening order) read from each row's instants kept once equals the
rule spelt out by the urgency groups (overdue, due soon, other open, finished), at instants all
around the rows' limits."""

from __future__ import annotations

from datetime import datetime, timedelta

from commandroom.models.clock import FrozenClock
from commandroom.models.urgency import SPAN, seconds
from commandroom.views.events import event_table_model as etm
from commandroom.views.events.event_table_model import EventTableModel
from tests.unit.test_replay_cursor import RECENT_DAYS, street  # noqa: F401
from commandroom.models.replay_cursor import RowsCursor


def _by_the_rule(row, now: datetime) -> int:
    group = etm._group(row, now)
    within = seconds(row.handle_due) if group < 2 else SPAN - seconds(row.received_at)
    return group * SPAN + within


def test_the_urgency_key_follows_the_groups_rule(street):  # noqa: F811
    replay, names, _db = street
    cursor = RowsCursor(replay, names, RECENT_DAYS)
    cursor.move(replay.start + timedelta(days=3, hours=10))
    clock = FrozenClock(cursor.at)
    model = EventTableModel(clock)
    rows = list(cursor.rows.values())
    limited = [row for row in rows if row.handle_due is not None and row.dispatched_at is not None]
    assert limited
    instants = [cursor.at + timedelta(minutes=m) for m in range(-600, 601, 37)]
    instants += [row.handle_due + timedelta(seconds=s) for row in limited[:20] for s in (-1, 0, 1)]
    soon = [row.due_soon_from() for row in limited[:20] if row.due_soon_from() is not None]
    assert soon
    instants += [at + timedelta(seconds=s) for at in soon for s in (-1, 0, 1)]  # turning due soon
    groups = set()
    for now in instants:
        model._now = now
        for row in rows:
            assert model.sort_key(row, etm.Col.REMAINING) == _by_the_rule(row, now), (row.id, now)
            assert model._full_key(row) == (_by_the_rule(row, now), row.id)  # the whole key, kept parts
            groups.add(etm._group(row, now))
    assert groups == {0, 1, 2, 3}  # every group met
