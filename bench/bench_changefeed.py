"""What one feed-pump poll costs on SQLite, beside a raw sqlite3 read of the same log rows.

    .venv/bin/python bench/bench_changefeed.py [--events 1000] [--repeat 30]

Appends one ``receive`` log row for each of ~1,000 new events (as a storm of calls would), then
times the pump's work for that batch — ``read_since`` + ``load_rows`` in one session — and an
idle poll (nothing new), each against ``SELECT * FROM event_log WHERE id > ?`` on a plain
sqlite3 connection in the same run. Prints medians and the ratios.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from commandroom.models import Category, Event, EventLog, Grid, Street
from commandroom.models.changefeed import latest_id, read_since, touched_event_ids
from commandroom.models.db import Database
from commandroom.models.enums import Action, Priority, Source, Status, UnitType
from commandroom.models.queries import load_rows

NOW = datetime(2026, 11, 16, 9, 0)
SQUARE = "POLYGON((117 36.6, 117.01 36.6, 117.01 36.61, 117 36.61, 117 36.6))"


def seed(db: Database, events: int) -> int:
    """A street with one community and grid, then ``events`` events and their log rows.

    Returns the log id before the batch (where a console that had seen everything stands).
    """
    with db.session() as s:
        street = Street(code="B", abbr="BM", name="基准街道", district="历下区")
        s.add(street)
        s.flush()
        community = Grid(street_id=street.id, level=3, code="C", name="基准社区", polygon=SQUARE)
        s.add(community)
        s.flush()
        grid = Grid(street_id=street.id, level=4, code="C1", name="基准1号院", parent_id=community.id,
                    polygon=SQUARE)
        category = Category(code="CG01", class_name="城市管理", name="占道经营",
                            lead_unit_type=UnitType.RESIDENT_UNIT)
        s.add_all([grid, category])
        s.flush()
        ids = (street.id, grid.id, category.id)
    with db.session() as s:
        before = latest_id(s)
    with db.session() as s:
        street_id, grid_id, category_id = ids
        rows = [Event(code=f"BM{n:06d}", street_id=street_id, status=Status.REGISTERED,
                      source=Source.HOTLINE_12345, priority=Priority.NORMAL, version=1,
                      title=f"占道经营{n}", address=f"基准路{n}号", grid_id=grid_id,
                      category_id=category_id, received_at=NOW - timedelta(minutes=n),
                      handle_due=NOW + timedelta(hours=n % 48 - 8))
                for n in range(events)]
        s.add_all(rows)
        s.flush()
        s.add_all(EventLog(at=NOW, actor="bench", console="bench", event_id=e.id,
                           action=Action.RECEIVE, payload={"title": e.title}) for e in rows)
    return before


def median_us(fn, repeat: int) -> tuple[float, int]:
    fn()  # warm caches and the connection pool
    times, size = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        size = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e6, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        db = Database(f"sqlite:///{path}")
        before = seed(db, args.events)
        with db.session() as s:
            last = latest_id(s)
        raw = sqlite3.connect(path)

        def raw_read(since: int):
            return lambda: len(raw.execute("SELECT * FROM event_log WHERE id > ?", (since,)).fetchall())

        def pump_poll(since: int):
            def poll():
                with db.session() as s:
                    entries = read_since(s, since, limit=args.events + 1)
                    return len(load_rows(s, touched_event_ids(entries), NOW)) if entries else 0
            return poll

        results = [
            ("batch", "raw sqlite3: event_log id > ?", *median_us(raw_read(before), args.repeat)),
            ("batch", "pump: read_since + load_rows", *median_us(pump_poll(before), args.repeat)),
            ("idle", "raw sqlite3: event_log id > ?", *median_us(raw_read(last), args.repeat)),
            ("idle", "pump: read_since (nothing new)", *median_us(pump_poll(last), args.repeat)),
        ]
        raw.close()
        db.dispose()

    print(f"change feed on SQLite: {args.events} new events, median of {args.repeat} runs")
    print(f"{'poll':<6} {'what':<34} {'rows':>6} {'µs':>10}")
    for kind, what, us, rows in results:
        print(f"{kind:<6} {what:<34} {rows:>6} {us:>10.1f}")
    batch_ratio = results[1][2] / results[0][2]
    idle_ratio = results[3][2] / results[2][2]
    print(f"ratio pump/raw: batch {batch_ratio:.1f}x, idle {idle_ratio:.1f}x "
          f"({results[1][2] / max(results[1][3], 1):.1f} µs per event snapshot)")


if __name__ == "__main__":
    main()
