"""The intake's write path alone (no HTTP, no console): ``receive_batch`` of the simulator's
reports in batches, on SQLite and PostgreSQL, beside raw single-row commits in the same run.

    .venv/bin/python bench/bench_intake_writer.py [--batches 100] [--size 30] [--backend both]

Per report: the writer thread's CPU, the wall time of a batch, and on PostgreSQL the database
server's CPU (the postmaster and its backends). ``bench_intake.py`` measures the whole room;
this one says what the group commit itself costs, which the whole room's figures on a shared
machine hide behind the neighbours.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_intake import (  # noqa: E402
    _tree_cpu, busy_factor, prepare, raw_commits_postgres, raw_commits_sqlite)
from commandroom.models.clock import Clock  # noqa: E402
from commandroom.models.db import Database  # noqa: E402
from commandroom.models.incoming import IncomingReport, OutsidePoint  # noqa: E402
from commandroom.models.opening import OpenMode  # noqa: E402
from commandroom.services.intake.context import IntakeContext  # noqa: E402
from commandroom.services.intake.simulate import ReportMaker  # noqa: E402

WARM_UP = 5  # batches first written unmeasured (caches, prepared statements)


def batches(ctx: IntakeContext, count: int, size: int) -> list[list[IncomingReport]]:
    """The simulator's reports (its retold matters and retries included), as the server checks them."""
    maker = ReportMaker(7, set(ctx.services()))
    sent_at = Clock().now() - timedelta(seconds=5)

    def report() -> IncomingReport:
        r, _retry = maker.next()
        return IncomingReport.checked(
            outside=OutsidePoint.FLAG, source=r["source"], title=r["title"] or r["text"][:40],
            description=r["text"], address=r["address"], lat=r["lat"], lon=r["lon"],
            reporter_name=r["caller_name"], reporter_phone=r["caller_phone"],
            external_ref=r["external_id"], client="bench", category_hint=r["category"],
            reported_at=sent_at)
    return [[report() for _ in range(size)] for _ in range(count)]


def run(name: str, url: str, baseline: float, args, db_pid: int | None = None) -> None:
    prepare(url)
    db = Database(url, mode=OpenMode.WRITE)
    try:
        ctx = IntakeContext(db, Clock())
        work = batches(ctx, args.batches + WARM_UP, args.size)
        for batch in work[:WARM_UP]:
            ctx.writer.commands.receive_batch(batch)
        db_before = _tree_cpu(db_pid)
        cpu, wall = time.thread_time(), time.perf_counter()
        for batch in work[WARM_UP:]:
            outcomes = ctx.writer.commands.receive_batch(batch)
            failed = [o for o in outcomes if isinstance(o, Exception)]
            if failed:
                raise SystemExit(f"{name}: a report was refused: {failed[0]}")
        cpu, wall = time.thread_time() - cpu, time.perf_counter() - wall
        db_cpu = sum(t - db_before.get(pid, 0.0) for pid, t in _tree_cpu(db_pid).items())
    finally:
        db.dispose()
    n = args.batches * args.size
    print(f"{name:<10} raw single-row commits {baseline:8.0f}/s | writer {n / wall:6.0f} reports/s "
          f"in batches of {args.size} | writer CPU {cpu / n * 1000:.3f} ms a report, batch wall "
          f"{wall / args.batches * 1000:.1f} ms"
          + (f", database server CPU {db_cpu / n * 1000:.3f} ms a report" if db_pid else ""), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", type=int, default=100)
    parser.add_argument("--size", type=int, default=30)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args()
    print(f"machine busy factor {busy_factor():.1f} (1.0 = idle); {os.cpu_count()} cores", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.backend in ("sqlite", "both"):
            run("SQLite", f"sqlite:///{folder / 'writer.sqlite3'}", raw_commits_sqlite(folder), args)
        if args.backend in ("postgresql", "both"):
            from tests.pg_server import PostgresServer

            pg = PostgresServer()
            pg.start()
            try:
                run("PostgreSQL", pg.create_database("bench_writer"),
                    raw_commits_postgres(pg.create_database("bench_raw")), args, pg.postmaster_pid())
            finally:
                pg.stop()


if __name__ == "__main__":
    main()
