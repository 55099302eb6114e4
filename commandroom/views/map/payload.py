"""The map's snapshots as the page's JSON batches (``services/map_bridge.py`` sends them).

Every coordinate goes through the display ``Datum`` here, on its way out, so the page never
knows which datum its tiles use. Markers go as arrays: a batch of ten thousand is one string.
User-typed text (titles, addresses) is put in as plain JSON strings; the page writes it with
``textContent``, never as HTML (see ``resources/map/map.js``).
"""

from __future__ import annotations

from collections.abc import Iterable

from commandroom.models.datum import Datum
from commandroom.models.enums import Priority, Status, UnitStatus
from commandroom.views.common.labels import label

DIGITS = 7  # ~1 cm: more digits only lengthen the batch


def _point(datum: Datum, lat: float, lon: float) -> list[float]:
    shown = datum.to_display(lat, lon)
    return [round(shown[0], DIGITS), round(shown[1], DIGITS)]


def marker(m, datum: Datum) -> list:
    """One marker as an array in the page's ``FIELDS`` order (``resources/map/map.js``): a batch
    of ten thousand is a fifth shorter, and quicker to write and to read, than as objects. The
    status and priority go as their values; their labels go once, in ``words``."""
    lat, lon = _point(datum, m.lat, m.lon)
    return [m.id, m.code, lat, lon, m.status.value, m.priority.value, m.category_class, m.category_name,
            m.title, m.address, m.grid_id, 1 if m.overdue else 0, m.supervision.value if m.supervision else ""]


def words() -> dict[str, dict[str, str]]:
    """The labels of every status and priority, in the interface language (tooltips)."""
    return {"st": {s.value: label(s) for s in Status}, "pr": {p.value: label(p) for p in Priority}}


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
            "duty": u.on_duty, "at": _point(datum, u.lat, u.lon), "ap": u.approximate}


def load_batch(snapshot, datum: Datum) -> dict:
    """The opening batch: every layer at once."""
    return {
        "op": "load",
        "words": words(),
        "grids": [grid(g, datum) for g in snapshot.grids],
        "markers": [marker(m, datum) for m in snapshot.markers],
        "loads": loads(snapshot.loads),
        "units": [unit(u, datum) for u in snapshot.units],
        "recurring": recurring(snapshot.recurring),
    }


def change_batch(changes, datum: Datum) -> dict:
    """A feed batch: markers added or changed, those gone, the loads (and the recurring problems
    and the units, when the batch counted or loaded them again)."""
    batch = {
        "op": "update",
        "upsert": [marker(m, datum) for m in changes.markers],
        "remove": list(changes.gone),
        "loads": loads(changes.loads),
    }
    if changes.recurring is not None:
        batch["recurring"] = recurring(changes.recurring)
    if changes.units is not None:
        batch["units"] = [unit(u, datum) for u in changes.units]
    return batch
