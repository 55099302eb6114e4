"""Units, staff and categories from .csv and .xlsx: an export imported again changes nothing; a
changed cell changes that row only, and the replay shows the old value; broken sheets list every
problem by row and write nothing; the shipped templates carry the columns the import reads."""

from __future__ import annotations


from pathlib import Path

import pytest

from commandroom.models.actor import Actor
from commandroom.models.commands import Commands
from commandroom.models.enums import Role
from commandroom.models.orgdata import sheets, tabular
from commandroom.models.orgdata.columns import SHEETS
from commandroom.models.orgdata.history import org_at
from commandroom.models.orgdata.problems import ImportRefused
from commandroom.models.org import GridStaff
from tests import street_fixture
from tests.unit.admin.org_files import snapshot

ADMIN = Actor("admin", Role.ADMIN, "console-1", "管理员")
TEMPLATES = Path(__file__).resolve().parents[3] / "resources" / "templates"


@pytest.fixture
def street(db, clock):
    tiny = street_fixture.build(db)
    with db.session() as s:
        s.add_all([GridStaff(grid_id=tiny.grids["A1"], name="王芳", role="chief", phone="13800000001"),
                   GridStaff(grid_id=tiny.grids["A1"], name="赵磊", role="worker", phone="13800000002")])
    return tiny, Commands(db, ADMIN, clock, street_id=tiny.street_id)


def export(db, street_id, kind, path: Path) -> Path:
    with db.session() as s:
        sheets.write(path, tabular.headers(kind), tabular.EXPORTS[kind](s, street_id))
    return path


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("kind", ["units", "staff", "categories"])
def test_an_export_imported_again_changes_nothing(db, street, tmp_path, kind, suffix):
    tiny, cmds = street
    path = export(db, tiny.street_id, kind, tmp_path / f"{kind}{suffix}")
    before = snapshot(db, tiny.street_id)
    assert cmds.import_sheet(kind, path) == 0
    assert snapshot(db, tiny.street_id) == before


def test_a_changed_phone_is_one_change_and_the_replay_shows_the_old_one(db, clock, street, tmp_path):
    tiny, cmds = street
    path = export(db, tiny.street_id, "staff", tmp_path / "staff.csv")
    text = path.read_text(encoding="utf-8-sig").replace("13800000002", "13900000009")
    lines = [line for line in text.splitlines() if "王芳" not in line]  # 王芳 has left
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    before = clock.now()
    clock.advance(minutes=1)
    assert cmds.import_sheet("staff", path) == 2
    with db.session() as s:
        now, then = org_at(s, tiny.street_id, clock.now()), org_at(s, tiny.street_id, before)
    assert sorted((r["name"], r["phone"]) for r in now["grid_staff"].values()) == [("赵磊", "13900000009")]
    assert sorted((r["name"], r["phone"]) for r in then["grid_staff"].values()) == [
        ("王芳", "13800000001"), ("赵磊", "13800000002")]


def test_new_units_and_categories_are_added_with_their_links(db, clock, street, tmp_path):
    tiny, cmds = street
    cats = tmp_path / "categories.xlsx"
    sheets.write(cats, tabular.headers("categories"),
                 [["CG09", "市容环境", "暴露垃圾", "派驻机构", "否", 10, 120, 30, 1440, 60, 4320]])
    assert cmds.import_sheet("categories", cats) == 4  # the category and its three limits
    units = tmp_path / "units.csv"
    sheets.write(units, tabular.headers("units"),
                 [["YJ-NEW", "新单位", "派驻机构", "城市管理专委", "0531-1", "S-1-A", "CG01、CG09"]])
    assert cmds.import_sheet("units", units) == 3  # the unit and two categories
    assert cmds.import_sheet("units", export(db, tiny.street_id, "units", tmp_path / "again.csv")) == 0


