"""Who last changed an event: its newest log row, in words a refusal can name
("李明（console-2）09:12 签收").

A stale command reads it in the transaction that refused it, so the answer says who got there
first without every feed batch having to read the newest log row of every touched event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from commandroom.models.enums import Action
from commandroom.models.log import EventLog
from commandroom.models.org import User


@dataclass(frozen=True)
class LastChange:
    """The newest log row of one event: who did what, when, from which console."""

    event_id: int
    at: datetime
    action: Action
    actor: str  # login
    actor_name: str  # the user's name, or the login
    console: str


def last_change(session: Session, event_id: int) -> LastChange | None:
    """The event's newest log row (by id: the log's order), or None for an unknown event."""
    newest = select(func.max(EventLog.id)).where(EventLog.event_id == event_id).scalar_subquery()
    row = session.execute(
        select(EventLog.event_id, EventLog.at, EventLog.action, EventLog.actor,
               func.coalesce(User.name, EventLog.actor), EventLog.console)
        .outerjoin(User, User.login == EventLog.actor)
        .where(EventLog.id == newest)
    ).first()
    return None if row is None else LastChange(*row)
