"""The generated rows as a stream of messages: a ``Header`` (the organisation and catalogue),
then one dict of row lists per day, ready for ``BulkWriter``.

The days are simulated in ``LANES`` lanes (history.py says how they share the work): ``produce``
makes one lane's messages right here, ``producer.produce_elsewhere`` runs the very same
``produce`` in a process of its own, and ``merge_lanes`` deals the lanes' days back into one
stream in day order, numbering the log. Same seed, same rows, however the lanes are run.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from operator import itemgetter

from commandroom.demo import names
from commandroom.demo.catalog import build_catalog
from commandroom.demo.history import CUTOFF_HOUR, History
from commandroom.demo.layout import build_layout
from commandroom.demo.org import COMMUNITY, build_org
from commandroom.demo.rand import FastRandom
from commandroom.demo.times import sqlite_text, to_datetime


# Fixed, not the machine's core count: the lanes are part of what the seed means.
LANES = 2


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


def produce(plan: Plan, lane: int = 0) -> Iterator[Header | dict[str, list]]:
    """Lane ``lane``'s messages: the header, then its days' rows (``History.day``)."""
    rng = FastRandom(plan.seed)  # the street, the counts and the roster: the same in every lane
    street = names.STREET
    layout = build_layout(rng, street["lon"], street["lat"])
    org = build_org(rng, layout)
    communities = [uid for key, uid in org.units.items() if key.startswith(COMMUNITY)]
    catalog_rows, cats = build_catalog(org.units, communities)
    history = History(rng, org, cats, plan.first, plan.end,
                      sqlite_text if plan.sqlite else to_datetime, cutoff_hour=plan.cutoff_hour,
                      per_day=plan.per_day, seed=plan.seed, lane=lane, lanes=LANES)
    # After History: it has brought the units to their duty status at the horizon.
    rows = {t: org.rows[t] for t in ("street", "grid", "grid_staff", "unit", "app_user")}
    yield Header(rows | catalog_rows, org.levels, len(org.rows["unit"]), len(cats))
    for i in history.own_days():
        yield history.day(i)


def merge_lanes(lanes: list[Iterator]) -> Iterator[Header | dict[str, list]]:
    """One stream from the lanes' streams: the header (every lane's is the same), then the days
    in order, each with its log rows from every lane sorted by time and given their ids."""
    try:
        header = None
        for stream in lanes:
            header = next(stream)
        yield header
        waiting: dict[int, list[list]] = {}  # log rows by day index, from every lane so far
        next_id, i = 1, 0
        while (rows := next(lanes[i % len(lanes)], None)) is not None:
            for d, log in rows["event_log"].items():
                waiting.setdefault(d, []).extend(log)
            log = waiting.pop(i, [])  # complete: every lane has handed over its rows of day i
            log.sort(key=itemgetter(0))  # by time; stable: one event's rows keep their order
            for row_id, row in enumerate(log, start=next_id):
                row[0] = row_id  # the time has done its work: the slot takes the id
            next_id += len(log)
            rows["event_log"] = log
            yield rows
            i += 1
    finally:  # stopped early or done: each lane ends now (a producer process with it)
        for stream in lanes:
            close = getattr(stream, "close", None)
            if close is not None:
                close()
