"""The command line end to end, in a child process as a user runs it: demo and kpi on SQLite
and PostgreSQL, and one clear line with a non-zero exit for every refused input."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


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
        (["kpi", "--from", "2026-11-01", "--to", "2026-11-02", "--by", "weather"], "invalid choice"),
        (["demo", "--days", "0"], "正整数"),
        (["--db", "nonsense://x", "kpi", "--from", "2026-11-01", "--to", "2026-11-02"], "nonsense"),
        (["kpi", "--db", "postgresql://nobody@127.0.0.1:1/none", "--from", "2026-11-01",
          "--to", "2026-11-02"], "无法打开数据库"),
        (["--size", "10x10", "--screenshot", "x.png"], "尺寸"),
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
