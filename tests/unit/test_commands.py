"""Domain commands on a real database (SQLite and PostgreSQL): every transition through the
commands, roles, stale versions, atomicity, the side paths, and the log they write."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from commandroom.models import Assignment, Contact, Escalation, Event, EventLog, ExtensionRequest
from commandroom.models.commands import Commands
from commandroom.models.enums import Action, Priority, Satisfaction, Source, Status
from commandroom.models.errors import (
    IllegalTransitionError,
    NotFoundError,
    PermissionDeniedError,
    StaleEventError,
    ValidationError,
)
from tests import street_fixture

S = Status


@pytest.fixture
def world(db, clock, officer, leader):
    street = street_fixture.build(db)

    class World:
        pass

    w = World()
    w.db, w.clock, w.street = db, clock, street
    w.officer = Commands(db, officer, clock)
    w.leader = Commands(db, leader, clock)
    w.unit = street.units["综合执法中队"]
    w.other_unit = street.units["环卫所"]
    w.spare = receive(w)  # an open event to merge duplicates into
    return w


def receive(w, **kw):
    lat, lon = w.street.inside
    args = dict(source=Source.HOTLINE_12345, title="路口占道经营", description="早市摊贩占用人行道",
                address="姚家路12号", lat=lat, lon=lon, reporter_name="王芳", reporter_phone="13800000000")
    args.update(kw)
    return w.officer.receive(**args)


# Each step brings an event one status further along the main path.
def _register(w, r, code="CG01"):
    return w.officer.register(r.id, r.version, category_code=code)


def _dispatch(w, r):
    return w.officer.dispatch(r.id, r.version, lead_unit_id=w.unit, assist_unit_ids=[w.other_unit])


PATH = {
    S.RECEIVED: [],
    S.REGISTERED: [_register],
    S.REJECTED: [lambda w, r: w.officer.reject(r.id, r.version, reason="重复反映")],
    S.DISPATCHED: [_register, _dispatch],
    S.ACKNOWLEDGED: [_register, _dispatch, lambda w, r: w.officer.acknowledge(r.id, r.version)],
}
PATH[S.IN_PROGRESS] = PATH[S.ACKNOWLEDGED] + [lambda w, r: w.officer.start(r.id, r.version)]
PATH[S.RESOLVED] = PATH[S.IN_PROGRESS] + [lambda w, r: w.officer.resolve(r.id, r.version, note="已清理")]
PATH[S.VERIFIED] = PATH[S.RESOLVED] + [lambda w, r: w.officer.verify(r.id, r.version, note="现场已恢复")]
PATH[S.CLOSED] = PATH[S.VERIFIED] + [lambda w, r: w.leader.close(r.id, r.version)]
PATH[S.EVALUATED] = PATH[S.CLOSED] + [
    lambda w, r: w.officer.evaluate(r.id, r.version, satisfaction=Satisfaction.SATISFIED)
]
PATH[S.MERGED] = [lambda w, r: w.officer.merge(r.id, r.version, into_id=receive(w).id)]
PATH[S.ANSWERED] = [lambda w, r: w.officer.answer(r.id, r.version, text="垃圾清运时间为每日早6点")]


def bring_to(w, status, **kw):
    ref = receive(w, **kw)
    for step in PATH[status]:
        w.clock.advance(minutes=5)
        ref = step(w, ref)
    assert ref.status == status
    return ref


def _extension(w, r):
    return w.officer.request_extension(r.id, r.version, new_due=w.clock.now() + timedelta(days=30),
                                       reason="需协调产权单位")


def _escalate(w, r):
    return w.leader.escalate(r.id, r.version, department_id=w.street.units["区住建局"],
                             place="姚家路12号", meet_at=w.clock.now() + timedelta(hours=3))


ATTEMPTS = {
    Action.REGISTER: _register,
    Action.REJECT: lambda w, r: w.officer.reject(r.id, r.version, reason="不属于本街道"),
    Action.MERGE: lambda w, r: w.officer.merge(r.id, r.version, into_id=w.spare.id),
    Action.DISPATCH: _dispatch,
    Action.ACKNOWLEDGE: lambda w, r: w.officer.acknowledge(r.id, r.version),
    Action.RETURN: lambda w, r: w.officer.return_(r.id, r.version, reason="非本单位职责"),
    Action.START: lambda w, r: w.officer.start(r.id, r.version),
    Action.RESOLVE: lambda w, r: w.officer.resolve(r.id, r.version, note="已处理"),
    Action.VERIFY: lambda w, r: w.officer.verify(r.id, r.version),
    Action.REWORK: lambda w, r: w.officer.rework(r.id, r.version, reason="摊位仍在"),
    Action.CLOSE: lambda w, r: w.leader.close(r.id, r.version),
    Action.EVALUATE: lambda w, r: w.officer.evaluate(r.id, r.version, satisfaction="basically"),
    Action.REQUEST_EXTENSION: _extension,
    Action.ESCALATE: _escalate,
    Action.TAKE: lambda w, r: w.officer.take(r.id, r.version),
    Action.ANSWER: PATH[S.ANSWERED][0],
    Action.REASSIGN: lambda w, r: w.officer.reassign(r.id, r.version, lead_unit_id=w.street.units["区住建局"],
                                                     reason="属区级职责"),
    Action.RECALL: lambda w, r: w.officer.recall(r.id, r.version, reason="派错单位"),
    Action.ADD_ASSIST: lambda w, r: w.officer.add_assist(r.id, r.version, unit_id=w.street.units["区住建局"]),
    Action.ACKNOWLEDGE_ASSIST: lambda w, r: w.officer.acknowledge_assist(r.id, r.version, unit_id=w.other_unit),
}
# The dispatcher's moves while the units hold the event.
MOVES = {Action.REASSIGN: S.DISPATCHED, Action.RECALL: S.REGISTERED}
LEGAL = {  # status: {action: status after}
    S.RECEIVED: {Action.REGISTER: S.REGISTERED, Action.REJECT: S.REJECTED, Action.MERGE: S.MERGED,
                 Action.TAKE: S.RECEIVED, Action.ANSWER: S.ANSWERED},
    S.REGISTERED: {Action.DISPATCH: S.DISPATCHED, Action.MERGE: S.MERGED, Action.ESCALATE: S.DISPATCHED},
    S.DISPATCHED: {Action.ACKNOWLEDGE: S.ACKNOWLEDGED, Action.RETURN: S.REGISTERED,
                   Action.REQUEST_EXTENSION: S.DISPATCHED, Action.ESCALATE: S.DISPATCHED},
    S.ACKNOWLEDGED: {Action.START: S.IN_PROGRESS, Action.RESOLVE: S.RESOLVED,
                     Action.RETURN: S.REGISTERED, Action.REQUEST_EXTENSION: S.ACKNOWLEDGED,
                     Action.ESCALATE: S.DISPATCHED},
    S.IN_PROGRESS: {Action.RESOLVE: S.RESOLVED, Action.REQUEST_EXTENSION: S.IN_PROGRESS,
                    Action.ESCALATE: S.DISPATCHED},
    S.RESOLVED: {Action.VERIFY: S.VERIFIED, Action.REWORK: S.IN_PROGRESS},
    S.VERIFIED: {Action.CLOSE: S.CLOSED},
    S.CLOSED: {Action.EVALUATE: S.EVALUATED},
    S.EVALUATED: {},
    S.REJECTED: {},
    S.MERGED: {},
    S.ANSWERED: {},
}
for _held in (S.DISPATCHED, S.ACKNOWLEDGED, S.IN_PROGRESS):
    LEGAL[_held].update({**MOVES, Action.ADD_ASSIST: _held, Action.ACKNOWLEDGE_ASSIST: _held})


@pytest.mark.parametrize("status", list(Status))
def test_every_transition_through_the_commands(world, status):
    """Each command on an event in each status: the legal ones move it, the others are refused
    and leave the event and the log untouched."""
    for action, attempt in ATTEMPTS.items():
        # Escalation needs an item on the territorial list.
        ref = bring_to(world, status) if action != Action.ESCALATE else _territorial(world, status)
        if action in LEGAL[status]:
            after = attempt(world, ref)
            assert after.status == LEGAL[status][action], action
            assert after.version == ref.version + 1
        else:
            logs_before = _log_count(world.db)
            with pytest.raises(IllegalTransitionError):
                attempt(world, ref)
            assert _log_count(world.db) == logs_before
            assert _event(world.db, ref.id).version == ref.version


def _territorial(w, status):
    ref = receive(w)
    for step in PATH[status]:
        ref = (lambda w, r: _register(w, r, "CG02"))(w, ref) if step is _register else step(w, ref)
    return ref


def _log_count(db):
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(EventLog))


def _event(db, event_id):
    with db.session() as s:
        return s.get(Event, event_id)


def test_full_loop_fills_times_counters_and_log(world):
    ref = bring_to(world, S.EVALUATED)
    with world.db.session() as s:
        event = s.get(Event, ref.id)
        logs = s.scalars(select(EventLog).where(EventLog.event_id == ref.id).order_by(EventLog.id)).all()
        assignments = s.scalars(select(Assignment).where(Assignment.event_id == ref.id)).all()
    assert event.code.startswith("YJ20261116-")
    assert event.grid_id == world.street.grids["A1"]
    assert [log.action for log in logs] == [
        Action.RECEIVE, Action.REGISTER, Action.DISPATCH, Action.ACKNOWLEDGE, Action.START,
        Action.RESOLVE, Action.VERIFY, Action.CLOSE, Action.EVALUATE,
    ]
    assert event.version == len(logs) == 9
    assert event.response_seconds == 5 * 60 and event.handling_seconds == 15 * 60
    assert event.on_time is True and event.satisfaction == Satisfaction.SATISFIED
    assert event.handle_due == event.dispatched_at + timedelta(days=3)
    assert {(a.unit_id, a.role.value) for a in assignments} == {
        (world.unit, "lead"), (world.other_unit, "assist")
    }
    assert logs[2].payload["event"]["lead_unit_id"] == world.unit
    assert logs[0].actor == "zhangwei" and logs[0].console == "console-1"


def test_stale_version_between_two_consoles(world, officer):
    ref = bring_to(world, S.REGISTERED)
    other = Commands(world.db, officer, world.clock)
    other.dispatch(ref.id, ref.version, lead_unit_id=world.unit)
    with pytest.raises(StaleEventError) as err:
        world.officer.reject(ref.id, ref.version, reason="x")  # saw the old version
    assert "已被他人修改" in str(err.value)
    assert _event(world.db, ref.id).status == S.DISPATCHED
    last = err.value.last  # who got there first, read by the refusing transaction
    assert (last.event_id, last.action.value, last.actor, last.console) == (ref.id, "dispatch", officer.login,
                                                                           officer.console)


def test_concurrent_flush_is_refused_by_the_row_version(world):
    """Two sessions read the same version; the second UPDATE … WHERE version = old fails."""
    ref = bring_to(world, S.RECEIVED)
    with world.db.sessions() as first, world.db.sessions() as second:
        a, b = first.get(Event, ref.id), second.get(Event, ref.id)
        a.title, a.version = "甲", a.version + 1
        first.commit()
        b.title, b.version = "乙", b.version + 1
        with pytest.raises(Exception) as err:
            second.commit()
        assert "StaleData" in type(err.value).__name__
    assert _event(world.db, ref.id).title == "甲"


def test_roles_are_checked(world, display):
    ref = bring_to(world, S.VERIFIED)
    with pytest.raises(PermissionDeniedError) as err:
        world.officer.close(ref.id, ref.version)
    assert "带班领导" in str(err.value)
    with pytest.raises(PermissionDeniedError):
        Commands(world.db, display, world.clock).receive(source="walk_in", title="x")


def test_return_counts_a_transfer_and_redispatch_restarts_the_clock(world):
    ref = bring_to(world, S.ACKNOWLEDGED)
    ref = world.officer.return_(ref.id, ref.version, reason="非本单位职责")
    world.clock.advance(hours=1)
    ref = world.officer.dispatch(ref.id, ref.version, lead_unit_id=world.other_unit)
    event = _event(world.db, ref.id)
    assert event.transfer_count == 1 and event.lead_unit_id == world.other_unit
    assert event.dispatched_at == world.clock.now() != event.first_dispatched_at
    assert event.response_seconds == 5 * 60  # the first acknowledgement stays the response time
    with world.db.session() as s:
        rows = s.scalars(select(Assignment).where(Assignment.event_id == ref.id)).all()
    assert [r.active for r in rows] == [False, False, True]
    assert rows[0].return_reason == "非本单位职责"


def test_rework_goes_back_to_the_unit(world):
    ref = bring_to(world, S.RESOLVED)
    ref = world.officer.rework(ref.id, ref.version, reason="摊位仍在")
    event = _event(world.db, ref.id)
    assert event.status == S.IN_PROGRESS and event.rework_count == 1 and event.resolved_at is None


def test_late_resolution_is_closed_not_on_time(world):
    ref = bring_to(world, S.IN_PROGRESS)
    world.clock.advance(days=4)
    for step in PATH[S.CLOSED][-3:]:
        ref = step(world, ref)
    assert _event(world.db, ref.id).on_time is False


def test_extension_approved_moves_the_due_time(world):
    ref = bring_to(world, S.IN_PROGRESS)
    new_due = world.clock.now() + timedelta(days=10)
    ref = world.officer.request_extension(ref.id, ref.version, new_due=new_due, reason="需协调")
    with pytest.raises(ValidationError):
        world.officer.request_extension(ref.id, ref.version, new_due=new_due, reason="再次")
    with pytest.raises(PermissionDeniedError):
        world.officer.approve_extension(ref.id, ref.version)
    ref = world.leader.approve_extension(ref.id, ref.version, note="同意")
    event = _event(world.db, ref.id)
    assert event.handle_due == new_due and event.extension_count == 1


def test_extension_denied_and_late_request_refused(world):
    ref = bring_to(world, S.IN_PROGRESS)
    ref = _extension(world, ref)
    ref = world.leader.deny_extension(ref.id, ref.version, note="可按期完成")
    with world.db.session() as s:
        request = s.scalar(select(ExtensionRequest).where(ExtensionRequest.event_id == ref.id))
    assert request.decision.value == "denied" and _event(world.db, ref.id).extension_count == 0
    world.clock.advance(days=5)  # past the 3-day limit
    with pytest.raises(ValidationError) as err:
        _extension(world, ref)
    assert "超过处置时限" in str(err.value)


def test_merge_keeps_every_source(world):
    target = receive(world)
    duplicate = receive(world, source=Source.PHOTO_APP, reporter_phone="13900000000")
    world.officer.merge(duplicate.id, duplicate.version, into_id=target.id)
    with world.db.session() as s:
        sources = sorted(c.source.value for c in s.scalars(select(Contact).where(Contact.event_id == target.id)))
        merged = s.get(Event, duplicate.id)
        kept = s.get(Event, target.id)
    assert sources == ["hotline_12345", "photo_app"]
    assert merged.status == S.MERGED and merged.merged_into_id == target.id
    assert kept.contact_count == 2 and kept.version == 2


def test_escalation_to_the_district(world):
    ref = bring_to(world, S.RECEIVED)
    ref = _register(world, ref, "CG02")
    ref = _escalate(world, ref)
    world.clock.advance(minutes=40)
    ref = world.officer.acknowledge(ref.id, ref.version)
    event = _event(world.db, ref.id)
    with world.db.session() as s:
        escalation = s.scalar(select(Escalation).where(Escalation.event_id == ref.id))
    assert event.escalated and event.lead_unit_id == world.street.units["区住建局"]
    assert escalation.confirmed_at == world.clock.now()
    assert escalation.confirm_by == escalation.raised_at + timedelta(hours=2)


def test_escalation_refused_for_non_territorial_items_and_street_units(world):
    ref = bring_to(world, S.REGISTERED)
    with pytest.raises(ValidationError) as err:
        _escalate(world, ref)
    assert "属地管理" in str(err.value)
    ref2 = _register(world, receive(world), "CG02")
    with pytest.raises(ValidationError):
        world.leader.escalate(ref2.id, ref2.version, department_id=world.unit, place="x",
                              meet_at=world.clock.now())


@pytest.mark.parametrize(
    "kwargs, fragment",
    [
        (dict(title="  "), "标题"),
        (dict(title="井盖\x00缺失"), "控制字符"),  # PostgreSQL would refuse NUL with a traceback
        (dict(reporter_phone="call me"), "电话"),
        (dict(lat=36.6, lon=None), "经纬度"),
        (dict(lat=float("nan"), lon=117.0), "经纬度"),
        (dict(source="fax"), "来源"),
        (dict(priority="asap"), "紧急程度"),
    ],
)
def test_receive_validates_and_writes_nothing(world, kwargs, fragment):
    before = _log_count(world.db)
    with pytest.raises(ValidationError) as err:
        receive(world, **kwargs)
    assert fragment in str(err.value) and err.value.en
    assert _log_count(world.db) == before


def test_receive_outside_the_street_is_refused(world):
    lat, lon = world.street.outside
    with pytest.raises(ValidationError) as err:
        receive(world, lat=lat, lon=lon)
    assert "不在本街道" in str(err.value)


def test_register_needs_a_location_and_a_known_category(world):
    ref = receive(world, lat=None, lon=None)
    with pytest.raises(ValidationError):
        _register(world, ref)
    with pytest.raises(NotFoundError):
        world.officer.register(ref.id, ref.version, category_code="NOPE",
                               lat=world.street.inside[0], lon=world.street.inside[1])
    lat, lon = world.street.inside
    ref = world.officer.register(ref.id, ref.version, category_code="CG01", lat=lat, lon=lon,
                                 priority=Priority.URGENT)
    assert _event(world.db, ref.id).priority == Priority.URGENT


def test_dispatch_to_an_off_duty_unit_is_refused_atomically(world):
    ref = bring_to(world, S.REGISTERED)
    with pytest.raises(ValidationError) as err:
        world.officer.dispatch(ref.id, ref.version, lead_unit_id=world.street.units["市政所"])
    assert "离岗" in str(err.value)
    with world.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Assignment).where(Assignment.event_id == ref.id)) == 0
    assert _event(world.db, ref.id).version == ref.version


def test_unknown_event(world):
    with pytest.raises(NotFoundError):
        world.officer.start(999999, 1)


def test_codes_number_the_day(world):
    codes = [receive(world).code for _ in range(3)]  # the fixture's spare event is -0001
    assert codes == ["YJ20261116-0002", "YJ20261116-0003", "YJ20261116-0004"]


@pytest.mark.postgres
def test_postgres_consoles_are_notified_at_commit(pg_server, clock, officer):
    import psycopg

    from commandroom.models.db import Database
    from commandroom.models.log import FEED_CHANNEL

    url = pg_server.create_database("t_notify")
    db = Database(url)
    street_fixture.build(db)
    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as listener:
        listener.execute(f"LISTEN {FEED_CHANNEL}")
        Commands(db, officer, clock).receive(source="walk_in", title="来访反映楼道堆物")
        notes = list(listener.notifies(timeout=5, stop_after=1))
    db.dispose()
    assert [n.channel for n in notes] == [FEED_CHANNEL]
