"""A tiny hand-built street for domain tests: 1 street, 1 area, 2 communities, 4 unit grids
(boxes), a few units and categories with known limits."""

from __future__ import annotations

from dataclasses import dataclass

from shapely.geometry import box

from commandroom.models import Category, CategoryLimit, Grid, Street, Unit
from commandroom.models.db import Database
from commandroom.models.enums import Priority, UnitStatus, UnitType

# Unit grids: 2 × 2 boxes of 0.01° starting at (117.00, 36.60); communities are the columns.
ORIGIN_LON, ORIGIN_LAT, STEP = 117.00, 36.60, 0.01


@dataclass(frozen=True)
class TinyStreet:
    street_id: int
    grids: dict[str, int]  # code -> id
    units: dict[str, int]  # name -> id
    inside: tuple[float, float]  # a (lat, lon) in grid L4 "A1"
    outside: tuple[float, float]


def build(db: Database) -> TinyStreet:
    with db.session() as s:
        street = Street(code="370102005", abbr="YJ", name="姚家街道", district="历下区", city="济南市")
        s.add(street)
        s.flush()
        whole = box(ORIGIN_LON, ORIGIN_LAT, ORIGIN_LON + 2 * STEP, ORIGIN_LAT + 2 * STEP)
        l1 = Grid(street_id=street.id, level=1, code="S", name="姚家街道", polygon=whole.wkt)
        l2 = Grid(street_id=street.id, level=2, code="S-1", name="第一管区", polygon=whole.wkt, parent=l1)
        grids = [l1, l2]
        for col, community in enumerate(("A", "B")):
            column = box(ORIGIN_LON + col * STEP, ORIGIN_LAT, ORIGIN_LON + (col + 1) * STEP,
                         ORIGIN_LAT + 2 * STEP)
            l3 = Grid(street_id=street.id, level=3, code=f"S-1-{community}",
                      name=f"{community}社区", polygon=column.wkt, parent=l2)
            grids.append(l3)
            for row in range(2):
                cell = box(ORIGIN_LON + col * STEP, ORIGIN_LAT + row * STEP,
                           ORIGIN_LON + (col + 1) * STEP, ORIGIN_LAT + (row + 1) * STEP)
                grids.append(Grid(street_id=street.id, level=4, code=f"{community}{row + 1}",
                                  name=f"{community}社区{row + 1}号院", polygon=cell.wkt, parent=l3))
        s.add_all(grids)
        units = [
            Unit(street_id=street.id, code="ZF", name="综合执法中队", type=UnitType.RESIDENT_UNIT, on_duty=8),
            Unit(street_id=street.id, code="HW", name="环卫所", type=UnitType.RESIDENT_UNIT, on_duty=5),
            Unit(street_id=street.id, code="SZ", name="市政所", type=UnitType.RESIDENT_UNIT,
                 status=UnitStatus.OFF_DUTY),
            Unit(street_id=street.id, code="ZJ", name="区住建局", type=UnitType.DISTRICT_DEPARTMENT),
        ]
        s.add_all(units)
        categories = [
            Category(code="CG01", class_name="城市管理", name="占道经营",
                     lead_unit_type=UnitType.RESIDENT_UNIT, territorial=False),
            Category(code="CG02", class_name="城市管理", name="违章搭建",
                     lead_unit_type=UnitType.RESIDENT_UNIT, territorial=True),
        ]
        for category in categories:
            category.limits = [
                CategoryLimit(priority=Priority.URGENT, response_minutes=10, handling_minutes=120),
                CategoryLimit(priority=Priority.HIGH, response_minutes=30, handling_minutes=24 * 60),
                CategoryLimit(priority=Priority.NORMAL, response_minutes=60, handling_minutes=3 * 24 * 60),
            ]
        s.add_all(categories)
        s.flush()
        return TinyStreet(
            street_id=street.id,
            grids={g.code: g.id for g in grids},
            units={u.name: u.id for u in units},
            inside=(ORIGIN_LAT + STEP / 2, ORIGIN_LON + STEP / 2),
            outside=(ORIGIN_LAT - STEP, ORIGIN_LON + STEP / 2),
        )
