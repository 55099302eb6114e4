"""The dispatch board with 10,000 open events: 1,000 change-feed cards applied in place, beside a
full model reset to the same state in the same run; and a filter keystroke.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_board.py [--events 10000] [--changes 1000] [--repeat 7]

Two real board docks (``BoardPanel``: five lane models, their views and delegates, the units
panel) are shown side by side at 1920×600 offscreen; every timing includes the event loop's turns
after it until the panel has painted what it shows (an item view lays out on a zero timer and
paints on the turn after: one turn would leave A's paint to be counted in B's time). The paint
events each panel received inside its own timings are counted and printed, so a paint counted
on the wrong side shows. Times are wall clock and this process's CPU time (the machine is shared;
the CPU time is what the board itself costs). Each batch brings the same 1,000 changed cards
to both: board A applies them (``apply``: in place), board B loads the whole new state
(``load``: ``beginResetModel``, what a model without in-place updates does on every change).
A batch is what a busy hour brings: 70 % changed within their lane (a new version and title,
half of them a new due time that reorders the lane), 30 % moved on to the next lane.

Then the same from the database (SQLite, 10,000 open events with their assignments), with each
batch written as commands write (the rows and their log rows, ``write_batch``): what the console
does per batch — the board's read model folds the batch's log rows into the rows it keeps
(``BoardFold.fold``: the fold, the touched cards, the unit cards) and A applies and paints them —
beside the whole board read (``load_board_view``) plus B's reset. The feed's read of the batch's
log rows is every dock's (the event list, the alerts, the queue read them too), so it is printed
apart, and the ratio with it counted in too; so is the read of the touched cards the pump did
before (``load_board_changes``), for comparison.

Between two timings the bench waits ``IDLE_S`` (an officer's typing pace), so the lanes' drawing
ahead in idle turns (``card_views.WARM_DELAY_MS``) is done before the next timing starts. The
keystrokes type 垃圾 into the filter box and delete it, one character at a time; each kind is
timed apart (its median and max, wall and CPU), with the cards it had to draw for the first time
(the lanes draw ahead only the next screens of what they show). In this data 垃 and 垃圾 match
the same cards (垃圾堆放), so 垃 → 垃圾 and back change no lane.
The machine is shared: the first line says how busy it was (a pure-Python loop against its
usual time), since every figure here scales with it; the ratios do not.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import timeit
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget  # noqa: E402
from sqlalchemy import select  # noqa: E402

from commandroom.app import _application  # noqa: E402
from commandroom.config import Settings  # noqa: E402
from commandroom.models import Category, CategoryLimit, Event, Grid, Street, Unit  # noqa: E402
from commandroom.models.board import LANE_OF  # noqa: E402
from commandroom.models import transitions  # noqa: E402
from commandroom.models.actor import SYSTEM  # noqa: E402
from commandroom.models.board_fold import BoardFold  # noqa: E402
from commandroom.models.board_view import BoardData, load_board_changes, load_board_view  # noqa: E402
from commandroom.models.change import Change  # noqa: E402
from commandroom.models.changefeed import FeedCursor, latest_id  # noqa: E402
from commandroom.models.commands.base import CommandBase, new_command_id  # noqa: E402
from commandroom.models.clock import FrozenClock  # noqa: E402
from commandroom.models.db import Database  # noqa: E402
from commandroom.services import gil_pace  # noqa: E402
from commandroom.models.enums import Action, AssignmentRole, Lane, Priority, Source, Status, UnitType  # noqa: E402
from commandroom.models.events import Assignment  # noqa: E402
from tests.views.board.cards import NOW, STATUSES, board, unit  # noqa: E402

NEXT = {Status.REGISTERED: Status.DISPATCHED, Status.DISPATCHED: Status.ACKNOWLEDGED,
        Status.ACKNOWLEDGED: Status.IN_PROGRESS, Status.IN_PROGRESS: Status.RESOLVED,
        Status.RESOLVED: Status.VERIFIED, Status.VERIFIED: Status.IN_PROGRESS}
SQUARE = "POLYGON((117 36.6, 117.01 36.6, 117.01 36.61, 117 36.61, 117 36.6))"
IDLE_LOOP_US = 8.0  # sum(range(1000)) on an idle core of this class


def changed(cards, count: int, round_no: int):
    """``count`` cards spread over the board, changed as the feed would bring them."""
    step = max(1, len(cards) // count)
    out = []
    for n, card in enumerate(cards[round_no % step::step][:count]):
        if n % 10 < 7:
            due = card.handle_due + timedelta(minutes=37 * (round_no + 1)) if card.handle_due and n % 2 else card.handle_due
            out.append(replace(card, version=card.version + 1, title=card.title + "·", handle_due=due))
        else:
            status = NEXT[card.status]
            out.append(replace(card, version=card.version + 1, status=status, lane=LANE_OF[status]))
    return out


KEYSTROKES = (("垃", "key: '' → 垃"), ("垃圾", "key: 垃 → 垃圾"), ("垃", "key: 垃圾 → 垃"), ("", "key: 垃 → ''"))
"""The filter box's text after each keystroke, and the kind of keystroke (timed apart)."""

