"""The wall screen's figures (``wall_snapshot``): one frozen ``WallSnapshot`` built in a few
aggregate queries, every string made public on the way out (``privacy.py``).

The counting rules, and why:

- **Today's counts** (``TodayCounts``): 受理 = reports received today (the ``today`` period's
  received: merged duplicates left out, as in ``measures.py``); 立案, 派遣, 办结 = events
  registered, dispatched, closed TODAY, whenever they were received (a count of the day's work,
  read from the log's REGISTER / DISPATCH / CLOSE rows of the day, each event once); in progress
  = with a unit now (dispatched, acknowledged, in progress); overdue = of those, past
  ``handle_due``.
- **Periods**: today, this week (Monday..today), the last 30 days (today and the 29 before), each
  ``measures.compute`` over the events received in it, beside the period before it cut at the same
  instant AND counted as it stood then (``measures.aggregate_query(as_of=…)``): yesterday up to
  this time of day as it was yesterday at this time, last week up to this weekday and time, the
  30 days before up to this time. Counted as they stand now, yesterday's events would have had a
  day longer to close, and today's 办结率 would always show a fall. Events received later than
  ``now`` (a writer's clock ahead of the wall's) count in the current period.
- **Reports per hour**: contacts (every report, also those attached to an event already) per
  hour of today, hours still to come None; the usual = the mean of the same hours on the same
  weekday of the four weeks before (a day without reports counts as 0).
- **Daily rates**: 办结率 and 满意率 of each of the last 30 days' events (the day they arrived).
- **By class**: the last 30 days' events by category class, most first (uncategorised left out).
- **Units**: the lead units by 按期办结率 of this week's events, best first; a unit with nothing
  closed has no rate and is not ranked.
- Lists and the duty team: ``wall_lists.py``.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from commandroom.models.catalog import Category
from commandroom.models.enums import Action, Status
from commandroom.models.events import Contact, Event
from commandroom.models.lifecycle import HELD
from commandroom.models.log import EventLog
from commandroom.models.measures import aggregate_query, compute, measure_row
from commandroom.models.org import Street
from commandroom.models.privacy import public_text
from commandroom.models.wall_lists import duty_team, event_lists
from commandroom.models.wall_snapshot import (
    PERIODS, DailyRates, HourlyReports, PeriodFigures, TodayCounts, UnitRank, WallSnapshot)

DAYS30 = 30
USUAL_WEEKS = 4
_HELD = sorted(s.value for s in HELD)


def wall_snapshot(session: Session, now: datetime, street_id: int | None, *,
                  shift_hours: int = 12) -> WallSnapshot:
    """The street's state at ``now`` (the street's wall clock), safe to show. ``street_id`` None:
    the whole database (a single-street one). ``shift_hours``: how long a duty officer's last
    action keeps them on duty without a sign-out (``config.Settings.shift_hours``)."""
    today = now.date()
    periods = tuple(_period(session, name, now, street_id) for name in PERIODS)
    officer, leader = duty_team(session, now, street_id, timedelta(hours=shift_hours))
    lists = event_lists(session, now, street_id)
    return WallSnapshot(
        taken_at=now,
        street=public_text(_street_name(session, street_id)),
        duty_officer=officer,
        shift_leader=leader,
        counts=_today_counts(session, now, street_id, received=periods[0].current.received),
        periods=periods,
        hourly=_hourly(session, now, street_id),
        daily=_daily(session, now, street_id),
        by_class=_by_class(session, today, street_id),
        listed=lists.listed,
        supervised=lists.supervised,
        overdue=lists.overdue,
        units=_units(session, today, street_id),
        ticker=lists.ticker,
    )


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time())


def _period_start(name: str, today: date) -> tuple[date, timedelta]:
    """The first day of period ``name`` and how far back its previous period lies."""
    if name == "today":
        return today, timedelta(days=1)
    if name == "week":
        return today - timedelta(days=today.weekday()), timedelta(days=7)
    return today - timedelta(days=DAYS30 - 1), timedelta(days=DAYS30)


def _period(session: Session, name: str, now: datetime, street_id: int | None) -> PeriodFigures:
    today = now.date()
    start, back = _period_start(name, today)
    [current] = compute(session, start, today, now=now, street_id=street_id)
    since = _midnight(start) - back
    cut = now - back
    result = session.execute(aggregate_query(since, cut, street_id=street_id, as_of=cut)).one()._asdict()
    return PeriodFigures(name, current, measure_row(result))


def _street_name(session: Session, street_id: int | None) -> str:
    if street_id is not None:
        return session.scalar(select(Street.name).where(Street.id == street_id)) or ""
    names = session.scalars(select(Street.name).limit(2)).all()
    return names[0] if len(names) == 1 else ""


def _today_counts(session: Session, now: datetime, street_id: int | None, *, received: int) -> TodayCounts:
    actions = {Action.REGISTER: "registered", Action.DISPATCH: "dispatched", Action.CLOSE: "closed"}
    done = select(EventLog.action, func.count(func.distinct(EventLog.event_id))).where(
        EventLog.at >= _midnight(now.date()), EventLog.at <= now,
        EventLog.action.in_(sorted(a.value for a in actions))).group_by(EventLog.action)
    if street_id is not None:
        done = done.where(EventLog.street_id == street_id)
    counts = {actions[Action(action)]: n for action, n in session.execute(done)}
    held = select(func.count(), func.count(case((Event.handle_due < now, 1)))).where(
        Event.status.in_(_HELD))
    if street_id is not None:
        held = held.where(Event.street_id == street_id)
    in_progress, overdue = session.execute(held).one()
    return TodayCounts(received=received, registered=counts.get("registered", 0),
                       dispatched=counts.get("dispatched", 0), closed=counts.get("closed", 0),
                       in_progress=in_progress, overdue=overdue)


def _day_key(session: Session, column, hours: bool):
    """SQL: a timestamp as the text 'YYYY-MM-DD' (or 'YYYY-MM-DD HH'), alike on both backends."""
    if session.get_bind().dialect.name == "sqlite":
        return func.strftime("%Y-%m-%d %H" if hours else "%Y-%m-%d", column)
    return func.to_char(column, "YYYY-MM-DD HH24" if hours else "YYYY-MM-DD")


def _hourly(session: Session, now: datetime, street_id: int | None) -> HourlyReports:
    today = now.date()
    days = [today - timedelta(weeks=k) for k in range(USUAL_WEEKS + 1)]
    key = _day_key(session, Contact.received_at, hours=True)
    ranges = [and_(Contact.received_at >= _midnight(d), Contact.received_at < _midnight(d + timedelta(days=1)))
              for d in days]
    query = select(key, func.count()).where(or_(*ranges)).group_by(key)
    if street_id is not None:
        query = query.where(Contact.street_id == street_id)
    counts = {k: n for k, n in session.execute(query)}

    def count(day: date, hour: int) -> int:
        return counts.get(f"{day:%Y-%m-%d} {hour:02d}", 0)

    shown = tuple(count(today, h) if h <= now.hour else None for h in range(24))
    usual = tuple(sum(count(d, h) for d in days[1:]) / USUAL_WEEKS for h in range(24))
    return HourlyReports(today=shown, usual=usual)


def _daily(session: Session, now: datetime, street_id: int | None) -> DailyRates:
    """The 30 whole days before today: today's events have not had their day yet (at 16:00 a
    fifth of them are closed), and a last point falling off a cliff every afternoon would say
    something false from across the room. Today's own rates are in the figures beside."""
    first = now.date() - timedelta(days=DAYS30)
    days = tuple(first + timedelta(days=i) for i in range(DAYS30))
    key = _day_key(session, Event.received_at, hours=False)
    query = aggregate_query(_midnight(first), _midnight(now.date()), street_id=street_id)
    query = query.add_columns(key.label("key")).group_by(key)
    rows = {(r := measure_row(result._asdict())).key: r for result in session.execute(query)}
    picked = [rows.get(f"{day:%Y-%m-%d}") for day in days]
    return DailyRates(days=days,
                      completion=tuple(r.completion_rate if r else None for r in picked),
                      satisfaction=tuple(r.satisfaction_rate if r else None for r in picked))


def _by_class(session: Session, today: date, street_id: int | None) -> tuple[tuple[str, int], ...]:
    since = _midnight(today - timedelta(days=DAYS30 - 1))
    count = func.count().label("n")
    query = (select(Category.class_name, count).select_from(Event).join(Category, Category.id == Event.category_id)
             .where(Event.received_at >= since, Event.status != Status.MERGED)
             .group_by(Category.class_name))
    if street_id is not None:
        query = query.where(Event.street_id == street_id)
    rows = [(public_text(name), n) for name, n in session.execute(query)]
    return tuple(sorted(rows, key=lambda row: (-row[1], row[0])))


def _units(session: Session, today: date, street_id: int | None) -> tuple[UnitRank, ...]:
    monday = today - timedelta(days=today.weekday())
    rows = compute(session, monday, today, by="unit", street_id=street_id)
    ranks = [UnitRank(public_text(r.label), r.closed, r.closed_on_time) for r in rows if r.key is not None and r.closed]
    return tuple(sorted(ranks, key=lambda u: (-u.on_time_rate, -u.closed, u.unit)))
