"""The dispatch board's read side: event cards in lanes, each with the state of every unit's part,
and one card per unit with its load.

Cards: two SELECTs per call (the events with their names joined in, then their active
assignments), for the whole board or for the events the change feed touched. Units: two SELECTs
(the units with their loads aggregated in SQL, then the categories they answer for).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from commandroom.models.catalog import Category
from commandroom.models.supervision import open_level
from commandroom.models.enums import (
    OPEN_STATUSES,
    AlertLevel,
    AssignmentRole,
    Lane,
    Priority,
    Status,
    UnitStatus,
    UnitType,
)
from commandroom.models.events import Assignment, Event
from commandroom.models.lifecycle import HELD
from commandroom.models.org import Unit, unit_category
from commandroom.models.queries import L3, L4, join_names
from commandroom.models.id_set import in_ids

LANE_OF: dict[Status, Lane] = {
    Status.REGISTERED: Lane.TO_DISPATCH,
    Status.DISPATCHED: Lane.TO_ACKNOWLEDGE,
    Status.ACKNOWLEDGED: Lane.HANDLING,
    Status.IN_PROGRESS: Lane.HANDLING,
    Status.RESOLVED: Lane.TO_VERIFY,
    Status.VERIFIED: Lane.TO_CLOSE,
}


@dataclass(frozen=True)
class PartState:
    """One unit's current part in an event."""

    assignment_id: int
    unit_id: int
    unit_name: str
    role: AssignmentRole
    dispatched_at: datetime
    acknowledged_at: datetime | None

    @property
    def acknowledged(self) -> bool:
        return self.acknowledged_at is not None


@dataclass(frozen=True)
class BoardCard:
    id: int
    code: str
    version: int
    status: Status
    lane: Lane
    priority: Priority
    title: str
    address: str
    category_code: str
    category_name: str
    grid_id: int | None
    grid_name: str
    community_name: str
    lead_unit_id: int | None
    lead_unit_name: str
    dispatched_at: datetime | None
    response_due: datetime | None
    handle_due: datetime | None
    escalated: bool
    transfer_count: int
    parts: tuple[PartState, ...]  # lead first, then the assisting units, in dispatch order
    alert_level: AlertLevel | None = None  # the most serious uncleared supervision alert

    def is_overdue(self, now: datetime) -> bool:
        """The same rule as the event list's (``queries.EventRow.is_overdue``)."""
        return self.status in HELD and self.handle_due is not None and now > self.handle_due

    def is_response_late(self, now: datetime) -> bool:
        """Dispatched and not signed for by its response due time."""
        return self.status == Status.DISPATCHED and self.response_due is not None and now > self.response_due


@dataclass(frozen=True)
class UnitCard:
    id: int
    code: str
    name: str
    type: UnitType
    status: UnitStatus
    on_duty: int
    duty_phone: str
    open_load: int  # open events it leads
    overdue: int  # of those, past their handling due time while it holds them
    category_codes: tuple[str, ...]  # the categories it answers for


def _card_select():
    return join_names(
        select(Event.id, Event.code, Event.version, Event.status, Event.priority, Event.title,
               Event.address, func.coalesce(Category.code, ""), func.coalesce(Category.name, ""),
               Event.grid_id, func.coalesce(L4.name, ""), func.coalesce(L3.name, ""),
               Event.lead_unit_id, func.coalesce(Unit.name, ""), Event.dispatched_at,
               Event.response_due, Event.handle_due, Event.escalated, Event.transfer_count,
               open_level(Event.id))
    )


def _on_board(street_id: int | None, ids: list[int] | None) -> list:
    """The WHERE clauses of the board's events (of the street), or of the events ``ids`` whatever
    their status: looked up by primary key, the board's statuses are kept in Python, because
    ``status IN (…) AND id IN (…)`` has SQLite probe the status index once per pair."""
    where = [Event.status.in_(sorted(LANE_OF))] if ids is None else [in_ids(Event.id, ids)]
    if street_id is not None:
        where.append(Event.street_id == street_id)
    return where


