"""The units panel's model: unit ids (by type, then code) plus a cache of ``UnitCard`` snapshots.

Every change reloads the street's few unit cards (their loads move with any event); only the
cards that differ are announced, one ``dataChanged`` per run, so a status change repaints one
card and keeps the officer's selection.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from commandroom.models.enums import UnitType
from commandroom.views.common.runs import runs

Index = QModelIndex | QPersistentModelIndex

UNIT_ROLE = Qt.ItemDataRole.UserRole + 1
"""The unit's ``UnitCard`` snapshot."""

# The units most events go to come first: the resident units (执法, 环卫, 派出所 …), the
# street's offices and centres, the district's departments on call, the community committees.
_TYPE_ORDER = {t: n for n, t in enumerate((UnitType.RESIDENT_UNIT, UnitType.OFFICE, UnitType.SERVICE_CENTRE,
                                           UnitType.DISTRICT_DEPARTMENT, UnitType.COMMUNITY_COMMITTEE))}


class UnitModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._ids: list[int] = []
        self._units: dict[int, UnitCard] = {}

    def load(self, units: Iterable[UnitCard]) -> None:
        """The opening load: the one reset."""
        self.beginResetModel()
        self._units = {unit.id: unit for unit in units}
        self._ids = sorted(self._units, key=lambda i: (_TYPE_ORDER[self._units[i].type], self._units[i].code))
        self.endResetModel()

    def apply(self, units: Iterable[UnitCard]) -> int:
        """The street's unit cards as they are now; returns how many changed."""
        fresh = {unit.id: unit for unit in units}
        for row in reversed(range(len(self._ids))):  # units taken off the street (rare)
            if self._ids[row] not in fresh:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._units[self._ids.pop(row)]
                self.endRemoveRows()
        changed = [row for row, unit_id in enumerate(self._ids) if fresh[unit_id] != self._units[unit_id]]
        for row in changed:
            self._units[self._ids[row]] = fresh[self._ids[row]]
        for first, last in runs(changed):
            self.dataChanged.emit(self.index(first), self.index(last))
        new = [unit for unit_id, unit in fresh.items() if unit_id not in self._units]
        if new:
            start = len(self._ids)
            self.beginInsertRows(QModelIndex(), start, start + len(new) - 1)
            for unit in new:
                self._ids.append(unit.id)
                self._units[unit.id] = unit
            self.endInsertRows()
        return len(changed) + len(new)

    def unit(self, unit_id: int) -> UnitCard | None:
        return self._units.get(unit_id)

    def units(self) -> list[UnitCard]:
        return [self._units[i] for i in self._ids]

    def row_of(self, unit_id: int) -> int | None:
        try:
            return self._ids.index(unit_id)
        except ValueError:
            return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        unit = self._units[self._ids[index.row()]]
        if role == UNIT_ROLE:
            return unit
        if role == Qt.ItemDataRole.DisplayRole:
            return unit.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{unit.name}（{unit.code}）\n{unit.duty_phone}"
        return None
