"""The street at the slider's instant, three ways, as tabs: the event list, the dispatch board and
the map: the console's own widgets, read-only (the board as for a role that may not dispatch,
the map without placing), sharing one selection.

The list follows every frame. The board and the map are fed only while shown, and at most
``REDRAW_MS`` apart: the events a frame changed are gathered and drawn together (a hidden tab
gathers them until it is shown; the map is not even built until then).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QTabWidget, QWidget

from commandroom.models.enums import Role
from commandroom.services.map_bridge import MAP_VIEW
from commandroom.views.board.board_panel import BoardPanel

REDRAW_MS = 250  # the board and the map redraw four times a second at most while playing


class InstantTabs(QTabWidget):
    def __init__(self, events, data, clock, parent=None):
        super().__init__(parent)
        self.setObjectName("meetingInstantTabs")
        self.data, self.cursor = data, data.cursor
        self.events = events
        self.board = BoardPanel(clock, self)
        self.board.set_role(Role.DISPLAY)  # the meeting watches: nothing to drag or dispatch
        self.board.units_view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.map = None  # made when first shown: a meeting that never looks at it starts no browser
        self.addTab(events, self.tr("事件列表"))
        self.addTab(self.board, self.tr("派遣板"))
        self.map_index = self.addTab(QWidget(), self.tr("地图"))
        # Per view: the events to draw again, or None while it has never been drawn.
        self._pending: dict[str, set[int] | None] = {"board": None, "map": None}
        self._timer = QTimer(self, singleShot=True, interval=REDRAW_MS)
        self._timer.timeout.connect(self._redraw)
        self.currentChanged.connect(lambda _i: self._redraw())
        self._following = False  # showing the shared selection on the board (do not echo it)
        self.board.sig_selection_changed.connect(self._board_selected)
        events.selection.sig_selected.connect(self._follow_selection)

    def frame(self, delta) -> None:
        """The slider moved; the events of ``delta.changed`` (the cursor's move) may look
        different. Asked only once the board or the map has been drawn (a seek works it out
        then: ``replay_cursor.SeekDelta``)."""
        for pending in self._pending.values():
            if pending is not None:
                pending |= delta.changed
        if self.currentWidget() is not self.events and not self._timer.isActive():
            self._timer.start()

    def _redraw(self) -> None:
        shown = self.currentWidget()
        if shown is self.board:
            self._draw_board()
        elif self.currentIndex() == self.map_index:
            self._draw_map()

    def _draw_board(self) -> None:
        pending = self._pending["board"]
        if pending is None:
            self.board.load(self.data.board_at())
            self._follow_selection(list(self.events.selection.ids))  # chosen before the board was drawn
        elif pending:
            self.board.apply(self.data.board_at(pending))
        self.board.cards.tick()  # the board's clock is the list's: the slider's instant
        self._pending["board"] = set()

    def _draw_map(self) -> None:
        pending = self._pending["map"]
        if pending is None:
            self._make_map()
            self.map.on_view_loaded(MAP_VIEW, self.data.map_at())
        elif pending:
            self.map.on_view_changed(MAP_VIEW, [], self.data.map_at(pending))
        self._pending["map"] = set()

    def _make_map(self) -> None:
        from commandroom.views.map.map_panel import MapPanel  # QtWebEngine: only when looked at

        self.map = MapPanel(self.events.selection, parent=self)
        self.map.splitter.widget(1).hide()  # 未诉先办 is the agenda's (as at the week's end), not the instant's
        current = self.currentIndex()
        self.blockSignals(True)
        self.removeTab(self.map_index)
        self.insertTab(self.map_index, self.map, self.tr("地图"))
        self.setCurrentIndex(current)
        self.blockSignals(False)

    def _board_selected(self, ids: list) -> None:
        if ids and not self._following:
            self.events.selection.select(ids, source=self.board)

    def _follow_selection(self, ids: list) -> None:
        if not self.events.selection.is_from(self.board):
            self._following = True
            try:
                self.board.select_events(ids)
            finally:
                self._following = False


