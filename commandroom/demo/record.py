"""The generator's own rows, and the one way they change: a transition's ``Change`` applied to
them as ``models/commands/base.py::_record`` applies it to ORM rows.

An event is an ``EventRecord``: every column of ``event`` as an attribute, so the functions of
``models/transitions.py`` read it as they read an ORM ``Event``. The rows that hang off events
(contacts, assignments, extension requests, escalations) are dicts of their columns in
``Tables``, keyed by id, until the day they were made is written out. Times are whole seconds
(``times.py``) until then.
"""

from __future__ import annotations

from dataclasses import field, make_dataclass
from operator import attrgetter, itemgetter

from commandroom.models.change import COLUMNS, NEW_EVENT, Change

# Tables of rows that events make; written out with the day of the event that made them.
DAILY = ("contact", "assignment", "extension_request", "escalation")
EVENT_COLUMNS = COLUMNS["event"]
EVENT_ROW = attrgetter(*EVENT_COLUMNS)  # the record → its row, in one C call
_STATUS = EVENT_COLUMNS.index("status")
_TIMES = {"event": ("received_at", "registered_at", "dispatched_at", "acknowledged_at",
                    "resolved_at", "verified_at", "closed_at", "response_due", "handle_due",
                    "first_dispatched_at", "taken_at"),
          "contact": ("received_at",),
          "assignment": ("dispatched_at", "acknowledged_at", "returned_at", "withdrawn_at"),
          "extension_request": ("requested_at", "new_due", "decided_at"),
          "escalation": ("raised_at", "meet_at", "confirm_by", "confirmed_at")}
TIME_INDEX = {t: tuple(COLUMNS[t].index(c) for c in cs) for t, cs in _TIMES.items()}
# A stored row holds every column but its id (the key): the getter takes them in table order.
ROW_VALUES = {t: itemgetter(*COLUMNS[t][1:]) for t in DAILY}
assert all(COLUMNS[t][0] == "id" for t in DAILY)


def _status_at(self, t: int):
    """The status it had at ``t`` (after its own changes at ``t``)."""
    for when, status in reversed(self.timeline):
        if when <= t:
            return status
    return None


# One simulated event: every column of ``event`` (starting as ``NEW_EVENT``, as the commands'
# new event does), and what the simulation keeps beside them. A slots dataclass: its generated
# __init__ assigns the 40-odd fields directly, several times faster than a loop of setattr.
EventRecord = make_dataclass("EventRecord", [
    *((column, object, NEW_EVENT.get(column)) for column in EVENT_COLUMNS),
    ("cat", object, None),  # its category (CategoryInfo)
    ("g", int, 0),  # its L4 grid's index
    ("owned", list, field(default_factory=list)),  # (table, id) of the rows its changes made
    ("timeline", list, field(default_factory=list)),  # (time, status) after each status change
    ("attached", int, 0),  # time of the last report merged into it
    ("said", int, -1),  # which phrasing its report used (reports.Wording): a retelling takes another
], slots=True, namespace={"status_at": _status_at})


# Tables numbered by arrival (one contact per report): the day's first id is known in advance.
BY_ARRIVAL = ("event", "contact")


class Tables:
    """Ids for every table the history writes (numbered as ``history.py`` says for lanes), and
    the rows made today."""

    def __init__(self, units: list[dict], lane: int = 0, lanes: int = 1):
        self.ids = dict.fromkeys(("event", *DAILY), 0)
        self.lane, self.lanes = lane, lanes
        self.rows: dict[str, dict[int, dict]] = {t: {} for t in DAILY}
        self.rows["unit"] = {u["id"]: u for u in units}  # organisation rows: changed in place

    def number_day(self, events_before: int) -> None:
        """The day's events and contacts are numbered on from ``events_before``."""
        for table in BY_ARRIVAL:
            self.ids[table] = events_before

    def next_id(self, table: str) -> int:
        self.ids[table] += 1
        if table in BY_ARRIVAL:
            return self.ids[table]
        return (self.ids[table] - 1) * self.lanes + self.lane + 1

    def apply(self, event: EventRecord | None, change: Change) -> None:
        """Set the event's columns and make or change its rows, as the commands do: a new row
        belongs to the event unless it names another, and learns its id before the payload
        is written (the log names every row it made)."""
        for key, value in change.event.items():
            setattr(event, key, value)
        for row in change.rows:
            if row.id is None:
                table = row.table
                row.id = self.next_id(table)
                if event is not None:
                    row.fields.setdefault("event_id", event.id)
                    event.owned.append((table, row.id))
                self.rows[table][row.id] = row.fields
            else:
                self.rows[row.table][row.id].update(row.fields)

    def select(self, event: EventRecord, table: str, **where) -> list[int]:
        """Ids of the event's rows of ``table`` whose columns equal ``where``, in id order
        (what the commands' queries return; rows moved to another event are left out)."""
        stored = self.rows[table]
        out = []
        for name, row_id in event.owned:
            if name == table:
                row = stored[row_id]
                if row["event_id"] == event.id and all(row[k] == v for k, v in where.items()):
                    out.append(row_id)
        return out

    def take_day(self, events: list[EventRecord], db_time) -> dict[str, list[tuple]]:
        """Today's events and the rows they made, as tuples in column order with their times
        as the driver wants them; forgets the rows (no later change reaches them)."""
        out: dict[str, list[tuple]] = {"event": []}
        times = TIME_INDEX["event"]
        for e in events:
            row = list(EVENT_ROW(e))
            row[_STATUS] = row[_STATUS]._value_
            for i in times:
                if row[i] is not None:
                    row[i] = db_time(row[i])
            out["event"].append(tuple(row))
        for table in DAILY:
            values, times, batch = ROW_VALUES[table], TIME_INDEX[table], []
            for row_id, fields in self.rows[table].items():
                row = [row_id, *values(fields)]
                for i in times:
                    if row[i] is not None:
                        row[i] = db_time(row[i])
                batch.append(tuple(row))
            out[table] = batch
            self.rows[table] = {}
        return out
