"""One lane of the dispatch board: the ids of the cards shown in it, kept sorted, over the
board's shared card cache.

Order within a lane is what the officer works down: in 待派遣 the most urgent, then the oldest;
in the other lanes the nearest handling due time first (overdue cards on top). Positions are
found by bisecting the sorted keys, so a card arriving, leaving or moving costs one
``beginInsertRows``/``beginRemoveRows``/``beginMoveRows`` and no renumbering of the others.
A changed card that keeps its place is one ``dataChanged`` per run of rows. A new filter, or a
batch of feed changes too large to announce card by card, rearranges the lane as one layout
change that keeps the selection of the cards still shown; only the opening load resets it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from datetime import datetime

from PySide6.QtCore import QAbstractListModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from commandroom.models.enums import Lane
from commandroom.models.enums import Priority
from commandroom.views.board.mime import MIME_TYPE, encode_ids
from commandroom.views.common.runs import runs

Index = QModelIndex | QPersistentModelIndex

CARD_ROLE = Qt.ItemDataRole.UserRole + 1
"""The card's ``BoardCard`` snapshot (the delegate paints it)."""
ID_ROLE = Qt.ItemDataRole.UserRole + 2

_PRIORITY_RANK = {p: n for n, p in enumerate(Priority)}
_EPOCH = datetime(2000, 1, 1)
ID_SPAN = 10**10  # event ids below ten billion
_DUE_SPAN = 10**10  # seconds after 2000: until the 2300s
_NO_DUE = _DUE_SPAN - 1
MAX_RUNS = 32  # more scattered changed rows than this are announced as one span


def sort_key(card: BoardCard) -> int:
    """Where a card sits in its lane, as one integer (lanes of thousands are bisected and
    sorted on every feed batch: integers compare several times faster than ints of times).
    From the most significant: the priority's rank (in 待派遣 only), the handling due time in
    seconds (none: last), the id (unique, so is the key)."""
    if card.lane == Lane.TO_DISPATCH:
        return (_PRIORITY_RANK[card.priority] * _DUE_SPAN + _NO_DUE) * ID_SPAN + card.id
    due = _NO_DUE if card.handle_due is None else int((card.handle_due - _EPOCH).total_seconds())
    return due * ID_SPAN + card.id


def key_id(key: int) -> int:
    return key % ID_SPAN


class LaneModel(QAbstractListModel):
    def __init__(self, lane: Lane, cards: dict[int, BoardCard], parent=None):
        super().__init__(parent)
        self.lane = lane
        self._cards = cards  # the board's cache, shared by its five lanes
        self._keys: list[int] = []  # the shown cards' sort keys, sorted (``key_id`` gives the id)

    # --- Fed by the board (``BoardCards``) ------------------------------------------------------
    def reset_to(self, keys: list[int]) -> None:
        """The opening load (or F5): the one place a lane is reset. ``keys`` sorted."""
        self.beginResetModel()
        self._keys = keys
        self.endResetModel()

    def insert_key(self, key: int) -> None:
        row = bisect_left(self._keys, key)
        self.beginInsertRows(QModelIndex(), row, row)
        self._keys.insert(row, key)
        self.endInsertRows()

    def remove_key(self, key: int) -> None:
        row = self._row_of_key(key)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._keys[row]
            self.endRemoveRows()

    def move_key(self, old_key: int, new_key: int) -> None:
        """The card stays in this lane but its place changes (a new due time): one move."""
        row = self._row_of_key(old_key)
        if row is None:
            self.insert_key(new_key)
            return
        del self._keys[row]
        final = bisect_left(self._keys, new_key)  # its row once moved
        if final == row:  # same place after all
            self._keys.insert(row, new_key)
            return
        # beginMoveRows counts the destination in the rows as they were before the move.
        self._keys.insert(row, old_key)
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), final + 1 if final > row else final)
        del self._keys[row]
        self._keys.insert(final, new_key)
        self.endMoveRows()

    def relayout(self, keys: list[int]) -> None:
        """Show these cards now (``keys`` sorted): a new filter, or a batch of changes too large
        to announce row by row. One layout change, as a proxy model's re-filtering is: the views
        keep the selection and the current card of every card still shown, wherever it moved."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()  # the selection and the current card: a few
        moved = []
        for index in persistent:
            old = index.row()
            key = self._keys[old] if 0 <= old < len(self._keys) else None
            row = bisect_left(keys, key) if key is not None else len(keys)  # keys are unique
            moved.append(self.createIndex(row, 0) if row < len(keys) and keys[row] == key else QModelIndex())
        self._keys = keys
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def announce(self, ids: Iterable[int], keys: dict[int, int]) -> None:
        """dataChanged for these cards' rows: one signal per run, or one span over them all when
        they are scattered (a view repaints only what it shows either way)."""
        rows = [r for r in (self._row_of_key(keys[i]) for i in ids) if r is not None]
        spans = runs(rows)
        if len(spans) > MAX_RUNS:
            spans = [(spans[0][0], spans[-1][1])]
        for first, last in spans:
            self.dataChanged.emit(self.createIndex(first, 0), self.createIndex(last, 0))

    def keys(self) -> list[int]:
        return self._keys

    def tick(self) -> None:
        """The countdowns moved on: repaint every card (one dataChanged)."""
        if self._keys:
            self.dataChanged.emit(self.createIndex(0, 0), self.createIndex(len(self._keys) - 1, 0))

    # --- Reading ------------------------------------------------------------------------------
    def ids(self) -> list[int]:
        return [key % ID_SPAN for key in self._keys]

    def card_at(self, row: int) -> BoardCard:
        return self._cards[self._keys[row] % ID_SPAN]

    def row_of(self, event_id: int) -> int | None:
        card = self._cards.get(event_id)
        return None if card is None or card.lane != self.lane else self._row_of_key(sort_key(card))

    def _row_of_key(self, key: int) -> int | None:
        row = bisect_left(self._keys, key)
        return row if row < len(self._keys) and self._keys[row] == key else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._keys)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        card = self._cards[self._keys[index.row()] % ID_SPAN]
        if role == CARD_ROLE:
            return card
        if role == ID_ROLE:
            return card.id
        if role == Qt.ItemDataRole.DisplayRole:  # what accessibility tools and keyboard search read
            return f"{card.code} {card.category_name} {card.grid_name}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{card.code}  {card.title}\n{card.address}"
        return None

    # --- Dragging out ---------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def supportedDragActions(self) -> Qt.DropAction:
        # A drop never removes a row here: the feed moves the card once the command is given.
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes) -> QMimeData:
        ids = [self._keys[i.row()] % ID_SPAN for i in sorted(indexes, key=lambda i: i.row()) if i.isValid()]
        mime = QMimeData()
        mime.setData(MIME_TYPE, QByteArray(encode_ids(ids)))
        return mime


