"""The map's options on the console's command line: a tile server and the datum it draws in."""

from __future__ import annotations

import argparse
import re

from commandroom.models.datum import Datum

# Leaflet's template placeholders; {s} (subdomains) and {r} (retina) are optional.
_NEEDED = ("{z}", "{x}", "{y}")


def _tile_url(text: str) -> str:
    if not text:  # no tiles (argparse passes a string default through the type too)
        return ""
    if not re.match(r"^https?://[^/\s]+/", text) or not all(part in text for part in _NEEDED):
        raise ValueError(text)
    return text


_tile_url.__name__ = "tile-URL"  # argparse names the type in its refusal (one word: the zh catalogue matches \S+)


def map_options(parser: argparse.ArgumentParser, h) -> None:
    """``--tiles URL`` (an intranet Tianditu, a local tile server; default: no tiles, the grid
    outlines are the map) and ``--tile-datum`` (wgs84, or gcj02 for AMap/Tencent-style tiles)."""
    parser.add_argument("--tiles", metavar="URL", type=_tile_url, default="",
                        help=h("地图瓦片地址模板，如 http://tiles.local/{z}/{x}/{y}.png（默认无底图）",
                               "map tile URL template, e.g. http://tiles.local/{z}/{x}/{y}.png (default: none)"))
    parser.add_argument("--tile-datum", choices=[d.value for d in Datum], default=Datum.WGS84.value,
                        help=h("瓦片坐标系：wgs84（天地图）或 gcj02（高德、腾讯）",
                               "the tiles' datum: wgs84 (Tianditu) or gcj02 (AMap, Tencent)"))
