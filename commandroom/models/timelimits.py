"""Due times from the category's limits for the event's priority."""

from __future__ import annotations

from datetime import datetime, timedelta

from commandroom.models.catalog import Category
from commandroom.models.enums import Priority

DUE_SOON = timedelta(hours=2)
"""An open event whose handling limit is nearer than this is "due soon" (临期): close enough that
the officer should chase the unit now, while there is still time to act before it is overdue."""


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
