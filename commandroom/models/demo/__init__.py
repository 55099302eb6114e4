"""The demo street: a deterministic, realistic street with days of history (``commandroom demo``).

The same seed, days, per_day and end give byte-identical data: every draw comes from one
``random.Random(seed)`` and no real time enters the data (only the summary's seconds).
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from commandroom.models import Street
from commandroom.models.clock import Clock
from commandroom.models.db import Database
from commandroom.models.demo import names
from commandroom.models.demo.bulk import BulkWriter
from commandroom.models.demo.catalog import build_catalog
from commandroom.models.demo.history import History
from commandroom.models.demo.layout import build_layout
from commandroom.models.demo.org import COMMUNITY, build_org
from commandroom.models.errors import ConfigError

__all__ = ["DemoSummary", "generate", "has_street"]


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
             end: date | None = None) -> DemoSummary:
    """Generate the street and ``days`` days of history ending on ``end`` (default: today) into
    an empty database. ``per_day`` fixes the events a day; by default each day draws its own."""
    if days < 1 or (per_day is not None and not 1 <= per_day <= 9999):
        raise ConfigError("天数须为正数，每日事件数须在 1～9999 之间",
                          "days must be positive and per_day between 1 and 9999")
    if has_street(db):
        raise ConfigError("数据库中已有街道数据，演示数据只能生成到空数据库",
                          "The database already holds a street; demo data needs an empty database")
    started = time.perf_counter()
    end = end or Clock().now().date()
    rng = random.Random(seed)
    street = names.STREET
    layout = build_layout(rng, street["lon"], street["lat"])
    org = build_org(rng, layout)
    communities = [uid for key, uid in org.units.items() if key.startswith(COMMUNITY)]
    catalog_rows, cats = build_catalog(org.units, communities)
    events = 0
    with BulkWriter(db.engine) as writer:
        for table in ("street", "grid", "grid_staff", "unit", "app_user"):
            writer.insert_dicts(table, org.rows[table])
        for table in ("category", "category_limit", "unit_category"):
            writer.insert_dicts(table, catalog_rows[table])
        history = History(rng, org, cats, end, writer.db_time)
        first = end - timedelta(days=days - 1)
        for offset in range(days):
            day = first + timedelta(days=offset)
            rows = history.day(day, per_day or history.default_count(day))
            events += len(rows["event"])
            writer.add(rows)
    return DemoSummary(
        street["name"], street["district"], street["city"], org.levels, len(org.rows["unit"]),
        len(cats), events, writer.written["event_log"], sum(writer.written.values()), first, end,
        time.perf_counter() - started,
    )
