"""What the wall screen shows, as one frozen value: the street's state at an instant, already
made safe to show to visitors (names masked, no phone numbers, addresses cut to the compound,
free text masked). Free of the database and of Qt, so the wall's views may hold it.

``models/wall_figures.py`` builds it (``wall_snapshot(session, now, street_id)``) off the GUI
thread; the wall's panels only draw it. Everything personal is masked HERE, at the boundary, so
no panel can forget to: the types below carry only public text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from commandroom.models.measure_table import MeasureRow

PERIODS = ("today", "week", "days30")  # today; this week (Mon..today); the last 30 days


@dataclass(frozen=True)
class PeriodFigures:
    """One period's measures beside the period before it (yesterday, last week up to the same
    weekday and hour, the 30 days before): the wall draws an arrow from ``previous`` to ``current``."""

    period: str  # one of PERIODS
    current: MeasureRow
    previous: MeasureRow


@dataclass(frozen=True)
class TodayCounts:
    """受理, 立案, 派遣, 办结 today, and the street's open load now."""

    received: int
    registered: int
    dispatched: int
    closed: int
    in_progress: int  # with a unit now (dispatched, acknowledged, in progress)
    overdue: int  # with a unit and past its handling limit


@dataclass(frozen=True)
class HourlyReports:
    """Reports per hour today (0..23, hours still to come are None) beside the mean of the
    same weekday over the previous four weeks (24 floats)."""

    today: tuple[int | None, ...]
    usual: tuple[float, ...]


@dataclass(frozen=True)
class DailyRates:
    """The 30 whole days before today, oldest first: 办结率 and 满意率 of each day's events (None: no
    denominator)."""

    days: tuple[date, ...]
    completion: tuple[float | None, ...]
    satisfaction: tuple[float | None, ...]


@dataclass(frozen=True)
class WallEvent:
    """One event as the wall may show it (supervision lists, overdue list, ticker)."""

    event_id: int
    number: str  # the event's public number
    title: str  # category item, or the masked first line of the text
    place: str  # public_address(): the compound or road, never a house or room number
    grid: str  # community / unit grid name
    unit: str  # lead unit name, "" when none
    level: str | None  # AlertLevel value for supervised events, None otherwise
    since: datetime  # supervised since / due at (overdue) / received at (ticker)


@dataclass(frozen=True)
class UnitRank:
    """A unit's 按期办结率 this week."""

    unit: str
    closed: int
    closed_on_time: int

    @property
    def on_time_rate(self) -> float | None:
        return self.closed_on_time / self.closed if self.closed else None


@dataclass(frozen=True)
class WallSnapshot:
    taken_at: datetime
    street: str
    duty_officer: str  # masked name of the officer on duty ("" when none signed in)
    shift_leader: str  # masked name of the shift leader on duty ("" when none)
    counts: TodayCounts
    periods: tuple[PeriodFigures, ...]  # in PERIODS order
    hourly: HourlyReports
    daily: DailyRates
    by_class: tuple[tuple[str, int], ...]  # reports by category class, last 30 days, most first
    listed: tuple[WallEvent, ...]  # 挂牌督办, oldest first
    supervised: tuple[WallEvent, ...]  # 督办 (and below, not listed), oldest first
    overdue: tuple[WallEvent, ...]  # past the handling limit, most overdue first
    units: tuple[UnitRank, ...]  # ranked by on-time rate this week, best first
    ticker: tuple[WallEvent, ...] = field(default=())  # newest reports, newest first
