"""Writing received reports: the ``receive`` change of each, its rows and its log row, through
SQLAlchemy Core in the caller's transaction, a whole batch with a handful of statements.

``receive`` is the one command a storm multiplies (hundreds of reports a second from the
hotline platform): through the ORM's unit of work it costs ~3 ms a report, through one Core
statement per row ~1 ms, and through one statement per table for the whole batch of the
intake's group commit about a third of that (bench/bench_intake.py). What is written is the
same as ``CommandBase._record`` writes: the ``Change`` from ``transitions.receive``, applied to
the tables, and that change as the ``event_log`` row's payload, in the same transaction.

A report that names its client and external id has its contact inserted first, with
``ON CONFLICT DO NOTHING``: the unique index on (client, external id) decides whether it is
new, so two retries of one report racing each other (in two processes) cannot both be saved;
the loser finds the winner's. Within one batch the first of two reports with the same key is
the one written, the second answered with its event.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, insert, select, text, update
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from commandroom.models.actor import Actor
from commandroom.models.change import NEW_EVENT, Change
from commandroom.models.codes import next_codes
from commandroom.models.commands.json_rows import ids_in_order, insert_rows, update_rows
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


@dataclass(frozen=True)
class ToWrite:
    """One report ready to be written: its street's code prefix, its ``transitions.receive``
    change (whose event code is taken here, once the report is known to be new) and the id of
    its command."""

    street_abbr: str
    change: Change
    command_id: str

    @property
    def key(self) -> tuple[str, str] | None:
        """(client, external id) when the unique index holds it, else None."""
        fields = self.change.rows[0].fields
        client, ref = fields.get("client", ""), fields.get("external_ref", "")
        return (client, ref) if client and ref else None


def write_received(session: Session, actor: Actor, now: datetime,
                   reports: Sequence[ToWrite]) -> list[Written]:
    """Write a batch of received reports; what each became, in their order."""
    if not reports:
        return []
    conn = session.connection()
    statements = _STATEMENTS[conn.dialect.name == "postgresql"]
    keyed = _keyed_contacts(conn, statements, reports)  # key → new contact id, or None: a retry
    first_of: dict[tuple[str, str], int] = {}
    new: list[int] = []  # positions of the reports written now, in order
    for i, report in enumerate(reports):
        key = report.key
        if key is None or (keyed[key] is not None and first_of.setdefault(key, i) == i):
            new.append(i)
    written: dict[int, Written] = _write_new(session, statements, actor, now, reports, new, keyed)
    earlier = _earlier(session, {reports[i].key for i in range(len(reports))
                                 if i not in written and reports[i].key not in first_of})
    for i, report in enumerate(reports):
        if i not in written:
            key = report.key
            written[i] = _replayed(written[first_of[key]]) if key in first_of else earlier[key]
    return [written[i] for i in range(len(reports))]


def _keyed_contacts(conn, statements: _Statements, reports: Sequence[ToWrite]) -> dict:
    """Insert the contacts of the reports that carry a key, the first of each key: the unique
    index decides which are new. Their event is linked once it exists."""
    firsts: dict[tuple[str, str], dict] = {}
    for report in reports:
        key = report.key
        if key is not None and key not in firsts:
            firsts[key] = dict(report.change.rows[0].fields, event_id=None)
    found: dict = dict.fromkeys(firsts)
    if firsts:
        rows = statements.keyed_contacts(conn, list(firsts.values()))
        found.update({(client, ref): id_ for id_, client, ref in rows})
    return found


def _write_new(session: Session, statements: _Statements, actor: Actor, now: datetime,
               reports: Sequence[ToWrite], new: list[int], keyed: dict) -> dict[int, Written]:
    """The new reports' events (their codes taken per street, one statement each), their
    contacts and their log rows."""
    if not new:
        return {}
    conn = session.connection()
    by_stem: dict[str, list[int]] = {}
    for i in new:
        by_stem.setdefault(reports[i].street_abbr, []).append(i)
    for abbr, positions in by_stem.items():
        for i, code in zip(positions, next_codes(session, abbr, now, len(positions))):
            change = reports[i].change
            change.event["code"], change.event["status"] = code, Status.RECEIVED
    values = [NEW_EVENT | reports[i].change.event | {"version": 1} for i in new]
    event_ids = statements.events(conn, values)
    unkeyed, links = [], []
    for i, event_id in zip(new, event_ids):
        report = reports[i]
        row = report.change.rows[0]
        row.fields["event_id"] = event_id
        if report.key is None:
            unkeyed.append(i)
        else:
            row.id = keyed[report.key]
            links.append({"id": row.id, "event_id": event_id})
    if unkeyed:
        ids = statements.contacts(conn, [reports[i].change.rows[0].fields for i in unkeyed])
        for i, contact_id in zip(unkeyed, ids):
            reports[i].change.rows[0].id = contact_id
    with statements.together(conn):  # nothing more to wait for: one round trip for the rest
        if links:
            statements.link(conn, links)
        statements.log(conn, [dict(
            at=now, actor=actor.login, console=actor.console,
            street_id=reports[i].change.event["street_id"], event_id=event_id,
            action=Action.RECEIVE, command_id=reports[i].command_id,
            payload=reports[i].change.payload())
            for i, event_id in zip(new, event_ids)])
        statements.notify(conn)
    return {i: Written(event_id, reports[i].change.event["code"], 1, Status.RECEIVED, True)
            for i, event_id in zip(new, event_ids)}


def _replayed(first: Written) -> Written:
    return Written(first.event_id, first.code, first.version, first.status, False)


class _SqliteRows:
    """SQLite: multi-row INSERTs (SQLAlchemy's "insertmanyvalues"), built once so their compiled
    form is reused. SQLAlchemy would send one INSERT a row to learn the new ids in order; but
    SQLite inserts a multi-row VALUES in order, each row taking the next rowid, and nobody else
    can insert while this transaction holds the write lock (``Database.writing``: BEGIN
    IMMEDIATE), so the ids in ascending order are the rows' ids in order."""

    def __init__(self) -> None:
        contact, event = Contact.__table__, Event.__table__
        self._keyed = (sqlite.insert(contact).on_conflict_do_nothing()
                       .returning(contact.c.id, contact.c.client, contact.c.external_ref))
        self._contacts = insert(contact).returning(contact.c.id)
        self._events = insert(event).returning(event.c.id)
        self._link = (update(contact).where(contact.c.id == bindparam("cid"))
                      .values(event_id=bindparam("eid")))
        self._log = insert(EventLog.__table__)

    def keyed_contacts(self, conn, rows: list[dict]):
        """(id, client, external id) of each contact inserted; those already there are skipped."""
        return conn.execute(self._keyed, rows).all()

    def contacts(self, conn, rows: list[dict]) -> list[int]:
        return sorted(row[0] for row in conn.execute(self._contacts, rows))

    def events(self, conn, rows: list[dict]) -> list[int]:
        return sorted(row[0] for row in conn.execute(self._events, rows))

    def link(self, conn, links: list[dict]) -> None:
        """Each contact (``id``) to its new event (``event_id``)."""
        conn.execute(self._link, [{"cid": x["id"], "eid": x["event_id"]} for x in links])

    def log(self, conn, rows: list[dict]) -> None:
        conn.execute(self._log, rows)

    def together(self, conn):
        return nullcontext()

    def notify(self, conn) -> None:
        """SQLite's consoles find the new rows by their poll."""


class _PostgresRows:
    """PostgreSQL: each table's rows with one statement of fixed text (``json_rows``)."""

    def keyed_contacts(self, conn, rows: list[dict]):
        return insert_rows(conn, Contact.__table__, rows, skip_conflicts=True,
                           returning=("id", "client", "external_ref")).all()

    def contacts(self, conn, rows: list[dict]) -> list[int]:
        return ids_in_order(insert_rows(conn, Contact.__table__, rows, returning=("id",)))

    def events(self, conn, rows: list[dict]) -> list[int]:
        return ids_in_order(insert_rows(conn, Event.__table__, rows, returning=("id",)))

    def link(self, conn, links: list[dict]) -> None:
        update_rows(conn, Contact.__table__, "id", links)

    def log(self, conn, rows: list[dict]) -> None:
        insert_rows(conn, EventLog.__table__, rows)

    def together(self, conn):
        """psycopg's pipeline mode: the statements whose results nobody reads go out together
        and are answered together (not for those with results: in the pipeline SQLAlchemy
        would find no rows described yet)."""
        return conn.connection.driver_connection.pipeline()

    def notify(self, conn) -> None:
        """Wake the consoles at commit (``PgWakeup``)."""
        conn.exec_driver_sql(f"NOTIFY {FEED_CHANNEL}")


_Statements = _SqliteRows | _PostgresRows
_STATEMENTS = {False: _SqliteRows(), True: _PostgresRows()}


# The unique index's own condition, word for word: SQLite uses a partial index only for a query
# whose WHERE contains its condition (a bound parameter does not prove ``client <> ''``); without
# it each retry scanned every contact.
_KEYED = text("contact.client <> '' AND contact.external_ref <> ''")


def _earlier(session: Session, keys: set[tuple[str, str]]) -> dict[tuple[str, str], Written]:
    """The events that hold the reports the clients sent before under these keys, one query
    per client (after a merge, the event a report was merged into: the report moved there)."""
    by_client: dict[str, list[str]] = {}
    for client, ref in keys:
        by_client.setdefault(client, []).append(ref)
    found = {}
    for client, refs in by_client.items():
        for ref, event_id, code, version, status in session.execute(
                select(Contact.external_ref, Event.id, Event.code, Event.version, Event.status)
                .join(Contact, Contact.event_id == Event.id)
                .where(Contact.client == client, Contact.external_ref.in_(refs), _KEYED)):
            found[client, ref] = Written(event_id, code, version, status, False)
    return found
