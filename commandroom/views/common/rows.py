"""Helpers for live item models: rows announced in runs, one signal per run."""

from __future__ import annotations

from collections.abc import Iterable


def runs(positions: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive runs of row numbers as (first, last), lowest first."""
    out: list[tuple[int, int]] = []
    for pos in sorted(set(positions)):
        if out and pos == out[-1][1] + 1:
            out[-1] = (out[-1][0], pos)
        else:
            out.append((pos, pos))
    return out
