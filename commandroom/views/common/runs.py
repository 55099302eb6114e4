"""Consecutive runs of row numbers: a model announces a change once per run, not once per row."""

from __future__ import annotations

from collections.abc import Iterable


def runs(positions: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive runs of row numbers as (first, last), lowest first."""
    found: list[tuple[int, int]] = []
    for pos in sorted(set(positions)):
        if found and pos == found[-1][1] + 1:
            found[-1] = (found[-1][0], pos)
        else:
            found.append((pos, pos))
    return found
