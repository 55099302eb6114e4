"""The base of the live tables: columns named by an IntEnum, their titles translated, one row
per shown id. ``LiveRowsModel`` (rows in arrival order) and ``OrderedRowsModel`` (rows in their
own sorted order) differ only in how ``_ids`` is kept."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class NamedColumnsModel(QAbstractTableModel):
    COLUMNS: type[IntEnum]
    HEADERS: dict  # column -> its QT_TRANSLATE_NOOP title, in the subclass's own context

    def __init__(self, parent=None):
        super().__init__(parent)
        self._ids: list[int] = []  # the shown rows' ids, in their order
        self._columns = len(self.COLUMNS)  # asked by Qt for every row it maps: not len(Enum) each time

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._columns

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[self.COLUMNS(section)])
        return None
