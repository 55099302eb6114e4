"""The intake under a storm: sustained posts for N seconds with the console open on the same
database, beside raw single-row commits measured in the same run; SQLite, then PostgreSQL.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_intake.py [--seconds 60] [--rate 600]
        [--backend sqlite|postgresql|both] [--dialect native|open311]

Three processes, as in the room: the intake server (``commandroom intake``), the load
(``commandroom simulate``'s engine: realistic reports, 10 % retold matters, 5 % retries, at
``--rate`` a second spread evenly) and this one, which shows the console (every dock, its
feed pump polling the database) and measures the longest stall of its event loop: a 5 ms
timer's longest gap beyond 5 ms while the storm lasts. The server and the load run at the lower
CPU priority ``commandroom intake`` and ``commandroom simulate`` take by default
(``Settings.intake_nice``, ``simulate_nice``): the console is answered first when the cores are
all busy, as on a room's machine shared with the gateway. The server is started in a session of
its own, as a service is (docs/INTAKE.md: Linux weighs sessions before processes).

Wall time is distorted on a shared machine, so the CPU time each process spent per accepted
report is printed too: the server (both its threads), the load, and this process (the console:
GUI thread, feed pump, call desk; and its web engine's processes, which draw the map).

The baseline is what the database can commit at most: one-row INSERTs, each committed on its
own (``sqlite3`` with the console's pragmas: WAL, synchronous=NORMAL; psycopg on PostgreSQL),
for 5 s in the same run. The intake's figure is accepted reports a second; its ratio to the
baseline says how much of a bare commit's speed the whole path keeps (HTTP, checks, the
domain's rows and log row, group commit). The machine is shared: the first line says how
busy it was.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import multiprocessing
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import timeit
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from commandroom.app import _application  # noqa: E402
from commandroom.config import Settings  # noqa: E402
from commandroom.demo import generate  # noqa: E402
from commandroom.models.clock import Clock  # noqa: E402
from commandroom.models.db import Database  # noqa: E402
from commandroom.models.intake_keys import add_client  # noqa: E402
from commandroom.services.cpu_priority import lower_priority  # noqa: E402
from commandroom.services.intake.simulate import Simulation, run_simulation  # noqa: E402

import stall_probe  # noqa: E402  (beside this script)

IDLE_LOOP_US = 8.0  # sum(range(1000)) on an idle core of this class
TICK_MS = 5
_KEEP: list = []
BASELINE_SECONDS = 5.0


def busy_factor() -> float:
    best = min(timeit.repeat("sum(range(1000))", number=2000, repeat=5)) / 2000 * 1e6
    return best / IDLE_LOOP_US


def raw_commits_sqlite(folder: Path) -> float:
    conn = sqlite3.connect(folder / "raw.sqlite3", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")
    return _count_commits(lambda i: (conn.execute("BEGIN IMMEDIATE"),
                                     conn.execute("INSERT INTO t (body) VALUES (?)", (f"r{i}",)),
                                     conn.execute("COMMIT")))


def raw_commits_postgres(url: str) -> float:
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        conn.execute("CREATE TABLE raw_t (id serial PRIMARY KEY, body text)")
        conn.commit()

        def one(i):
            conn.execute("INSERT INTO raw_t (body) VALUES (%s)", (f"r{i}",))
            conn.commit()
        return _count_commits(one)


def _count_commits(commit) -> float:
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < BASELINE_SECONDS:
        commit(count)
        count += 1
    return count / (time.perf_counter() - started)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(url: str) -> str:
    db = Database(url)
    try:
        # Ending yesterday at 16:00, whenever the bench runs: the queue holds that afternoon's
        # undecided reports and the detail shows one before the storm. A history ending "now"
        # leaves the queue empty at night, and the detail's first showing (~40 ms, a cost of
        # opening) would fall into the storm with its first report.
        generate(db, days=3, seed=1, end=Clock().now().date() - timedelta(days=1))
        with db.session() as session:
            return add_client(session, "bench", Clock().now())
    finally:
        db.dispose()


def start_server(url: str, port: int) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    # In a session of its own, as a service manager starts it (``cpu_priority``: it then gives
    # its session its lower priority too).
    server = subprocess.Popen([sys.executable, "-m", "commandroom", "intake", "--db", url,
                               "--port", str(port)], env=env, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("the intake server did not start")


def storm_with_console(url: str, sim: Simulation, folder: Path, probe: bool = False):
    """Run the load in another process while this one shows the console; the summary and the
    longest event-loop stall (ms). With ``probe`` every dispatch on the GUI thread is timed and
    the longest gaps explained (``stall_probe.py``)."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from commandroom.app import Console
    from commandroom.models.opening import OpenMode

    app = QApplication.instance() or _application(Settings())  # styled as the console is
    if probe:
        stall_probe.probe_console()
        stall_probe.watch_gc()
    db = Database(url, mode=OpenMode.WRITE)
    console = Console(db, Settings(db_url=url, sound=False, console="bench-console"),
                      folder / "console.ini")
    console.start((1920, 1080))
    # The console is open once its docks are filled, the map's page too (its opening batch of
    # every marker is a one-off cost of opening, not of the storm), and the common characters
    # drawn once (views/common/glyph_warmup.py).
    calls = console.window.calls
    opened = {"events": False, "map": False, "queue": calls.loaded, "glyphs": False}
    console.glyphs.sig_done.connect(lambda: filled("glyphs"))
    loaded = QEventLoop()

    def filled(what: str) -> None:
        opened[what] = True
        if all(opened.values()):
            loaded.quit()

    console.window.events.sig_populated.connect(lambda _n: filled("events"))
    console.window.map.bridge.sig_applied.connect(lambda _n: filled("map"))
    # After the queue's own slot (connected first, by the console): it has selected its first report.
    console.pump.sig_view_loaded.connect(lambda name, _data: name == calls.view_name and filled("queue"))
    QTimer.singleShot(60_000, loaded.quit)
    loaded.exec()
    # The queue selects its first report as it opens, and the detail dock shows that report's
    # event when the pump has read it: the detail's first showing (its fields and tabs laid out,
    # ~40 ms) is part of opening too.
    detail = console.window.detail
    if detail.event_id is not None and detail.view is None:
        shown = QEventLoop()
        detail.sig_shown.connect(lambda _id: shown.quit())
        QTimer.singleShot(30_000, shown.quit)
        shown.exec()

    print(f"  console open: {calls.model.rowCount()} reports in the queue, the detail "
          + (f"showing event {detail.view.event_id}" if detail.view else "empty"), flush=True)
    stall = {"last": time.perf_counter(), "late": [], "beats": []}

    def tick():
        now = time.perf_counter()
        stall["beats"].append((now, time.thread_time(), stall_probe.run_delay()))
        stall["late"].append((now - stall["last"]) * 1000 - TICK_MS)
        stall["last"] = now

    meter = QTimer()
    meter.setInterval(TICK_MS)
    meter.timeout.connect(tick)
    with concurrent.futures.ProcessPoolExecutor(
            # The load at the priority ``commandroom simulate`` takes: it stands for the
            # platforms' own machines (the server, started as ``commandroom intake``, takes its own).
            1, mp_context=multiprocessing.get_context("spawn"), initializer=load_process,
            initargs=(Settings().simulate_nice,)) as pool:
        # The load's process started and its modules imported before the storm: its start is
        # not the storm's (a second of a core's imports beside the console, in its first seconds).
        pool.submit(load_ready).result()
        future = pool.submit(run_simulation, sim)
        waiting = QEventLoop()
        poll = QTimer()
        poll.setInterval(100)
        poll.timeout.connect(lambda: future.done() and waiting.quit())
        threads = stall_probe.thread_cpu() if probe else {}
        cpu, web = time.process_time(), _web_cpu()
        stall["last"] = time.perf_counter()
        stall["beats"].append((stall["last"], time.thread_time(), stall_probe.run_delay()))  # the first tick's wait too
        meter.start()
        poll.start()
        waiting.exec()
        meter.stop()
        poll.stop()
        cpu, web = time.process_time() - cpu, _web_cpu() - web
        summary = future.result()
    if probe:
        stall_probe.report(stall["beats"])
        stall_probe.report_threads(threads, stall_probe.thread_cpu(), summary.seconds)
    # Not stopped here: under a storm the call desk has queued one duplicate search per new
    # report, and stopping it waits for every one. Kept alive (a collected QThread that still
    # runs aborts the process) until the figures are out and the process ends.
    _KEEP.append((console, db, app))
    return summary, Stalls(sorted(stall["late"]), stall["beats"]), cpu, web


