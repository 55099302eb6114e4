"""Writing received reports: the ``receive`` change of each, its rows and its log row, through
SQLAlchemy Core in the caller's transaction.

``receive`` is the one command a storm multiplies (hundreds of reports a minute from the
hotline platform): through the ORM's unit of work it costs ~3 ms a report, through Core
statements about a fifth of that (bench/bench_intake.py). What is written is the same as
``CommandBase._record`` writes: the ``Change`` from ``transitions.receive``, applied to the
tables, and that change as the ``event_log`` row's payload, in the same transaction.

The client's report is inserted first, with ``ON CONFLICT DO NOTHING``: the unique index on
(client, external id) decides whether it is new, so two retries of one report racing each
other (in one batch, or in two processes) cannot both be saved; the loser finds the winner's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, insert, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from commandroom.models.actor import Actor
from commandroom.models.change import NEW_EVENT, Change
from commandroom.models.codes import next_code
from commandroom.models.enums import Action, Status
from commandroom.models.events import Contact, Event
from commandroom.models.log import FEED_CHANNEL, EventLog


@dataclass(frozen=True)
class Written:
    event_id: int
    code: str
    version: int
    status: Status
    created: bool


def write_received(session: Session, actor: Actor, now: datetime, street_abbr: str,
                   change: Change, command_id: str) -> Written:
    """Write one received report: ``change`` is its ``transitions.receive`` change, whose event
    code is taken here, once the report is known to be new. A contact that names its client
    and external id is a retry when the unique index already holds them."""
    conn = session.connection()
    statements = _STATEMENTS[conn.dialect.name == "postgresql"]
    (row,) = change.rows  # the report's contact
    # The contact goes in first, without its event: the unique index decides whether it is new.
    fields = {k: v for k, v in row.fields.items() if k != "event_id"}
    contact_id = conn.execute(statements.contact, dict(fields, event_id=None)).scalar()
    if contact_id is None:
        return _earlier(session, fields["client"], fields["external_ref"])
    change.event["code"] = next_code(session, street_abbr, now)
    change.event["status"] = Status.RECEIVED
    values = NEW_EVENT | change.event
    event_id = conn.execute(statements.event, dict(values, version=1)).scalar_one()
    row.id, row.fields["event_id"] = contact_id, event_id
    conn.execute(statements.link, {"cid": contact_id, "eid": event_id})
    conn.execute(statements.log, dict(
        at=now, actor=actor.login, console=actor.console, street_id=values["street_id"],
        event_id=event_id, action=Action.RECEIVE, command_id=command_id, payload=change.payload()))
    return Written(event_id, values["code"], 1, Status.RECEIVED, True)


@dataclass(frozen=True)
class _Statements:
    """Built once: parameters go beside a statement, so its compiled form is reused."""

    contact: object
    event: object
    link: object
    log: object

    @classmethod
    def of(cls, dialect) -> _Statements:
        contact, event = Contact.__table__, Event.__table__
        return cls(
            contact=dialect.insert(contact).on_conflict_do_nothing().returning(contact.c.id),
            event=insert(event).returning(event.c.id),
            link=update(contact).where(contact.c.id == bindparam("cid"))
            .values(event_id=bindparam("eid")),
            log=insert(EventLog.__table__),
        )


_STATEMENTS = {False: _Statements.of(sqlite), True: _Statements.of(postgresql)}


def notify(session: Session) -> None:
    """Wake the PostgreSQL consoles at commit (SQLite's poll finds the rows by itself)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text(f"NOTIFY {FEED_CHANNEL}"))


def _earlier(session: Session, client: str, external_ref: str) -> Written:
    """The event that holds the report the client sent before under this external id (after a
    merge, the event it was merged into: the report moved there)."""
    event_id, code, version, status = session.execute(
        select(Event.id, Event.code, Event.version, Event.status)
        .join(Contact, Contact.event_id == Event.id)
        .where(Contact.client == client, Contact.external_ref == external_ref)).one()
    return Written(event_id, code, version, status, False)
