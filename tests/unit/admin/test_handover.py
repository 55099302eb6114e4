"""交接班 round trip: the open items listed at sign-out, the note read and acknowledged by the next
officer, each step a log row."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from commandroom.models import Alert, EventLog
from commandroom.models.actor import Actor
from commandroom.models.commands import Commands
from commandroom.models.enums import Action, AlertLevel, Priority, Role, Source
from commandroom.models.errors import PermissionDeniedError, ValidationError
from commandroom.models.handover import open_items, pending_handover
from tests import street_fixture

OUTGOING = Actor("zhangwei", Role.DUTY_OFFICER, "console-1", "张伟")
INCOMING = Actor("wangfang", Role.DUTY_OFFICER, "console-1", "王芳")


@pytest.fixture
def street(db, clock):
    """A report zhangwei has taken, an urgent event due within the shift, one due in a week,
    and an open alert on the urgent one."""
    tiny = street_fixture.build(db)
    out = Commands(db, OUTGOING, clock, street_id=tiny.street_id)
    taken = out.receive(source=Source.HOTLINE_12345, title="楼道堆物")
    out.take(taken.id, taken.version)
    refs = {}
    for title, priority in (("占道经营", Priority.URGENT), ("违章搭建", Priority.NORMAL)):
        ref = out.receive(source=Source.GRID_PATROL, title=title)
        ref = out.register(ref.id, ref.version, category_code="CG01", priority=priority,
                           lat=tiny.inside[0], lon=tiny.inside[1])
        refs[title] = out.dispatch(ref.id, ref.version, lead_unit_id=tiny.units["综合执法中队"])
    with db.session() as s:
        s.add(Alert(event_id=refs["占道经营"].id, level=AlertLevel.REMINDER, reason="超时", raised_at=clock.now()))
    return tiny, out, refs, taken


def test_the_open_items_are_listed_without_typing(db, clock, street):
    tiny, _, refs, taken = street
    with db.session() as s:
        items = open_items(s, "zhangwei", tiny.street_id, clock.now(), shift_hours=12)
    assert [i.code for i in items.taken] == [taken.code]
    assert [i.code for i in items.due] == [refs["占道经营"].code]  # the normal one is due in 3 days
    assert [(i.code, i.detail) for i in items.alerts] == [(refs["占道经营"].code, "催办")]
    assert items.counts == {"taken": 1, "due": 1, "alerts": 1}


def test_handover_round_trip(db, clock, street):
    tiny, out, refs, taken = street
    handover_id = out.hand_over(note="占道经营一件请盯紧", shift_hours=12)
    clock.advance(minutes=5)
    incoming = Commands(db, INCOMING, clock, street_id=tiny.street_id)
    with db.session() as s:
        note = pending_handover(s, tiny.street_id, "wangfang")
        assert pending_handover(s, tiny.street_id, "zhangwei") is None  # not one's own
    assert (note.id, note.login, note.note) == (handover_id, "zhangwei", "占道经营一件请盯紧")
    assert [i.code for i in note.items.taken] == [taken.code]
    incoming.acknowledge_handover(note.id)
    with db.session() as s:
        assert pending_handover(s, tiny.street_id, "wangfang") is None
        actions = [(r.action, r.actor) for r in s.scalars(
            select(EventLog).where(EventLog.event_id.is_(None)).order_by(EventLog.id))]
    assert actions[-3:] == [(Action.HANDOVER, "zhangwei"), (Action.SIGN_OUT, "zhangwei"),
                            (Action.ACKNOWLEDGE_HANDOVER, "wangfang")]
    with pytest.raises(ValidationError, match="已由 wangfang 接班"):
        incoming.acknowledge_handover(note.id)


def test_the_wall_hands_nothing_over(db, clock, street):
    tiny, *_ = street
    wall = Commands(db, Actor("wall", Role.DISPLAY, "wall"), clock, street_id=tiny.street_id)
    with pytest.raises(PermissionDeniedError):
        wall.hand_over(note="")
    wall.sign_out()  # signing out is anyone's
