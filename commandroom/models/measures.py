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

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session, aliased

from commandroom.models.catalog import Category
from commandroom.models.enums import DONE_STATUSES, Satisfaction, Source, Status
from commandroom.models.errors import ValidationError
from commandroom.models.events import Event
from commandroom.models.lifecycle import HELD
from commandroom.models.org import Grid, Unit

GROUPINGS = ("unit", "grid", "category", "source")
_GROUP_COLUMN = {
    "unit": Event.lead_unit_id,
    "grid": Event.grid_id,
    "category": Event.category_id,
    "source": Event.source,
}


class _Rate:
    """A read-only attribute: one count field ÷ another, None (never an error) when the
    denominator is 0. Not a dataclass field, so rows compare and print by their counts."""

    def __init__(self, part: str, whole: str):
        self.part, self.whole = part, whole

    def __get__(self, row, owner=None) -> float | None:
        if row is None:
            return self
        whole = getattr(row, self.whole)
        return getattr(row, self.part) / whole if whole else None


@dataclass(frozen=True)
class MeasureRow:
    """The measures of one group (or of the whole period when the grouping is None)."""

    key: int | str | None  # unit/grid/category id or source value; None: total, or "not set"
    label: str | None
    received: int
    rejected: int
    answered: int  # 当场答复
    registered: int
    dispatched: int
    closed: int
    closed_on_time: int
    transferred: int
    reworked: int
    extended: int
    evaluated: int
    satisfied: int  # 满意 + 基本满意
    mean_response_seconds: float | None
    mean_handling_seconds: float | None
    overdue_open: int | None = None  # None when no ``now`` was given

    # The rates, as in the module docstring: numerator field ÷ denominator field.
    completion_rate = _Rate("closed", "registered")
    on_time_rate = _Rate("closed_on_time", "closed")
    transfer_rate = _Rate("transferred", "dispatched")
    rework_rate = _Rate("reworked", "closed")
    extension_rate = _Rate("extended", "dispatched")
    satisfaction_rate = _Rate("satisfied", "evaluated")


def _count(condition):
    # COUNT of a CASE without ELSE rather than SUM(CASE … ELSE 0): 0 (not NULL) on no rows, and
    # measurably cheaper per row on SQLite; on PostgreSQL it avoids summing booleans.
    return func.count(case((condition, 1)))


def _aggregates(now: datetime | None) -> list:
    """The aggregate columns, named like the MeasureRow fields they fill. They read only the
    columns of the proposed covering indexes (see bench/bench_measures.py), unless ``now``
    asks for the overdue count (``handle_due``)."""
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
    if now is not None:
        overdue = and_(Event.status.in_(sorted(HELD)), Event.handle_due < now)
        columns.append(_count(overdue).label("overdue_open"))
    return columns


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
    query = select(*_aggregates(now)).where(
        Event.received_at >= since, Event.received_at < until, Event.status != Status.MERGED
    )
    if street_id is not None:
        query = query.where(Event.street_id == street_id)
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


# ---- the plain-text table (CLI, logs, the weekly report's appendix) ----

_GROUP_HEADER = {
    None: ("范围", "Scope"),
    "unit": ("主办单位", "Lead unit"),
    "grid": ("网格（社区/单元网格）", "Grid (community/unit)"),
    "category": ("类别（大类/小类）", "Category (class/item)"),
    "source": ("来源", "Source"),
}
_NONE_LABEL = {None: ("合计", "Total"), "group": ("（未指定）", "(none)")}


def percent(rate: float | None) -> str:
    """A rate as the reports print it: "97.50%", or "-" when there is none."""
    return "-" if rate is None else f"{rate * 100:.2f}%"


def _hours_minutes(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    hours, minutes = divmod(round(seconds / 60), 60)
    return f"{hours}:{minutes:02d}"


# (Chinese header, English header, cell text); the label column comes first and is left-aligned.
_COLUMNS = (
    ("受理", "Received", lambda r: str(r.received)),
    ("不予立案", "Rejected", lambda r: str(r.rejected)),
    ("当场答复", "Answered", lambda r: str(r.answered)),
    ("立案", "Registered", lambda r: str(r.registered)),
    ("派遣", "Dispatched", lambda r: str(r.dispatched)),
    ("办结", "Closed", lambda r: str(r.closed)),
    ("超期未办结", "Overdue", lambda r: "-" if r.overdue_open is None else str(r.overdue_open)),
    ("办结率", "Completion", lambda r: percent(r.completion_rate)),
    ("按期办结率", "On time", lambda r: percent(r.on_time_rate)),
    ("流转率", "Transfer", lambda r: percent(r.transfer_rate)),
    ("返工率", "Rework", lambda r: percent(r.rework_rate)),
    ("延期率", "Extension", lambda r: percent(r.extension_rate)),
    ("满意率", "Satisfaction", lambda r: percent(r.satisfaction_rate)),
    ("平均响应(时:分)", "Mean response (h:mm)", lambda r: _hours_minutes(r.mean_response_seconds)),
    ("平均处置(时:分)", "Mean handling (h:mm)", lambda r: _hours_minutes(r.mean_handling_seconds)),
)


def display_width(text: str) -> int:
    """Terminal columns: wide and full-width (CJK) characters take two, combining marks none."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, left: bool) -> str:
    fill = " " * (width - display_width(text))
    return text + fill if left else fill + text


def table_cells(rows: list[MeasureRow], by: str | None, lang: str = "zh_CN") -> tuple[list[str], list[list[str]]]:
    """(header, body) of the measures table as text cells: Chinese headers, English when
    ``lang`` starts with "en". The overdue column only appears when the rows carry it
    (``compute(..., now=...)``). The CLI, the weekly report's PDF and its XLSX all show these."""
    en = lang.startswith("en")
    columns = [c for c in _COLUMNS if c[0] != "超期未办结" or any(r.overdue_open is not None for r in rows)]
    none_label = _NONE_LABEL[None if by is None else "group"][en]
    header = [_GROUP_HEADER[by][en]] + [c[en] for c in columns]
    return header, [[row.label or none_label] + [c[2](row) for c in columns] for row in rows]


def format_table(rows: list[MeasureRow], by: str | None, lang: str = "zh_CN") -> str:
    """An aligned plain-text table of ``table_cells``."""
    en = lang.startswith("en")
    header, body = table_cells(rows, by, lang)
    widths = [max(display_width(line[i]) for line in [header, *body]) for i in range(len(header))]

    def render(cells: list[str]) -> str:
        return "  ".join(_pad(cell, widths[i], left=i == 0) for i, cell in enumerate(cells)).rstrip()

    lines = [render(header), "  ".join("-" * w for w in widths)]
    lines += [render(cells) for cells in body] or [("无事件", "No events")[en]]
    return "\n".join(lines)
