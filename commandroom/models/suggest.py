"""Which category a new report probably is, learnt from the street's own registered events.

The model is multinomial naive Bayes over the character 1–3-grams of title + description
(``ngrams.py``), each n-gram counted once per event (a report that says 噪音 three times is no
more about noise than one that says it once):

    log P(c | text) = log P(c) + Σ_{g in text, g seen in training} log (n_cg + α) / (N_c + α·V)

with n_cg the number of events of category c containing g, N_c the sum of those over g, V the
vocabulary size and α = 1 (Laplace). N-grams never seen in training are skipped rather than
smoothed: they say nothing about any category, and smoothing them would favour the categories
with the fewest words. So a text made only of unseen words falls back to the prior — the
street's most frequent categories — which is the sensible guess for the officer to correct.
Scores are the posterior probabilities (they sum to 1 over all categories seen).

Why this model: it trains by counting in one pass over one query, needs no download and no
tuning, adds an event in O(its n-grams) (``add``: a console can keep it current from the change
feed), and its mistakes are easy to read (which n-grams pulled where). ``bench/bench_suggest.py``
measures it on a held-out later part of a history beside the most-frequent-category baseline.
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models.events import Event
from commandroom.models.ngrams import ngrams

ALPHA = 1.0
# Rankings remembered per (text, k) until the model learns again: the duplicate finder weighs
# every uncategorised report of the week with the suggester, for each report it is asked about,
# and under an intake storm those are thousands of the same texts each time (four fifths of the
# call desk's CPU before). About 1 KB a text (the text and its ranking): the bound keeps a 60 s storm
# at 600/s in memory (an LRU smaller than the pool it walks would miss every time), at most ~64 MB.
RANKINGS_KEPT = 65_536


def event_text(title: str, description: str) -> str:
    """The text the models read of an event: its title, then its description."""
    return f"{title}\n{description}"


class CategorySuggester:
    def __init__(self, alpha: float = ALPHA):
        self.alpha = alpha
        self._events: Counter[int] = Counter()  # category → events seen
        self._grams: dict[int, Counter[str]] = {}  # category → n-gram → events containing it
        self._totals: Counter[int] = Counter()  # category → Σ of its n-gram counts
        self._documents: Counter[str] = Counter()  # n-gram → events containing it
        self._ranked = lru_cache(maxsize=RANKINGS_KEPT)(self._rank)  # forgotten by ``add``

    # -- training ------------------------------------------------------------------------------
    def add(self, category_id: int, text: str) -> None:
        """Learn one registered event."""
        grams = set(ngrams(text))
        if self._ranked.cache_info().currsize:
            self._ranked.cache_clear()
        self._events[category_id] += 1
        self._grams.setdefault(category_id, Counter()).update(grams)
        self._totals[category_id] += len(grams)
        self._documents.update(grams)

    @classmethod
    def train(cls, examples: Iterable[tuple[int, str]], alpha: float = ALPHA) -> CategorySuggester:
        model = cls(alpha)
        for category_id, text in examples:
            model.add(category_id, text)
        return model

    @classmethod
    def from_session(cls, session: Session, street_id: int, *, before: datetime | None = None,
                     alpha: float = ALPHA) -> CategorySuggester:
        """Trained on the street's events that carry a category (registered at some point), in
        one query; ``before`` keeps those received before it (a held-out test, a replay)."""
        stmt = select(Event.category_id, Event.title, Event.description).where(
            Event.street_id == street_id, Event.category_id.is_not(None))
        if before is not None:
            stmt = stmt.where(Event.received_at < before)
        return cls.train(((c, event_text(t, d)) for c, t, d in session.execute(stmt)), alpha)

    @property
    def size(self) -> int:
        """How many events it has learnt."""
        return sum(self._events.values())

    def document_frequency(self, gram: str) -> int:
        """In how many learnt events the n-gram occurs (the duplicate finder's IDF)."""
        return self._documents.get(gram, 0)

    # -- suggesting ----------------------------------------------------------------------------
    def scores(self, text: str) -> dict[int, float]:
        """The posterior probability of every category seen in training (empty if none)."""
        total = self.size
        if not total:
            return {}
        grams = [g for g in set(ngrams(text)) if g in self._documents]
        v_alpha = self.alpha * len(self._documents)
        logs = {}
        for category_id, n_events in self._events.items():
            counts = self._grams[category_id]
            denominator = math.log(self._totals[category_id] + v_alpha)
            log_p = math.log(n_events / total)
            for g in grams:
                log_p += math.log(counts.get(g, 0) + self.alpha) - denominator
            logs[category_id] = log_p
        top = max(logs.values())
        weights = {c: math.exp(lp - top) for c, lp in logs.items()}
        norm = sum(weights.values())
        return {c: w / norm for c, w in weights.items()}

    def suggest(self, text: str, k: int = 3) -> list[tuple[int, float]]:
        """The ``k`` likeliest categories for ``text``, best first, with their probability;
        ties (an unseen text's equal priors aside) go to the lower category id."""
        return list(self._ranked(text, k))

    def _rank(self, text: str, k: int) -> tuple[tuple[int, float], ...]:
        return tuple(sorted(self.scores(text).items(), key=lambda cs: (-cs[1], cs[0]))[:k])
