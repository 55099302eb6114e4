"""The map's markers and the board's cards at the slider's instant, made from the list's cursor
(``replay_cursor.py``): the same snapshots the console's read models load from the tables
(``map_view.MapMarker``, ``board.BoardCard``, ``board.UnitCard``), so the meeting reuses the
console's map and board unchanged, read-only.

Only the events a frame changed are made again (``markers``, ``cards``); the per-grid and
per-unit counts are one pass over the listed rows (a few milliseconds), done when the map or the
board is redrawn, not at every frame.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from commandroom.models.board import LANE_OF, BoardCard, PartState, UnitCard
from commandroom.models.board_view import BoardData
from commandroom.models.enums import AssignmentRole, UnitStatus
from commandroom.models.map_view import SUPERVISED, GridLoad, MapChanges, MapMarker, MapSnapshot, UnitPlace
from commandroom.models.replay_cursor import RowsCursor


def board_at(cursor: RowsCursor, units: Iterable[UnitCard], ids: set[int] | None = None) -> BoardData:
    """The board's opening load at the instant (``ids`` None), or its change for ``ids``."""
    if ids is None:
        return BoardData(tuple(cards(cursor, cursor.rows)), tuple(unit_cards(cursor, units)))
    return BoardData(tuple(cards(cursor, ids)), tuple(unit_cards(cursor, units)), touched=tuple(ids))


def map_at(cursor: RowsCursor, base: MapSnapshot, ids: set[int] | None = None) -> MapSnapshot | MapChanges:
    """The map's opening snapshot at the instant (``ids`` None: ``base``'s grids and units with
    the instant's markers and loads), or its change for ``ids``. No recurring problems: those
    are the agenda's, counted over the week, not an instant's."""
    loads = tuple(grid_loads(cursor))
    if ids is None:
        shown, _ = markers(cursor, cursor.rows)
        return MapSnapshot(base.grids, tuple(shown), loads, tuple(unit_places(cursor, base.units)), (),
                           base.locator)
    shown, gone = markers(cursor, ids)
    return MapChanges(tuple(shown), tuple(gone), loads, ())


def markers(cursor: RowsCursor, ids: Iterable[int]) -> tuple[list[MapMarker], list[int]]:
    """The markers of ``ids`` on the map at the cursor's instant (open, with a point), and the
    ids of those that are not on it."""
    shown, gone = [], []
    for event_id in ids:
        row = cursor.rows.get(event_id)
        event = cursor.state.events.get(event_id)
        if row is None or not row.is_open or event["lat"] is None or event["lon"] is None:
            gone.append(event_id)
            continue
        badge = row.alert_level if row.alert_level in SUPERVISED else None
        shown.append(MapMarker(event_id, row.code, event["lat"], event["lon"], row.status, row.priority,
                               row.category_class, row.category_name, row.title, row.address, row.grid_id,
                               row.overdue, badge))
    return shown, gone


def grid_loads(cursor: RowsCursor) -> list[GridLoad]:
    """Open events and how many of them are overdue, per L4 grid that has any."""
    open_, overdue = Counter(), Counter()
    for row in cursor.rows.values():
        if row.is_open and row.grid_id is not None:
            open_[row.grid_id] += 1
            overdue[row.grid_id] += row.overdue
    return [GridLoad(grid_id, n, overdue[grid_id]) for grid_id, n in sorted(open_.items())]


def unit_places(cursor: RowsCursor, places: Iterable[UnitPlace]) -> list[UnitPlace]:
    """The units where the map draws them, with their duty status at the instant."""
    return [_on_duty(place, cursor.state.rows["unit"].get(place.id)) for place in places]


def cards(cursor: RowsCursor, ids: Iterable[int]) -> list[BoardCard]:
    """The board's cards of ``ids`` at the cursor's instant (those on the board)."""
    out = []
    for event_id in ids:
        row = cursor.rows.get(event_id)
        if row is None or row.status not in LANE_OF:
            continue
        event = cursor.state.events[event_id]
        out.append(BoardCard(
            event_id, row.code, row.version, row.status, LANE_OF[row.status], row.priority, row.title,
            row.address, row.category_code, row.category_name, row.grid_id, row.grid_name,
            row.community_name, event["lead_unit_id"], row.lead_unit_name, row.dispatched_at,
            event["response_due"], row.handle_due, row.escalated, event["transfer_count"],
            _parts(cursor, event_id), row.alert_level))
    out.sort(key=lambda card: (cursor.rows[card.id].received_at, card.id))
    return out


def unit_cards(cursor: RowsCursor, units: Iterable[UnitCard]) -> list[UnitCard]:
    """The unit cards with their loads and duty status at the instant."""
    load, overdue = Counter(), Counter()
    for event_id, row in cursor.rows.items():
        if row.is_open:
            lead = cursor.state.events[event_id]["lead_unit_id"]
            load[lead] += 1
            overdue[lead] += row.overdue
    return [replace(_on_duty(unit, cursor.state.rows["unit"].get(unit.id)), open_load=load[unit.id],
                    overdue=overdue[unit.id]) for unit in units]


def _on_duty(unit, replayed: dict | None):
    if replayed is None:
        return unit
    status = replayed.get("status", unit.status)
    return replace(unit, status=UnitStatus(status), on_duty=replayed.get("on_duty", unit.on_duty))


def _parts(cursor: RowsCursor, event_id: int) -> tuple[PartState, ...]:
    parts = [a for a in cursor.rows_of("assignment", event_id) if a.get("active")]
    parts.sort(key=lambda a: (a["role"] != AssignmentRole.LEAD, a["id"]))
    return tuple(PartState(a["id"], a["unit_id"], cursor.names.units.get(a["unit_id"], ""),
                           AssignmentRole(a["role"]), a["dispatched_at"], a.get("acknowledged_at"))
                 for a in parts)
