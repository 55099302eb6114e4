"""Benchmark: one supervision scan (``supervision.plan``) over 1,000,000 events with 10,000 open,
beside the naive scan (``plan_naive``: load every open event and check it in Python).

    .venv/bin/python bench/bench_supervise.py [--events 1000000] [--open 10000] [--db FILE]
    .venv/bin/python bench/bench_supervise.py --postgres   # a throwaway PostgreSQL server
    .venv/bin/python bench/bench_supervise.py --pg-url postgresql+psycopg://…  # built if empty

The database is built with bulk loads, not ``commandroom demo`` (hours for a million events):
the rows are generated in Python (the finished events from ``bench_measures.synthetic_event``,
the open ones dispatched before the scan's instant in every held status, see ``open_event``,
with a log row for each step; every finished event has its ``receive`` log row) and written with
Core ``executemany`` on SQLite and ``COPY … FROM STDIN`` on PostgreSQL, the secondary indexes
dropped meanwhile and built after (then ``VACUUM ANALYZE`` on PostgreSQL, as autovacuum leaves
a live database: the index-only scans need the visibility map). Then one
scan at the instant raises what is due — written straight into ``alert`` too, as a running
scheduler would have left it — so the timed scans are the steady state of a live district: a
few new alerts at most, every open event to look at.

Each figure is the median of several runs, wall and CPU time (``time.process_time``: this
process only; on PostgreSQL the server's own time is the EXPLAIN ANALYZE "Execution Time"
printed with each plan), printed beside the naive scan's from the same run, with the number of
statements and of rows that reach Python; then the remembering ``Scanner`` a running scheduler
uses; then each statement's plan (EXPLAIN QUERY PLAN / EXPLAIN ANALYZE): they read the partial
indexes ``ix_event_held`` and ``ix_event_log_progress`` and ``uq_alert_once``.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import event, func, select, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ClauseElement, Executable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_measures import build_reference, synthetic_event  # noqa: E402
from commandroom.models import Alert, Event, EventLog  # noqa: E402
from commandroom.models.actor import Actor  # noqa: E402
from commandroom.models.clock import FrozenClock  # noqa: E402
from commandroom.models.commands import Commands  # noqa: E402
from commandroom.models.db import Database  # noqa: E402
from commandroom.models.enums import Action, Role, Status  # noqa: E402
from commandroom.models import jsontext  # noqa: E402
from commandroom.models.ladder import Thresholds  # noqa: E402
from commandroom.models.scan import Scanner  # noqa: E402
from commandroom.models.supervision import (_no_jit, cleared_alerts, ladder_candidates, plan,  # noqa: E402
                                            plan_naive, stalled_candidates)

NOW = datetime(2026, 1, 1, 9, 0)
THRESHOLDS = Thresholds()
FINISHED = [Status.EVALUATED, Status.CLOSED, Status.REJECTED, Status.MERGED]
HELD_STEPS = {Status.DISPATCHED: [Action.DISPATCH], Status.ACKNOWLEDGED: [Action.DISPATCH, Action.ACKNOWLEDGE],
              Status.IN_PROGRESS: [Action.DISPATCH, Action.ACKNOWLEDGE, Action.START]}


class Explain(Executable, ClauseElement):
    """``EXPLAIN`` (PostgreSQL) or ``EXPLAIN QUERY PLAN`` (SQLite) of a statement, binds and all."""

    inherit_cache = False

    def __init__(self, statement):
        self.statement = statement


@compiles(Explain)
def _explain(element, compiler, **kw):
    prefix = "EXPLAIN QUERY PLAN " if compiler.dialect.name == "sqlite" else "EXPLAIN ANALYZE "
    return prefix + compiler.process(element.statement, **kw)


def open_event(n: int, rnd: random.Random) -> tuple[dict, list[tuple[Action, datetime]]]:
    """One held event and its log steps. A live district's mix: an event not yet signed for was
    dispatched within the last hour (its response limit is 30 min); one with its unit has used
    0–130 % of its handling limit (2 h, 1, 3 or 7 days), so about a third are due soon or late."""
    status = rnd.choice(list(HELD_STEPS))
    row = synthetic_event(n, 0, rnd, [Status.IN_PROGRESS], [1])
    limit = timedelta(minutes=rnd.choice([120, 1440, 4320, 10080]))
    used = timedelta(minutes=rnd.randint(0, 60)) if status == Status.DISPATCHED else limit * rnd.uniform(0, 1.3)
    sent = NOW - used
    acked = sent + min(used / 2, timedelta(minutes=rnd.randint(5, 40))) if status != Status.DISPATCHED else None
    row.update(status=status.value, received_at=sent - timedelta(minutes=10), registered_at=sent - timedelta(minutes=5),
               dispatched_at=sent, first_dispatched_at=sent, acknowledged_at=acked, resolved_at=None,
               verified_at=None, closed_at=None, on_time=None, satisfaction=None, handling_seconds=None,
               response_due=sent + timedelta(minutes=30), handle_due=sent + limit,
               response_seconds=int((acked - sent).total_seconds()) if acked else None)
    times = [sent, acked or sent, (acked or sent) + (NOW - (acked or sent)) * rnd.random()]
    return row, list(zip(HELD_STEPS[status], times))


def generate(events: int, open_count: int, seed: int = 1):
    """The rows, 50,000 events at a time: (event rows, log rows), ids in time order."""
    rnd = random.Random(seed)
    open_at = set(rnd.sample(range(events), open_count))
    offsets = sorted(rnd.randrange(365 * 86400) for _ in range(events))
    for first in range(0, events, 50_000):
        rows, logs = [], []
        for n in range(first, min(events, first + 50_000)):
            if n in open_at:
                row, steps = open_event(n, rnd)
            else:
                row, steps = synthetic_event(n, offsets[n], rnd, FINISHED, [55, 35, 6, 4]), []
            row["id"] = n + 1
            rows.append(row)
            logs += [dict(at=at, actor="bench", console="bench", street_id=1, event_id=n + 1, action=a.value,
                          command_id="", payload={}) for a, at in [(Action.RECEIVE, row["received_at"]), *steps]]
        yield rows, logs


def copy_rows(conn, table, rows: list[dict]) -> None:
    """PostgreSQL's bulk load: ``COPY … FROM STDIN`` through psycopg (dicts and lists as JSON)."""
    columns = list(rows[0])
    raw = conn.connection.driver_connection
    with raw.cursor() as cur, cur.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([jsontext.dumps(v) if isinstance(v, (dict, list)) else v for v in
                            (row[c] for c in columns)])


