"""The supervision scan: which ladder alerts are due and not raised yet, which raised ones the
event has moved past. It reads only; ``commands/alerts.py`` writes what it finds, one alert per
transaction, and the unique constraint on (event, level, deadline) keeps each raised once.

A district database holds a million events and about ten thousand open ones. The scan does not
load every open event (``plan_naive``, the benchmark's baseline, does): one SQL statement per
kind of alert narrows them to the events where something may be due — computed in SQL with the
earliest of the configured rules, so it never skips one — and Python decides exactly for those
few with each event's own rule (``ladder.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, case, func, literal, or_, select, text
from sqlalchemy.orm import Session

from commandroom.models.alert_levels import RANK
from commandroom.models.catalog import Category
from commandroom.models.enums import OPEN_STATUSES, AlertLevel, Status
from commandroom.models.events import Alert, Event
from commandroom.models.ladder import (HANDLING, RESPONSE, STALLED, BY_HAND, Due, LadderRule, Thresholds,
                                       deadlines, due_for)
from commandroom.models.lifecycle import HELD, UNVERSIONED
from commandroom.models.log import EventLog

EPOCH = datetime(1970, 1, 1)
_CHUNK = 500
_HELD = sorted(s.value for s in HELD)
_OPEN = sorted(s.value for s in OPEN_STATUSES)
_PROGRESS_ACTIONS_EXCLUDED = sorted(a.value for a in UNVERSIONED)


@dataclass(frozen=True)
class Plan:
    due: list[Due]  # to raise, oldest due first
    clear: list[int]  # ids of uncleared alerts the event has moved past


def _seconds(dialect: str, column):
    """SQL: a naive timestamp as seconds since 1970 (both sides of a comparison alike)."""
    if dialect == "sqlite":
        return (func.julianday(column) - 2440587.5) * 86400.0
    return func.extract("epoch", column)


def _greatest(dialect: str, a, b):
    return func.max(a, b) if dialect == "sqlite" else func.greatest(a, b)


_RANK_SQL = case({level.value: n for level, n in RANK.items()}, value=Alert.level)


def open_level(event_id_column):
    """SQL: the most serious uncleared alert's level of the event (NULL without one), in
    ``alert_levels.ORDER``; read through ``ix_alert_open`` (event_id, cleared_at)."""
    return (select(Alert.level).where(Alert.event_id == event_id_column, Alert.cleared_at.is_(None))
            .order_by(_RANK_SQL.desc()).limit(1).scalar_subquery())


def last_progress(event_id_column):
    """SQL: the time of the event's newest log row that changed it (alerts are not progress):
    read backwards along ``ix_event_log_event`` (event_id, id), a row or two per event."""
    return (select(EventLog.at)
            .where(EventLog.event_id == event_id_column,
                   EventLog.action.notin_(_PROGRESS_ACTIONS_EXCLUDED))
            .order_by(EventLog.id.desc()).limit(1).scalar_subquery())


def ladder_candidates(d: str, now: datetime, rule: LadderRule, street_id: int | None):
    """SQL (dialect ``d``): open events with a running limit on which ``rule`` (the earliest)
    has more steps due than alerts were raised on that deadline.

    The held events' times are turned into seconds once, in a materialised CTE read from the
    covering index ``ix_event_supervise``; the ladder's arithmetic is then on plain numbers, and
    the alerts are counted (through ``uq_alert_once``) only for the events past their warning.
    """
    cols = [Event.id, Event.status, Event.dispatched_at, Event.response_due, Event.handle_due,
            Event.priority, Event.category_id, _seconds(d, Event.dispatched_at).label("s"),
            _seconds(d, Event.response_due).label("r"), _seconds(d, Event.handle_due).label("h")]
    held = select(*cols).where(Event.status.in_(_HELD), Event.dispatched_at.is_not(None))
    if street_id is not None:
        held = held.where(Event.street_id == street_id)
    held = held.cte("held").prefix_with("MATERIALIZED")
    # Stored times are whole seconds; half a second's slack absorbs the float arithmetic of
    # julianday() (the filter may let one event too many through, never one too few).
    now_s = (now - EPOCH).total_seconds() + 0.5
    start = held.c.s

    def behind(due, deadline):
        grace = _greatest(d, (due - start) * rule.grace_share, rule.grace_min.total_seconds())
        steps = sum(case((at <= now_s, 1), else_=0) for at in (
            start + (due - start) * rule.warn_share, due, due + grace,
            due + grace * rule.listed_graces, due + grace * rule.notice_graces))
        raised = (select(func.count()).select_from(Alert)
                  .where(Alert.event_id == held.c.id, Alert.deadline == deadline,
                         Alert.level != AlertLevel.STALLED.value).scalar_subquery())
        warned = start + (due - start) * rule.warn_share <= now_s
        return and_(due.is_not(None), warned, raised < steps)

    return (select(held.c.id, held.c.status, held.c.dispatched_at, held.c.response_due, held.c.handle_due,
                   held.c.priority, held.c.category_id)
            .where(or_(and_(held.c.status == Status.DISPATCHED.value, behind(held.c.r, held.c.response_due)),
                       behind(held.c.h, held.c.handle_due))))


def stalled_candidates(now: datetime, stalled_after: timedelta, street_id: int | None):
    """SQL: in progress with no progress for ``stalled_after``, not yet raised for that last
    progress: (event id, last progress)."""
    cutoff = now - stalled_after
    last = last_progress(Event.id)
    stmt = (select(Event.id, last.label("last"))
            .where(Event.status == Status.IN_PROGRESS.value, Event.acknowledged_at <= cutoff))
    if street_id is not None:
        stmt = stmt.where(Event.street_id == street_id)
    sub = stmt.subquery()
    raised = select(Alert.id).where(Alert.event_id == sub.c.id, Alert.level == AlertLevel.STALLED.value,
                                    Alert.deadline == sub.c.last).exists()
    return select(sub.c.id, sub.c.last).where(sub.c.last <= cutoff, ~raised)


def _stalled(session: Session, now: datetime, stalled_after: timedelta, street_id: int | None) -> list[Due]:
    rows = session.execute(stalled_candidates(now, stalled_after, street_id)).all()
    return [Due(event_id, AlertLevel.STALLED, STALLED, last, last + stalled_after)
            for event_id, last in rows]


def _raised(session: Session, event_ids: Iterable[int]) -> set[tuple[int, str, datetime]]:
    """(event, level, deadline) of every alert already raised on these events."""
    ids = sorted(set(event_ids))
    out = set()
    for i in range(0, len(ids), _CHUNK):
        stmt = select(Alert.event_id, Alert.level, Alert.deadline).where(Alert.event_id.in_(ids[i:i + _CHUNK]))
        out.update((e, AlertLevel(lv), dl) for e, lv, dl in session.execute(stmt))
    return out


def _classes(session: Session) -> dict[int | None, str]:
    """Category id -> class (大类): the catalogue is small; a dict beats a join per event."""
    return {None: "", **dict(session.execute(select(Category.id, Category.class_name)).all())}


def _exact(rows, now: datetime, thresholds: Thresholds, classes: dict) -> list[Due]:
    """Every ladder alert due by ``now`` on these events, each by its own rule."""
    out = []
    for event_id, status, dispatched_at, response_due, handle_due, priority, category_id in rows:
        rule = thresholds.rule_for(classes.get(category_id, ""), getattr(priority, "value", priority))
        out.extend(due_for(event_id, rule, Status(status), dispatched_at, response_due, handle_due, now))
    return out


def cleared_alerts(street_id: int | None):
    """SQL: uncleared alerts that no longer describe their event (``ladder.still_about``).

    The event's columns are read per alert, by primary key (scalar subqueries): a join lets
    PostgreSQL's planner hash all of ``event`` (a million wide rows) for a few thousand alerts.
    """
    def of_event(column):
        return select(column).where(Event.id == Alert.event_id).scalar_subquery()

    status, response_due, handle_due = of_event(Event.status), of_event(Event.response_due), of_event(Event.handle_due)
    moved_on = case(
        (Alert.kind == RESPONSE, or_(status != Status.DISPATCHED.value, response_due.is_(None),
                                     response_due != Alert.deadline)),
        (Alert.kind == HANDLING, or_(status.notin_(_HELD), handle_due.is_(None), handle_due != Alert.deadline)),
        (Alert.kind == STALLED, or_(status != Status.IN_PROGRESS.value, select(EventLog.id).where(
            EventLog.event_id == Alert.event_id, EventLog.at > Alert.deadline,
            EventLog.action.notin_(_PROGRESS_ACTIONS_EXCLUDED)).exists())),
        (Alert.kind == BY_HAND, status.notin_(_OPEN)),
        else_=literal(False))
    stmt = select(Alert.id).where(Alert.cleared_at.is_(None), moved_on).order_by(Alert.id)
    if street_id is not None:
        stmt = stmt.where(of_event(Event.street_id) == street_id)
    return stmt


def _cleared(session: Session, street_id: int | None) -> list[int]:
    return list(session.scalars(cleared_alerts(street_id)))


def _no_jit(session: Session) -> str:
    """PostgreSQL compiles a query it thinks costly (JIT): for these many-subplan statements the
    compiling takes far longer than the run (seconds, in the 1M bench). Off for this transaction."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(text("SET LOCAL jit = off"))
    return dialect


