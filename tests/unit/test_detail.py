"""The event detail and the pending extensions on a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta

from commandroom.models import User
from commandroom.models.detail import load_detail, pending_extensions
from commandroom.models.enums import Action, Source, Status
from tests.unit.read_helpers import counted, selects
from tests.unit.test_commands import bring_to, receive, world  # noqa: F401 - the fixture

S = Status


def test_detail_has_every_part_and_the_timeline_in_words(world):
    with world.db.session() as s:
        s.add(User(login="zhangwei", name="张伟", role="duty_officer"))
    target = bring_to(world, S.RECEIVED)
    duplicate = receive(world, source=Source.PHOTO_APP, reporter_phone="13900000000")
    world.officer.merge(duplicate.id, duplicate.version, into_id=target.id)
    ref = world.officer.register(target.id, target.version + 1, category_code="CG01")
    ref = world.officer.dispatch(ref.id, ref.version, lead_unit_id=world.unit, assist_unit_ids=[world.other_unit])
    world.clock.advance(minutes=30)
    ref = world.officer.reassign(ref.id, ref.version, lead_unit_id=world.street.units["区住建局"], reason="区级职责")
    ref = world.officer.request_extension(ref.id, ref.version, new_due=world.clock.now() + timedelta(days=9),
                                          reason="需协调产权单位")
    with world.db.session() as s, counted(world.db) as sent:
        detail = load_detail(s, ref.id, street_id=world.street.street_id)
    assert len(selects(sent)) == 6  # one per table shown, whatever the history's length
    assert (detail.code, detail.status, detail.version, detail.contact_count) == (ref.code, S.DISPATCHED, ref.version, 2)
    assert (detail.category_name, detail.grid_name, detail.lead_unit_name) == ("占道经营", "A社区1号院", "区住建局")
    assert sorted(c.source.value for c in detail.contacts) == ["hotline_12345", "photo_app"]
    assert [(p.unit_name, p.role.value, p.active, p.withdraw_reason) for p in detail.parts] == [
        ("综合执法中队", "lead", False, "区级职责"), ("环卫所", "assist", True, ""), ("区住建局", "lead", True, "")]
    lead = detail.parts[-1]
    assert (lead.response_due, lead.handle_due) == (detail.response_due, detail.handle_due)
    assert detail.parts[0].response_due is None and detail.parts[1].response_due is None
    assert [x.reason for x in detail.extensions] == ["需协调产权单位"] and detail.escalations == ()
    assert [t.action for t in detail.timeline] == [Action.RECEIVE, Action.ATTACH_CONTACT, Action.REGISTER,
                                                  Action.DISPATCH, Action.REASSIGN, Action.REQUEST_EXTENSION]
    step = detail.timeline[4]
    assert (step.actor, step.actor_name, step.console) == ("zhangwei", "张伟", "console-1")
    assert step.details["reason"] == "区级职责" and step.changes["transfer_count"] == 1
    with world.db.session() as s:
        assert load_detail(s, ref.id, street_id=world.street.street_id + 99) is None
        assert load_detail(s, 999_999) is None


def test_pending_extensions_for_the_shift_leader(world):
    asked = bring_to(world, S.IN_PROGRESS)
    asked = world.officer.request_extension(asked.id, asked.version, reason="等待材料",
                                            new_due=world.clock.now() + timedelta(days=5))
    decided = bring_to(world, S.IN_PROGRESS)
    decided = world.officer.request_extension(decided.id, decided.version, reason="等待材料",
                                              new_due=world.clock.now() + timedelta(days=5))
    world.leader.deny_extension(decided.id, decided.version, note="可按期完成")
    recalled = bring_to(world, S.IN_PROGRESS)
    recalled = world.officer.request_extension(recalled.id, recalled.version, reason="等待材料",
                                               new_due=world.clock.now() + timedelta(days=5))
    world.officer.recall(recalled.id, recalled.version, reason="派错单位")
    with world.db.session() as s:
        [pending] = pending_extensions(s, street_id=world.street.street_id)
    assert (pending.event_id, pending.version, pending.reason, pending.lead_unit_name) == (
        asked.id, asked.version, "等待材料", "综合执法中队")
    assert pending.new_due > pending.handle_due
    world.leader.approve_extension(pending.event_id, pending.version)
    with world.db.session() as s:
        assert pending_extensions(s) == []