def load_process(niceness: int) -> None:
    """The load's process stands for the platforms' own machines: a session of its own at
    ``commandroom simulate``'s lower priority. Linux's autogroup weighs sessions before
    processes: in the bench's session, whatever its nice value, it took from the console's share."""
    os.setsid()
    lower_priority(niceness)


def load_ready() -> bool:
    """Run in the load's process before the storm: what ``run_simulation`` needs is imported."""
    from commandroom.services.intake import simulate  # noqa: F401

    return True


def _web_cpu() -> float:
    """CPU seconds of the map's web engine: its renderer, GPU and utility processes are this
    process's children (Chromium's), not counted by ``process_time``."""
    import psutil

    spent = 0.0
    for proc in psutil.Process().children(recursive=True):
        try:
            if "QtWebEngine" in proc.name():
                times = proc.cpu_times()
                spent += times.user + times.system
        except psutil.NoSuchProcess:
            continue
    return spent


class Stalls:
    """The event loop's lateness: each 5 ms tick's delay beyond 5 ms, in ms; and from the
    heartbeats (perf_counter, the GUI thread's CPU time, its wait for a core), where the longest
    gap fell and what filled it."""

    def __init__(self, late: list[float], beats: list[tuple[float, float, float]]):
        self.late = late or [0.0]
        self.beats = beats

    def longest_gap(self) -> str:
        """``at +2.1 s: GUI CPU 30 ms, core wait 25 ms`` (the rest: waiting for the GIL)."""
        if len(self.beats) < 2:
            return "no beats"
        a, b = max(zip(self.beats, self.beats[1:]), key=lambda pair: pair[1][0] - pair[0][0])
        return (f"at +{a[0] - self.beats[0][0]:.1f} s: GUI CPU {(b[1] - a[1]) * 1000:.0f} ms, "
                f"core wait {(b[2] - a[2]) * 1000:.0f} ms")

    @property
    def longest(self) -> float:
        return self.late[-1]

    def percentile(self, p: float) -> float:
        return self.late[min(len(self.late) - 1, int(p / 100 * len(self.late)))]

    def over(self, ms: float) -> int:
        return sum(1 for x in self.late if x > ms)


