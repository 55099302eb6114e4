"""The command line end to end, in a child process as a user runs it: demo and kpi on SQLite
and PostgreSQL, and one clear line with a non-zero exit for every refused input, in the language
``--lang`` asks for. ``tests/unit/test_cli_fuzz.py`` throws arbitrary arguments at it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from commandroom.cli import main
from commandroom.models.commands import Commands
from commandroom.models.db import Database
from tests.street_fixture import build


def cli(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "commandroom", *args], capture_output=True,
                          text=True, timeout=timeout, env=env)


def test_demo_then_kpi(db):
    url = db.engine.url.render_as_string(hide_password=False)
    db.dispose()
    made = cli("demo", "--db", url, "--days", "5", "--seed", "3", "--per-day", "40",
               "--end", "2026-11-15")
    assert made.returncode == 0, made.stderr
    assert "姚家街道" in made.stdout and "200" in made.stdout.replace(",", "")
    again = cli("demo", "--db", url, "--if-empty")
    assert again.returncode == 0 and again.stdout == ""

    total = cli("kpi", "--db", url, "--from", "2026-11-11", "--to", "2026-11-15")
    assert total.returncode == 0, total.stderr
    assert "办结率" in total.stdout and "合计" in total.stdout
    by_unit = cli("kpi", "--db", url, "--from", "2026-11-11", "--to", "2026-11-15", "--by", "unit",
                  "--lang", "en")
    assert by_unit.returncode == 0 and "Completion" in by_unit.stdout
    assert len(by_unit.stdout.splitlines()) > 5


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["kpi", "--from", "2026-13-01", "--to", "2026-12-01"], "YYYY-MM-DD"),
        (["kpi", "--from", "2026-11-02", "--to", "2026-11-01"], "--to"),
        (["kpi", "--from", "2026-11-01", "--to", "2026-11-02", "--by", "weather"], "无效的选项"),
        (["demo", "--days", "0"], "正整数"),
        (["--db", "nonsense://x", "kpi", "--from", "2026-11-01", "--to", "2026-11-02"], "nonsense"),
        (["kpi", "--db", "postgresql://nobody@127.0.0.1:1/none", "--from", "2026-11-01",
          "--to", "2026-11-02"], "无法打开数据库"),
        (["--size", "10x10", "--screenshot", "x.png"], "尺寸"),
        (["kpi", "--from", "2026-11-01", "--to", "2026-11-02"], "commandroom demo --db"),
        (["demo", "--end", "0001-01-05"], "--end"),
        (["demo", "--db", "mysql://u@h/db"], "postgresql://"),
        (["kpi", "--db", "postgresql+psycopg2://u@h/db", "--from", "2026-11-01",
          "--to", "2026-11-02"], "pip install psycopg2-binary"),
    ],
)
def test_refused_input_says_why_in_one_line(tmp_path, args, fragment):
    if "--db" not in args:
        args = ["--db", f"sqlite:///{tmp_path / 'c.sqlite3'}", *args]
    result = cli(*args)
    assert result.returncode == 2
    last = result.stderr.strip().splitlines()[-1]
    assert fragment in last, result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture
def two_streets(sqlite_db, clock, officer):
    """Yaojia with one event received today, Qianfo with two: the CLI must be told which."""
    yaojia = build(sqlite_db)
    qianfo = build(sqlite_db, code="370102006", abbr="QF", name="千佛山街道", origin=(117.05, 36.60))
    for street, count in ((yaojia, 1), (qianfo, 2)):
        for i in range(count):
            Commands(sqlite_db, officer, clock, street_id=street.street_id).receive(
                source="walk_in", title=f"来访{i}")
    sqlite_db.dispose()
    return sqlite_db.url


def _received(table: str) -> int:
    (total,) = [line for line in table.splitlines() if line.startswith(("合计", "Total"))]
    return int(total.split()[1])


PERIOD = ("--from", "2026-11-16", "--to", "2026-11-16")


@pytest.mark.parametrize("lang, words", [
    ("zh_CN", "数据库中有 2 个街道：370102005 姚家街道、370102006 千佛山街道。请用 --street 指定"),
    ("en", "The database holds 2 streets: 370102005 姚家街道, 370102006 千佛山街道. Name one with --street"),
])
def test_two_streets_and_none_named_is_refused_with_the_list(two_streets, lang, words):
    result = cli("kpi", "--db", two_streets, *PERIOD, "--lang", lang)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"commandroom: {words}"]


def test_the_named_street_is_measured_alone_before_or_after_the_subcommand(two_streets):
    before = cli("--street", "370102005", "kpi", "--db", two_streets, *PERIOD)
    after = cli("kpi", "--db", two_streets, *PERIOD, "--street", "370102006")
    assert (before.returncode, after.returncode) == (0, 0), before.stderr + after.stderr
    assert (_received(before.stdout), _received(after.stdout)) == (1, 2)


@pytest.mark.parametrize("args", [
    ["kpi", *PERIOD, "--street", "999"],
    ["export", "--street", "999"],
    ["--street", "999", "--screenshot", "x.png"],
])
def test_an_unknown_street_is_refused_with_the_list(two_streets, args):
    result = cli("--db", two_streets, *args)
    assert result.returncode == 2
    last = result.stderr.strip().splitlines()[-1]
    assert "没有编码为 999 的街道" in last and "370102006 千佛山街道" in last


def test_export_keeps_to_the_named_street(two_streets):
    refused = cli("export", "--db", two_streets, "--format", "json")
    assert refused.returncode == 2 and "请用 --street 指定" in refused.stderr
    named = cli("export", "--db", two_streets, "--format", "json", "--street", "370102006")
    assert named.returncode == 0, named.stderr
    assert sorted(record["title"] for record in json.loads(named.stdout)) == ["来访0", "来访1"]


def test_a_screenshot_of_a_district_must_name_its_street(two_streets, tmp_path):
    result = cli("--db", two_streets, "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 2 and "请用 --street 指定" in result.stderr
    assert not (tmp_path / "x.png").exists()


# (arguments, the Chinese line, the English line); {db} is a missing file.
REFUSALS = [
    (["kpi", "--from", "2026-11-01", "--to", "2026-11-02"], "处没有数据库", "There is no database"),
    (["kpi", "--from", "2026-11-31", "--to", "2026-12-01"], "日期应为 YYYY-MM-DD",
     "a date must be YYYY-MM-DD"),
    (["kpi", "--from", "2026-11-01"], "缺少必需的参数：--to", "the following arguments are required: --to"),
    (["kpi", "--from", "2026-11-01", "--to", "2026-11-02", "--by", "weather"],
     "参数 --by：无效的选项 'weather'", "argument --by: invalid choice: 'weather'"),
    (["demo", "--days", "many"], "应为正整数", "must be a positive whole number"),
    (["demo", "--end", "0001-01-05"], "--end 应在", "--end must lie between"),
    (["kpi", "--from", "2026-11-01", "--to", "2026-11-02", "--fromm"], "无法识别的参数：--fromm",
     "unrecognized arguments: --fromm"),
    (["--db"], "参数 --db：需要一个值", "argument --db: expected one argument"),
]


def status_of(argv: list[str]) -> int:
    """``main`` in process; argparse's own refusals exit instead of returning."""
    try:
        return main(argv)
    except SystemExit as done:
        return done.code


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
@pytest.mark.parametrize("args, zh, en", REFUSALS)
def test_refusals_speak_the_language_asked_for(tmp_path, capsys, lang, args, zh, en):
    db = ["--db", f"sqlite:///{tmp_path / 'missing.sqlite3'}"] if "--db" not in args else []
    assert status_of([*db, "--lang", lang, *args]) == 2
    line = capsys.readouterr().err
    assert line.count("\n") == 1 and line.startswith("commandroom: ")
    assert (en if lang == "en" else zh) in line
    assert (zh if lang == "en" else en) not in line


