"""Grid import from GeoJSON: a good file, files broken in each way (every problem listed by
feature, nothing written), an export imported again changes nothing, GCJ-02 converted."""

from __future__ import annotations

import pytest

from commandroom.models.actor import Actor
from commandroom.models.commands import Commands
from commandroom.models.db import Database
from commandroom.models.enums import Role
from commandroom.models.errors import PermissionDeniedError
from commandroom.models.orgdata.gcj02 import gcj_to_wgs, wgs_to_gcj
from commandroom.models.orgdata.history import current
from commandroom.models.orgdata.problems import ImportRefused
from commandroom.models.streets import list_streets
from tests import street_fixture
from tests.unit.admin.org_files import feature, grid_file, save, shift, snapshot

ADMIN = Actor("admin", Role.ADMIN, "console-1", "管理员")


@pytest.fixture
def street(db, clock, tmp_path):
    tiny = street_fixture.build(db)
    data = grid_file(db, tiny.street_id, tmp_path / "grids.geojson")
    return tiny, Commands(db, ADMIN, clock, street_id=tiny.street_id), data


def refused(db, street_id, cmds, path) -> list[str]:
    before = snapshot(db, street_id)
    with pytest.raises(ImportRefused) as err:
        cmds.import_grids(path)
    assert snapshot(db, street_id) == before  # nothing written, not even a log row
    return [p.line() for p in err.value.problems]


def test_an_export_imported_again_changes_nothing(db, street, tmp_path):
    tiny, cmds, _ = street
    before = snapshot(db, tiny.street_id)
    assert cmds.import_grids(tmp_path / "grids.geojson") == 0
    assert snapshot(db, tiny.street_id) == before


def test_a_new_street_is_made_from_its_file(tmp_path, clock, street):
    _, _, data = street
    fresh = Database(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    try:
        cmds = Commands(fresh, ADMIN, clock)
        assert cmds.import_grids(save(data, tmp_path / "g.geojson")) == len(data["features"])
        with fresh.session() as s:
            [info] = list_streets(s)
            grids = current(s, info.id)["grid"]
        assert info.code == "S" and info.name == "姚家街道"
        by_code = {g["code"]: g for g in grids.values()}
        assert by_code["A1"]["parent_id"] == by_code["S-1-A"]["id"] and by_code["S"]["parent_id"] is None
    finally:
        fresh.dispose()


def test_an_overlap_a_gap_a_parent_and_a_duplicate_are_all_listed(db, street, tmp_path):
    tiny, cmds, data = street
    shift(feature(data, "A2"), dlat=-0.004)  # overlaps A1 by 40% and leaves a strip of A2 uncovered
    feature(data, "B1")["properties"]["parent"] = "S-1-X"
    feature(data, "B2")["properties"]["code"] = "B1"
    lines = refused(db, tiny.street_id, cmds, save(data, tmp_path / "bad.geojson"))
    text = "\n".join(lines)
    assert "要素 6（A2）：与要素 5（A1）重叠约" in text
    assert "未被任何单元网格覆盖" in text
    assert "上级网格「S-1-X」不在文件中" in text
    assert "编码与要素 7 重复" in text
    assert len(lines) >= 4


@pytest.mark.parametrize("breakage,expected", [
    (lambda d: d.update(crs={"type": "name", "properties": {"name": "EPSG:3857"}}), "不支持的坐标系"),
    (lambda d: shift(feature(d, "A1"), dlon=13_000_000), "坐标不是经纬度"),
    (lambda d: feature(d, "A1")["properties"].update(level=7), "level 应为 1～4"),
    (lambda d: feature(d, "A1")["properties"].pop("parent"), "缺少 parent"),
    (lambda d: feature(d, "A1").update(geometry={"type": "Point", "coordinates": [117, 36.6]}), "应为多边形"),
    (lambda d: feature(d, "A1")["properties"].update(parent="S-1"), "应为第 3 级"),
])
def test_each_breakage_is_named_by_its_feature(db, street, tmp_path, breakage, expected):
    tiny, cmds, data = street
    breakage(data)
    lines = refused(db, tiny.street_id, cmds, save(data, tmp_path / "bad.geojson"))
    assert any(expected in line for line in lines), lines


def test_small_slivers_within_the_tolerance_pass(db, street, tmp_path):
    tiny, cmds, data = street
    shift(feature(data, "A1"), scale=0.99999)  # a sliver of a few square metres
    assert cmds.import_grids(save(data, tmp_path / "ok.geojson"), tolerance_m2=50) == 1


def test_a_declared_gcj02_file_is_stored_as_wgs84(db, street, tmp_path):
    tiny, cmds, data = street
    for feat in data["features"]:
        feat["geometry"]["coordinates"] = [[list(wgs_to_gcj(x, y)) for x, y in ring]
                                           for ring in feat["geometry"]["coordinates"]]
    data["crs"] = {"type": "name", "properties": {"name": "GCJ-02"}}
    cmds.import_grids(save(data, tmp_path / "gcj.geojson"))
    with db.session() as s:
        grids = current(s, tiny.street_id)["grid"]
    a1 = next(g for g in grids.values() if g["code"] == "A1")["polygon"]
    from shapely import wkt
    assert wkt.loads(a1).bounds == pytest.approx((117.0, 36.6, 117.01, 36.61), abs=1e-6)
    assert gcj_to_wgs(*wgs_to_gcj(117.0, 36.6)) == pytest.approx((117.0, 36.6), abs=1e-7)


def test_only_an_admin_imports(db, clock, street, tmp_path):
    tiny, _, _ = street
    officer = Commands(db, Actor("zhangwei", Role.DUTY_OFFICER, "c1"), clock, street_id=tiny.street_id)
    with pytest.raises(PermissionDeniedError):
        officer.import_grids(tmp_path / "grids.geojson")
