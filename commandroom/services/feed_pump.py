"""The change-feed pump: loads the console's snapshot, then turns new log rows into fresh rows.

It lives in its own QThread (see ``WorkerThread``) with its own short sessions, one per load or
poll, so ORM rows never leave that thread: the GUI gets frozen ``EventRow`` snapshots through
queued signals. On SQLite it polls ``event_log.id > last_seen`` every ``poll_ms``. On PostgreSQL
the commands' NOTIFY wakes it at once (``PgWakeup``) and the poll becomes a slow safety net.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from commandroom.models.changefeed import FeedCursor, touched_event_ids
from commandroom.models.clock import Clock
from commandroom.models.db import Database
from commandroom.models.queries import load_rows, load_snapshot
from commandroom.services.pg_wakeup import PgWakeup

log = logging.getLogger(__name__)

# While the database is unreachable, try again this often instead of every poll.
RETRY_MS = 3000
# With LISTEN working, the poll only catches a lost notification: every few seconds is plenty.
LISTENING_POLL_MS = 5000


@dataclass(frozen=True)
class ReadModel:
    """A dock's own view of the street, kept fresh by the pump in the pump's thread.

    ``load_all(session, now, street_id)`` gives the opening data; ``load_ids(session, event_ids,
    now, street_id)`` the fresh rows of the events new log rows touched (an event that no longer
    belongs, e.g. a report that became an event, is simply absent: the dock drops it). Both
    return frozen snapshots, never ORM rows. A model that is not per event (the unit cards) may
    ignore the ids and load everything again: it is then reloaded on every change.
    ``fold(session, entries, now, street_id)``, when given, is used for the feed's batches
    instead of ``load_ids``: a model that keeps its rows and folds the log rows into them.
    """

    name: str
    load_all: Callable[[Session, datetime, int | None], object]
    load_ids: Callable[[Session, list[int], datetime, int | None], object]
    fold: Callable[[Session, list, datetime, int | None], object] | None = None


class FeedPump(QObject):
    # --- Signals ---------------------------------------------------------------------------
    sig_loaded = Signal(object)
    """The console's opening ``LiveSnapshot`` (rows, filter vocabularies, street, user).

    Emitted once, before any ``sig_rows_changed``; emitted again only after ``reload``.
    """

    sig_rows_changed = Signal(list)
    """Fresh ``EventRow`` snapshots of the events touched by new log rows, in id order."""

    sig_entries = Signal(list)
    """The new ``LogEntry`` rows themselves, oldest first (for alerts, call queue, replay)."""

    sig_view_loaded = Signal(str, object)
    """A read model's opening data: (its name, what its ``load_all`` gave). After ``sig_loaded``."""

    sig_view_changed = Signal(str, list, object)
    """A read model's fresh rows: (its name, the event ids touched, what ``load_ids`` gave)."""

    sig_connection = Signal(bool, str)
    """Database reachable or not, with the reason in one line when not (for the status bar)."""

    def __init__(
        self,
        db: Database,
        *,
        login: str,
        street_id: int | None,
        recent_days: int,
        poll_ms: int,
        clock: Clock | None = None,
        batch: int = 1000,
        read_models: Sequence[ReadModel] = (),
    ):
        super().__init__()
        self.db = db
        self.login = login
        # The room's street: the snapshot, the rows and the entries are this street's only.
        self.street_id = street_id
        self.recent_days = recent_days
        self.poll_ms = poll_ms
        self.clock = clock or Clock()
        self.batch = batch
        self.read_models = tuple(read_models)
        self._cursor: FeedCursor | None = None
        self._connected: bool | None = None
        self._timer: QTimer | None = None
        self._wakeup: PgWakeup | None = None

    # --- Slots (run in the pump's thread) ------------------------------------------------------
    @Slot()
    def start(self) -> None:
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.poll)
        if not self.db.is_sqlite:
            self._wakeup = PgWakeup(self.db.engine.url, self)
            self._wakeup.sig_woken.connect(self.poll)
            self._wakeup.sig_lost.connect(self._set_interval)
            self._wakeup.listen()
        self._set_interval()
        self._timer.start()
        self.poll()

    @Slot()
    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self._wakeup is not None:
            self._wakeup.close()
        # Hand the object back to the GUI thread, so its owner may delete it once ours ends.
        self.moveToThread(QCoreApplication.instance().thread())

    @Slot()
    def reload(self) -> None:
        """Load the whole snapshot again (e.g. after a long outage or a day change)."""
        self._cursor = None
        self.poll()

    @Slot(str, list)
    def refresh_view(self, name: str, event_ids: list) -> None:
        """Load one read model for these events now, as if a change had touched them (a dock
        that starts showing an event asks for it; the answer is a ``sig_view_changed``)."""
        model = next((m for m in self.read_models if m.name == name), None)
        if model is None:
            return
        try:
            with self.db.session() as session:
                data = model.load_ids(session, list(event_ids), self.clock.now(), self.street_id)
        except SQLAlchemyError as exc:
            self._set_connected(False, _reason(exc))
            return
        self.sig_view_changed.emit(name, list(event_ids), data)

    @Slot()
    def poll(self) -> None:
        try:
            full_batch = self._read() if self._cursor else self._load()
        except SQLAlchemyError as exc:
            self._set_connected(False, _reason(exc))
            return
        self._set_connected(True, "")
        if full_batch:  # more rows are waiting: drain them without waiting for the timer
            QTimer.singleShot(0, self.poll)

    # --- Work ----------------------------------------------------------------------------------
    def _load(self) -> bool:
        now = self.clock.now()
        with self.db.session() as session:  # one transaction: every view opens at the same point
            if not self.db.is_sqlite:  # one snapshot too: a folding model starts exactly at the feed's start
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            snapshot = load_snapshot(session, now, self.recent_days, self.login, self.street_id)
            views = [(m.name, m.load_all(session, now, self.street_id)) for m in self.read_models]
        self._cursor = FeedCursor(snapshot.last_log_id, holes=snapshot.log_holes)
        log.info("console loaded: %d rows, log id %d", len(snapshot.rows), snapshot.last_log_id)
        self.sig_loaded.emit(snapshot)
        for name, data in views:
            self.sig_view_loaded.emit(name, data)
        return False

    def _read(self) -> bool:
        with self.db.session() as session:
            read = self._cursor.poll(session, self.batch)
            entries = [e for e in read if self.street_id is None or e.street_id == self.street_id]
            if not entries:
                return len(read) >= self.batch
            now, touched = self.clock.now(), touched_event_ids(entries)
            rows = load_rows(session, touched, now, self.street_id)
            views = [(m.name, m.fold(session, entries, now, self.street_id) if m.fold else
                      m.load_ids(session, touched, now, self.street_id)) for m in self.read_models]
        self.sig_entries.emit(entries)
        if rows:
            self.sig_rows_changed.emit(rows)
        for name, data in views:
            self.sig_view_changed.emit(name, touched, data)
        return len(read) >= self.batch

    @Slot()
    def _set_interval(self) -> None:
        if self._connected is False:
            interval = max(self.poll_ms, RETRY_MS)
        elif self._wakeup is not None and self._wakeup.listening:
            interval = max(self.poll_ms, LISTENING_POLL_MS)
        else:
            interval = self.poll_ms
        self._timer.setInterval(interval)

    def _set_connected(self, ok: bool, reason: str) -> None:
        if ok == self._connected:
            return
        self._connected = ok
        if ok and self._wakeup is not None:  # back after an outage: LISTEN again
            self._wakeup.listen()
        if self._timer is not None:
            self._set_interval()
        if not ok:
            log.warning("change feed: database unreachable: %s", reason)
        self.sig_connection.emit(ok, reason)


def _reason(exc: SQLAlchemyError) -> str:
    """The driver's own message, first line only (the SQLAlchemy wrapper adds SQL and a URL)."""
    text = str(getattr(exc, "orig", None) or exc)
    return text.splitlines()[0] if text else type(exc).__name__
