"""The first-run demo street, built in a worker thread: progress, the street, a refusal in
words, and a cancel that writes nothing; no thread is left behind (the conftest checks)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QObject, Qt, Signal, Slot

from commandroom.demo import has_street
from commandroom.services.demo_builder import DemoBuilder
from commandroom.services.worker_thread import WorkerThread

SMALL = dict(seed=3, per_day=20, end=date(2026, 11, 21))


class Recorder(QObject):
    """Takes the builder's signals in the GUI thread (queued), as the progress dialog does."""

    sig_done = Signal(str)

    def __init__(self, builder: DemoBuilder):
        super().__init__()
        self.progress: list[tuple[int, int]] = []
        self.outcome = None
        builder.sig_progress.connect(self.on_progress)
        builder.sig_finished.connect(self.on_finished)
        builder.sig_failed.connect(self.on_failed)
        builder.sig_cancelled.connect(self.on_cancelled)

    @Slot(int, int)
    def on_progress(self, done, total):
        self.progress.append((done, total))

    @Slot(object)
    def on_finished(self, summary):
        self.outcome = summary
        self.sig_done.emit("finished")

    @Slot(str)
    def on_failed(self, reason):
        self.outcome = reason
        self.sig_done.emit("failed")

    @Slot()
    def on_cancelled(self):
        self.sig_done.emit("cancelled")


@pytest.fixture
def build(qtbot):
    threads = []

    def run(db, cancel_after=None, **options) -> tuple[str, Recorder]:
        builder = DemoBuilder(db, **(SMALL | options))
        recorder = Recorder(builder)
        if cancel_after is not None:  # in the builder's thread, at once: as a click would
            builder.sig_progress.connect(
                lambda done, _total: done >= cancel_after and builder.cancel(),
                Qt.ConnectionType.DirectConnection)
        thread = WorkerThread(builder, "demo-builder-test")
        threads.append(thread)
        with qtbot.waitSignal(recorder.sig_done, timeout=120_000) as done:
            thread.start()
        assert thread.stop()
        return done.args[0], recorder

    yield run
    for thread in threads:
        thread.stop()


def test_builds_the_street_and_tells_each_day(build, sqlite_db):
    outcome, recorder = build(sqlite_db, days=3)
    assert outcome == "finished" and recorder.outcome.events == 60
    assert recorder.progress == [(1, 3), (2, 3), (3, 3)]
    assert has_street(sqlite_db)


def test_a_refusal_is_told_in_words(build, sqlite_db):
    outcome, recorder = build(sqlite_db, days=2, end=date(1999, 1, 1))
    assert outcome == "failed" and "2000-01-01" in recorder.outcome
    assert not has_street(sqlite_db)


def test_cancel_writes_nothing(build, sqlite_db):
    outcome, recorder = build(sqlite_db, days=40, cancel_after=2)
    assert outcome == "cancelled"
    assert recorder.progress == [(1, 40), (2, 40)]
    assert not has_street(sqlite_db)
