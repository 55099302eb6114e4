"""The list of recurring problems (未诉先办) beside the map: grid, category, how often."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

GRID_ROLE = Qt.ItemDataRole.UserRole + 1


class RecurringModel(QAbstractTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("RecurringModel", "网格"), QT_TRANSLATE_NOOP("RecurringModel", "问题类别"),
               QT_TRANSLATE_NOOP("RecurringModel", "次数"), QT_TRANSLATE_NOOP("RecurringModel", "最近"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    def set_rows(self, rows) -> None:
        """The whole list again: it is recomputed whole by one query, and is a few rows long."""
        rows = list(rows)
        if rows == self._rows:
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return row.grid_name
            if column == 1:
                return row.category_name
            if column == 2:
                return self.tr("{n} 件").format(n=row.events) if row.reports == row.events else \
                    self.tr("{n} 件（{r} 次反映）").format(n=row.events, r=row.reports)
            return f"{row.last_at:%m-%d %H:%M}"
        if role == GRID_ROLE:
            return row.grid_id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{grid}：{category} 近期反复出现 {n} 件").format(
                grid=row.grid_name, category=row.category_name, n=row.events)
        return None
