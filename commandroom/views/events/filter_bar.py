"""The row of filters above the event list: status, category, place, overdue only, search.

It only holds the choices and tells the list's model (its ``filter``, then ``refilter``); the vocabularies (categories, grids) come from
the console's opening snapshot, so it never asks the database anything.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from commandroom.models.enums import OPEN_STATUSES, Status
from commandroom.views.events.event_filter import (
    CATEGORY_CLASS,
    CATEGORY_ITEM,
    COMMUNITY,
    GRID,
    choice,
)
from commandroom.views.common.labels import label
from commandroom.views.common.steady_label import set_steady_text
from commandroom.views.events.event_table_model import EventTableModel

_OPEN = "open"  # the status combo's "all unfinished" entry
_INDENT = "\u3000"  # a full-width space: items line up under their class in a CJK font


class FilterBar(QWidget):
    # --- Signals ---------------------------------------------------------------------------
    sig_filter_changed = Signal()
    """Any filter choice changed (the list has already been filtered again)."""

    def __init__(self, model: EventTableModel, parent=None):
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.model = model
        self.status = QComboBox(objectName="statusFilter")
        self.category = QComboBox(objectName="categoryFilter")
        self.place = QComboBox(objectName="placeFilter")
        self.overdue = QCheckBox(self.tr("仅看超期"), objectName="overdueFilter")
        self.search = QLineEdit(objectName="searchBox")
        self.search.setPlaceholderText(self.tr("搜索 编号 / 标题 / 地址"))
        self.search.setClearButtonEnabled(True)
        self.count = QLabel(objectName="countLabel")
        for combo in (self.status, self.category, self.place):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMaxVisibleItems(24)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(8)
        for caption, widget in ((self.tr("状态"), self.status), (self.tr("类别"), self.category),
                                (self.tr("社区/网格"), self.place)):
            layout.addWidget(QLabel(caption))
            layout.addWidget(widget)
        layout.addWidget(self.overdue)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.count)

        self._fill_statuses()
        self.set_vocabularies((), ())
        self.status.currentIndexChanged.connect(self._status_chosen)
        self.category.currentIndexChanged.connect(
            lambda: self._tell(self.model.filter.set_category, self.category.currentData()))
        self.place.currentIndexChanged.connect(
            lambda: self._tell(self.model.filter.set_place, self.place.currentData()))
        self.overdue.toggled.connect(lambda on: self._tell(self.model.filter.set_overdue_only, on))
        self.search.textChanged.connect(lambda text: self._tell(self.model.filter.set_text, text))

    # --- Filling ---------------------------------------------------------------------------
    def _fill_statuses(self) -> None:
        self.status.addItem(self.tr("全部状态"), None)
        self.status.addItem(self.tr("未办结"), _OPEN)
        for status in Status:
            self.status.addItem(label(status), status.value)

    def set_vocabularies(self, categories: Iterable, grids: Iterable) -> None:
        """Fill the category and place combos (two levels each), keeping the current choice."""
        categories, grids = list(categories), list(grids)
        classes: dict[str, list] = {}
        for item in categories:
            classes.setdefault(item.class_name, []).append(item)
        _fill_two_levels(
            self.category, self.tr("全部类别"),
            [(choice(CATEGORY_CLASS, name), name,
              [(choice(CATEGORY_ITEM, i.code), i.name) for i in items])
             for name, items in classes.items()])
        communities = [g for g in grids if g.level == 3]
        _fill_two_levels(
            self.place, self.tr("全部社区"),
            [(choice(COMMUNITY, c.id), c.name,
              [(choice(GRID, g.id), g.name) for g in grids if g.parent_id == c.id])
             for c in communities])

    def show_count(self, shown: int, total: int) -> None:
        # Steady: the meeting's tab widget above repainted itself whole (the list's every cell)
        # each time a new count changed the label's size.
        set_steady_text(self.count, self.tr("显示 {shown} / 共 {total} 件").format(shown=shown, total=total))

    # --- Telling the list --------------------------------------------------------------------
    def _status_chosen(self) -> None:
        data = self.status.currentData()
        statuses = None if data is None else OPEN_STATUSES if data == _OPEN else {Status(data)}
        self._tell(self.model.filter.set_statuses, statuses)

    def _tell(self, setter, value) -> None:
        setter(value)
        self.model.refilter()
        self.sig_filter_changed.emit()


def _fill_two_levels(combo: QComboBox, all_text: str, groups: list[tuple[str, str, list]]) -> None:
    """'All', then each group (bold) followed by its items (indented); the choice survives."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(all_text, None)
    bold = QFont(combo.font())
    bold.setBold(True)
    for key, text, items in groups:
        combo.addItem(text, key)
        combo.setItemData(combo.count() - 1, bold, Qt.ItemDataRole.FontRole)
        for item_key, item_text in items:
            combo.addItem(_INDENT + item_text, item_key)
    found = combo.findData(current)
    combo.setCurrentIndex(max(found, 0))
    combo.blockSignals(False)
    if found < 0 and current is not None:  # the old choice is gone: the filter must follow
        combo.currentIndexChanged.emit(0)
