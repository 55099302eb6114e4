"""Duplicate candidates: the earlier events a new report may repeat, best first.

Which events are candidates: the street's events received in the ``window`` before the report
(7 days by default: a still-open 违章搭建 is reported again days later) whose status still
takes a report — ``lifecycle.RULES[ATTACH_CONTACT]``, the same rule the merge command checks, so
the officer is never offered an event the merge would refuse (a closed, rejected or merged one).

How each candidate is scored, four parts each in [0, 1] and one weighted sum (``Weights``):

- **text** (0.20): cosine similarity of the character 1–3-gram vectors of title + description,
  each n-gram weighted by its inverse document frequency ``log((1 + N) / (1 + df))`` over the
  report, the candidates and the street's history the suggester has learnt: what every report
  says (市民来电反映, 请尽快处理) weighs next to nothing, what only this matter and this place
  say weighs most.
- **place** (0.30): ``1 − d / radius`` for the distance d between the two points (haversine,
  radius 300 m), at least ``SAME_GRID`` (0.5) in the same L4 grid; without points on both,
  the same grid alone gives 0.5. Another grid far away gives 0.
- **category** (0.25): 1 for the same category, 0.5 for another item of the same class, 0
  otherwise. A side without a category yet (a report not registered) counts with the
  suggester's distribution, so the part is the expected relatedness; with no suggester it is
  ``UNKNOWN`` (0.3), neither for nor against.
- **recency** (0.25): ``0.5 ** (age / half_life)``, half-life 24 h.

Why these weights: two people reporting one matter rarely use the same words ("楼下的桶都满出
来了" / "垃圾站的垃圾堆成山了"), so the text part alone finds the true event among the first
three only ~40% of the time on a demo street whose reports are worded as people word them,
while where, what and when carry most of the signal; text still separates two matters of one
category in one grid, and the same words reported from another place still outrank another
matter at the same spot (text + half the category > place). Measured with ``bench/bench_duplicates.py`` (the weights 0.35/0.30/0.20/
0.15 tuned on template texts fell to 79% top-1 there).

The parts are kept on the ``Candidate`` with the reasons worth showing (``Reason``), so the dock
can say why an event is offered. ``bench/bench_duplicates.py`` measures the ranking on every
merged report of a history, as of the report's arrival, beside the same-grid-newest baseline.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models.catalog import Category
from commandroom.models.enums import Action, Labelled, Status
from commandroom.models.events import Event
from commandroom.models.lifecycle import RULES
from commandroom.models.ngrams import dot, ngrams, unit
from commandroom.models.suggest import CategorySuggester, event_text

# Statuses in which an event still takes another report (the merge command's own rule).
ATTACHABLE = RULES[Action.ATTACH_CONTACT].sources
SAME_GRID = 0.5
UNKNOWN = 0.3
SAME_CLASS = 0.5
EARTH_RADIUS_M = 6_371_000.0


class Reason(Labelled):
    """Why a candidate is offered (the dock words them; the numbers are on ``Candidate``)."""

    SAME_CATEGORY = ("same_category", "同一类别")
    SAME_CLASS = ("same_class", "同一大类")
    SAME_GRID = ("same_grid", "同一网格")
    NEARBY = ("nearby", "位置相近")
    SIMILAR_TEXT = ("similar_text", "描述相似")
    RECENT = ("recent", "近期上报")


@dataclass(frozen=True)
class Weights:
    text: float = 0.20
    place: float = 0.30
    category: float = 0.25
    recency: float = 0.25


@dataclass(frozen=True)
class Rules:
    window: timedelta = timedelta(days=7)
    half_life: timedelta = timedelta(hours=24)
    radius_m: float = 300.0
    weights: Weights = field(default_factory=Weights)
    # A part at least this high is named among the reasons.
    text_reason: float = 0.3
    recent_reason: timedelta = timedelta(hours=24)


@dataclass(frozen=True, kw_only=True)
class Report:
    """What is known of the new report when the officer looks at it."""

    text: str
    received_at: datetime
    lat: float | None = None
    lon: float | None = None
    grid_id: int | None = None
    category_id: int | None = None
    event_id: int | None = None  # its own event, never its own candidate

    @classmethod
    def of_event(cls, event: Event) -> Report:
        return Report.of_row(event.__dict__)

    @classmethod
    def of_row(cls, row: Mapping, **more) -> Report:
        """From a mapping of event columns (an ORM row's ``__dict__``, a SELECT's row mapping,
        a replayed event dict)."""
        return cls(text=event_text(row["title"], row["description"]),
                   received_at=row["received_at"], lat=row["lat"], lon=row["lon"],
                   grid_id=row["grid_id"], category_id=row["category_id"], event_id=row["id"],
                   **more)


@dataclass(frozen=True, kw_only=True)
class Earlier(Report):
    """An earlier event as the ranking sees it: what is known of it, its code and status."""

    code: str
    status: Status

    @classmethod
    def of_row(cls, row: Mapping, **more) -> Earlier:
        return super().of_row(row, code=row["code"], status=Status(row["status"]), **more)


@dataclass(frozen=True)
class Candidate:
    event_id: int
    code: str
    score: float
    text: float
    place: float
    category: float
    recency: float
    distance_m: float | None
    age: timedelta
    reasons: tuple[Reason, ...]


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


@lru_cache(maxsize=8192)
def _grams(text: str) -> Mapping[str, int]:
    """An event's n-gram counts, read once: the same open events are candidates for every
    report of the week. (Read-only: callers never change the mapping.)"""
    return ngrams(text)


def _tfidf(texts: list[str], history: CategorySuggester | None) -> list[dict[str, float]]:
    """Unit TF-IDF vectors of the texts' n-grams. Document frequencies are counted over these
    texts and, when given, the street's history as well: a week's pool alone may be full of one
    matter (a storm's flooded streets), and its shared words would then weigh nothing."""
    counts = [_grams(t) for t in texts]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(texts)
    if history is not None:
        n += history.size
        for g in df:
            df[g] += history.document_frequency(g)
    idf = {g: math.log((1 + n) / (1 + d)) for g, d in df.items()}
    return [unit({g: tf * idf[g] for g, tf in c.items() if idf[g] > 0}) for c in counts]


class _Relatedness:
    """How related two events' categories are, either side possibly not yet categorised."""

    def __init__(self, classes: Mapping[int, str], suggester: CategorySuggester | None):
        self.classes, self.suggester = classes, suggester

    def distribution(self, category_id: int | None, text: str) -> dict[int, float]:
        if category_id is not None:
            return {category_id: 1.0}
        return dict(self.suggester.suggest(text, k=5)) if self.suggester is not None else {}

    def between(self, a: dict[int, float], b: dict[int, float]) -> float:
        if not a or not b:
            return UNKNOWN
        total = 0.0
        for ca, pa in a.items():
            for cb, pb in b.items():
                if ca == cb:
                    total += pa * pb
                elif self.classes.get(ca) is not None and self.classes.get(ca) == self.classes.get(cb):
                    total += pa * pb * SAME_CLASS
        return total


def rank(report: Report, earlier: Iterable[Earlier], *, classes: Mapping[int, str],
         suggester: CategorySuggester | None = None, k: int = 5,
         rules: Rules = Rules()) -> list[Candidate]:
    """The ``k`` best candidates among ``earlier`` (filtered here by status and window, so a
    caller may pass a wider set), best first; ties go to the newer event."""
    pool = [e for e in earlier
            if e.event_id != report.event_id and e.status in ATTACHABLE
            and report.received_at - rules.window <= e.received_at <= report.received_at]
    if not pool:
        return []
    vectors = _tfidf([report.text] + [e.text for e in pool], suggester)
    related = _Relatedness(classes, suggester)
    mine = related.distribution(report.category_id, report.text)
    w = rules.weights
    out = []
    for e, vector in zip(pool, vectors[1:]):
        text = dot(vectors[0], vector)
        distance = None
        if None not in (report.lat, report.lon, e.lat, e.lon):
            distance = haversine_m(report.lat, report.lon, e.lat, e.lon)
        same_grid = report.grid_id is not None and report.grid_id == e.grid_id
        place = max(0.0 if distance is None else max(0.0, 1 - distance / rules.radius_m),
                    SAME_GRID if same_grid else 0.0)
        theirs = related.distribution(e.category_id, e.text)
        category = related.between(mine, theirs)
        age = report.received_at - e.received_at
        recency = 0.5 ** (age / rules.half_life)
        score = w.text * text + w.place * place + w.category * category + w.recency * recency
        reasons = []
        if category >= 0.99:
            reasons.append(Reason.SAME_CATEGORY)
        elif category >= SAME_CLASS - 1e-9:
            reasons.append(Reason.SAME_CLASS)
        if same_grid:
            reasons.append(Reason.SAME_GRID)
        if distance is not None and distance < rules.radius_m:
            reasons.append(Reason.NEARBY)
        if text >= rules.text_reason:
            reasons.append(Reason.SIMILAR_TEXT)
        if age <= rules.recent_reason:
            reasons.append(Reason.RECENT)
        out.append(Candidate(e.event_id, e.code, score, text, place, category, recency, distance, age,
                             tuple(reasons)))
    out.sort(key=lambda c: (-c.score, c.age, -c.event_id))
    return out[:k]


def category_classes(session: Session) -> dict[int, str]:
    """Category id → class name (the catalogue is small: one query, cached by the caller)."""
    return dict(session.execute(select(Category.id, Category.class_name)).all())


_EARLIER_COLUMNS = (Event.id, Event.code, Event.status, Event.received_at, Event.title,
                    Event.description, Event.lat, Event.lon, Event.grid_id, Event.category_id)


def duplicate_candidates(session: Session, street_id: int, report: int | Report, k: int = 5, *,
                         suggester: CategorySuggester | None = None,
                         classes: Mapping[int, str] | None = None,
                         rules: Rules = Rules()) -> list[Candidate]:
    """Ranked candidates for a report: its event id (a received report in the table), or the
    fields of one typed in by hand. One SELECT for the window (plus one for the catalogue's
    classes unless ``classes`` is given); the scoring is ``rank``. Pass the console's
    ``suggester`` so an uncategorised report still weighs categories."""
    if isinstance(report, int):
        report = Report.of_event(session.get_one(Event, report))
    stmt = select(*_EARLIER_COLUMNS).where(
        Event.street_id == street_id,
        Event.status.in_(sorted(ATTACHABLE)),
        Event.received_at >= report.received_at - rules.window,
        Event.received_at <= report.received_at)
    earlier = [Earlier.of_row(row._mapping) for row in session.execute(stmt)]
    if classes is None:
        classes = category_classes(session)
    return rank(report, earlier, classes=classes, suggester=suggester, k=k, rules=rules)
