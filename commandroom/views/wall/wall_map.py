"""The live map in the wall's read-only mode: the console's map page (L4 cells filled by load,
live markers, supervised events badged, the recurring-problems outlines) with nothing to click.

Read-only twice over: the web view is disabled, so no click, key or right-click reaches the page
(a disabled widget and its children get no input), and the bridge's gesture signals (marker,
grid, point) are connected to nothing. Markers carry only public text: the title and the address
are masked here, on their way to the page, as the snapshot's texts are in ``wall_figures``.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QUrl, Qt, Signal, Slot
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWebEngineWidgets import QWebEngineView

from commandroom.models.datum import Datum
from commandroom.models.privacy import public_address, public_text
from commandroom.services.map_bridge import MAP_VIEW, MapBridge
from commandroom.views.map import payload
from commandroom.views.map.offline import OfflineInterceptor
from commandroom.views.map.page import build_page, release
from commandroom.views.map.page_texts import page_texts
from commandroom.views.resources import resource_dir
from commandroom.views.wall.panel import WallPanel

# The page is drawn for a console seen from an arm's length; the wall is seen from metres away.
ZOOM_AT_1080P = 1.4
# Once the street is on the page: the recurring problems' outlines shown (without their badges,
# which cover the markers at this size), the controls a console clicks (zoom, layers) taken
# away, and the street fitted again into the room they leave.
WALL_PAGE = ("commandroomMap.showRecurring(true);"
             "document.head.insertAdjacentHTML('beforeend', '<style>.rec-icon{display:none}</style>');"
             "commandroomMap.layers.remove();"
             "commandroomMap.map.zoomControl.remove();"
             # Nobody zooms the wall: the street may fill its panel exactly, not to a quarter step.
             "commandroomMap.map.options.zoomSnap = 0;"
             # Through the page's own batch handler: it fits, then tells the bridge it applied.
             "commandroomMap.apply(JSON.stringify({op: 'fit'}));")


def public_marker(marker):
    return replace(marker, title=public_text(marker.title), address=public_address(marker.address))


class WallMap(WallPanel):
    # --- Signals ---------------------------------------------------------------------------
    sig_dressed = Signal()
    """The street is on the page, dressed for the wall and fitted (a screenshot waits for it)."""

    def __init__(self, theme, *, tile_url: str = "", datum: Datum = Datum.WGS84, parent=None):
        super().__init__(theme, "", parent)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.tile_url = tile_url
        self.datum = datum
        self.bridge = MapBridge(self)
        self.interceptor = OfflineInterceptor(tile_url, self)
        self.view: QWebEngineView | None = None
        self.page: QWebEnginePage | None = None
        self.bridge.sig_applied.connect(self._applied)
        self._fit_batch = 0  # the number of the batch that fits the dressed street

    def show_snapshot(self, snapshot) -> None:
        """The figures do not change the map: it is fed by the change feed's map read model."""

    def _load_page(self) -> None:
        self.view = QWebEngineView(self)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setAcceptDrops(False)
        self.view.setEnabled(False)  # look, don't touch: no click, key or drop reaches the page
        self.body.addWidget(self.view)
        self.page = QWebEnginePage(self.view)
        self.page.setUrlRequestInterceptor(self.interceptor)
        channel = QWebChannel(self.page)
        channel.registerObject("bridge", self.bridge)
        self.page.setWebChannel(channel)
        self.view.setPage(self.page)
        self.page.setZoomFactor(min(5.0, ZOOM_AT_1080P * self.theme.scale))
        QCoreApplication.instance().aboutToQuit.connect(self.release_page)
        self.view.setHtml(build_page(page_texts(), self.tile_url), QUrl.fromLocalFile(str(resource_dir()) + "/"))

    @Slot(int)
    def _applied(self, n: int) -> None:
        if self.page is None:
            return
        if not self._fit_batch:  # the first batch: the street is there, dress the page
            self._fit_batch = n + 1
            self.page.runJavaScript(WALL_PAGE)
        elif n == self._fit_batch:
            self.sig_dressed.emit()

    @Slot()
    def release_page(self) -> None:
        self.page = release(self.view, self.page)

    @Slot(str, object)
    def on_view_loaded(self, name: str, data) -> None:
        if name != MAP_VIEW:
            return
        if self.view is None:
            self._load_page()
        data = replace(data, markers=tuple(public_marker(m) for m in data.markers))
        self.bridge.push(payload.load_batch(data, self.datum))

    @Slot(str, list, object)
    def on_view_changed(self, name: str, _ids: list, data) -> None:
        if name != MAP_VIEW:
            return
        data = replace(data, markers=tuple(public_marker(m) for m in data.markers))
        self.bridge.push(payload.change_batch(data, self.datum))