TURNS = 4  # event-loop turns after the work: the delayed layout, the paint, its echo, and a spare


class Paints(QObject):
    """Counts the paint events of a panel's lanes and units panel."""

    def __init__(self, panel):
        super().__init__()
        self.count = 0
        for view in (*panel.lane_views.values(), panel.units_view):
            view.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


CPU: dict[str, list[float]] = {}


IDLE_S = 0.15  # between two timings: an officer's typing pace, and the lanes' idle drawing ahead


def settle(app) -> None:
    """Untimed: let whatever the last timing left behind (a timer, a paint, the lanes' drawing
    ahead once they are quiet: ``card_views.WARM_DELAY_MS``) happen now, so it is not counted in
    the next one."""
    end = time.perf_counter() + IDLE_S
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)


def timed(app, work, cpu_key: str | None = None, start=None) -> float:
    """Wall ms of the work and the event loop's turns after it (CPU ms kept under ``cpu_key``;
    ``start()``, if given, is called once settled, as the timing starts)."""
    settle(app)
    if start:
        start()
    started, cpu = time.perf_counter(), time.process_time()
    work()
    for _ in range(TURNS):
        app.processEvents()
    if cpu_key:
        CPU.setdefault(cpu_key, []).append((time.process_time() - cpu) * 1000)
    return (time.perf_counter() - started) * 1000


def panels(app):
    from commandroom.views.board.board_panel import BoardPanel

    host = QWidget()
    row = QHBoxLayout(host)
    a, b = BoardPanel(FrozenClock(NOW)), BoardPanel(FrozenClock(NOW))
    for panel in (a, b):  # the clock is frozen: the countdown's tick would only repaint, inside some timing
        panel._timer.stop()
    row.addWidget(a)
    row.addWidget(b)
    host.resize(3840, 600)
    host.show()
    app.processEvents()
    return host, a, b


def count_resets(panel) -> list:
    resets = []
    for model in panel.cards.lanes.values():
        model.modelReset.connect(lambda: resets.append(1))
    return resets


def in_memory(app, args) -> dict:
    host, a, b = panels(app)
    units = tuple(unit(i) for i in range(1, 34))
    cards = board(args.events)
    for panel in (a, b):
        panel.load(BoardData(tuple(cards), units))
    app.processEvents()
    gil_pace.settle_heap()  # as the console does once it has opened (app.py)
    resets = count_resets(a)
    paints_a, paints_b = Paints(a), Paints(b)
    own_paints = {"a": [0, 0], "b": [0, 0]}  # (its own, the other's) paints inside its timings
    current = {c.id: c for c in cards}
    apply_ms, reset_ms = [], []
    for round_no in range(args.repeat):
        batch = changed(list(current.values()), args.changes, round_no)
        current.update((c.id, c) for c in batch)
        data = BoardData(tuple(batch), units, touched=tuple(c.id for c in batch))
        for side, panel, mine, other in (("a", a, paints_a, paints_b), ("b", b, paints_b, paints_a)):
            settle(app)
            before = (mine.count, other.count)
            if side == "a":
                apply_ms.append(timed(app, lambda: a.apply(data), "apply"))
            else:
                whole = BoardData(tuple(current.values()), units)
                reset_ms.append(timed(app, lambda: b.load(whole), "reset"))
            own_paints[side][0] += mine.count - before[0]
            own_paints[side][1] += other.count - before[1]
    keystroke_ms = {key: [] for _, key in KEYSTROKES}
    drawn = {key: 0 for _, key in KEYSTROKES}
    delegate = a.lane_views[Lane.TO_DISPATCH].itemDelegate()
    for _ in range(args.repeat):
        for text, key in KEYSTROKES:
            before = []
            keystroke_ms[key].append(timed(app, lambda t=text: a.filter_text.setText(t), key,
                                           start=lambda: before.append(delegate.drawn)))
            drawn[key] += delegate.drawn - before[0]
    a.filter_text.setText("垃圾")
    narrowed = sum(m.rowCount() for m in a.cards.lanes.values())
    a.filter_text.setText("")
    same = all(a.cards.lanes[lane].ids() == b.cards.lanes[lane].ids() for lane in a.cards.lanes)
    host.close()
    CPU["keystroke"] = [ms for _, key in KEYSTROKES for ms in CPU[key]]
    return {"apply": apply_ms, "reset": reset_ms, **keystroke_ms, "drawn": drawn, "resets": len(resets),
            "keystroke": [ms for values in keystroke_ms.values() for ms in values],
            "narrowed": narrowed, "same": same, "paints": own_paints}


