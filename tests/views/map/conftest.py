"""The map on a real page: a tiny street on a SQLite file, the feed pump with the map's read
model, the map panel fed by it, and a way to ask the page for its state (JSON, never floats)."""

from __future__ import annotations

import json

import pytest

from commandroom.models.recurring import RecurringRule
from commandroom.services.map_bridge import MAP_VIEW
from commandroom.services.map_feed import map_read_model
from commandroom.views.common.selection import Selection
from commandroom.views.map.map_panel import MapPanel
from tests.services.seed import seed_street

PAGE_TIMEOUT = 60_000  # a cold QtWebEngine start under load on a shared machine


def run_js(qtbot, panel: MapPanel, script: str):
    """Evaluate ``script`` in the page and return its value (JSON-stringified in the page)."""
    box = []
    panel.page.runJavaScript(f"JSON.stringify({script})", 0, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=PAGE_TIMEOUT)
    return None if box[0] is None else json.loads(box[0])


def wait_applied(qtbot, panel: MapPanel, count: int) -> None:
    """Wait until the page has applied ``count`` batches in all."""
    qtbot.waitUntil(lambda: (run_js(qtbot, panel, "window.commandroomMap ? commandroomMap.applied : 0")
                             or 0) >= count, timeout=PAGE_TIMEOUT)


@pytest.fixture
def street(sqlite_db):
    sqlite_db.tiny = seed_street(sqlite_db)
    return sqlite_db


@pytest.fixture
def open_map(qtbot, start_pump):
    """Start the pump on ``db`` and a map panel fed by it; returns (panel, recorder), the page
    loaded and the opening batch applied."""

    def start(db, selection=None, **panel_options):
        selection = selection or Selection()
        panel = MapPanel(selection, **panel_options)
        qtbot.addWidget(panel)
        panel.resize(1000, 700)
        panel.show()
        recorder, _snapshot = start_pump(db, read_models=[map_read_model(RecurringRule(14, 3))])
        recorder.sig_view_changed.connect(panel.on_view_changed)
        qtbot.waitUntil(lambda: MAP_VIEW in recorder.views, timeout=PAGE_TIMEOUT)
        panel.on_view_loaded(MAP_VIEW, recorder.views[MAP_VIEW])
        # The property, not the signal: making the web view may spin the event loop, and the
        # page can be ready before a wait on the signal would begin.
        qtbot.waitUntil(lambda: panel.bridge.ready, timeout=PAGE_TIMEOUT)
        wait_applied(qtbot, panel, 1)
        return panel, recorder

    return start
