"""A unit's duty status (在岗 / 繁忙 / 离岗) and people on duty: a command with a log row, so the
board, the dispatch checks and the replay all see the same history."""

from __future__ import annotations

from commandroom.models import transitions, validate
from commandroom.models.commands.base import CommandBase, new_command_id
from commandroom.models.enums import Action, UnitStatus
from commandroom.models.errors import ValidationError
from commandroom.models.lifecycle import check_role

MAX_ON_DUTY = 9999


class UnitCommands(CommandBase):
    def set_unit_status(self, unit_id: int, *, status: UnitStatus | str, on_duty: int) -> None:
        check_role(Action.UNIT_STATUS, self.actor.role)
        status = validate.enum_value(UnitStatus, status, "单位状态", "unit status")
        if isinstance(on_duty, bool) or not isinstance(on_duty, int) or not 0 <= on_duty <= MAX_ON_DUTY:
            raise ValidationError(f"在岗人数应为 0～{MAX_ON_DUTY} 的整数：{on_duty!r}",
                                  f"People on duty must be a whole number from 0 to {MAX_ON_DUTY}: {on_duty!r}")
        now = self.clock.now()
        with self.db.writing() as session:
            unit = self._unit(session, unit_id)
            change = transitions.unit_status(unit_id=unit.id, status=status, on_duty=on_duty)
            self._record(session, None, Action.UNIT_STATUS, now, change, new_command_id(),
                         street_id=unit.street_id)
