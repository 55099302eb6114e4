"""The dispatcher's moves on an event already with its units, and the assisting units' own
signature: reassign (改派), recall (召回), add an assisting unit, an assisting unit signs.

What each changes is in ``models/transitions.py``; the choices (what restarts, what counts as a
transfer) are written there.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models import transitions, validate
from commandroom.models.catalog import Category
from commandroom.models.change import Change
from commandroom.models.commands.base import EventRef
from commandroom.models.commands.handling import HandlingCommands, _active
from commandroom.models.enums import Action, AssignmentRole
from commandroom.models.errors import ValidationError
from commandroom.models.events import Assignment, Event
from commandroom.models.timelimits import due_times

LEAD, ASSIST = AssignmentRole.LEAD, AssignmentRole.ASSIST


class AssignmentCommands(HandlingCommands):
    def reassign(self, event_id: int, version: int, *, lead_unit_id: int, reason: str) -> EventRef:
        """改派: move the event to another lead unit, with the reason; one transfer (流转)."""
        reason = validate.text(reason, "改派理由", "Reason", max_len=200)

        def decide(session: Session, event: Event, now: datetime) -> Change:
            unit = self._on_duty(session, lead_unit_id, "不能改派给它", "cannot reassign to it")
            if unit.id == event.lead_unit_id:
                raise ValidationError(f"「{unit.name}」已是事件 {event.code} 的主办单位",
                                      f"{unit.name} already leads event {event.code}")
            assists = _parts(session, event.id, ASSIST)
            response_due, _ = due_times(session.get(Category, event.category_id), event.priority, now)
            return transitions.reassign(
                event, now=now, lead=unit.id, reason=reason,
                lead_assignments=list(_parts(session, event.id, LEAD).values()),
                replaced_assist=assists.get(unit.id), response_due=response_due)

        return self._apply(Action.REASSIGN, event_id, version, decide)

    def recall(self, event_id: int, version: int, *, reason: str) -> EventRef:
        """召回: take the event back from its units to 待派遣, with the reason."""
        reason = validate.text(reason, "召回理由", "Reason", max_len=200)
        return self._apply(Action.RECALL, event_id, version, lambda session, event, now: (
            transitions.recall(event, now=now, reason=reason, active=_active(session, event.id))))

    def add_assist(self, event_id: int, version: int, *, unit_id: int) -> EventRef:
        """增加协办: one more assisting unit (协办) on an event already dispatched."""

        def decide(session: Session, event: Event, now: datetime) -> Change:
            unit = self._on_duty(session, unit_id, "不能增加为协办", "cannot add it as an assisting unit")
            if unit.id == event.lead_unit_id:
                raise ValidationError(f"「{unit.name}」是主办单位，不能同时协办",
                                      f"{unit.name} leads the event; it cannot also assist")
            if unit.id in _parts(session, event.id, ASSIST):
                raise ValidationError(f"「{unit.name}」已在协办事件 {event.code}",
                                      f"{unit.name} already assists on event {event.code}")
            return transitions.add_assist(now=now, unit_id=unit.id)

        return self._apply(Action.ADD_ASSIST, event_id, version, decide)

    def acknowledge_assist(self, event_id: int, version: int, *, unit_id: int) -> EventRef:
        """协办签收: an assisting unit signs for its own part (the lead signs with ``acknowledge``)."""

        def decide(session: Session, event: Event, now: datetime) -> Change:
            unit = self._unit(session, unit_id)
            part = session.scalar(select(Assignment).where(
                Assignment.event_id == event.id, Assignment.unit_id == unit.id,
                Assignment.role == ASSIST, Assignment.active.is_(True)))
            if part is None:
                raise ValidationError(f"「{unit.name}」不是事件 {event.code} 的协办单位",
                                      f"{unit.name} is not assisting on event {event.code}")
            if part.acknowledged_at is not None:
                raise ValidationError(
                    f"「{unit.name}」已于 {part.acknowledged_at:%m-%d %H:%M} 签收协办",
                    f"{unit.name} signed for its part at {part.acknowledged_at:%Y-%m-%d %H:%M}")
            return transitions.acknowledge_assist(now=now, assignment_id=part.id, unit_id=unit.id)

        return self._apply(Action.ACKNOWLEDGE_ASSIST, event_id, version, decide)


def _parts(session: Session, event_id: int, role: AssignmentRole) -> dict[int, int]:
    """The event's active parts of one role: ``{unit_id: assignment_id}``."""
    stmt = select(Assignment.unit_id, Assignment.id).where(
        Assignment.event_id == event_id, Assignment.role == role, Assignment.active.is_(True))
    return dict(session.execute(stmt.order_by(Assignment.id)).all())