def build(db: Database, events: int, open_count: int, seed: int = 1) -> None:
    build_reference(db)
    postgres = db.engine.dialect.name == "postgresql"
    # The secondary indexes are built once after the load: faster than kept up row by row.
    indexes = [*Event.__table__.indexes, *EventLog.__table__.indexes]
    with db.engine.begin() as conn:
        for index in indexes:
            index.drop(conn)
    for rows, logs in generate(events, open_count, seed):
        with db.engine.begin() as conn:
            if postgres:
                copy_rows(conn, Event.__table__, rows)
                copy_rows(conn, EventLog.__table__, logs)
            else:
                conn.execute(Event.__table__.insert(), rows)
                conn.execute(EventLog.__table__.insert(), logs)
    with db.engine.begin() as conn:
        for index in indexes:
            index.create(conn)
    if postgres:
        with db.engine.begin() as conn:
            conn.exec_driver_sql("SELECT setval(pg_get_serial_sequence('event', 'id'), (SELECT max(id) FROM event))")
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    with db.session() as s:  # what a scheduler running all along would have raised by NOW
        due = plan(s, NOW, THRESHOLDS).due
        s.execute(Alert.__table__.insert(), [
            dict(event_id=d.event_id, level=d.level.value, kind=d.kind, deadline=d.deadline, due_at=d.due_at,
                 raised_at=d.due_at, reason="", acknowledged_by="", late=False, acknowledge_note="")
            for d in due])
    if postgres:
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE alert")
    else:
        db.analyze()


class Counter:
    """The statements a scan sends (a cursor listener) and the rows they bring back."""

    def __init__(self, db: Database):
        self.statements = 0
        event.listen(db.engine, "before_cursor_execute", self._count)

    def _count(self, *_args) -> None:
        self.statements += 1


def timed(fn, runs: int) -> tuple[float, float, object]:
    """Median wall and CPU milliseconds of ``runs`` calls, and the last result."""
    walls, cpus, result = [], [], None
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        cpus.append((time.process_time() - cpu) * 1000)
        walls.append((time.perf_counter() - wall) * 1000)
    return statistics.median(walls), statistics.median(cpus), result


def server_cpu(session):
    """PostgreSQL on this machine: a function giving the CPU milliseconds its backend for this
    session has used (``/proc``; the load of other processes does not count). None otherwise."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    stat = Path(f"/proc/{session.scalar(text('SELECT pg_backend_pid()'))}/stat")
    if not stat.exists():
        return None
    tick_ms = 1000 / os.sysconf("SC_CLK_TCK")

    def used() -> float:
        fields = stat.read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * tick_ms  # utime + stime

    return used


def statements(dialect: str, at: datetime) -> dict:
    """The scan's statements, as ``plan`` sends them."""
    return {"ladder candidates": ladder_candidates(dialect, at, THRESHOLDS.earliest(), None),
            "stalled candidates": stalled_candidates(dialect, at, THRESHOLDS.stalled_after, None),
            "alerts to clear": cleared_alerts(dialect, None)}


