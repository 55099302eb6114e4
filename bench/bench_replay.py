"""Benchmark: scrubbing through a week with the replay fold, beside refolding from scratch.

    .venv/bin/python bench/bench_replay.py [--days 60] [--per-day 120] [--db FILE] [--moves 200]

Generates the demo street (or reuses ``--db`` when it already holds one), opens a ``Replay``
over the last full week (Monday 00:00 to the next Monday), then moves a time slider to
``--moves`` random instants of that week and times ``state_at`` there, and ``changes_between``
for the hour before each instant. The baseline, in the same run, is what a replay without
checkpoints would do: fold the street's whole log up to each instant (``replay.state_at``), for
a tenth of the moves. The figure to read is the ratio: how much cheaper a move on the slider is
than a refold, and the milliseconds per move (a slider feels live under ~50 ms).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, time as clock_time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from commandroom.models.db import Database  # noqa: E402
from commandroom.models.replay import Replay, state_at  # noqa: E402


def _generate(db: Database, days: int, per_day: int) -> None:
    try:
        from commandroom.demo import generate, has_street
    except ImportError:  # before the generator moved out of the domain
        from commandroom.models.demo import generate, has_street
    if not has_street(db):
        generate(db, days=days, seed=1, per_day=per_day, end=date.today() - timedelta(days=1))
        db.analyze()


def _ms(seconds: list[float]) -> str:
    return f"mean {statistics.fmean(seconds) * 1000:7.1f} ms, p95 {sorted(seconds)[int(len(seconds) * .95)] * 1000:7.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=60)
    parser.add_argument("--per-day", type=int, default=120)
    parser.add_argument("--db", default=None, help="a SQLite file to reuse")
    parser.add_argument("--moves", type=int, default=200)
    args = parser.parse_args()
    path = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "bench_replay.sqlite3"
    db = Database(f"sqlite:///{path}")
    _generate(db, args.days, args.per_day)

    today = date.today()
    monday = today - timedelta(days=today.weekday() + 7)
    start = datetime.combine(monday, clock_time())
    end = start + timedelta(days=7)
    rng = random.Random(1)
    instants = [start + timedelta(seconds=rng.randrange(7 * 86400)) for _ in range(args.moves)]

    with db.session() as session:
        began = time.perf_counter()
        replay = Replay(session, None, start, end)
        opened = time.perf_counter() - began
        moves, spans = [], []
        for at in instants:
            began = time.perf_counter()
            state = replay.state_at(at)
            moves.append(time.perf_counter() - began)
            began = time.perf_counter()
            replay.changes_between(at - timedelta(hours=1), at)
            spans.append(time.perf_counter() - began)
        refolds = []
        for at in instants[: max(1, args.moves // 10)]:
            began = time.perf_counter()
            baseline = state_at(session, None, at)
            refolds.append(time.perf_counter() - began)
            assert baseline.events == replay.state_at(at).events  # the same answer, cheaper
    db.dispose()
    print(f"week {start:%Y-%m-%d} … {end:%Y-%m-%d}: {len(replay.entries):,} log rows in the week, "
          f"{len(state.events):,} events in the state at the last move")
    print(f"open the week (fold everything before it, checkpoint the week): {opened * 1000:.0f} ms")
    print(f"move the slider (state_at), {len(moves)} moves:          {_ms(moves)}")
    print(f"the hour before each move (changes_between):    {_ms(spans)}")
    print(f"baseline: refold the log up to the instant, {len(refolds)}×: {_ms(refolds)}")
    print(f"ratio: a move costs {statistics.fmean(moves) / statistics.fmean(refolds):.1%} of a refold")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
