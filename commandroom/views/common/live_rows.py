"""The base of every live list: ids in arrival order plus a cache of frozen row snapshots.

Fresh snapshots from the feed pump replace known rows in place (one ``dataChanged`` per run of
rows) and append new ones (``beginInsertRows``); rows that leave are removed run by run. Only
the opening load resets the model, so selection, scroll position and sorting survive every live
change. A subclass names its columns (``COLUMNS``, an IntEnum; ``HEADERS``, their
``QT_TRANSLATE_NOOP`` titles in its own context) and says what a cell shows (``data``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QModelIndex

from commandroom.models.clock import Clock
from commandroom.views.common.named_columns import NamedColumnsModel
from commandroom.views.common.runs import runs


class LiveRowsModel(NamedColumnsModel):
    def __init__(self, clock: Clock | None = None, parent=None):
        super().__init__(clock, parent)
        self._pos: dict[int, int] = {}  # id -> row number

    # --- Feeding the model -----------------------------------------------------------------
    def set_rows(self, rows: Iterable) -> None:
        """The opening load (or a full reload): the one place the model is reset."""
        self.beginResetModel()
        self._rows = {row.id: row for row in rows}
        self._ids = list(self._rows)
        self._pos = {event_id: n for n, event_id in enumerate(self._ids)}
        self._now = self._clock.now()
        self._reset_extras()
        self.endResetModel()

    def _store(self, rows: Iterable) -> tuple[list, int]:
        """Replace known rows in place, append new ones; returns (the new rows, how many changed)."""
        changed: list[int] = []
        new: dict = {}  # id -> row; a later snapshot of the same event wins
        for row in rows:
            if row.id in self._pos:
                old = self._rows[row.id]
                self._rows[row.id] = row
                if row != old:
                    changed.append(self._pos[row.id])
            else:
                new[row.id] = row
        for first, last in runs(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.COLUMNS) - 1))
        if new:
            start = len(self._ids)
            self.beginInsertRows(QModelIndex(), start, start + len(new) - 1)
            for n, row in enumerate(new.values(), start):
                self._ids.append(row.id)
                self._rows[row.id] = row
                self._pos[row.id] = n
            self.endInsertRows()
        return list(new.values()), len(changed)

    def remove_ids(self, ids: Iterable[int]) -> int:
        """Drop rows from the list; returns how many."""
        doomed = [self._pos[i] for i in set(ids) if i in self._pos]
        for first, last in reversed(runs(doomed)):  # from the bottom: earlier rows keep their numbers
            self.beginRemoveRows(QModelIndex(), first, last)
            for event_id in self._ids[first : last + 1]:
                del self._rows[event_id]
                self._forget(event_id)
            del self._ids[first : last + 1]
            self.endRemoveRows()
        if doomed:
            self._pos = {event_id: n for n, event_id in enumerate(self._ids)}
        return len(doomed)

    def _tick(self) -> None:
        """Move the model's clock on. No dataChanged for every row: a sorting proxy re-filters
        and re-checks the order of every row it is told changed (Qt 6 ignores the roles named),
        through Python, which with a storm's tens of thousands of rows held the GUI for seconds.
        The cells that read the clock are read anew when painted: the view repaints what it
        shows (its dock updates the view's viewport after the tick); a row whose place or filter the clock changes is named by the
        subclass."""
        self._now = self._clock.now()

    def _reset_extras(self) -> None:
        """A subclass forgets what it keeps beside the rows (the opening load)."""

    def _forget(self, event_id: int) -> None:
        """A subclass forgets what it keeps beside a row that left."""

    # --- Reading ---------------------------------------------------------------------------
    def row_of(self, event_id: int) -> int | None:
        return self._pos.get(event_id)

    def ids(self) -> Sequence[int]:
        return tuple(self._ids)

