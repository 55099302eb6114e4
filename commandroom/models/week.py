"""Weeks of the weekly meeting (ISO weeks on the street's wall clock) and the agenda's items as
frozen snapshots: free of the database, so the views may hold them (``agenda.py`` builds them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from commandroom.models.enums import AgendaKind
from commandroom.models.errors import ValidationError


@dataclass(frozen=True)
class AgendaItem:
    kind: AgendaKind
    event_id: int
    code: str
    title: str
    moments: tuple[datetime, ...]  # the instants that put it on the agenda, in time order
    # A recurring problem's events, in time order (``event_id`` is the first of them, on which
    # decisions are recorded); an item about one event leaves it empty.
    events: tuple[int, ...] = ()

    @property
    def first(self) -> datetime:
        return self.moments[0]


def week_bounds(week: str) -> tuple[datetime, datetime]:
    """``"2026-W47"`` → (Monday 00:00, next Monday 00:00). Refuses anything else, in words."""
    try:
        year, number = week.upper().split("-W")
        monday = date.fromisocalendar(int(year), int(number), 1)
    except ValueError:
        raise ValidationError(f"周次应写作 2026-W47 这样的形式：{week!r}",
                              f"A week is written like 2026-W47: {week!r}") from None
    start = datetime.combine(monday, time())
    return start, start + timedelta(days=7)


def week_of(day: date) -> str:
    year, number, _ = day.isocalendar()
    return f"{year}-W{number:02d}"
