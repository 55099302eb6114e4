"""The wall's window: frameless and full screen, a header, the panels on the layout's grid (a
cell with several panels shows them in turn), a ticker; no menu, no toolbar, no context menu,
nothing to click. The cursor hides after a few still seconds; Esc asks before leaving.

It only draws: ``show_snapshot`` (from the figures service) and the map's read model (from the
feed pump). ``show_stale`` keeps every panel as it is and puts up the banner.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer, Qt, Signal, Slot
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QGridLayout, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from commandroom.models.clock import Clock
from commandroom.views.wall.header import WallHeader
from commandroom.views.wall.layout import WallLayout
from commandroom.views.wall.panels import FACTORIES
from commandroom.views.wall.stale_banner import StaleBanner
from commandroom.views.wall.theme import Theme
from commandroom.views.wall.ticker import Ticker
from commandroom.views.wall.wall_map import WallMap

CURSOR_HIDE_MS = 3000
CURSOR_POLL_MS = 500


class WallWindow(QWidget):
    # --- Signals ---------------------------------------------------------------------------
    sig_closing = Signal()
    """The window is closing (after Esc and its confirmation): stop the services."""

    sig_drawn = Signal()
    """A snapshot has been drawn (the screenshot waits for the first one, tests for changes)."""

    def __init__(self, layout: WallLayout, theme: Theme, clock: Clock, *, map_options: dict | None = None,
                 confirm_exit: bool = True):
        super().__init__(None, Qt.WindowType.FramelessWindowHint)
        self.setObjectName("wallWindow")
        self.setWindowTitle(self.tr("大屏"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(theme.stylesheet())
        self.layout_spec = layout
        self.theme = theme
        self.confirm_exit = confirm_exit
        self.last_at: datetime | None = None  # the instant of the data on screen
        self.snapshot = None

        self.header = WallHeader(theme, clock, self)
        self.banner = StaleBanner(theme, self)
        self.ticker = Ticker(theme, self)
        self.grid = grid = QGridLayout()
        gap = theme.px(8)
        grid.setSpacing(gap)
        self.panels: dict[str, QWidget] = {}
        self.cells: list[QStackedWidget] = []
        self.rotations: list[QTimer] = []
        for cell in layout.cells:
            stack = QStackedWidget(self)
            stack.setObjectName("wallCell")
            for name in cell.panels:
                options = (map_options or {}) if name == "map" else {}
                panel = FACTORIES[name](theme, parent=stack, **options)
                self.panels[name] = panel
                stack.addWidget(panel)
            grid.addWidget(stack, cell.row, cell.column, cell.rows, cell.columns)
            self.cells.append(stack)
            if len(cell.panels) > 1:
                timer = QTimer(self)
                timer.timeout.connect(lambda s=stack: s.setCurrentIndex((s.currentIndex() + 1) % s.count()))
                timer.start(cell.seconds * 1000)
                self.rotations.append(timer)
        for r in range(layout.rows):
            grid.setRowStretch(r, 1)
        for c in range(layout.columns):
            grid.setColumnStretch(c, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(gap, gap // 2, gap, gap // 2)
        box.setSpacing(gap)
        box.addWidget(self.header)
        box.addLayout(grid, 1)
        box.addWidget(self.ticker)

        # The pointer is watched by a slow poll, not an application-wide event filter (which
        # would run Python for every event of every object, the web engine's included).
        self.cursor_hidden = False
        self._pointer = QCursor.pos()
        self._still_ms = 0
        self.cursor_timer = QTimer(self)
        self.cursor_timer.timeout.connect(self._watch_pointer)
        self.cursor_timer.start(CURSOR_POLL_MS)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """The banner takes the ticker's place (no report arrives while the data is stale): the
        panels keep their places and their last state."""
        super().resizeEvent(event)
        self.banner.setGeometry(self.ticker.geometry())
        self.banner.raise_()


    @property
    def map(self) -> WallMap | None:
        return self.panels.get("map")

    # --- Fed by the services ---------------------------------------------------------------------
    @Slot(object)
    def show_snapshot(self, snapshot) -> None:
        self.snapshot = snapshot
        self.last_at = snapshot.taken_at
        self.header.show_snapshot(snapshot)
        self.header.set_live(True)
        self.banner.clear()
        for panel in self.panels.values():
            panel.show_snapshot(snapshot)
        self.ticker.show_snapshot(snapshot)
        self.sig_drawn.emit()

    @Slot(str)
    def show_stale(self, _reason: str = "") -> None:
        """The database is out of reach: keep what is shown, say since when."""
        self.header.set_live(False)
        self.banner.show_stale(self.last_at)
        self.banner.setGeometry(self.ticker.geometry())
        self.banner.raise_()

    @Slot(str, object)
    def on_view_loaded(self, name: str, data) -> None:
        if self.map is not None:
            self.map.on_view_loaded(name, data)

    @Slot(str, list, object)
    def on_view_changed(self, name: str, ids: list, data) -> None:
        if self.map is not None:
            self.map.on_view_changed(name, ids, data)

    # --- The only gestures: move the mouse, press Esc ---------------------------------------------
    def _watch_pointer(self) -> None:
        pointer = QCursor.pos()
        if pointer != self._pointer:
            self._pointer, self._still_ms = pointer, 0
            self.show_cursor(True)
            return
        self._still_ms += CURSOR_POLL_MS
        if self._still_ms >= CURSOR_HIDE_MS:
            self.show_cursor(False)

    def show_cursor(self, shown: bool) -> None:
        """Hidden over the whole wall (the map's page too) by an override cursor."""
        if shown == (not self.cursor_hidden):
            return
        self.cursor_hidden = not shown
        if shown:
            QApplication.restoreOverrideCursor()
        else:
            QApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.ask_to_leave()
            return
        super().keyPressEvent(event)

    def ask_to_leave(self) -> None:
        if self.confirm_exit:
            self.show_cursor(True)
            answer = QMessageBox.question(self, self.tr("退出大屏"), self.tr("退出大屏显示？"),
                                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                          QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.close()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.show_cursor(True)
        self.cursor_timer.stop()
        self.sig_closing.emit()
        super().closeEvent(event)

