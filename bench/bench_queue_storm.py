"""The call queue taking a storm, with another thread of the process busy in Python (as the
feed pump and the call desk are): each feed batch applied and the table repainted, timed.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_queue_storm.py [--batches 20] [--batch 300]

Baseline, in the same run: the queue as it was — rows appended, a ``QSortFilterProxyModel``
ordering them through a Python ``lessThan``, every role of a painted cell its own ``data()``
call, the batch in slices of 40 (one repaint each), the 1 ms switch interval. Now: the model
keeps its own order (``SortedRowsModel``), one ``multiData`` call per cell, the batch in one
go, 0.2 ms. Each figure is one batch's wall time (apply plus repaints: what the event loop is
held for) and the GUI thread's CPU time in it; their gap is the waiting for the GIL (and, on a
loaded machine, for a core: the first line says how busy it was).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
import timeit
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QAbstractTableModel, QSortFilterProxyModel  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from commandroom.models.clock import FrozenClock  # noqa: E402
from commandroom.models.enums import Priority, Source  # noqa: E402
from commandroom.models.queue import QueueRow  # noqa: E402
from commandroom.services.gil_pace import GUI_SWITCH_INTERVAL  # noqa: E402
from commandroom.views.calls.queue_model import CallQueueModel, _order  # noqa: E402
from commandroom.views.common.live_rows import LiveRowsModel  # noqa: E402

NOW = datetime(2026, 11, 16, 9, 0)
OLD_SWITCH_INTERVAL = 0.001
OLD_SLICE = 40


def report_row(n: int, rng_priority: int) -> QueueRow:
    return QueueRow(
        id=n, code=f"YJ20261116-{n:05d}", version=1, source=Source.HOTLINE_12345,
        priority=list(Priority)[rng_priority % len(Priority)], received_at=NOW + timedelta(milliseconds=n),
        title="垃圾堆放", text="小区门口垃圾堆放，已经三天无人清运", caller_name="王先生",
        caller_phone="13812341234", caller_phone_shown="138****1234", address="燕翔路12号", lat=None,
        lon=None, grid_id=11, grid_name="A社区1号院", community_name="A社区", contact_count=1,
        taken_by="", taken_by_name="", taken_console="", taken_at=None, holder_seen_at=None,
        holder_quiet=False)


class BeforeModel(CallQueueModel):
    """The queue's model as it was: rows appended in arrival order, each role its own call."""

    multiData = QAbstractTableModel.multiData  # noqa: N815 - Qt's own: one data() call per role
    set_rows = LiveRowsModel.set_rows
    _store = LiveRowsModel._store


class BeforeOrder(QSortFilterProxyModel):
    """The sorting proxy it was shown through (``QueueOrder``, as it was)."""

    def __init__(self, model):
        super().__init__()
        self.setDynamicSortFilter(True)
        self.setSortRole(0x0102)
        self.setSourceModel(model)
        self.sort(0)

    def lessThan(self, left, right) -> bool:  # noqa: N802
        model = self.sourceModel()
        return _order(model.row_at(left.row())) < _order(model.row_at(right.row()))


def busy_python(stop: threading.Event) -> None:
    """The feed pump building a batch's snapshots: Python holding the GIL between its switches."""
    while not stop.is_set():
        sum(i * i for i in range(2000))


def run(app, before: bool, batches: int, size: int, opening: int) -> list[tuple[float, float]]:
    model = (BeforeModel if before else CallQueueModel)("console-1", FrozenClock(NOW))
    view = QTableView()
    view.setModel(BeforeOrder(model) if before else model)
    view.resize(1600, 900)
    view.show()
    model.set_rows(report_row(n, n) for n in range(opening))
    app.processEvents()
    sys.setswitchinterval(OLD_SWITCH_INTERVAL if before else GUI_SWITCH_INTERVAL)
    stop = threading.Event()
    worker = threading.Thread(target=busy_python, args=(stop,))
    worker.start()
    times = []
    try:
        next_id = opening
        for _ in range(batches):
            rows = [report_row(next_id + n, next_id * 7 + n) for n in range(size)]
            next_id += size
            started, cpu = time.perf_counter(), time.thread_time()
            for start in range(0, size, OLD_SLICE if before else size):
                part = rows[start:start + (OLD_SLICE if before else size)]
                model.apply([row.id for row in part], part)
                view.viewport().repaint()
            times.append((time.perf_counter() - started, time.thread_time() - cpu))
            app.processEvents()
    finally:
        stop.set()
        worker.join()
        sys.setswitchinterval(0.005)
        view.close()
    return times


def summary(times: list[tuple[float, float]]) -> str:
    walls = sorted(w * 1000 for w, _ in times)
    cpus = sorted(c * 1000 for _, c in times)
    return (f"wall p50 {statistics.median(walls):7.1f} ms, max {walls[-1]:7.1f} ms | "
            f"GUI CPU p50 {statistics.median(cpus):6.1f} ms, max {cpus[-1]:6.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", type=int, default=20)
    parser.add_argument("--batch", type=int, default=300)
    parser.add_argument("--opening", type=int, default=5000)
    args = parser.parse_args()
    idle_us = min(timeit.repeat("sum(range(1000))", number=2000, repeat=5)) / 2000 * 1e6
    print(f"machine busy factor {idle_us / 8.0:.1f} (1.0 = idle); a queue of {args.opening} reports takes "
          f"{args.batches} batches of {args.batch}, another thread busy in Python throughout")
    app = QApplication.instance() or QApplication([])
    before = run(app, True, args.batches, args.batch, args.opening)
    now = run(app, False, args.batches, args.batch, args.opening)
    print(f"before (proxy, data() per role, slices of {OLD_SLICE}, 1 ms): {summary(before)}")
    print(f"now    (own order, multiData, one go, 0.2 ms):      {summary(now)}")
    ratio = statistics.median(w for w, _ in before) / statistics.median(w for w, _ in now)
    print(f"a batch holds the event loop {ratio:.1f}× less long (p50 wall)")


if __name__ == "__main__":
    main()
