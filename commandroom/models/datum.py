"""Display datum: the map's tiles may be drawn in GCJ-02 (the Chinese web maps' obfuscated
datum: AMap, Tencent, an intranet Tianditu mirror of them) while every coordinate we store is
WGS-84 (see DOMAIN.md, Interchange).

``Datum.WGS84`` shows points as stored. ``Datum.GCJ02`` moves each point by the GCJ-02 offset
(a few hundred metres in Jinan) on its way to the page and takes a clicked point back to WGS-84
with the iterative inverse, good to well under a centimetre. The formulas are prcoords' (CC0,
the same as eviltransform / coordtransform): we do not write our own copy of them.
"""

from __future__ import annotations

from enum import Enum

import prcoords


class Datum(str, Enum):
    WGS84 = "wgs84"
    GCJ02 = "gcj02"

    @classmethod
    def parse(cls, text: str) -> Datum:
        """The setting's value ("" or "wgs84", "gcj02"; case-insensitive)."""
        return cls(text.strip().lower() or cls.WGS84.value)

    def to_display(self, lat: float, lon: float) -> tuple[float, float]:
        """A stored WGS-84 point as the tiles draw it."""
        if self is Datum.WGS84:
            return lat, lon
        point = prcoords.Coords(lat, lon)
        if not prcoords.sanity_in_china_p(point):  # GCJ-02 is not applied outside China
            return lat, lon
        shown = prcoords.wgs_gcj(point, check_china=False)
        return shown.lat, shown.lon

    def from_display(self, lat: float, lon: float) -> tuple[float, float]:
        """A point clicked on the tiles, back in WGS-84 (the precise, iterative inverse)."""
        if self is Datum.WGS84:
            return lat, lon
        point = prcoords.Coords(lat, lon)
        if not prcoords.sanity_in_china_p(point):
            return lat, lon
        stored = prcoords.gcj_wgs_bored(point, check_china=False)
        return stored.lat, stored.lon
