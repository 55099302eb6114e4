"""The wall running against a real database: a report written by ANOTHER PROCESS through a domain
command is on the wall within a second; on PostgreSQL, the server stopped under it puts up the
stale banner with every panel kept, and the wall recovers by itself when the server is back."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
import uuid

import pytest

from commandroom.config import Settings
from commandroom.models.privacy import public_address, public_text
from commandroom.wall_mode import Wall
from tests.pg_server import PostgresServer
from tests.services.seed import seed_street

TITLE, ADDRESS = "燕翔路井盖缺失，联系人王建国", "历下区燕翔路18号燕翔小区3号楼2单元502室"
WRITER = textwrap.dedent(f"""
    import sys
    from commandroom.models.actor import Actor
    from commandroom.models.commands import Commands
    from commandroom.models.db import Database
    from commandroom.models.enums import Priority, Role, Source

    db = Database(sys.argv[1])
    actor = Actor(login="intake", role=Role.DUTY_OFFICER, console="console-2", name="李娜")
    ref = Commands(db, actor).receive(source=Source.HOTLINE_12345, title={TITLE!r}, address={ADDRESS!r},
                                      reporter_name="王建国", reporter_phone="13800000000",
                                      priority=Priority.URGENT)
    print(ref.code)
""")


def _start(qtbot, db) -> Wall:
    wall = Wall(db, Settings(db_url=db.url), None, (1920, 1080), confirm_exit=False)
    qtbot.addWidget(wall.window)
    wall.window.resize(1920, 1080)
    wall.window.show()
    with qtbot.waitSignal(wall.window.sig_drawn, timeout=20_000):
        wall.start()
    return wall


def test_a_report_from_another_process_is_on_the_wall_within_a_second(qtbot, street_db):
    wall = _start(qtbot, street_db)
    try:
        before = wall.window.snapshot.counts.received
        writer = subprocess.run([sys.executable, "-c", WRITER, street_db.url], capture_output=True, text=True,
                                timeout=120)
        assert writer.returncode == 0, writer.stderr
        written = time.monotonic()  # the report is committed: the clock starts
        qtbot.waitUntil(lambda: wall.window.snapshot.counts.received == before + 1, timeout=1000)
        took = time.monotonic() - written
        newest = wall.window.snapshot.ticker[0]
        assert newest.title == public_text(TITLE) and newest.place == public_address(ADDRESS)
        assert "王建国" not in newest.title and "502" not in newest.place  # masked on the way
        assert wall.window.ticker.text.startswith(f"{newest.since:%H:%M} {newest.title}")
        assert took < 1.0
    finally:
        wall.window.close()
    assert not any(t.is_running() for t in wall.threads)


@pytest.fixture
def own_pg_server():
    """A PostgreSQL server of this test's own: it is stopped and started under the wall."""
    server = PostgresServer()
    server.start()
    yield server
    server.stop()


@pytest.mark.postgres
def test_outage_keeps_the_panels_shows_since_when_and_recovers(qtbot, own_pg_server):
    from commandroom.models.db import Database

    db = Database(own_pg_server.create_database(f"t_{uuid.uuid4().hex[:12]}"))
    seed_street(db)
    wall = _start(qtbot, db)
    window = wall.window
    try:
        drawn = window.snapshot
        shown = window.panels["figures"].counts["received"].text()
        own_pg_server.halt()
        qtbot.waitUntil(window.banner.isVisible, timeout=20_000)
        assert window.header.state.full_text == "✕ 数据中断"
        assert drawn.taken_at.strftime("%H:%M:%S") in window.banner.text.full_text  # since when
        assert window.snapshot is drawn and window.panels["figures"].counts["received"].text() == shown

        own_pg_server.resume()
        qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=30_000)
        assert window.header.state.full_text == "● 实时" and window.snapshot is not drawn
        # Live again: a write after the outage reaches the wall.
        writer = subprocess.run([sys.executable, "-c", WRITER, db.url], capture_output=True, text=True, timeout=120)
        assert writer.returncode == 0, writer.stderr
        qtbot.waitUntil(lambda: window.snapshot.counts.received == drawn.counts.received + 1, timeout=10_000)
    finally:
        window.close()
        db.dispose()
