"""The generated rows as a stream of messages: a ``Header`` (the organisation and catalogue),
then one dict of row lists per day, ready for ``BulkWriter``. ``produce`` makes them right here;
``producer.produce_elsewhere`` runs the very same ``produce`` in a second process.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta

from commandroom.demo import names
from commandroom.demo.catalog import build_catalog
from commandroom.demo.history import CUTOFF_HOUR, History
from commandroom.demo.layout import build_layout
from commandroom.demo.org import COMMUNITY, build_org
from commandroom.demo.rand import FastRandom
from commandroom.demo.times import sqlite_text, to_datetime


@dataclass(frozen=True)
class Plan:
    seed: int
    days: int
    per_day: int | None
    end: date
    sqlite: bool  # SQLite wants times as text, PostgreSQL as datetimes
    cutoff_hour: int = CUTOFF_HOUR  # "now" on the last day

    @property
    def first(self) -> date:
        return self.end - timedelta(days=self.days - 1)


@dataclass(frozen=True)
class Header:
    rows: dict[str, list[dict]]  # organisation and catalogue, table by table in insert order
    levels: tuple[int, int, int, int]
    units: int
    categories: int


@contextmanager
def gc_paused():
    """No cyclic garbage collection for a while. The simulation allocates millions of small
    lists, dicts and tuples that live for a day; each allocation burst triggers collections that
    walk them all again, a quarter of the run. Nothing of ours forms reference cycles (a day's
    rows are freed by reference counting the moment they are written), so it is safe."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def produce(plan: Plan) -> Iterator[Header | dict[str, list[tuple]]]:
    rng = FastRandom(plan.seed)  # every draw of the whole street comes from this one generator
    street = names.STREET
    layout = build_layout(rng, street["lon"], street["lat"])
    org = build_org(rng, layout)
    communities = [uid for key, uid in org.units.items() if key.startswith(COMMUNITY)]
    catalog_rows, cats = build_catalog(org.units, communities)
    history = History(rng, org, cats, plan.first, plan.end,
                      sqlite_text if plan.sqlite else to_datetime, cutoff_hour=plan.cutoff_hour)
    # After History: it has brought the units to their duty status at the horizon.
    rows = {t: org.rows[t] for t in ("street", "grid", "grid_staff", "unit", "app_user")}
    yield Header(rows | catalog_rows, org.levels, len(org.rows["unit"]), len(cats))
    for offset in range(plan.days):
        day = plan.first + timedelta(days=offset)
        yield history.day(day, plan.per_day or history.default_count(day))
