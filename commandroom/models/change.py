"""What one command does to the tables, as data: a ``Change``.

A change names the event columns it sets, the rows it adds or changes in the tables that hang
off the event (contacts, assignments, extension requests, escalations, alerts) and in ``unit``
(duty status), and the details that live only in the log (a resolution note, a reason). The
domain commands apply a change to ORM rows; the demo generator applies the very same change to
its own rows; both write ``change.payload()`` as the ``event_log`` row. Folding those payloads
in log order (``replay.py``) therefore rebuilds every column of those tables.

The payload, as JSON::

    {"event": {"status": "dispatched", "lead_unit_id": 7, …},
     "rows": [["assignment", 12, {"active": false}], ["assignment", 13, {…every column…}]],
     "info": {"reason": "…"}}

Times are ISO strings to the second, enums their values. A new row carries every column; a
changed row only the columns that changed. A new event is rebuilt from ``NEW_EVENT`` plus its
``receive`` payload, which then only needs the columns that differ from it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import Boolean, Date, DateTime

from commandroom.models.base import Base, EnumText

# Tables a change may touch besides ``event``, each with its primary key "id".
ROW_TABLES = ("contact", "assignment", "extension_request", "escalation", "alert", "unit", "decision")

# Every event column a new event starts with before ``receive`` fills in its own.
NEW_EVENT: dict[str, Any] = {
    "category_id": None, "priority": "normal", "title": "", "description": "", "address": "",
    "lat": None, "lon": None, "grid_id": None, "reporter_name": "", "reporter_phone": "",
    "lead_unit_id": None, "reject_reason": "", "merged_into_id": None, "escalated": False,
    "taken_by": "", "taken_console": "", "taken_at": None, "answer": "",
    "registered_at": None, "dispatched_at": None, "acknowledged_at": None, "resolved_at": None,
    "verified_at": None, "closed_at": None, "response_due": None, "handle_due": None,
    "on_time": None, "transfer_count": 0, "rework_count": 0, "extension_count": 0,
    "contact_count": 1, "first_dispatched_at": None, "response_seconds": None,
    "handling_seconds": None, "satisfaction": None,
}


@dataclass(slots=True)
class RowChange:
    table: str
    id: int | None  # None: a new row, whose id is known once it is inserted
    fields: dict[str, Any]


@dataclass(slots=True)
class Change:
    event: dict[str, Any] = field(default_factory=dict)
    rows: list[RowChange] = field(default_factory=list)
    info: dict[str, Any] = field(default_factory=dict)

    def add_row(self, table: str, **fields) -> RowChange:
        row = RowChange(table, None, fields)
        self.rows.append(row)
        return row

    def set_row(self, table: str, row_id: int, **fields) -> None:
        self.rows.append(RowChange(table, row_id, fields))

    def new_rows(self) -> list[RowChange]:
        return [r for r in self.rows if r.id is None]

    def payload(self, time_text: Callable[[Any], str] | None = None) -> dict:
        """The JSON-ready log payload. ``time_text`` turns a time value into its ISO text (the
        commands hold datetimes; the demo generator its own time values)."""
        as_text = time_text or _iso
        out: dict[str, Any] = {}
        if self.event:
            out["event"] = _encode("event", self.event, as_text)
        if self.rows:
            out["rows"] = [[r.table, r.id, _encode(r.table, r.fields, as_text)] for r in self.rows]
        if self.info:
            out["info"] = {k: _plain(v) for k, v in self.info.items()}
        return out


def _iso(value: datetime) -> str:
    return value.isoformat(timespec="seconds")


def _plain(value):
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return _iso(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _time_columns(table: str) -> frozenset[str]:
    return frozenset(c.name for c in Base.metadata.tables[table].columns if isinstance(c.type, DateTime))


TIME_COLUMNS = {t: _time_columns(t) for t in ("event", *ROW_TABLES)}


def _enum_columns(table: str) -> frozenset[str]:
    return frozenset(c.name for c in Base.metadata.tables[table].columns if isinstance(c.type, EnumText))


ENUM_COLUMNS = {t: _enum_columns(t) for t in ("event", *ROW_TABLES)}
# Calendar days (a decision's due day), only in the tables that have them.
DATE_COLUMNS = {t: names for t in ("event", *ROW_TABLES) if (names := frozenset(
    c.name for c in Base.metadata.tables[t].columns if type(c.type) is Date))}


def _encode(table: str, fields: dict, as_text) -> dict:
    """The fields with their times as text and their enums as values; every other column type
    is JSON-ready already. Only the time, enum and date columns present are visited, found once
    per table and set of keys (a command's change always names the same keys): the demo
    generator encodes tens of millions of fields, nearly all of them plain."""
    out = dict(fields)
    key = (table, *fields)
    plan = _PLANS.get(key)
    if plan is None:
        plan = _PLANS[key] = (tuple(TIME_COLUMNS[table].intersection(fields)),
                              tuple(ENUM_COLUMNS[table].intersection(fields)),
                              tuple(DATE_COLUMNS.get(table, frozenset()).intersection(fields)))
    times, enums, dates = plan
    for name in times:
        if out[name] is not None:
            out[name] = as_text(out[name])
    for name in enums:
        if isinstance(out[name], Enum):
            out[name] = out[name]._value_  # not ``.value``: a descriptor call per field
    for name in dates:
        out[name] = out[name].isoformat()
    return out


# (table, *the keys of a change's fields) -> its (time, enum, date) keys. Bounded: the keys a
# change names come from the commands' code, a few hundred sets at most.
_PLANS: dict[tuple, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {}


# -- decoding: payload values back to the Python values the ORM reads ------------------------
def _decoder(column) -> Callable[[Any], Any] | None:
    kind = column.type
    if isinstance(kind, DateTime):
        return datetime.fromisoformat
    if type(kind) is Date:
        return date.fromisoformat
    if isinstance(kind, EnumText):
        return kind.enum_cls
    if isinstance(kind, Boolean):
        return bool
    return None


DECODERS: dict[str, dict[str, Callable]] = {
    t: {c.name: d for c in Base.metadata.tables[t].columns if (d := _decoder(c)) is not None}
    for t in ("event", *ROW_TABLES)
}


def decode(table: str, fields: dict) -> dict:
    """Payload values of ``table``'s columns as the ORM reads them (datetimes, enums, bools)."""
    decoders = DECODERS[table]
    out = {}
    for key, value in fields.items():
        convert = decoders.get(key)
        out[key] = convert(value) if convert is not None and value is not None else value
    return out


COLUMNS = {t: tuple(c.name for c in Base.metadata.tables[t].columns) for t in ("event", *ROW_TABLES)}
