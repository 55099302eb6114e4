"""The cases as they stood at an instant, rebuilt from the log (``commandroom export``).

What an auditor or the weekly meeting asks for: "the cases as they were at Monday 00:00". Every
event column comes from the replay fold, never from today's row; the names beside the ids
(category, grid, unit) come from the organisation tables, which the log does not change.
"""

from __future__ import annotations

import csv
import json
from datetime import datetime
from enum import Enum
from typing import IO

from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models.catalog import Category
from commandroom.models.change import COLUMNS
from commandroom.models.org import Grid, Unit
from commandroom.models.replay import state_at

# The event's own columns, then the names a reader needs beside the ids.
NAMED = ("status_label", "category_code", "category_name", "grid_name", "lead_unit_name")
FIELDS = (*COLUMNS["event"], *NAMED)
FORMATS = ("csv", "json")


def export_records(session: Session, street_id: int | None, at: datetime | None) -> list[dict]:
    """The street's events as they stood at ``at`` (None: now), by id."""
    state = state_at(session, street_id, at)
    categories = {i: (c, n) for i, c, n in session.execute(select(Category.id, Category.code, Category.name))}
    grids = dict(session.execute(select(Grid.id, Grid.name)).all())
    units = dict(session.execute(select(Unit.id, Unit.name)).all())
    records = []
    for event_id in sorted(state.events):
        event = state.events[event_id]
        code, name = categories.get(event["category_id"], ("", ""))
        records.append(event | {
            "status_label": event["status"].label, "category_code": code, "category_name": name,
            "grid_name": grids.get(event["grid_id"], ""),
            "lead_unit_name": units.get(event["lead_unit_id"], ""),
        })
    return records


def _text(value):
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return value


def write(records: list[dict], out: IO[str], fmt: str) -> None:
    rows = [{k: _text(r[k]) for k in FIELDS} for r in records]
    if fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
