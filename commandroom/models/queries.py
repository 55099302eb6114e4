"""Read-side queries for the console: frozen snapshots of events and the filter vocabularies.

The views never see ORM rows (they live and die with a session in the loader's thread); they get
``EventRow`` dataclasses built from one flat SELECT with the names they show already joined in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session, aliased

from commandroom.models.catalog import Category
from commandroom.models.changefeed import feed_start
from commandroom.models.enums import OPEN_STATUSES, AlertLevel, GridLevel, Priority, Role, Source, Status
from commandroom.models.events import Event
from commandroom.models.lifecycle import HELD
from commandroom.models.org import Grid, Street, Unit, User
from commandroom.models.timelimits import due_soon_at, is_due_soon
from commandroom.models.supervision import open_level
from commandroom.models.id_set import in_ids

# SQLite allows 999 bound parameters in old builds; stay well under it.

RECENT_DAYS = 7
"""Finished events (closed, rejected, merged) stay in a console's live list this many days: long
enough to answer "what happened to last week's report", short enough to keep the list to work."""


@dataclass(frozen=True)
class EventRow:
    """One line of the live event list: a frozen snapshot, safe to hand to the GUI thread."""

    id: int
    code: str
    status: Status
    priority: Priority
    source: Source
    title: str
    address: str
    category_code: str  # "" until registered
    category_class: str
    category_name: str
    grid_id: int | None  # the L4 grid
    grid_name: str
    community_id: int | None  # the L3 grid above it
    community_name: str
    lead_unit_name: str
    received_at: datetime
    response_due: datetime | None
    handle_due: datetime | None
    closed_at: datetime | None
    finished_at: datetime | None  # None while open (see ``_FINISHED_AT``)
    contact_count: int
    escalated: bool
    version: int
    # Past its handling limit when loaded; a long-lived view asks ``is_overdue(now)`` instead.
    overdue: bool
    dispatched_at: datetime | None = None  # the latest dispatch: the handling clock's start
    alert_level: AlertLevel | None = None  # the highest uncleared supervision alert (督办)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, now: datetime) -> bool:
        """Still with the unit and past its handling limit (an extension moves ``handle_due``).
        Once the unit has reported its result the clock has stopped: a late result shows as
        not on time at closing, not as overdue (the measures count it the same way)."""
        return self.status in HELD and self.handle_due is not None and now > self.handle_due

    def is_due_soon(self, now: datetime) -> bool:
        """Still with the unit, not yet overdue, most of its handling limit used
        (``timelimits.is_due_soon``, the rule the supervision ladder's 预警 follows)."""
        return self.status in HELD and is_due_soon(now, self.dispatched_at, self.handle_due)

    def due_soon_from(self) -> datetime | None:
        """The instant it turns due soon (``is_due_soon`` from then until its limit), or None if
        its limit is not running (a list keeps it: ``urgency.py``)."""
        if self.status not in HELD or self.dispatched_at is None or self.handle_due is None:
            return None
        return due_soon_at(self.dispatched_at, self.handle_due)

    def has_aged_out(self, now: datetime, recent_days: int) -> bool:
        """Finished more than ``recent_days`` ago: no longer part of the live list."""
        return self.finished_at is not None and self.finished_at < now - timedelta(days=recent_days)


@dataclass(frozen=True)
class CategoryChoice:
    code: str
    class_name: str
    name: str


@dataclass(frozen=True)
class GridChoice:
    id: int
    level: int
    code: str
    name: str
    parent_id: int | None


@dataclass(frozen=True)
class UserInfo:
    login: str
    name: str
    role: Role


@dataclass(frozen=True)
class LiveSnapshot:
    """What a console needs to open: the rows, the filter vocabularies and where the feed starts.

    ``last_log_id`` and ``log_holes`` (see ``changefeed.feed_start``) are read before the rows, so
    a change committed while loading is read again by the feed (harmless), and a change whose
    transaction was still open comes through the feed when it commits: none is lost. Start the
    feed with ``FeedCursor(last_log_id, holes=log_holes)``.
    """

    last_log_id: int
    rows: tuple[EventRow, ...]
    categories: tuple[CategoryChoice, ...]
    grids: tuple[GridChoice, ...]
    street_name: str
    user: UserInfo | None
    log_holes: tuple[int, ...] = ()


L4 = aliased(Grid, name="l4")
L3 = aliased(Grid, name="l3")

# When a finished event finished. Rejected and merged events may have no closed_at: their last
# known time stands in. The live list's one rule for ageing out, read by SQL and by ``EventRow``.
_FINISHED_AT = case(
    (Event.status.in_(sorted(OPEN_STATUSES)), None),
    else_=func.coalesce(Event.closed_at, Event.registered_at, Event.received_at),
)

_ROW_COLUMNS = (
    Event.id,
    Event.code,
    Event.status,
    Event.priority,
    Event.source,
    Event.title,
    Event.address,
    func.coalesce(Category.code, ""),
    func.coalesce(Category.class_name, ""),
    func.coalesce(Category.name, ""),
    Event.grid_id,
    func.coalesce(L4.name, ""),
    L3.id,
    func.coalesce(L3.name, ""),
    func.coalesce(Unit.name, ""),
    Event.received_at,
    Event.response_due,
    Event.handle_due,
    Event.closed_at,
    _FINISHED_AT,
    Event.contact_count,
    Event.escalated,
    Event.version,
    Event.dispatched_at,
    open_level(Event.id),
)


def join_names(stmt):
    """Outer-join what an event's row shows by name: its category, its L4 grid (``L4``) and the
    community above it (``L3``), its lead unit."""
    return (
        stmt.outerjoin(Category, Category.id == Event.category_id)
        .outerjoin(L4, L4.id == Event.grid_id)
        .outerjoin(L3, and_(L3.id == L4.parent_id, L3.level == int(GridLevel.COMMUNITY)))
        .outerjoin(Unit, Unit.id == Event.lead_unit_id)
    )


def _row_select():
    return join_names(select(*_ROW_COLUMNS))


def _in_street(stmt, column, street_id: int | None):
    """Narrow a query to one street of a district database (None: the whole database)."""
    return stmt if street_id is None else stmt.where(column == street_id)


def _to_rows(result, now: datetime) -> list[EventRow]:
    rows = [EventRow(*values[:-2], overdue=False, dispatched_at=values[-2],
                     alert_level=values[-1] and AlertLevel(values[-1])) for values in result]
    return [replace(row, overdue=True) if row.is_overdue(now) else row for row in rows]


def load_live_rows(
    session: Session, now: datetime, recent_days: int, street_id: int | None = None
) -> list[EventRow]:
    """Every open event of the street, plus those finished (closed, rejected, merged) in the
    last days."""
    cutoff = now - timedelta(days=recent_days)
    stmt = (
        _row_select()
        .where(_FINISHED_AT.is_(None) | (_FINISHED_AT >= cutoff))
        .order_by(Event.received_at, Event.id)
    )
    return _to_rows(session.execute(_in_street(stmt, Event.street_id, street_id)), now)


def load_rows(
    session: Session, ids: Iterable[int], now: datetime, street_id: int | None = None
) -> list[EventRow]:
    """Fresh snapshots of the given events (those that exist in the street), in id order."""
    stmt = _in_street(_row_select().where(in_ids(Event.id, ids)), Event.street_id, street_id)
    return _to_rows(session.execute(stmt.order_by(Event.id)), now)


def list_categories(session: Session) -> list[CategoryChoice]:
    stmt = select(Category.code, Category.class_name, Category.name).order_by(Category.code)
    return [CategoryChoice(*row) for row in session.execute(stmt)]


def list_grids(
    session: Session, max_level: int = int(GridLevel.UNIT_GRID), street_id: int | None = None
) -> list[GridChoice]:
    """The street's grids from the communities (L3) down to ``max_level``, by level then code."""
    stmt = (
        select(Grid.id, Grid.level, Grid.code, Grid.name, Grid.parent_id)
        .where(Grid.level >= int(GridLevel.COMMUNITY), Grid.level <= max_level)
        .order_by(Grid.level, Grid.code)
    )
    return [GridChoice(*row) for row in session.execute(_in_street(stmt, Grid.street_id, street_id))]


def street_name(session: Session, street_id: int | None = None) -> str | None:
    """The name of the street (with no id, the first in the database), or None if none."""
    stmt = _in_street(select(Street.name), Street.id, street_id)
    return session.execute(stmt.order_by(Street.id).limit(1)).scalar()


def user_info(session: Session, login: str) -> UserInfo | None:
    stmt = select(User.login, User.name, User.role).where(User.login == login)
    row = session.execute(stmt).first()
    return UserInfo(*row) if row else None


def load_snapshot(
    session: Session, now: datetime, recent_days: int, login: str, street_id: int | None = None
) -> LiveSnapshot:
    """Everything a console of one street opens with, read in one transaction (see
    ``LiveSnapshot``). The catalogue is the district's, shared by its streets."""
    start = feed_start(session)
    return LiveSnapshot(
        last_log_id=start.last_id,
        log_holes=start.holes,
        rows=tuple(load_live_rows(session, now, recent_days, street_id)),
        categories=tuple(list_categories(session)),
        grids=tuple(list_grids(session, street_id=street_id)),
        street_name=street_name(session, street_id) or "",
        user=user_info(session, login),
    )

