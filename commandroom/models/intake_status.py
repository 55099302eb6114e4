"""What the intake answers about a report it took: the state of the event it became.

A report's id outside is the code of the event it created (``YJ20261121-0007``). Merged into
another event, it is answered with that event's state (the report moved there). Open311 knows
two states: open, and closed with the notes the reporter is told — the unit's resolution note
for a closed case, the reason for 不予立案, the officer's answer for 当场答复. Personal data
(names, phones) is never part of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from commandroom.models.catalog import Category
from commandroom.models.enums import Action, Status
from commandroom.models.events import Contact, Event
from commandroom.models.log import EventLog
from commandroom.models.org import Unit

CLOSED = frozenset({Status.CLOSED, Status.EVALUATED, Status.REJECTED, Status.ANSWERED})
DEFAULT_WINDOW = timedelta(days=90)  # Open311: without dates, the last 90 days
MAX_RESULTS = 1000  # Open311's usual ceiling on one answer
MERGE_HOPS = 20  # a chain of merges longer than this is a bug, not a street


@dataclass(frozen=True)
class RequestState:
    code: str
    status: Status
    is_open: bool
    notes: str
    category_code: str  # the registered category, else the sender's hint
    category_name: str
    description: str
    agency: str  # the lead unit
    received_at: datetime
    updated_at: datetime
    expected_at: datetime | None  # the handling deadline
    address: str
    lat: float | None
    lon: float | None
    media_url: str


def request_state(session: Session, code: str, *, street_id: int | None = None) -> RequestState | None:
    event = session.scalar(select(Event).where(Event.code == code))
    for _ in range(MERGE_HOPS):
        if event is None or event.merged_into_id is None:
            break
        event = session.get(Event, event.merged_into_id)
    if event is None or street_id not in (None, event.street_id):
        return None
    return _states(session, [event.id])[0]


def search_requests(session: Session, *, codes: Sequence[str] = (), category_code: str = "",
                    start: datetime | None = None, end: datetime | None = None,
                    is_open: bool | None = None, now: datetime,
                    street_id: int | None = None) -> list[RequestState]:
    """Open311's GET requests.json: newest first, at most ``MAX_RESULTS``. Merged events are
    left out: their reports are answered by the events they were merged into."""
    stmt = select(Event.id).where(Event.status != Status.MERGED)
    if codes:
        stmt = stmt.where(Event.code.in_(list(codes)))
    else:
        if start is None and end is None:
            start = now - DEFAULT_WINDOW
        if start is not None:
            stmt = stmt.where(Event.received_at >= start)
        if end is not None:
            stmt = stmt.where(Event.received_at <= end)
    if street_id is not None:
        stmt = stmt.where(Event.street_id == street_id)
    if is_open is not None:
        closed = Event.status.in_([s.value for s in CLOSED])
        stmt = stmt.where(~closed if is_open else closed)
    if category_code:
        hinted = select(Contact.event_id).where(Contact.category_hint == category_code)
        stmt = stmt.outerjoin(Category, Category.id == Event.category_id).where(
            (Category.code == category_code) | (Event.category_id.is_(None) & Event.id.in_(hinted)))
    ids = session.scalars(stmt.order_by(Event.received_at.desc(), Event.id.desc())
                          .limit(MAX_RESULTS)).all()
    return _states(session, ids) if ids else []


def _states(session: Session, ids: Sequence[int]) -> list[RequestState]:
    rows = session.execute(
        select(Event, func.coalesce(Category.code, ""), func.coalesce(Category.name, ""),
               func.coalesce(Unit.name, ""))
        .outerjoin(Category, Category.id == Event.category_id)
        .outerjoin(Unit, Unit.id == Event.lead_unit_id)
        .where(Event.id.in_(ids))).all()
    updated = dict(session.execute(select(EventLog.event_id, func.max(EventLog.at))
                                   .where(EventLog.event_id.in_(ids)).group_by(EventLog.event_id)).all())
    first = {}
    for event_id, hint, media in session.execute(
            select(Contact.event_id, Contact.category_hint, Contact.media)
            .where(Contact.event_id.in_(ids)).order_by(Contact.id)):
        first.setdefault(event_id, (hint, media))
    notes = _resolution_notes(session, [e.id for e, *_ in rows if e.status in CLOSED])
    hint_names = dict(session.execute(select(Category.code, Category.name).where(
        Category.code.in_({h for h, _ in first.values() if h}))).all())
    order = {event_id: i for i, event_id in enumerate(ids)}
    states = []
    for event, cat_code, cat_name, agency in sorted(rows, key=lambda r: order[r[0].id]):
        hint, media = first.get(event.id, ("", ""))
        states.append(RequestState(
            code=event.code, status=event.status, is_open=event.status not in CLOSED,
            notes=_notes(event, notes.get(event.id, "")),
            category_code=cat_code or hint, category_name=cat_name or hint_names.get(hint, ""),
            description=event.description or event.title, agency=agency,
            received_at=event.received_at, updated_at=updated.get(event.id, event.received_at),
            expected_at=event.handle_due, address=event.address, lat=event.lat, lon=event.lon,
            media_url=(media or "").split("\n", 1)[0]))
    return states


def _notes(event: Event, resolution: str) -> str:
    if event.status is Status.REJECTED:
        return event.reject_reason
    if event.status is Status.ANSWERED:
        return event.answer
    if event.status in CLOSED:
        return resolution
    return event.status.label  # an open case: where it stands (受理, 已派遣 …)


def _resolution_notes(session: Session, ids: Sequence[int]) -> dict[int, str]:
    """The note of each event's last 反馈 (the unit's account of what it did)."""
    if not ids:
        return {}
    notes: dict[int, str] = {}
    for event_id, payload in session.execute(
            select(EventLog.event_id, EventLog.payload)
            .where(EventLog.event_id.in_(ids), EventLog.action == Action.RESOLVE)
            .order_by(EventLog.id)):
        notes[event_id] = (payload or {}).get("info", {}).get("note", "")
    return notes
