"""The event log: append-only at the database, one row per event a command changes (tied by a
command id), and every row naming its street."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DBAPIError

from commandroom.models import EventLog
from commandroom.models.enums import Action, Source, UnitStatus
from tests.unit.test_commands import receive, world  # noqa: F401 - the fixture


@pytest.mark.parametrize("statement", [
    update(EventLog).values(actor="someone-else"),
    delete(EventLog),
])
def test_the_database_refuses_to_change_or_delete_log_rows(world, statement):  # noqa: F811
    with world.db.session() as s:
        before = s.execute(select(EventLog.id, EventLog.actor)).all()
    with pytest.raises(DBAPIError, match="append-only"):
        with world.db.session() as s:
            s.execute(statement)
    with world.db.session() as s:
        assert s.execute(select(EventLog.id, EventLog.actor)).all() == before


def test_truncate_is_refused_on_postgresql(world):  # noqa: F811
    if world.db.is_sqlite:
        pytest.skip("SQLite has no TRUNCATE")
    with pytest.raises(DBAPIError, match="append-only"):
        with world.db.session() as s:
            s.execute(text("TRUNCATE event_log CASCADE"))


def test_a_merge_writes_one_row_per_event_under_one_command_id(world):  # noqa: F811
    duplicate = receive(world, source=Source.PHOTO_APP)
    world.clock.advance(minutes=3)
    world.officer.merge(duplicate.id, duplicate.version, into_id=world.spare.id)
    with world.db.session() as s:
        rows = s.scalars(select(EventLog).order_by(EventLog.id.desc()).limit(2)).all()
        versions = {e: s.scalar(text("SELECT version FROM event WHERE id = :i"), {"i": e})
                    for e in (duplicate.id, world.spare.id)}
        counts = {e: len(s.scalars(select(EventLog.id).where(EventLog.event_id == e)).all())
                  for e in versions}
    assert {(r.event_id, r.action) for r in rows} == {
        (duplicate.id, Action.MERGE), (world.spare.id, Action.ATTACH_CONTACT)}
    assert rows[0].command_id == rows[1].command_id and len(rows[0].command_id) == 32
    assert versions == counts  # each event's version still counts its own log rows


def test_every_row_names_its_street_and_each_command_its_own_id(world):  # noqa: F811
    ref = receive(world)
    world.officer.register(ref.id, ref.version, category_code="CG01")
    world.officer.set_unit_status(world.unit, status=UnitStatus.BUSY, on_duty=3)
    with world.db.session() as s:
        rows = s.scalars(select(EventLog)).all()
    assert {r.street_id for r in rows} == {world.street.street_id}
    assert len({r.command_id for r in rows}) == len(rows)
    unit_row = rows[-1]
    assert unit_row.action == Action.UNIT_STATUS and unit_row.event_id is None
    assert unit_row.payload == {"rows": [["unit", world.unit, {"status": "busy", "on_duty": 3}]]}

