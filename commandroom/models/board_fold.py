"""The dispatch board's read model kept by folding the change feed, not by reading the events
again: the pump's thread keeps the rows the cards are made of (the street's open events, their
active assignments, their uncleared alerts) and folds each batch's log rows into them with the
replay's own fold (``replay.apply``), whose result equals the tables (``test_replay_property``).

A batch then costs what it brings: no SELECT of the touched events, their names and their
assignments (``board.load_board``), only the unit cards (their loads are an aggregate the
database answers from an index) and, after an ``org_change``, the name tables again.

Why open events and not only the board's: a report (受理, not on the board) becomes a card when it
is registered, and its columns come from its earlier rows. No rule of ``lifecycle.RULES`` leads
out of a finished status, so an event that left the open ones is dropped for good, and a log row
of an event the model does not hold (a finished event evaluated, an alert acknowledged late)
is skipped, except the row that creates an event (受理).

The cards equal ``board.load_board``'s, field by field, after any sequence of commands
(``tests/unit/test_board_fold.py``, SQLite and PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models.alert_levels import most_serious
from commandroom.models.board import LANE_OF, BoardCard, PartState, load_units
from commandroom.models.board_view import BoardData
from commandroom.models.changefeed import LogEntry, touched_event_ids
from commandroom.models.enums import OPEN_STATUSES, Action, AssignmentRole, GridLevel
from commandroom.models.events import Alert, Assignment, Event
from commandroom.models.replay import RoomState, apply
from commandroom.models.replay_rows import Names

# The event columns a card shows, or sorts by (received_at).
_EVENT_COLUMNS = (Event.id, Event.code, Event.version, Event.status, Event.priority, Event.title,
                  Event.address, Event.category_id, Event.grid_id, Event.lead_unit_id, Event.dispatched_at,
                  Event.response_due, Event.handle_due, Event.escalated, Event.transfer_count, Event.received_at)
_PART_COLUMNS = (Assignment.id, Assignment.event_id, Assignment.unit_id, Assignment.role,
                 Assignment.dispatched_at, Assignment.acknowledged_at, Assignment.active)
_ALERT_COLUMNS = (Alert.id, Alert.event_id, Alert.level, Alert.cleared_at)
# The row tables a card reads; the fold's rows of the others are not kept.
_KEPT = ("assignment", "alert")


def _dicts(session: Session, stmt) -> list[dict]:
    return [dict(row._mapping) for row in session.execute(stmt)]


class BoardFold:
    """The board's rows in the pump's thread: ``load`` at opening (and after a reload), then
    ``fold`` per batch of log rows. Not thread-safe: it belongs to the pump's thread."""

    def __init__(self) -> None:
        self.state = RoomState()
        self.names: Names | None = None
        # Per event, the ids of its kept rows of each table (a card reads its own).
        self._of: dict[str, dict[int, set[int]]] = {t: {} for t in _KEPT}

    # -- the pump's entry points (``feed_pump.ReadModel``) ----------------------------------
    def load(self, session: Session, now: datetime, street_id: int | None) -> BoardData:
        """Every open event's rows read once; the board's cards and unit cards made from them."""
        where = [Event.status.in_(sorted(OPEN_STATUSES))]
        if street_id is not None:
            where.append(Event.street_id == street_id)
        state = self.state = RoomState()
        state.events = {row["id"]: row for row in _dicts(session, select(*_EVENT_COLUMNS).where(*where))}
        parts = select(*_PART_COLUMNS).join(Event, Event.id == Assignment.event_id).where(
            Assignment.active.is_(True), *where)
        alerts = select(*_ALERT_COLUMNS).join(Event, Event.id == Alert.event_id).where(
            Alert.cleared_at.is_(None), *where)
        self._of = {t: {} for t in _KEPT}
        for table, stmt in (("assignment", parts), ("alert", alerts)):
            rows = state.rows[table]
            for row in _dicts(session, stmt):
                rows[row["id"]] = row
                self._of[table].setdefault(row["event_id"], set()).add(row["id"])
        self.names = Names.load(session)
        cards = self.cards(state.events)
        return BoardData(tuple(cards), tuple(load_units(session, now, street_id=street_id)))

    def fold(self, session: Session, entries: list[LogEntry], now: datetime, street_id: int | None) -> BoardData:
        """The batch folded in: the touched events' cards (those on the board) and all unit
        cards, as ``board_view.load_board_changes`` would read them now."""
        state, events = self.state, self.state.events
        rows: list[tuple[str, int]] = []
        for entry in entries:
            if entry.event_id is not None and entry.event_id not in events and entry.action is not Action.RECEIVE:
                continue  # a finished event's row: it can never come back to the board
            apply(state, entry)
            rows.extend((table, row_id) for table, row_id, _ in entry.payload.get("rows", ()))
        touched = touched_event_ids(entries)
        self._prune(touched, rows)
        if self.names is None or any(e.action is Action.ORG_CHANGE for e in entries) or self._unnamed(touched):
            self.names = Names.load(session)  # rare: a renamed or new unit, grid or category
        return BoardData(tuple(self.cards(touched)), tuple(load_units(session, now, street_id=street_id)),
                         touched=tuple(touched))

    # -- cards ------------------------------------------------------------------------------
    def cards(self, ids: Iterable[int]) -> list[BoardCard]:
        """The cards of ``ids`` on the board, in the board's order (received, id)."""
        events = self.state.events
        shown = [events[i] for i in ids if i in events and events[i]["status"] in LANE_OF]
        shown.sort(key=lambda e: (e["received_at"], e["id"]))
        return [self._card(event) for event in shown]

    def _card(self, e: dict) -> BoardCard:
        names = self.names
        code, _, category = names.categories.get(e["category_id"], ("", "", ""))
        grid, parent, _ = names.grids.get(e["grid_id"], ("", None, 0))
        community = names.grids.get(parent)  # the L3 the board's join names, only if it is one
        community_name = community[0] if community is not None and community[2] == int(GridLevel.COMMUNITY) else ""
        status = e["status"]
        return BoardCard(
            e["id"], e["code"], e["version"], status, LANE_OF[status], e["priority"], e["title"], e["address"],
            code, category, e["grid_id"], grid, community_name, e["lead_unit_id"],
            names.units.get(e["lead_unit_id"], ""), e["dispatched_at"], e["response_due"], e["handle_due"],
            e["escalated"], e["transfer_count"], self._parts(e["id"]), self._level(e["id"]))

    def _parts(self, event_id: int) -> tuple[PartState, ...]:
        rows = self.state.rows["assignment"]
        parts = sorted((rows[i] for i in self._of["assignment"].get(event_id, ())),
                       key=lambda a: (a["role"] != AssignmentRole.LEAD, a["id"]))
        units = self.names.units
        return tuple(PartState(a["id"], a["unit_id"], units.get(a["unit_id"], ""), a["role"], a["dispatched_at"],
                               a["acknowledged_at"]) for a in parts)

    def _level(self, event_id: int):
        rows = self.state.rows["alert"]
        return most_serious(rows[i]["level"] for i in self._of["alert"].get(event_id, ()))

    # -- keeping only what the cards read ---------------------------------------------------
    def _prune(self, touched: list[int], rows: list[tuple[str, int]]) -> None:
        """Drop the events that left the open ones (with their rows), the assignments no longer
        active and the alerts cleared, and every row of the tables no card reads."""
        state = self.state
        for event_id in touched:
            event = state.events.get(event_id)
            if event is not None and event["status"] not in OPEN_STATUSES:
                del state.events[event_id]
                for table in _KEPT:
                    for row_id in self._of[table].pop(event_id, ()):
                        state.rows[table].pop(row_id, None)
        for table, row_id in rows:
            if table not in _KEPT:
                continue
            row = state.rows[table].get(row_id)
            if row is None:
                continue
            event_id = row.get("event_id")
            alive = row.get("active") if table == "assignment" else row.get("cleared_at") is None
            if event_id in state.events and alive:
                self._of[table].setdefault(event_id, set()).add(row_id)
            else:  # inactive, cleared, of a finished event, or a change to a row never kept
                del state.rows[table][row_id]
                self._of[table].get(event_id, set()).discard(row_id)
        for table, kept in state.rows.items():
            if table not in _KEPT and kept:
                kept.clear()

    def _unnamed(self, touched: list[int]) -> bool:
        """A touched card names a category, grid or unit the names read at opening do not know."""
        names, events, rows = self.names, self.state.events, self.state.rows["assignment"]
        for event_id in touched:
            e = events.get(event_id)
            if e is None:
                continue
            if (e["category_id"] is not None and e["category_id"] not in names.categories
                    or e["grid_id"] is not None and e["grid_id"] not in names.grids
                    or e["lead_unit_id"] is not None and e["lead_unit_id"] not in names.units
                    or any(rows[i]["unit_id"] not in names.units for i in self._of["assignment"].get(event_id, ()))):
                return True
        return False
