"""``commandroom supervise`` headless, and two schedulers racing on one database (SQLite and a
real PostgreSQL): every alert raised exactly once, whoever wins."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import datetime, timedelta

from sqlalchemy import func, select

from commandroom.models import Alert, EventLog
from commandroom.models.actor import Actor
from commandroom.models.clock import FrozenClock
from commandroom.models.commands import Commands
from commandroom.models.db import Database
from commandroom.models.enums import Action, Role, Source
from commandroom.models.ladder import Thresholds
from commandroom.models.scan import scan
from tests.processes import run_together
from tests.street_fixture import build

AT = datetime(2026, 11, 16, 9, 0)
OFFICER = Actor("zhangwei", Role.DUTY_OFFICER, "console-1", "张伟")


def overdue_events(db, count: int) -> None:
    """``count`` events dispatched at AT (response limit 1 h, handling 3 days)."""
    street = build(db)
    cmds = Commands(db, OFFICER, FrozenClock(AT))
    lat, lon = street.inside
    for n in range(count):
        ref = cmds.receive(source=Source.HOTLINE_12345, title=f"占道经营{n}", lat=lat, lon=lon)
        ref = cmds.register(ref.id, ref.version, category_code="CG01")
        cmds.dispatch(ref.id, ref.version, lead_unit_id=street.units["综合执法中队"], assist_unit_ids=[])


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "commandroom", *args]


ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def test_once_prints_each_raised_alert_on_one_line_and_a_second_run_nothing(sqlite_db):
    overdue_events(sqlite_db, 2)
    sqlite_db.dispose()
    args = ("supervise", "--db", sqlite_db.url, "--once", "--now", "2026-11-16T11:30")
    first = subprocess.run(command(*args), capture_output=True, text=True, timeout=120, env=ENV)
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    assert len(lines) == 2 * 3  # 预警, 催办, 督办 on each response limit
    assert sum("督办(supervision)" in line for line in lines) == 2
    assert all("补报(late)" in line for line in lines)  # fell due before this first scan
    again = subprocess.run(command(*args), capture_output=True, text=True, timeout=120, env=ENV)
    assert again.returncode == 0 and again.stdout == ""


def test_without_once_it_runs_until_sigterm_and_exits_cleanly(sqlite_db):
    overdue_events(sqlite_db, 1)
    sqlite_db.dispose()
    proc = subprocess.Popen(command("supervise", "--db", sqlite_db.url, "--now", "2026-11-16T10:30"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
    try:
        first = proc.stdout.readline()  # the first scan has run
        assert "预警" in first
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
        assert proc.stderr.read() == ""
    finally:
        if proc.poll() is None:
            proc.kill()


def test_a_missing_database_is_refused_in_one_line(tmp_path):
    done = subprocess.run(command("supervise", "--db", f"sqlite:///{tmp_path / 'none.sqlite3'}", "--once",
                                  "--lang", "en"), capture_output=True, text=True, timeout=120, env=ENV)
    assert done.returncode == 2 and len(done.stderr.splitlines()) == 1


def scan_once(url: str, console: str) -> list[tuple[int, str, str]]:
    """One scheduler process: one scan at AT + 5 h; the (event, level, deadline) it raised."""
    db = Database(url)
    try:
        cmds = Commands(db, Actor("scheduler", Role.SYSTEM, console), FrozenClock(AT + timedelta(hours=5)))
        return [(a.event_id, a.level.value, a.deadline.isoformat()) for a in scan(cmds, Thresholds()).raised]
    finally:
        db.dispose()


def test_two_scheduler_processes_racing_raise_each_alert_exactly_once(db):
    events = 30
    overdue_events(db, events)
    db.dispose()
    first, second = run_together(scan_once, [(db.url, "server-a"), (db.url, "server-b")])
    raised = first + second
    assert len(raised) == len(set(raised)) == events * 5  # the whole response ladder, once each
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Alert)) == events * 5
        logged = s.scalar(select(func.count()).select_from(EventLog).where(EventLog.action == Action.RAISE_ALERT))
    assert logged == events * 5  # a refused raise left no log row
