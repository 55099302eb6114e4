"""Fixtures for the services and views tests: a street on a SQLite file, a running feed pump,
and a check that fails any test which leaves a worker thread running."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Signal, Slot

from commandroom.models.actor import Actor
from commandroom.models.enums import Role
from commandroom.services.feed_pump import FeedPump
from commandroom.services.supervisor import running as supervisors_running
from commandroom.services.worker_thread import WorkerThread, running
from tests.services.seed import seed_street


@pytest.fixture(autouse=True)
def no_leaked_workers():
    yield
    leaked = running()
    for worker in leaked:
        worker.stop()
    schedulers = supervisors_running()
    for supervisor in schedulers:
        supervisor.stop()
    assert not leaked, f"worker threads left running: {[w.thread.objectName() for w in leaked]}"
    assert not schedulers, "a supervision scheduler was left running"


@pytest.fixture
def street_db(db):
    """The tiny street, on SQLite and on PostgreSQL (the feed is polled the same way on both)."""
    db.tiny = seed_street(db)  # the ids and a point inside grid A1
    return db


class PumpRecorder(QObject):
    """Receives a pump's signals in the GUI thread (queued, as a window does) and re-emits them.

    pytest-qt's ``waitSignal`` connects a plain function, which Qt calls directly in the
    emitting (pump) thread and which then stops a GUI-thread timer from there; waiting on
    these re-emitted signals instead keeps every wait in the GUI thread.
    """

    sig_loaded = Signal(object)
    sig_rows_changed = Signal(list)
    sig_entries = Signal(list)
    sig_connection = Signal(bool, str)
    sig_view_loaded = Signal(str, object)
    sig_view_changed = Signal(str, list, object)

    def __init__(self, pump: FeedPump):
        super().__init__()
        self.pump = pump
        self.rows: dict[int, object] = {}  # latest snapshot seen per event id
        pump.sig_loaded.connect(self.on_loaded)
        pump.sig_rows_changed.connect(self.on_rows_changed)
        pump.sig_entries.connect(self.sig_entries)
        pump.sig_connection.connect(self.sig_connection)
        self.views: dict[str, object] = {}  # each read model's opening data
        pump.sig_view_loaded.connect(self.on_view_loaded)
        pump.sig_view_changed.connect(self.sig_view_changed)

    @Slot(object)
    def on_loaded(self, snapshot):
        self.rows = {row.id: row for row in snapshot.rows}
        self.sig_loaded.emit(snapshot)

    @Slot(str, object)
    def on_view_loaded(self, name, data):
        self.views[name] = data
        self.sig_view_loaded.emit(name, data)

    @Slot(list)
    def on_rows_changed(self, rows):
        self.rows.update((row.id, row) for row in rows)
        self.sig_rows_changed.emit(rows)


@pytest.fixture
def start_pump(qtbot, clock):
    """Start a feed pump on a database; returns its recorder and the opening snapshot."""
    threads = []

    def start(db, *, poll_ms=20, recent_days=7, loaded=True, street_id=None, read_models=()):
        pump = FeedPump(db, login="duty", street_id=street_id, recent_days=recent_days,
                        poll_ms=poll_ms, clock=clock, read_models=read_models)
        recorder = PumpRecorder(pump)
        thread = WorkerThread(pump, "feed-pump-test")
        threads.append(thread)
        signal = recorder.sig_loaded if loaded else recorder.sig_connection
        with qtbot.waitSignal(signal, timeout=10_000) as first:
            thread.start()
        return recorder, first.args[0] if loaded else first.args

    yield start
    for thread in threads:
        assert thread.stop()


@pytest.fixture
def dispatcher():
    return Actor(login="duty", role=Role.DUTY_OFFICER, console="console-2", name="张伟")
