"""Events for the change-feed, query and console tests, on the lead's tiny street.

``write_event``/``change_event`` write the way the domain commands do (the ``event`` row and its
``event_log`` row in one transaction) but may set any field, so a test can put an event in a
precise state (overdue, closed 20 days ago …) without walking the whole lifecycle. Tests about
the feed itself write through ``Commands`` (see ``receive``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy import func, select, text

from commandroom.models import Category, Event, EventLog, Street, User
from commandroom.models.actor import Actor
from commandroom.models.enums import Action, Role, Source, Status
from commandroom.models.log import FEED_CHANNEL, make_payload
from tests.street_fixture import TinyStreet, build

OFFICER = Actor(login="duty", role=Role.DUTY_OFFICER, console="console-1", name="张伟")


def seed_street(db) -> TinyStreet:
    """The tiny street (communities A and B, grids A1…B2) plus the console's user."""
    street = build(db)
    with db.session() as s:
        s.add(User(login=OFFICER.login, name=OFFICER.name, role=OFFICER.role))
    return street


def write_event(db, at: datetime, title: str = "楼道堆放杂物", **fields) -> int:
    """A received event plus its ``receive`` log row; extra fields set any other column."""
    with db.session() as s:
        street_id = s.execute(select(Street.id).limit(1)).scalar_one()
        number = (s.execute(select(func.count(Event.id))).scalar_one() or 0) + 1
        event = Event(code=f"YJ{at:%Y%m%d}-{number:04d}", street_id=street_id,
                      status=Status.RECEIVED, source=Source.HOTLINE_12345, version=1,
                      title=title, address="历下区姚家街道燕翔路12号", received_at=at)
        for key, value in fields.items():
            setattr(event, key, value)
        s.add(event)
        s.flush()
        s.add(EventLog(at=at, actor=OFFICER.login, console=OFFICER.console, event_id=event.id,
                       street_id=event.street_id, action=Action.RECEIVE,
                       payload=make_payload(title=title)))
        return event.id


def change_event(db, event_id: int, at: datetime, action: Action = Action.REGISTER,
                 **fields) -> None:
    """Change an event, bump its version and append the log row, in one transaction."""
    with uncommitted_change(db, event_id, at, action, **fields):
        pass


@contextmanager
def uncommitted_change(db, event_id: int, at: datetime, action: Action = Action.REGISTER,
                       **fields) -> Iterator[None]:
    """``change_event`` whose transaction has written its log row (taken its id) and waits, open,
    until the block ends; then it commits (and, as a command does, notifies the feed)."""
    with db.session() as s:
        event = s.get(Event, event_id)
        for key, value in fields.items():
            setattr(event, key, value)
        event.version += 1
        s.add(EventLog(at=at, actor=OFFICER.login, console=OFFICER.console, event_id=event_id,
                       street_id=event.street_id, action=action, payload=make_payload(**fields)))
        s.flush()
        if not db.is_sqlite:
            s.execute(text(f"NOTIFY {FEED_CHANNEL}"))
        yield


def category_id(db, code: str) -> int:
    with db.session() as s:
        return s.execute(select(Category.id).where(Category.code == code)).scalar_one()
