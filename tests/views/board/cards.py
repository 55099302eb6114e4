"""Board card snapshots made by hand, for the model tests and the benchmark."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from commandroom.models.board import LANE_OF, BoardCard, PartState, UnitCard
from commandroom.models.enums import AssignmentRole, Priority, Status, UnitStatus, UnitType

NOW = datetime(2026, 11, 16, 9, 0)
UNITS = ("综合执法中队", "环卫所", "市政所", "派出所", "绿化所")
CATEGORIES = (("CG01", "占道经营"), ("CG02", "违章搭建"), ("HJ01", "垃圾堆放"), ("SZ01", "路灯不亮"))
COMMUNITIES = ("燕翔社区", "窑头社区", "姚家庄社区", "山水嘉园社区")
STATUSES = (Status.REGISTERED, Status.DISPATCHED, Status.ACKNOWLEDGED, Status.IN_PROGRESS,
            Status.RESOLVED, Status.VERIFIED)


def card(event_id: int, status: Status = Status.DISPATCHED, **fields) -> BoardCard:
    """A plausible card; the lane follows the status."""
    unit = event_id % len(UNITS)
    code, name = CATEGORIES[event_id % len(CATEGORIES)]
    community = COMMUNITIES[event_id % len(COMMUNITIES)]
    held = status != Status.REGISTERED
    dispatched = NOW - timedelta(minutes=event_id % 600) if held else None
    parts = (PartState(event_id, unit + 1, UNITS[unit], AssignmentRole.LEAD, dispatched,
                       dispatched if status not in (Status.REGISTERED, Status.DISPATCHED) else None),) if held else ()
    made = BoardCard(
        id=event_id, code=f"YJ20261116-{event_id:05d}", version=3, status=status, lane=LANE_OF[status],
        priority=(Priority.URGENT, Priority.HIGH, Priority.NORMAL)[event_id % 3], title=f"{name}{event_id}",
        address=f"燕翔路{event_id}号", category_code=code, category_name=name, grid_id=event_id % 80,
        grid_name=f"{community}{event_id % 9 + 1}号院", community_name=community,
        lead_unit_id=unit + 1 if held else None, lead_unit_name=UNITS[unit] if held else "",
        dispatched_at=dispatched, response_due=dispatched + timedelta(hours=1) if held else None,
        handle_due=dispatched + timedelta(days=1) if held else None, escalated=False, transfer_count=0, parts=parts)
    return replace(made, lane=LANE_OF[fields.get("status", status)], **fields)


def unit(unit_id: int, **fields) -> UnitCard:
    made = UnitCard(id=unit_id, code=f"U{unit_id:02d}", name=UNITS[(unit_id - 1) % len(UNITS)],
                    type=UnitType.RESIDENT_UNIT, status=UnitStatus.ON_DUTY, on_duty=5, duty_phone="0531-0000",
                    open_load=0, overdue=0, category_codes=("CG01",))
    return replace(made, **fields)


def board(n: int) -> list[BoardCard]:
    """``n`` open events spread over the lanes."""
    return [card(i, STATUSES[i % len(STATUSES)]) for i in range(1, n + 1)]
