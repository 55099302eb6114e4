"""The meeting's event list at an instant equals what a console opened then would have listed."""

from __future__ import annotations

from datetime import datetime

from commandroom.models import replay
from commandroom.models.enums import Status
from commandroom.models.queries import load_live_rows
from commandroom.models.replay_rows import Names, event_rows

from tests.unit.test_agenda import _then
from tests.unit.test_commands import bring_to, world  # noqa: F401

RECENT_DAYS = 2


def test_rows_at_every_instant_equal_the_live_rows_then(world):  # noqa: F811
    w = world
    street = w.street.street_id
    seen: list[tuple[datetime, list]] = []

    def look():
        now = w.clock.now()
        with w.db.session() as s:
            seen.append((now, load_live_rows(s, now, RECENT_DAYS, street)))

    refs = [bring_to(w, status) for status in (Status.REGISTERED, Status.IN_PROGRESS, Status.REJECTED)]
    look()
    w.clock.advance(days=1)
    refs[0] = _then(w, refs[0], Status.DISPATCHED)
    look()
    w.clock.advance(days=3, hours=1)  # the one in progress is now overdue
    look()
    _then(w, refs[1], Status.CLOSED)
    look()
    w.clock.advance(days=RECENT_DAYS, hours=1)  # the rejected and the closed ones age out
    look()
    with w.db.session() as s:
        names = Names.load(s)
        cache: dict = {}  # kept across instants, forwards and back, as the slider keeps it
        for at, expected in seen + seen[::-1]:
            state = replay.state_at(s, street, at)
            assert event_rows(state, names, at, RECENT_DAYS) == expected, at
            assert event_rows(state, names, at, RECENT_DAYS, cache) == expected, at
    assert any(row.overdue for row in seen[2][1])
    assert len(seen[-1][1]) < len(seen[-2][1])
