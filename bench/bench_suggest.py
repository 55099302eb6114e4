"""Category suggestion: top-1 and top-3 accuracy on the later part of a street's history.

    PYTHONPATH=. .venv/bin/python bench/bench_suggest.py --db sqlite:////tmp/demo.sqlite3 [--db …]
        [--train-share 0.67]

For each database: events that carry a category are split by ``received_at`` at a day boundary
(the earlier ``--train-share`` of the days train, the later days test). The suggester is trained
from the database on the earlier part (``CategorySuggester.from_session(…, before=split)``) and
asked about each later event's title + description, and, to see what each part carries, about
the title alone and the description alone. The baseline, measured on the same test events, always
answers the training part's most frequent categories.

On a demo street every report is one of its item's few prepared phrasings (commandroom/demo/
complaints.py), so each held-out report's wording was seen in training and the figures above
say how well seen wording is recognised. The "unseen wording" lines measure the harder case a
real street is full of: per item one citizen and one patrol phrasing are held out entirely —
the training events that used them are dropped, and only the later events that used them are
tested (which phrasing a report used is recovered by matching the phrasings' texts).
"""

from __future__ import annotations

from pathlib import Path

import sys

import re
import statistics
import time
from collections import Counter
from datetime import datetime, timedelta

from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere
from bench.history_db import open_history, parser  # noqa: E402
from commandroom.demo.complaints import SAID
from commandroom.models.catalog import Category
from commandroom.models.events import Event
from commandroom.models.suggest import CategorySuggester, event_text

_SLOT = re.compile(r"\{\w+\}")


def split_day(session, street_id: int, share: float) -> datetime:
    first, last = session.execute(select(func.min(Event.received_at), func.max(Event.received_at))
                                  .where(Event.street_id == street_id)).one()
    day0 = datetime.combine(first.date(), datetime.min.time())
    days = (last.date() - first.date()).days + 1
    return day0 + timedelta(days=max(1, round(days * share)))


def phrasings(session) -> dict[int, tuple[list[re.Pattern], set[int]]]:
    """Category id → (a pattern per phrasing of its item, the indices of the held-out ones)."""
    out = {}
    for category_id, name in session.execute(select(Category.id, Category.name)):
        if name not in SAID:
            continue
        citizens, patrol = (lines.split("|") for lines in SAID[name])
        patterns = [re.compile(".+?".join(map(re.escape, _SLOT.split(line)))) for line in citizens + patrol]
        held_out = {category_id % len(citizens), len(citizens) + category_id % len(patrol)}
        out[category_id] = (patterns, held_out)
    return out


def said(known: dict, category_id: int, description: str) -> int | None:
    patterns, _ = known.get(category_id, ((), ()))
    return next((i for i, p in enumerate(patterns) if p.search(description)), None)


def measure_unseen(session, street_id: int, split: datetime, tally: dict) -> None:
    known = phrasings(session)
    if not known:
        return
    rows = session.execute(select(Event.category_id, Event.title, Event.description, Event.received_at)
                           .where(Event.street_id == street_id, Event.category_id.is_not(None))).all()
    held = [said(known, c, d) in known[c][1] if c in known else False for c, _, d, _ in rows]
    model = CategorySuggester.train((c, event_text(t, d)) for (c, t, d, at), h in zip(rows, held)
                                    if at < split and not h)
    for (category_id, title, description, at), h in zip(rows, held):
        if at >= split and h:
            top = [c for c, _ in model.suggest(event_text(title, description), k=3)]
            row = tally.setdefault("naive Bayes, unseen wording", [0, 0, 0, []])
            row[0] += top[:1] == [category_id]
            row[1] += category_id in top
            row[2] += 1


def measure(db_url: str, street: str, share: float, tally: dict) -> None:
    db, street_id = open_history(db_url, street)
    with db.session() as s:
        split = split_day(s, street_id, share)
        model = CategorySuggester.from_session(s, street_id, before=split)
        frequent = [c for c, _ in Counter(
            s.scalars(select(Event.category_id).where(
                Event.street_id == street_id, Event.category_id.is_not(None),
                Event.received_at < split))).most_common(3)]
        tests = s.execute(select(Event.category_id, Event.title, Event.description).where(
            Event.street_id == street_id, Event.category_id.is_not(None),
            Event.received_at >= split)).all()
        measure_unseen(s, street_id, split, tally)
    db.dispose()
    print(f"{db_url}: trained on {model.size} events before {split:%Y-%m-%d}, "
          f"testing {len(tests)} after")
    texts = {
        "naive Bayes, title + description": lambda t, d: event_text(t, d),
        "naive Bayes, title only": lambda t, d: t,
        "naive Bayes, description only": lambda t, d: d,
    }
    for category_id, title, description in tests:
        row = tally.setdefault("baseline: most frequent categories", [0, 0, 0, []])
        row[0] += frequent[:1] == [category_id]
        row[1] += category_id in frequent
        row[2] += 1
        for name, text in texts.items():
            started = time.perf_counter()
            top = [c for c, _ in model.suggest(text(title, description), k=3)]
            row = tally.setdefault(name, [0, 0, 0, []])
            row[3].append(time.perf_counter() - started)
            row[0] += top[:1] == [category_id]
            row[1] += category_id in top
            row[2] += 1


def main() -> int:
    options = parser(__doc__)
    options.add_argument("--train-share", type=float, default=0.67,
                         help="share of the days (the earliest) to train on")
    args = options.parse_args()
    tally: dict[str, list] = {}
    for url in args.db:
        measure(url, args.street, args.train_share, tally)
    print(f"\n{'method':<40} {'top-1':>7} {'top-3':>7} {'n':>6} {'ms/suggest':>11}")
    for name, (top1, top3, n, times) in tally.items():
        ms = f"{statistics.median(times) * 1000:.2f}" if times else "-"
        print(f"{name:<40} {top1 / n:>7.1%} {top3 / n:>7.1%} {n:>6} {ms:>11}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
