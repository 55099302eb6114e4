"""The board's cards and unit cards on a real database (SQLite and PostgreSQL): lanes, every
part's state, loads and overdue counts, the incremental loads, and a fixed number of SELECTs
however many events there are."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import insert

from commandroom.models import Category
from commandroom.models.board import Lane, load_board, load_units
from commandroom.models.enums import Status
from commandroom.models.org import unit_category
from tests.unit.read_helpers import counted, selects
from tests.unit.test_commands import _event, bring_to, world  # noqa: F401 - the fixture

S = Status


def test_cards_in_lanes_with_every_part(world):
    refs = {status: bring_to(world, status) for status in
            (S.RECEIVED, S.REGISTERED, S.DISPATCHED, S.IN_PROGRESS, S.RESOLVED, S.VERIFIED, S.CLOSED)}
    third = world.street.units["区住建局"]
    d = refs[S.DISPATCHED]
    d = world.officer.add_assist(d.id, d.version, unit_id=third)
    world.officer.acknowledge_assist(d.id, d.version, unit_id=third)
    with world.db.session() as s, counted(world.db) as sent:
        cards = {c.id: c for c in load_board(s, street_id=world.street.street_id)}
    assert len(selects(sent)) == 2
    lanes = {status: cards[ref.id].lane for status, ref in refs.items() if ref.id in cards}
    assert lanes == {S.REGISTERED: Lane.TO_DISPATCH, S.DISPATCHED: Lane.TO_ACKNOWLEDGE,
                     S.IN_PROGRESS: Lane.HANDLING, S.RESOLVED: Lane.TO_VERIFY, S.VERIFIED: Lane.TO_CLOSE}
    card = cards[d.id]
    assert (card.category_code, card.grid_name, card.lead_unit_name) == ("CG01", "A社区1号院", "综合执法中队")
    assert [(p.unit_name, p.role.value, p.acknowledged) for p in card.parts] == [
        ("综合执法中队", "lead", False), ("环卫所", "assist", False), ("区住建局", "assist", True)]
    assert cards[refs[S.REGISTERED].id].parts == ()
    assert not card.is_overdue(world.clock.now()) and card.is_overdue(card.handle_due + timedelta(seconds=1))
    assert card.is_response_late(card.response_due + timedelta(seconds=1))


def test_cards_by_ids_leave_out_events_off_the_board(world):
    on = bring_to(world, S.DISPATCHED)
    off = bring_to(world, S.CLOSED)
    waiting = bring_to(world, S.RECEIVED)
    with world.db.session() as s:
        assert [c.id for c in load_board(s, ids=[on.id, off.id, waiting.id])] == [on.id]


def test_unit_cards_with_load_overdue_and_categories(world):
    with world.db.session() as s:
        s.execute(insert(unit_category), [{"unit_id": world.unit, "category_id": c.id}
                                          for c in s.query(Category).all()])
    late = bring_to(world, S.IN_PROGRESS)
    bring_to(world, S.DISPATCHED)
    moved = bring_to(world, S.ACKNOWLEDGED)
    world.officer.reassign(moved.id, moved.version, lead_unit_id=world.other_unit, reason="环卫为主")
    now = _event(world.db, late.id).handle_due + timedelta(seconds=1)  # only the first is past due
    with world.db.session() as s, counted(world.db) as sent:
        units = {u.name: u for u in load_units(s, now, street_id=world.street.street_id)}
    assert len(selects(sent)) == 3  # the units, their loads, their categories: never one per unit
    zf, hw = units["综合执法中队"], units["环卫所"]
    assert (zf.open_load, zf.overdue, zf.category_codes, zf.on_duty) == (2, 1, ("CG01", "CG02"), 8)
    assert (hw.open_load, hw.overdue, hw.category_codes) == (1, 0, ())
    assert (units["市政所"].status.value, units["市政所"].open_load) == ("off_duty", 0)
    with world.db.session() as s:
        touched = {u.name for u in load_units(s, now, event_ids=[moved.id])}
        named = [u.name for u in load_units(s, now, unit_ids=[world.other_unit])]
    assert touched == {"综合执法中队", "环卫所"} and named == ["环卫所"]


def test_many_events_cost_the_same_selects(world):
    for _ in range(40):
        bring_to(world, S.DISPATCHED)
    with world.db.session() as s, counted(world.db) as sent:
        cards = load_board(s)
        load_units(s, world.clock.now())
    assert len(cards) == 40 and len(selects(sent)) == 5  # cards, parts; units, loads, categories
