"""Pinyin type-ahead: one keystroke's search over a street's categories and units, beside a
plain substring filter over the same names in the same run.

    PYTHONPATH=. .venv/bin/python bench/bench_pinyin.py --db sqlite:////tmp/demo.sqlite3

The names are the database's categories (name and class) and the street's units. Each query is
typed letter by letter (l, lj, ljd, ljdf …), one search per keystroke, as the picker does.
"""

from __future__ import annotations

from pathlib import Path

import sys

import statistics
import time

from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere
from bench.history_db import open_history, parser  # noqa: E402
from commandroom.models import Category, Unit
from commandroom.models.pinyin import PinyinIndex

QUERIES = ("ljdf", "hws", "zhzf", "zdjy", "lajiqingyun", "12345", "垃圾", "xzzfb", "qwerty")


def keystrokes() -> list[str]:
    return [q[:n] for q in QUERIES for n in range(1, len(q) + 1)]


def timed(search, repeat: int = 20) -> float:
    """Median seconds of one keystroke's search."""
    times = []
    for _ in range(repeat):
        for typed in keystrokes():
            started = time.perf_counter()
            search(typed)
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    args = parser(__doc__).parse_args()
    db, street_id = open_history(args.db[0], args.street)
    with db.session() as s:
        items = [(f"c{i}", (name, klass, code)) for i, name, klass, code in
                 s.execute(select(Category.id, Category.name, Category.class_name, Category.code))]
        items += [(f"u{i}", (name, code)) for i, name, code in
                  s.execute(select(Unit.id, Unit.name, Unit.code).where(Unit.street_id == street_id))]
    db.dispose()
    started = time.perf_counter()
    index = PinyinIndex(items)
    built = time.perf_counter() - started
    pinyin = timed(index.search)
    folded = [(item, [t.casefold() for t in texts]) for item, texts in items]
    plain = timed(lambda q: [item for item, texts in folded if any(q in t for t in texts)])
    print(f"{len(items)} items ({len(keystrokes())} keystrokes × 20); index built once in "
          f"{built * 1000:.1f} ms")
    print(f"{'search per keystroke':<36} {'median ms':>10}")
    print(f"{'PinyinIndex.search':<36} {pinyin * 1000:>10.3f}")
    print(f"{'baseline: plain substring filter':<36} {plain * 1000:>10.3f}   (×{pinyin / plain:.0f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
