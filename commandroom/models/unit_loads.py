"""Each lead unit's open load and overdue count, kept from the events' rows as they change (the
board's fold, ``board_fold.py``), so a batch of the change feed does not ask the database for
the aggregate (``board._unit_loads``) again. The same rules: open events it leads; of those,
the held ones past their handling due time at ``now`` (a count by bisection, so the time may
move on between batches without any event changing)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from sortedcontainers import SortedList

from commandroom.models.board import UnitCard
from commandroom.models.enums import OPEN_STATUSES
from commandroom.models.lifecycle import HELD


class UnitLoads:
    def __init__(self) -> None:
        self._lead: dict[int, tuple[int, datetime | None]] = {}  # event id: (lead unit, its due if held)
        self._open: Counter = Counter()  # unit id: open events it leads
        self._dues: dict[int, SortedList] = {}  # unit id: (due, event id) of the held ones it leads

    def reset(self, events: Iterable[dict]) -> None:
        self.__init__()
        for event in events:
            self.update(event["id"], event)

    def update(self, event_id: int, event: dict | None) -> None:
        """The event as it is now (None: gone from the open events)."""
        new = None
        if event is not None and event["lead_unit_id"] is not None and event["status"] in OPEN_STATUSES:
            new = (event["lead_unit_id"], event["handle_due"] if event["status"] in HELD else None)
        old = self._lead.get(event_id)
        if new == old:  # most changes leave the lead and its due time as they were
            return
        if old is not None:
            unit, due = old
            self._open[unit] -= 1
            if due is not None:
                self._dues[unit].remove((due, event_id))
            del self._lead[event_id]
        if new is not None:
            unit, due = new
            self._lead[event_id] = new
            self._open[unit] += 1
            if due is not None:
                self._dues.setdefault(unit, SortedList()).add((due, event_id))

    def overdue(self, unit_id: int, now: datetime) -> int:
        dues = self._dues.get(unit_id)
        return dues.bisect_left((now, 0)) if dues else 0  # due < now, as ``board._unit_loads``

    def cards(self, units: Iterable[UnitCard], now: datetime) -> list[UnitCard]:
        """The unit cards with their loads at ``now`` (a card whose figures did not move is the
        same object)."""
        out = []
        for card in units:
            load, late = self._open[card.id], self.overdue(card.id, now)
            out.append(card if (card.open_load, card.overdue) == (load, late) else
                       replace(card, open_load=load, overdue=late))
        return out
