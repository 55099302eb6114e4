"""Builds the demo street off the GUI thread (the first run's offer), with progress and cancel.

Run it with ``WorkerThread``: its ``start`` slot generates the whole street in the worker's
thread (one long call; the generator writes all or nothing) and says how it went with one of
``sig_finished``, ``sig_failed`` or ``sig_cancelled``. ``cancel`` may be called from any thread:
the generation stops after the day it is on, and nothing is written.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal, Slot

from commandroom.models.db import Database

log = logging.getLogger(__name__)


class _Cancelled(Exception):
    pass


class DemoBuilder(QObject):
    # --- Signals ---------------------------------------------------------------------------
    sig_progress = Signal(int, int)
    """Days of history generated so far, and in all."""

    sig_finished = Signal(object)
    """The street is written (the generator's ``DemoSummary``)."""

    sig_failed = Signal(str)
    """It could not be built: the reason, in words. Nothing was written."""

    sig_cancelled = Signal()
    """Stopped on request. Nothing was written."""

    def __init__(self, db: Database, **options):
        super().__init__()
        self.db = db
        self.options = options  # generate()'s: days, seed, per_day, end …
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def start(self) -> None:
        from commandroom.demo import generate  # the generator is large: load it on demand

        try:
            summary = generate(self.db, progress=self._progress, **self.options)
            self.db.analyze()
        except _Cancelled:
            self.sig_cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - any failure leaves no street, and says why
            log.exception("demo street failed")
            self.sig_failed.emit(str(exc))
        else:
            self.sig_finished.emit(summary)

    @Slot()
    def stop(self) -> None:
        """WorkerThread's stop: runs once ``start`` has returned, so there is nothing left to do
        but make sure a later start would not run."""
        self._cancel.set()

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise _Cancelled
        self.sig_progress.emit(done, total)
