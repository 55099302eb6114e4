"""The console's screenshots for the docs, on a demo street: the queue with reports waiting and
the board mid-shift (one picture: the default first-run layout at 1920×1080), then the detail of
the event with the longest timeline.

    QT_QPA_PLATFORM=offscreen python tools/console_shots.py sqlite:////tmp/demo.sqlite3 docs/

The console runs for real (feed pump, command runner, desk) on that database as its duty officer,
with a fresh layout file, so what is pictured is what a first start shows.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QThread  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from commandroom.app import Console, _application  # noqa: E402
from commandroom.config import Settings  # noqa: E402
from commandroom.models import EventLog  # noqa: E402
from commandroom.models.db import Database  # noqa: E402

SIZE = (1920, 1080)


def wait(app, done, ms=20_000) -> None:
    left = ms
    while not done() and left > 0:  # the services answer through queued signals: keep turning
        app.processEvents()
        QThread.msleep(20)
        left -= 20
    if not done():
        raise SystemExit("the console did not get there in time")


def main() -> None:
    url, out = sys.argv[1], Path(sys.argv[2])
    app = _application(Settings(db_url=url))  # the console's own font and style sheet
    db = Database(url)
    with db.session() as s:  # the event whose timeline is longest
        longest = s.execute(select(EventLog.event_id).where(EventLog.event_id.is_not(None))
                            .group_by(EventLog.event_id).order_by(func.count().desc()).limit(1)).scalar_one()
    with tempfile.TemporaryDirectory() as tmp:
        console = Console(db, Settings(db_url=url), Path(tmp) / "ui.ini")
        console.start(SIZE)
        window = console.window
        wait(app, lambda: window.calls.loaded and window.board.cards.cards)
        for _ in range(10):
            app.processEvents()
        window.grab().save(str(out / "console_queue_board.png"))
        window.selection.select([longest])
        wait(app, lambda: window.detail.event_id == longest and window.detail.timeline.rowCount() > 5)
        for _ in range(10):
            app.processEvents()
        window.grab().save(str(out / "console_detail_timeline.png"))
        window.close()
        app.processEvents()
    db.dispose()


if __name__ == "__main__":
    main()
