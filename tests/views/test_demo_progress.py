"""The first run's progress dialog over a real demo build in its worker thread."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QPushButton

from commandroom.demo import has_street
from commandroom.services.demo_builder import DemoBuilder
from commandroom.services.worker_thread import WorkerThread
from commandroom.views.demo_progress import DemoProgressDialog

SMALL = dict(seed=3, per_day=20, end=date(2026, 11, 21))


def test_follows_the_build_to_the_end(qtbot, sqlite_db):
    builder = DemoBuilder(sqlite_db, days=3, **SMALL)
    dialog = DemoProgressDialog(builder)
    qtbot.addWidget(dialog)
    thread = WorkerThread(builder, "demo-builder-test")
    dialog.show()
    with qtbot.waitSignal(dialog.accepted, timeout=120_000):
        thread.start()
    assert thread.stop()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.failure is None
    assert (dialog.value(), dialog.maximum()) == (3, 3) and "3 / 3" in dialog.labelText()
    assert has_street(sqlite_db)


def test_cancel_leaves_no_street(qtbot, sqlite_db):
    builder = DemoBuilder(sqlite_db, days=400, **SMALL)
    dialog = DemoProgressDialog(builder)
    qtbot.addWidget(dialog)
    cancel = dialog.findChild(QPushButton)
    builder.sig_progress.connect(cancel.click)  # queued: the user clicks as soon as it moves
    thread = WorkerThread(builder, "demo-builder-test")
    dialog.show()
    with qtbot.waitSignal(dialog.rejected, timeout=120_000):
        thread.start()
    assert thread.stop()
    assert dialog.failure == "" and dialog.value() < 400
    assert not has_street(sqlite_db)


def test_a_failure_keeps_its_reason(qtbot, sqlite_db):
    builder = DemoBuilder(sqlite_db, days=3, seed=3, end=date(1999, 12, 31))
    dialog = DemoProgressDialog(builder)
    qtbot.addWidget(dialog)
    thread = WorkerThread(builder, "demo-builder-test")
    with qtbot.waitSignal(dialog.rejected, timeout=120_000):
        thread.start()
    assert thread.stop()
    assert "2000-01-01" in dialog.failure


def test_a_later_day_arriving_during_an_earlier_days_update_is_the_one_shown(qtbot, sqlite_db):
    """A modal progress dialog's ``setValue`` handles the pending events: the next day's
    progress (or the end) is shown inside the earlier day's update, which must not undo it."""
    dialog = DemoProgressDialog(DemoBuilder(sqlite_db, days=3, **SMALL))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.on_progress(1, 3)
    QTimer.singleShot(0, lambda: dialog.on_progress(3, 3))  # already queued behind day 2
    dialog.on_progress(2, 3)
    assert dialog.value() == 3 and "3 / 3" in dialog.labelText()
