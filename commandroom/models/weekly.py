"""The weekly meeting's report (例会周报) as data: the week's measures beside the previous week's,
by unit, grid and category, the units that moved most, the agenda with this meeting's decisions,
and last meeting's decisions with whether they were kept. The PDF and the XLSX are drawn from
this one snapshot (``views/meeting/report_pdf.py``, ``models/report_xlsx.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from commandroom.models import agenda, decisions, measures
from commandroom.models.agenda import AgendaItem
from commandroom.models.decisions import Followed
from commandroom.models.events import Event
from commandroom.models.measures import MeasureRow
from commandroom.models.org import Street

GROUPS = ("unit", "grid", "category")
MOVERS = 3  # units named as having moved most


@dataclass(frozen=True)
class Mover:
    unit: str
    before: float  # 办结率 the previous week
    after: float  # 办结率 this week

    @property
    def change(self) -> float:
        return self.after - self.before


@dataclass(frozen=True)
class WeeklyReport:
    street: str
    district: str
    week: str
    start: datetime  # Monday 00:00
    end: datetime  # the next Monday 00:00
    made_at: datetime
    total: MeasureRow
    previous: MeasureRow  # the week before, in total
    groups: dict[str, tuple[list[MeasureRow], list[MeasureRow]]]  # by: (this week, the week before)
    movers: list[Mover]
    daily: list[int]  # reports received each day, Monday first
    agenda: list[AgendaItem]
    decided: list[Followed]  # this meeting's decisions
    followed: list[Followed]  # last meeting's, with whether they were kept

    @property
    def previous_week(self) -> str:
        return agenda.week_of((self.start - timedelta(days=7)).date())

    def decisions_on(self, item: AgendaItem) -> list[Followed]:
        return [d for d in self.decided if d.event_id == item.event_id and d.kind == item.kind.value]


def build(session: Session, street_id: int, week: str, now: datetime) -> WeeklyReport:
    start, end = agenda.week_bounds(week)
    week = agenda.week_of(start.date())  # "2026-w47" → "2026-W47"
    first, last = start.date(), (end - timedelta(days=1)).date()
    before = (first - timedelta(days=7), last - timedelta(days=7))
    street = session.get(Street, street_id)

    def rows(by, period):
        return measures.compute(session, period[0], period[1], by, street_id=street_id)

    groups = {by: (rows(by, (first, last)), rows(by, before)) for by in GROUPS}
    return WeeklyReport(
        street=street.name, district=street.district, week=week, start=start, end=end, made_at=now,
        total=rows(None, (first, last))[0], previous=rows(None, before)[0], groups=groups,
        movers=_movers(*groups["unit"]), daily=_daily(session, street_id, start),
        agenda=agenda.build(session, street_id, week),
        decided=decisions.followed(session, street_id, week),
        followed=decisions.followed(session, street_id, agenda.week_of(before[0])),
    )


def _movers(this_week: list[MeasureRow], last_week: list[MeasureRow]) -> list[Mover]:
    """The units whose 办结率 changed most between the two weeks (both weeks measured)."""
    before = {row.key: row.completion_rate for row in last_week if row.key is not None}
    moved = [Mover(row.label, before[row.key], row.completion_rate) for row in this_week
             if row.completion_rate is not None and before.get(row.key) is not None]
    moved.sort(key=lambda m: (-abs(m.change), m.unit))
    return [m for m in moved if m.change][:MOVERS]


def _daily(session: Session, street_id: int, start: datetime) -> list[int]:
    """Reports received each day of the week (merged duplicates included: each was a call)."""
    day = func.date(Event.received_at)
    counts = dict(session.execute(
        select(day, func.count()).where(Event.street_id == street_id, Event.received_at >= start,
                                        Event.received_at < start + timedelta(days=7)).group_by(day)).all())
    return [counts.get(_day_key(start + timedelta(days=i), counts), 0) for i in range(7)]


def _day_key(at: datetime, counts: dict):
    """SQLite's date() gives text, PostgreSQL's a date: the key as the backend wrote it."""
    return at.date() if any(not isinstance(k, str) for k in counts) else at.date().isoformat()