def seed(db: Database, events: int) -> list[int]:
    """A street with 5 units, one category, ``events`` open events spread over the lanes, each
    held one with its lead assignment. Returns the event ids."""
    with db.session() as s:
        street = Street(code="B", abbr="BM", name="基准街道", district="历下区")
        s.add(street)
        s.flush()
        community = Grid(street_id=street.id, level=3, code="C", name="基准社区", polygon=SQUARE)
        s.add(community)
        s.flush()
        grid = Grid(street_id=street.id, level=4, code="C1", name="基准1号院", parent_id=community.id, polygon=SQUARE)
        category = Category(code="CG01", class_name="城市管理", name="占道经营", lead_unit_type=UnitType.RESIDENT_UNIT,
                            limits=[CategoryLimit(priority=p, response_minutes=30, handling_minutes=1440) for p in Priority])
        units = [Unit(street_id=street.id, code=f"U{n}", name=f"单位{n}", type=UnitType.RESIDENT_UNIT, on_duty=5)
                 for n in range(5)]
        s.add_all([grid, category, *units])
        s.flush()
        rows = []
        for n in range(events):
            status = STATUSES[n % len(STATUSES)]
            held = status != Status.REGISTERED
            rows.append(Event(code=f"BM{n:06d}", street_id=street.id, status=status, source=Source.HOTLINE_12345,
                              priority=Priority.NORMAL, version=3, title=f"占道经营{n}", address=f"基准路{n}号",
                              grid_id=grid.id, category_id=category.id, received_at=NOW - timedelta(minutes=n),
                              lead_unit_id=units[n % 5].id if held else None,
                              dispatched_at=NOW - timedelta(minutes=n % 600) if held else None,
                              handle_due=NOW + timedelta(hours=n % 48 - 8) if held else None))
        s.add_all(rows)
        s.flush()
        s.add_all(Assignment(event_id=e.id, unit_id=e.lead_unit_id, role=AssignmentRole.LEAD, dispatched_at=e.dispatched_at)
                  for e in rows if e.lead_unit_id)
        return [e.id for e in rows]


MOVE = {Status.REGISTERED: Action.DISPATCH, Status.DISPATCHED: Action.ACKNOWLEDGE,
        Status.ACKNOWLEDGED: Action.START, Status.IN_PROGRESS: Action.RESOLVE, Status.RESOLVED: Action.VERIFY,
        Status.VERIFIED: Action.REWORK}


def write_batch(db: Database, touched: list[int], round_no: int) -> None:
    """Untimed: the batch's commands, written the way every command writes (``_record``: the
    change to the rows and its ``event_log`` row with the change's payload). As in memory: 70 %
    change within their lane (another contact's title, half of them an extension's new due
    time, which reorders the lane), 30 % move on (a dispatch adds the lead's assignment)."""
    writer = CommandBase(db, SYSTEM, FrozenClock(NOW))
    with db.writing() as s:
        events = s.scalars(select(Event).where(Event.id.in_(touched)).order_by(Event.id)).all()
        for n, event in enumerate(events):
            if n % 10 < 7 and n % 2 and event.handle_due is not None:
                action, change = Action.APPROVE_EXTENSION, Change(event={
                    "handle_due": event.handle_due + timedelta(minutes=37 * (round_no + 1))})
            elif n % 10 < 7:
                action, change = Action.ATTACH_CONTACT, Change(event={"title": event.title + "·",
                                                                      "contact_count": event.contact_count + 1})
            elif event.status == Status.REGISTERED:
                action = Action.DISPATCH
                change = transitions.dispatch(event, now=NOW, lead=event.street_id and UNIT_IDS[n % len(UNIT_IDS)],
                                              assists=(), active=(), response_due=NOW + timedelta(minutes=30),
                                              handle_due=NOW + timedelta(hours=n % 48 - 8))
            else:
                action, change = MOVE[event.status], Change()
            if action in MOVE.values():
                change.event["status"] = NEXT[event.status]
            writer._record(s, event, action, NOW, change, new_command_id())


UNIT_IDS: list[int] = []


