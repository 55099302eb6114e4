"""Where the demo street's units have their offices (WGS-84 lon, lat), each somewhere plausible.

- The street's offices share the street office compound (街道办事处) near the middle of the
  street, a few metres apart (rooms of one building, told apart when zoomed in); the service
  centres share the 便民服务中心 building in a neighbouring grid.
- Each resident unit (派出所, 环卫所 …) has its own office in a grid of its own.
- Each community committee sits in one of its own community's grids.
- District departments are on call from outside the street: no place.

Drawn from their own generator (seeded by the street's shape), so the main generator's draws,
and so every event of the demo, are the same as before units had places.
"""

from __future__ import annotations

import math
import random

import shapely

from commandroom.demo.layout import DIGITS, METRES_PER_DEG_LAT, Cell, Layout, sample_point, wkt
from commandroom.models.enums import UnitType

ROOM_PITCH_M = 18.0  # between the offices of one compound


def _near_middle(layout: Layout, exclude: set[int]) -> int:
    middle = layout.street.representative_point()
    order = sorted(range(len(layout.cells)), key=lambda i: layout.cells[i].polygon.centroid.distance(middle))
    return next(i for i in order if i not in exclude)


def _compound(cell: Cell, count: int) -> list[tuple[float, float]]:
    """``count`` points a few metres apart around a point inside ``cell`` (all inside it)."""
    at = cell.polygon.representative_point()
    dy = ROOM_PITCH_M / METRES_PER_DEG_LAT
    dx = dy / math.cos(math.radians(at.y))
    per_row = 4
    points = []
    for i in range(count):
        row, col = divmod(i, per_row)
        lon = at.x + (col - (min(count, per_row) - 1) / 2) * dx
        lat = at.y - (row - ((count - 1) // per_row) / 2) * dy
        point = (round(lon, DIGITS), round(lat, DIGITS))
        points.append(point if cell.polygon.contains(shapely.Point(point)) else (round(at.x, DIGITS), round(at.y, DIGITS)))
    return points


def unit_places(layout: Layout, kinds: list[tuple[UnitType, int | None]]) -> list[tuple[float, float] | None]:
    """A (lon, lat) per unit, in the order given: (its type, its community's index or None)."""
    rng = random.Random(wkt(layout.street))
    used: set[int] = set()
    office_cell = _near_middle(layout, used)
    used.add(office_cell)
    centre_cell = _near_middle(layout, used)
    used.add(centre_cell)
    offices = iter(_compound(layout.cells[office_cell], sum(k is UnitType.OFFICE for k, _ in kinds)))
    centres = iter(_compound(layout.cells[centre_cell], sum(k is UnitType.SERVICE_CENTRE for k, _ in kinds)))
    free = [i for i in range(len(layout.cells)) if i not in used]
    rng.shuffle(free)
    out: list[tuple[float, float] | None] = []
    for kind, community in kinds:
        if kind is UnitType.OFFICE:
            out.append(next(offices))
        elif kind is UnitType.SERVICE_CENTRE:
            out.append(next(centres))
        elif kind is UnitType.RESIDENT_UNIT:
            cell = layout.cells[free.pop()]
            out.append(_rounded(sample_point(rng, cell)))
        elif kind is UnitType.COMMUNITY_COMMITTEE and community is not None:
            own = [c for c in layout.cells if c.community == community]
            out.append(_rounded(sample_point(rng, rng.choice(own))))
        else:  # a district department: on call, not in the street
            out.append(None)
    return out


def _rounded(point: tuple[float, float]) -> tuple[float, float]:
    return round(point[0], DIGITS), round(point[1], DIGITS)
