"""Benchmark: measures.compute() over a year of events, beside a bare count(*).

    .venv/bin/python bench/bench_measures.py [--events 1000000] [--db FILE] [--explain]
    .venv/bin/python bench/bench_measures.py --postgres   # a throwaway PostgreSQL server

Builds (or, on SQLite, reuses when ``--db`` names a file that already holds N events) a database
of N synthetic events spread over 2025, bulk-inserted with Core (the figures must not depend on
the demo generator). Then it times compute() for the whole year, ungrouped and for each
grouping, and prints each time beside a baseline from the same run:
``SELECT count(*) FROM event WHERE received_at >= ? AND received_at < ?``. ``--postgres`` is
the district case: 10–15 streets sharing one PostgreSQL database hold about a million events a
year.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import event, func, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from commandroom.models import Category, CategoryLimit, Grid, Street, Unit  # noqa: E402
from commandroom.models.db import Database  # noqa: E402
from commandroom.models.enums import Priority, Satisfaction, Source, Status, UnitType  # noqa: E402
from commandroom.models.events import MEASURE_COLUMNS as EVENT_MEASURE_COLUMNS  # noqa: E402
from commandroom.models.events import Event  # noqa: E402
from commandroom.models.measures import GROUPINGS, compute, format_table, period_bounds  # noqa: E402

YEAR_START, YEAR_END = date(2025, 1, 1), date(2025, 12, 31)
UNITS, GRIDS, CATEGORIES = 40, 240, 61
# Roughly the mix of a live year: most events closed, a few still open, rejected or merged.
STATUS_WEIGHTS = {
    Status.EVALUATED: 55, Status.CLOSED: 35, Status.IN_PROGRESS: 2, Status.ACKNOWLEDGED: 1,
    Status.DISPATCHED: 1, Status.RESOLVED: 1, Status.VERIFIED: 0.5, Status.REGISTERED: 0.5,
    Status.RECEIVED: 0.5, Status.REJECTED: 2, Status.MERGED: 1.5,
}
# The schema has covering indexes led by received_at and by (lead_unit_id, received_at): every
# column compute() reads, after the seek keys, so SQLite never touches the wide event rows.
# With sqlite_stat1 (ANALYZE) the planner skip-scans the grouped one and needs no GROUP BY sort.
# "--indexes all" adds the same for the other groupings, to measure what they would buy.
MEASURE_COLUMNS = ", ".join(EVENT_MEASURE_COLUMNS)
OPTIONAL = {
    "ix_event_grid_measures": "grid_id, received_at",
    "ix_event_category_measures": "category_id, received_at",
    "ix_event_source_measures": "source, received_at",
}


def build_reference(db: Database) -> None:
    with db.session() as s:
        s.add(Street(id=1, code="370102001", name="姚家街道", district="历下区", city="济南市"))
        s.flush()
        s.add(Grid(id=1, street_id=1, level=1, code="G1", name="姚家街道", polygon="POLYGON EMPTY"))
        for i in range(GRIDS):
            s.add(Grid(id=10 + i, street_id=1, level=4, code=f"G4-{i:04d}", name=f"{i}号楼院",
                       parent_id=1, polygon="POLYGON EMPTY"))
        for i in range(UNITS):
            s.add(Unit(id=1 + i, street_id=1, code=f"U{i:03d}", name=f"单位{i}", type=UnitType.OFFICE))
        for i in range(CATEGORIES):
            limits = [CategoryLimit(priority=p, response_minutes=30, handling_minutes=4320) for p in Priority]
            s.add(Category(id=1 + i, code=f"C{i:03d}", class_name=f"大类{i % 5}", name=f"小类{i}",
                           lead_unit_type=UnitType.OFFICE, limits=limits))


# Statuses in lifecycle order: an event at stage k has every timestamp of the stages before it.
STAGES = (Status.RECEIVED, Status.REJECTED, Status.MERGED, Status.REGISTERED, Status.DISPATCHED,
          Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.RESOLVED, Status.VERIFIED, Status.CLOSED,
          Status.EVALUATED)
DESCRIPTION = "居民反映楼道内长期堆放杂物，存在消防隐患，请尽快处理。" * 2


def synthetic_event(n: int, offset: int, rnd: random.Random, statuses: list, weights: list) -> dict:
    """One event row with realistic values, keyed by column name."""
    status = rnd.choices(statuses, weights)[0]
    stage = STAGES.index(status)
    registered, dispatched = stage >= 3, stage >= 4
    done = status in (Status.CLOSED, Status.EVALUATED)
    received = datetime(2025, 1, 1) + timedelta(seconds=offset)
    sent = received + timedelta(minutes=rnd.randint(3, 50))
    response, handling = rnd.randint(60, 3600), rnd.randint(1800, 5 * 86400)
    resolved = sent + timedelta(seconds=handling)

    def at(reached: bool, value: datetime) -> datetime | None:
        return value if reached else None

    return dict(
        code=f"YJ{n:08d}", street_id=1, status=status.value, source=rnd.choice(list(Source)).value,
        category_id=rnd.randint(1, CATEGORIES), priority=rnd.choice(list(Priority)).value,
        title="楼道堆放杂物影响通行", description=DESCRIPTION, address=f"姚家街道某小区{rnd.randint(1, 40)}号楼",
        lat=36.65 + rnd.random() / 50, lon=117.05 + rnd.random() / 50, grid_id=rnd.randint(10, 9 + GRIDS),
        reporter_name="王先生", reporter_phone="13800000000",
        lead_unit_id=rnd.randint(1, UNITS) if dispatched else None,
        reject_reason="不属于受理范围" if status is Status.REJECTED else "", escalated=0,
        received_at=received, registered_at=at(registered, received + timedelta(minutes=2)),
        dispatched_at=at(dispatched, sent), first_dispatched_at=at(dispatched, sent),
        acknowledged_at=at(stage >= 5, sent + timedelta(seconds=response)), resolved_at=at(stage >= 7, resolved),
        verified_at=at(stage >= 8, resolved + timedelta(hours=1)), closed_at=at(done, resolved + timedelta(hours=2)),
        response_due=at(dispatched, sent + timedelta(minutes=30)), handle_due=at(dispatched, sent + timedelta(days=3)),
        on_time=(rnd.random() < 0.98) if done else None,
        transfer_count=int(dispatched and rnd.random() < 0.15), rework_count=int(done and rnd.random() < 0.01),
        extension_count=int(dispatched and rnd.random() < 0.03), contact_count=1,
        response_seconds=response if stage >= 5 else None, handling_seconds=handling if stage >= 7 else None,
        satisfaction=rnd.choices(list(Satisfaction), (90, 8, 2))[0].value if status is Status.EVALUATED else None,
        version=1,
    )


def build_events(db: Database, count: int, seed: int = 1) -> None:
    rnd = random.Random(seed)
    statuses, weights = list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values())
    # In time order, as a live database fills: rowids grow with received_at.
    offsets = sorted(rnd.randrange(365 * 86400) for _ in range(count))
    for first in range(0, count, 50_000):
        chunk = range(first, min(count, first + 50_000))
        with db.engine.begin() as conn:
            conn.execute(Event.__table__.insert(),
                         [synthetic_event(n, offsets[n], rnd, statuses, weights) for n in chunk])
    db.analyze()  # what a maintained installation has; the planner uses it


def add_indexes(db: Database, indexes: dict[str, str]) -> None:
    """Create the requested covering indexes and drop the others, so a reused file measures
    exactly what was asked."""
    with db.engine.begin() as conn:
        for name in OPTIONAL.keys() - indexes.keys():
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
        for name, keys in indexes.items():
            conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON event ({keys}, {MEASURE_COLUMNS})")
        if indexes:
            conn.exec_driver_sql("ANALYZE")


def timed(function, repeat: int) -> float:
    """Median wall time in seconds over ``repeat`` runs, after one warm-up run."""
    function()
    samples = []
    for _ in range(repeat):
        began = time.perf_counter()
        function()
        samples.append(time.perf_counter() - began)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None, help="SQLite file to build or reuse")
    parser.add_argument("--postgres", action="store_true", help="measure on a throwaway PostgreSQL server")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--explain", action="store_true", help="print SQLite's query plans")
    parser.add_argument("--indexes", choices=("schema", "all"), default="schema",
                        help="time the schema as migrated, or with covering indexes for every grouping")
    args = parser.parse_args()

    server = None
    if args.postgres:
        from tests.pg_server import PostgresServer

        server = PostgresServer()
        server.start()
        path = server.create_database("bench")
        db = Database(path)
    else:
        path = args.db or Path(tempfile.mkdtemp(prefix="bench-measures-")) / "bench.sqlite3"
        db = Database(f"sqlite:///{path}")
    try:
        return run(db, path, args)
    finally:
        db.dispose()
        if server is not None:
            server.stop()


def run(db: Database, path, args) -> int:
    backend = db.engine.dialect.name
    with db.engine.connect() as conn:
        existing = conn.execute(select(func.count()).select_from(Event)).scalar_one()
    if existing not in (0, args.events):
        print(f"{path} holds {existing} events, not {args.events}: pass another --db", file=sys.stderr)
        return 2
    if existing == 0:
        began = time.perf_counter()
        build_reference(db)
        build_events(db, args.events)
        print(f"built {args.events:,} events in {time.perf_counter() - began:.1f} s: {path}")

    add_indexes(db, {"schema": {}, "all": OPTIONAL}[args.indexes])
    since, until = period_bounds(YEAR_START, YEAR_END)
    baseline_sql = select(func.count()).select_from(Event).where(
        Event.received_at >= since, Event.received_at < until)
    with db.sessions() as session:
        if args.explain and backend == "sqlite":
            explain(db, session)
        baseline = timed(lambda: session.execute(baseline_sql).scalar_one(), args.repeat)
        print(f"\n{backend}, {args.events:,} events, whole year, indexes: {args.indexes}, median of {args.repeat}; "
              f"baseline = bare count(*) in the period: {baseline * 1000:.1f} ms\n")
        print(f"{'by':<10}{'rows':>6}{'compute ms':>12}{'baseline ms':>13}{'ratio':>8}  {'< 0.5 s':>7}")
        for by in (None, *GROUPINGS):
            rows = compute(session, YEAR_START, YEAR_END, by)
            seconds = timed(lambda: compute(session, YEAR_START, YEAR_END, by), args.repeat)  # noqa: B023
            verdict = "yes" if seconds < 0.5 else "NO"
            print(f"{by or '(total)':<10}{len(rows):>6}{seconds * 1000:>12.1f}{baseline * 1000:>13.1f}"
                  f"{seconds / baseline:>8.1f}  {verdict:>7}")
        print("\nwhat was measured (the whole year):\n" + format_table(compute(session, YEAR_START, YEAR_END), None, "en"))
    return 0


def explain(db: Database, session) -> None:
    """SQLite's plan for the very statements compute() sends (captured at the cursor)."""
    captured = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        if "FROM event" in statement:
            captured.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", capture)
    for by in (None, "unit"):
        compute(session, YEAR_START, YEAR_END, by)
    event.remove(db.engine, "before_cursor_execute", capture)
    cursor = session.connection().connection.cursor()
    for statement, parameters in captured:
        plan = cursor.execute("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
        print(" ".join(statement.split())[:160] + " …")
        print("\n".join(f"  {row[-1]}" for row in plan), "\n")


if __name__ == "__main__":
    sys.exit(main())
