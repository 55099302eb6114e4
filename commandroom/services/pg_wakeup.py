"""PostgreSQL LISTEN for the feed pump: wakes it the moment a command commits.

Every domain command ``NOTIFY``s ``commandroom_feed`` at commit (``models/log.py``). This holds
one autocommit psycopg connection that LISTENs, watched by a QSocketNotifier in the pump's
thread, so a change reaches the consoles without waiting for the next poll. The poll stays as
the safety net (a lost connection, a pooler that drops notifications): NOTIFY only wakes, the
feed itself is still ``event_log.id > last_seen``.

Under a storm of posts the intake commits a batch every few tens of milliseconds, each with its
NOTIFY, and each wake costs the pump a read of the feed and of every read model (the fixed part
of a read, not its rows, was what made a report cost the console twice as much CPU on PostgreSQL
as on SQLite, whose poll gathers two reads a second). So a notification after a quiet spell
wakes the pump at once, and those that follow within ``min_gap_ms`` are gathered into one wake
at the end of that gap.
"""

from __future__ import annotations

import logging
import time

import psycopg
from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal, Slot
from sqlalchemy.engine import URL

from commandroom.models.log import FEED_CHANNEL

log = logging.getLogger(__name__)

# Under a storm at most two wakes a second, as SQLite's poll (``Settings.feed_poll_ms``): the
# GUI's cost of a feed batch (re-sorting, repainting every dock) is mostly per batch, not per row.
MIN_GAP_MS = 500


def libpq_url(url: URL) -> str:
    """The SQLAlchemy URL as a libpq connection string (psycopg does not know "+psycopg")."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


class PgWakeup(QObject):
    # --- Signals ---------------------------------------------------------------------------
    sig_woken = Signal()
    """One or more notifications arrived on the feed channel (coalesced)."""

    sig_lost = Signal()
    """The LISTEN connection failed; only the poll wakes the pump until ``listen`` succeeds."""

    def __init__(self, url: URL, parent: QObject | None = None, *, min_gap_ms: int = MIN_GAP_MS):
        super().__init__(parent)
        self._url = url
        self._conn: psycopg.Connection | None = None
        self._notifier: QSocketNotifier | None = None
        self._min_gap = min_gap_ms / 1000
        self._last_wake = -float("inf")  # time.monotonic() of the last sig_woken
        self._gathered = QTimer(self)  # the wake at the end of the gap, for what came within it
        self._gathered.setSingleShot(True)
        self._gathered.timeout.connect(self._wake)

    @property
    def listening(self) -> bool:
        return self._conn is not None

    def listen(self) -> bool:
        """Open the connection and LISTEN (call in the thread that will watch it)."""
        if self._conn is not None:
            return True
        try:
            conn = psycopg.connect(libpq_url(self._url), autocommit=True, connect_timeout=5)
            conn.execute(f"LISTEN {FEED_CHANNEL}")
        except psycopg.Error as exc:
            log.warning("LISTEN %s failed, polling only: %s", FEED_CHANNEL, exc)
            return False
        self._conn = conn
        self._notifier = QSocketNotifier(conn.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        return True

    def close(self) -> None:
        self._gathered.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    @Slot()
    def _drain(self) -> None:
        try:
            # timeout=0: take what has arrived and return at once (never block the thread).
            arrived = sum(1 for _ in self._conn.notifies(timeout=0))
        except psycopg.Error as exc:
            log.warning("LISTEN connection lost, polling only until it is back: %s", exc)
            self.close()
            self.sig_lost.emit()
            return
        if not arrived or self._gathered.isActive():
            return
        wait = self._last_wake + self._min_gap - time.monotonic()
        if wait > 0:
            self._gathered.start(max(1, round(wait * 1000)))
        else:
            self._wake()

    @Slot()
    def _wake(self) -> None:
        self._last_wake = time.monotonic()
        self.sig_woken.emit()
