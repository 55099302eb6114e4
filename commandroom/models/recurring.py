"""Recurring problems (未诉先办): L4 grids where the same category keeps coming back.

One SQL query, ``recurring_problems``. The counting rules:

- an occurrence is an **event** received in the window ``(now - days, now]``, with a category
  and an L4 grid: reports merged into one event are one occurrence (three calls about the same
  rubbish pile are one problem, not a recurring one), while ``reports`` says how many reports
  (``contact`` rows) those events gathered;
- rejected (不予立案), merged-away and answered-on-the-spot (当场答复) events do not count: the
  first two are not problems of their own, the last are questions, not problems of the place;
- open and finished events count alike: a problem that was fixed and came back is the point;
- a (grid, category) pair is recurring when it has at least ``min_events`` occurrences.

The rows come most occurrences first, then the latest first, then by grid code (a stable order for
the list beside the map). Thresholds are the settings ``recurring_days`` / ``recurring_min``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from commandroom.models.catalog import Category
from commandroom.models.enums import Status
from commandroom.models.events import Event
from commandroom.models.org import Grid

NOT_OCCURRENCES = (Status.REJECTED, Status.MERGED, Status.ANSWERED)


@dataclass(frozen=True)
class RecurringRule:
    days: int = 14
    min_events: int = 3


@dataclass(frozen=True)
class Recurrence:
    grid_id: int
    grid_code: str
    grid_name: str
    category_code: str
    category_name: str
    events: int
    reports: int
    last_at: datetime


def recurring_problems(session: Session, now: datetime, rule: RecurringRule,
                       street_id: int | None = None) -> list[Recurrence]:
    """The recurring (L4 grid, category) pairs of the window ending at ``now`` (see the module)."""
    events = func.count(Event.id)
    stmt = (
        select(Grid.id, Grid.code, Grid.name, Category.code, Category.name, events,
               func.sum(Event.contact_count), func.max(Event.received_at))
        .join(Grid, Grid.id == Event.grid_id)
        .join(Category, Category.id == Event.category_id)
        .where(Event.received_at > now - timedelta(days=rule.days), Event.received_at <= now,
               Event.status.not_in([str(s) for s in NOT_OCCURRENCES]))
        .group_by(Grid.id, Grid.code, Grid.name, Category.code, Category.name)
        .having(events >= rule.min_events)
        .order_by(events.desc(), func.max(Event.received_at).desc(), Grid.code, Category.code)
    )
    if street_id is not None:
        stmt = stmt.where(Event.street_id == street_id)
    return [Recurrence(*row[:6], int(row[6] or 0), row[7]) for row in session.execute(stmt)]
