"""Writes to the street from another process, as another console would (``run_together``)."""

from __future__ import annotations

from datetime import datetime, timedelta

from commandroom.models import Alert
from commandroom.models.db import Database
from commandroom.models.enums import Action, AlertLevel, Status
from tests.services.seed import change_event, write_event


def change_the_street(url: str, at: datetime, ids: dict, points: dict, grids: dict) -> dict:
    """One new event, one moved, one overdue, one supervised, one closed; the new event's id."""
    db = Database(url)
    try:
        new = write_event(db, at, "新的占道经营", lat=points["A2"][0], lon=points["A2"][1],
                          grid_id=grids["A2"], status=Status.RECEIVED)
        change_event(db, ids["move"], at, Action.REGISTER, lat=points["B1"][0], lon=points["B1"][1],
                     grid_id=grids["B1"])
        change_event(db, ids["late"], at, Action.DISPATCH, status=Status.DISPATCHED,
                     handle_due=at - timedelta(hours=1))
        with db.session() as s:
            s.add(Alert(event_id=ids["watch"], level=AlertLevel.LISTED, reason="逾期未办结", raised_at=at))
        change_event(db, ids["watch"], at, Action.REGISTER, title="挂牌督办的事件")
        change_event(db, ids["done"], at, Action.CLOSE, status=Status.CLOSED, closed_at=at)
        return {"new": new}
    finally:
        db.dispose()
