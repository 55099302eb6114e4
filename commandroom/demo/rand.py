"""``random.Random`` with cheaper hot methods that take exactly the same draws.

The simulation makes millions of ``randint``/``choice`` calls. In CPython each goes through two
or three Python-level frames (``randint`` → ``randrange`` → ``_randbelow`` → ``getrandbits``);
these overrides do the same rejection sampling on ``getrandbits`` in one frame, so every result,
and the generator's state afterwards, is identical to the base class's (``test_demo`` checks
it). ``pick`` is ``choices(population, cum_weights=...)[0]`` without building a list per call.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Sequence


class FastRandom(random.Random):
    def randint(self, a: int, b: int) -> int:
        n = b - a + 1
        if n <= 0:
            raise ValueError(f"empty range for randint({a}, {b})")
        k = n.bit_length()
        r = self.getrandbits(k)
        while r >= n:
            r = self.getrandbits(k)
        return a + r

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        if stop is not None or step != 1 or start <= 0:
            return super().randrange(start, stop, step)
        k = start.bit_length()
        r = self.getrandbits(k)
        while r >= start:
            r = self.getrandbits(k)
        return r

    def choice(self, seq: Sequence):
        n = len(seq)
        if not n:
            raise IndexError("Cannot choose from an empty sequence")
        k = n.bit_length()
        r = self.getrandbits(k)
        while r >= n:
            r = self.getrandbits(k)
        return seq[r]

    def pick(self, population: Sequence, cum_weights: Sequence[float]):
        """``choices(population, cum_weights=cum_weights)[0]``, same draw, same result (build
        ``cum_weights`` once with ``list(itertools.accumulate(weights))``, as ``choices`` does)."""
        return population[bisect(cum_weights, self.random() * (cum_weights[-1] + 0.0), 0,
                                 len(population) - 1)]

