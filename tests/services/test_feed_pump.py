"""The feed pump: loads the snapshot in its thread, then reports what other writers change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, QThread, Slot

from commandroom.models.commands import Commands
from commandroom.models.db import Database
from commandroom.models.enums import Priority, Source, Status
from commandroom.models.queries import EventRow
from tests.services.seed import uncommitted_change, write_event


def test_snapshot_then_rows_written_after_start(qtbot, street_db, start_pump, dispatcher, clock):
    lat, lon = street_db.tiny.inside
    cmds = Commands(street_db, dispatcher, clock)
    before = cmds.receive(source=Source.HOTLINE_12345, title="井盖缺失")
    pump, snapshot = start_pump(street_db)
    assert [r.id for r in snapshot.rows] == [before.id]
    assert snapshot.street_name == "姚家街道" and snapshot.user.name == "张伟"

    with qtbot.waitSignal(pump.sig_rows_changed, timeout=5000) as changed:
        ref = cmds.receive(source=Source.GRID_PATROL, title="占道经营", priority=Priority.URGENT,
                           lat=lat, lon=lon)
    (row,) = changed.args[0]
    assert isinstance(row, EventRow)
    assert (row.id, row.code, row.status, row.priority) == (ref.id, ref.code, Status.RECEIVED,
                                                            Priority.URGENT)
    assert row.grid_name == "A社区1号院" and row.community_name == "A社区"

    with qtbot.waitSignal(pump.sig_rows_changed, timeout=5000) as changed:
        cmds.register(ref.id, ref.version, category_code="CG01")
    (row,) = changed.args[0]
    assert row.status == Status.REGISTERED and row.category_name == "占道经营"
    assert row.version == ref.version + 1


class _Receiver(QObject):
    def __init__(self):
        super().__init__()
        self.threads = []

    @Slot(list)
    def on_entries(self, entries):
        self.threads.append(QThread.currentThread())


def test_signals_arrive_in_the_gui_thread(qtbot, street_db, start_pump, dispatcher, clock):
    pump, _ = start_pump(street_db)
    receiver = _Receiver()  # a slot of a GUI-thread object: the connection is queued
    pump.pump.sig_entries.connect(receiver.on_entries)
    Commands(street_db, dispatcher, clock).receive(source=Source.WALK_IN, title="路灯不亮")
    qtbot.waitUntil(lambda: bool(receiver.threads), timeout=5000)
    assert receiver.threads[0] is QThread.currentThread()


def test_many_changes_come_in_batches_without_loss(qtbot, street_db, start_pump, dispatcher, clock):
    recorder, _ = start_pump(street_db)
    recorder.pump.batch = 7  # several polls, each draining the next without the timer
    cmds = Commands(street_db, dispatcher, clock)
    ids = {cmds.receive(source=Source.PHOTO_APP, title=f"随手拍{i}").id for i in range(30)}
    qtbot.waitUntil(lambda: ids <= recorder.rows.keys(), timeout=10_000)


def test_connection_reported_on_start(street_db, start_pump):
    _, connection = start_pump(street_db, loaded=False)
    assert connection == [True, ""]


def test_unreachable_database_is_reported(tmp_path, start_pump):
    path = tmp_path / "gone.sqlite3"
    db = Database(f"sqlite:///{path}")
    db.engine.dispose()
    path.unlink()
    path.mkdir()  # a directory where the file was: it cannot be opened
    _, (ok, reason) = start_pump(db, loaded=False)
    assert not ok and "unable to open" in reason


def test_postgresql_notify_wakes_the_pump_before_the_poll(qtbot, street_db, start_pump, dispatcher, clock):
    if street_db.is_sqlite:
        pytest.skip("SQLite has no NOTIFY: the poll is the only wake-up there")
    recorder, _ = start_pump(street_db, poll_ms=60_000)  # the timer alone would take a minute
    with qtbot.waitSignal(recorder.sig_rows_changed, timeout=5000) as changed:
        ref = Commands(street_db, dispatcher, clock).receive(source=Source.WALK_IN, title="电梯困人")
    assert [row.id for row in changed.args[0]] == [ref.id]


def test_a_change_still_open_when_the_console_loads_arrives_when_it_commits(
        qtbot, street_db, start_pump, clock):
    """A holds log row 2, B commits row 3, the console opens (newest id 3), A commits: the
    pump delivers row 2 and the event's fresh row."""
    if street_db.is_sqlite:
        pytest.skip("SQLite serialises writers: B cannot commit while A holds its row")
    first = write_event(street_db, clock.now())
    with uncommitted_change(street_db, first, clock.now(), status=Status.REGISTERED):
        write_event(street_db, clock.now(), "第二件")
        recorder, snapshot = start_pump(street_db)
        assert snapshot.last_log_id == 3 and recorder.rows[first].status == Status.RECEIVED
        entries = []
        recorder.sig_entries.connect(entries.extend)
    qtbot.waitUntil(lambda: recorder.rows[first].status == Status.REGISTERED, timeout=5000)
    assert [(e.id, e.event_id) for e in entries] == [(2, first)]


def test_read_models_open_with_the_snapshot_and_follow_the_touched_events(
        qtbot, street_db, start_pump, dispatcher, clock):
    """A dock's read model: its opening data after the snapshot, then fresh rows per change."""
    from sqlalchemy import select

    from commandroom.models import Event
    from commandroom.services.feed_pump import ReadModel

    def codes(session, ids=None):
        stmt = select(Event.id, Event.code, Event.status)
        if ids is not None:
            stmt = stmt.where(Event.id.in_(ids))
        return sorted(session.execute(stmt).all())

    model = ReadModel("codes", lambda s, now, street: codes(s),
                      lambda s, ids, now, street: codes(s, ids))
    cmds = Commands(street_db, dispatcher, clock)
    first = cmds.receive(source=Source.WALK_IN, title="路灯不亮")
    recorder, _ = start_pump(street_db, read_models=[model])
    qtbot.waitUntil(lambda: "codes" in recorder.views, timeout=5000)  # right after the snapshot
    assert [tuple(r) for r in recorder.views["codes"]] == [(first.id, first.code, Status.RECEIVED)]
    with qtbot.waitSignal(recorder.sig_view_changed, timeout=5000) as changed:
        second = cmds.receive(source=Source.GRID_PATROL, title="井盖缺失")
    name, touched, rows = changed.args
    assert name == "codes" and touched == [second.id]
    assert [tuple(r) for r in rows] == [(second.id, second.code, Status.RECEIVED)]
    assert first.id not in touched
