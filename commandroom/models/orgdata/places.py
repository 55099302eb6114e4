"""A unit's place: read from a sheet's 经度/纬度 cells or given by a command, checked the same way
(both or neither; a point of the street, never snapped into it)."""

from __future__ import annotations

import shapely
from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models.enums import GridLevel
from commandroom.models.errors import ValidationError
from commandroom.models.org import Grid
from commandroom.models.orgdata.columns import RowReader

DIGITS = 7  # ~1 cm, as the demo's and the map's points: a place survives an .xlsx round trip exactly


def street_outline(session: Session, street_id: int):
    """The street's L1 polygon, prepared; None before its grids are imported (no check then)."""
    wkt = session.scalar(select(Grid.polygon).where(Grid.street_id == street_id,
                                                    Grid.level == int(GridLevel.STREET)).limit(1))
    if wkt is None:
        return None
    outline = shapely.from_wkt(wkt)
    shapely.prepare(outline)
    return outline


def outside(street, lon: float, lat: float) -> bool:
    return street is not None and not street.covers(shapely.Point(lon, lat))


def place(r: RowReader, street) -> tuple[float | None, float | None]:
    """The row's (lon, lat), or (None, None) when both cells are empty or one is bad."""
    lon, lat = r.coordinate("lon", 180.0), r.coordinate("lat", 90.0)
    if (lon is None) != (lat is None):
        if r.values["lon"].strip() and r.values["lat"].strip():  # one was bad: already said
            return None, None
        r.bad("lat" if lat is None else "lon", "与经度/纬度须同时填写或同时留空",
              "longitude and latitude go together (both or neither)")
        return None, None
    if lon is not None and outside(street, lon, lat):
        r.bad("lon", f"（{lon}, {lat}）不在本街道范围内", f"({lon}, {lat}) is not inside the street")
        return None, None
    return (None, None) if lon is None else (round(lon, DIGITS), round(lat, DIGITS))


def checked(street, lat: float | None, lon: float | None) -> tuple[float | None, float | None]:
    """A command's place, rounded: both or neither, finite degrees, inside the street; else refused."""
    if lat is None and lon is None:
        return None, None
    if lat is None or lon is None:
        raise ValidationError("单位位置的经度与纬度须同时给出", "A unit's place needs both latitude and longitude")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValidationError(f"单位位置不是有效的经纬度：（{lat}, {lon}）", f"Not a valid latitude/longitude: ({lat}, {lon})")
    if outside(street, lon, lat):
        raise ValidationError(f"该位置不在本街道范围内（{lat:.6f}, {lon:.6f}），不能作为单位位置",
                              f"({lat:.6f}, {lon:.6f}) is not inside the street: not a place for a unit")
    return round(lat, DIGITS), round(lon, DIGITS)
