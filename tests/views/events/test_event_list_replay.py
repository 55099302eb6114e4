"""The event list's own order followed through a replay: after every move of the meeting's
cursor (near frames, far seeks both ways), the rows placed one by one (moved, inserted, removed,
regrouped by the clock) stand in exactly the order a list loaded afresh at that instant has."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from commandroom.models.clock import FrozenClock
from commandroom.models.replay_cursor import RowsCursor
from commandroom.views.events.event_table_model import EventTableModel
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
    moved = []
    model.rowsMoved.connect(lambda *args: moved.append(args))
    for at in instants:
        delta = cursor.move(at)
        clock.at = cursor.at
        model.apply(delta.upserts, delta.removed, delta.regrouped)
        fresh = EventTableModel(FrozenClock(cursor.at))
        fresh.set_rows(cursor.rows.values())
        assert model.ids() == fresh.ids(), at
    assert moved  # rows found their new places by moves, not by a reset