def measure(db: Database, runs: int) -> None:
    dialect = db.engine.dialect.name
    counter = Counter(db)
    with db.session() as s:
        counts = (s.scalar(select(func.count()).select_from(Event)),
                  s.scalar(select(func.count()).select_from(Event).where(
                      Event.status.in_([st.value for st in HELD_STEPS]))),
                  s.scalar(select(func.count()).select_from(Alert)),
                  s.scalar(select(func.count()).select_from(EventLog)))
    print(f"{dialect}: {counts[0]:,} events, {counts[1]:,} held, {counts[2]:,} alerts, "
          f"{counts[3]:,} log rows; scan at {NOW:%Y-%m-%d %H:%M}; median of {runs} runs, wall / CPU of this process")
    steady_naive_ms = 0.0
    for label, at in (("steady (a scan 30 s after the last)", NOW + timedelta(seconds=30)),
                      ("after a 6 h gap", NOW + timedelta(hours=6))):
        with db.session() as s:
            _no_jit(s)
            parts = []
            for name, stmt in statements(dialect, at).items():
                wall, cpu, rows = timed(lambda: s.execute(stmt).all(), runs)
                parts.append(f"{name} {wall:.1f}/{cpu:.1f} ms, {len(rows)} rows")
            before = counter.statements
            fast_ms, fast_cpu, fast = timed(lambda: plan(s, at, THRESHOLDS), runs)
            sent = (counter.statements - before) // runs
            server, server_ms = "", 0.0
            if backend := server_cpu(s):  # clock ticks are 10 ms: the mean of many runs
                used = backend()
                for _ in range(max(runs, 20)):
                    plan(s, at, THRESHOLDS)
                server_ms = (backend() - used) / max(runs, 20)
                server = f" + server {server_ms:.1f} ms CPU"
            naive_ms, naive_cpu, naive = timed(lambda: plan_naive(s, at, THRESHOLDS), runs)
        assert fast == naive, "the two scans disagree"
        steady_naive_ms = naive_ms if label.startswith("steady") else steady_naive_ms
        print(f"  {label}: plan {fast_ms:7.1f} ms wall {fast_cpu:6.1f} ms CPU{server} ({sent} statements) | naive "
              f"{naive_ms:7.1f} ms wall {naive_cpu:7.1f} ms CPU | ratio {naive_ms / fast_ms:5.1f}x | "
              f"{len(fast.due)} to raise, {len(fast.clear)} to clear | goal < 50 ms: wall "
              f"{'met' if fast_ms < 50 else 'NOT met'}, CPU {'met' if fast_cpu + server_ms < 50 else 'NOT met'}")
        print(f"    its statements (wall/CPU): {'; '.join(parts)}")
    # A running scheduler remembers (models/scan.py, Scanner): its first scan looks at every held
    # event, the next ones at those the log touched and those whose next alert fell due.
    clock = FrozenClock(NOW)
    scanner = Scanner(Commands(db, Actor("scheduler", Role.SYSTEM, "bench"), clock), THRESHOLDS)
    first = scanner.scan()
    times, looked, raised = [], [], []
    for _ in range(runs):
        clock.advance(seconds=30)
        result = scanner.scan()
        times.append(result.plan_ms)  # the read; the raises are writes, one transaction each
        looked.append(result.looked_at)
        raised.append(len(result.raised))
    remembered = statistics.median(times)
    print(f"  remembering scanner: first scan's read {first.plan_ms:7.1f} ms (every held event), then every "
          f"30 s {remembered:6.1f} ms (median of {runs}; events looked at {looked}, alerts raised {raised}) | "
          f"ratio to the steady naive {steady_naive_ms / remembered:5.0f}x")
    with db.session() as s:
        _no_jit(s)
        for name, stmt in statements(dialect, NOW + timedelta(seconds=30)).items():
            print(f"  EXPLAIN {'QUERY PLAN' if dialect == 'sqlite' else 'ANALYZE'} {name}:")
            for row in s.execute(Explain(stmt)):
                print("    " + (str(row[-1]) if dialect == "sqlite" else row[0]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--open", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", help="a SQLite file (reused if it exists)")
    parser.add_argument("--postgres", action="store_true", help="measure on a throwaway PostgreSQL server")
    parser.add_argument("--pg-url", help="a PostgreSQL database (built when it holds no events)")
    args = parser.parse_args()
    if args.postgres:
        from tests.pg_server import PostgresServer

        server = PostgresServer()
        server.start()
        try:
            run(Database(server.create_database("bench_supervise")), args)
        finally:
            server.stop()
        return
    if args.pg_url:
        run(Database(args.pg_url), args)
        return
    path = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "supervise.sqlite3"
    run(Database(f"sqlite:///{path}"), args)


def run(db: Database, args) -> None:
    with db.session() as s:
        empty = s.scalar(select(func.count()).select_from(Event)) == 0
    if empty:
        started, cpu = time.perf_counter(), time.process_time()
        build(db, args.events, args.open)
        print(f"built {db.describe()} in {time.perf_counter() - started:.0f} s wall, "
              f"{time.process_time() - cpu:.0f} s CPU of this process")
    measure(db, args.runs)
    db.dispose()


if __name__ == "__main__":
    main()