def test_a_bad_header_lists_every_column_problem(db, street, tmp_path):
    tiny, cmds = street
    path = tmp_path / "units.csv"
    sheets.write(path, ["编码", "名字", "类型", "类型"], [["X", "Y", "街道办公室", "街道办公室"]])
    lines = refused(db, tiny.street_id, cmds, "units", path)
    assert lines == ["第 1 行：缺少必需的列「名称」", "第 1 行：未知的列「名字」（模板的列：编码、名称、类型、专委、值班电话、所属网格编码、负责类别编码、经度、纬度）",
                     "第 1 行：列「类型」出现了两次"]


def test_bad_cells_are_listed_by_row_and_nothing_is_written(db, street, tmp_path):
    tiny, cmds = street
    path = tmp_path / "categories.xlsx"
    good = ["CG08", "市容环境", "暴露垃圾", "派驻机构", "否", 10, 120, 30, 1440, 60, 4320]
    sheets.write(path, tabular.headers("categories"), [
        good,
        ["CG07", "", "乱贴", "派出所", "也许", 10, 120, 30, 1440, 60, 4320],
        ["CG06", "市容环境", "乱画", "派驻机构", "否", "十", 120, 30, 1440, 6000, 4320],
        good,
    ])
    lines = refused(db, tiny.street_id, cmds, "categories", path)
    assert lines == [
        "第 5 行：编码与第 2 行重复",
        "第 3 行：「大类」不能为空",
        "第 3 行：「主办单位类型」无法识别「派出所」，应为：街道办公室、服务中心、派驻机构、区级部门、社区居委会",
        "第 3 行：「属地管理」应为「是」或「否」：「也许」",
        f"第 4 行：「紧急响应时限（分钟）」应为 1～{60 * 24 * 366} 的整数：「十」",
        "第 4 行：「一般响应时限（分钟）」不能长于处置时限",
    ]


def test_unknown_grids_and_categories_are_named(db, street, tmp_path):
    tiny, cmds = street
    path = tmp_path / "units.csv"
    sheets.write(path, tabular.headers("units"), [["U1", "某单位", "派驻机构", "", "", "Z9", "CG01、CG77"]])
    assert refused(db, tiny.street_id, cmds, "units", path) == [
        "第 2 行：「所属网格编码」本街道没有网格「Z9」", "第 2 行：「负责类别编码」没有事件类别「CG77」"]


def refused(db, street_id, cmds, kind, path) -> list[str]:
    before = snapshot(db, street_id)
    with pytest.raises(ImportRefused) as err:
        cmds.import_sheet(kind, path)
    assert snapshot(db, street_id) == before
    return [p.line() for p in err.value.problems]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("kind", sorted(SHEETS))
def test_the_shipped_templates_have_the_columns_and_one_example(kind, suffix):
    header, data = sheets.read(TEMPLATES / f"{kind}{suffix}")
    assert header == [c.header for c in SHEETS[kind]]
    assert [cells for _, cells in data] == [[c.example for c in SHEETS[kind]]]


def test_a_csv_saved_by_excel_in_gb18030_is_read(tmp_path):
    path = tmp_path / "staff.csv"
    path.write_bytes("网格编码,姓名,职务,电话\r\nA1,王芳,网格长,1\r\n".encode("gb18030"))
    assert sheets.read(path) == (["网格编码", "姓名", "职务", "电话"], [(2, ["A1", "王芳", "网格长", "1"])])




def test_the_organisation_as_it_was_after_daily_changes(db, clock, street):
    tiny, cmds = street
    hw = tiny.units["环卫所"]
    before = clock.now()
    clock.advance(minutes=1)
    assert cmds.set_unit_phone(hw, "0531-88886666") == 1
    assert cmds.set_unit_phone(hw, "0531-88886666") == 0  # no change, no log row
    with db.session() as s:
        staff_id = next(k[0] for k, r in org_at(s, tiny.street_id, clock.now())["grid_staff"].items()
                        if r["name"] == "王芳")
    cmds.remove_staff(staff_id)
    with db.session() as s:
        then, now = org_at(s, tiny.street_id, before), org_at(s, tiny.street_id, clock.now())
    assert then["unit"][(hw,)]["duty_phone"] == "" and now["unit"][(hw,)]["duty_phone"] == "0531-88886666"
    assert (staff_id,) in then["grid_staff"] and (staff_id,) not in now["grid_staff"]


