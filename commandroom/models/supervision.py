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
from functools import lru_cache

from sqlalchemy import (DateTime, Float, and_, bindparam, case, func, literal, literal_column, or_, select, text,
                        tuple_)
from sqlalchemy.orm import Session

from commandroom.models.alert_levels import RANK
from commandroom.models.catalog import Category
from commandroom.models.enums import OPEN_STATUSES, AlertLevel, Status
from commandroom.models.events import Alert, Event
from commandroom.models.ladder import (HANDLING, RESPONSE, STALLED, BY_HAND, Due, LadderRule, Thresholds,
                                       deadlines, due_for)
from commandroom.models.lifecycle import HELD, UNVERSIONED
from commandroom.models.log import EventLog
from commandroom.models.id_set import in_ids

EPOCH = datetime(1970, 1, 1)
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
    # date_part is double precision; EXTRACT is numeric since PostgreSQL 14, several times slower
    # in the ladder's arithmetic over every held event.
    return func.date_part("epoch", column, type_=Float)


def _greatest(dialect: str, a, b):
    return func.max(a, b) if dialect == "sqlite" else func.greatest(a, b)


_RANK_SQL = case({level.value: n for level, n in RANK.items()}, value=Alert.level)


def open_level(event_id_column):
    """SQL: the most serious uncleared alert's level of the event (NULL without one), in
    ``alert_levels.ORDER``; read through ``ix_alert_open`` (event_id, cleared_at)."""
    return (select(Alert.level).where(Alert.event_id == event_id_column, Alert.cleared_at.is_(None))
            .order_by(_RANK_SQL.desc()).limit(1).scalar_subquery())


def progress_action(column):
    """SQL: the log row changed its event (alerts are not progress), written as
    ``log.PROGRESS_WHERE`` writes it so that SQLite reads the partial index ``ix_event_log_progress``."""
    return column.notin_([literal_column(f"'{value}'") for value in _PROGRESS_ACTIONS_EXCLUDED])


def last_progress(event_id_column):
    """SQL: the time of the event's newest log row that changed it: one seek backwards in the
    covering partial index ``ix_event_log_progress`` (event_id, id, at)."""
    return (select(EventLog.at).where(EventLog.event_id == event_id_column, progress_action(EventLog.action))
            .order_by(EventLog.id.desc()).limit(1).scalar_subquery())


def held_status(column):
    """SQL: ``column`` holds a held status, the values written out as ``events.HELD_WHERE`` writes
    them: SQLite reads the partial index ``ix_event_held`` only for a query that says what the
    index's WHERE says, literally (not with bound parameters)."""
    return column.in_([literal_column(f"'{value}'") for value in _HELD])


def rungs(d: str, rule: LadderRule, start, due) -> list:
    """SQL (dialect ``d``, times in seconds): the instant each ladder level falls due on a limit
    from ``start`` to ``due``, in ``LADDER`` order: ``LadderRule.steps`` in SQL."""
    grace = _greatest(d, (due - start) * rule.grace_share, rule.grace_min.total_seconds())
    # start + (due - start) * share, with ``start`` computed once (the warning is tested on every row)
    return [start * (1 - rule.warn_share) + due * rule.warn_share, due, due + grace,
            due + grace * rule.listed_graces, due + grace * rule.notice_graces]


def ladder_candidates(d: str, now: datetime, rule: LadderRule, street_id: int | None):
    """SQL (dialect ``d``) at ``now``: ``ladder_sql`` with its instant bound."""
    return ladder_sql(d, rule, street_id).params(now_s=_now_seconds(now))


def _now_seconds(now: datetime) -> float:
    # Half a second's slack absorbs the float arithmetic on times turned into seconds (the filter
    # may let an event through a moment early, never one too late: Python decides exactly).
    return (now - EPOCH).total_seconds() + 0.5


