"""The scheduler in the application: its scan reaches the GUI thread by a queued signal, its
backup is a database that opens, its summary is written, and stopping it leaves no thread."""

from __future__ import annotations

import logging
import threading
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from commandroom.models import Alert, Event
from commandroom.models.commands import Commands
from commandroom.models.db import Database
from commandroom.models.enums import AlertLevel, Source
from commandroom.models.ladder import Thresholds
from commandroom.services.supervisor import Jobs, Supervisor
from tests.services.seed import OFFICER


class ScanRecorder(QObject):
    """Takes the supervisor's signal in the GUI thread (queued, as the alerts dock does)."""

    sig_scanned = Signal(object)

    def __init__(self, supervisor: Supervisor):
        super().__init__()
        self.threads: list[bool] = []
        supervisor.sig_scanned.connect(self.on_scanned)

    @Slot(object)
    def on_scanned(self, result):
        self.threads.append(QThread.currentThread() is QApplication.instance().thread())
        self.sig_scanned.emit(result)


def overdue_event(db, street, clock) -> int:
    cmds = Commands(db, OFFICER, clock)
    lat, lon = street.inside
    ref = cmds.receive(source=Source.HOTLINE_12345, title="占道经营", lat=lat, lon=lon)
    ref = cmds.register(ref.id, ref.version, category_code="CG01")
    ref = cmds.dispatch(ref.id, ref.version, lead_unit_id=street.units["综合执法中队"], assist_unit_ids=[])
    clock.advance(hours=2.5)  # the response limit (1 h) passed 1.5 hours ago
    return ref.id


def scheduler_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith(("APScheduler", "ThreadPoolExecutor"))]


def test_the_first_scan_reaches_the_gui_thread_by_signal_and_stop_leaves_no_thread(qtbot, street_db, clock):
    overdue_event(street_db, street_db.tiny, clock)
    before = set(threading.enumerate())
    supervisor = Supervisor(street_db, Thresholds(), console="console-1", clock=clock,
                            jobs=Jobs(interval_s=3600))
    recorder = ScanRecorder(supervisor)
    with qtbot.waitSignal(recorder.sig_scanned, timeout=10_000) as scanned:
        supervisor.start()
    result = scanned.args[0]
    assert {a.level for a in result.raised} == {AlertLevel.WARNING, AlertLevel.REMINDER, AlertLevel.SUPERVISION}
    assert all(a.late for a in result.raised)  # fell due while nothing was running
    assert recorder.threads == [True]
    assert supervisor.is_running()
    supervisor.stop()
    assert not supervisor.is_running()
    assert set(threading.enumerate()) <= before and not scheduler_threads()


def test_the_daily_backup_is_a_database_that_opens_and_old_ones_are_pruned(street_db, clock, tmp_path):
    if not street_db.is_sqlite:
        pytest.skip("PostgreSQL is backed up by its administrator (pg_dump)")
    folder = tmp_path / "backups"
    folder.mkdir()
    for days_ago in (3, 9):
        (folder / f"commandroom-{clock.now().date() - timedelta(days=days_ago):%Y%m%d}.sqlite3").write_bytes(b"")
    event_id = overdue_event(street_db, street_db.tiny, clock)
    supervisor = Supervisor(street_db, Thresholds(), console="console-1", clock=clock,
                            jobs=Jobs(backup_dir=folder, backup_keep_days=7))
    made = supervisor.backup_now()
    assert made.name == f"commandroom-{clock.now():%Y%m%d}.sqlite3"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [made.name, f"commandroom-{clock.now().date() - timedelta(days=3):%Y%m%d}.sqlite3"])
    restored = Database(f"sqlite:///{made}")
    try:
        with restored.session() as s:
            assert s.get(Event, event_id).title == "占道经营"
    finally:
        restored.dispose()


def test_the_daily_summary_goes_to_the_application_log(street_db, clock, caplog):
    overdue_event(street_db, street_db.tiny, clock)
    supervisor = Supervisor(street_db, Thresholds(), console="console-1", clock=clock)
    supervisor.scan_now()
    clock.advance(days=1)
    with caplog.at_level(logging.INFO, logger="commandroom.services.supervisor"):
        line = supervisor.summary_now()
    assert line in caplog.text
    assert "新提醒 3 条" in line and "在办事件 1 件" in line
    with street_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Alert)) == 3
    assert date.fromisoformat(line.split()[1][:10]) == (clock.now() - timedelta(days=1)).date()
