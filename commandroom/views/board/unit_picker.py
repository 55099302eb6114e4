"""The keyboard path: select cards, press D, type part of a unit's name or its pinyin initials
(``hws`` finds 环卫所), Enter. Ctrl+Enter adds the unit as an assisting unit instead.

The matching is the shared type-ahead (``models/pinyin.py``): the text itself, full pinyin,
initials or a mix, ranked. Off-duty units stay in the list, greyed and marked, so the officer
sees why the one expected is not taken (the board refuses it in words, sending nothing).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from commandroom.models.enums import UnitStatus
from commandroom.models.pinyin import PinyinIndex
from commandroom.views.board import look
from commandroom.views.board.unit_delegate import status_text

SHOWN = 12


class UnitPicker(QDialog):
    # --- Signals ---------------------------------------------------------------------------
    sig_picked = Signal(int, bool)
    """A unit chosen: (unit id, as an assisting unit: Ctrl+Enter)."""

    def __init__(self, units: list[UnitCard], what: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("unitPicker")
        self.setWindowTitle(self.tr("派遣到单位"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._units = {unit.id: unit for unit in units}
        self._index = PinyinIndex((unit.id, (unit.name, unit.code)) for unit in units)
        self.caption = QLabel(what, self)
        self.query = QLineEdit(self, objectName="unitQuery")
        self.query.setPlaceholderText(self.tr("输入单位名称或拼音首字母，回车派遣；Ctrl+回车 增加协办"))
        self.hits = QListWidget(self, objectName="unitHits")
        self.hits.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the box; arrows move here
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.query)
        layout.addWidget(self.hits)
        self.setMinimumWidth(460)
        self.query.textChanged.connect(self._search)
        self.hits.itemDoubleClicked.connect(lambda _item: self._pick(False))
        self._search("")

    def _search(self, text: str) -> None:
        self.hits.clear()
        for unit_id in self._index.search(text, limit=SHOWN):
            unit = self._units[unit_id]
            item = QListWidgetItem(self.tr("{name}　{status} · 在办 {load}").format(
                name=unit.name, status=status_text(unit.status), load=unit.open_load))
            item.setData(Qt.ItemDataRole.UserRole, unit_id)
            if unit.status == UnitStatus.OFF_DUTY:
                item.setForeground(look.MUTED)
            self.hits.addItem(item)
        if self.hits.count():
            self.hits.setCurrentRow(0)

    def current_unit(self) -> int | None:
        item = self.hits.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._pick(bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier))
            return
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.hits.count():
            step = 1 if key == Qt.Key.Key_Down else -1
            self.hits.setCurrentRow((self.hits.currentRow() + step) % self.hits.count())
            return
        super().keyPressEvent(event)

    def _pick(self, assist: bool) -> None:
        unit_id = self.current_unit()
        if unit_id is None:
            return
        self.accept()
        self.sig_picked.emit(unit_id, assist)
