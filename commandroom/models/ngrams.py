"""Character n-grams of Chinese text: the features of the category suggester and of the
duplicate finder's text similarity.

Chinese has no spaces, and a word segmenter needs a dictionary that knows the street's own
words (小区 and road names, 飞线充电); overlapping character 1–3-grams need none and still catch
words: 占道经营 yields 占道, 道经, 经营, 占道经, 道经营. Latin letters and digits are kept as runs
(a house number 156号 or "12345" is one token, not five), lower-cased. Punctuation and spaces
only split runs: they carry no meaning here.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

# A run of CJK ideographs, or a run of Latin letters and digits.
_RUNS = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[0-9a-z]+")


def tokens(text: str) -> list[str]:
    """The text as units: one CJK character each, or one whole alphanumeric run."""
    out: list[str] = []
    for run in _RUNS.findall(text.casefold()):
        if run[0].isascii():
            out.append(run)
        else:
            out.extend(run)
    return out


def ngrams(text: str, sizes: Iterable[int] = (1, 2, 3)) -> Counter[str]:
    """Counts of the text's n-grams of each size, across punctuation too: 占道，经营 still
    shares 道经 with 占道经营 (a report's commas fall anywhere)."""
    units = tokens(text)
    counts: Counter[str] = Counter()
    for n in sizes:
        # zip of shifted copies: the joins run in C, several times faster than slicing per i.
        counts.update(map("".join, zip(*(units[i:] for i in range(n)))))
    return counts


def unit(vector: Mapping[str, float]) -> dict[str, float]:
    """The vector scaled to length 1 (empty stays empty): cosines become dot products."""
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {k: v / norm for k, v in vector.items()} if norm else {}


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """The dot product of two sparse vectors (the cosine, for unit vectors)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())
