"""Benchmark: the meeting mode on a busy week, beside rebuilding from scratch at each frame.

    .venv/bin/python bench/bench_meeting.py [--per-day 2400] [--days 14] [--db FILE] [--seeks 100]

A demo street with ``--per-day`` events a day (2,400 make a week of about 150,000 log rows) is
generated (or ``--db`` reused). Then, for the last full week:

- opening: ``meeting_data.load`` (the report, the replay with its checkpoints, the names, the
  list's cursor with its opening rows);
- seek: the slider to ``--seeks`` random instants, each giving the event list as it stood
  (``RowsCursor.move``: from the nearest base, the rows changed since made again and merged into
  the base's order: the whole list in the list's opening order, which the window takes as it is);
- playback: 20 frames a second at one hour a second, i.e. instants 3 minutes apart for a day;
- the window's frame: the same playback drawn by the meeting window (cursor, the list's model
  placing the changed rows, paint), beside the same frames painted by Qt's own item delegate
  over the whole viewport (the paint before ``views/common/laid_cells.py``) and the same window
  reloading its whole list at each frame; and the window's seek: the slider to the same random
  instants, drawn;
- baselines, same run: every row made again at each instant from the nearest checkpoint and
  sorted (the previous way), and rebuilding from scratch (fold the street's whole log up to the
  instant with ``replay.state_at``, then the same rows), for a tenth of the seeks;
- the report: ``weekly.build``, then the XLSX and the PDF.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.qt_timing import timer  # noqa: E402
from commandroom.demo import generate, has_street  # noqa: E402
from commandroom.models import meeting_data, replay, report_xlsx, weekly  # noqa: E402
from commandroom.models.db import Database  # noqa: E402
from commandroom.models.replay_rows import event_rows  # noqa: E402
from commandroom.models.week import week_of  # noqa: E402

RECENT_DAYS = 7
END = date(2026, 11, 21)


def _ms(values: list[float]) -> str:
    ordered = sorted(values)
    return (f"p50 {ordered[len(ordered) // 2] * 1000:8.1f} ms   p90 {ordered[int(len(ordered) * .9)] * 1000:8.1f} ms"
            f"   p99 {ordered[int(len(ordered) * .99)] * 1000:8.1f} ms   max {ordered[-1] * 1000:8.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-day", type=int, default=2400)
    parser.add_argument("--days", type=int, default=14)
    parser.add_argument("--db", default=None, help="a SQLite file to reuse")
    parser.add_argument("--seeks", type=int, default=100)
    args = parser.parse_args()
    path = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "bench_meeting.sqlite3"
    db = Database(f"sqlite:///{path}")
    if not has_street(db):
        started = time.perf_counter()
        generate(db, days=args.days, seed=1, per_day=args.per_day, end=END)
        db.analyze()
        print(f"generated {args.days} days × {args.per_day} events in {time.perf_counter() - started:.0f} s")
    week = week_of(END - timedelta(days=7))
    rng = random.Random(1)
    with db.session() as session:
        started = time.perf_counter()
        data = meeting_data.load(session, 1, week, datetime.combine(END, datetime.min.time()))
        opening = time.perf_counter() - started
        gc.freeze()  # as services/meeting_loader.py does after loading
        rows_in_week = len(data.replay.entries)
        span = (data.replay.end - data.replay.start).total_seconds()
        instants = [data.replay.start + timedelta(seconds=rng.uniform(0, span)) for _ in range(args.seeks)]
        cursor, cache = data.cursor, {}
        seeks, seeks_cpu, checkpointed = [], [], []
        for at in instants:
            started, cpu = time.perf_counter(), time.process_time()
            cursor.move(at)
            seeks.append(time.perf_counter() - started)
            seeks_cpu.append(time.process_time() - cpu)
        for at in instants:
            started = time.perf_counter()
            event_rows(data.replay.state_at(at), data.names, at, RECENT_DAYS, cache)
            checkpointed.append(time.perf_counter() - started)
        frames, frames_cpu, frame_old = [], [], []
        playback = [data.replay.start + timedelta(days=2, hours=8, minutes=3 * k) for k in range(20 * 24)]
        cursor.move(playback[0] - timedelta(minutes=3))
        for at in playback:  # a day at one hour a second
            started, cpu = time.perf_counter(), time.process_time()
            cursor.move(at)
            frames.append(time.perf_counter() - started)
            frames_cpu.append(time.process_time() - cpu)
        for at in playback[::10]:
            started = time.perf_counter()
            event_rows(data.replay.state_at(at), data.names, at, RECENT_DAYS, cache)
            frame_old.append(time.perf_counter() - started)
        window = _window_frames(data, playback, instants)
        scratch = []
        for at in instants[: max(3, args.seeks // 10)]:
            started = time.perf_counter()
            event_rows(replay.state_at(session, 1, at), data.names, at, RECENT_DAYS)
            scratch.append(time.perf_counter() - started)
        started = time.perf_counter()
        report = weekly.build(session, 1, week, datetime.combine(END, datetime.min.time()))
        built = time.perf_counter() - started
    folder = Path(tempfile.mkdtemp())
    started = time.perf_counter()
    report_xlsx.write(report, folder / "report.xlsx")
    xlsx = time.perf_counter() - started
    from commandroom.views.meeting import report_pdf

    started = time.perf_counter()
    report_pdf.write(report, folder / "report.pdf")
    pdf = time.perf_counter() - started

    print(f"week {week}: {rows_in_week:,} log rows in the week, {len(data.replay.state_at(data.replay.end).events):,} "
          f"events in the street")
    print(f"{'opening the week (report + replay + names)':48}{opening:10.2f} s")
    print(f"{'seek, ours (cursor: the rows that changed)':48}{_ms(seeks)}   (goal p99 < 100 ms)")
    print(f"{'  the same, CPU time':48}{_ms(seeks_cpu)}")
    print(f"{'seek, before (checkpoint + every row, sorted)':48}{_ms(checkpointed)}")
    print(f"{'seek, baseline (fold from scratch + rows)':48}{_ms(scratch)}")
    print(f"{'  ratio before/ours, baseline/ours (median)':48}{statistics.median(checkpointed) / statistics.median(seeks):10.1f}×"
          f"{statistics.median(scratch) / statistics.median(seeks):10.0f}×")
    print(f"{'playback frame, ours, 3 min apart (1 h/s)':48}{_ms(frames)}")
    print(f"{'  the same, CPU time':48}{_ms(frames_cpu)}")
    print(f"{'playback frame, before (every row, sorted)':48}{_ms(frame_old)}")
    print(f"{'window frame, ours (cursor+model+paint)':48}{_ms(window['drawn'])}   → "
          f"{1 / statistics.fmean(window['drawn']):,.0f} frames/s (goal ≥ 20)")
    print(f"{'  the same, CPU time':48}{_ms(window['drawn_cpu'])}   → "
          f"{1 / statistics.fmean(window['drawn_cpu']):,.0f} frames/s")
    print(f"{'window frame, Qt delegate, whole viewport':48}{_ms(window['drawn_qt'])}   → "
          f"{1 / statistics.fmean(window['drawn_qt']):,.0f} frames/s (the paint before)")
    print(f"{'  the same, CPU time':48}{_ms(window['drawn_qt_cpu'])}")
    print(f"{'window frame, whole list reloaded each frame':48}{_ms(window['reloaded'])}")
    print(f"{'  the same, CPU time':48}{_ms(window['reloaded_cpu'])}")
    print(f"{'window seek, ours (slider → instant drawn)':48}{_ms(window['seeks'])}   (goal p99 < 100 ms)")
    print(f"{'  the same, CPU time':48}{_ms(window['seeks_cpu'])}")
    print(f"{'report: weekly.build':48}{built:10.2f} s")
    print(f"{'report: XLSX':48}{xlsx:10.2f} s")
    print(f"{'report: PDF':48}{pdf:10.2f} s   (goal: build + file < 10 s)")
    return 0


def _window_frames(data, playback, instants) -> dict[str, list[float]]:
    """The meeting window drawing the playback (offscreen: the event loop paints what each frame
    updated, as on a screen), a tenth of it with the list reloaded whole at each frame (a model
    reset, every row sorted again), and the slider seeking the random instants (each drawn)."""
    from PySide6.QtWidgets import QApplication, QStyledItemDelegate

    from commandroom.app import _application
    from commandroom.config import Settings
    from commandroom.views.meeting.window import MeetingWindow

    # The application as the app makes it: its style, style sheet and CJK font (the paint's cost).
    app = QApplication.instance() or _application(Settings())
    window = MeetingWindow()
    window.resize(1920, 1080)
    window.show()
    window.set_data(data)
    window._draw(playback[0] - timedelta(minutes=3))
    app.processEvents()
    times: dict[str, list[float]] = {}
    timed = timer(app, times)

    for at in playback:
        timed("drawn", lambda: window._draw(at))
    # The same frames painted by Qt's own delegate (the way before views/common/laid_cells.py): the paint's baseline.
    table = window.events.table
    ours = table.itemDelegate()
    table.setItemDelegate(QStyledItemDelegate(table))
    for at in playback[::4]:
        timed("drawn_qt", lambda: window._draw(at))
        table.viewport().update()  # as the frame did before: every cell in sight
    table.setItemDelegate(ours)
    for at in playback[::10]:
        def reload() -> None:
            data.cursor.move(at)
            window.list_clock.at = at
            window.events.model.set_rows(list(data.cursor.rows.values()))
        timed("reloaded", reload)
    for at in instants:
        def seek() -> None:
            window.seek(at)  # the slider's signal: the frame is drawn by the event loop, then painted
            app.processEvents()
        timed("seeks", seek)
    window.close()
    return times


if __name__ == "__main__":
    sys.exit(main())