def _cpu(pid: int) -> float:
    import psutil

    times = psutil.Process(pid).cpu_times()
    return times.user + times.system


def _tree_cpu(pid: int | None) -> dict[int, float]:
    """CPU seconds of a process and each of its children (PostgreSQL: the postmaster and one
    backend per connection, the intake's and the console's)."""
    import psutil

    if pid is None:
        return {}
    root = psutil.Process(pid)
    spent = {}
    for proc in [root, *root.children(recursive=True)]:
        try:
            times = proc.cpu_times()
        except psutil.NoSuchProcess:
            continue
        spent[proc.pid] = times.user + times.system
    return spent


def run_backend(name: str, url: str, baseline: float, args, folder: Path,
                db_pid: int | None = None) -> None:
    key = prepare(url)
    port = free_port()
    server = start_server(url, port)
    try:
        sim = Simulation(url=f"http://127.0.0.1:{port}", key=key, rate=args.rate,
                         duration=args.seconds, dialect=args.dialect, seed=7)
        server_cpu, db_before = _cpu(server.pid), _tree_cpu(db_pid)
        summary, stalls, console_cpu, web_cpu = storm_with_console(url, sim, folder, args.probe)
        server_cpu = _cpu(server.pid) - server_cpu
        db_cpu = sum(t - db_before.get(pid, 0.0) for pid, t in _tree_cpu(db_pid).items())
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
    answered = summary.accepted + summary.replayed
    accepted = answered / summary.seconds
    per = 1000 / max(answered, 1)
    print(f"{name:<10} raw single-row commits {baseline:8.0f}/s | intake {accepted:6.0f} accepted/s "
          f"({accepted / baseline:.3f} of raw; goal ≥ 500/s) | p50 {summary.percentile(50) * 1000:6.1f} ms "
          f"p99 {summary.percentile(99) * 1000:7.1f} ms | GUI stall longest {stalls.longest:6.1f} ms "
          f"(goal < 50), p50 {stalls.percentile(50):4.1f} ms, p99 {stalls.percentile(99):5.1f} ms, "
          f"{stalls.over(50)} ticks over 50 ms, the longest {stalls.longest_gap()} "
          f"| CPU per accepted report: server {server_cpu * per:.2f} ms, load {summary.cpu_seconds * per:.2f} ms, "
          f"console {console_cpu * per:.2f} ms + its web engine {web_cpu * per:.2f} ms"
          + (f", database server {db_cpu * per:.2f} ms " if db_pid else " ")
          + f"(wall {summary.seconds:.0f} s) "
          f"| sent {summary.sent}, new {summary.accepted}, retries {summary.replayed}, "
          f"refused {summary.refused}, failed {summary.failed}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--rate", type=int, default=600)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--dialect", choices=("native", "open311"), default="native")
    parser.add_argument("--probe", action="store_true",
                        help="time every dispatch on the GUI thread and explain the longest stalls")
    args = parser.parse_args()
    print(f"machine busy factor {busy_factor():.1f} (1.0 = idle); {os.cpu_count()} cores; "
          f"{args.rate}/s offered for {args.seconds} s, {args.dialect} dialect; server at nice "
          f"+{Settings().intake_nice} (a session of its own), load at nice +{Settings().simulate_nice}, "
          f"console as started", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.backend in ("sqlite", "both"):
            url = f"sqlite:///{folder / 'bench.sqlite3'}"
            run_backend("SQLite", url, raw_commits_sqlite(folder), args, folder)
        if args.backend in ("postgresql", "both"):
            from tests.pg_server import PostgresServer

            pg = PostgresServer()
            pg.start()
            try:
                url = pg.create_database("bench_intake")
                run_backend("PostgreSQL", url, raw_commits_postgres(pg.create_database("bench_raw")),
                            args, folder, pg.postmaster_pid())
            finally:
                pg.stop()
    os._exit(0)  # the consoles' threads are still at their storm of advice (see above)


if __name__ == "__main__":
    main()
