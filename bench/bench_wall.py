"""The wall running for days, compressed: memory and CPU of a live wall fed 100,000 log rows.

    QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 .venv/bin/python bench/bench_wall.py \
        [--rows 100000] [--speed 600] [--idle 20] [--demo-db sqlite:///demo.sqlite3]

A real wall (``wall_mode.Wall``: the window at 1920×1080, the feed pump with the map, the figures
service) runs in this process on a demo street (a copy of ``--demo-db``, else a fresh 35-day
demo). ANOTHER PROCESS then writes ``--rows`` log rows through the domain commands, as the room
would: reports received, registered, dispatched, acknowledged, started, resolved, verified,
closed and evaluated, a few hundred events open at a time. Both processes read one accelerated
clock (``--speed`` street seconds per real second, 600: ten minutes a second), so the rows spread
over days of the street's time and the wall crosses midnights, fills its hourly chart, ages its
lists.

Printed, each beside its same-run baseline:
- **memory**: the RSS and PSS of this process once the wall has drawn, and again after the rows
  (the goal: growth under 50 MB); the QtWebEngine processes' PSS apart;
- **CPU when idle**: the share of one core the wall takes when nothing is written, at the start
  and after the rows, beside an empty window in the same process (the event loop's own cost);
  CPU time (``process_time``) is what counts on a loaded machine;
- the feed: rows written, their rate, and the snapshots the wall computed meanwhile.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402

from commandroom.models.clock import Clock  # noqa: E402

MB = 1024 * 1024


class FastClock(Clock):
    """Street time running ``speed`` times faster than real time from ``start`` (at ``epoch``,
    a ``time.time()``): two processes given the same three numbers read the same clock."""

    def __init__(self, start: datetime, speed: float, epoch: float):
        self.start, self.speed, self.epoch = start, speed, epoch

    def now(self) -> datetime:
        return (self.start + timedelta(seconds=(time.time() - self.epoch) * self.speed)).replace(microsecond=0)


WRITER = textwrap.dedent("""
    import random, sys, time
    from datetime import datetime
    sys.path.insert(0, sys.argv[1])
    from bench.bench_wall import FastClock
    from sqlalchemy import select
    from commandroom.models.actor import Actor
    from commandroom.models.catalog import Category
    from commandroom.models.commands import Commands
    from commandroom.models.db import Database
    from commandroom.models.enums import Role, Source, UnitStatus
    from commandroom.models.map_view import load_map
    from commandroom.models.org import Unit, User
    from commandroom.models.recurring import RecurringRule

    url, rows, start, speed, epoch = sys.argv[2], int(sys.argv[3]), sys.argv[4], float(sys.argv[5]), float(sys.argv[6])
    clock = FastClock(datetime.fromisoformat(start), speed, epoch)
    db = Database(url)
    rng = random.Random(7)
    with db.session() as s:
        leader = s.scalar(select(User).where(User.role == Role.SHIFT_LEADER, User.active.is_(True)).limit(1))
        actor = Actor(login=leader.login, role=Role.SHIFT_LEADER, console="bench-writer", name=leader.name)
        categories = list(s.scalars(select(Category.code)))
        units = list(s.scalars(select(Unit.id).where(Unit.status == UnitStatus.ON_DUTY)))
        places = [g.label_at for g in load_map(s, clock.now(), None, RecurringRule(14, 3)).grids if g.level == 4]
    commands = Commands(db, actor, clock)
    steps = [lambda r: commands.register(r.id, r.version, category_code=rng.choice(categories)),
             lambda r: commands.dispatch(r.id, r.version, lead_unit_id=rng.choice(units)),
             lambda r: commands.acknowledge(r.id, r.version), lambda r: commands.start(r.id, r.version),
             lambda r: commands.resolve(r.id, r.version, note="已处理"), lambda r: commands.verify(r.id, r.version),
             lambda r: commands.close(r.id, r.version),
             lambda r: commands.evaluate(r.id, r.version, satisfaction=rng.choice(["satisfied", "basically"]))]
    open_events, written, started = {}, 0, time.perf_counter()
    while written < rows:
        if len(open_events) < 300 or rng.random() < 0.12:
            lat, lon = rng.choice(places)
            ref = commands.receive(source=Source.HOTLINE_12345, title="楼道堆放杂物，王先生反映",
                                   address="历下区燕翔路18号燕翔小区3号楼2单元502室", lat=lat, lon=lon,
                                   reporter_name="王建国", reporter_phone="13800000000")
            open_events[ref.id] = (ref, 0)
        else:
            event_id = rng.choice(list(open_events))
            ref, step = open_events.pop(event_id)
            ref = steps[step](ref)
            if step + 1 < len(steps):
                open_events[event_id] = (ref, step + 1)
        written += 1
        if written % 10000 == 0:
            print(f"  writer: {written:,} rows, {written / (time.perf_counter() - started):,.0f}/s",
                  file=sys.stderr, flush=True)
    print(written, time.perf_counter() - started)
