"""The call queue's model: in-place updates, who may act on a report, the glow, the wait."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from commandroom.models.clock import FrozenClock
from commandroom.models.enums import Priority, Source
from commandroom.models.queue import QueueRow
from commandroom.views.calls.queue_model import CallQueueModel, Col, Hold, waiting

NOW = datetime(2026, 11, 16, 9, 0)
QUIET = timedelta(seconds=90)


def queue_row(event_id: int, **fields) -> QueueRow:
    row = QueueRow(
        id=event_id, code=f"YJ20261116-{event_id:04d}", version=1, source=Source.HOTLINE_12345,
        priority=Priority.NORMAL, received_at=NOW - timedelta(minutes=event_id), title="垃圾堆放",
        text="小区门口垃圾堆放", caller_name="王先生", caller_phone="13812341234",
        caller_phone_shown="138****1234", address="燕翔路12号", lat=None, lon=None, grid_id=11,
        grid_name="A社区1号院", community_name="A社区", contact_count=1, taken_by="",
        taken_by_name="", taken_console="", taken_at=None, holder_seen_at=None, holder_quiet=False)
    return replace(row, **fields)


def test_changes_update_rows_in_place_and_reports_that_left_are_removed(qtbot):
    model = CallQueueModel("console-1", FrozenClock(NOW))
    model.set_rows([queue_row(1), queue_row(2), queue_row(3)])
    resets, changed, inserted, removed = [], [], [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda a, b, roles: changed.append((a.row(), b.row())))
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    model.rowsRemoved.connect(lambda _p, a, b: removed.append((a, b)))

    # 2 changed, 1 registered (touched, not returned), 4 new.
    new = model.apply([1, 2, 4], [queue_row(2, version=2, taken_console="console-2"), queue_row(4)])

    assert [r.id for r in new] == [4]
    assert resets == []
    # In the officer's order, the longest waiting first: 3, 2, 1 before; 4 waited longest.
    assert removed == [(2, 2)]
    assert changed == [(1, 1)]  # report 2, in place
    assert inserted == [(0, 0)]
    assert model.ids() == (4, 3, 2)
    assert model.row_at(2).version == 2


def test_hold_follows_heartbeats_not_the_row_as_loaded(qtbot):
    clock = FrozenClock(NOW)
    model = CallQueueModel("console-1", clock)
    held = queue_row(3, taken_by="lina", taken_by_name="李娜", taken_console="console-2",
                     holder_seen_at=NOW, holder_quiet=False)  # the longest waiting: the first row
    model.set_rows([held, queue_row(2, taken_console="console-1", taken_by_name="张伟"), queue_row(1)])
    assert [model.hold(model.row_at(n)) for n in range(3)] == [Hold.OTHER, Hold.MINE, Hold.FREE]
    assert model.data(model.index(0, Col.HOLDER)) == "李娜（console-2） 处理中"

    clock.advance(seconds=60)
    model.set_presence({"console-2": NOW + timedelta(seconds=45)}, QUIET)  # it keeps beating
    model.tick()
    assert model.hold(model.row_at(0)) == Hold.OTHER

    clock.advance(seconds=120)  # no beat for 135 s: its lock has lapsed
    model.tick()
    assert model.hold(model.row_at(0)) == Hold.LAPSED
    assert model.data(model.index(0, Col.HOLDER)) == "李娜（console-2） 已离线"

    model.set_presence({}, QUIET)  # signed off: free at once
    assert model.hold(model.row_at(0)) == Hold.LAPSED


def test_a_new_report_glows_then_fades(qtbot):
    clock = FrozenClock(NOW)
    model = CallQueueModel("console-1", clock)
    model.set_rows([queue_row(1)])
    model.apply([5], [queue_row(5, received_at=NOW)])
    assert model.glow(1) == 0.0  # the opening rows are not news
    assert model.glow(5) == 1.0
    background = model.data(model.index(1, Col.REPORT), Qt.ItemDataRole.BackgroundRole)
    assert background.alphaF() == 1.0
    ticked = lambda: {i for i in (1, 5) if model.looks_ticked(i)}  # noqa: E731
    clock.advance(seconds=2)
    model.tick()
    assert ticked() == set() and model.glow(5) == 1.0  # a step every 3 s, not every second
    clock.advance(seconds=4)
    model.tick()
    assert ticked() == {5}  # its row is drawn again at each step: it fades
    assert model.glow(5) == 0.5
    clock.advance(seconds=10)
    model.tick()
    assert ticked() == {5}  # once more, without the glow
    assert model.glow(5) == 0.0
    clock.advance(seconds=1)
    model.tick()
    assert ticked() == set()  # only the waiting column reads the clock now
    taken = queue_row(1, version=2, taken_by="lina", taken_by_name="李娜", taken_console="console-2",
                      holder_seen_at=NOW, holder_quiet=False)
    model.apply([1], [taken])
    model.tick()
    assert ticked() == {1}  # a lock lapses by the clock: its row is drawn each second


def test_cells_mask_the_phone_and_count_the_wait(qtbot):
    clock = FrozenClock(NOW)
    model = CallQueueModel("console-1", clock)
    model.set_rows([queue_row(3, contact_count=2)])
    text = lambda col: model.data(model.index(0, col))  # noqa: E731
    assert text(Col.CALLER) == "王先生 138****1234"
    assert "13812341234" not in "".join(text(c) or "" for c in Col)
    assert text(Col.WAITING) == "3:00"
    assert text(Col.REPORT).startswith("（2次反映）垃圾堆放")
    assert model.data(model.index(0, Col.SOURCE), Qt.ItemDataRole.DecorationRole) is not None
    clock.advance(seconds=5)
    model.tick()
    assert text(Col.WAITING) == "3:05"
    assert waiting(NOW - timedelta(hours=1, minutes=5), NOW) == "1时5分"


def test_a_take_read_after_the_heartbeats_counts_as_a_beat(qtbot):
    clock = FrozenClock(NOW)
    model = CallQueueModel("console-1", clock)
    model.set_rows([queue_row(1)])
    model.set_presence({"console-1": NOW}, QUIET)  # console-2 had not beaten yet
    taken = queue_row(1, version=2, taken_by="lina", taken_by_name="李娜", taken_console="console-2",
                      holder_seen_at=NOW, holder_quiet=False)
    model.apply([1], [taken])
    assert model.hold(model.row_at(0)) == Hold.OTHER
    model.set_presence({"console-1": NOW}, QUIET)  # and then it signed off
    assert model.hold(model.row_at(0)) == Hold.LAPSED


def test_the_most_urgent_first_then_the_longest_waiting(qtbot):
    model = order = CallQueueModel("console-1", FrozenClock(NOW))  # the model keeps the order
    model.set_rows([queue_row(30), queue_row(20, priority=Priority.HIGH), queue_row(10)])
    assert [order.row_at(n).id for n in range(3)] == [20, 30, 10]
    model.apply([1], [queue_row(1, priority=Priority.URGENT)])  # a gas leak, a minute ago
    assert [order.row_at(n).id for n in range(4)] == [1, 20, 30, 10]
    assert order.row_of(30) == 2
    model.apply([30], [queue_row(30, priority=Priority.URGENT, version=2)])  # made urgent
    assert [order.row_at(n).id for n in range(4)] == [30, 1, 20, 10]


def test_the_wait_turns_amber_then_red_by_the_intake_limit(qtbot):
    from commandroom.views.common import palette

    clock = FrozenClock(NOW)
    model = CallQueueModel("console-1", clock)
    model.set_rows([queue_row(4, priority=Priority.URGENT), queue_row(6)])  # 4 and 6 min ago
    colour = lambda n: model.data(model.index(n, Col.WAITING), Qt.ItemDataRole.ForegroundRole)  # noqa: E731
    assert (colour(0), colour(1)) == (None, None)
    clock.advance(minutes=2)  # urgent 6 min of 10, normal 8 of 30
    model.tick()
    assert (colour(0), colour(1)) == (palette.DUE_SOON_TEXT, None)
    clock.advance(minutes=5)  # urgent 11 of 10, normal 13 of 30
    model.tick()
    assert (colour(0), colour(1)) == (palette.OVERDUE_TEXT, None)
    clock.advance(minutes=20)  # normal 33 of 30
    model.tick()
    assert colour(1) == palette.OVERDUE_TEXT
