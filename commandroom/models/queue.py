"""The call queue's read side: the reports waiting for a decision (events in RECEIVED), as frozen
rows for the calls dock, with who holds each one and whether that console is still alive.

One SELECT per call, for the whole queue or for the events the change feed touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from commandroom.models import presence
from commandroom.models.enums import Priority, Source, Status
from commandroom.models.events import Event
from commandroom.models.org import User
from commandroom.models.queries import L3, L4, join_names
from commandroom.models.presence import ConsolePresence
from commandroom.models.privacy import mask_phone
from commandroom.models.id_set import in_ids


@dataclass(frozen=True)
class QueueRow:
    id: int
    code: str
    version: int
    source: Source
    priority: Priority
    received_at: datetime
    title: str
    text: str  # the report's description
    caller_name: str
    caller_phone: str  # in full, for the officer's call-back; show ``caller_phone_shown``
    caller_phone_shown: str  # masked: 138****1234
    address: str
    lat: float | None
    lon: float | None
    grid_id: int | None  # the L4 grid of the reported point
    grid_name: str
    community_name: str
    contact_count: int  # reports merged into it
    taken_by: str  # login; "" when nobody holds it
    taken_by_name: str
    taken_console: str
    taken_at: datetime | None
    holder_seen_at: datetime | None  # the holding console's last heartbeat
    holder_quiet: bool  # as loaded; a long-lived view asks ``is_holder_quiet(now)``

    @property
    def is_taken(self) -> bool:
        return bool(self.taken_console)

    def is_holder_quiet(self, now: datetime, quiet_after: timedelta = presence.QUIET_AFTER) -> bool:
        """Taken by a console gone quiet: its lock has lapsed and anyone may take the report."""
        return self.is_taken and presence.is_quiet(self.holder_seen_at, now, quiet_after)

    def held_by_other(self, console: str, now: datetime,
                      quiet_after: timedelta = presence.QUIET_AFTER) -> bool:
        """Locked against ``console``: its decisions on the report would be refused."""
        return (self.is_taken and self.taken_console != console
                and not self.is_holder_quiet(now, quiet_after))


def _select():
    names = join_names(select(
        Event.id, Event.code, Event.version, Event.source, Event.priority, Event.received_at,
        Event.title, Event.description, Event.reporter_name, Event.reporter_phone, Event.address,
        Event.lat, Event.lon, Event.grid_id, func.coalesce(L4.name, ""), func.coalesce(L3.name, ""),
        Event.contact_count, Event.taken_by, func.coalesce(User.name, Event.taken_by),
        Event.taken_console, Event.taken_at, ConsolePresence.last_seen))
    return (
        names.outerjoin(User, and_(User.login == Event.taken_by, Event.taken_by != ""))
        .outerjoin(ConsolePresence, and_(ConsolePresence.console == Event.taken_console,
                                         Event.taken_console != ""))
        .where(Event.status == Status.RECEIVED)
    )


def _rows(result, now: datetime, quiet_after: timedelta) -> list[QueueRow]:
    rows = []
    for (id_, code, version, source, priority, received_at, title, text, name, phone, address,
         lat, lon, grid_id, grid_name, community, contacts, taken_by, taken_name, console,
         taken_at, seen) in result:
        rows.append(QueueRow(
            id=id_, code=code, version=version, source=source, priority=priority,
            received_at=received_at, title=title, text=text, caller_name=name, caller_phone=phone,
            caller_phone_shown=mask_phone(phone), address=address, lat=lat, lon=lon,
            grid_id=grid_id, grid_name=grid_name, community_name=community, contact_count=contacts,
            taken_by=taken_by, taken_by_name=taken_name, taken_console=console, taken_at=taken_at,
            holder_seen_at=seen,
            holder_quiet=bool(console) and presence.is_quiet(seen, now, quiet_after)))
    return rows


def load_queue(session: Session, now: datetime, *, street_id: int | None = None,
               ids: Iterable[int] | None = None,
               quiet_after: timedelta = presence.QUIET_AFTER) -> list[QueueRow]:
    """The reports waiting in the street's queue, oldest first; with ``ids``, only those of them
    still waiting (an id not returned has left the queue: registered, rejected, merged …)."""
    stmt = _select().order_by(Event.received_at, Event.id)
    if street_id is not None:
        stmt = stmt.where(Event.street_id == street_id)
    if ids is None:
        return _rows(session.execute(stmt), now, quiet_after)
    return _rows(session.execute(stmt.where(in_ids(Event.id, ids))), now, quiet_after)
