"""The event detail's read side: every field of one event, the reports merged into it, its units'
parts with their due times, its extension requests and escalations, and its timeline (its log
rows: who, what, when, from which console, and the details); and the street's pending extension
requests for the shift leader. Frozen snapshots only.

The detail is one event: a SELECT per table it shows (six), none per row.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from commandroom.models.catalog import Category
from commandroom.models.enums import (
    Action,
    AssignmentRole,
    ExtensionDecision,
    Priority,
    Satisfaction,
    Source,
    Status,
)
from commandroom.models.events import Assignment, Contact, Escalation, Event, ExtensionRequest
from commandroom.models.lifecycle import HELD
from commandroom.models.log import EventLog
from commandroom.models.queries import L3, L4, join_names
from commandroom.models.org import Unit, User


@dataclass(frozen=True)
class ContactInfo:
    id: int
    source: Source
    external_ref: str
    received_at: datetime
    caller_name: str
    caller_phone: str
    content: str
    address: str


@dataclass(frozen=True)
class PartInfo:
    """One unit's part, current or ended, with the due times that bind it while current."""

    id: int
    unit_id: int
    unit_name: str
    role: AssignmentRole
    active: bool
    dispatched_at: datetime
    acknowledged_at: datetime | None
    returned_at: datetime | None  # the unit handed it back (退回)
    return_reason: str
    withdrawn_at: datetime | None  # the dispatcher took it away (改派, 召回)
    withdraw_reason: str
    response_due: datetime | None  # sign by (the current lead only)
    handle_due: datetime | None  # resolve by (current parts only)


@dataclass(frozen=True)
class ExtensionInfo:
    id: int
    requested_at: datetime
    requested_by: str
    new_due: datetime
    reason: str
    decision: ExtensionDecision
    decided_at: datetime | None
    decided_by: str
    decision_note: str


@dataclass(frozen=True)
class EscalationInfo:
    id: int
    department_id: int
    department_name: str
    raised_at: datetime
    raised_by: str
    place: str
    meet_at: datetime
    confirm_by: datetime
    confirmed_at: datetime | None
    rating: Satisfaction | None


@dataclass(frozen=True)
class TimelineEntry:
    log_id: int
    at: datetime
    action: Action
    actor: str  # login
    actor_name: str  # the user's name, or the login
    console: str
    changes: dict[str, Any]  # the event columns the command set, as logged (JSON values)
    details: dict[str, Any]  # what lives only in the log: a reason, a note, the answer …


@dataclass(frozen=True)
class EventDetail:
    id: int
    code: str
    version: int
    status: Status
    source: Source
    priority: Priority
    title: str
    description: str
    address: str
    lat: float | None
    lon: float | None
    reporter_name: str
    reporter_phone: str
    category_code: str
    category_name: str
    grid_id: int | None
    grid_name: str
    community_name: str
    lead_unit_id: int | None
    lead_unit_name: str
    reject_reason: str
    answer: str
    merged_into_id: int | None
    escalated: bool
    taken_by: str
    taken_console: str
    taken_at: datetime | None
    received_at: datetime
    registered_at: datetime | None
    dispatched_at: datetime | None
    acknowledged_at: datetime | None
    resolved_at: datetime | None
    verified_at: datetime | None
    closed_at: datetime | None
    response_due: datetime | None
    handle_due: datetime | None
    on_time: bool | None
    transfer_count: int
    rework_count: int
    extension_count: int
    contact_count: int
    response_seconds: int | None
    handling_seconds: int | None
    satisfaction: Satisfaction | None
    contacts: tuple[ContactInfo, ...]
    parts: tuple[PartInfo, ...]
    extensions: tuple[ExtensionInfo, ...]
    escalations: tuple[EscalationInfo, ...]
    timeline: tuple[TimelineEntry, ...]


# The detail's own columns, read straight off the event row by name.
_EVENT_FIELDS = [f.name for f in fields(EventDetail)
                 if f.name not in {"category_code", "category_name", "grid_name", "community_name",
                                   "lead_unit_name", "contacts", "parts", "extensions",
                                   "escalations", "timeline"}]


def load_detail(session: Session, event_id: int, *, street_id: int | None = None) -> EventDetail | None:
    """Everything about one event of the street, or None if there is no such event."""
    stmt = join_names(
        select(*(getattr(Event, name) for name in _EVENT_FIELDS),
               func.coalesce(Category.code, ""), func.coalesce(Category.name, ""),
               func.coalesce(L4.name, ""), func.coalesce(L3.name, ""), func.coalesce(Unit.name, ""))
        .where(Event.id == event_id)
    )
    if street_id is not None:
        stmt = stmt.where(Event.street_id == street_id)
    row = session.execute(stmt).first()
    if row is None:
        return None
    own = dict(zip(_EVENT_FIELDS, row))
    names = dict(zip(("category_code", "category_name", "grid_name", "community_name", "lead_unit_name"),
                     row[len(_EVENT_FIELDS):]))
    return EventDetail(**own, **names, contacts=_contacts(session, event_id),
                       parts=_parts(session, event_id, own), extensions=_extensions(session, event_id),
                       escalations=_escalations(session, event_id), timeline=timeline(session, event_id))


