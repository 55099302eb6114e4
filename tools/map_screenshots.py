"""Pictures of the console with its map at 1920×1080 for the documentation: the street, one
community zoomed in, and the recurring-problems (未诉先办) layer.

    QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 .venv/bin/python tools/map_screenshots.py \
        --db sqlite:///demo.sqlite3 --out docs/

The console is the real one (``app.Console``, read-only); the map dock is raised, each view is
set through the page's own batch (``view``/``select`` ops, as the console's gestures do) and the
window is grabbed once the page has applied it and painted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop  # noqa: E402

from commandroom.app import _application  # noqa: E402
from commandroom.config import Settings  # noqa: E402
from commandroom.models.db import Database, OpenMode  # noqa: E402
from commandroom.views.i18n import install_translators  # noqa: E402

PAINT_S = 1.5  # the web process paints after the page applied a batch


def wait(app, done, seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)


def pause(app, seconds: float) -> None:
    end = time.monotonic() + seconds
    wait(app, lambda: time.monotonic() >= end, seconds + 1)


def js(app, page, script: str):
    box = []
    page.runJavaScript(f"JSON.stringify({script})", 0, box.append)
    wait(app, lambda: box)
    return json.loads(box[0]) if box[0] else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", default="docs")
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    settings = Settings(db_url=args.db, sound=False, lang=args.lang)
    app = _application(settings)
    install_translators(app, settings.lang)
    from commandroom.app import Console

    db = Database(args.db, mode=OpenMode.READ)
    out = Path(args.out)
    with tempfile.TemporaryDirectory() as tmp:
        console = Console(db, settings, Path(tmp) / "console.ini")
        applied = []
        console.window.map.bridge.sig_applied.connect(applied.append)
        console.start((1920, 1080))
        console.window.docks["map"].raise_()
        wait(app, lambda: applied)
        page, bridge = console.window.map.page, console.window.map.bridge

        def shot(name: str) -> None:
            pause(app, PAINT_S)
            console.window.grab().save(str(out / name))
            print(out / name)

        shot("map_street.png")
        # The community with the most open events, zoomed in on it.
        at = js(app, page, """(() => { const S = commandroomMap; let best = null, n = -1;
            for (const g of S.gridData.values()) { if (g.lv !== 3) continue;
              let k = 0; for (const d of S.data.values()) { const c = S.gridData.get(d.g); if (c && c.code.startsWith(g.code)) k++; }
              if (k > n) { n = k; best = g; } }
            return best.at; })()""")
        count = len(applied)
        bridge.push({"op": "view", "at": at, "zoom": 16.5})  # the whole community, its L4 names shown
        wait(app, lambda: len(applied) > count)
        shot("map_community.png")
        # The recurring layer on, the event markers off (the officer's layer switch does the same).
        js(app, page, "commandroomMap.showRecurring(true) || commandroomMap.cluster.remove() && 1")
        count = len(applied)
        bridge.push({"op": "fit"})
        wait(app, lambda: len(applied) > count)
        shot("map_recurring.png")
        console.window.map.release_page()
        console.stop()
    db.dispose()


if __name__ == "__main__":
    main()
