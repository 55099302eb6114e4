"""A small live table of frozen rows keyed by id: the detail's timeline, reports, units'
parts, extension requests, escalations, and the shift leader's pending extensions.

``sync`` brings it to a fresh list in place: rows gone are removed, changed ones announced with
``dataChanged`` per run, new ones inserted; the model is reset only by ``reset`` (another event
shown). So a timeline that grows by one entry gets one ``rowsInserted`` and the officer's
selection and scroll position stay where they were.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from commandroom.views.common.runs import runs as _runs

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column:
    header: str  # already translated
    text: Callable[[object], str]
    foreground: Callable[[object], object] | None = None  # a QColor or None
    tooltip: Callable[[object], str] | None = None


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], key: Callable[[object], object], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.key = key
        self._rows: list = []

    # --- Feeding ---------------------------------------------------------------------------
    def reset(self, rows: Iterable) -> None:
        """Another set of rows altogether (another event shown)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def sync(self, rows: Iterable) -> None:
        """The same list, fresher: remove, update and insert only what differs."""
        fresh = list(rows)
        wanted = {self.key(r): r for r in fresh}
        gone = [n for n, r in enumerate(self._rows) if self.key(r) not in wanted]
        for first, last in reversed(_runs(gone)):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first:last + 1]
            self.endRemoveRows()
        changed = []
        for n, row in enumerate(self._rows):
            new = wanted[self.key(row)]
            if new != row:
                self._rows[n] = new
                changed.append(n)
        for first, last in _runs(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))
        known = {self.key(r) for r in self._rows}
        # New rows go where the fresh list has them (a timeline grows at its end).
        for pos, row in enumerate(fresh):
            if self.key(row) not in known:
                pos = min(pos, len(self._rows))
                self.beginInsertRows(QModelIndex(), pos, pos)
                self._rows.insert(pos, row)
                self.endInsertRows()

    # --- Reading ---------------------------------------------------------------------------
    def rows(self) -> tuple:
        return tuple(self._rows)

    def row_at(self, n: int):
        return self._rows[n]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground:
            return column.foreground(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip else column.text(row)
        return None
