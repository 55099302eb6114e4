"""The map page, built with folium and served from local files only (the room has no internet).

folium lays out the page and makes the Leaflet map; its default CDN links (Leaflet, jQuery,
Bootstrap, awesome-markers) are replaced by Leaflet's own files from the ``xstatic-leaflet``
package, and marker clustering comes from ``xstatic-leaflet-markercluster``. There are no base
tiles unless a tile URL template is set (an intranet Tianditu, a local tile server): the grid
outlines are the map. The page's own script and style are ``resources/map/map.js``/``map.css``;
``qwebchannel.js`` is read from Qt's resources and inlined.
"""

from __future__ import annotations

import json
from pathlib import Path

import folium
import shiboken6
import xstatic.pkg.leaflet as xs_leaflet
import xstatic.pkg.leaflet_markercluster as xs_cluster
from branca.element import Element, MacroElement
from jinja2 import Template
from PySide6 import QtWebChannel  # noqa: F401  (registers :/qtwebchannel/qwebchannel.js)
from PySide6.QtCore import QFile, QIODevice, QUrl

from commandroom.views.resources import resource

LEAFLET = Path(xs_leaflet.BASE_DIR)
CLUSTER = Path(xs_cluster.BASE_DIR)
MAX_ZOOM = 19
MIN_ZOOM = 12


def _url(path: Path) -> str:
    return QUrl.fromLocalFile(str(path)).toString()


def _qwebchannel_js() -> str:
    source = QFile(":/qtwebchannel/qwebchannel.js")
    if not source.open(QIODevice.OpenModeFlag.ReadOnly):
        raise RuntimeError("qwebchannel.js is missing from Qt's resources (PySide6.QtWebChannel)")
    try:
        return bytes(source.readAll().data()).decode("utf-8")
    finally:
        source.close()


class _Start(MacroElement):
    """Starts the page's script on the map, once folium has made it (a child of the map renders
    its script after the map's own)."""

    _template = Template("{% macro script(this, kwargs) %}"
                         "commandroomMap.start({{ this._parent.get_name() }}, {{ this.words }});"
                         "{% endmacro %}")

    def __init__(self, texts: dict[str, str]):
        super().__init__()
        self._name = "CommandroomStart"
        # JSON of the translated words, with "</" broken so no text can close the script.
        self.words = json.dumps(texts, ensure_ascii=False).replace("</", "<\\/")


def build_page(texts: dict[str, str], tile_url: str = "", tile_attribution: str = "",
               center: tuple[float, float] = (36.65, 117.12)) -> str:
    """The page's HTML. ``texts`` are the page's words, already translated (``map_texts``)."""
    # No folium scale bar: it shows feet beside metres; map.js adds a metric one.
    fmap = folium.Map(location=list(center), zoom_start=15, tiles=None, control_scale=False,
                      prefer_canvas=False)
    # On the map itself (folium gives max_zoom to the tiles only): markercluster needs a maximum,
    # and keeps a grid per zoom level in between, updated for every marker: a street needs no
    # zoom below MIN_ZOOM.
    fmap.options.update(max_zoom=MAX_ZOOM, min_zoom=MIN_ZOOM)
    # Quarter steps: a whole street fits its dock closely instead of at the next smaller zoom.
    fmap.options.update(zoom_snap=0.25, zoom_delta=0.5)
    # Only Leaflet itself: the page draws with DOM elements, not Bootstrap or icon fonts.
    fmap.default_js = [("leaflet", _url(LEAFLET / "leaflet.js"))]
    fmap.default_css = [("leaflet_css", _url(LEAFLET / "leaflet.css"))]
    if tile_url:
        folium.TileLayer(tiles=tile_url, attr=tile_attribution or " ", name="tiles",
                         max_zoom=MAX_ZOOM, overlay=False, control=False).add_to(fmap)
    header = fmap.get_root().header
    for name, path in (("cluster_css", CLUSTER / "MarkerCluster.css"),
                       ("cluster_default_css", CLUSTER / "MarkerCluster.Default.css"),
                       ("map_css", resource("map", "map.css"))):
        header.add_child(Element(f'<link rel="stylesheet" href="{_url(path)}"/>'), name=name)
    # In the body: after Leaflet (folium writes default_js after the header's children), before
    # the map is made (the body's final script).
    body = fmap.get_root().html
    body.add_child(Element(f'<script src="{_url(CLUSTER / "leaflet.markercluster.js")}"></script>'),
                   name="cluster_js")
    body.add_child(Element(f"<script>{_qwebchannel_js()}</script>"), name="qwebchannel_js")
    body.add_child(Element(f'<script src="{_url(resource("map", "map.js"))}"></script>'), name="map_js")
    _Start(texts).add_to(fmap)
    return fmap.get_root().render()


def release(view, page) -> None:
    """Take the page off its view and delete it now: QtWebEngine's profile goes as the application
    ends, and a page still alive then crashes it. Returns None, for ``self.page = release(…)``."""
    if page is not None:
        view.setPage(None)
        shiboken6.delete(page)
