"""No request leaves the machine: every request of the map's page is seen here first.

Local schemes (file, qrc, data, blob, about) pass. A configured tile server's host passes (an
intranet Tianditu, a local tile server: the officer asked for it in the settings). Anything else
is blocked and counted, so a stray CDN link in a future Leaflet plugin shows up in the log and in
the tests instead of hanging the page.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import QWebEngineUrlRequestInfo, QWebEngineUrlRequestInterceptor

log = logging.getLogger(__name__)

LOCAL_SCHEMES = frozenset({"file", "qrc", "data", "blob", "about"})


def tile_host(tile_url: str) -> str:
    """The host of a tile URL template (``{s}``, ``{z}`` … are left alone by the parse)."""
    if not tile_url:
        return ""
    return QUrl(tile_url.replace("{s}", "a")).host().lower() or ""


class OfflineInterceptor(QWebEngineUrlRequestInterceptor):
    def __init__(self, tile_url: str = "", parent=None):
        super().__init__(parent)
        self._tile_host = tile_host(tile_url)
        self.seen: list[str] = []  # every URL asked for (the tests read it)
        self.blocked: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        text = url.toString()
        self.seen.append(text)
        if url.scheme().lower() in LOCAL_SCHEMES:
            return
        if self._tile_host and url.host().lower() == self._tile_host:
            return
        info.block(True)
        self.blocked.append(text)
        log.warning("map page: blocked a request that would leave the machine: %s", text[:200])
