"""The category picker: a line to type in and the matching categories under it, best first.

Typing matches the category's name, its class and its code, in Chinese or by pinyin
(``ljdf`` → 垃圾堆放; ``models/pinyin.py``). With nothing typed the suggested categories come
first, marked 建议, so the officer who agrees only confirms. ↑/↓ move through the list without
leaving the line; the form's Enter takes the highlighted category.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from commandroom.models.pinyin import PinyinIndex

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
LIKELY = 0.05  # a suggested category below this probability is not offered


class CategoryPicker(QWidget):
    # --- Signals ---------------------------------------------------------------------------
    sig_chosen = Signal(str)
    """The highlighted category changed (its code; "" when nothing matches)."""

    def __init__(self, categories, suggested: list[tuple[str, float]] = (), parent=None):
        """``categories``: ``CategoryChoice``s (code, class_name, name); ``suggested``: (code,
        probability) best first."""
        super().__init__(parent)
        self._categories = {c.code: c for c in categories}
        self._index = PinyinIndex((c.code, (c.name, c.class_name, c.code)) for c in categories)
        # A suggestion the history barely backs is noise: only the likely ones come first.
        self._suggested = [(code, p) for code, p in suggested
                           if code in self._categories and p >= LIKELY]
        self.edit = QLineEdit(self, objectName="categorySearch")
        self.edit.setPlaceholderText(self.tr("输入类别名称或拼音首字母，如 ljdf"))
        self.edit.setClearButtonEnabled(True)
        self.list = QListWidget(self, objectName="categoryList")
        self.list.setMinimumHeight(180)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        self.edit.textChanged.connect(self._refill)
        self.list.currentItemChanged.connect(lambda *_: self.sig_chosen.emit(self.code()))
        self.edit.installEventFilter(self)
        self._refill("")

    def code(self) -> str:
        item = self.list.currentItem()
        return item.data(CODE_ROLE) if item is not None else ""

    def choose(self, code: str) -> None:
        for n in range(self.list.count()):
            if self.list.item(n).data(CODE_ROLE) == code:
                self.list.setCurrentRow(n)
                return

    def _refill(self, query: str) -> None:
        self.list.clear()
        if query.strip():
            codes = self._index.search(query)
        else:
            first = [code for code, _ in self._suggested]
            codes = first + [code for code in self._categories if code not in first]
        odds = dict(self._suggested)
        for code in codes:
            category = self._categories[code]
            text = f"{category.name}　{category.class_name} · {code}"
            if code in odds:
                text = self.tr("{text}　（建议 {p:.0%}）").format(text=text, p=odds[code])
            item = QListWidgetItem(text)
            item.setData(CODE_ROLE, code)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.sig_chosen.emit("")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # ↑/↓ in the line move the list's highlight: the hands stay on the keyboard.
        if watched is self.edit and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            row = min(max(self.list.currentRow() + step, 0), self.list.count() - 1)
            self.list.setCurrentRow(row)
            return True
        return super().eventFilter(watched, event)
