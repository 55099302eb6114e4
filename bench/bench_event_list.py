"""Benchmark: the console's event list with 10,000 events: a filter keystroke and a header click,
beside what the paint alone costs and a model reset to the same rows, in the same run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_event_list.py [--events 10000] [--repeat 3]

The list (``EventListPanel``: its model sorts and filters itself, no proxy) is shown at
1600×900 in the app's own style, style sheet and font; every timing includes the event loop's
turn that lays it out and paints it. The keystrokes type 燕翔路12 into the search box and delete
it, one character at a time. Times are wall clock and this process's CPU time (the machine is
shared: the CPU time is what the list itself costs).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402

from bench.qt_timing import timer  # noqa: E402
from commandroom.app import _application  # noqa: E402
from commandroom.config import Settings  # noqa: E402
from commandroom.models.clock import FrozenClock  # noqa: E402
from commandroom.models.enums import Status  # noqa: E402
from commandroom.views.events.event_list import EventListPanel  # noqa: E402
from commandroom.views.events.event_table_model import Col  # noqa: E402
from tests.views.conftest import NOW, make_row, make_snapshot  # noqa: E402

TYPED = ["燕", "燕翔", "燕翔路", "燕翔路1", "燕翔路12", "燕翔路1", "燕翔路", "燕翔", "燕", ""]


def _rows(count: int) -> list:
    rng = random.Random(1)
    rows = []
    for n in range(1, count + 1):
        row = make_row(n, address=f"{rng.choice(['燕翔路', '窑头路', '千佛山路'])}{rng.randint(1, 400)}号",
                       title=rng.choice(["占道经营", "垃圾满溢", "井盖缺失", "噪音扰民"]),
                       handle_due=NOW + timedelta(minutes=rng.randint(-300, 900)))
        if rng.random() < 0.4:
            row = replace(row, status=Status.CLOSED, closed_at=NOW, finished_at=NOW)
        rows.append(row)
    return rows


def _ms(values: list[float]) -> str:
    ordered = sorted(values)
    return f"p50 {ordered[len(ordered) // 2] * 1000:7.1f} ms   max {ordered[-1] * 1000:7.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    app = _application(Settings())
    panel = EventListPanel(FrozenClock(NOW))
    panel.resize(1600, 900)
    panel.show()
    rows = _rows(args.events)
    panel.load(make_snapshot(rows))
    app.processEvents()
    times: dict[str, list[float]] = {}
    timed = timer(app, times)

    for _ in range(args.repeat):
        for text in TYPED:
            timed("filter keystroke", lambda t=text: panel.filters.search.setText(t))
        for column in (Col.TITLE, Col.RECEIVED, Col.REMAINING):
            timed("header click", lambda c=column: panel.table.sortByColumn(c, Qt.SortOrder.AscendingOrder))
        for _ in TYPED:
            timed("baseline: the paint alone", lambda: panel.table.viewport().update())
        timed("baseline: the whole list reset", lambda: panel.model.set_rows(rows))
    print(f"{args.events:,} events, {len(TYPED)} keystrokes and 3 header clicks × {args.repeat}")
    for name, values in times.items():
        print(f"{name.replace('_cpu', ', CPU time'):42}{_ms(values)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
