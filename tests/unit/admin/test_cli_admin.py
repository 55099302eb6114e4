"""``commandroom user …``, ``import …`` and ``export grids|units|staff|categories`` as a user types
them: an import's refusal lists every problem by feature or row and exits 2, writing nothing."""

from __future__ import annotations

import io
import json

import pytest

from commandroom.cli import main
from commandroom.models.signin import sign_in
from tests import street_fixture
from tests.unit.admin.org_files import feature, save, shift, snapshot


@pytest.fixture
def room(sqlite_db):
    tiny = street_fixture.build(sqlite_db)
    return sqlite_db, tiny, str(sqlite_db.engine.url)


def run(capsys, monkeypatch, *args, stdin: str = ""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_user_add_list_passwd_disable(room, capsys, monkeypatch):
    db, tiny, url = room
    status, _, err = run(capsys, monkeypatch, "user", "add", "wangfang", "--name", "王芳", "--role", "duty_officer",
                         "--password-stdin", "--db", url, stdin="first pass 1\n")
    assert status == 0, err
    assert sign_in(db, "wangfang", "first pass 1", console="t", street_id=tiny.street_id).name == "王芳"
    assert run(capsys, monkeypatch, "user", "passwd", "wangfang", "--password-stdin", "--db", url,
               stdin="second pass 2\n")[0] == 0
    assert sign_in(db, "wangfang", "second pass 2", console="t", street_id=tiny.street_id)
    assert run(capsys, monkeypatch, "user", "disable", "wangfang", "--db", url)[0] == 0
    status, out, _ = run(capsys, monkeypatch, "user", "list", "--db", url, "--lang", "en")
    assert status == 0 and out.splitlines() == ["wangfang\t王芳\tduty_officer\tdisabled"]
    status, _, err = run(capsys, monkeypatch, "user", "add", "x", "--name", "某", "--role", "admin",
                         "--password-stdin", "--db", url, stdin="short\n")
    assert status == 2 and err.strip() == "commandroom: 登录名应为 2～32 个字母、数字或 _ . -：'x'"


def test_a_broken_grid_file_lists_every_problem_and_writes_nothing(room, capsys, monkeypatch, tmp_path):
    db, tiny, url = room
    assert run(capsys, monkeypatch, "export", "grids", "--out", str(tmp_path / "g.geojson"), "--db", url)[0] == 0
    data = json.loads((tmp_path / "g.geojson").read_text(encoding="utf-8"))
    shift(feature(data, "A2"), dlat=-0.004)
    feature(data, "B1")["properties"]["parent"] = "S-1-X"
    feature(data, "B2")["properties"]["code"] = "B1"
    before = snapshot(db, tiny.street_id)
    status, _, err = run(capsys, monkeypatch, "import", "grids", str(save(data, tmp_path / "bad.geojson")), "--db", url)
    assert status == 2
    lines = err.splitlines()
    assert lines[0] == f"commandroom: bad.geojson 有 {len(lines) - 1} 处问题，未导入任何数据"
    assert any("要素 6（A2）：与要素 5（A1）重叠约" in line for line in lines)
    assert any("上级网格「S-1-X」不在文件中" in line for line in lines)
    assert snapshot(db, tiny.street_id) == before


@pytest.mark.parametrize("kind,name", [("grids", "g.geojson"), ("units", "u.xlsx"), ("staff", "s.csv"),
                                       ("categories", "c.xlsx")])
def test_an_exported_file_imports_as_no_change(room, capsys, monkeypatch, tmp_path, kind, name):
    db, tiny, url = room
    path = str(tmp_path / name)
    assert run(capsys, monkeypatch, "export", kind, "--out", path, "--db", url)[0] == 0
    before = snapshot(db, tiny.street_id)
    status, _, err = run(capsys, monkeypatch, "import", kind, path, "--db", url, "--lang", "en")
    assert status == 0 and err.strip() == f"{name}: same as the database, nothing changed"
    assert snapshot(db, tiny.street_id) == before


def test_an_org_export_needs_a_file(room, capsys, monkeypatch):
    _, _, url = room
    status, _, err = run(capsys, monkeypatch, "export", "units", "--db", url)
    assert status == 2 and "--out" in err
