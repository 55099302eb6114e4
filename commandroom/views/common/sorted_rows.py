"""A live list that keeps its own order: rows inserted where they belong, in one insert per run.

A ``QSortFilterProxyModel`` places each new row by calling ``lessThan`` from C++ into Python
about log2(n) times: a storm's batch of 300 reports into a queue of 5,000 is thousands of calls,
each taking the GIL from the feed pump's or the call desk's thread (see ``one_call.py``). Here
the order is kept in Python: a batch's new rows are sorted once and each found its place by
``bisect`` (one call into Python in all), then announced with one ``beginInsertRows`` per run of
neighbours — a storm's reports, newest of their priority, land in a few runs.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable

from PySide6.QtCore import QModelIndex

from commandroom.views.common.live_rows import LiveRowsModel
from commandroom.views.common.runs import runs


class SortedRowsModel(LiveRowsModel):
    """``sort_key(row)`` orders the rows (ascending); a changed row whose key changed moves."""

    sort_key: Callable

    def set_rows(self, rows: Iterable) -> None:
        super().set_rows(sorted(rows, key=self.sort_key))

    def _store(self, rows: Iterable) -> tuple[list, int]:
        key = self.sort_key
        changed: list[int] = []
        new: dict = {}  # id -> row; a later snapshot of the same event wins
        for row in rows:
            old = self._rows.get(row.id)
            if old is None or row.id in new:
                new[row.id] = row
                continue
            self._rows[row.id] = row
            if row != old:
                changed.append(row.id)
                if key(row) != key(old):
                    self._move(row.id)
        for first, last in runs(self._pos[i] for i in changed):
            self.dataChanged.emit(self.index(first, 0), self.index(last, self._columns - 1))
        self._insert(sorted(new.values(), key=key))
        return list(new.values()), len(changed)

    def _place(self, row) -> int:
        return bisect_right(self._ids, self.sort_key(row), key=lambda i: self.sort_key(self._rows[i]))

    def _insert(self, rows: list) -> None:
        """``rows`` in order: each block that goes to one place, one insert, the lowest last (so
        the places found before still hold)."""
        blocks: list[tuple[int, list]] = []
        for row in rows:
            place = self._place(row)
            if blocks and blocks[-1][0] == place:
                blocks[-1][1].append(row)
            else:
                blocks.append((place, [row]))
        for place, block in reversed(blocks):
            self.beginInsertRows(QModelIndex(), place, place + len(block) - 1)
            self._rows.update((row.id, row) for row in block)
            self._ids[place:place] = [row.id for row in block]
            self._reindex(place)
            self.endInsertRows()

    def _move(self, event_id: int) -> None:
        """A known row whose key changed (a report made urgent) to its new place."""
        old = self._pos[event_id]
        del self._ids[old]
        new = self._place(self._rows[event_id])
        self._ids.insert(old, event_id)
        if new == old:
            return
        # Qt counts the destination in the numbering before the move.
        self.beginMoveRows(QModelIndex(), old, old, QModelIndex(), new + 1 if new > old else new)
        del self._ids[old]
        self._ids.insert(new, event_id)
        self._reindex(min(old, new), max(old, new) + 1)
        self.endMoveRows()

    def _reindex(self, first: int = 0, end: int | None = None) -> None:
        """Number the rows from ``first`` (up to ``end``) anew, those above keep theirs: a storm's
        reports mostly land at the end of their priority, and renumbering a queue of tens of
        thousands for each block held the GUI for milliseconds a batch, growing with the queue."""
        ids = self._ids[first:end]
        self._pos.update(zip(ids, range(first, first + len(ids))))
