"""One change to an organisation table, applied with its old values kept for the log.

A log entry is ``[table, key, new, old]``: ``key`` the primary key's columns, ``new`` the
columns set (None: the row was deleted), ``old`` their values before (None: the row is new;
every column of a deleted row). ``history.org_at`` undoes entries newest first with ``old``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from sqlalchemy import and_, delete, insert, select, update
from sqlalchemy.orm import Session

from commandroom.models.base import Base

# Primary key columns of each organisation table (category_limit and unit_category have no id).
KEYS: dict[str, tuple[str, ...]] = {
    "grid": ("id",), "grid_staff": ("id",), "unit": ("id",), "category": ("id",),
    "category_limit": ("category_id", "priority"), "unit_category": ("unit_id", "category_id"),
}
# The board's duty columns are the UNIT_STATUS command's (and the replay fold's), not ours.
NOT_ORG = {"unit": frozenset({"status", "on_duty"})}


@dataclass(frozen=True)
class Ref:
    """The id of the ``index``-th new row of the same change (a new grid's new parent)."""

    index: int


@dataclass
class OrgRow:
    table: str
    key: dict[str, Any] | None  # None: a new row whose id the insert gives
    new: dict[str, Any] | None  # None: delete the row


def plain(value):
    return value.value if isinstance(value, Enum) else value


def columns(table: str) -> list[str]:
    return [c.name for c in Base.metadata.tables[table].columns if c.name not in NOT_ORG.get(table, ())]


def _where(table, key: dict):
    return and_(*(table.c[name] == value for name, value in key.items()))


def apply(session: Session, rows: list[OrgRow]) -> list[list]:
    """Make the changes in the caller's transaction; the log entries, in order."""
    made: list[int] = []  # ids of the new rows, for Ref
    entries = []
    def resolved(values: dict | None) -> dict | None:
        return None if values is None else {
            k: (made[v.index] if isinstance(v, Ref) else v) for k, v in values.items()}

    for row in rows:
        table = Base.metadata.tables[row.table]
        new = resolved(row.new)
        row.key = resolved(row.key)
        if row.key is None or (_read(session, table, row.key) is None and new is not None):
            result = session.execute(insert(table).values(**(row.key or {}), **new))
            key = dict(row.key) if row.key else {"id": result.inserted_primary_key[0]}
            if row.key is None:
                made.append(key["id"])
            entries.append([row.table, key, {k: plain(v) for k, v in {**key, **new}.items()}, None])
            continue
        old = _read(session, table, row.key)
        if old is None:  # deleting what is not there: nothing to do, nothing to log
            continue
        if new is None:
            session.execute(delete(table).where(_where(table, row.key)))
            entries.append([row.table, dict(row.key), None, old])
            continue
        changed = {k: plain(v) for k, v in new.items() if plain(v) != old.get(k)}
        if changed:
            session.execute(update(table).where(_where(table, row.key)).values(**changed))
            entries.append([row.table, dict(row.key), changed, {k: old[k] for k in changed}])
    session.flush()
    return entries


def _read(session: Session, table, key: dict) -> dict | None:
    row = session.execute(select(table).where(_where(table, key))).first()
    if row is None:
        return None
    return {k: plain(v) for k, v in row._mapping.items() if k not in NOT_ORG.get(table.name, ())}
