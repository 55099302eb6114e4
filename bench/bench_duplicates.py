"""Duplicate candidates: is the true event among the first three, as of the report's arrival?

    PYTHONPATH=. .venv/bin/python bench/bench_duplicates.py --db sqlite:////tmp/demo.sqlite3 [--db …]

The truth: every event of the history merged into another (``merged_into_id``). The street's log
is folded forward row by row (``replay.apply``, the replay's own fold); when a merged report's
受理 row has been folded, its candidates are ranked on the state of that instant — only events
received before it, with the status and category they had then — and with a category suggester
that has learnt exactly the events registered by then. The report itself is ranked as it
arrived: no category, its text, its point and grid.

Printed beside the ranking (``duplicates.rank``) in the same run: the baseline "the newest
earlier events in the same grid" (among the same attachable ones), the ranking with each part of
the score alone (what each part carries), and the cost of one ``duplicate_candidates`` call on
the final tables beside the cost of its window query alone.
"""

from __future__ import annotations

from pathlib import Path

import sys

import math
import random
import statistics
import time
from dataclasses import replace

from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere
from bench.history_db import open_history, parser  # noqa: E402
from commandroom.models.duplicates import (
    _EARLIER_COLUMNS, ATTACHABLE, Earlier, Report, Rules, Weights, category_classes,
    duplicate_candidates, rank)
from commandroom.models.events import Event
from commandroom.models.replay import RoomState, apply, read_log
from commandroom.models.suggest import CategorySuggester, event_text

RULES = Rules()
VARIANTS = {
    "combined score (duplicates.rank)": RULES,
    "text alone": replace(RULES, weights=Weights(1, 0, 0, 0)),
    "place alone": replace(RULES, weights=Weights(0, 1, 0, 0)),
    "category alone": replace(RULES, weights=Weights(0, 0, 1, 0)),
    "recency alone": replace(RULES, weights=Weights(0, 0, 0, 1)),
}
BASELINE = "baseline: newest in the same grid"
# The report as it may really arrive: a 12345 ticket's content has no title (the officer writes
# one when registering); a phone call gives an address the officer turns into a grid, no point.
ARRIVALS = {
    "combined, report without its title": lambda r, e: replace(r, text=e["description"]),
    "combined, report without a point": lambda r, e: replace(r, lat=None, lon=None),
    "combined, report's text alone": lambda r, e: replace(r, lat=None, lon=None, grid_id=None),
    # A second caller's point is another geocoded address or GPS fix, not the first one's.
    "combined, no title, point 150 m off": lambda r, e: moved(replace(r, text=e["description"]), 150),
}
JITTER = random.Random(6)


def moved(report: Report, metres: float) -> Report:
    """The report with its point moved ``metres`` in a random direction (seeded)."""
    if report.lat is None or report.lon is None:
        return report
    angle = JITTER.uniform(0, 2 * math.pi)
    dlat = metres * math.cos(angle) / 111_320
    dlon = metres * math.sin(angle) / (111_320 * math.cos(math.radians(report.lat)))
    return replace(report, lat=report.lat + dlat, lon=report.lon + dlon)


def same_grid_newest(report: Report, earlier: list[Earlier]) -> list[int]:
    pool = [e for e in earlier if e.grid_id == report.grid_id and e.status in ATTACHABLE
            and report.received_at - RULES.window <= e.received_at <= report.received_at]
    return [e.event_id for e in sorted(pool, key=lambda e: (e.received_at, e.event_id), reverse=True)]


def replay_history(db, street_id: int, tally: dict[str, list[int]]) -> None:
    with db.session() as s:
        truth = dict(s.execute(select(Event.id, Event.merged_into_id).where(
            Event.street_id == street_id, Event.merged_into_id.is_not(None))).all())
        classes = category_classes(s)
        state, suggester, learnt = RoomState(), CategorySuggester(), set()
        for entry in read_log(s, street_id):
            apply(state, entry)
            event = state.events.get(entry.event_id)
            if event is None:
                continue
            if event["category_id"] is not None and event["id"] not in learnt:
                learnt.add(event["id"])
                suggester.add(event["category_id"], event_text(event["title"], event["description"]))
            if entry.event_id in truth and entry.action == "receive":
                report = replace(Report.of_row(event), category_id=None)
                earlier = [Earlier.of_row(e) for e in state.events.values() if e["id"] != event["id"]]
                ranked = {name: [c.event_id for c in rank(report, earlier, classes=classes,
                                                          suggester=suggester, k=3, rules=rules)]
                          for name, rules in VARIANTS.items()}
                for name, arrive in ARRIVALS.items():
                    ranked[name] = [c.event_id for c in rank(
                        arrive(report, event), earlier, classes=classes, suggester=suggester, k=3)]
                ranked[BASELINE] = same_grid_newest(report, earlier)[:3]
                for name, top in ranked.items():
                    row = tally.setdefault(name, [0, 0, 0])
                    row[0] += top[:1] == [truth[entry.event_id]]
                    row[1] += truth[entry.event_id] in top
                    row[2] += 1


def timing(db, street_id: int, calls: int = 50) -> tuple[float, float]:
    """Median ms of ``duplicate_candidates`` and of its window query alone, on the newest
    received events of the final tables."""
    with db.session() as s:
        classes = category_classes(s)
        suggester = CategorySuggester.from_session(s, street_id)
        ids = s.scalars(select(Event.id).where(Event.street_id == street_id)
                        .order_by(Event.received_at.desc()).limit(calls)).all()
        full, query = [], []
        for event_id in ids:
            report = Report.of_event(s.get_one(Event, event_id))
            started = time.perf_counter()
            duplicate_candidates(s, street_id, report, suggester=suggester, classes=classes)
            full.append(time.perf_counter() - started)
            started = time.perf_counter()
            s.execute(select(*_EARLIER_COLUMNS).where(
                Event.street_id == street_id, Event.status.in_(sorted(ATTACHABLE)),
                Event.received_at >= report.received_at - RULES.window,
                Event.received_at <= report.received_at)).all()
            query.append(time.perf_counter() - started)
    return statistics.median(full) * 1000, statistics.median(query) * 1000


def main() -> int:
    args = parser(__doc__).parse_args()
    tally: dict[str, list[int]] = {}
    for url in args.db:
        db, street_id = open_history(url, args.street)
        full, query = timing(db, street_id)  # first: the n-gram cache is cold, as at start-up
        replay_history(db, street_id, tally)
        print(f"{url}: duplicate_candidates {full:.1f} ms per call "
              f"(its window query alone {query:.1f} ms, ×{full / query:.1f})")
        db.dispose()
    print(f"\n{'ranking':<38} {'top-1':>7} {'top-3':>7} {'merged reports':>15}")
    for name in [*VARIANTS, *ARRIVALS, BASELINE]:
        top1, top3, n = tally[name]
        print(f"{name:<38} {top1 / n:>7.1%} {top3 / n:>7.1%} {n:>15}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
