"""The supervision ladder on a real database (SQLite and PostgreSQL), with a frozen clock: each
step at its instant per category and priority, extensions, returns, reassignments, stalled
events, catch-up after a gap, exactly once, self-clearing, and no stale write because of an alert."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from commandroom.models import Alert, Event
from commandroom.models.actor import Actor
from commandroom.models.commands import Commands
from commandroom.models.enums import AlertLevel, Priority, Role, Source
from commandroom.models.errors import PermissionDeniedError, ValidationError
from commandroom.models.ladder import ANY, HANDLING, RESPONSE, STALLED, LadderRule, Thresholds
from commandroom.models.scan import Scanner, scan
from commandroom.models.supervision import plan, plan_naive
from tests import street_fixture
from tests.unit.test_replay_property import assert_fold_equals, dump

L = AlertLevel
SCHEDULER = Actor("scheduler", Role.SYSTEM, "district-server", "督办程序")
THRESHOLDS = Thresholds(
    rules={(ANY, "urgent"): LadderRule(warn_share=0.5, grace_min=timedelta(minutes=30)),
           ("城市管理", "high"): LadderRule(grace_share=0.25)},
    stalled_after=timedelta(hours=4))


@pytest.fixture
def room(db, clock, officer, leader):
    street = street_fixture.build(db)

    class Room:
        pass

    r = Room()
    r.db, r.clock, r.street = db, clock, street
    r.officer, r.leader = Commands(db, officer, clock), Commands(db, leader, clock)
    r.system = Commands(db, SCHEDULER, clock)
    r.unit, r.other = street.units["综合执法中队"], street.units["环卫所"]
    return r


def dispatched(r, priority=Priority.NORMAL, code="CG01"):
    lat, lon = r.street.inside
    ref = r.officer.receive(source=Source.HOTLINE_12345, title="占道经营", lat=lat, lon=lon)
    ref = r.officer.register(ref.id, ref.version, category_code=code, priority=priority)
    return r.officer.dispatch(ref.id, ref.version, lead_unit_id=r.unit, assist_unit_ids=[])


def run(r):
    return {(a.level, a.kind) for a in scan(r.system, THRESHOLDS).raised}


def at(r, when):
    r.clock.at = when
    return run(r)


def version(r, event_id):
    with r.db.session() as s:
        return s.get(Event, event_id).version


@pytest.mark.parametrize("priority, response, handling", [
    # CG01 normal: respond in 60 min, handle in 3 days; grace half the limit, at least an hour.
    (Priority.NORMAL, [(L.WARNING, 48), (L.REMINDER, 60), (L.SUPERVISION, 120), (L.LISTED, 180),
                       (L.NOTICE, 240)], [(L.WARNING, 0.8 * 72 * 60), (L.REMINDER, 72 * 60)]),
    # urgent: 10 / 120 min, warned at half (its own rule), grace at least 30 min.
    (Priority.URGENT, [(L.WARNING, 5), (L.REMINDER, 10), (L.SUPERVISION, 40), (L.LISTED, 70),
                       (L.NOTICE, 100)], [(L.WARNING, 60), (L.REMINDER, 120), (L.SUPERVISION, 180)]),
    # 城市管理 high: 30 min / 24 h, grace a quarter of the limit (at least an hour).
    (Priority.HIGH, [(L.WARNING, 24), (L.REMINDER, 30), (L.SUPERVISION, 90)],
     [(L.WARNING, 0.8 * 24 * 60), (L.REMINDER, 24 * 60), (L.SUPERVISION, 30 * 60), (L.LISTED, 36 * 60)]),
])
def test_each_step_falls_due_at_its_instant(room, priority, response, handling):
    start = room.clock.now()
    dispatched(room, priority)
    steps = sorted([(m, lv, RESPONSE) for lv, m in response] + [(m, lv, HANDLING) for lv, m in handling],
                   key=lambda s: s[0])
    for minutes, level, kind in steps:
        instant = start + timedelta(minutes=minutes)
        assert (level, kind) not in at(room, instant - timedelta(seconds=1))
        assert (level, kind) in at(room, instant)
    with room.db.session() as s:
        raised = s.execute(select(Alert.level, Alert.kind, Alert.due_at, Alert.late)).all()
    late = {(lv, k): was_late for lv, k, _, was_late in raised}
    assert not any(late[(lv, k)] for _, lv, k in steps)  # each raised at its instant, not late
    assert {(lv, k): due for lv, k, due, _ in raised}[(L.REMINDER, RESPONSE)] == start + timedelta(
        minutes=dict((lv, m) for lv, m in response)[L.REMINDER])


def test_handling_ladder_and_acknowledging_clears_the_response_alerts(room):
    start = room.clock.now()
    ref = dispatched(room)
    at(room, start + timedelta(minutes=61))  # 预警 and 催办 on the response limit
    ref = room.officer.acknowledge(ref.id, ref.version)
    room.clock.at = start + timedelta(minutes=62)
    result = scan(room.system, THRESHOLDS)
    assert result.cleared == 2 and not result.raised
    due = start + timedelta(days=3)
    assert at(room, due - timedelta(hours=72 * 0.2)) == {(L.WARNING, HANDLING)}
    assert at(room, due) == {(L.REMINDER, HANDLING)}
    assert at(room, due + timedelta(hours=36)) == {(L.SUPERVISION, HANDLING)}
    assert at(room, due + timedelta(hours=72)) == {(L.LISTED, HANDLING)}
    assert at(room, due + timedelta(hours=108)) == {(L.NOTICE, HANDLING)}
    assert at(room, due + timedelta(hours=200)) == set()  # nothing above 通报
    with room.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Alert).where(Alert.cleared_at.is_(None))) == 5


def test_an_approved_extension_starts_a_new_ladder_on_the_new_due_time(room):
    start = room.clock.now()
    ref = dispatched(room)
    ref = room.officer.acknowledge(ref.id, ref.version)
    assert (L.WARNING, HANDLING) in at(room, start + timedelta(hours=60))
    new_due = start + timedelta(days=5)
    ref = room.officer.request_extension(ref.id, ref.version, new_due=new_due, reason="需协调物业")
    ref = room.leader.approve_extension(ref.id, ref.version)
    room.clock.advance(minutes=1)
    assert scan(room.system, THRESHOLDS).cleared == 1  # the old due time's 预警
    assert at(room, start + timedelta(days=3, hours=1)) == set()  # the old due time means nothing now
    assert at(room, start + timedelta(days=4)) == {(L.WARNING, HANDLING)}  # 80 % of 5 days
    assert at(room, new_due) == {(L.REMINDER, HANDLING)}


def test_a_return_and_a_reassignment_start_a_new_response_clock(room):
    start = room.clock.now()
    ref = dispatched(room)
    assert at(room, start + timedelta(minutes=61)) == {(L.WARNING, RESPONSE), (L.REMINDER, RESPONSE)}
    ref = room.officer.reassign(ref.id, ref.version, lead_unit_id=room.other, reason="属环卫职责")
    room.clock.advance(minutes=1)
    assert scan(room.system, THRESHOLDS).cleared == 2
    # The new unit has its own hour to sign; the reporter's handling due time stays.
    assert at(room, start + timedelta(minutes=61 + 47)) == set()
    assert at(room, start + timedelta(minutes=61 + 48)) == {(L.WARNING, RESPONSE)}
    ref = room.officer.return_(ref.id, ref.version, reason="不属本单位职责")
    room.clock.advance(minutes=1)
    assert scan(room.system, THRESHOLDS).cleared == 1
    assert at(room, start + timedelta(days=10)) == set()  # back with the dispatcher: no limit runs


def test_an_event_in_progress_without_a_log_row_for_hours_is_stalled_until_it_moves(room):
    start = room.clock.now()
    ref = dispatched(room)
    ref = room.officer.acknowledge(ref.id, ref.version)
    room.clock.advance(minutes=5)
    ref = room.officer.start(ref.id, ref.version)
    assert (L.STALLED, STALLED) not in at(room, start + timedelta(hours=4, minutes=4, seconds=59))
    assert (L.STALLED, STALLED) in at(room, start + timedelta(hours=4, minutes=5))
    assert at(room, start + timedelta(hours=6)) == set()  # once for that last progress
    room.officer.add_assist(ref.id, ref.version, unit_id=room.other)
    room.clock.advance(minutes=1)
    assert scan(room.system, THRESHOLDS).cleared == 1
    assert (L.STALLED, STALLED) in at(room, start + timedelta(hours=10, minutes=1))


def test_after_a_gap_the_first_scan_raises_every_missed_alert_once_with_its_true_time(room):
    start = room.clock.now()
    ref = dispatched(room)
    room.clock.at = start + timedelta(days=2)
    result = scan(room.system, THRESHOLDS)
    assert {(a.level, a.kind) for a in result.raised} == {
        (lv, RESPONSE) for lv in (L.WARNING, L.REMINDER, L.SUPERVISION, L.LISTED, L.NOTICE)}
    assert [a.due_at - start for a in result.raised] == [timedelta(minutes=m) for m in (48, 60, 120, 180, 240)]
    assert all(a.late and a.raised_at == start + timedelta(days=2) for a in result.raised)
    assert "late" in result.raised[0].line()
    assert not scan(room.system, THRESHOLDS).raised
    assert version(room, ref.id) == ref.version  # the alerts did not move the event


def test_an_alert_raised_between_an_officers_read_and_write_does_not_make_the_write_stale(room):
    start = room.clock.now()
    ref = dispatched(room)  # the officer's console holds this version
    assert at(room, start + timedelta(minutes=61))
    ref = room.officer.acknowledge(ref.id, ref.version)  # not stale
    assert ref.version == version(room, ref.id)


def test_the_same_alert_is_raised_once_by_the_unique_constraint(room):
    start = room.clock.now()
    dispatched(room)
    room.clock.at = start + timedelta(minutes=50)
    with room.db.session() as s:
        (due,) = plan(s, room.clock.now(), THRESHOLDS).due
    other = Commands(room.db, Actor("scheduler", Role.SYSTEM, "second-server"), room.clock)
    assert room.system.raise_alert(due) is not None
    assert other.raise_alert(due) is None  # the constraint refused it; no log row either
    with pytest.raises(IntegrityError):
        with room.db.session() as s:
            s.add(Alert(event_id=due.event_id, level=due.level, kind=due.kind, deadline=due.deadline,
                        due_at=due.due_at, raised_at=room.clock.now()))
    assert_fold_equals(room.db, room.street.street_id, None, dump(room.db))


def test_acknowledging_listing_by_hand_and_the_fold_of_the_log(room):
    start = room.clock.now()
    ref = dispatched(room)
    room.clock.at = start + timedelta(minutes=61)
    warning = scan(room.system, THRESHOLDS).raised[0]
    room.officer.acknowledge_alert(warning.id, note="已电话催促执法中队")
    with pytest.raises(ValidationError):
        room.leader.acknowledge_alert(warning.id, note="")
    with pytest.raises(PermissionDeniedError):
        room.officer.list_event(ref.id, reason="群众反复投诉")
    listed = room.leader.list_event(ref.id, reason="群众反复投诉")
    assert listed.level == L.LISTED
    with pytest.raises(ValidationError):
        room.leader.list_event(ref.id, reason="再挂一次")
    with room.db.session() as s:
        alert = s.get(Alert, warning.id)
        assert (alert.acknowledged_by, alert.acknowledge_note) == ("zhangwei", "已电话催促执法中队")
    assert version(room, ref.id) == ref.version
    assert_fold_equals(room.db, room.street.street_id, None, dump(room.db))


def test_the_indexed_plan_equals_loading_every_open_event(room):
    start = room.clock.now()
    for n, priority in enumerate([Priority.NORMAL, Priority.URGENT, Priority.HIGH] * 2):
        ref = dispatched(room, priority)
        if n % 2:
            ref = room.officer.acknowledge(ref.id, ref.version)
            room.officer.start(ref.id, ref.version)
    for hours in (0.5, 1, 3, 6, 30, 100):
        now = start + timedelta(hours=hours)
        with room.db.session() as s:
            fast, naive = plan(s, now, THRESHOLDS), plan_naive(s, now, THRESHOLDS)
        assert fast == naive
        room.clock.at = now
        scan(room.system, THRESHOLDS)


def test_a_scanner_that_remembers_leaves_nothing_for_a_full_scan_to_do(room):
    """Between its full scans a Scanner looks only at the events the log touched and those whose
    next alert fell due; after each of its scans the stateless full plan finds nothing left."""
    start = room.clock.now()
    refs = [dispatched(room, priority) for priority in [Priority.NORMAL, Priority.URGENT, Priority.HIGH] * 2]
    scanner = Scanner(room.system, THRESHOLDS, full_every=timedelta(days=30))
    changes = {3: lambda r: room.officer.acknowledge(r.id, r.version),
               5: lambda r: room.officer.reassign(r.id, r.version, lead_unit_id=room.other, reason="属环卫职责"),
               9: lambda r: room.officer.start(r.id, r.version),
               12: lambda r: room.officer.return_(r.id, r.version, reason="不属本单位职责")}
    looked = []
    for step, minutes in enumerate([1, 6, 9, 20, 31, 45, 61, 90, 125, 200, 400, 800, 1500, 3000, 5000]):
        room.clock.at = start + timedelta(minutes=minutes)
        if step in changes:
            n = step % len(refs)
            with room.db.session() as s:
                event = s.get(Event, refs[n].id)
                refs[n] = type(refs[n])(event.id, event.code, event.version, event.status)
            refs[n] = changes[step](refs[n])
        result = scanner.scan()
        looked.append(result.looked_at)
        with room.db.session() as s:
            left = plan(s, room.clock.now(), THRESHOLDS)
        assert left.due == [] and left.clear == [], (step, left)
    assert looked[0] is None and all(n is not None and n < len(refs) + 1 for n in looked[1:]), looked
