"""The wall's figures, computed off the GUI thread: ``wall_snapshot`` on a timer (the clock moves
events past their limits with no log row) and soon after the change feed reports new log rows.

Lives in its own QThread (``WorkerThread``) with one short session per snapshot. Log rows
coalesce: the first row of a burst starts a short timer and the snapshot is taken when it fires,
with everything that arrived meanwhile (a burst of a thousand rows is one snapshot, and a row
is on the wall within ``coalesce_ms`` plus one snapshot's time).

When the database cannot be reached it says so (``sig_failed``) and tries again every
``retry_ms``; the first snapshot that succeeds after that is the recovery.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from sqlalchemy.exc import SQLAlchemyError

from commandroom.models.clock import Clock
from commandroom.models.db import Database
from commandroom.models.wall_figures import wall_snapshot
from commandroom.services.feed_pump import RETRY_MS, _reason

log = logging.getLogger(__name__)


class WallFigures(QObject):
    # --- Signals ---------------------------------------------------------------------------
    sig_snapshot = Signal(object)
    """A fresh ``WallSnapshot`` (frozen, already masked: the panels only draw it)."""

    sig_failed = Signal(str)
    """The database could not be read (the reason in one line); the wall keeps what it shows."""

    def __init__(self, db: Database, street_id: int | None, *, clock: Clock | None = None,
                 refresh_ms: int = 30_000, coalesce_ms: int = 250, retry_ms: int = RETRY_MS):
        super().__init__()
        self.db = db
        self.street_id = street_id
        self.clock = clock or Clock()
        self.refresh_ms = refresh_ms
        self.coalesce_ms = coalesce_ms
        self.retry_ms = retry_ms
        self.failing = False
        self.taken = 0  # snapshots computed (the benchmark counts them)
        self._timer: QTimer | None = None
        self._soon: QTimer | None = None

    # --- Slots (run in the service's thread) -------------------------------------------------
    @Slot()
    def start(self) -> None:
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(self.refresh_ms)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.timeout.connect(self.refresh)
        self.refresh()

    @Slot()
    def stop(self) -> None:
        for timer in (self._timer, self._soon):
            if timer is not None:
                timer.stop()
        self.moveToThread(QCoreApplication.instance().thread())

    @Slot(list)
    def on_entries(self, _entries: list) -> None:
        """New log rows: a snapshot soon, one for the whole burst."""
        if self._soon is not None and not self._soon.isActive():
            self._soon.start(self.coalesce_ms)

    @Slot(bool, str)
    def on_connection(self, ok: bool, reason: str) -> None:
        """The change feed lost or found the database: say it now, or catch up now."""
        if ok:
            self.refresh()
        elif not self.failing:
            self._fail(reason)

    @Slot()
    def refresh(self) -> None:
        try:
            with self.db.session() as session:
                snapshot = wall_snapshot(session, self.clock.now(), self.street_id)
        except SQLAlchemyError as exc:
            self._fail(_reason(exc))
            return
        self.taken += 1
        if self.failing:
            self.failing = False
            log.info("wall: database back")
            self._timer.setInterval(self.refresh_ms)
        self.sig_snapshot.emit(snapshot)

    def _fail(self, reason: str) -> None:
        if not self.failing:
            log.warning("wall: database unreachable: %s", reason)
        self.failing = True
        if self._timer is not None:
            self._timer.setInterval(min(self.retry_ms, self.refresh_ms))
        self.sig_failed.emit(reason)
