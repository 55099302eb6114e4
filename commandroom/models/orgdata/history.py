"""The organisation as it was: today's tables with the ``ORG_CHANGE`` log rows after an instant
undone, newest first. Rows no command ever changed (the demo's own, loaded before any log) are
simply today's, which is what they were.

A room undoes its own street's log rows: a district catalogue (categories) changed from another
street's room shows as it is now.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models.base import Base
from commandroom.models.enums import Action
from commandroom.models.log import EventLog
from commandroom.models.org import Grid, Unit
from commandroom.models.orgdata.rows import KEYS, columns, plain

OrgState = dict[str, dict[tuple, dict]]  # table -> key values -> row (column -> plain value)


def current(session: Session, street_id: int | None) -> OrgState:
    """The organisation tables of a street now, as plain values."""
    state: OrgState = {}
    street_grids = select(Grid.id).where(Grid.street_id == street_id)
    street_units = select(Unit.id).where(Unit.street_id == street_id)
    for name, key in KEYS.items():
        table = Base.metadata.tables[name]
        stmt = select(*(table.c[c] for c in columns(name)))
        if street_id is not None:
            if name in ("grid", "unit"):
                stmt = stmt.where(table.c.street_id == street_id)
            elif name == "grid_staff":
                stmt = stmt.where(table.c.grid_id.in_(street_grids))
            elif name == "unit_category":
                stmt = stmt.where(table.c.unit_id.in_(street_units))
        state[name] = {}
        for row in session.execute(stmt):
            values = {k: plain(v) for k, v in row._mapping.items()}
            state[name][tuple(values[k] for k in key)] = values
    return state


def org_at(session: Session, street_id: int | None, at: datetime) -> OrgState:
    state = current(session, street_id)
    stmt = select(EventLog.payload).where(EventLog.action == Action.ORG_CHANGE, EventLog.at > at)
    if street_id is not None:
        stmt = stmt.where(EventLog.street_id == street_id)
    for (payload,) in session.execute(stmt.order_by(EventLog.id.desc())):
        for table, key, new, old in reversed(payload.get("info", {}).get("org", ())):
            rows = state[table]
            k = tuple(key[c] for c in KEYS[table])
            if old is None:
                rows.pop(k, None)
            elif new is None:
                rows[k] = dict(old)
            elif k in rows:
                rows[k] = {**rows[k], **old}
    return state
