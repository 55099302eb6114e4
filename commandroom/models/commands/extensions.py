"""延期: asked before the deadline by the duty officer, approved or denied by the shift leader."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models import transitions, validate
from commandroom.models.change import Change
from commandroom.models.commands.base import CommandBase, EventRef
from commandroom.models.enums import Action, ExtensionDecision
from commandroom.models.errors import ValidationError
from commandroom.models.events import Event, ExtensionRequest


class ExtensionCommands(CommandBase):
    def request_extension(self, event_id: int, version: int, *, new_due: datetime, reason: str) -> EventRef:
        reason = validate.text(reason, "延期理由", "Reason", max_len=200)

        def decide(session: Session, event: Event, now: datetime) -> Change:
            if _pending(session, event.id) is not None:
                raise ValidationError(
                    f"事件 {event.code} 已有待审批的延期申请", f"Event {event.code} already has a pending extension"
                )
            if now >= event.handle_due:
                raise ValidationError(
                    f"事件 {event.code} 已超过处置时限，不能再申请延期",
                    f"Event {event.code} is past its due time; an extension must be asked before it",
                )
            if new_due <= event.handle_due:
                raise ValidationError(
                    f"新的时限须晚于原时限 {event.handle_due:%m-%d %H:%M}",
                    f"The new due time must be after {event.handle_due:%Y-%m-%d %H:%M}",
                )
            return transitions.request_extension(now=now, by=self.actor.login, new_due=new_due,
                                                 reason=reason)

        return self._apply(Action.REQUEST_EXTENSION, event_id, version, decide)

    def approve_extension(self, event_id: int, version: int, *, note: str = "") -> EventRef:
        note = validate.text(note, "审批意见", "Note", max_len=200, required=False)
        return self._apply(Action.APPROVE_EXTENSION, event_id, version, self._decide(True, note))

    def deny_extension(self, event_id: int, version: int, *, note: str) -> EventRef:
        note = validate.text(note, "驳回理由", "Reason", max_len=200)
        return self._apply(Action.DENY_EXTENSION, event_id, version, self._decide(False, note))

    def _decide(self, approve: bool, note: str):
        def decide(session: Session, event: Event, now: datetime) -> Change:
            request = _pending(session, event.id)
            if request is None:
                raise ValidationError(
                    f"事件 {event.code} 没有待审批的延期申请", f"Event {event.code} has no pending extension"
                )
            return transitions.decide_extension(event, now=now, by=self.actor.login,
                                                request_id=request.id, approve=approve,
                                                new_due=request.new_due, note=note)

        return decide


def _pending(session: Session, event_id: int) -> ExtensionRequest | None:
    return session.scalar(
        select(ExtensionRequest).where(
            ExtensionRequest.event_id == event_id,
            ExtensionRequest.decision == ExtensionDecision.PENDING,
        )
    )
