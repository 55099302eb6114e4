"""街呼区应: the street calls the district for an item on the 属地管理 list. The named department
must confirm (= acknowledge) by ``confirm_by``, then handles the event through the usual loop."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from commandroom.models import validate
from commandroom.models.catalog import Category
from commandroom.models.commands.handling import HandlingCommands
from commandroom.models.commands.base import EventRef
from commandroom.models.enums import Action, UnitType
from commandroom.models.errors import ValidationError
from commandroom.models.events import Escalation, Event
from commandroom.models.timelimits import due_times


class EscalationCommands(HandlingCommands):
    def escalate(
        self,
        event_id: int,
        version: int,
        *,
        department_id: int,
        place: str,
        meet_at: datetime,
        confirm_within_hours: float = 2,
    ) -> EventRef:
        place = validate.text(place, "到场地点", "Place", max_len=200)
        if not 0 < confirm_within_hours <= 72:
            raise ValidationError("确认时限应在 0 到 72 小时之间", "Confirm within 0 to 72 hours")

        def mutate(session: Session, event: Event, now: datetime) -> dict:
            department = self._unit(session, department_id)
            if department.type != UnitType.DISTRICT_DEPARTMENT:
                raise ValidationError(
                    f"「{department.name}」不是区级部门，不能街呼区应",
                    f"{department.name} is not a district department",
                )
            category = session.get(Category, event.category_id)
            if not category.territorial:
                raise ValidationError(
                    f"「{category.name}」不在属地管理清单内，不能街呼区应",
                    f"{category.name} is not on the territorial list; the district cannot be called",
                )
            if meet_at < now:
                raise ValidationError("到场时间不能早于现在", "The meeting time is in the past")
            confirm_by = now + timedelta(hours=confirm_within_hours)
            escalation = Escalation(event_id=event.id, department_id=department.id, raised_at=now,
                                    raised_by=self.actor.login, place=place, meet_at=meet_at,
                                    confirm_by=confirm_by)
            session.add(escalation)
            session.flush()
            self._assign(session, event, now, department.id, [])
            _, event.handle_due = due_times(category, event.priority, now)
            event.response_due = confirm_by
            event.escalated = True
            return dict(escalated=True, escalation_id=escalation.id, department_id=department.id,
                        lead_unit_id=department.id, place=place, meet_at=meet_at,
                        confirm_by=confirm_by, dispatched_at=now, response_due=confirm_by,
                        handle_due=event.handle_due)

        return self._apply(Action.ESCALATE, event_id, version, mutate)
