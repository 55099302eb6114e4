"""The board's two kinds of list: a lane of event cards (dragged from; 待派遣 also takes drops:
a recall) and the units panel (takes drops: dispatch, assist, reassign).

Both only say what was dropped where (signals); ``DropPlanner`` decides what it means and
``DispatchFlow`` asks and sends. While a drag is over a unit card, the planner's quick verdict
colours the card (blue: takes it, red: refuses) and the drag's cursor says the same.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent, QPainter
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QListView, QTableView, QWidget

from commandroom.models.enums import Lane
from commandroom.views.board import look
from commandroom.views.board.card_delegate import CARD_HEIGHT
from commandroom.views.board.lane_model import ID_ROLE
from commandroom.views.board.mime import MIME_TYPE, decode_ids
from commandroom.views.board.unit_delegate import UNIT_SIZE, UnitDelegate
from commandroom.views.board.unit_model import UNIT_ROLE


# Idle drawing ahead: after this long without a repaint, the next screens' cards, a few a turn.
WARM_DELAY_MS = 40
WARM_SCREENS = 3
WARM_CHUNK = 6


def _ids(event: QDropEvent) -> list[int]:
    mime = event.mimeData()
    return decode_ids(mime.data(MIME_TYPE).data()) if mime.hasFormat(MIME_TYPE) else []


def _ctrl(event: QDropEvent) -> bool:
    return bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)


class LaneView(QTableView):
    """A table of one column and no headers, not a list view: with fixed row heights a table lays
    out 10,000 cards without visiting them (a list view walks every item on each layout change)."""

    # --- Signals ---------------------------------------------------------------------------
    sig_dropped = Signal(list, object)
    """Cards dropped on this lane: (event ids, the lane). Only 待派遣 takes drops (recall)."""

    sig_dispatch_key = Signal()
    """D pressed on the selection: the keyboard dispatch path."""

    sig_selection_made = Signal(object, bool)
    """The officer selected here: (this view, whether Ctrl/Shift kept the other lanes' cards)."""

    def __init__(self, lane: Lane, parent: QWidget | None = None):
        super().__init__(parent)
        self.lane = lane
        self.setObjectName(f"lane_{lane.value}")
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop
                             if lane == Lane.TO_DISPATCH else QAbstractItemView.DragDropMode.DragOnly)
        self.setAcceptDrops(lane == Lane.TO_DISPATCH)
        self.setDropIndicatorShown(False)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.horizontalHeader().hide()
        # The one column is as wide as the viewport, set here (``updateGeometries``), not by the
        # header's stretch: a stretched section is resized again after every layout change of
        # the model, and that resize repaints the whole lane a second time.
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(CARD_HEIGHT)
        self._warm_rows = None  # the rows still to draw ahead (``_warm_some``)
        self._warm_timer = QTimer(self, singleShot=True)
        self._warm_timer.timeout.connect(self._warm_some)

    def updateGeometries(self) -> None:
        super().updateGeometries()
        if self.model() is not None and self.columnWidth(0) != self.viewport().width():
            self.setColumnWidth(0, self.viewport().width())

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        self.warm_later()
        if self.model() is not None and self.model().rowCount() == 0:  # say it is empty, not broken
            painter = QPainter(self.viewport())
            painter.setPen(look.MUTED)
            painter.drawText(self.viewport().rect().adjusted(8, 16, -8, 0),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self.tr("暂无事件"))
            painter.end()

    def warm_later(self) -> None:
        """Draw ahead only once the board is quiet again: after a paint, or a keystroke in the
        filter box (a chunk drawn then would delay the keystroke's own drawing)."""
        self._warm_rows = None
        self._warm_timer.start(WARM_DELAY_MS)

    def _warm_some(self) -> None:
        """Draw, a few per idle turn, the pictures of the cards below the visible ones: a filter
        that narrows (垃 → 垃圾) or a scroll shows them next, then from their pictures."""
        model = self.model()
        if model is None or not self.isVisible():
            return
        if self._warm_rows is None:
            first = max(self.rowAt(0), 0)
            shown = self.viewport().height() // CARD_HEIGHT + 1
            self._warm_rows = iter(range(first, min(model.rowCount(), first + shown * (1 + WARM_SCREENS))))
        rows = list(itertools.islice(self._warm_rows, WARM_CHUNK))
        if rows:
            self.itemDelegate().warm(self, range(rows[0], rows[-1] + 1))
            self._warm_timer.start(0)

    def selected_ids(self) -> list[int]:
        return [i.data(ID_ROLE) for i in sorted(self.selectionModel().selectedRows(), key=lambda i: i.row())]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_D and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.sig_dispatch_key.emit()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:
        keep = bool(event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier))
        on_selected = self.indexAt(event.position().toPoint()).isValid() and \
            self.selectionModel().isSelected(self.indexAt(event.position().toPoint()))
        super().mousePressEvent(event)
        # Pressing on a selected card may start dragging the whole selection: keep the others.
        self.sig_selection_made.emit(self, keep or on_selected)

    # Dropping (待派遣 only): our cards, moved back from a unit.
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        event.acceptProposedAction() if _ids(event) else event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        event.acceptProposedAction() if _ids(event) else event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        ids = _ids(event)
        if not ids:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)  # the source lane must not remove anything
        event.accept()
        self.sig_dropped.emit(ids, self.lane)


class UnitsView(QListView):
    # --- Signals ---------------------------------------------------------------------------
    sig_dropped = Signal(list, int, bool)
    """Cards dropped on a unit: (event ids, unit id, Ctrl held: add it as an assisting unit)."""

    def __init__(self, verdict: Callable[[list[int], int, bool], bool], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("unitsView")
        self._verdict = verdict  # (ids, unit id, ctrl) -> whether the unit would take them
        self.delegate = UnitDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setGridSize(UNIT_SIZE + QSize(4, 4))
        self.setUniformItemSizes(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # setMovement(Static) above made the viewport refuse drops (QListView ties the two): a
        # real drag is routed to the viewport under the mouse, so it must take them again.
        self.viewport().setAcceptDrops(True)

    def unit_at(self, pos: QPoint) -> int | None:
        index = self.indexAt(pos)
        unit = index.data(UNIT_ROLE) if index.isValid() else None
        return None if unit is None else unit.id

    def unit_rect(self, unit_id: int):
        """Where a unit's card is (for tests and the keyboard path's feedback)."""
        for row in range(self.model().rowCount()):
            index = self.model().index(row, 0)
            if index.data(UNIT_ROLE).id == unit_id:
                return self.visualRect(index)
        return None

    def _hover(self, event: QDragMoveEvent) -> None:
        ids, unit_id = _ids(event), self.unit_at(event.position().toPoint())
        if not ids or unit_id is None:
            self._set_hover(None)
            event.ignore()
            return
        takes = self._verdict(ids, unit_id, _ctrl(event))
        self._set_hover((unit_id, takes))
        # A refusing unit still takes the drop, so the officer is told why on release.
        event.setDropAction(Qt.DropAction.CopyAction if takes else Qt.DropAction.MoveAction)
        event.accept()

    def _set_hover(self, hover) -> None:
        if hover != self.delegate.hover:
            self.delegate.hover = hover
            self.viewport().update()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _ids(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._hover(event)

    def dragLeaveEvent(self, event) -> None:
        self._set_hover(None)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_hover(None)
        ids, unit_id = _ids(event), self.unit_at(event.position().toPoint())
        if not ids or unit_id is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)  # nothing is removed from the source lane
        event.accept()
        self.sig_dropped.emit(ids, unit_id, _ctrl(event))
