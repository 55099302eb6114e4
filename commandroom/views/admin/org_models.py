"""The admin screens' tables: units, grid staff and categories, kept in place as the
organisation changes (``LiveRowsModel``: rows replaced, added and removed, never a reset)."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt

from commandroom.views.common.labels import label
from commandroom.views.common.live_rows import LiveRowsModel
from commandroom.views.common.named_columns import Index

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class OrgTableModel(LiveRowsModel):
    # (column name, header, how the row shows in it)
    SPEC: tuple = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.COLUMNS = IntEnum(f"{cls.__name__}Column", [name for name, _, _ in cls.SPEC], start=0)
        cls.HEADERS = {cls.COLUMNS(n): header for n, (_, header, _) in enumerate(cls.SPEC)}

    def sync(self, rows) -> None:
        """Bring the table to ``rows`` in place."""
        rows = list(rows)
        keep = {row.id for row in rows}
        self.remove_ids([i for i in self.ids() if i not in keep])
        self._store(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.SPEC[index.column()][2](row)
        if role == ROW_ID_ROLE:
            return row.id
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[self.COLUMNS(section)])
        return None

    def id_at(self, index: QModelIndex) -> int:
        return self.row_at(index.row()).id


class UnitsModel(OrgTableModel):
    SPEC = (("code", QT_TRANSLATE_NOOP("UnitsModel", "编码"), lambda r: r.code),
            ("name", QT_TRANSLATE_NOOP("UnitsModel", "名称"), lambda r: r.name),
            ("type", QT_TRANSLATE_NOOP("UnitsModel", "类型"), lambda r: label(r.type)),
            ("phone", QT_TRANSLATE_NOOP("UnitsModel", "值班电话"), lambda r: r.duty_phone),
            ("on_duty", QT_TRANSLATE_NOOP("UnitsModel", "在岗人数"), lambda r: str(r.on_duty)))


class StaffModel(OrgTableModel):
    SPEC = (("grid", QT_TRANSLATE_NOOP("StaffModel", "网格"), lambda r: f"{r.grid_code} {r.grid_name}"),
            ("name", QT_TRANSLATE_NOOP("StaffModel", "姓名"), lambda r: r.name),
            ("role", QT_TRANSLATE_NOOP("StaffModel", "职务"), lambda r: label(r.role)),
            ("phone", QT_TRANSLATE_NOOP("StaffModel", "电话"), lambda r: r.phone))


class CategoriesModel(OrgTableModel):
    SPEC = (("code", QT_TRANSLATE_NOOP("CategoriesModel", "编码"), lambda r: r.code),
            ("class", QT_TRANSLATE_NOOP("CategoriesModel", "大类"), lambda r: r.class_name),
            ("name", QT_TRANSLATE_NOOP("CategoriesModel", "小类"), lambda r: r.name),
            ("lead", QT_TRANSLATE_NOOP("CategoriesModel", "主办单位类型"), lambda r: label(r.lead_unit_type)),
            ("territorial", QT_TRANSLATE_NOOP("CategoriesModel", "属地管理"),
             lambda r: QCoreApplication.translate("CategoriesModel", "是") if r.territorial else ""))
