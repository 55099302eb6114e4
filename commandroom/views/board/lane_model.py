"""One lane of the dispatch board: the ids of the cards shown in it, kept sorted, over the
board's shared card cache.

Order within a lane is what the officer works down: in 待派遣 the most urgent, then the oldest;
in the other lanes the nearest handling due time first (overdue cards on top). Positions are
found by bisecting the sorted keys, so a card arriving, leaving or moving costs one
``beginInsertRows``/``beginRemoveRows``/``beginMoveRows`` and no renumbering of the others.
A changed card that keeps its place is one ``dataChanged`` per run of rows. Only a new filter
rearranges a lane wholesale, as a layout change that keeps the selection of cards still shown.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from datetime import datetime

from PySide6.QtCore import QAbstractListModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from commandroom.models.enums import Lane
from commandroom.models.enums import Priority
from commandroom.views.board.mime import MIME_TYPE, encode_ids
from commandroom.views.common.rows import runs

Index = QModelIndex | QPersistentModelIndex

CARD_ROLE = Qt.ItemDataRole.UserRole + 1
"""The card's ``BoardCard`` snapshot (the delegate paints it)."""
ID_ROLE = Qt.ItemDataRole.UserRole + 2

_PRIORITY_RANK = {p: n for n, p in enumerate(Priority)}
_NEVER = datetime.max


def sort_key(card: BoardCard) -> tuple:
    """Where a card sits in its lane (unique: the id breaks ties)."""
    if card.lane == Lane.TO_DISPATCH:
        return (_PRIORITY_RANK[card.priority], _NEVER, card.id)
    return (0, card.handle_due or _NEVER, card.id)


class LaneModel(QAbstractListModel):
    def __init__(self, lane: Lane, cards: dict[int, BoardCard], clock_now: Callable[[], datetime],
                 parent=None):
        super().__init__(parent)
        self.lane = lane
        self._cards = cards  # the board's cache, shared by its five lanes
        self._now = clock_now
        self._keys: list[tuple] = []  # sorted; the id is each key's last item

    # --- Fed by the board -------------------------------------------------------------------
    def reset_to(self, cards: Iterable[BoardCard]) -> None:
        """The opening load (or F5): the one place a lane is reset."""
        self.beginResetModel()
        self._keys = sorted(sort_key(c) for c in cards)
        self.endResetModel()

    def insert(self, card: BoardCard) -> None:
        key = sort_key(card)
        row = bisect_left(self._keys, key)
        self.beginInsertRows(QModelIndex(), row, row)
        self._keys.insert(row, key)
        self.endInsertRows()

    def remove(self, old: BoardCard) -> None:
        row = self._row_of_key(sort_key(old))
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._keys[row]
        self.endRemoveRows()

    def replace(self, old: BoardCard, new: BoardCard) -> bool:
        """The card changed within this lane: move it if its place changed. True when it kept
        its row (the caller announces those rows together, in runs, once every move is done)."""
        old_key, new_key = sort_key(old), sort_key(new)
        row = self._row_of_key(old_key)
        if row is None:
            self.insert(new)
            return False
        if old_key == new_key:
            return True
        del self._keys[row]
        final = bisect_left(self._keys, new_key)  # its row once moved
        if final == row:  # same place after all (only the key changed)
            self._keys.insert(row, new_key)
            return True
        # beginMoveRows counts the destination in the rows as they were before the move.
        self._keys.insert(row, old_key)
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), final + 1 if final > row else final)
        del self._keys[row]
        self._keys.insert(final, new_key)
        self.endMoveRows()
        return False

    def announce(self, ids: Iterable[int]) -> None:
        """dataChanged for these cards' rows, one signal per run."""
        rows = (self.row_of(i) for i in ids)
        for first, last in runs(r for r in rows if r is not None):
            self.dataChanged.emit(self.index(first), self.index(last))

    def rearrange(self, cards: Iterable[BoardCard]) -> None:
        """A new filter: the lane shows these cards now. The cards still shown keep their
        selection (persistent indexes are moved), as a proxy model's filter would."""
        new_keys = sorted(sort_key(c) for c in cards)
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        moved = []
        for index in old_persistent:
            key = self._keys[index.row()] if 0 <= index.row() < len(self._keys) else None
            at = bisect_left(new_keys, key) if key is not None else len(new_keys)
            found = key is not None and at < len(new_keys) and new_keys[at] == key
            moved.append(self.index(at) if found else QModelIndex())
        self._keys = new_keys
        self.changePersistentIndexList(old_persistent, moved)
        self.layoutChanged.emit()

    def tick(self) -> None:
        """The countdowns moved on: repaint every card (one dataChanged)."""
        if self._keys:
            self.dataChanged.emit(self.index(0), self.index(len(self._keys) - 1))

    # --- Reading ------------------------------------------------------------------------------
    def ids(self) -> list[int]:
        return [key[-1] for key in self._keys]

    def card_at(self, row: int) -> BoardCard:
        return self._cards[self._keys[row][-1]]

    def row_of(self, event_id: int) -> int | None:
        card = self._cards.get(event_id)
        return None if card is None else self._row_of_key(sort_key(card))

    def _row_of_key(self, key: tuple) -> int | None:
        row = bisect_left(self._keys, key)
        return row if row < len(self._keys) and self._keys[row] == key else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._keys)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        card = self._cards[self._keys[index.row()][-1]]
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
        ids = [self._keys[i.row()][-1] for i in sorted(indexes, key=lambda i: i.row()) if i.isValid()]
        mime = QMimeData()
        mime.setData(MIME_TYPE, QByteArray(encode_ids(ids)))
        return mime


