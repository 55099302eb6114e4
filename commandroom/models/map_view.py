"""What the live map shows, read in a fixed number of SELECTs and handed out as frozen snapshots.

- ``load_map(session, now, street_id, rule)`` opens the map: the street's grids of every level
  (outlines as coordinate rings), the open events that have a place (``MapMarker``), the load of
  every L4 grid, the units, the recurring problems (``models/recurring.py``) and a
  ``GridLocator`` over the same grids (the right-click asks it).
- ``load_map_changes(session, ids, now, street_id, rule)`` gives the markers of the events a
  batch of log rows touched (those no longer shown are listed as ``gone``) with the loads and
  the recurring problems again (both are one GROUP BY over a street's open or recent events).

An event is on the map while it is open (``OPEN_STATUSES``) and has a point. Its supervision
badge is its highest open alert (``alert.cleared_at IS NULL``) of level 督办 or above.
A unit is drawn at its own office (``unit.lat``/``lon``); one whose place is not known yet is
drawn at the grid it answers for (a community committee at its community, the others at the
street), marked approximate. Units are loaded again with a batch that touched no event (only
such a batch can hold an organisation change: a unit moved, its duty changed).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import shapely
from shapely.geometry import mapping
from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from commandroom.models.catalog import Category
from commandroom.models.enums import OPEN_STATUSES, AlertLevel, GridLevel, Priority, Status, UnitStatus, UnitType
from commandroom.models.events import Alert, Event
from commandroom.models.geo import GridLocator, GridShape
from commandroom.models.lifecycle import HELD
from commandroom.models.org import Grid, Unit
from commandroom.models.recurring import RecurringRule, Recurrence, recurring_problems
from commandroom.models.id_set import in_ids

# Badged on the map, highest first: a 挂牌督办 outranks a 督办 on the same event.
SUPERVISED = (AlertLevel.LISTED, AlertLevel.SUPERVISION)


@dataclass(frozen=True)
class GridOutline:
    id: int
    level: int
    code: str
    name: str
    parent_id: int | None
    # GeoJSON-style polygons: [[ring of (lon, lat)], …] per polygon (a MultiPolygon has several).
    polygons: tuple[tuple[tuple[tuple[float, float], ...], ...], ...]
    # Where its name is written: a point inside the polygon (not the centroid, which may fall out).
    label_at: tuple[float, float]  # (lat, lon)


@dataclass(frozen=True)
class MapMarker:
    id: int
    code: str
    lat: float
    lon: float
    status: Status
    priority: Priority
    category_class: str
    category_name: str
    title: str
    address: str
    grid_id: int | None
    overdue: bool
    supervision: AlertLevel | None


@dataclass(frozen=True)
class GridLoad:
    grid_id: int
    open: int
    overdue: int


@dataclass(frozen=True)
class UnitPlace:
    id: int
    name: str
    type: UnitType
    status: UnitStatus
    on_duty: int
    lat: float
    lon: float
    approximate: bool  # no place of its own: shown at its grid's centroid


@dataclass(frozen=True)
class MapSnapshot:
    grids: tuple[GridOutline, ...]
    markers: tuple[MapMarker, ...]
    loads: tuple[GridLoad, ...]
    units: tuple[UnitPlace, ...]
    recurring: tuple[Recurrence, ...]
    locator: GridLocator


@dataclass(frozen=True)
class MapChanges:
    markers: tuple[MapMarker, ...]  # shown, new or changed
    gone: tuple[int, ...]  # touched events no longer on the map (finished, merged, moved out)
    loads: tuple[GridLoad, ...]
    recurring: tuple[Recurrence, ...]
    units: tuple[UnitPlace, ...] | None = None  # loaded again only by a batch that touched no event


def _in_street(stmt, column, street_id: int | None):
    return stmt if street_id is None else stmt.where(column == street_id)


def load_grids(session: Session, street_id: int | None) -> tuple[list[GridOutline], GridLocator]:
    stmt = _in_street(select(Grid.id, Grid.level, Grid.code, Grid.name, Grid.parent_id, Grid.polygon),
                      Grid.street_id, street_id).order_by(Grid.level, Grid.code)
    shapes = [GridShape(*row) for row in session.execute(stmt)]
    return [_outline(shape) for shape in shapes], GridLocator(shapes)


def _outline(shape: GridShape) -> GridOutline:
    geometry = shapely.from_wkt(shape.polygon)
    parts = mapping(geometry)["coordinates"]
    polygons = parts if geometry.geom_type == "MultiPolygon" else (parts,)
    inside = geometry.representative_point()
    return GridOutline(
        shape.id, shape.level, shape.code, shape.name, shape.parent_id,
        tuple(tuple(tuple((float(x), float(y)) for x, y in ring) for ring in poly) for poly in polygons),
        (inside.y, inside.x))


def _marker_select(now: datetime):
    supervision = (
        select(Alert.event_id, func.min(Alert.level).label("level"))  # 'listed' < 'supervision'
        .where(Alert.cleared_at.is_(None), Alert.level.in_([str(level) for level in SUPERVISED]))
        .group_by(Alert.event_id)
        .subquery()
    )
    overdue = and_(Event.status.in_(sorted(HELD)), Event.handle_due.is_not(None), Event.handle_due < now)
    return (
        select(Event.id, Event.code, Event.lat, Event.lon, Event.status, Event.priority,
               func.coalesce(Category.class_name, ""), func.coalesce(Category.name, ""),
               Event.title, Event.address, Event.grid_id, overdue, supervision.c.level)
        .outerjoin(Category, Category.id == Event.category_id)
        .outerjoin(supervision, supervision.c.event_id == Event.id)
        .where(Event.status.in_(sorted(OPEN_STATUSES)), Event.lat.is_not(None), Event.lon.is_not(None))
    )


def _markers(result) -> list[MapMarker]:
    markers = []
    for (event_id, code, lat, lon, status, priority, class_name, category, title, address, grid_id,
         overdue, level) in result:
        markers.append(MapMarker(event_id, code, lat, lon, Status(status), Priority(priority), class_name,
                                 category, title, address, grid_id, bool(overdue),
                                 AlertLevel(level) if level else None))
    return markers


def load_markers(session: Session, now: datetime, street_id: int | None,
                 ids: Iterable[int] | None = None) -> list[MapMarker]:
    """The open events with a point (all, or those among ``ids``), in id order."""
    stmt = _in_street(_marker_select(now), Event.street_id, street_id).order_by(Event.id)
    if ids is None:
        return _markers(session.execute(stmt))
    return _markers(session.execute(stmt.where(in_ids(Event.id, ids))))


def grid_loads(session: Session, now: datetime, street_id: int | None) -> list[GridLoad]:
    """Open events and how many of them are overdue, per L4 grid that has any."""
    overdue = and_(Event.status.in_(sorted(HELD)), Event.handle_due.is_not(None), Event.handle_due < now)
    stmt = (
        select(Event.grid_id, func.count(), func.count().filter(overdue))
        .where(Event.status.in_(sorted(OPEN_STATUSES)), Event.grid_id.is_not(None))
        .group_by(Event.grid_id)
        .order_by(Event.grid_id)
    )
    return [GridLoad(*row) for row in session.execute(_in_street(stmt, Event.street_id, street_id))]


def load_units(session: Session, street_id: int | None, grids: Iterable[GridOutline]) -> list[UnitPlace]:
    at = {g.id: g.label_at for g in grids}
    street_at = next((g.label_at for g in grids if g.level == int(GridLevel.STREET)), None)
    stmt = _in_street(select(Unit.id, Unit.name, Unit.type, Unit.status, Unit.on_duty, Unit.grid_id,
                             Unit.lat, Unit.lon), Unit.street_id, street_id).order_by(Unit.code)
    places = []
    for unit_id, name, kind, status, on_duty, grid_id, lat, lon in session.execute(stmt):
        kind = UnitType(kind)
        own = lat is not None and lon is not None
        if kind is UnitType.DISTRICT_DEPARTMENT and not own:  # on call from the district: not in the street
            continue
        point = (lat, lon) if own else (at.get(grid_id) or street_at)
        if point is not None:
            places.append(UnitPlace(unit_id, name, kind, UnitStatus(status), on_duty, *point, approximate=not own))
    return places


def _unit_grids(session: Session, street_id: int | None) -> list[GridOutline]:
    """The street's L1 grid and the grids units answer for: all ``load_units`` may fall back on."""
    wanted = select(Unit.grid_id).where(Unit.grid_id.is_not(None))
    stmt = _in_street(select(Grid.id, Grid.level, Grid.code, Grid.name, Grid.parent_id, Grid.polygon),
                      Grid.street_id, street_id).where((Grid.level == int(GridLevel.STREET)) | Grid.id.in_(wanted))
    return [_outline(GridShape(*row)) for row in session.execute(stmt)]


def load_map(session: Session, now: datetime, street_id: int | None, rule: RecurringRule) -> MapSnapshot:
    grids, locator = load_grids(session, street_id)
    return MapSnapshot(
        grids=tuple(grids),
        markers=tuple(load_markers(session, now, street_id)),
        loads=tuple(grid_loads(session, now, street_id)),
        units=tuple(load_units(session, street_id, grids)),
        recurring=tuple(recurring_problems(session, now, rule, street_id)),
        locator=locator,
    )


def load_map_changes(session: Session, ids: Iterable[int], now: datetime, street_id: int | None,
                     rule: RecurringRule) -> MapChanges:
    ids = sorted(set(ids))
    markers = load_markers(session, now, street_id, ids)
    shown = {m.id for m in markers}
    units = None
    if not ids:  # perhaps an organisation change: the units again (a few dozen rows)
        units = tuple(load_units(session, street_id, _unit_grids(session, street_id)))
    return MapChanges(
        markers=tuple(markers),
        gone=tuple(i for i in ids if i not in shown),
        loads=tuple(grid_loads(session, now, street_id)),
        recurring=tuple(recurring_problems(session, now, rule, street_id)),
        units=units,
    )
