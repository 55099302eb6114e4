"""The live list's rows as they stood at an instant, from a replayed ``RoomState``: what the
meeting's event list (and its board, which reads the same rows) shows under the slider.

The rows are the very ``EventRow`` snapshots ``queries.load_live_rows`` gives a console at that
instant: the same columns, the same names, the same rule for which finished events are still
listed. Names (category, grids, units) are the organisation's as it is now, read once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models.catalog import Category
from commandroom.models.alert_levels import most_serious
from commandroom.models.enums import OPEN_STATUSES, AlertLevel, GridLevel
from commandroom.models.lifecycle import HELD
from commandroom.models.org import Grid, Unit
from commandroom.models.queries import EventRow
from commandroom.models.replay import RoomState


@dataclass(frozen=True)
class Names:
    categories: dict[int, tuple[str, str, str]]  # id: (code, class, name)
    grids: dict[int, tuple[str, int | None, int]]  # id: (name, parent id, level)
    units: dict[int, str]  # id: name

    @classmethod
    def load(cls, session: Session) -> Names:
        return cls(
            categories={i: (code, cls_, name) for i, code, cls_, name in session.execute(
                select(Category.id, Category.code, Category.class_name, Category.name))},
            grids={i: (name, parent, level) for i, name, parent, level in session.execute(
                select(Grid.id, Grid.name, Grid.parent_id, Grid.level))},
            units=dict(session.execute(select(Unit.id, Unit.name)).all()),
        )


def finished_at(event: dict) -> datetime | None:
    """``queries._FINISHED_AT`` on a replayed row."""
    if event["status"] in OPEN_STATUSES:
        return None
    return event["closed_at"] or event["registered_at"] or event["received_at"]


def event_rows(state: RoomState, names: Names, at: datetime, recent_days: int,
               cache: dict | None = None) -> list[EventRow]:
    """The rows a console of the state's street opened at ``at`` would have listed, in its
    order (received, id).

    ``cache`` (a dict the caller keeps between calls) makes a slider cheap: a replayed event's
    dict is replaced whenever it changes, never changed in place, so a row made from the very
    same dict is still right, but for its overdue flag, which follows ``at`` (``row_for``)."""
    cutoff = at - timedelta(days=recent_days)
    cache = {} if cache is None else cache
    levels = alert_levels(state)
    out = []
    for event in state.events.values():
        done = finished_at(event)
        if done is not None and done < cutoff:
            continue
        out.append(row_for(event, names, done, at, levels.get(event["id"]), cache))
    out.sort(key=lambda row: (row.received_at, row.id))
    return out


def row_for(event: dict, names: Names, done: datetime | None, at: datetime, level: AlertLevel | None,
            cache: dict) -> EventRow:
    """One replayed event's row at ``at``: the same object as before while its dict, its alert
    level and its overdue flag are the same (a caller may compare rows by identity).

    ``cache`` keeps a few versions of each event's row, by the identity of the dict it was made
    from: a slider going back and forth across the week meets the checkpoints' dicts again and
    again (a state shares the dicts of the events unchanged since its checkpoint), so a seek
    makes again only the rows of events changed since the nearest checkpoint."""
    due = event["handle_due"]
    overdue = event["status"] in HELD and due is not None and at > due  # EventRow.is_overdue
    versions = cache.get(event["id"])
    if versions is None:
        versions = cache[event["id"]] = {}
    key = (id(event), level, overdue)
    known = versions.get(key)
    if known is not None and known[0] is event:
        return known[1]
    if len(versions) >= _VERSIONS:  # the oldest made goes
        del versions[next(iter(versions))]
    row = _row(event, names, done, at, level)
    versions[key] = (event, row)  # the dict kept alive with it: its id is not reused meanwhile
    return row


# Versions of an event's row kept: an event changes ~8 times in a busy week, most of them seen
# at a checkpoint; ~20 MB for a busy week's 19,000 events.
_VERSIONS = 8


def alert_levels(state: RoomState) -> dict[int, AlertLevel]:
    """Each event's most serious alert not cleared at the state's instant."""
    open_levels: dict[int, list] = {}
    for alert in state.rows["alert"].values():
        if alert.get("cleared_at") is None:
            open_levels.setdefault(alert["event_id"], []).append(alert["level"])
    return {event_id: most_serious(levels) for event_id, levels in open_levels.items()}


def _row(event: dict, names: Names, done: datetime | None, at: datetime,
         level: AlertLevel | None) -> EventRow:
    code, class_name, category = names.categories.get(event["category_id"], ("", "", ""))
    grid_name, parent, _ = names.grids.get(event["grid_id"], ("", None, 0))
    community = names.grids.get(parent)
    community_id = parent if community is not None and community[2] == int(GridLevel.COMMUNITY) else None
    due = event["handle_due"]
    return EventRow(
        event["id"], event["code"], event["status"], event["priority"], event["source"], event["title"],
        event["address"], code, class_name, category, event["grid_id"], grid_name, community_id,
        community[0] if community_id is not None else "", names.units.get(event["lead_unit_id"], ""),
        event["received_at"], event["response_due"], due, event["closed_at"], done,
        event["contact_count"], event["escalated"], event["version"],
        overdue=event["status"] in HELD and due is not None and at > due,  # EventRow.is_overdue
        dispatched_at=event["dispatched_at"], alert_level=level,
    )
