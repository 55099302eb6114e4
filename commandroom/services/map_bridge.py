"""The one object the map page talks to (QWebChannel). It imports no database code, so the map
view may hold it (the map's read model for the feed is ``services/map_feed.py``).

Python → page: ``push(batch)`` turns one batch (a dict: the opening load, a feed change, a
selection) into one JSON string and emits it as ``sig_push``; the page's handler applies the whole
batch at once, so a thousand markers changed is one call, never one per marker. Until the page
says it is ready (``receive('{"kind": "ready"}')``, sent once its QWebChannel is connected and
its layers exist) batches are queued, in order, and flushed the moment it is.

Page → Python: ``receive(text)`` takes one JSON message (``{"kind": "marker", "id": 7}``,
``"grid"``, ``"point"`` with ``lat``/``lon`` as the page shows them, ``"ready"``, ``"applied"``
with the number of batches applied so far and the page's timing of it) and emits the
matching signal. A malformed message is logged and dropped: the page is ours, but a message must
never take the console down.
"""

from __future__ import annotations

import json
import logging
import math
import time

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)

MAP_VIEW = "map"
"""The name of the map's read model in the feed pump's ``sig_view_*``."""


class MapWatch:
    """Whether the map is on screen, shared with the pump's thread (reading or replacing a bool
    attribute is atomic, so no lock is needed). While it is not (its tab behind the board, the
    window minimised), the map's read model loads nothing for a feed batch, and the panel asks
    for what the batches touched once it is shown again: under an intake storm a hidden map
    cost the pump's queries, the console's JSON and the web engine's drawing for every report."""

    def __init__(self, shown: bool = True) -> None:
        self.shown = shown


class MapBridge(QObject):
    # --- Signals ---------------------------------------------------------------------------
    sig_push = Signal(str)
    """One batch for the page, as JSON (the page's only way in)."""

    sig_ready = Signal()
    """The page is loaded and listening; the queued batches have just been pushed."""

    sig_applied = Signal(int)
    """The page has applied a batch: how many it has applied in all (screenshots, tests, bench)."""

    sig_marker_clicked = Signal(int)
    """The officer clicked an event's marker (its id)."""

    sig_grid_clicked = Signal(int)
    """The officer clicked an L4 grid (its id; 0: the same grid again, the filter is lifted)."""

    sig_point_picked = Signal(float, float)
    """A right-click on the map: (lat, lon) as the page shows them (the display datum)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._ready = False
        self._queue: list[str] = []
        self.pushed = 0  # batches handed to the page (the tests and the benchmark count them)
        # The last batch's costs, for the benchmark: here (JSON, the emit into QWebChannel, the
        # wall-clock instant it left) and in the page (its parts, in ms, with the wall-clock
        # instants it began and ended: see ``apply`` in resources/map/map.js).
        self.timing: dict[str, float] = {}
        self.page_timing: dict[str, float] = {}

    @property
    def ready(self) -> bool:
        return self._ready

    def push(self, batch: dict) -> None:
        started = time.perf_counter()
        text = json.dumps(batch, ensure_ascii=False, separators=(",", ":"))
        if not self._ready:
            self._queue.append(text)
            return
        self.pushed += 1
        encoded, sent = time.perf_counter(), time.time()
        self.sig_push.emit(text)
        self.timing = {"json": (encoded - started) * 1000, "emit": (time.perf_counter() - encoded) * 1000,
                       "sent": sent * 1000}

    def reset(self) -> None:
        """The page is being loaded again: queue until it says it is ready once more."""
        self._ready = False

    @Slot(str)
    def receive(self, text: str) -> None:
        try:
            message = json.loads(text)
            kind = message["kind"]
            if kind == "ready":
                self._on_ready()
            elif kind == "applied":
                self.page_timing = dict(message.get("timing") or {})
                self.sig_applied.emit(int(message["n"]))
            elif kind == "marker":
                self.sig_marker_clicked.emit(int(message["id"]))
            elif kind == "grid":
                self.sig_grid_clicked.emit(int(message["id"]))
            elif kind == "point":
                lat, lon = float(message["lat"]), float(message["lon"])
                if math.isfinite(lat) and math.isfinite(lon):
                    self.sig_point_picked.emit(lat, lon)
            else:
                log.warning("map page: unknown message %r", kind)
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("map page: bad message %.200r (%s)", text, exc)

    def _on_ready(self) -> None:
        self._ready = True
        queued, self._queue = self._queue, []
        for text in queued:
            self.pushed += 1
            self.sig_push.emit(text)
        self.sig_ready.emit()
