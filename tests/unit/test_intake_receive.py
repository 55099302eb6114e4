"""``receive`` for the intake, without HTTP: client, hint and photos kept (and kept through a
merge), idempotency decided by the unique index within one batch, a point outside the street
flagged or refused, the street chosen on a district database, and the fold of the log."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from commandroom.models import Contact, Event
from commandroom.models.actor import Actor
from commandroom.models.commands import Commands
from commandroom.models.commands.intake import Received
from commandroom.models.enums import Role, Source, Status
from commandroom.models.errors import NotFoundError, ValidationError
from commandroom.models.incoming import IncomingReport, OutsidePoint
from commandroom.models.replay import state_at
from tests.street_fixture import build

INTAKE = Actor(login="intake", role=Role.SYSTEM, console="intake", name="接入系统")


def _report(ref: str, point=None, **extra) -> IncomingReport:
    lat, lon = point or (None, None)
    return IncomingReport.checked(source=Source.HOTLINE_12345, title="井盖缺失", lat=lat, lon=lon,
                                  external_ref=ref, client="hotline", category_hint="CG01",
                                  outside=OutsidePoint.FLAG, **extra)


def test_a_batch_with_a_retry_inside_saves_one_report(db, clock):
    tiny = build(db)
    outcomes = Commands(db, INTAKE, clock).receive_batch(
        [_report("A", tiny.inside), _report("A", tiny.inside), _report("B", tiny.outside)])
    first, again, outside = outcomes
    assert isinstance(first, Received) and first.created and not first.flagged
    assert again.ref == first.ref and not again.created
    assert outside.created and outside.flagged
    with db.session() as s:
        assert s.scalar(select(func.count(Event.id))) == 2
        flagged = s.get(Event, outside.ref.id)
    assert flagged.grid_id is None and flagged.lat is None and flagged.description.startswith("【上报坐标")


def test_a_refused_report_in_a_batch_leaves_the_others(db, clock):
    build(db)
    bad = IncomingReport.checked(source=Source.PHOTO_APP, title="x", client="hotline",
                                 external_ref="Z", category_hint="NOPE")
    good, refused = Commands(db, INTAKE, clock).receive_batch([_report("C"), bad])
    assert good.created and isinstance(refused, NotFoundError)
    with db.session() as s:
        assert s.scalar(select(func.count(Contact.id))) == 1


def test_the_room_still_refuses_a_point_outside(db, clock, officer):
    tiny = build(db)
    with pytest.raises(ValidationError, match="不在本街道"):
        Commands(db, officer, clock).receive(source=Source.WALK_IN, title="来访", lat=tiny.outside[0],
                                             lon=tiny.outside[1])


def test_the_client_and_hint_survive_a_merge_and_the_fold(db, clock, officer):
    tiny = build(db)
    intake = Commands(db, INTAKE, clock)
    first, second = intake.receive_batch([_report("M1", tiny.inside, media=["https://p/1.jpg"]),
                                          _report("M2", tiny.inside)])
    Commands(db, officer, clock).merge(second.ref.id, second.ref.version, into_id=first.ref.id)
    with db.session() as s:
        kept = s.execute(select(Contact.external_ref, Contact.client, Contact.category_hint, Contact.media)
                         .where(Contact.event_id == first.ref.id).order_by(Contact.id)).all()
        state = state_at(s, tiny.street_id)
        table = {c.id: c for c in s.scalars(select(Contact))}
    assert kept == [("M1", "hotline", "CG01", "https://p/1.jpg"), ("M2", "hotline", "CG01", "")]
    assert len(state.rows["contact"]) == 2
    for contact_id, row in state.rows["contact"].items():
        assert (row["client"], row["category_hint"], row["event_id"]) == \
            (table[contact_id].client, table[contact_id].category_hint, table[contact_id].event_id)
    assert state.events[second.ref.id]["status"] is Status.MERGED


def test_on_a_district_database_the_point_or_the_code_picks_the_street(db, clock):
    yaojia = build(db)
    other = build(db, code="370102006", abbr="QF", name="千佛山街道", origin=(117.10, 36.60))
    intake = Commands(db, INTAKE, clock)
    by_point = intake.receive_batch([_report("P", (36.605, 117.105))])[0]
    by_code = intake.receive_batch([_report("Q", street_code="370102005")])[0]
    neither = intake.receive_batch([_report("R")])[0]
    assert by_point.ref.code.startswith("QF") and by_code.ref.code.startswith("YJ")
    assert isinstance(neither, ValidationError) and "jurisdiction_id" in neither.en
    assert other.street_id != yaojia.street_id


def test_a_mixed_batch_gives_each_report_its_own_rows_and_codes_in_order(db, clock):
    """The group commit writes a batch with one statement per table: each report still gets
    its own event and contact (the ids returned by the multi-row INSERTs matched to the right
    rows), the codes follow the batch's order, a retry of an earlier batch and a repeat inside
    the batch save nothing, and the log folds back to the same rows."""
    tiny = build(db)
    intake = Commands(db, INTAKE, clock)
    (earlier,) = intake.receive_batch([_report("E0", tiny.inside, description="第一批")])

    def bare(text):  # no client key: never a retry, its contact goes in with its event
        return IncomingReport.checked(source=Source.WALK_IN, title=text, description=text)

    batch = [bare("无编号一"), _report("K1", tiny.inside, description="编号一"), bare("无编号二"),
             _report("E0", tiny.inside, description="重发"), _report("K1", description="批内重复"),
             _report("K2", tiny.outside, description="编号二")]
    outcomes = intake.receive_batch(batch)
    assert [o.created for o in outcomes] == [True, True, True, False, False, True]
    assert outcomes[3].ref == earlier.ref and outcomes[4].ref == outcomes[1].ref
    new = [o for o in outcomes if o.created]
    numbers = [int(o.ref.code.rsplit("-", 1)[1]) for o in new]
    assert numbers == list(range(numbers[0], numbers[0] + 4)) and numbers[0] == 2
    with db.session() as s:
        for outcome, text in zip(new, ("无编号一", "编号一", "无编号二", "编号二")):
            event = s.get(Event, outcome.ref.id)
            (contact,) = s.scalars(select(Contact).where(Contact.event_id == event.id))
            assert text in event.description and text in contact.content
        assert s.scalar(select(func.count(Contact.id))) == 5
        state = state_at(s, tiny.street_id)
        table = {c.id: c for c in s.scalars(select(Contact))}
    assert {i: (r["event_id"], r["content"]) for i, r in state.rows["contact"].items()} == \
        {i: (c.event_id, c.content) for i, c in table.items()}
