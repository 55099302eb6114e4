"""Type-ahead over Chinese names: a query matches the text itself, its full pinyin, its pinyin
initials, or any mix of them (``ljdf``, ``lajidf``, ``垃圾df`` all find 垃圾堆放).

The category picker and the keyboard dispatch path (D, a few letters, Enter) call this on every
keystroke over ~100 categories and ~50 units, so each name is read into a ``PinyinKey`` once
(pypinyin, offline: it ships its dictionary) and a keystroke only walks those keys.

How a query matches a name, after both are NFKC-normalised (full-width letters and digits
become plain ones) and case-folded, and the query's spaces dropped:

1. **directly**: the query is a substring of the name (``环卫``, ``cg01`` in a code);
2. **by pinyin**: the query splits into pieces, one per consecutive character of the name
   starting anywhere, each piece a non-empty *prefix* of one reading of its character. A prefix
   of one letter is the initial (``l`` for 垃), the whole syllable is the full pinyin (``la``),
   anything between is what a typist has so far (``hua`` for 环 huan). A character's own glyph
   counts as one of its readings, so ``垃圾df`` mixes both.

Readings: the phrase-aware one pypinyin picks (行政 → xing zheng) plus every other reading of
the character (行 hang, 长 chang/zhang …): a typist who guesses the other reading still finds
the name. ü is written ``v`` (绿 lv) and also ``u`` (lu), the two ways input methods accept it.
Letters and digits in a name are their own reading (``12345`` in 12345热线).

Ranking, best first: the whole name; a direct match at the start; a direct match inside; a
pinyin match from the first character; a pinyin match inside. Within a tier the match that
starts earlier wins, then the shorter name (more of it typed), then the caller's order.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from pypinyin import Style, lazy_pinyin, pinyin

T = TypeVar("T", bound=Hashable)

# Match tiers (lower is better).
EXACT, DIRECT_PREFIX, DIRECT_INSIDE, PINYIN_PREFIX, PINYIN_INSIDE = range(5)


@lru_cache(maxsize=8192)
def _readings(char: str) -> frozenset[str]:
    """Every reading of one character: its glyph, its pinyin syllables (ü as v and u)."""
    if not ("\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"):
        return frozenset({char})
    out = {char}
    for syllable in pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")[0]:
        out.add(syllable)
        if "v" in syllable:
            out.add(syllable.replace("v", "u"))
    return frozenset(out)


@dataclass(frozen=True)
class PinyinKey:
    """A name read once: its folded text and, per kept character, the set of its readings."""

    text: str
    folded: str
    readings: tuple[frozenset[str], ...]

    @classmethod
    def of(cls, text: str) -> PinyinKey:
        folded = _fold(text)
        chars = [c for c in folded if c.isalnum()]  # punctuation and spaces are not typed
        # The reading in context (银行 yin hang) joins the character's own readings: pypinyin's
        # single-character list does not always hold it. One entry per character here.
        contextual = lazy_pinyin("".join(chars), style=Style.NORMAL, errors=lambda s: list(s))
        readings = []
        for i, char in enumerate(chars):
            extra = {contextual[i]} if len(contextual) == len(chars) else set()
            readings.append(_readings(char) | extra)
        return cls(text, folded, tuple(readings))


def _fold(text: str) -> str:
    """NFKC, then case-folded: a full-width ｌｊｄｆ or ＣＧ０１ typed in a Chinese input
    method's full-width mode is the same as ljdf and cg01."""
    return unicodedata.normalize("NFKC", text).casefold()


def _fold_query(query: str) -> str:
    return "".join(_fold(query).split())


def _pinyin_start(query: str, readings: Sequence[frozenset[str]]) -> int | None:
    """The first character index from which ``query`` is consumed by prefixes of readings of
    consecutive characters, or None."""
    n = len(readings)
    for start in range(n):
        # Positions in the query reachable after consuming characters start..i: a set per step
        # keeps every way of splitting the query (xian: 先, or 西 + 安) without backtracking.
        reach = {0}
        i = start
        while reach and i < n:
            nxt = set()
            for pos in reach:
                rest = query[pos:]
                for reading in readings[i]:
                    # A non-empty common prefix: the piece typed for this character.
                    k = 0
                    while k < len(reading) and k < len(rest) and reading[k] == rest[k]:
                        k += 1
                    if k == len(rest):
                        return start  # the query ends inside this character's reading
                    if k:  # the whole reading or a prefix of it (the initial …) typed
                        nxt.add(pos + k)
            reach = nxt
            i += 1
    return None


def rank(query: str, key: PinyinKey) -> tuple[int, int] | None:
    """(tier, start) of the best way ``query`` matches ``key``, or None. An empty query
    matches everything at the lowest tier (the picker shows the whole list)."""
    q = _fold_query(query)
    if not q:
        return (PINYIN_INSIDE, 0)
    if q == key.folded:
        return (EXACT, 0)
    at = key.folded.find(q)
    if at == 0:
        return (DIRECT_PREFIX, 0)
    if at > 0:
        return (DIRECT_INSIDE, at)
    start = _pinyin_start(q, key.readings)
    if start is None:
        return None
    return (PINYIN_PREFIX if start == 0 else PINYIN_INSIDE, start)


def matches(query: str, name: str) -> bool:
    """Whether ``query`` finds ``name`` (one-off; for lists build a ``PinyinIndex``)."""
    return rank(query, PinyinKey.of(name)) is not None


class PinyinIndex(Generic[T]):
    """Items read once, searched per keystroke. Each item has one or more texts (a category's
    name, its class and code; a unit's name and code): the best-matching text ranks it."""

    def __init__(self, items: Iterable[tuple[T, str | Sequence[str]]]):
        self._items: list[tuple[T, tuple[PinyinKey, ...]]] = []
        for item, texts in items:
            texts = (texts,) if isinstance(texts, str) else tuple(texts)
            self._items.append((item, tuple(PinyinKey.of(t) for t in texts if t)))

    def __len__(self) -> int:
        return len(self._items)

    def search(self, query: str, limit: int | None = None) -> list[T]:
        """The items ``query`` matches, best first (see the module docstring for the order)."""
        hits = []
        for order, (item, keys) in enumerate(self._items):
            best = None
            for text_no, key in enumerate(keys):
                r = rank(query, key)
                if r is not None:
                    # Earlier texts (the name) beat later ones (the class) on a tie.
                    candidate = (r[0], r[1], text_no, len(key.text))
                    best = candidate if best is None or candidate < best else best
            if best is not None:
                hits.append((best, order, item))
        hits.sort(key=lambda h: (h[0], h[1]))
        items = [item for _, _, item in hits]
        return items if limit is None else items[:limit]


def search(query: str, items: Iterable[tuple[T, str | Sequence[str]]],
           limit: int | None = None) -> list[T]:
    """One-off ranked search; a picker that searches per keystroke keeps a ``PinyinIndex``."""
    return PinyinIndex(items).search(query, limit)
