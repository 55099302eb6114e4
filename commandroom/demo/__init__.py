"""The demo street: a deterministic, realistic street with days of history (``commandroom demo``).

A tool beside the domain, not part of it: it uses ``commandroom.models`` (the transitions, the
lifecycle table, the payloads) to write what the commands would have written, fast.

The same seed, days, per_day and end give byte-identical data: every draw comes from one
``FastRandom(seed)`` (a ``random.Random`` with the same draws, see rand.py) and no real time
enters the data (only the summary's seconds). Whether the history is simulated here or in a
producer process (stream.py, producer.py) does not change a byte either.

All or nothing: the street is written in one transaction (bulk.py); interrupted, refused or
failing, ``generate`` leaves the database as it found it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from commandroom.models import Street
from commandroom.models.clock import Clock
from commandroom.models.db import Database
from commandroom.demo import names
from commandroom.demo.bulk import BulkWriter
from commandroom.demo.producer import produce_elsewhere
from commandroom.demo.history import CUTOFF_HOUR
from commandroom.demo.stream import LANES, Plan, gc_paused, merge_lanes, produce
from commandroom.models.errors import ConfigError

__all__ = ["DemoSummary", "Progress", "check", "generate", "has_street"]

# From about this many events on, simulate the lanes in producer processes while this one
# inserts (see stream.py); below it, starting more interpreters costs more than it saves.
OVERLAP_EVENTS = 30_000
DEFAULT_PER_DAY = 120  # for that estimate: the most a day draws on average (History.mean_per_day)
# The days a history may cover: the era of the 12345 hotline and grid management, and a
# calendar every database and the time formatting handle.
EARLIEST, LATEST = date(2000, 1, 1), date(2099, 12, 31)
MAX_DAYS = 3660
# Told after each day is simulated and handed to the writer: (days done, days in all). It may
# raise to stop the generation; nothing is written then.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DemoSummary:
    street: str
    district: str
    city: str
    grids: tuple[int, int, int, int]  # per level, L1 to L4
    units: int
    categories: int
    events: int
    log_rows: int
    rows: int  # every row written, all tables
    first_day: date
    last_day: date
    seconds: float
    # How the load went (the benchmark reports these and replays the chunks):
    insert_seconds: float = 0.0  # spent inserting, in this process
    wait_seconds: float = 0.0  # spent waiting for rows (simulating, or waiting for the producer)
    overlapped: bool = False  # simulated in a producer process
    written: dict[str, int] = field(default_factory=dict, compare=False)  # rows per table
    # Rows per table of each insert chunk, in order, all in one transaction.
    chunks: tuple[tuple[tuple[str, int], ...], ...] = field(default=(), compare=False, repr=False)

    def __str__(self) -> str:
        l1, l2, l3, l4 = self.grids
        return (
            f"{self.street}（{self.city}{self.district}）{self.first_day}～{self.last_day}：\n"
            f"  网格 街道{l1}/管区{l2}/社区{l3}/单元网格{l4}，单位 {self.units} 个，事件类别 {self.categories} 项\n"
            f"  事件 {self.events:,} 件，日志 {self.log_rows:,} 行，共 {self.rows:,} 行，"
            f"用时 {self.seconds:.1f} 秒"
        )


def has_street(db: Database) -> bool:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(Street)) > 0


def generate(db: Database, *, days: int, seed: int, per_day: int | None = None,
             end: date | None = None, overlap: bool | None = None,
             progress: Progress | None = None) -> DemoSummary:
    """Generate the street and ``days`` days of history ending on ``end`` into an empty database.
    With ``end`` the history stops at 16:00 that day (reproducible); without it, at the last
    full hour before now, so the console opens on live work and nothing lies in the future.
    ``per_day`` fixes the events a day; by default each day draws its own. ``overlap``
    simulates in a producer process (default: for big histories on 2+ cores); the rows are the
    same either way. ``progress`` hears of each day done, and may stop the generation by raising."""
    started = time.perf_counter()
    if end is None:
        now = Clock().now()
        end, cutoff = now.date(), max(1, now.hour)
    else:
        cutoff = CUTOFF_HOUR
    check(days, per_day, end)
    if has_street(db):
        raise _not_empty()
    plan = Plan(seed, days, per_day, end, db.engine.dialect.name == "sqlite", cutoff)
    if overlap is None:
        overlap = days * (per_day or DEFAULT_PER_DAY) >= OVERLAP_EVENTS and (os.cpu_count() or 1) > 1
    stream = merge_lanes([(produce_elsewhere if overlap else produce)(plan, lane) for lane in range(LANES)])
    events, done, waiting = 0, 0, 0.0
    try:
        with gc_paused(), closing(stream), BulkWriter(db.engine) as writer:
            header = next(stream)
            for table, rows in header.rows.items():
                writer.insert_dicts(table, rows)
            while True:
                asked = time.perf_counter()
                rows = next(stream, None)
                waiting += time.perf_counter() - asked
                if rows is None:
                    break
                events += len(rows["event"])
                writer.add(rows)
                done += 1
                if progress is not None:
                    progress(done, days)
    except (IntegrityError, db.engine.dialect.dbapi.IntegrityError):  # the driver's own from COPY
        # Another process made a street between the check above and our write (two ``demo``
        # at once on a new file): its rows are there, none of ours (all or nothing).
        if has_street(db):
            raise _not_empty() from None
        raise
    street = names.STREET
    return DemoSummary(
        street["name"], street["district"], street["city"], header.levels, header.units,
        header.categories, events, writer.written["event_log"], sum(writer.written.values()),
        plan.first, plan.end, time.perf_counter() - started, writer.seconds, waiting, overlap,
        dict(writer.written), tuple(writer.chunks),
    )


def _not_empty() -> ConfigError:
    return ConfigError("数据库中已有街道数据，演示数据只能生成到空数据库",
                       "The database already holds a street; demo data needs an empty database")


def check(days: int, per_day: int | None, end: date | None) -> None:
    """Refuse what cannot make a street, before anything is written (``end`` None: today)."""
    end = end or Clock().now().date()
    if not 1 <= days <= MAX_DAYS or (per_day is not None and not 1 <= per_day <= 9999):
        raise ConfigError(f"天数须在 1～{MAX_DAYS} 之间，每日事件数须在 1～9999 之间",
                          f"days must be from 1 to {MAX_DAYS} and per_day from 1 to 9999")
    first = date.fromordinal(max(1, end.toordinal() - days + 1))
    if not EARLIEST <= first <= end <= LATEST:
        raise ConfigError(f"演示历史须在 {EARLIEST} 至 {LATEST} 之间：{first} ～ {end}",
                          f"The demo history must lie between {EARLIEST} and {LATEST}: {first} to {end}")
