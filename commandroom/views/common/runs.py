"""Row numbers grouped into consecutive runs: a live model announces one ``dataChanged`` (or
one insert or removal) per run of rows, not one per row and not one for the whole table."""

from __future__ import annotations

from collections.abc import Iterable


def runs(positions: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive runs of row numbers as (first, last), lowest first."""
    ordered = sorted(positions)
    out: list[tuple[int, int]] = []
    for pos in ordered:
        if out and pos == out[-1][1] + 1:
            out[-1] = (out[-1][0], pos)
        else:
            out.append((pos, pos))
    return out
