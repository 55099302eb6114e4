"""Geo lookup: which L4 grid (and L3 community, L2 area, L1 street) a WGS-84 point falls in.

The API, in one place:

- ``GridLocator(shapes)`` builds from plain ``GridShape`` rows (tests, importers);
  ``GridLocator.from_session(session, street_id=None)`` reads them from the ``grid`` table.
- ``locate(lat, lon)`` returns a ``GridChain`` (L4 up to L1), or ``None`` when the point lies in
  no L4 grid — outside the street, or in a gap of broken grid data. It never snaps a point to
  the nearest grid: an address outside the street must reach a person, not a wrong grid.
- ``contains(lat, lon)`` is ``locate(lat, lon) is not None``; ``bounds()`` is the box around
  every L4 polygon (what the map fits to).
- Coordinates that are not finite numbers in range raise ``ValidationError``: a caller bug or a
  garbled intake request, which is different from a real place outside the street.

A point exactly on a border shared by several L4 polygons (or on a shared vertex) is covered by
all of them; it goes to the one with the lowest code, so the same point always lands in the same
grid whatever order the rows were read in.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import shapely
from shapely import Point, STRtree
from shapely.errors import GEOSException
from shapely.geometry.base import BaseGeometry
from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models.enums import GridLevel
from commandroom.models.errors import ValidationError
from commandroom.models.org import Grid

UNIT_LEVEL = int(GridLevel.UNIT_GRID.value)
STREET_LEVEL = int(GridLevel.STREET.value)


@dataclass(frozen=True)
class GridShape:
    """One grid row as the locator needs it; ``polygon`` is WKT in WGS-84 lon/lat."""

    id: int
    level: int
    code: str
    name: str
    parent_id: int | None
    polygon: str


@dataclass(frozen=True)
class GridRef:
    id: int
    code: str
    name: str


@dataclass(frozen=True)
class GridChain:
    """A located point: its L4 unit grid and the grids above it."""

    l4: GridRef  # 单元网格 unit grid
    l3: GridRef  # 社区 community
    l2: GridRef  # 管区 management area
    l1: GridRef  # 街道 street


@dataclass(frozen=True)
class Bounds:
    """A lat/lon box, named by compass side so nobody has to remember shapely's (x, y) order."""

    south: float
    west: float
    north: float
    east: float


class GridLocator:
    """Point → L4 grid lookup over an STRtree of prepared polygons. Immutable once built, so one
    instance can be shared by threads (shapely 2 releases the GIL and its geometries are
    read-only)."""

    def __init__(self, shapes: Iterable[GridShape]):
        by_id = {shape.id: shape for shape in shapes}
        # Sorted by code: the first covering index found is the lowest code (the border rule).
        units = sorted((s for s in by_id.values() if s.level == UNIT_LEVEL), key=lambda s: s.code)
        self._chains = [_chain(unit, by_id) for unit in units]
        self._polygons = [_polygon(unit) for unit in units]
        # Prepared geometries make repeated covers() tests cheap (GEOS caches an index per polygon).
        shapely.prepare(self._polygons)
        self._tree = STRtree(self._polygons)

    @classmethod
    def from_session(cls, session: Session, street_id: int | None = None) -> GridLocator:
        """Load the grids of one street, or of every street in the database (a district) when
        ``street_id`` is None. Reads plain columns, so no ORM row outlives the call."""
        query = select(Grid.id, Grid.level, Grid.code, Grid.name, Grid.parent_id, Grid.polygon)
        if street_id is not None:
            query = query.where(Grid.street_id == street_id)
        return cls(GridShape(*row) for row in session.execute(query))

    def __len__(self) -> int:
        """The number of L4 grids."""
        return len(self._polygons)

    def locate(self, lat: float, lon: float) -> GridChain | None:
        """The grids the point lies in, or None when it lies in no L4 grid (never snapped)."""
        point = Point(_checked(lon, "lon", 180.0), _checked(lat, "lat", 90.0))
        # The tree only narrows by bounding box; covers() decides (borders included).
        candidates = sorted(self._tree.query(point))
        for index in candidates:
            if self._polygons[index].covers(point):
                return self._chains[index]
        return None

    def locate_many(self, points: Sequence[tuple[float, float]]) -> list[GridChain | None]:
        """``locate`` of each (lat, lon), with one query of the tree for them all: the intake
        locates a whole batch of reports at once, and a query per point spent more time in
        shapely's per-call wrapping (numpy arrays of one) than in the geometry."""
        found: list[GridChain | None] = [None] * len(points)
        if not points or not self._polygons:
            return found
        geoms = shapely.points([(_checked(lon, "lon", 180.0), _checked(lat, "lat", 90.0))
                                for lat, lon in points])
        # Pairs (point, polygon) whose polygon covers the point, borders included; by polygon
        # index, so each point takes the lowest code, as ``locate`` does.
        inputs, polygons = self._tree.query(geoms, predicate="covered_by")
        for i, index in sorted(zip(inputs.tolist(), polygons.tolist())):
            if found[i] is None:
                found[i] = self._chains[index]
        return found

    def contains(self, lat: float, lon: float) -> bool:
        return self.locate(lat, lon) is not None

    def bounds(self) -> Bounds | None:
        """The box around every L4 grid, or None when there are none."""
        if not self._polygons:
            return None
        west, south, east, north = shapely.total_bounds(self._polygons)
        return Bounds(south=float(south), west=float(west), north=float(north), east=float(east))


def _checked(value: float, axis: str, limit: float) -> float:
    # bool is an int subclass; a True latitude is a bug, not 1°. numbers.Real admits numpy floats.
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValidationError(f"坐标{axis}不是数字：{value!r}", f"Coordinate {axis} is not a number: {value!r}")
    if not math.isfinite(value) or not -limit <= value <= limit:
        raise ValidationError(
            f"坐标{axis}超出范围（±{limit:g}）：{value!r}",
            f"Coordinate {axis} out of range (±{limit:g}): {value!r}",
        )
    return float(value)


def _polygon(shape: GridShape) -> BaseGeometry:
    try:
        geometry = shapely.from_wkt(shape.polygon)
    except GEOSException as exc:
        raise _bad_grid(shape, "多边形 WKT 无法解析", "polygon WKT cannot be parsed") from exc
    if geometry.geom_type not in ("Polygon", "MultiPolygon") or geometry.is_empty:
        raise _bad_grid(shape, "不是多边形", "is not a polygon")
    # covers() on a self-intersecting ring gives answers that depend on GEOS internals.
    if not geometry.is_valid:
        reason = shapely.is_valid_reason(geometry)
        raise _bad_grid(shape, f"多边形无效（{reason}）", f"polygon is invalid ({reason})")
    return geometry


def _chain(unit: GridShape, by_id: Mapping[int, GridShape]) -> GridChain:
    """Walk parent links from an L4 grid up to L1, checking each level on the way."""
    refs = []
    shape: GridShape | None = unit
    for level in range(UNIT_LEVEL, STREET_LEVEL - 1, -1):
        if shape is None or shape.level != level:
            raise _bad_grid(unit, f"上级链缺少第{level}级网格", f"parent chain lacks a level-{level} grid")
        refs.append(GridRef(shape.id, shape.code, shape.name))
        shape = by_id.get(shape.parent_id) if shape.parent_id is not None else None
    return GridChain(*refs)


def _bad_grid(shape: GridShape, zh: str, en: str) -> ValidationError:
    return ValidationError(f"网格 {shape.code} {zh}", f"Grid {shape.code}: {en}")