def from_database(app, args) -> dict:
    """Per batch, what the console does: the feed pump reads the batch's log rows and folds them
    into the board's rows (``BoardFold.fold``: no read of the events; the unit cards' aggregate),
    the board applies the touched cards and paints; beside the whole board read from the tables
    (``load_board_view``) and a reset. Also the read of the touched cards the pump did before
    (``load_board_changes``), alone, for comparison."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        try:
            ids = seed(db, args.events)
            with db.session() as s:
                UNIT_IDS[:] = s.scalars(select(Unit.id).order_by(Unit.id)).all()
            host, a, b = panels(app)
            fold = BoardFold()
            with db.session() as s:
                cursor = FeedCursor(latest_id(s))
                opening = fold.load(s, NOW, None)
            for panel in (a, b):
                panel.load(opening)
            app.processEvents()
            gil_pace.release_heap()
            gil_pace.settle_heap()
            incremental, whole, narrow, log_read = [], [], [], []
            step = max(1, len(ids) // args.changes)
            for round_no in range(args.repeat):
                touched = ids[round_no % step::step][:args.changes]
                write_batch(db, touched, round_no)

                entries = []

                def read_log():  # the pump's read of the batch: every dock's, not the board's own
                    with db.session() as s:
                        entries[:] = cursor.poll(s, 2 * args.changes)

                def fold_and_apply():
                    with db.session() as s:  # the pump's session (the fold asks nothing of it)
                        data = fold.fold(s, entries, NOW, None)
                    a.apply(data)

                def read_all_and_reset():
                    with db.session() as s:
                        data = load_board_view(s, NOW, None)
                    b.load(data)

                def read_touched():
                    with db.session() as s:
                        load_board_changes(s, touched, NOW, None)

                log_read.append(timed(app, read_log, "log"))
                incremental.append(timed(app, fold_and_apply, "incremental"))
                whole.append(timed(app, read_all_and_reset, "whole"))
                narrow.append(timed(app, read_touched, "narrow"))
            same = all([m.card_at(r) for r in range(m.rowCount())] == [n.card_at(r) for r in range(n.rowCount())]
                       for m, n in zip(a.cards.lanes.values(), b.cards.lanes.values()))
            host.close()
            return {"incremental": incremental, "whole": whole, "narrow": narrow, "log": log_read, "db_same": same}
        finally:
            db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--changes", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    app = QApplication.instance() or _application(Settings())  # styled as the console is
    loop_us = timeit.timeit("sum(range(1000))", number=2000) / 2000 * 1e6

    memory = in_memory(app, args)
    db = from_database(app, args)
    med = {k: statistics.median(v) for k, v in (*memory.items(), *db.items()) if isinstance(v, list)}
    print(f"machine: sum(range(1000)) takes {loop_us:.0f} µs now (idle: ~{IDLE_LOOP_US:.0f} µs), "
          f"so figures are ~{loop_us / IDLE_LOOP_US:.1f}x an idle core's")
    print(f"board: {args.events:,} open events, {args.changes:,} changed cards per batch, {args.repeat} batches")
    cpu = {k: statistics.median(v) for k, v in CPU.items()}
    print(f"{'what':<58}{'median ms':>10}{'max ms':>9}{'CPU ms':>9}{'CPU max':>9}")
    rows = [("A: apply 1,000 feed cards in place (GUI thread)", "apply"),
            ("B: full model reset to the same state (baseline)", "reset"),
            ("A: a feed batch: fold + cards + apply + paint", "incremental"),
            ("B: read the whole board from SQLite + reset (baseline)", "whole"),
            ("(the feed's read of the batch's 1,000 log rows, all docks')", "log"),
            ("(before: read the 1,000 touched cards alone, no apply)", "narrow"),
            *((f"filter keystroke {key[5:]} (cards drawn: {memory['drawn'][key]})", key) for _, key in KEYSTROKES),
            ("filter keystroke, every kind (goal: each < 30 ms)", "keystroke")]
    for label, key in rows:
        values = memory.get(key) or db.get(key)
        print(f"{label:<58}{med[key]:>10.1f}{max(values):>9.1f}{cpu[key]:>9.1f}{max(CPU[key]):>9.1f}")
    print(f"in place vs reset: {med['reset'] / med['apply']:.1f}x wall, {cpu['reset'] / cpu['apply']:.1f}x CPU; "
          f"from the database: {med['whole'] / med['incremental']:.1f}x wall, "
          f"{cpu['whole'] / cpu['incremental']:.1f}x CPU (goal ≥ 10x; with the log read counted too: "
          f"{med['whole'] / (med['incremental'] + med['log']):.1f}x wall, "
          f"{cpu['whole'] / (cpu['incremental'] + cpu['log']):.1f}x CPU); apply goal < 50 ms; keystroke goal < 30 ms")
    paints = memory["paints"]
    print(f"paints inside the timings: A {paints['a'][0]} of its own, {paints['a'][1]} of B's; "
          f"B {paints['b'][0]} of its own, {paints['b'][1]} of A's (the other's must be 0)")
    print(f"resets of A during its batches: {memory['resets']} (must be 0); A and B show the same lanes: "
          f"{memory['same']}, from the database: {db['db_same']}; '垃圾' shows {memory['narrowed']:,} cards")


if __name__ == "__main__":
    main()
