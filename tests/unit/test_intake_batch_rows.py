"""The intake's batch write, statement by statement: each report's own rows (ids in the order of
the reports, on both backends), retries of earlier batches found, and on PostgreSQL one NOTIFY
for a batch that wrote something (none for a batch of retries only)."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import select

from commandroom.models import Contact, Event
from commandroom.models.commands import Commands
from commandroom.models.commands.json_rows import ids_in_order, insert_rows, update_rows
from commandroom.models.log import FEED_CHANNEL, EventLog
from commandroom.services.pg_wakeup import libpq_url
from tests.street_fixture import build
from tests.unit.test_intake_receive import INTAKE, _report


def test_every_report_gets_its_own_event_contact_and_log_row(db, clock):
    build(db)
    refs = [f"R{i:03d}" for i in range(40)]
    outcomes = Commands(db, INTAKE, clock).receive_batch([_report(ref, address=f"{ref}号") for ref in refs])
    with db.session() as s:
        for ref, outcome in zip(refs, outcomes):
            event = s.get(Event, outcome.ref.id)
            contact = s.scalars(select(Contact).where(Contact.external_ref == ref)).one()
            logged = s.scalars(select(EventLog).where(EventLog.event_id == event.id)).one()
            assert (event.address, event.code, contact.event_id) == (f"{ref}号", outcome.ref.code, event.id)
            assert logged.payload["rows"][0][1] == contact.id  # the fold finds the contact's id
    codes = [o.ref.code for o in outcomes]
    assert codes == sorted(codes)  # numbered in the order the reports came


def test_retries_of_earlier_batches_are_answered_with_their_events(db, clock):
    build(db)
    commands = Commands(db, INTAKE, clock)
    first = commands.receive_batch([_report("X1"), _report("X2"), _report("X3")])
    again = commands.receive_batch([_report("X3"), _report("X4"), _report("X1")])
    assert [(o.ref.id, o.created) for o in (again[0], again[2])] == [(first[2].ref.id, False),
                                                                     (first[0].ref.id, False)]
    assert again[1].created


@pytest.mark.postgres
def test_one_notify_per_batch_that_wrote(pg_server, clock):
    from commandroom.models.db import Database

    db = Database(pg_server.create_database("t_notify_per_batch"))
    listener = psycopg.connect(libpq_url(db.engine.url), autocommit=True)
    try:
        build(db)
        listener.execute(f"LISTEN {FEED_CHANNEL}")
        commands = Commands(db, INTAKE, clock)
        commands.receive_batch([_report(f"N{i}") for i in range(10)])
        assert len(list(listener.notifies(timeout=2.0))) == 1
        commands.receive_batch([_report("N1"), _report("N2")])  # retries only: nothing new
        assert list(listener.notifies(timeout=0.5)) == []
    finally:
        listener.close()
        db.dispose()


@pytest.mark.postgres
def test_json_rows_keep_their_order_and_skip_conflicts(pg_server, clock):
    from commandroom.models.db import Database

    db = Database(pg_server.create_database("t_json_rows"))
    try:
        build(db)
        table = Contact.__table__
        rows = [dict(street_id=1, source="walk_in", external_ref=f"U{i}", received_at=clock.now(),
                     client="c", content=f"第{i}件") for i in range(25)]
        with db.writing() as s:
            conn = s.connection()
            ids = ids_in_order(insert_rows(conn, table, rows, returning=("id",)))
            again = insert_rows(conn, table, rows[:5], returning=("id",), skip_conflicts=True).all()
            update_rows(conn, table, "id", [{"id": i, "content": f"改{n}"} for n, i in enumerate(ids)])
        assert again == []  # the unique (client, external id) index refused every one
        with db.session() as s:
            stored = dict(s.execute(select(Contact.id, Contact.external_ref)).all())
            contents = dict(s.execute(select(Contact.id, Contact.content)).all())
        assert [stored[i] for i in ids] == [r["external_ref"] for r in rows]
        assert [contents[i] for i in ids] == [f"改{n}" for n in range(25)]
    finally:
        db.dispose()