def test_lang_before_the_subcommand_too(tmp_path, capsys):
    assert main(["--lang", "en", "kpi", "--db", f"sqlite:///{tmp_path / 'x.sqlite3'}",
                 "--from", "2026-11-01", "--to", "2026-11-02"]) == 2
    assert "There is no database" in capsys.readouterr().err
    assert not (tmp_path / "x.sqlite3").exists()


def test_help_in_chinese_and_english(capsys):
    for lang, heading in (("zh_CN", "用法："), ("en", "usage: ")):
        with pytest.raises(SystemExit) as done:
            main(["kpi", "--help", "--lang", lang])
        assert done.value.code == 0
        assert capsys.readouterr().out.startswith(heading)


@pytest.fixture
def empty_room(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'room.sqlite3'}"
    Database(url).dispose()
    return url


def test_dates_at_the_ends_of_the_calendar(empty_room, capsys):
    assert main(["kpi", "--db", empty_room, "--from", "0001-01-01", "--to", "9999-12-31"]) == 0
    assert main(["kpi", "--db", empty_room, "--from", "9999-12-31", "--to", "9999-12-31",
                 "--by", "grid"]) == 0
    assert "合计" in capsys.readouterr().out


def test_kpi_reads_without_writing(empty_room, tmp_path):
    path = tmp_path / "room.sqlite3"
    before = path.read_bytes()
    assert main(["kpi", "--db", empty_room, "--from", "2026-11-01", "--to", "2026-11-02"]) == 0
    assert path.read_bytes() == before


def test_a_closed_pipe_is_not_an_error_message(empty_room, monkeypatch):
    """In process: stdout is a pipe whose reader is gone (`kpi | head -1`)."""
    read, write = os.pipe()
    os.close(read)
    closed = open(write, "w", encoding="utf-8")  # noqa: SIM115 - closed by the test
    monkeypatch.setattr(sys, "stdout", closed)
    try:
        assert main(["kpi", "--db", empty_room, "--from", "2026-11-01", "--to", "2026-11-02",
                     "--by", "unit"]) == 1
    finally:
        monkeypatch.undo()
        closed.close()


def test_a_closed_pipe_in_a_child_process(empty_room):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-m", "commandroom", "kpi", "--db", empty_room, "--from", "2026-11-01",
         "--to", "2026-11-02", "--by", "category"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    child.stdout.close()  # the reader is gone before the child writes a line
    _, err = child.communicate(timeout=120)
    assert child.returncode == 1
    assert b"Traceback" not in err and err == b""


@pytest.mark.parametrize("args", [["meeting", "--screenshot", "m.png"], ["meeting", "--report", "r.pdf"],
                                  ["wall", "--screenshot", "w.png"]])
def test_a_window_or_report_on_a_database_without_a_street_says_so(empty_room, tmp_path, args):
    """Not an internal error: a demo not generated yet is an input to name."""
    done = cli(args[0], "--db", empty_room, *args[1:-1], str(tmp_path / args[-1]))
    assert done.returncode == 2, done.stderr
    assert "数据库中还没有街道" in done.stderr and "内部错误" not in done.stderr
