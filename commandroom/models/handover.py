"""交接班: the officer going off duty signs out with a note; the open items are listed for them
(reports they have taken, events due before the next shift ends, open supervision alerts); the
next officer of the street reads the note and acknowledges it on sign-in. Sign-out, handover and
acknowledgement are each a log row (``event_id`` NULL)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models.enums import Status
from commandroom.models.events import Alert, Event
from commandroom.models.handover_table import Handover
from commandroom.models.lifecycle import HELD

# A list longer than this is cut (the count still says how many): a note is read, not searched.
ITEMS_SHOWN = 200
# Events still with the room or a unit: those the next shift must watch.
WATCHED = HELD | {Status.REGISTERED, Status.RESOLVED, Status.VERIFIED}


@dataclass(frozen=True)
class Item:
    code: str
    title: str
    detail: str  # the due time, the alert's level …: what makes it open
    late: bool = False  # already past its due time

    def as_list(self) -> list:
        return [self.code, self.title, self.detail, self.late]


@dataclass(frozen=True)
class OpenItems:
    taken: tuple[Item, ...] = ()
    due: tuple[Item, ...] = ()
    alerts: tuple[Item, ...] = ()
    counts: dict = field(default_factory=dict)  # kind -> how many in all (lists are cut)

    def as_json(self) -> dict:
        return {"taken": [i.as_list() for i in self.taken], "due": [i.as_list() for i in self.due],
                "alerts": [i.as_list() for i in self.alerts], "counts": dict(self.counts)}

    @classmethod
    def from_json(cls, data: dict) -> OpenItems:
        def items(kind):
            return tuple(Item(*row) for row in data.get(kind, ()))
        return cls(items("taken"), items("due"), items("alerts"), dict(data.get("counts", {})))


@dataclass(frozen=True)
class HandoverNote:
    """A frozen handover for the views."""

    id: int
    login: str
    at: datetime
    note: str
    items: OpenItems


def open_items(session: Session, login: str, street_id: int | None, now: datetime,
               shift_hours: int) -> OpenItems:
    """What is open as the shift of ``login`` ends: computed, never typed."""
    def in_street(stmt):
        return stmt if street_id is None else stmt.where(Event.street_id == street_id)

    taken = in_street(select(Event.code, Event.title, Event.taken_at).where(
        Event.taken_by == login, Event.status == Status.RECEIVED)).order_by(Event.taken_at)
    horizon = now + timedelta(hours=shift_hours)
    due = in_street(select(Event.code, Event.title, Event.handle_due).where(
        Event.status.in_(WATCHED), Event.handle_due.is_not(None), Event.handle_due <= horizon)
    ).order_by(Event.handle_due)
    alerts = in_street(select(Event.code, Event.title, Alert.level).join(Alert, Alert.event_id == Event.id)
                       .where(Alert.cleared_at.is_(None))).order_by(Alert.raised_at)
    lists, counts = {}, {}
    for kind, stmt, detail in (("taken", taken, _time), ("due", due, _time),
                               ("alerts", alerts, lambda level: level.label)):
        rows = session.execute(stmt).all()
        counts[kind] = len(rows)
        lists[kind] = tuple(Item(code, title, detail(third), kind == "due" and third < now)
                            for code, title, third in rows[:ITEMS_SHOWN])
    return OpenItems(lists["taken"], lists["due"], lists["alerts"], counts)


def _time(value: datetime | None) -> str:
    return f"{value:%m-%d %H:%M}" if value else ""


def pending_handover(session: Session, street_id: int | None, login: str) -> HandoverNote | None:
    """The newest handover of the street not yet acknowledged and not the reader's own."""
    stmt = select(Handover).where(Handover.acknowledged_at.is_(None), Handover.login != login)
    if street_id is not None:
        stmt = stmt.where(Handover.street_id == street_id)
    row = session.scalar(stmt.order_by(Handover.id.desc()).limit(1))
    if row is None:
        return None
    return HandoverNote(row.id, row.login, row.at, row.note, OpenItems.from_json(row.items))
