"""The weekly meeting's own command: a decision on an agenda item (models/decisions.py)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from commandroom.models import transitions, validate
from commandroom.models.agenda import AgendaKind, week_bounds
from commandroom.models.commands.base import CommandBase, new_command_id
from commandroom.models.decisions import Decision
from commandroom.models.enums import Action
from commandroom.models.errors import ValidationError
from commandroom.models.lifecycle import check_role


class MeetingCommands(CommandBase):
    def decide(self, event_id: int, *, week: str, kind: AgendaKind | str, what: str, who: str,
               due: date) -> int:
        """Record the meeting's decision on the item (``kind``) of ``event_id``: what is to be
        done, by whom, by when. Returns the decision's id."""
        check_role(Action.DECIDE, self.actor.role)
        week_start, _ = week_bounds(week)
        kind = validate.enum_value(AgendaKind, kind, "议题类型", "agenda item kind")
        what = validate.text(what, "决定事项", "What was decided", max_len=500)
        who = validate.text(who, "责任单位或责任人", "Who is responsible", max_len=64)
        if not isinstance(due, date) or due < week_start.date():
            raise ValidationError(f"完成时限应为不早于 {week_start.date()} 的日期：{due!r}",
                                  f"The due day must be a date no earlier than {week_start.date()}: {due!r}")
        now = self.clock.now()
        with self.db.writing() as session:
            event = self._event(session, event_id)
            sequence = session.scalar(select(func.count()).select_from(Decision).where(
                Decision.street_id == event.street_id, Decision.week == week.upper()))
            change = transitions.decide(street_id=event.street_id, week=week.upper(), event_id=event.id,
                                        kind=kind.value, what=what, who=who, due=due, by=self.actor.login,
                                        now=now, sequence=sequence + 1)
            self._record(session, None, Action.DECIDE, now, change, new_command_id(),
                         street_id=event.street_id)
            return change.rows[0].id
