"""Handling commands: dispatch, acknowledge, return, start, resolve, verify, rework, close,
evaluate — the closed loop from the dispatcher to the unit and back. What each one changes is
decided in ``models/transitions.py``; here are the lookups and the checks around it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models import transitions, validate
from commandroom.models.catalog import Category
from commandroom.models.change import Change
from commandroom.models.commands.base import CommandBase, EventRef
from commandroom.models.enums import Action, AssignmentRole, Satisfaction, UnitStatus
from commandroom.models.errors import ValidationError
from commandroom.models.events import Assignment, Escalation, Event
from commandroom.models.org import Unit
from commandroom.models.timelimits import due_times


class HandlingCommands(CommandBase):
    def dispatch(
        self, event_id: int, version: int, *, lead_unit_id: int, assist_unit_ids: Iterable[int] = ()
    ) -> EventRef:
        """派遣 to a lead unit (主办) and optional assisting units (协办); the clock starts."""
        assist = list(dict.fromkeys(assist_unit_ids))
        if lead_unit_id in assist:
            raise ValidationError("主办单位不能同时作为协办单位", "The lead unit cannot also assist")

        def decide(session: Session, event: Event, now: datetime) -> Change:
            for unit_id in [lead_unit_id, *assist]:
                self._on_duty(session, unit_id, "不能派遣", "cannot dispatch to it")
            response_due, handle_due = due_times(
                session.get(Category, event.category_id), event.priority, now
            )
            return transitions.dispatch(event, now=now, lead=lead_unit_id, assists=assist,
                                        active=_active(session, event.id), response_due=response_due,
                                        handle_due=handle_due)

        return self._apply(Action.DISPATCH, event_id, version, decide)

    def acknowledge(self, event_id: int, version: int) -> EventRef:
        """签收 by the lead unit (for an escalated event: the district department confirms)."""

        def decide(session: Session, event: Event, now: datetime) -> Change:
            leads = _active(session, event.id, Assignment.role == AssignmentRole.LEAD)
            return transitions.acknowledge(event, now=now, lead_assignments=leads,
                                           open_escalations=_escalations(session, event, open_only=True))

        return self._apply(Action.ACKNOWLEDGE, event_id, version, decide)

    def return_(self, event_id: int, version: int, *, reason: str) -> EventRef:
        """退回: the unit says it is not theirs; back to the dispatcher, counted as a transfer."""
        reason = validate.text(reason, "退回理由", "Reason", max_len=200)
        return self._apply(Action.RETURN, event_id, version, lambda session, event, now: (
            transitions.return_(event, now=now, reason=reason, active=_active(session, event.id))))

    def start(self, event_id: int, version: int) -> EventRef:
        """处置: the unit is on it."""
        return self._apply(Action.START, event_id, version,
                           lambda session, event, now: transitions.start())

    def resolve(self, event_id: int, version: int, *, note: str) -> EventRef:
        """反馈: the unit reports the result."""
        note = validate.text(note, "处置结果", "Result", max_len=2000)
        return self._apply(Action.RESOLVE, event_id, version,
                           lambda session, event, now: transitions.resolve(event, now=now, note=note))

    def verify(self, event_id: int, version: int, *, note: str = "") -> EventRef:
        """核查: the grid worker confirms the result on site."""
        note = validate.text(note, "核查意见", "Note", max_len=2000, required=False)
        return self._apply(Action.VERIFY, event_id, version,
                           lambda session, event, now: transitions.verify(now=now, note=note))

    def rework(self, event_id: int, version: int, *, reason: str) -> EventRef:
        """返工: the check on site failed; back to the unit."""
        reason = validate.text(reason, "返工原因", "Reason", max_len=200)
        return self._apply(Action.REWORK, event_id, version,
                           lambda session, event, now: transitions.rework(event, reason=reason))

    def close(self, event_id: int, version: int) -> EventRef:
        """结案 by the shift leader; records whether it was resolved by the due time."""
        return self._apply(Action.CLOSE, event_id, version,
                           lambda session, event, now: transitions.close(event, now=now))

    def evaluate(
        self,
        event_id: int,
        version: int,
        *,
        satisfaction: Satisfaction | str,
        department_rating: Satisfaction | str | None = None,
    ) -> EventRef:
        """回访评价: the reporter's satisfaction; for a 街呼区应 case the street also rates the
        district department."""
        satisfaction = validate.enum_value(Satisfaction, satisfaction, "满意度", "satisfaction")
        if department_rating is not None:
            department_rating = validate.enum_value(Satisfaction, department_rating, "部门评价", "rating")

        def decide(session: Session, event: Event, now: datetime) -> Change:
            if department_rating is not None and not event.escalated:
                raise ValidationError(
                    f"事件 {event.code} 没有街呼区应，不能评价区级部门",
                    f"Event {event.code} was not escalated; no department to rate",
                )
            return transitions.evaluate(satisfaction=satisfaction, department_rating=department_rating,
                                        escalations=_escalations(session, event))

        return self._apply(Action.EVALUATE, event_id, version, decide)

    def _on_duty(self, session: Session, unit_id: int, zh_refusal: str, en_refusal: str) -> Unit:
        """The unit, refused in words when it is off duty (离岗)."""
        unit = self._unit(session, unit_id)
        if unit.status == UnitStatus.OFF_DUTY:
            raise ValidationError(f"「{unit.name}」当前离岗，{zh_refusal}",
                                  f"{unit.name} is off duty; {en_refusal}")
        return unit


def _active(session: Session, event_id: int, *where) -> list[int]:
    """The ids of the event's current assignments (optionally only some), in id order."""
    stmt = select(Assignment.id).where(Assignment.event_id == event_id, Assignment.active.is_(True), *where)
    return list(session.scalars(stmt.order_by(Assignment.id)))


def _escalations(session: Session, event: Event, *, open_only: bool = False) -> list[int]:
    if not event.escalated:
        return []
    stmt = select(Escalation.id).where(Escalation.event_id == event.id)
    if open_only:
        stmt = stmt.where(Escalation.confirmed_at.is_(None))
    return list(session.scalars(stmt.order_by(Escalation.id)))
