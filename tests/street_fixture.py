"""A tiny hand-built street for domain tests: 1 street, 1 area, 2 communities, 4 unit grids
(boxes), a few units and categories with known limits.

A district holds several streets: ``build`` with another code, abbreviation and origin adds a
second tiny street beside the first, sharing the district's catalogue (categories)."""

from __future__ import annotations

from dataclasses import dataclass

from shapely.geometry import box
from sqlalchemy import select

from commandroom.models import Category, CategoryLimit, Grid, Street, Unit
from commandroom.models.db import Database
from commandroom.models.enums import Priority, UnitStatus, UnitType

# Unit grids: 2 × 2 boxes of 0.01° starting at (117.00, 36.60); communities are the columns.
ORIGIN_LON, ORIGIN_LAT, STEP = 117.00, 36.60, 0.01
DEFAULT_ABBR = "YJ"


@dataclass(frozen=True)
class TinyStreet:
    street_id: int
    grids: dict[str, int]  # code -> id
    units: dict[str, int]  # name -> id
    inside: tuple[float, float]  # a (lat, lon) in grid L4 "A1"
    outside: tuple[float, float]


def build(
    db: Database,
    *,
    code: str = "370102005",
    abbr: str = DEFAULT_ABBR,
    name: str = "姚家街道",
    origin: tuple[float, float] = (ORIGIN_LON, ORIGIN_LAT),
) -> TinyStreet:
    """The street with its grids and units; ``origin`` is the (lon, lat) of its south-west
    corner. Grid and unit codes are unique in the district: another street's carry its abbr."""
    lon0, lat0 = origin
    prefix = "" if abbr == DEFAULT_ABBR else f"{abbr}-"
    with db.session() as s:
        street = Street(code=code, abbr=abbr, name=name, district="历下区", city="济南市")
        s.add(street)
        s.flush()
        whole = box(lon0, lat0, lon0 + 2 * STEP, lat0 + 2 * STEP)
        l1 = Grid(street_id=street.id, level=1, code=f"{prefix}S", name=name, polygon=whole.wkt)
        l2 = Grid(street_id=street.id, level=2, code=f"{prefix}S-1", name="第一管区",
                  polygon=whole.wkt, parent=l1)
        grids = {"S": l1, "S-1": l2}
        for col, community in enumerate(("A", "B")):
            column = box(lon0 + col * STEP, lat0, lon0 + (col + 1) * STEP, lat0 + 2 * STEP)
            l3 = Grid(street_id=street.id, level=3, code=f"{prefix}S-1-{community}",
                      name=f"{community}社区", polygon=column.wkt, parent=l2)
            grids[f"S-1-{community}"] = l3
            for row in range(2):
                cell = box(lon0 + col * STEP, lat0 + row * STEP,
                           lon0 + (col + 1) * STEP, lat0 + (row + 1) * STEP)
                grids[f"{community}{row + 1}"] = Grid(
                    street_id=street.id, level=4, code=f"{prefix}{community}{row + 1}",
                    name=f"{community}社区{row + 1}号院", polygon=cell.wkt, parent=l3)
        s.add_all(grids.values())
        units = [
            Unit(street_id=street.id, code=f"{prefix}ZF", name="综合执法中队",
                 type=UnitType.RESIDENT_UNIT, on_duty=8),
            Unit(street_id=street.id, code=f"{prefix}HW", name="环卫所",
                 type=UnitType.RESIDENT_UNIT, on_duty=5),
            Unit(street_id=street.id, code=f"{prefix}SZ", name="市政所",
                 type=UnitType.RESIDENT_UNIT, status=UnitStatus.OFF_DUTY),
            Unit(street_id=street.id, code=f"{prefix}ZJ", name="区住建局",
                 type=UnitType.DISTRICT_DEPARTMENT),
        ]
        s.add_all(units)
        if s.scalar(select(Category.id).limit(1)) is None:  # the catalogue is the district's
            s.add_all(_categories())
        s.flush()
        return TinyStreet(
            street_id=street.id,
            grids={local: g.id for local, g in grids.items()},
            units={u.name: u.id for u in units},
            inside=(lat0 + STEP / 2, lon0 + STEP / 2),
            outside=(lat0 - STEP, lon0 + STEP / 2),
        )


def _categories() -> list[Category]:
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
    return categories
