"""How fast the demo generator fills a database, against raw sqlite3 in the same run.

    .venv/bin/python bench/bench_generate.py [--events 1000000] [--seed 1]

Ours: ``generate()`` into a freshly migrated SQLite file: simulation, row building and inserts.

Baseline: the cost of inserting those very rows at all. A second freshly migrated file (same
tables, same indexes) gets the identical rows, read back from ours in insertion order (the
reading is not timed), inserted with plain ``sqlite3.executemany`` with the generator's pragmas,
the same INSERT statements, the same chunks (the generator reports each chunk's row counts per
table, and the baseline replays them one for one) and, like ours, all in one transaction. So
the ratio is our whole overhead (simulation, row building, driver path) against the floor for
storing the rows.
"""

from __future__ import annotations

import argparse
import math
import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from commandroom.models import Base  # noqa: E402
from commandroom.models.db import Database  # noqa: E402
from commandroom.demo import DemoSummary, generate  # noqa: E402

PER_DAY = 2740  # a district's day: ~1,000,000 events a year


def fresh_schema(path: Path) -> None:
    Database(f"sqlite:///{path}").dispose()  # the Alembic migrations, outside any timing


def run_ours(path: Path, events: int, seed: int) -> tuple[DemoSummary, float]:
    per_day = min(PER_DAY, events)
    days = math.ceil(events / per_day)
    db = Database(f"sqlite:///{path}")  # the migrations run here, outside the timing
    started = time.perf_counter()
    summary = generate(db, days=days, seed=seed, per_day=per_day, end=date(2026, 11, 21))
    elapsed = time.perf_counter() - started
    db.dispose()
    return summary, elapsed


def run_baseline(source: Path, path: Path, chunks) -> tuple[float, float]:
    """Replay our chunks with raw sqlite3, in one transaction. Returns (insert seconds, untimed
    read seconds)."""
    fresh_schema(path)
    con = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=OFF"):  # as BulkWriter
        con.execute(f"PRAGMA {pragma}")
    reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    cursors, inserts = {}, {}
    inserting = reading = 0.0
    started = time.perf_counter()
    con.execute("BEGIN")
    inserting += time.perf_counter() - started
    for chunk in chunks:
        started = time.perf_counter()
        batches = []
        for table, count in chunk:
            if table not in cursors:  # the generator's own column order and INSERT statement
                names = [c.name for c in Base.metadata.tables[table].columns]
                columns = ", ".join(names)
                cursors[table] = reader.execute(f'SELECT {columns} FROM "{table}" ORDER BY rowid')
                inserts[table] = f'INSERT INTO "{table}" ({columns}) VALUES ({", ".join("?" * len(names))})'
            batches.append((inserts[table], cursors[table].fetchmany(count)))
        middle = time.perf_counter()
        for sql, rows in batches:
            con.executemany(sql, rows)
        inserting += time.perf_counter() - middle
        reading += middle - started
    started = time.perf_counter()
    con.execute("COMMIT")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # as BulkWriter after its commit
    inserting += time.perf_counter() - started
    reader.close()
    con.close()
    return inserting, reading


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    wall = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-generate-") as folder:
        ours_path, base_path = Path(folder) / "ours.sqlite3", Path(folder) / "baseline.sqlite3"
        summary, ours = run_ours(ours_path, args.events, args.seed)
        baseline, reading = run_baseline(ours_path, base_path, summary.chunks)
        counts = {}
        for path in (ours_path, base_path):  # both sides hold the same rows, table by table
            con = sqlite3.connect(path)
            counts[path] = {t: con.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in summary.written}
            con.close()
    assert counts[ours_path] == counts[base_path] == summary.written, "both sides must insert the same rows"
    rows = summary.rows
    ours_rate, base_rate = rows / ours, rows / baseline
    print("same rows, same freshly migrated schema (indexes and all), same pragmas, chunks and "
          "single transaction")
    print(f"{'':40}{'rows':>12}{'seconds':>10}{'rows/s':>12}")
    print(f"{'ours: events':40}{summary.events:>12,}{ours:>10.1f}{summary.events / ours:>12,.0f}")
    print(f"{f'ours: generate(), all rows ({len(summary.written)} tables)':40}{rows:>12,}{ours:>10.1f}"
          f"{ours_rate:>12,.0f}")
    print(f"{'  of which inserting (main process)':40}{'':>12}{summary.insert_seconds:>10.1f}")
    print(f"{'  of which waiting for rows':40}{'':>12}{summary.wait_seconds:>10.1f}")
    print(f"{'baseline: raw sqlite3.executemany':40}{rows:>12,}{baseline:>10.1f}{base_rate:>12,.0f}")
    print(f"{'  (reading the rows back, not timed)':40}{'':>12}{reading:>10.1f}")
    print(f"{'ratio ours/baseline':40}{ours_rate / base_rate:>34.0%}   (goal >= 50%)")
    print(f"{'chunks, in one transaction, each side':40}{len(summary.chunks):>12,}")
    print(f"{'producer process':40}{'yes' if summary.overlapped else 'no':>12}")
    print(f"{'total wall time':40}{time.perf_counter() - wall:>22.1f}")
    for table in ("event", "contact", "assignment", "event_log"):
        print(f"  {table:38}{summary.written[table]:>12,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