# Built once per rule and street (the scan runs every 30 s; building the statement costs more
# Python than the rest of the scan does): the instant is a parameter.
@lru_cache(maxsize=64)
def ladder_sql(d: str, rule: LadderRule, street_id: int | None):
    """SQL (dialect ``d``; parameter ``now_s``, in seconds): the held events on which ``rule`` (the
    earliest) has a ladder step due that was not raised yet: with n alerts raised on a deadline,
    the n-th step (from 0) is the next.

    Read from the partial covering index ``ix_event_held`` (the held events only). Per event: a
    comparison on plain numbers (its warning), and only past it one seek in ``uq_alert_once``
    (event, deadline) counting the alerts raised, then the one rung that count points at. So
    the ten thousand held events cost a scan of a small index, and only the events with a step
    due and not raised — a handful in a running room — come back to Python.
    """
    now_s = bindparam("now_s", type_=Float)
    start = _seconds(d, Event.dispatched_at)

    def behind(deadline):
        steps = rungs(d, rule, start, _seconds(d, deadline))
        raised = (select(func.count()).select_from(Alert)
                  .where(Alert.event_id == Event.id, Alert.deadline == deadline,
                         Alert.level != AlertLevel.STALLED.value).scalar_subquery())
        # CASE on the count evaluates it once; past the last step (5 raised) it is NULL: nothing due.
        next_step = case(dict(enumerate(steps)), value=raised)
        return and_(deadline.is_not(None), steps[0] <= now_s, next_step <= now_s)

    stmt = (select(Event.id, Event.status, Event.dispatched_at, Event.response_due, Event.handle_due,
                   Event.priority, Event.category_id)
            .where(held_status(Event.status), Event.dispatched_at.is_not(None),
                   or_(and_(Event.status == Status.DISPATCHED.value, behind(Event.response_due)),
                       behind(Event.handle_due))))
    return stmt.where(Event.street_id == street_id) if street_id is not None else stmt


def stalled_candidates(d: str, now: datetime, stalled_after: timedelta, street_id: int | None):
    """SQL (dialect ``d``) at ``now``: ``stalled_sql`` with its cutoff bound."""
    return stalled_sql(d, street_id).params(cutoff=now - stalled_after)


@lru_cache(maxsize=64)
def stalled_sql(d: str, street_id: int | None):
    """SQL (parameter ``cutoff``): in progress with no progress since ``cutoff``, not yet raised for
    that last progress: (event id, last progress). The events in progress come from
    ``ix_event_held``; each one's last progress is read once (a materialised CTE: a subquery the
    planner flattens would read it once per mention), one seek in ``ix_event_log_progress``."""
    cutoff = bindparam("cutoff", type_=DateTime)
    stmt = _held(d, Event.id, last_progress(Event.id).label("last"), street_id=street_id,
                 status=Status.IN_PROGRESS).where(Event.acknowledged_at <= cutoff)
    sub = stmt.cte("quiet").prefix_with("MATERIALIZED")
    raised = select(Alert.id).where(Alert.event_id == sub.c.id, Alert.deadline == sub.c.last,
                                    Alert.level == AlertLevel.STALLED.value).exists()
    return select(sub.c.id, sub.c.last).where(sub.c.last <= cutoff, ~raised)


def _stalled(session: Session, now: datetime, stalled_after: timedelta, street_id: int | None) -> list[Due]:
    rows = session.execute(stalled_sql(session.get_bind().dialect.name, street_id),
                           {"cutoff": now - stalled_after}).all()
    return [Due(event_id, AlertLevel.STALLED, STALLED, last, last + stalled_after)
            for event_id, last in rows]


def _raised(session: Session, event_ids: Iterable[int]) -> set[tuple[int, str, datetime]]:
    """(event, level, deadline) of every alert already raised on these events."""
    stmt = select(Alert.event_id, Alert.level, Alert.deadline).where(in_ids(Alert.event_id, event_ids))
    return {(e, AlertLevel(lv), dl) for e, lv, dl in session.execute(stmt)}


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