""")


def memory(proc: psutil.Process) -> tuple[float, float, float, float]:
    """(RSS, PSS of this process, PSS of its children: the QtWebEngine processes, USS of this
    process), in MB. PSS shares the libraries' pages among every process mapping them, so it
    moves with the other programs on the machine; USS (pages this process alone holds) does not."""
    children = 0.0
    for child in proc.children(recursive=True):
        try:
            children += child.memory_full_info().pss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    info = proc.memory_full_info()
    return info.rss / MB, info.pss / MB, children / MB, info.uss / MB


def cpu_seconds(proc: psutil.Process) -> tuple[float, float]:
    """CPU time of this process and of its children (user + system)."""
    own = proc.cpu_times()
    children = 0.0
    for child in proc.children(recursive=True):
        try:
            t = child.cpu_times()
            children += t.user + t.system
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return own.user + own.system, children


def idle_share(app, proc: psutil.Process, seconds: float) -> tuple[float, float]:
    """The share of one core this process and its children took over ``seconds`` of idling."""
    from PySide6.QtCore import QEventLoop, QTimer

    own0, kids0 = cpu_seconds(proc)
    t0 = time.monotonic()
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    elapsed = time.monotonic() - t0
    own1, kids1 = cpu_seconds(proc)
    return (own1 - own0) / elapsed, (kids1 - kids0) / elapsed


def wait(app, condition, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        app.processEvents()
        time.sleep(0.02)
    return True


def demo_copy(demo_db: str | None, folder: Path) -> str:
    target = folder / "wall_bench.sqlite3"
    if demo_db:
        shutil.copy(demo_db.removeprefix("sqlite:///"), target)
    else:
        subprocess.run([sys.executable, "-m", "commandroom", "demo", "--db", f"sqlite:///{target}", "--days", "35"],
                       check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return f"sqlite:///{target}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--speed", type=float, default=600.0)
    parser.add_argument("--idle", type=float, default=20.0, help="seconds of each idle measure")
    parser.add_argument("--demo-db", default=None, help="a demo street to copy (sqlite:///FILE)")
    args = parser.parse_args()

    from PySide6.QtWidgets import QWidget

    from commandroom.app import _application
    from commandroom.config import Settings
    from commandroom.models.db import Database
    from commandroom.models.log import EventLog
    from commandroom.wall_mode import Wall
    from sqlalchemy import func, select

    app = _application(Settings())
    proc = psutil.Process()
    folder = Path(tempfile.mkdtemp(prefix="bench-wall-"))
    try:
        url = demo_copy(args.demo_db, folder)
        db = Database(url)
        with db.session() as s:
            start = s.scalar(select(func.max(EventLog.at)))
        epoch = time.time()
        clock = FastClock(start, args.speed, epoch)

        empty = QWidget()
        empty.resize(1920, 1080)
        empty.show()
        base_own, _ = idle_share(app, proc, args.idle / 2)
        empty.close()

        wall = Wall(db, Settings(db_url=url), None, (1920, 1080), clock=clock, confirm_exit=False)
        wall.window.resize(1920, 1080)
        wall.window.show()
        drawn = {"n": 0}
        wall.window.sig_drawn.connect(lambda: drawn.__setitem__("n", drawn["n"] + 1))
        applied = {"n": 0}
        wall.window.map.bridge.sig_applied.connect(lambda n: applied.__setitem__("n", n))
        wall.start()
        assert wait(app, lambda: drawn["n"] and applied["n"], 120), "the wall did not draw"
        wait(app, lambda: False, 3)  # the page settles
        gc.collect()
        mem_start = memory(proc)
        idle_start = idle_share(app, proc, args.idle)

        print(f"feeding {args.rows:,} log rows from another process at {args.speed:g}× the street's time …",
              file=sys.stderr)
        cpu0, wall0 = time.process_time(), time.monotonic()
        snapshots0 = drawn["n"]
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(ROOT), url, str(args.rows), start.isoformat(),
                                   str(args.speed), str(epoch)], stdout=subprocess.PIPE, text=True,
                                  env={**os.environ, "PYTHONPATH": str(ROOT)})
        # Every 10,000 rows the wall has read: its memory then (a run cut short still tells).
        with db.session() as s:
            first = s.scalar(select(func.max(EventLog.id)))
        marks = iter(range(10_000, args.rows + 1, 10_000))
        mark = next(marks, None)
        print(f"{'rows read by the wall':>24}{'RSS MB':>10}{'PSS MB':>10}{'web PSS MB':>12}{'CPU s':>10}", flush=True)

        def progress() -> bool:
            nonlocal mark
            cursor = wall.pump._cursor
            while mark is not None and cursor is not None and cursor.last_id - first >= mark:
                rss, pss, web, _uss = memory(proc)
                print(f"{mark:>24,}{rss:>10.1f}{pss:>10.1f}{web:>12.1f}{time.process_time() - cpu0:>10.1f}", flush=True)
                mark = next(marks, None)
            return writer.poll() is not None

        wait(app, progress, 24 * 3600)
        if writer.returncode != 0:
            wall.window.close()
            raise SystemExit("the writer failed (its error is above)")
        written, writer_s = writer.stdout.read().split()
        with db.session() as s:
            last = s.scalar(select(func.max(EventLog.id)))
        wait(app, lambda: wall.pump._cursor is not None and wall.pump._cursor.last_id >= last, 600)
        fed_cpu, fed_s = time.process_time() - cpu0, time.monotonic() - wall0
        snapshots = drawn["n"] - snapshots0
        wait(app, lambda: False, 5)  # the last snapshot and map batch drawn
        gc.collect()
        mem_end = memory(proc)
        idle_end = idle_share(app, proc, args.idle)
        street_days = (clock.now() - start).total_seconds() / 86400
        wall.window.close()
        db.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    print(f"\nbench_wall: a live wall (1920×1080, map + figures) fed {int(written):,} log rows "
          f"({street_days:.1f} days of street time)")
    print(f"{'':44}{'start':>12}{'end':>12}{'growth':>12}")
    for name, i in (("memory: this process, RSS (MB)", 0), ("memory: this process, PSS (MB)", 1),
                    ("memory: this process, USS (MB)", 3), ("memory: web engine processes, PSS (MB)", 2)):
        print(f"{name:44}{mem_start[i]:>12.1f}{mem_end[i]:>12.1f}{mem_end[i] - mem_start[i]:>+12.1f}")
    for name, i in (("RSS", 0), ("PSS", 1), ("USS", 3)):
        verdict = "met" if mem_end[i] - mem_start[i] < 50 else "NOT MET"
        print(f"{'goal: this process grows under 50 MB (' + name + ')':44}{'':>24}{verdict:>12}")
    print(f"\n{'CPU when idle (share of one core)':44}{'baseline':>12}{'start':>12}{'end':>12}")
    print(f"{'  this process':44}{base_own:>12.1%}{idle_start[0]:>12.1%}{idle_end[0]:>12.1%}")
    print(f"{'  web engine processes':44}{'':>12}{idle_start[1]:>12.1%}{idle_end[1]:>12.1%}")
    print("  (baseline: an empty 1920×1080 window in this process, the same run)")
    print(f"\n{'feed: rows written by the other process':44}{int(written):>12,}")
    print(f"{'feed: writer rows/s':44}{int(written) / float(writer_s):>12,.0f}")
    print(f"{'feed: wall caught up after (s)':44}{fed_s:>12.1f}")
    print(f"{'feed: this process CPU time (s)':44}{fed_cpu:>12.1f}")
    print(f"{'feed: snapshots drawn':44}{snapshots:>12,}")


if __name__ == "__main__":
    main()