def _parts(session: Session, where: list) -> dict[int, list[PartState]]:
    """The active parts of the events ``where`` selects (a join, not a list of ids: the whole
    board's ids would overflow a statement's parameters)."""
    stmt = (
        select(Assignment.event_id, Assignment.id, Assignment.unit_id, Unit.name, Assignment.role,
               Assignment.dispatched_at, Assignment.acknowledged_at)
        .join(Unit, Unit.id == Assignment.unit_id)
        .join(Event, Event.id == Assignment.event_id)
        .where(Assignment.active.is_(True), *where)
        .order_by(Assignment.event_id, case((Assignment.role == AssignmentRole.LEAD, 0), else_=1),
                  Assignment.id)
    )
    parts: dict[int, list[PartState]] = defaultdict(list)
    for event_id, *fields in session.execute(stmt):
        parts[event_id].append(PartState(*fields))
    return parts


def _cards(session: Session, where: list) -> list[BoardCard]:
    rows = [row for row in session.execute(_card_select().where(*where).order_by(Event.received_at, Event.id))
            if row[3] in LANE_OF]
    parts = _parts(session, where) if rows else {}
    return [BoardCard(*row[:4], LANE_OF[row[3]], *row[4:-1], parts=tuple(parts.get(row[0], ())),
                      alert_level=row[-1] and AlertLevel(row[-1])) for row in rows]


def load_board(session: Session, *, street_id: int | None = None,
               ids: Iterable[int] | None = None) -> list[BoardCard]:
    """The street's events on the board (registered … verified), oldest first; with ``ids``, only
    those of them still on it (an id not returned has left the board)."""
    return _cards(session, _on_board(street_id, None if ids is None else list(ids)))


def load_units(session: Session, now: datetime, *, street_id: int | None = None,
               unit_ids: Iterable[int] | None = None,
               event_ids: Iterable[int] | None = None) -> list[UnitCard]:
    """The street's units by code, with their loads at ``now``. ``unit_ids`` narrows to those
    units (a unit status change names its unit); ``event_ids`` to every unit that has had a part
    in those events (a reassignment changes the load of the unit it left, too)."""
    stmt = (select(Unit.id, Unit.code, Unit.name, Unit.type, Unit.status, Unit.on_duty, Unit.duty_phone)
            .order_by(Unit.code))
    if street_id is not None:
        stmt = stmt.where(Unit.street_id == street_id)
    if unit_ids is not None:
        stmt = stmt.where(Unit.id.in_(sorted(set(unit_ids))))
    if event_ids is not None:
        touched = select(Assignment.unit_id).where(Assignment.event_id.in_(sorted(set(event_ids))))
        stmt = stmt.where(Unit.id.in_(touched))
    rows = session.execute(stmt).all()
    if not rows:
        return []
    loads = _unit_loads(session, now)
    categories: dict[int, list[str]] = defaultdict(list)
    cats = (select(unit_category.c.unit_id, Category.code)
            .join(Category, Category.id == unit_category.c.category_id)
            .where(unit_category.c.unit_id.in_([r[0] for r in rows]))
            .order_by(unit_category.c.unit_id, Category.code))
    for unit_id, code in session.execute(cats):
        categories[unit_id].append(code)
    return [UnitCard(*row, *loads.get(row[0], (0, 0)), category_codes=tuple(categories[row[0]])) for row in rows]


def _unit_loads(session: Session, now: datetime) -> dict[int, tuple[int, int]]:
    """Per lead unit: its open events, and how many of them are past their handling due time
    while it holds them. Grouped in the order of ``ix_event_unit_load`` (status, unit), read from
    that index alone: a year of closed events is never visited, and no temporary B-tree sorts the
    open ones; the few (status, unit) groups are summed here."""
    overdue = and_(Event.status.in_(sorted(HELD)), Event.handle_due < now)
    stmt = (select(Event.lead_unit_id, func.count(), func.count(case((overdue, 1))))
            .where(Event.status.in_(sorted(OPEN_STATUSES)), Event.lead_unit_id.is_not(None))
            .group_by(Event.status, Event.lead_unit_id))
    loads: dict[int, tuple[int, int]] = {}
    for unit_id, count, late in session.execute(stmt):
        total, late_total = loads.get(unit_id, (0, 0))
        loads[unit_id] = (total + count, late_total + late)
    return loads
