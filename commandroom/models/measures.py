"""The measures (考核) of a period, in total or per unit, grid, category or source.

The period is the events RECEIVED in ``[start 00:00, end + 1 day 00:00)`` on the street's wall
clock: an event belongs to the period it arrived in, whatever happened to it later, so a closed
period's figures only move as its late events progress.

Which events count:

- **Merged** events (status ``merged``) are left out entirely: they are duplicate reports, already
  counted as contacts of the event they were merged into.
- **Rejected** events (不予立案) count as received (and as ``rejected``) but never as registered,
  so they are in no rate's denominator.
- **Answered** events (当场答复, status ``answered``: a consultation the officer answered at once)
  count as received and as ``answered``, apart: never registered, dispatched or closed, so they
  are in no rate's denominator either.

The measures, numerator ÷ denominator (a rate is None when its denominator is 0):

- 办结率 completion = closed ÷ registered, where closed = status ``closed`` or ``evaluated`` and
  registered = ``registered_at`` set and not rejected.
- 按期办结率 on-time = closed with ``on_time`` true ÷ closed.
- 流转率 transfer = dispatched with ``transfer_count`` > 0 ÷ dispatched, where dispatched =
  ``first_dispatched_at`` set (an event returned and re-dispatched counts once).
- 返工率 rework = closed with ``rework_count`` > 0 ÷ closed. Over closed events, like the on-time
  rate (and Fuzhou's published 返工率): an event in rework counts once it is closed.
- 延期率 extension = dispatched with ``extension_count`` > 0 ÷ dispatched.
- 满意率 satisfaction = (满意 + 基本满意) ÷ events with a satisfaction recorded.
- 平均响应时长 / 平均处置时长: the mean of ``response_seconds`` (first dispatch → first
  acknowledgement) / ``handling_seconds`` (first dispatch → final resolution) over the events that
  have one; None when none has.
- overdue open (超期未办结), only when ``now`` is given: events still with the unit (dispatched,
  acknowledged, in progress) whose ``handle_due`` is before ``now``.

Groupings: ``unit`` = the lead unit (主办, ``Event.lead_unit_id``), labelled by unit name;
``grid`` = the L4 unit grid, labelled "community/unit grid" because L4 names ("3号楼院") repeat
across communities; ``category`` = "class/item"; ``source`` = the first report's source, by its
Chinese label. Events with no unit, grid or category form one group whose key and label are None,
listed last. Groups are ordered by the unit/grid/category code, sources in their enum order.

Everything is ONE aggregate query (``COUNT(CASE …)`` per group, no event row reaches Python) plus
one small query for the group labels; ``case()`` rather than summing booleans keeps it identical
on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import cache

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session, aliased

from commandroom.models.catalog import Category
from commandroom.models.enums import DONE_STATUSES, Action, Satisfaction, Source, Status
from commandroom.models.errors import ValidationError
from commandroom.models.events import Event
from commandroom.models.lifecycle import HELD
from commandroom.models.log import EventLog
from commandroom.models.measure_table import MeasureRow, display_width, format_table, percent, table_cells  # noqa: F401
from commandroom.models.org import Grid, Unit

GROUPINGS = ("unit", "grid", "category", "source")
_GROUP_COLUMN = {
    "unit": Event.lead_unit_id,
    "grid": Event.grid_id,
    "category": Event.category_id,
    "source": Event.source,
}


def _count(condition):
    # COUNT of a CASE without ELSE rather than SUM(CASE … ELSE 0): 0 (not NULL) on no rows, and
    # measurably cheaper per row on SQLite; on PostgreSQL it avoids summing booleans.
    return func.count(case((condition, 1)))


def _aggregates(now: datetime | None) -> list:
    """The aggregate columns, named like the MeasureRow fields they fill. They read only the
    columns of the proposed covering indexes (see bench/bench_measures.py), unless ``now``
    asks for the overdue count (``handle_due``)."""
    columns = list(_counted())
    if now is not None:
        overdue = and_(Event.status.in_(sorted(HELD)), Event.handle_due < now)
        columns.append(_count(overdue).label("overdue_open"))
    return columns


@cache
def _counted() -> tuple:
    # Built once: SQL expressions are immutable, and building these fourteen cost more CPU than
    # the wall's small periods take to count (bench/bench_wall_figures.py computes seven a snapshot).
    registered = and_(Event.registered_at.is_not(None), Event.status != Status.REJECTED)
    dispatched = Event.first_dispatched_at.is_not(None)
    closed = Event.status.in_(sorted(DONE_STATUSES))  # sorted: the same SQL text every run
    columns = [
        func.count().label("received"),
        _count(Event.status == Status.REJECTED).label("rejected"),
        _count(Event.status == Status.ANSWERED).label("answered"),
        _count(registered).label("registered"),
        func.count(Event.first_dispatched_at).label("dispatched"),
        _count(closed).label("closed"),
        _count(and_(closed, Event.on_time.is_(True))).label("closed_on_time"),
        # The rare condition first: AND stops there for most rows.
        _count(and_(Event.transfer_count > 0, dispatched)).label("transferred"),
        _count(and_(Event.rework_count > 0, closed)).label("reworked"),
        _count(and_(Event.extension_count > 0, dispatched)).label("extended"),
        func.count(Event.satisfaction).label("evaluated"),
        _count(Event.satisfaction.in_((Satisfaction.SATISFIED, Satisfaction.BASICALLY))).label("satisfied"),
        func.avg(Event.response_seconds).label("mean_response_seconds"),
        func.avg(Event.handling_seconds).label("mean_handling_seconds"),
    ]
    return tuple(columns)


def period_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """``[start 00:00, end + 1 day 00:00)``, refusing a period that ends before it starts."""
    if end < start:
        raise ValidationError(f"结束日期 {end} 早于开始日期 {start}", f"End date {end} is before start date {start}")
    return datetime.combine(start, time()), datetime.combine(end + timedelta(days=1), time())


def compute(
    session: Session,
    start: date,
    end: date,
    by: str | None = None,
    *,
    now: datetime | None = None,
    street_id: int | None = None,
) -> list[MeasureRow]:
    """The measures of the events received from ``start`` to ``end`` (both days included).

    One row when ``by`` is None (even for an empty period), else one row per group that
    received an event. ``street_id`` narrows a shared district database to one street.
    """
    if by is not None and by not in _GROUP_COLUMN:
        raise ValidationError(f"未知的分组：{by}", f"Unknown grouping: {by} (use one of {', '.join(GROUPINGS)})")
    since, until = period_bounds(start, end)
    query = aggregate_query(since, until, now=now, street_id=street_id)
    if by is not None:
        key = _GROUP_COLUMN[by]
        query = query.add_columns(key.label("key")).group_by(key)
    results = [row._asdict() for row in session.execute(query)]
    if by is None:
        return [_row(results[0], label=None)]
    labels = _labels(session, by, [r["key"] for r in results if r["key"] is not None])
    rows = [_row(r, None if r["key"] is None else labels[r["key"]]) for r in results]  # keys are foreign keys
    order = {key: position for position, key in enumerate(labels)}
    return sorted(rows, key=lambda row: order.get(row.key, len(order)))


def _as_of(since: datetime, cut: datetime, street_id: int | None) -> list:
    """The aggregate columns counting only what had happened by ``cut``: the measures of a past
    period as they stood then, so yesterday up to 15:30 is compared with today up to 15:30 on
    equal terms (an event received yesterday morning has had a day longer to close by now).

    Registered, dispatched, closed (and answered) by their times; rated by its EVALUATE log row
    (the event keeps no rating time) before the cut; the means over the events acknowledged / resolved by then.
    The transfer, rework and extension counters and a rejection have no time of their own: they
    count as they are now (rare, and seldom late)."""
    registered = and_(Event.registered_at < cut, Event.status != Status.REJECTED)
    dispatched = Event.first_dispatched_at < cut
    closed = and_(Event.status.in_(sorted(DONE_STATUSES)), Event.closed_at < cut)
    # The period's events were rated between its start and the cut: one pass over those log
    # rows (ix_event_log_street_at), not a lookup per event.
    ratings = select(EventLog.event_id).where(EventLog.at >= since, EventLog.at < cut,
                                              EventLog.action == Action.EVALUATE)
    if street_id is not None:
        ratings = ratings.where(EventLog.street_id == street_id)
    ratings = ratings.cte("ratings").prefix_with("MATERIALIZED")  # read once, used twice
    rated = and_(Event.satisfaction.is_not(None), Event.id.in_(select(ratings.c.event_id)))
    return [
        func.count().label("received"),
        _count(Event.status == Status.REJECTED).label("rejected"),
        _count(and_(Event.status == Status.ANSWERED, Event.closed_at < cut)).label("answered"),
        _count(registered).label("registered"),
        _count(dispatched).label("dispatched"),
        _count(closed).label("closed"),
        _count(and_(closed, Event.on_time.is_(True))).label("closed_on_time"),
        _count(and_(Event.transfer_count > 0, dispatched)).label("transferred"),
        _count(and_(Event.rework_count > 0, closed)).label("reworked"),
        _count(and_(Event.extension_count > 0, dispatched)).label("extended"),
        _count(rated).label("evaluated"),
        _count(and_(rated, Event.satisfaction.in_((Satisfaction.SATISFIED, Satisfaction.BASICALLY)))).label("satisfied"),
        func.avg(case((Event.acknowledged_at < cut, Event.response_seconds))).label("mean_response_seconds"),
        func.avg(case((Event.resolved_at < cut, Event.handling_seconds))).label("mean_handling_seconds"),
    ]


def aggregate_query(since: datetime, until: datetime, *, now: datetime | None = None,
                    street_id: int | None = None, as_of: datetime | None = None):
    """The measures' one aggregate SELECT over the events received in ``[since, until)``
    (instants, not days: the wall compares today with yesterday up to the same hour). Its
    columns are named like the MeasureRow fields; a caller may add a key and GROUP BY it and
    turn each result row into a MeasureRow with ``measure_row``. ``as_of``: count only what had
    happened by then (``_as_of``; no overdue count)."""
    columns = _aggregates(now) if as_of is None else _as_of(since, as_of, street_id)
    query = select(*columns).where(
        Event.received_at >= since, Event.received_at < until, Event.status != Status.MERGED
    )
    return query if street_id is None else query.where(Event.street_id == street_id)


def measure_row(result: dict, label: str | None = None) -> MeasureRow:
    """A MeasureRow from one result row of ``aggregate_query`` (its ``key``, when present, kept)."""
    return _row(result, label)


_MEANS = ("mean_response_seconds", "mean_handling_seconds")


def _row(result: dict, label: str | None) -> MeasureRow:
    fields = dict(result)
    key = fields.pop("key", None)
    # PostgreSQL's avg() is a Decimal, SQLite's a float; the counts are ints on both.
    means = {name: None if fields[name] is None else float(fields[name]) for name in _MEANS}
    counts = {name: int(value or 0) for name, value in fields.items() if name not in _MEANS}
    return MeasureRow(key=key.value if isinstance(key, Source) else key, label=label, **means, **counts)


def _labels(session: Session, by: str, keys: list) -> dict:
    """``{key: label}`` in display order (by code; sources in enum order), for the keys present."""
    if by == "source":
        return {source.value: source.label for source in Source}
    if by == "unit":
        query = select(Unit.id, Unit.code, Unit.name).where(Unit.id.in_(keys))
    elif by == "category":
        query = select(Category.id, Category.code, Category.class_name + "/" + Category.name)
        query = query.where(Category.id.in_(keys))
    else:
        community = aliased(Grid)
        label = func.coalesce(community.name + "/", "") + Grid.name
        query = select(Grid.id, Grid.code, label).outerjoin(community, community.id == Grid.parent_id)
        query = query.where(Grid.id.in_(keys))
    return {key: label for key, _code, label in sorted(session.execute(query), key=lambda row: row[1])}
