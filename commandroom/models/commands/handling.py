"""Handling commands: dispatch, acknowledge, return, start, resolve, verify, rework, close,
evaluate — the closed loop from the dispatcher to the unit and back."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.orm import Session

from commandroom.models import validate
from commandroom.models.catalog import Category
from commandroom.models.commands.base import CommandBase, EventRef
from commandroom.models.enums import Action, AssignmentRole, Satisfaction, UnitStatus
from commandroom.models.errors import ValidationError
from commandroom.models.events import Assignment, Escalation, Event
from commandroom.models.timelimits import due_times, seconds_between


class HandlingCommands(CommandBase):
    def dispatch(
        self, event_id: int, version: int, *, lead_unit_id: int, assist_unit_ids: Iterable[int] = ()
    ) -> EventRef:
        """派遣 to a lead unit (主办) and optional assisting units (协办); the clock starts."""
        assist = list(dict.fromkeys(assist_unit_ids))
        if lead_unit_id in assist:
            raise ValidationError("主办单位不能同时作为协办单位", "The lead unit cannot also assist")

        def mutate(session: Session, event: Event, now: datetime) -> dict:
            for unit_id in [lead_unit_id, *assist]:
                unit = self._unit(session, unit_id)
                if unit.status == UnitStatus.OFF_DUTY:
                    raise ValidationError(
                        f"「{unit.name}」当前离岗，不能派遣", f"{unit.name} is off duty; cannot dispatch to it"
                    )
            self._assign(session, event, now, lead_unit_id, assist)
            response_due, handle_due = due_times(
                session.get(Category, event.category_id), event.priority, now
            )
            event.response_due, event.handle_due = response_due, handle_due
            return dict(lead_unit_id=lead_unit_id, assist_unit_ids=assist, dispatched_at=now,
                        response_due=response_due, handle_due=handle_due)

        return self._apply(Action.DISPATCH, event_id, version, mutate)

    def acknowledge(self, event_id: int, version: int) -> EventRef:
        """签收 by the lead unit (for an escalated event: the district department confirms)."""

        def mutate(session: Session, event: Event, now: datetime) -> dict:
            event.acknowledged_at = now
            if event.response_seconds is None:
                event.response_seconds = seconds_between(event.first_dispatched_at, now)
            session.execute(
                update(Assignment)
                .where(Assignment.event_id == event.id, Assignment.active.is_(True),
                       Assignment.role == AssignmentRole.LEAD)
                .values(acknowledged_at=now)
            )
            if event.escalated:
                session.execute(
                    update(Escalation)
                    .where(Escalation.event_id == event.id, Escalation.confirmed_at.is_(None))
                    .values(confirmed_at=now)
                )
            return dict(acknowledged_at=now, response_seconds=event.response_seconds)

        return self._apply(Action.ACKNOWLEDGE, event_id, version, mutate)

    def return_(self, event_id: int, version: int, *, reason: str) -> EventRef:
        """退回: the unit says it is not theirs; back to the dispatcher, counted as a transfer."""
        reason = validate.text(reason, "退回理由", "Reason", max_len=200)

        def mutate(session: Session, event: Event, now: datetime) -> dict:
            unit_id = event.lead_unit_id
            session.execute(
                update(Assignment)
                .where(Assignment.event_id == event.id, Assignment.active.is_(True))
                .values(active=False, returned_at=now, return_reason=reason)
            )
            event.lead_unit_id = None
            event.acknowledged_at = None
            event.transfer_count += 1
            return dict(lead_unit_id=None, unit_id=unit_id, reason=reason,
                        transfer_count=event.transfer_count)

        return self._apply(Action.RETURN, event_id, version, mutate)

    def start(self, event_id: int, version: int) -> EventRef:
        """处置: the unit is on it."""
        return self._apply(Action.START, event_id, version, lambda session, event, now: {})

    def resolve(self, event_id: int, version: int, *, note: str) -> EventRef:
        """反馈: the unit reports the result."""
        note = validate.text(note, "处置结果", "Result", max_len=2000)

        def mutate(session: Session, event: Event, now: datetime) -> dict:
            event.resolved_at = now
            event.handling_seconds = seconds_between(event.first_dispatched_at, now)
            return dict(resolved_at=now, handling_seconds=event.handling_seconds, note=note)

        return self._apply(Action.RESOLVE, event_id, version, mutate)

    def verify(self, event_id: int, version: int, *, note: str = "") -> EventRef:
        """核查: the grid worker confirms the result on site."""
        note = validate.text(note, "核查意见", "Note", max_len=2000, required=False)

        def mutate(session: Session, event: Event, now: datetime) -> dict:
            event.verified_at = now
            return dict(verified_at=now, note=note)

        return self._apply(Action.VERIFY, event_id, version, mutate)

    def rework(self, event_id: int, version: int, *, reason: str) -> EventRef:
        """返工: the check on site failed; back to the unit."""
        reason = validate.text(reason, "返工原因", "Reason", max_len=200)

        def mutate(session: Session, event: Event, now: datetime) -> dict:
            event.resolved_at = None
            event.rework_count += 1
            return dict(resolved_at=None, reason=reason, rework_count=event.rework_count)

        return self._apply(Action.REWORK, event_id, version, mutate)

    def close(self, event_id: int, version: int) -> EventRef:
        """结案 by the shift leader; records whether it was resolved by the due time."""

        def mutate(session: Session, event: Event, now: datetime) -> dict:
            event.closed_at = now
            event.on_time = event.resolved_at <= event.handle_due
            return dict(closed_at=now, on_time=event.on_time)

        return self._apply(Action.CLOSE, event_id, version, mutate)

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

        def mutate(session: Session, event: Event, now: datetime) -> dict:
            event.satisfaction = satisfaction
            if department_rating is not None:
                if not event.escalated:
                    raise ValidationError(
                        f"事件 {event.code} 没有街呼区应，不能评价区级部门",
                        f"Event {event.code} was not escalated; no department to rate",
                    )
                session.execute(
                    update(Escalation).where(Escalation.event_id == event.id)
                    .values(rating=department_rating)
                )
            return dict(satisfaction=satisfaction, department_rating=department_rating)

        return self._apply(Action.EVALUATE, event_id, version, mutate)

    # -- shared by dispatch and escalate -------------------------------------------------
    @staticmethod
    def _assign(session: Session, event: Event, now: datetime, lead: int, assist: list[int]) -> None:
        """End the current assignments and give the event to ``lead`` (+ ``assist``)."""
        session.execute(
            update(Assignment)
            .where(Assignment.event_id == event.id, Assignment.active.is_(True))
            .values(active=False)
        )
        session.add(Assignment(event_id=event.id, unit_id=lead, role=AssignmentRole.LEAD,
                               dispatched_at=now, active=True))
        session.add_all(
            Assignment(event_id=event.id, unit_id=u, role=AssignmentRole.ASSIST,
                       dispatched_at=now, active=True)
            for u in assist
        )
        event.lead_unit_id = lead
        event.dispatched_at = now
        event.acknowledged_at = None
        if event.first_dispatched_at is None:
            event.first_dispatched_at = now

