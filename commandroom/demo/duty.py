"""The units' duty status over the history (在岗 / 繁忙 / 离岗, and people on duty), logged as
UNIT_STATUS rows like ``UnitCommands.set_unit_status`` writes them, so that a replay knows
every unit's status at any instant.

The administrator records every unit's status as the history opens; on ordinary days a unit
or two reports being busy for a few hours; on the last day the units reach the status the
organisation drew for "now". A unit goes off duty only at the horizon itself, after the day's
other work: no event is ever dispatched to a unit while it is off duty (the dispatch command
refuses that).
"""

from __future__ import annotations

from commandroom.demo.lifecycle import ADMIN, DAY, HOUR, MIN, Lifecycle
from commandroom.demo.rand import FastRandom
from commandroom.models import transitions
from commandroom.models.change import Change
from commandroom.models.enums import Action, UnitStatus
from commandroom.models.lifecycle import check_role

ON, BUSY, OFF = UnitStatus.ON_DUTY.value, UnitStatus.BUSY.value, UnitStatus.OFF_DUTY.value
MAX_SPELLS = 2  # busy spells a day, across the street


class DutyRoster:
    def __init__(self, rng: FastRandom, life: Lifecycle, units: list[dict], first: int, horizon: int):
        self.life = life
        # Rows at the horizon wait until the last day's events are logged (log order = time,
        # then the order of writing).
        self.at_horizon: list[tuple[int, tuple, Change]] = []
        now = {u["id"]: (u["status"], u["on_duty"]) for u in units}
        for u in units:
            self._set(first, ADMIN, u["id"], ON, u["on_duty"])
        last_day = horizon // DAY * DAY
        for day in range(first, last_day, DAY):
            spells = rng.sample(units, rng.randint(0, MAX_SPELLS))
            for u in spells:
                busy = day + rng.randint(8 * HOUR, 17 * HOUR)
                back = busy + rng.randint(HOUR, 4 * HOUR)
                self._set(busy, life.officer(busy), u["id"], BUSY, u["on_duty"])
                self._set(back, life.officer(back), u["id"], ON, u["on_duty"])
        for u in units:
            status, on_duty = now[u["id"]]
            if status == BUSY:
                t = horizon - rng.randint(10 * MIN, 2 * HOUR)
                self._set(t, life.officer(t), u["id"], BUSY, on_duty)
            elif status == OFF:
                self._set(horizon, life.officer(horizon), u["id"], OFF, 0, later=True)

    def _set(self, t: int, actor, unit_id: int, status: str, on_duty: int, *, later: bool = False) -> None:
        check_role(Action.UNIT_STATUS, actor[2])
        change = transitions.unit_status(unit_id=unit_id, status=status, on_duty=on_duty)
        self.life.tables.apply(None, change)
        if later:
            self.at_horizon.append((t, actor, change))
        else:
            self.life.log(t, actor, None, Action.UNIT_STATUS, change)

    def log_horizon(self) -> None:
        for t, actor, change in self.at_horizon:
            self.life.log(t, actor, None, Action.UNIT_STATUS, change)
        self.at_horizon = []
