"""The map's snapshots as the page's JSON batches (``services/map_bridge.py`` sends them).

Every coordinate goes through the display ``Datum`` here, on its way out, so the page never
knows which datum its tiles use. Short keys: a batch of ten thousand markers is one string.
User-typed text (titles, addresses) is put in as plain JSON strings; the page writes it with
``textContent``, never as HTML (see ``resources/map/map.js``).
"""

from __future__ import annotations

from collections.abc import Iterable

from commandroom.models.datum import Datum
from commandroom.models.enums import UnitStatus
from commandroom.views.common.labels import label

DIGITS = 7  # ~1 cm: more digits only lengthen the batch


def _point(datum: Datum, lat: float, lon: float) -> list[float]:
    shown = datum.to_display(lat, lon)
    return [round(shown[0], DIGITS), round(shown[1], DIGITS)]


def marker(m, datum: Datum) -> dict:
    return {
        "id": m.id, "code": m.code, "at": _point(datum, m.lat, m.lon), "st": str(m.status),
        "stl": label(m.status), "pr": str(m.priority), "prl": label(m.priority),
        "cls": m.category_class, "cat": m.category_name, "t": m.title, "a": m.address,
        "g": m.grid_id, "od": m.overdue, "sv": str(m.supervision) if m.supervision else "",
    }


def grid(g, datum: Datum) -> dict:
    rings = [[[_point(datum, lat, lon) for lon, lat in ring] for ring in polygon] for polygon in g.polygons]
    return {"id": g.id, "lv": g.level, "code": g.code, "name": g.name, "rings": rings,
            "at": _point(datum, *g.label_at)}


def loads(rows: Iterable) -> list[list[int]]:
    return [[r.grid_id, r.open, r.overdue] for r in rows]


def recurring(rows: Iterable) -> list[dict]:
    return [{"g": r.grid_id, "cat": r.category_name, "n": r.events, "r": r.reports} for r in rows]


def unit(u, datum: Datum) -> dict:
    # The unit types' words are the domain's own (enums.py); labels.py has no entry for them yet.
    return {"id": u.id, "name": u.name, "type": u.type.label, "on": u.status is UnitStatus.ON_DUTY,
            "duty": u.on_duty, "at": _point(datum, u.lat, u.lon)}


def load_batch(snapshot, datum: Datum) -> dict:
    """The opening batch: every layer at once."""
    return {
        "op": "load",
        "grids": [grid(g, datum) for g in snapshot.grids],
        "markers": [marker(m, datum) for m in snapshot.markers],
        "loads": loads(snapshot.loads),
        "units": [unit(u, datum) for u in snapshot.units],
        "recurring": recurring(snapshot.recurring),
    }


def change_batch(changes, datum: Datum) -> dict:
    """A feed batch: markers added or changed, those gone, the loads and the recurring again."""
    return {
        "op": "update",
        "upsert": [marker(m, datum) for m in changes.markers],
        "remove": list(changes.gone),
        "loads": loads(changes.loads),
        "recurring": recurring(changes.recurring),
    }
