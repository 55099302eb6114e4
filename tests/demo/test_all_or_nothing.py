"""Demo generation is all or nothing: killed (kill -9), stopped (SIGTERM, Ctrl-C) or refused at
any point, ``commandroom demo`` leaves no street at all, and its producer process dies with it.

Each test starts a real generation in a child process (in its own session, so that every
process it starts can be found), waits until rows are being inserted, stops it, and then asks
the process table and the database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from commandroom.demo import has_street
from commandroom.models.db import Database

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

# Big enough to take the producer process and minutes; it is stopped within seconds.
BIG = ("--days", "400", "--per-day", "300", "--end", "2026-11-21", "--seed", "2")


def session_processes(sid: int) -> list[int]:
    """Live processes of a session (zombies are dead already)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        state, _ppid, _pgrp, session = stat.rsplit(")", 1)[1].split()[:4]
        if int(session) == sid and state != "Z":
            found.append(int(entry.name))
    return found


@pytest.fixture
def start():
    """Start ``commandroom demo`` in a session of its own; whatever of it a failing test leaves
    running is ended afterwards (only that session's processes)."""
    started = []

    def run(url: str) -> subprocess.Popen:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        proc = subprocess.Popen([sys.executable, "-m", "commandroom", "demo", "--db", url, *BIG],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                                start_new_session=True)
        started.append(proc)
        return proc

    yield run
    for proc in started:
        for pid in session_processes(proc.pid):
            os.kill(pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()


def inserting(url: str) -> bool:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        wal = Path(f"{parsed.database}-wal")  # spilled pages of the open transaction
        return wal.exists() and wal.stat().st_size > 2_000_000
    plain = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(plain, autocommit=True) as conn:
        return conn.execute("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'COPY%%' "
                            "AND datname = %s", (parsed.database,)).fetchone()[0] > 0


def wait_until_loading(proc: subprocess.Popen, url: str) -> None:
    deadline = time.monotonic() + 300
    while not (inserting(url) and len(session_processes(proc.pid)) >= 2):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the generation never started inserting"
        time.sleep(0.05)


def wait_for_no_process(sid: int) -> None:
    deadline = time.monotonic() + 15
    while (left := session_processes(sid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not left, f"left behind: {left}"


def no_street(url: str) -> bool:
    db = Database(url)
    try:
        with db.engine.connect() as conn:
            events = conn.exec_driver_sql("SELECT count(*) FROM event").scalar()
            log = conn.exec_driver_sql("SELECT count(*) FROM event_log").scalar()
        return not has_street(db) and events == log == 0
    finally:
        db.dispose()


@pytest.fixture
def url(db):
    text = db.engine.url.render_as_string(hide_password=False)
    db.dispose()  # the schema is there; the child process does the rest
    return text


def test_kill_9_leaves_no_street_and_no_producer(url, start):
    proc = start(url)
    wait_until_loading(proc, url)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)  # not communicate(): an orphan would hold its pipes open
    wait_for_no_process(proc.pid)
    assert no_street(url)


@pytest.mark.parametrize("stop, status", [("sigterm", 128 + signal.SIGTERM),
                                          ("ctrl-c", 128 + signal.SIGINT)])
def test_a_stopped_generation_says_so_in_one_line_and_writes_nothing(url, start, stop, status):
    proc = start(url)
    wait_until_loading(proc, url)
    if stop == "sigterm":
        os.kill(proc.pid, signal.SIGTERM)
    else:  # a terminal's Ctrl-C reaches the whole foreground process group
        os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == status
    assert err.splitlines() == ["commandroom: 演示街道生成已中断，未写入任何数据"], err
    assert out == ""
    wait_for_no_process(proc.pid)
    assert no_street(url)


def test_a_refused_history_writes_nothing(tmp_path):
    path = tmp_path / "never.sqlite3"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    refused = subprocess.run([sys.executable, "-m", "commandroom", "demo", "--db", f"sqlite:///{path}",
                              "--end", "0001-01-05", "--lang", "en"],
                             capture_output=True, text=True, env=env, timeout=120)
    assert refused.returncode == 2
    assert len(refused.stderr.splitlines()) == 1 and "2000-01-01" in refused.stderr
    assert not path.exists()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'room.sqlite3'}"
    import uuid

    return request.getfixturevalue("pg_server").create_database(f"t_{uuid.uuid4().hex[:12]}")


def test_two_demos_at_once_on_an_empty_database_make_one_street_and_refuse_the_other(empty_url):
    """Both find the database empty and write; the one that comes second is refused in words
    (not an internal error), whichever order they meet in, and the street is the first one's."""
    url = empty_url
    small = ("--days", "5", "--end", "2026-11-21", "--seed", "3", "--lang", "en")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    runs = [subprocess.Popen([sys.executable, "-m", "commandroom", "demo", "--db", url, *small],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
            for _ in range(2)]
    results = sorted((proc.wait(timeout=300), proc.stderr.read()) for proc in runs)
    for proc in runs:
        proc.stdout.close()
        proc.stderr.close()
    (made, _), (refused, why) = results
    assert made == 0 and refused == 2, results
    assert "already holds a street" in why and "Internal" not in why and "internal" not in why
    db = Database(url)
    try:
        assert has_street(db)
    finally:
        db.dispose()
