"""The dispatcher's moves and the assisting units' signatures on a real database (SQLite and
PostgreSQL): reassign (改派), recall (召回), add an assisting unit, an assisting unit signs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from commandroom.models import Assignment, EventLog
from commandroom.models.commands import Commands
from commandroom.models.enums import Action, Status, UnitStatus
from commandroom.models.errors import IllegalTransitionError, PermissionDeniedError, ValidationError
from tests.unit.test_commands import _event, bring_to, world  # noqa: F401 - the fixture

S = Status


def parts(db, event_id):
    with db.session() as s:
        return s.scalars(select(Assignment).where(Assignment.event_id == event_id).order_by(Assignment.id)).all()


def test_reassign_is_one_transfer_to_a_new_lead_keeping_the_handling_due(world):
    ref = bring_to(world, S.ACKNOWLEDGED)  # lead 综合执法中队, assist 环卫所
    before = _event(world.db, ref.id)
    world.clock.advance(hours=2)
    new_lead = world.street.units["区住建局"]
    ref = world.officer.reassign(ref.id, ref.version, lead_unit_id=new_lead, reason="属区级职责")
    ev = _event(world.db, ref.id)
    assert ref.status == S.DISPATCHED and ev.lead_unit_id == new_lead and ev.transfer_count == 1
    assert ev.handle_due == before.handle_due  # the reporter's clock does not restart
    assert ev.response_due == world.clock.now() + timedelta(minutes=60)  # the new unit's does
    assert ev.acknowledged_at is None and ev.dispatched_at == world.clock.now()
    assert ev.response_seconds == before.response_seconds  # the first response stays the measure
    rows = parts(world.db, ref.id)
    assert [(r.unit_id, r.role.value, r.active) for r in rows] == [
        (world.unit, "lead", False), (world.other_unit, "assist", True), (new_lead, "lead", True)]
    assert (rows[0].withdrawn_at, rows[0].withdraw_reason, rows[0].returned_at) == (
        world.clock.now(), "属区级职责", None)
    [log] = [entry for entry in _logs(world.db, ref.id) if entry.action == Action.REASSIGN]
    assert log.payload["info"] == {"reason": "属区级职责", "from_unit_id": world.unit}


def test_reassign_to_an_assisting_unit_ends_its_assisting_part(world):
    ref = bring_to(world, S.DISPATCHED)
    ref = world.officer.reassign(ref.id, ref.version, lead_unit_id=world.other_unit, reason="环卫为主")
    assert [(r.unit_id, r.role.value, r.active) for r in parts(world.db, ref.id)] == [
        (world.unit, "lead", False), (world.other_unit, "assist", False), (world.other_unit, "lead", True)]


@pytest.mark.parametrize("unit, reason, words", [
    ("综合执法中队", "换单位", "已是事件"),
    ("市政所", "换单位", "离岗"),
    ("区住建局", " ", "改派理由"),
])
def test_reassign_refusals_write_nothing(world, unit, reason, words):
    ref = bring_to(world, S.IN_PROGRESS)
    with pytest.raises(ValidationError) as err:
        world.officer.reassign(ref.id, ref.version, lead_unit_id=world.street.units[unit], reason=reason)
    assert words in str(err.value) and err.value.en
    assert _event(world.db, ref.id).version == ref.version


def test_recall_takes_the_event_back_to_be_dispatched_again(world):
    ref = bring_to(world, S.IN_PROGRESS)
    ref = world.officer.recall(ref.id, ref.version, reason="派错单位")
    ev = _event(world.db, ref.id)
    assert ref.status == S.REGISTERED and ev.lead_unit_id is None and ev.transfer_count == 1
    assert all(not r.active and r.withdraw_reason == "派错单位" for r in parts(world.db, ref.id))
    ref = world.officer.dispatch(ref.id, ref.version, lead_unit_id=world.other_unit)
    assert ref.status == S.DISPATCHED and _event(world.db, ref.id).transfer_count == 1
    resolved = bring_to(world, S.RESOLVED)
    with pytest.raises(IllegalTransitionError):
        world.officer.recall(resolved.id, resolved.version, reason="x")


def test_add_assist_and_each_assist_signs_for_its_own_part(world):
    ref = bring_to(world, S.DISPATCHED)  # assist 环卫所 already
    third = world.street.units["区住建局"]
    ref = world.officer.add_assist(ref.id, ref.version, unit_id=third)
    assert ref.status == S.DISPATCHED
    for unit, words in ((world.unit, "主办单位"), (world.other_unit, "已在协办"),
                        (world.street.units["市政所"], "离岗")):
        with pytest.raises(ValidationError) as err:
            world.officer.add_assist(ref.id, ref.version, unit_id=unit)
        assert words in str(err.value)
    world.clock.advance(minutes=3)
    ref = world.officer.acknowledge_assist(ref.id, ref.version, unit_id=third)
    assert ref.status == S.DISPATCHED  # the lead's signature moves the event, not an assist's
    with pytest.raises(ValidationError) as err:
        world.officer.acknowledge_assist(ref.id, ref.version, unit_id=third)
    assert "已于" in str(err.value)
    with pytest.raises(ValidationError) as err:
        world.officer.acknowledge_assist(ref.id, ref.version, unit_id=world.unit)
    assert "不是事件" in str(err.value)
    ref = world.officer.acknowledge(ref.id, ref.version)  # the lead signs as before
    signed = {r.unit_id: r.acknowledged_at for r in parts(world.db, ref.id)}
    assert signed == {world.unit: world.clock.now(), world.other_unit: None, third: world.clock.now()}
    assert ref.status == S.ACKNOWLEDGED


def test_only_operators_move_events(world, display):
    ref = bring_to(world, S.DISPATCHED)
    wall = Commands(world.db, display, world.clock)
    for attempt in (lambda: wall.reassign(ref.id, ref.version, lead_unit_id=world.other_unit, reason="x"),
                    lambda: wall.recall(ref.id, ref.version, reason="x"),
                    lambda: wall.add_assist(ref.id, ref.version, unit_id=world.other_unit),
                    lambda: wall.acknowledge_assist(ref.id, ref.version, unit_id=world.other_unit)):
        with pytest.raises(PermissionDeniedError):
            attempt()


def test_an_off_duty_unit_still_signs_for_its_part(world):
    ref = bring_to(world, S.DISPATCHED)
    world.officer.set_unit_status(world.other_unit, status=UnitStatus.OFF_DUTY, on_duty=0)
    assert world.officer.acknowledge_assist(ref.id, ref.version, unit_id=world.other_unit).version == ref.version + 1


def _logs(db, event_id):
    with db.session() as s:
        return s.scalars(select(EventLog).where(EventLog.event_id == event_id).order_by(EventLog.id)).all()
