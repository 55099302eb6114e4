"""The base of the live tables: frozen rows by id read at the model's clock, columns named by an
IntEnum with their titles translated, one table row per shown id. ``LiveRowsModel`` (rows in
arrival order) and ``OrderedRowsModel`` (rows in their own sorted order) differ in how ``_ids``
is kept."""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from commandroom.models.clock import Clock

Index = QModelIndex | QPersistentModelIndex


class NamedColumnsModel(QAbstractTableModel):
    COLUMNS: type[IntEnum]
    HEADERS: dict  # column -> its QT_TRANSLATE_NOOP title, in the subclass's own context

    def __init__(self, clock: Clock | None = None, parent=None):
        super().__init__(parent)
        self._clock = clock or Clock()
        self._now = self._clock.now()  # the instant the rows are read at (countdowns, urgency)
        self._rows: dict = {}  # id -> frozen row
        self._ids: list[int] = []  # the shown rows' ids, in their order
        self._columns = len(self.COLUMNS)  # asked by Qt for every row it maps: not len(Enum) each time

    @property
    def now(self) -> datetime:
        return self._now

    def row_at(self, row: int):
        """The row shown at this place."""
        return self._rows[self._ids[row]]

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        """Answered here in one call: Qt's own ``index`` asks ``rowCount`` and ``columnCount``
        first, two more calls into Python for every cell a view paints, each of which must take
        the interpreter back from the console's busy workers (``services/gil_pace.py``)."""
        if parent.isValid() or not (0 <= row < len(self._ids) and 0 <= column < self._columns):
            return QModelIndex()
        return self.createIndex(row, column)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._columns

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[self.COLUMNS(section)])
        return None
