"""街呼区应: the street calls the district for an item on the 属地管理 list. The named department
must confirm (= acknowledge) by ``confirm_by``, then handles the event through the usual loop."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from commandroom.models import transitions, validate
from commandroom.models.catalog import Category
from commandroom.models.change import Change
from commandroom.models.commands.base import EventRef
from commandroom.models.commands.handling import HandlingCommands, _active
from commandroom.models.enums import Action, UnitType
from commandroom.models.errors import ValidationError
from commandroom.models.events import Event
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

        def decide(session: Session, event: Event, now: datetime) -> Change:
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
            _, handle_due = due_times(category, event.priority, now)
            return transitions.escalate(
                event, now=now, by=self.actor.login, department_id=department.id, place=place,
                meet_at=meet_at, confirm_by=now + timedelta(hours=confirm_within_hours),
                handle_due=handle_due, active=_active(session, event.id))

        return self._apply(Action.ESCALATE, event_id, version, decide)
