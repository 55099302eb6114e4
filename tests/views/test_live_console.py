"""End to end: the console on a SQLite file shows an event that ANOTHER PROCESS receives.

The writer is a separate Python process using the domain commands, as a second console or the
intake server would; the only path from it to this window is the database's change feed.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from PySide6.QtGui import QAction

from commandroom.app import Console
from commandroom.config import Settings
from commandroom.views.events.event_table_model import Col

WRITER = textwrap.dedent("""
    import sys
    from commandroom.models.actor import Actor
    from commandroom.models.commands import Commands
    from commandroom.models.db import Database
    from commandroom.models.enums import Priority, Role, Source

    db = Database(sys.argv[1])
    actor = Actor(login="intake", role=Role.DUTY_OFFICER, console="console-2", name="李娜")
    ref = Commands(db, actor).receive(
        source=Source.HOTLINE_12345, title="燕翔路井盖缺失", address="历下区燕翔路18号",
        reporter_name="王先生", reporter_phone="13800000000", priority=Priority.URGENT)
    print(ref.code)
""")


def test_event_written_by_another_process_appears(qtbot, street_db, tmp_path):
    settings = Settings(db_url=street_db.url, user="duty", feed_poll_ms=50)
    console = Console(street_db, settings, tmp_path / "console.ini")
    qtbot.addWidget(console.window)
    try:
        with qtbot.waitSignal(console.window.events.sig_populated, timeout=10_000) as populated:
            console.start((1280, 800))
        assert populated.args == [0]

        writer = subprocess.run([sys.executable, "-c", WRITER, street_db.url],
                                capture_output=True, text=True, timeout=60)
        assert writer.returncode == 0, writer.stderr
        code = writer.stdout.strip()

        model = console.window.events.model
        codes = lambda: [model.data(model.index(r, Col.CODE)) for r in range(model.rowCount())]  # noqa: E731
        qtbot.waitUntil(lambda: code in codes(), timeout=10_000)
        row = model.row_at(model.row_of(model.ids()[0]))
        assert (row.title, row.priority.value) == ("燕翔路井盖缺失", "urgent")
        assert console.window.statusBar().currentMessage().startswith(f"新事件 {code}")
        assert "已连接" in console.window.status.connection.text()

        with qtbot.waitSignal(console.window.events.sig_populated, timeout=10_000) as populated:
            console.window.findChild(QAction, "reloadAction").trigger()  # F5: the whole list again
        assert populated.args == [1]
        # After the opening, the common characters were drawn once (views/common/glyph_warmup.py).
        qtbot.waitUntil(lambda: console.glyphs.done, timeout=30_000)
    finally:
        console.window.close()  # stops the feed thread (the leak check would fail otherwise)
    assert not console.feed.is_running()
