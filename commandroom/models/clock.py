"""The street's wall clock. Commands and the scheduler ask a Clock, so tests can freeze time."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

BEIJING = timezone(timedelta(hours=8))


class Clock:
    """The real clock: naive Beijing time, to the second."""

    def now(self) -> datetime:
        return datetime.now(BEIJING).replace(tzinfo=None, microsecond=0)


class FrozenClock(Clock):
    """A clock that only moves when told to (tests, replay)."""

    def __init__(self, at: datetime):
        self.at = at

    def now(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> datetime:
        self.at += timedelta(**delta)
        return self.at