def plan(session: Session, now: datetime, thresholds: Thresholds, street_id: int | None = None) -> Plan:
    """What one scan at ``now`` raises and clears (reads only)."""
    dialect = _no_jit(session)
    rows = session.execute(ladder_candidates(dialect, now, thresholds.earliest(), street_id)).all()
    due = _exact(rows, now, thresholds, _classes(session)) if rows else []
    raised = _raised(session, {d.event_id for d in due})
    due = [d for d in due if (d.event_id, d.level, d.deadline) not in raised]
    due += _stalled(session, now, thresholds.stalled_after, street_id)
    return Plan(sorted(due, key=lambda d: (d.due_at, d.event_id)), _cleared(session, street_id))


def plan_naive(session: Session, now: datetime, thresholds: Thresholds,
               street_id: int | None = None) -> Plan:
    """The baseline the benchmark compares with: load every open event and every alert raised
    on them, and check each event in Python. Gives the same plan as ``plan``."""
    return examine(session, now, thresholds, street_id)[0]


def examine(session: Session, now: datetime, thresholds: Thresholds, street_id: int | None = None,
            event_ids: Iterable[int] | None = None) -> tuple[Plan, dict[int, datetime]]:
    """Check the held events (``event_ids``: only those) one by one in Python: the plan, and
    when each event's next alert falls due after ``now`` (the incremental scanner's memory)."""
    _no_jit(session)
    stmt = (select(Event.id, Event.status, Event.dispatched_at, Event.response_due, Event.handle_due,
                    Event.priority, Event.category_id, Event.acknowledged_at, last_progress(Event.id))
            .where(Event.status.in_(_HELD)))
    if street_id is not None:
        stmt = stmt.where(Event.street_id == street_id)
    if event_ids is None:
        rows = session.execute(stmt).all()
    else:
        ids = sorted(set(event_ids))
        rows = [r for i in range(0, len(ids), _CHUNK) for r in session.execute(stmt.where(Event.id.in_(ids[i:i + _CHUNK])))]
    raised = _raised(session, [r[0] for r in rows])
    classes = _classes(session)
    due, later = [], {}
    for event_id, status, dispatched, response_due, handle_due, priority, category_id, acked, last in rows:
        rule = thresholds.rule_for(classes.get(category_id, ""), getattr(priority, "value", priority))
        steps = [Due(event_id, level, kind, deadline, at) for kind, deadline in
                 deadlines(Status(status), dispatched, response_due, handle_due)
                 for level, at in rule.steps(dispatched, deadline)]
        if status == Status.IN_PROGRESS and last is not None and acked is not None:
            steps.append(Due(event_id, AlertLevel.STALLED, STALLED, last, last + thresholds.stalled_after))
        waiting = [d for d in steps if (event_id, d.level, d.deadline) not in raised]
        due += [d for d in waiting if d.due_at <= now]
        if upcoming := [d.due_at for d in waiting if d.due_at > now]:
            later[event_id] = min(upcoming)
    cleared = cleared_alerts(street_id)
    if event_ids is not None:
        cleared = cleared.where(Alert.event_id.in_(sorted(set(event_ids))))
    return Plan(sorted(due, key=lambda d: (d.due_at, d.event_id)), list(session.scalars(cleared))), later


def last_progress_of(session: Session, event_id: int) -> datetime | None:
    return session.scalar(select(last_progress(literal(event_id))))


__all__ = ["Plan", "cleared_alerts", "examine", "ladder_candidates", "last_progress_of", "open_level", "plan",
           "plan_naive", "stalled_candidates"]