def _contacts(session: Session, event_id: int) -> tuple[ContactInfo, ...]:
    stmt = (select(Contact.id, Contact.source, Contact.external_ref, Contact.received_at,
                   Contact.caller_name, Contact.caller_phone, Contact.content, Contact.address)
            .where(Contact.event_id == event_id).order_by(Contact.received_at, Contact.id))
    return tuple(ContactInfo(*r) for r in session.execute(stmt))


def _parts(session: Session, event_id: int, event: dict) -> tuple[PartInfo, ...]:
    stmt = (select(Assignment.id, Assignment.unit_id, Unit.name, Assignment.role, Assignment.active,
                   Assignment.dispatched_at, Assignment.acknowledged_at, Assignment.returned_at,
                   Assignment.return_reason, Assignment.withdrawn_at, Assignment.withdraw_reason)
            .join(Unit, Unit.id == Assignment.unit_id)
            .where(Assignment.event_id == event_id).order_by(Assignment.id))
    parts = []
    for row in session.execute(stmt):
        active, lead = row.active, row.role == AssignmentRole.LEAD
        parts.append(PartInfo(*row, response_due=event["response_due"] if active and lead else None,
                              handle_due=event["handle_due"] if active else None))
    return tuple(parts)


def _extensions(session: Session, event_id: int) -> tuple[ExtensionInfo, ...]:
    stmt = (select(ExtensionRequest.id, ExtensionRequest.requested_at, ExtensionRequest.requested_by,
                   ExtensionRequest.new_due, ExtensionRequest.reason, ExtensionRequest.decision,
                   ExtensionRequest.decided_at, ExtensionRequest.decided_by, ExtensionRequest.decision_note)
            .where(ExtensionRequest.event_id == event_id).order_by(ExtensionRequest.id))
    return tuple(ExtensionInfo(*r) for r in session.execute(stmt))


def _escalations(session: Session, event_id: int) -> tuple[EscalationInfo, ...]:
    stmt = (select(Escalation.id, Escalation.department_id, Unit.name, Escalation.raised_at,
                   Escalation.raised_by, Escalation.place, Escalation.meet_at, Escalation.confirm_by,
                   Escalation.confirmed_at, Escalation.rating)
            .join(Unit, Unit.id == Escalation.department_id)
            .where(Escalation.event_id == event_id).order_by(Escalation.id))
    return tuple(EscalationInfo(*r) for r in session.execute(stmt))


def timeline(session: Session, event_id: int) -> tuple[TimelineEntry, ...]:
    """The event's log rows in order: who did what, when, from which console, and the details."""
    stmt = (select(EventLog.id, EventLog.at, EventLog.action, EventLog.actor,
                   func.coalesce(User.name, EventLog.actor), EventLog.console, EventLog.payload)
            .outerjoin(User, User.login == EventLog.actor)
            .where(EventLog.event_id == event_id).order_by(EventLog.id))
    return tuple(TimelineEntry(*r[:6], changes=dict(r[6].get("event", {})), details=dict(r[6].get("info", {})))
                 for r in session.execute(stmt))


@dataclass(frozen=True)
class PendingExtension:
    """An extension request waiting for the shift leader."""

    request_id: int
    event_id: int
    code: str
    version: int  # the event's, for the approve/deny command
    title: str
    lead_unit_name: str
    requested_at: datetime
    requested_by: str
    requested_by_name: str
    handle_due: datetime | None  # the due time now
    new_due: datetime  # the one asked for
    reason: str


def pending_extensions(session: Session, *, street_id: int | None = None) -> list[PendingExtension]:
    """The street's extension requests not yet decided, oldest first (one SELECT)."""
    stmt = (select(ExtensionRequest.id, Event.id, Event.code, Event.version, Event.title,
                   func.coalesce(Unit.name, ""), ExtensionRequest.requested_at,
                   ExtensionRequest.requested_by, func.coalesce(User.name, ExtensionRequest.requested_by),
                   Event.handle_due, ExtensionRequest.new_due, ExtensionRequest.reason)
            .join(Event, Event.id == ExtensionRequest.event_id)
            .outerjoin(Unit, Unit.id == Event.lead_unit_id)
            .outerjoin(User, User.login == ExtensionRequest.requested_by)
            # A request on an event taken back from its unit waits for no decision (none applies).
            .where(ExtensionRequest.decision == ExtensionDecision.PENDING, Event.status.in_(sorted(HELD)))
            .order_by(ExtensionRequest.requested_at, ExtensionRequest.id))
    if street_id is not None:
        stmt = stmt.where(Event.street_id == street_id)
    return [PendingExtension(*r) for r in session.execute(stmt)]
