"""Loads a week for the meeting window in its own thread (a busy week's replay folds 150,000
log rows: seconds the window must not freeze for) and hands the frozen result over by signal."""

from __future__ import annotations

import gc
import logging

from PySide6.QtCore import QObject, Signal, Slot

from commandroom.models import meeting_data
from commandroom.models.clock import Clock
from commandroom.models.db import Database
from commandroom.models.errors import CommandroomError

log = logging.getLogger(__name__)


class MeetingLoader(QObject):
    """Run by a ``WorkerThread``: ``start`` loads once and emits one of the two signals."""

    # ---- signals -----------------------------------------------------------------------
    sig_loaded = Signal(object)  # MeetingData
    sig_failed = Signal(str)  # the reason, in the console's language

    def __init__(self, db: Database, street_id: int, week: str, *, clock: Clock | None = None,
                 lang: str = "zh_CN"):
        super().__init__()
        self.db, self.street_id, self.week = db, street_id, week
        self.clock = clock or Clock()
        self.lang = lang

    @Slot()
    def start(self) -> None:
        try:
            with self.db.session() as session:
                data = meeting_data.load(session, self.street_id, self.week, self.clock.now())
        except CommandroomError as exc:
            self.sig_failed.emit(exc.message(self.lang))
            return
        except Exception as exc:  # noqa: BLE001 - the window says so rather than waiting forever
            log.exception("meeting load failed")
            self.sig_failed.emit(f"{type(exc).__name__}: {exc}")
            return
        # The week's replay is hundreds of thousands of long-lived dicts; the cyclic collector
        # would walk them all again on every full collection (seconds, mid-playback). They live
        # as long as the window: keep the collector off them.
        gc.freeze()
        self.sig_loaded.emit(data)

    @Slot()
    def stop(self) -> None:
        pass
