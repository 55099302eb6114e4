"""The street's grids from GeoJSON: read, checked as the domain needs, and exported again.

Each feature is one grid: a Polygon or MultiPolygon with the properties ``level`` (1 street, 2
management area, 3 community, 4 unit grid), ``code``, ``name`` and ``parent`` (the parent's code;
none for the street). The coordinates are WGS-84 longitude/latitude unless the file declares
GCJ-02 (``"crs": {"type": "name", "properties": {"name": "GCJ-02"}}``): they are converted.

The checks, every problem named by its feature: one street (L1); codes unique; every parent in
the file and one level up; valid polygons in lon/lat range; the L4 cells tile the street, no
overlap and no gap larger than the tolerance (square metres); a code no other street uses; no
grid of the street left out (an import never deletes a grid: events refer to them).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import shapely
from shapely import STRtree, make_valid
from shapely.errors import GEOSException
from shapely.geometry import mapping, shape
from shapely.ops import unary_union
from shapely.validation import explain_validity
from shapely import wkt as wkt_io
from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models.org import Grid, Street
from commandroom.models.orgdata.gcj02 import gcj_to_wgs
from commandroom.models.orgdata.problems import ImportRefused, Problem, at_file
from commandroom.models.orgdata.rows import OrgRow, Ref

WGS84_NAMES = ("EPSG:4326", "CRS84", "WGS84", "WGS 84", "WGS-84", "CGCS2000", "EPSG:4490")
GCJ02_NAMES = ("GCJ-02", "GCJ02")
M_PER_DEGREE = 111_320.0
EXPORT_CRS = {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}


@dataclass
class Feature:
    number: int
    level: int
    code: str
    name: str
    parent: str
    geometry: object  # a shapely (Multi)Polygon in WGS-84
    props: dict

    def where(self) -> tuple[str, str]:
        shown = f"（{self.code}）" if self.code else ""
        return f"要素 {self.number}{shown}", f"feature {self.number}" + (f" ({self.code})" if self.code else "")


def _at(feature: Feature, zh: str, en: str) -> Problem:
    return Problem(*feature.where(), zh, en)


def square_metres(area_deg2: float, lat: float) -> float:
    return area_deg2 * M_PER_DEGREE ** 2 * math.cos(math.radians(lat))


def read(path: Path) -> tuple[list[Feature], list[Problem]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        return [], [at_file(f"无法读取：{exc.strerror}", f"cannot read: {exc.strerror}")]
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [], [at_file(f"不是有效的 GeoJSON（{exc}）", f"not valid GeoJSON ({exc})")]
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        return [], [at_file("应为 GeoJSON FeatureCollection", "must be a GeoJSON FeatureCollection")]
    problems: list[Problem] = []
    convert = _crs(data.get("crs"), problems)
    features = []
    for number, raw in enumerate(data.get("features") or [], start=1):
        feature = _feature(number, raw, convert, problems)
        if feature is not None:
            features.append(feature)
    if not features and not problems:
        problems.append(at_file("没有任何网格要素", "has no grid features"))
    return features, problems


def _crs(crs, problems: list[Problem]):
    if crs is None:
        return None
    name = str(((crs or {}).get("properties") or {}).get("name", "")).upper()
    if any(n in name for n in GCJ02_NAMES):
        return gcj_to_wgs
    if any(n.upper() in name for n in WGS84_NAMES):
        return None
    problems.append(at_file(f"不支持的坐标系「{name}」：请用 WGS-84（EPSG:4326）或声明 GCJ-02",
                            f"unsupported coordinate system {name!r}: use WGS-84 (EPSG:4326) or declare GCJ-02"))
    return None


def _feature(number: int, raw, convert, problems: list[Problem]) -> Feature | None:
    props = (raw or {}).get("properties") or {} if isinstance(raw, dict) else {}
    code = str(props.get("code") or "").strip()
    where = Feature(number, 0, code, "", "", None, props).where()

    def bad(zh: str, en: str) -> None:
        problems.append(Problem(*where, zh, en))

    try:
        level = int(props.get("level"))
    except (TypeError, ValueError):
        level = 0
    if level not in (1, 2, 3, 4):
        bad(f"level 应为 1～4：{props.get('level')!r}", f"level must be 1 to 4: {props.get('level')!r}")
    name = str(props.get("name") or "").strip()
    parent = str(props.get("parent") or "").strip()
    for field, value, limit in (("code", code, 32), ("name", name, 64)):
        if not value:
            bad(f"缺少 {field}", f"{field} is missing")
        elif len(value) > limit:
            bad(f"{field} 过长（至多 {limit} 字）", f"{field} is too long (at most {limit})")
    try:
        geometry = shape(raw.get("geometry")) if isinstance(raw, dict) and raw.get("geometry") else None
    except (GEOSException, ValueError, TypeError, AttributeError, KeyError) as exc:
        bad(f"几何无法读取（{exc}）", f"unreadable geometry ({exc})")
        return None
    if geometry is None or geometry.geom_type not in ("Polygon", "MultiPolygon"):
        bad("几何应为多边形（Polygon 或 MultiPolygon）", "the geometry must be a Polygon or MultiPolygon")
        return None
    minx, miny, maxx, maxy = geometry.bounds
    if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
        bad("坐标不是经纬度（WGS-84）：是否为投影坐标？", "the coordinates are not longitude/latitude (WGS-84): projected?")
        return None
    if convert is not None:
        geometry = shapely.transform(geometry, lambda xy: [convert(x, y) for x, y in xy])
    if not geometry.is_valid:
        bad(f"多边形无效：{explain_validity(geometry)}", f"invalid polygon: {explain_validity(geometry)}")
        geometry = make_valid(geometry)
    return Feature(number, level, code, name, parent, geometry, props)


def check(features: list[Feature], tolerance_m2: float) -> list[Problem]:
    problems: list[Problem] = []
    by_code: dict[str, Feature] = {}
    for f in features:
        if f.code in by_code:
            problems.append(_at(f, f"编码与要素 {by_code[f.code].number} 重复", f"same code as feature {by_code[f.code].number}"))
        else:
            by_code[f.code] = f
    streets = [f for f in features if f.level == 1]
    if len(streets) != 1:
        problems.append(at_file(f"应有且只有一个街道（level 1）要素，现有 {len(streets)} 个",
                                f"needs exactly one street (level 1) feature, has {len(streets)}"))
    for f in features:
        if f.level == 1:
            if f.parent:
                problems.append(_at(f, "街道（level 1）不应有 parent", "the street (level 1) has no parent"))
            continue
        parent = by_code.get(f.parent)
        if not f.parent:
            problems.append(_at(f, "缺少 parent", "parent is missing"))
        elif parent is None:
            problems.append(_at(f, f"上级网格「{f.parent}」不在文件中", f"the parent {f.parent!r} is not in the file"))
        elif parent.level != f.level - 1:
            problems.append(_at(f, f"上级「{f.parent}」是第 {parent.level} 级，应为第 {f.level - 1} 级",
                                f"the parent {f.parent!r} is level {parent.level}, not {f.level - 1}"))
    cells = [f for f in features if f.level == 4]
    if cells:
        problems += _overlaps(cells, tolerance_m2)
        if len(streets) == 1:
            problems += _gaps(streets[0], cells, tolerance_m2)
    return problems


def _overlaps(cells: list[Feature], tolerance_m2: float) -> list[Problem]:
    problems = []
    geometries = [c.geometry for c in cells]
    left, right = STRtree(geometries).query(geometries, predicate="intersects")
    pairs = left < right  # each pair once, never a cell with itself
    left, right = left[pairs], right[pairs]
    # Neighbours that only share an edge are most pairs: a DE-9IM test (interiors meet in an
    # area) drops them before any intersection is built.
    a_side, b_side = [geometries[i] for i in left], [geometries[j] for j in right]
    inside = shapely.relate_pattern(a_side, b_side, "2********")
    left, right = left[inside], right[inside]
    common = shapely.intersection([geometries[i] for i in left], [geometries[j] for j in right])
    areas = shapely.area(common)
    for i, j, shared, area_deg2 in zip(left, right, common, areas):
        if area_deg2 <= 0:
            continue
        area = square_metres(area_deg2, shared.centroid.y)
        if area > tolerance_m2:
            a, b = cells[i], cells[j]
            problems.append(_at(b, f"与要素 {a.number}（{a.code}）重叠约 {area:.0f} 平方米",
                                f"overlaps feature {a.number} ({a.code}) by about {area:.0f} m²"))
    return problems


def _gaps(street: Feature, cells: list[Feature], tolerance_m2: float) -> list[Problem]:
    problems = []
    covered = unary_union([c.geometry for c in cells])
    for piece in _parts(street.geometry.difference(covered)):
        area = square_metres(piece.area, piece.centroid.y)
        if area > tolerance_m2:
            p = piece.representative_point()
            problems.append(_at(street, f"约 {area:.0f} 平方米未被任何单元网格覆盖（约在 {p.x:.5f}, {p.y:.5f}）",
                                f"about {area:.0f} m² are in no unit grid (near {p.x:.5f}, {p.y:.5f})"))
    for cell in cells:
        outside = cell.geometry.difference(street.geometry)
        area = square_metres(outside.area, cell.geometry.centroid.y) if not outside.is_empty else 0.0
        if area > tolerance_m2:
            problems.append(_at(cell, f"约 {area:.0f} 平方米在街道范围之外", f"about {area:.0f} m² lie outside the street"))
    return problems


def _parts(geometry):
    if geometry.is_empty:
        return []
    return list(getattr(geometry, "geoms", [geometry]))


def plan(session: Session, features: list[Feature], street_id: int | None, source: str) -> list[OrgRow]:
    """The changes to make the street's grids those of the file (refused with every problem)."""
    problems: list[Problem] = []
    existing = {g.code: g for g in session.scalars(select(Grid))}
    for f in features:
        other = existing.get(f.code)
        if other is not None and other.street_id != street_id:
            problems.append(_at(f, "该编码已被另一街道的网格使用", "the code is another street's grid"))
    codes = {f.code for f in features}
    for g in existing.values():
        if g.street_id == street_id and g.code not in codes:
            problems.append(at_file(f"本街道的网格「{g.code} {g.name}」不在文件中：导入不删除网格（事件引用它们）",
                                    f"the street's grid {g.code} ({g.name}) is not in the file: an import "
                                    f"never deletes grids (events refer to them)"))
    if problems:
        raise ImportRefused(source, problems)
    rows: list[OrgRow] = []
    new_ids: dict[str, Ref] = {}
    for f in sorted(features, key=lambda f: f.level):
        parent_id = None if f.level == 1 else (
            existing[f.parent].id if f.parent in existing else new_ids[f.parent])
        fields = dict(level=f.level, name=f.name, parent_id=parent_id)
        g = existing.get(f.code)
        if g is None:
            new_ids[f.code] = Ref(len(new_ids))
            rows.append(OrgRow("grid", None, dict(fields, code=f.code, street_id=street_id, polygon=f.geometry.wkt)))
            continue
        if not wkt_io.loads(g.polygon).equals_exact(f.geometry, 1e-9):
            fields["polygon"] = f.geometry.wkt
        rows.append(OrgRow("grid", {"id": g.id}, fields))
    return rows


def new_street(features: list[Feature]) -> Street:
    """The street row a database without one gets from the file's L1 feature."""
    top = next(f for f in features if f.level == 1)
    p = top.props
    return Street(code=top.code, name=top.name, abbr=str(p.get("abbr") or "EV")[:8],
                  district=str(p.get("district") or ""), city=str(p.get("city") or ""))


def export(session: Session, street_id: int) -> dict:
    grids = list(session.scalars(select(Grid).where(Grid.street_id == street_id).order_by(Grid.level, Grid.code)))
    codes = {g.id: g.code for g in grids}
    street = session.get(Street, street_id)
    features = []
    for g in grids:
        props = {"level": g.level, "code": g.code, "name": g.name}
        if g.parent_id is not None:
            props["parent"] = codes.get(g.parent_id, "")
        else:
            props.update(abbr=street.abbr, district=street.district, city=street.city)
        features.append({"type": "Feature", "properties": props, "geometry": mapping(wkt_io.loads(g.polygon))})
    return {"type": "FeatureCollection", "crs": EXPORT_CRS, "features": features}
