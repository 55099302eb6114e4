"""How fast the demo generator fills a database, against raw sqlite3 in the same run.

    .venv/bin/python bench/bench_generate.py [--events 1000000] [--seed 1]

Ours: ``generate()`` into a fresh SQLite file (simulation, row building and inserts, indexes and
all). Baseline: the same number of rows of the same widths, per table, copied from a sample of
our own rows, inserted with plain ``sqlite3.executemany`` into fresh unindexed tables with the
same pragmas and chunking: the floor for getting those bytes into SQLite from Python.
"""

from __future__ import annotations

import argparse
import itertools
import math
import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from commandroom.models.db import Database  # noqa: E402
from commandroom.models.demo import generate  # noqa: E402
from commandroom.models.demo.bulk import CHUNK_ROWS, ORDER  # noqa: E402

PER_DAY = 2740  # a district's day: ~1,000,000 events a year


def run_ours(path: Path, events: int, seed: int):
    per_day = min(PER_DAY, events)
    days = math.ceil(events / per_day)
    db = Database(f"sqlite:///{path}")  # migrations run here, outside the timing
    started = time.perf_counter()
    summary = generate(db, days=days, seed=seed, per_day=per_day, end=date(2026, 11, 21))
    elapsed = time.perf_counter() - started
    db.dispose()
    return summary, elapsed


def table_shapes(path: Path) -> dict[str, tuple[int, list[tuple]]]:
    """Per table: row count and a sample of real rows (the baseline inserts copies of these)."""
    con = sqlite3.connect(path)
    shapes = {t: (con.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0],
                  con.execute(f'SELECT * FROM "{t}" LIMIT 2000').fetchall()) for t in ORDER}
    con.close()
    return shapes


def run_baseline(path: Path, shapes: dict[str, tuple[int, list[tuple]]]) -> float:
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    plan = []
    for table, (count, sample) in shapes.items():
        if count:
            width = len(sample[0])
            con.execute(f"CREATE TABLE b_{table} ({', '.join(f'c{i}' for i in range(width))})")
            sql = f"INSERT INTO b_{table} VALUES ({', '.join('?' * width)})"
            plan.append((sql, count, sample))
    started = time.perf_counter()
    for sql, count, sample in plan:
        rows = itertools.islice(itertools.cycle(sample), count)
        while chunk := list(itertools.islice(rows, CHUNK_ROWS)):
            con.execute("BEGIN")
            con.executemany(sql, chunk)
            con.execute("COMMIT")
    elapsed = time.perf_counter() - started
    con.close()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    wall = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-generate-") as folder:
        summary, ours = run_ours(Path(folder) / "ours.sqlite3", args.events, args.seed)
        shapes = table_shapes(Path(folder) / "ours.sqlite3")
        baseline = run_baseline(Path(folder) / "baseline.sqlite3", shapes)
    total_rows = sum(count for count, _ in shapes.values())
    ours_rate, base_rate = total_rows / ours, total_rows / baseline
    print(f"{'':34}{'rows':>12}{'seconds':>10}{'rows/s':>12}")
    print(f"{'ours: events':34}{summary.events:>12,}{ours:>10.1f}{summary.events / ours:>12,.0f}")
    print(f"{'ours: all rows (' + str(len(shapes)) + ' tables)':34}{total_rows:>12,}{ours:>10.1f}{ours_rate:>12,.0f}")
    print(f"{'baseline: sqlite3.executemany':34}{total_rows:>12,}{baseline:>10.1f}{base_rate:>12,.0f}")
    print(f"{'ratio ours/baseline':34}{ours_rate / base_rate:>34.0%}   (goal >= 50%)")
    print(f"{'total wall time':34}{time.perf_counter() - wall:>22.1f}")
    for table in ("event", "contact", "assignment", "event_log"):
        count, sample = shapes[table]
        print(f"  {table:32}{count:>12,}  x {len(sample[0]) if sample else 0} columns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
