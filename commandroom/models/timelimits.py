"""Due times from the category's limits for the event's priority."""

from __future__ import annotations

from datetime import datetime, timedelta

from commandroom.models.catalog import Category
from commandroom.models.enums import Priority

WARN_SHARE = 0.8
"""A limit is "due soon" (临期) once this share of it is used: close enough that the officer
should chase the unit now, while there is still time to act. The live list tints such events
and the supervision ladder raises its 预警 at that instant: one rule, here."""


def due_soon_at(start: datetime, due: datetime, share: float = WARN_SHARE) -> datetime:
    """The instant a limit running from ``start`` to ``due`` becomes due soon."""
    return start + (due - start) * share


def is_due_soon(now: datetime, start: datetime | None, due: datetime | None,
                share: float = WARN_SHARE) -> bool:
    """Due soon at ``now``: ``share`` of the limit used, the limit not yet passed."""
    return start is not None and due is not None and due_soon_at(start, due, share) <= now <= due


def due_times(category: Category, priority: Priority, start: datetime) -> tuple[datetime, datetime]:
    """(response due, handling due) for a dispatch at ``start``.

    Limits are calendar time: the room is staffed around the clock and the seeds' limits
    (10/30 min, 1 h, 2 h, 24 h, days) are quoted that way; working-day limits of 12345
    (3 / 13 working days) are entered as their calendar equivalent in the catalogue.
    """
    limit = category.limit_for(priority)
    return (
        start + timedelta(minutes=limit.response_minutes),
        start + timedelta(minutes=limit.handling_minutes),
    )


def seconds_between(start: datetime | None, end: datetime) -> int | None:
    return None if start is None else int((end - start).total_seconds())