def test_a_file_that_is_not_a_spreadsheet_is_one_clear_refusal(tmp_path):
    from commandroom.models.errors import ValidationError

    path = tmp_path / "units.xlsx"
    path.write_text("编码,名称\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="不是有效的 xlsx 文件"):
        sheets.read(path)
    with pytest.raises(ValidationError, match="只支持 .csv 与 .xlsx"):
        sheets.read(tmp_path / "units.ods")


def test_a_unit_location_is_a_logged_change_checked_like_an_events_place(db, clock, street):
    """Set, moved, cleared: each one ORG_CHANGE whose old values ``org_at`` folds back; a point
    outside the street, or half a point, is refused in both languages and changes nothing."""
    from commandroom.models.errors import ValidationError

    tiny, cmds = street
    hw = tiny.units["环卫所"]
    lat, lon = tiny.inside
    start = clock.now()
    clock.advance(minutes=1)
    assert cmds.set_unit_location(hw, lat, lon) == 1
    assert cmds.set_unit_location(hw, lat, lon) == 0  # no change, no log row
    placed = clock.now()
    clock.advance(minutes=1)
    assert cmds.set_unit_location(hw, lat + 0.001, lon) == 1
    moved = clock.now()
    for bad, words in (((*tiny.outside,), "不在本街道范围内"), ((lat, None), "须同时给出"), ((95.0, lon), "不是有效的经纬度")):
        with pytest.raises(ValidationError, match=words) as refused:
            cmds.set_unit_location(hw, *bad)
        assert refused.value.en  # the English half is there too
    clock.advance(minutes=1)
    assert cmds.set_unit_location(hw, None, None) == 1
    with db.session() as s:
        seen = [(org_at(s, tiny.street_id, at)["unit"][(hw,)]["lat"], org_at(s, tiny.street_id, at)["unit"][(hw,)]["lon"])
                for at in (start, placed, moved, clock.now())]
    assert seen == [(None, None), (round(lat, 7), round(lon, 7)), (round(lat + 0.001, 7), round(lon, 7)),
                    (None, None)]  # kept to ~1 cm, as every point


def test_unit_places_go_through_the_sheet_both_ways(db, street, tmp_path):
    tiny, cmds = street
    lat, lon = tiny.inside
    out_lat, out_lon = tiny.outside
    header, data = sheets.read(export(db, tiny.street_id, "units", tmp_path / "units.csv"))
    at_lon, at_lat = header.index("经度"), header.index("纬度")

    def with_places(places: dict[str, tuple[str, str]], name: str) -> Path:
        rows = []
        for _, cells in data:
            cells = list(cells)
            if cells[1] in places:
                cells[at_lon], cells[at_lat] = places[cells[1]]
            rows.append(cells)
        path = tmp_path / name
        sheets.write(path, header, rows)
        return path

    assert cmds.import_sheet("units", with_places({"环卫所": (str(lon), str(lat))}, "placed.csv")) == 1
    again = export(db, tiny.street_id, "units", tmp_path / "again.xlsx")
    assert cmds.import_sheet("units", again) == 0  # the place survives the round trip unchanged
    header2, data2 = sheets.read(again)
    cells = next(cells for _, cells in data2 if cells[1] == "环卫所")
    assert [float(cells[header2.index("经度")]), float(cells[header2.index("纬度")])] == [round(lon, 7), round(lat, 7)]

    bad = with_places({"环卫所": (str(out_lon), str(out_lat)), "市政所": (str(lon), ""),
                       "综合执法中队": ("东经117", str(lat))}, "bad.csv")
    lines = refused(db, tiny.street_id, cmds, "units", bad)
    assert any("不在本街道范围内" in line for line in lines), lines
    assert any("须同时填写或同时留空" in line for line in lines), lines
    assert any("「经度」应为 -180～180 的十进制度数：「东经117」" in line for line in lines), lines
