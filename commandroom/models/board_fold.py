"""The dispatch board's read model kept by folding the change feed, not by reading the events
again: the pump's thread keeps the rows the cards are made of (the street's open events, their
active assignments, their uncleared alerts) and folds each batch's log rows into them with the
replay's own fold (``replay.apply``), whose result equals the tables (``test_replay_property``).

A batch then costs what it brings: no SELECT at all (the units' loads are kept too,
``unit_loads.py``), but after an ``org_change`` or a name not seen yet: the name tables and the
units again.

Why open events and not only the board's: a report (受理, not on the board) becomes a card when it
is registered, and its columns come from its earlier rows. No rule of ``lifecycle.RULES`` leads
out of a finished status, so an event that left the open ones is dropped for good, and a log row
of an event the model does not hold (a finished event evaluated, an alert acknowledged late)
is skipped, except the row that creates an event (受理).

The cards equal ``board.load_board``'s, field by field, after any sequence of commands
(``tests/unit/test_board_fold.py``, SQLite and PostgreSQL).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models.alert_levels import most_serious
from commandroom.models.board import LANE_OF, BoardCard, PartState, UnitCard, load_units
from commandroom.models.board_view import BoardData
from commandroom.models.changefeed import LogEntry, touched_event_ids
from commandroom.models.enums import OPEN_STATUSES, Action, AssignmentRole, GridLevel
from commandroom.models.events import Alert, Assignment, Event
from commandroom.models.replay import RoomState, apply
from commandroom.models.replay_rows import Names
from commandroom.models.unit_loads import UnitLoads

log = logging.getLogger(__name__)

# The event columns a card shows, or sorts by (received_at).
_EVENT_COLUMNS = (Event.id, Event.code, Event.version, Event.status, Event.priority, Event.title,
                  Event.address, Event.category_id, Event.grid_id, Event.lead_unit_id, Event.dispatched_at,
                  Event.response_due, Event.handle_due, Event.escalated, Event.transfer_count, Event.received_at)
_PART_COLUMNS = (Assignment.id, Assignment.event_id, Assignment.unit_id, Assignment.role,
                 Assignment.dispatched_at, Assignment.acknowledged_at, Assignment.active)
_ALERT_COLUMNS = (Alert.id, Alert.event_id, Alert.level, Alert.cleared_at)
# The row tables a card reads; the fold's rows of the others are not kept.
_KEPT = ("assignment", "alert")
_COMMUNITY = int(GridLevel.COMMUNITY)
_NO_PAIR = ("", "")


def _dicts(session: Session, stmt) -> list[dict]:
    return [dict(row._mapping) for row in session.execute(stmt)]


class BoardFold:
    """The board's rows in the pump's thread: ``load`` at opening (and after a reload), then
    ``fold`` per batch of log rows. Not thread-safe: it belongs to the pump's thread."""

    def __init__(self) -> None:
        self.state = RoomState()
        # Per event, the ids of its kept rows of each table (a card reads its own).
        self._of: dict[str, dict[int, set[int]]] = {t: {} for t in _KEPT}
        self._parts_of: dict[int, tuple[PartState, ...]] = {}  # per event, its parts as last made
        self._categories: dict[int, tuple[str, str]] = {}
        self._grids: dict[int, tuple[str, str]] = {}
        self._units: dict[int, str] = {}
        self._unknown = False  # a card being made named an id the names do not know
        self._loads = UnitLoads()
        self._unit_cards: list[UnitCard] = []  # the street's units as last made, by code

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
        self._parts_of = {}
        for table, stmt in (("assignment", parts), ("alert", alerts)):
            rows = state.rows[table]
            for row in _dicts(session, stmt):
                rows[row["id"]] = row
                self._of[table].setdefault(row["event_id"], set()).add(row["id"])
        self._read_names(session)
        cards = self.cards(state.events, session)
        self._loads.reset(state.events.values())
        self._unit_cards = load_units(session, now, street_id=street_id)
        return BoardData(tuple(cards), tuple(self._unit_cards))

    def fold(self, session: Session, entries: list[LogEntry], now: datetime, street_id: int | None) -> BoardData:
        """The batch folded in: the touched events' cards (those on the board) and all unit
        cards, as ``board_view.load_board_changes`` would read them now. A log row the fold
        cannot place (a payload not as ``change.py`` writes it) is logged and the rows are read
        afresh: the board is then the tables', every card it held or holds now named touched."""
        try:
            return self._fold(session, entries, now, street_id)
        except (KeyError, TypeError, ValueError, AttributeError):
            log.exception("board: a log row could not be folded; the board's rows are read again")
            held = set(self.state.events)
            data = self.load(session, now, street_id)
            touched = held | set(self.state.events) | set(touched_event_ids(entries))
            return BoardData(data.cards, data.units, touched=tuple(sorted(touched)))

    def _fold(self, session: Session, entries: list[LogEntry], now: datetime, street_id: int | None) -> BoardData:
        state, events = self.state, self.state.events
        rows: list[tuple[str, int]] = []
        for entry in entries:
            if entry.event_id is not None and entry.event_id not in events and entry.action is not Action.RECEIVE:
                continue  # a finished event's row: it can never come back to the board
            apply(state, entry)
            rows.extend((table, row_id) for table, row_id, _ in entry.payload.get("rows", ()))
        touched = touched_event_ids(entries)
        self._on_duty(state.rows["unit"])
        self._prune(touched, rows)
        for event_id in touched:
            self._loads.update(event_id, events.get(event_id))
        if any(e.action is Action.ORG_CHANGE for e in entries):
            self._read_names(session)  # rare: a unit, grid or category renamed, added
            self._unit_cards = load_units(session, now, street_id=street_id)
        cards = self.cards(touched, session)
        self._unit_cards = self._loads.cards(self._unit_cards, now)
        return BoardData(tuple(cards), tuple(self._unit_cards), touched=tuple(touched))

    def _on_duty(self, changed: dict[int, dict]) -> None:
        """A unit's status and people on duty, as the batch's unit rows set them."""
        if changed:
            self._unit_cards = [replace(card, status=changed[card.id].get("status", card.status),
                                        on_duty=changed[card.id].get("on_duty", card.on_duty))
                                if card.id in changed else card for card in self._unit_cards]

    # -- cards ------------------------------------------------------------------------------
    def cards(self, ids: Iterable[int], session: Session | None = None) -> list[BoardCard]:
        """The cards of ``ids`` on the board, in the board's order (received, id). A card that
        names a category, grid or unit the names read so far do not know (a new one) has the
        names read again through ``session``: rare, and then the cards are made again."""
        events = self.state.events
        shown = [events[i] for i in ids if i in events and events[i]["status"] in LANE_OF]
        shown.sort(key=lambda e: (e["received_at"], e["id"]))
        self._unknown = False
        cards = [self._card(event) for event in shown]
        if self._unknown and session is not None:
            self._read_names(session)
            cards = [self._card(event) for event in shown]
        return cards

    def _read_names(self, session: Session) -> None:
        """The names a card shows, by id: a category's code and name, a grid's name and its
        community's (the L3 above it, as ``queries.join_names`` joins it), a unit's name."""
        names = Names.load(session)
        self._categories = {i: (code, name) for i, (code, _, name) in names.categories.items()}
        grids = names.grids
        self._grids = {i: (name, grids[parent][0] if parent in grids and grids[parent][2] == _COMMUNITY else "")
                       for i, (name, parent, _) in grids.items()}
        self._units = names.units
        self._parts_of.clear()  # they carry the units' names

    def _name(self, table: dict, key: int | None, empty: tuple | str):
        found = table.get(key)
        if found is None:
            self._unknown = self._unknown or key is not None
            return empty
        return found

    def _card(self, e: dict) -> BoardCard:
        code, category = self._name(self._categories, e["category_id"], _NO_PAIR)
        grid, community = self._name(self._grids, e["grid_id"], _NO_PAIR)
        status, event_id = e["status"], e["id"]
        return BoardCard(
            event_id, e["code"], e["version"], status, LANE_OF[status], e["priority"], e["title"], e["address"],
            code, category, e["grid_id"], grid, community, e["lead_unit_id"],
            self._name(self._units, e["lead_unit_id"], ""), e["dispatched_at"], e["response_due"],
            e["handle_due"], e["escalated"], e["transfer_count"], self._parts(event_id), self._level(event_id))

    def _parts(self, event_id: int) -> tuple[PartState, ...]:
        """The event's active parts, lead first; kept until one of its assignments changes (a
        batch changes the parts of few of the cards it touches)."""
        parts = self._parts_of.get(event_id)
        if parts is None:
            rows = self.state.rows["assignment"]
            ordered = sorted((rows[i] for i in self._of["assignment"].get(event_id, ())),
                             key=lambda a: (a["role"] != AssignmentRole.LEAD, a["id"]))
            parts = tuple(PartState(a["id"], a["unit_id"], self._name(self._units, a["unit_id"], ""), a["role"],
                                    a["dispatched_at"], a["acknowledged_at"]) for a in ordered)
            if not self._unknown:
                self._parts_of[event_id] = parts
        return parts

    def _level(self, event_id: int):
        ids = self._of["alert"].get(event_id)
        if not ids:
            return None
        rows = self.state.rows["alert"]
        return most_serious(rows[i]["level"] for i in ids)

    # -- keeping only what the cards read ---------------------------------------------------
    def _prune(self, touched: list[int], rows: list[tuple[str, int]]) -> None:
        """Drop the events that left the open ones (with their rows), the assignments no longer
        active and the alerts cleared, and every row of the tables no card reads."""
        state = self.state
        for event_id in touched:
            event = state.events.get(event_id)
            if event is not None and event["status"] not in OPEN_STATUSES:
                del state.events[event_id]
                self._parts_of.pop(event_id, None)
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
            if table == "assignment":
                self._parts_of.pop(event_id, None)
            alive = row.get("active") if table == "assignment" else row.get("cleared_at") is None
            if event_id in state.events and alive:
                self._of[table].setdefault(event_id, set()).add(row_id)
            else:  # inactive, cleared, of a finished event, or a change to a row never kept
                del state.rows[table][row_id]
                self._of[table].get(event_id, set()).discard(row_id)
        for table, kept in state.rows.items():
            if table not in _KEPT and kept:
                kept.clear()