def _held(d: str, *columns, street_id: int | None = None, status: Status | None = None):
    """SQL (dialect ``d``): these columns of the held events (``ix_event_held``), or of those in
    one held ``status``. PostgreSQL proves from ``status = …`` alone that the partial index
    serves, and the held statuses said again beside it would make it think a thousandth of
    the events match and pick ``ix_event_status`` and the table; SQLite needs them said."""
    if status is None:
        stmt = select(*columns).where(held_status(Event.status))
    elif d == "sqlite":
        stmt = select(*columns).where(held_status(Event.status), Event.status == status.value)
    else:
        stmt = select(*columns).where(Event.status == status.value)
    return stmt.where(Event.street_id == street_id) if street_id is not None else stmt


@lru_cache(maxsize=64)
def cleared_alerts(d: str, street_id: int | None):
    """SQL: uncleared alerts that no longer describe their event (``ladder.still_about``).

    A ladder alert still describes its event while (event, deadline) is among the held events'
    (id, due time) pairs: each such set is read once from ``ix_event_held`` and hashed (SQLite:
    an ephemeral index), and each alert is one probe in it — no lookup of a million-row table
    per alert. Only an alert listed by hand on an event not held, or a stalled one, reads more
    (the event's row, its log's progress index).
    """
    response = _held(d, Event.id, Event.response_due, status=Status.DISPATCHED).where(Event.response_due.is_not(None))
    handling = _held(d, Event.id, Event.handle_due).where(Event.handle_due.is_not(None))
    progressed = select(EventLog.id).where(
        EventLog.event_id == Alert.event_id, EventLog.at > Alert.deadline, progress_action(EventLog.action)).exists()
    still_open = select(Event.id).where(Event.id == Alert.event_id, Event.status.in_(_OPEN)).exists()
    held_ids = _held(d, Event.id)
    moved_on = case(
        (Alert.kind == RESPONSE, tuple_(Alert.event_id, Alert.deadline).notin_(response)),
        (Alert.kind == HANDLING, tuple_(Alert.event_id, Alert.deadline).notin_(handling)),
        (Alert.kind == STALLED, or_(Alert.event_id.notin_(_held(d, Event.id, status=Status.IN_PROGRESS)), progressed)),
        (Alert.kind == BY_HAND, and_(Alert.event_id.notin_(held_ids), ~still_open)),
        else_=literal(False))
    stmt = select(Alert.id).where(Alert.cleared_at.is_(None), moved_on).order_by(Alert.id)
    if street_id is not None:  # the street's held events, or (rarely: not held) the event's row
        street = select(Event.street_id).where(Event.id == Alert.event_id).scalar_subquery()
        stmt = stmt.where(or_(Alert.event_id.in_(_held(d, Event.id, street_id=street_id)),
                              and_(Alert.event_id.notin_(held_ids), street == street_id)))
    return stmt


def _cleared(session: Session, street_id: int | None) -> list[int]:
    return list(session.scalars(cleared_alerts(session.get_bind().dialect.name, street_id)))


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
    rows = session.execute(ladder_sql(dialect, thresholds.earliest(), street_id), {"now_s": _now_seconds(now)}).all()
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
        rows = session.execute(stmt.where(in_ids(Event.id, event_ids))).all()
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
    cleared = cleared_alerts(session.get_bind().dialect.name, street_id)
    if event_ids is not None:
        cleared = cleared.where(Alert.event_id.in_(sorted(set(event_ids))))
    return Plan(sorted(due, key=lambda d: (d.due_at, d.event_id)), list(session.scalars(cleared))), later


def last_progress_of(session: Session, event_id: int) -> datetime | None:
    return session.scalar(select(last_progress(literal(event_id))))


__all__ = ["Plan", "cleared_alerts", "examine", "held_status", "ladder_candidates", "ladder_sql", "last_progress_of", "open_level", "plan",
           "plan_naive", "progress_action", "rungs", "stalled_candidates", "stalled_sql"]
