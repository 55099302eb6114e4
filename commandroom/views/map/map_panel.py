"""The live grid map dock: a QWebEngineView over the folium page, fed through one bridge.

The feed pump's ``map`` read model opens it (``on_view_loaded``: the page is built and loaded
then, so a console that never shows data starts no web process) and keeps it live
(``on_view_changed``: one batch per feed batch). Both directions of the shared selection: a
marker click selects the event in every dock; a selection made elsewhere pans to the event and
highlights it. A click on an L4 grid asks the lists and the board to show that grid only
(``sig_grid_filter``); a right-click gives a point for the report being registered
(``sig_point_picked``), refused in words outside the street (the street's ``GridLocator`` decides).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QHeaderView, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from commandroom.models.datum import Datum
from commandroom.services.map_bridge import MAP_VIEW, MapBridge, MapWatch
from commandroom.views.common.selection import Selection
from commandroom.views.map import engine, payload
from commandroom.views.map.offline import OfflineInterceptor
from commandroom.views.map.page import build_page, release
from commandroom.views.map.page_texts import page_texts
from commandroom.views.map.recurring_model import GRID_ROLE, RecurringModel
from commandroom.views.resources import resource_dir


class MapPanel(QWidget):
    # --- Signals ---------------------------------------------------------------------------
    sig_grid_filter = Signal(int, str)
    """Show only this L4 grid's events in the lists and the board: (grid id, its name); 0 lifts it."""

    sig_point_picked = Signal(float, float, str)
    """A right-click inside the street: (WGS-84 lat, lon, "community / grid" in words)."""

    sig_load_view = Signal(str, list)
    """Shown again: load the map's read model for the events changed while it was not (the
    feed pump's ``refresh_view``; an empty list: the units and the loads only)."""

    def __init__(self, selection: Selection, *, tile_url: str = "", datum: Datum = Datum.WGS84,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mapPanel")
        self.selection = selection
        self.tile_url = tile_url
        self.datum = datum
        self.locator = None
        self._grid_names: dict[int, str] = {}
        self._grid_at: dict[int, tuple[float, float]] = {}
        self.grid_filter = 0
        self.bridge = MapBridge(self)
        # Not on screen until shown: the pump then loads nothing for it (``MapWatch``); what the
        # batches touched meanwhile is asked for when it is.
        self.watch = MapWatch(shown=False)
        self._shown = False  # between its show and hide events
        self._tab_raised = True  # its dock's tab in front (``set_tab_raised``)
        self._unseen: set[int] = set()
        self._unseen_org = False  # a batch that touched no event (the units may have changed)
        # The web view and its page are made by load_page, with the first data: a console that
        # never gets any (a test, a screenshot of an empty street) starts no web process. Until
        # then a placeholder stands in its place.
        self.view: QWebEngineView | None = None
        self.page: QWebEnginePage | None = None
        self.placeholder = QLabel(self.tr("地图载入中…"), self, alignment=Qt.AlignmentFlag.AlignCenter)
        self.interceptor = OfflineInterceptor(tile_url, self)
        self.loaded = False

        self.message = QLabel(self, objectName="mapMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.recurring = RecurringModel(self)
        self.recurring_table = QTableView(self, objectName="recurringTable")
        self.recurring_table.setModel(self.recurring)
        self.recurring_table.verticalHeader().hide()
        self.recurring_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.recurring_table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.recurring_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.recurring_table.horizontalHeader().setStretchLastSection(True)
        self.recurring_table.clicked.connect(self._recurring_clicked)
        self.recurring_title = QLabel(self, objectName="recurringTitle")
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(4, 4, 4, 4)
        side_layout.addWidget(self.recurring_title)
        side_layout.addWidget(self.recurring_table)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter = splitter
        splitter.addWidget(self.placeholder)
        splitter.addWidget(side)
        side.setMinimumWidth(380)  # grid, category, count and time without a scroll bar
        side.setMaximumWidth(460)
        self.placeholder.setMinimumWidth(300)
        splitter.setCollapsible(0, False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([900, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self._show_recurring_count(0)

        self.bridge.sig_marker_clicked.connect(self._marker_clicked)
        self.bridge.sig_grid_clicked.connect(self._grid_clicked)
        self.bridge.sig_point_picked.connect(self._point_picked)
        self.selection.sig_selected.connect(self._follow_selection)

    @Slot()
    def release_page(self) -> None:
        self.page = release(self.view, self.page)

    # --- Fed by the feed pump ------------------------------------------------------------------
    def load_page(self) -> None:
        """Build the page and load it (once); batches pushed before it is ready are queued."""
        if self.loaded:
            return
        self.loaded = True
        engine.configure(QGuiApplication.platformName())  # before the first page starts Chromium
        # Made after the interceptor: children are deleted in order, and the interceptor must
        # outlive the page that uses it.
        self.view = QWebEngineView(self)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # right-click is the page's
        self.view.setMinimumWidth(300)
        self.splitter.replaceWidget(0, self.view)
        self.placeholder.deleteLater()
        self.page = QWebEnginePage(self.view)
        self.page.setUrlRequestInterceptor(self.interceptor)
        channel = QWebChannel(self.page)
        channel.registerObject("bridge", self.bridge)
        self.page.setWebChannel(channel)
        self.view.setPage(self.page)
        # QtWebEngine releases its profile as the application ends; a page still alive then
        # crashes the process on exit. The page goes first.
        QCoreApplication.instance().aboutToQuit.connect(self.release_page)
        html = build_page(page_texts(), self.tile_url)
        self.view.setHtml(html, QUrl.fromLocalFile(str(resource_dir()) + "/"))

    @Slot(str, object)
    def on_view_loaded(self, name: str, data) -> None:
        if name != MAP_VIEW:
            return
        self.locator = data.locator
        self._grid_names = {g.id: g.name for g in data.grids}
        self._grid_at = {g.id: g.label_at for g in data.grids}
        self.load_page()
        self.bridge.push(payload.load_batch(data, self.datum))
        self._set_recurring(data.recurring)
        if self.selection.ids:
            self.bridge.push({"op": "select", "ids": list(self.selection.ids), "pan": False})

    @Slot(str, list, object)
    def on_view_changed(self, name: str, ids: list, data) -> None:
        if name != MAP_VIEW:
            return
        if data is None:  # loaded while the map was not shown: asked for when it is
            self._unseen.update(ids)
            self._unseen_org = self._unseen_org or not ids
            if self.watch.shown:  # shown again while the batch was on its way
                self._ask_unseen()
            return
        self.bridge.push(payload.change_batch(data, self.datum))
        if data.recurring is not None:
            self._set_recurring(data.recurring)

    @Slot(bool)
    def set_tab_raised(self, raised: bool) -> None:
        """Its dock's ``visibilityChanged``: a dock whose tab is behind another stays visible to
        Qt (moved off screen), so the panel's own show and hide events do not tell."""
        self._tab_raised = raised
        self._follow_screen()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._shown = True
        self._follow_screen()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().hideEvent(event)
        self._shown = False  # hidden, or the window minimised
        self._follow_screen()

    def _follow_screen(self) -> None:
        self.watch.shown = self._shown and self._tab_raised
        if self.watch.shown:
            self._ask_unseen()

    def _ask_unseen(self) -> None:
        if self._unseen_org:
            self.sig_load_view.emit(MAP_VIEW, [])
        if self._unseen:
            self.sig_load_view.emit(MAP_VIEW, sorted(self._unseen))
        self._unseen, self._unseen_org = set(), False

    def _set_recurring(self, rows) -> None:
        self.recurring.set_rows(rows)
        self._show_recurring_count(len(rows))

    def _show_recurring_count(self, n: int) -> None:
        self.recurring_title.setText(self.tr("未诉先办：反复出现的问题（{n}）").format(n=n))

    # --- Gestures ------------------------------------------------------------------------------
    @Slot(int)
    def _marker_clicked(self, event_id: int) -> None:
        self.selection.select([event_id], source=self)
        self.bridge.push({"op": "select", "ids": [event_id], "pan": False})

    @Slot(list)
    def _follow_selection(self, ids: list) -> None:
        if not self.selection.is_from(self):
            self.bridge.push({"op": "select", "ids": ids, "pan": bool(ids)})

    @Slot(int)
    def _grid_clicked(self, grid_id: int) -> None:
        self.set_grid_filter(grid_id)
        self.sig_grid_filter.emit(grid_id, self._grid_names.get(grid_id, ""))

    def set_grid_filter(self, grid_id: int) -> None:
        self.grid_filter = grid_id
        self.bridge.push({"op": "grid", "id": grid_id})

    def _recurring_clicked(self, index) -> None:
        grid_id = index.data(GRID_ROLE)
        at = self._grid_at.get(grid_id)
        if at is not None:
            self.bridge.push({"op": "view", "at": list(self.datum.to_display(*at)), "zoom": 17})
        self._grid_clicked(grid_id)

    @Slot(float, float)
    def _point_picked(self, lat: float, lon: float) -> None:
        lat, lon = self.datum.from_display(lat, lon)
        chain = self.locator.locate(lat, lon) if self.locator is not None else None
        if chain is None:
            self.say(self.tr("该位置不在本街道范围内（{lat:.6f}, {lon:.6f}），不能作为事件位置")
                     .format(lat=lat, lon=lon), refusal=True)
            return
        self.message.hide()
        self.sig_point_picked.emit(lat, lon, f"{chain.l3.name} / {chain.l4.name}")

    def say(self, text: str, refusal: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c62828; padding: 4px;" if refusal else "padding: 4px;")
        self.message.show()
