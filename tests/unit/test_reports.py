"""The call queue's commands on a real database (SQLite and PostgreSQL): take and release a report,
the lock against other consoles and its lapse when the holder goes quiet, two consoles taking at
once, answer on the spot."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from commandroom.models import ConsolePresence, Event, EventLog, User
from commandroom.models.actor import Actor
from commandroom.models.commands import Commands
from commandroom.models.enums import Action, Role, Source, Status
from commandroom.models.errors import (
    HeldError,
    IllegalTransitionError,
    PermissionDeniedError,
    ValidationError,
)
from commandroom.models.presence import QUIET_AFTER
from tests import street_fixture

ZHANG = Actor("zhangwei", Role.DUTY_OFFICER, "console-1", "张伟")
LI = Actor("lina", Role.DUTY_OFFICER, "console-2", "李娜")


@pytest.fixture
def room(db, clock):
    street = street_fixture.build(db)
    with db.session() as s:
        s.add_all([User(login=a.login, name=a.name, role=a.role) for a in (ZHANG, LI)])

    class Room:
        pass

    r = Room()
    r.db, r.clock, r.street = db, clock, street
    r.zhang, r.li = Commands(db, ZHANG, clock), Commands(db, LI, clock)
    return r


def report(r, **kw):
    lat, lon = r.street.inside
    args = dict(source=Source.HOTLINE_12345, title="咨询居住证办理", lat=lat, lon=lon,
                reporter_name="王芳", reporter_phone="13812341234") | kw
    return r.zhang.receive(**args)


def event(db, event_id) -> Event:
    with db.session() as s:
        return s.get(Event, event_id)


def logs(db, event_id) -> list[EventLog]:
    with db.session() as s:
        return s.scalars(select(EventLog).where(EventLog.event_id == event_id).order_by(EventLog.id)).all()


def test_take_locks_the_report_to_the_console_and_the_others_are_told_who(room):
    ref = report(room)
    taken = room.zhang.take(ref.id, ref.version)
    assert (taken.status, taken.version, taken.taken_from) == (Status.RECEIVED, ref.version + 1, "")
    ev = event(room.db, ref.id)
    assert (ev.taken_by, ev.taken_console, ev.taken_at) == ("zhangwei", "console-1", room.clock.now())
    for attempt in (lambda: room.li.register(ref.id, taken.version, category_code="CG01"),
                    lambda: room.li.reject(ref.id, taken.version, reason="重复"),
                    lambda: room.li.answer(ref.id, taken.version, text="已答复"),
                    lambda: room.li.merge(ref.id, taken.version, into_id=report(room).id),
                    lambda: room.li.take(ref.id, taken.version),
                    lambda: room.li.release(ref.id, taken.version)):
        with pytest.raises(HeldError) as err:
            attempt()
        assert str(err.value) == "该报告正由 张伟（console-1）处理"
        assert err.value.en == "This report is being handled by 张伟 (console-1)"
    other = report(room)  # merging another report INTO the held one is refused too
    with pytest.raises(HeldError):
        room.li.merge(other.id, other.version, into_id=ref.id)
    assert event(room.db, ref.id).version == taken.version  # nothing written
    # The holder decides; the lock goes with the report out of the queue.
    done = room.zhang.register(ref.id, taken.version, category_code="CG01")
    ev = event(room.db, ref.id)
    assert done.status == Status.REGISTERED and (ev.taken_by, ev.taken_console, ev.taken_at) == ("", "", None)


def test_a_stale_view_of_a_held_report_names_the_holder_not_reload(room):
    ref = report(room)
    room.zhang.take(ref.id, ref.version)
    with pytest.raises(HeldError):
        room.li.register(ref.id, ref.version, category_code="CG01")  # li saw the version before


def test_release_by_the_holder_frees_the_report(room):
    ref = report(room)
    with pytest.raises(ValidationError) as err:
        room.zhang.release(ref.id, ref.version)
    assert "没有人接手" in str(err.value)
    room.zhang.take(ref.id, ref.version)
    with pytest.raises(ValidationError) as err:
        room.zhang.take(ref.id, ref.version)
    assert "已在本值班台接手" in str(err.value)
    released = room.zhang.release(ref.id, ref.version)
    assert released.version == ref.version + 2
    assert room.li.take(ref.id, released.version).taken_from == ""
    assert [log.action for log in logs(room.db, ref.id)] == [Action.RECEIVE, Action.TAKE, Action.RELEASE,
                                                            Action.TAKE]
    assert logs(room.db, ref.id)[-1].console == "console-2"


def test_a_quiet_console_loses_its_lock_and_the_take_says_from_whom(room):
    ref = report(room)
    room.zhang.take(ref.id, ref.version)  # a take counts as a heartbeat
    room.clock.advance(seconds=QUIET_AFTER.total_seconds())
    with pytest.raises(HeldError):
        room.li.take(ref.id, ref.version)  # exactly the limit: still alive
    room.zhang.heartbeat()
    room.clock.advance(seconds=QUIET_AFTER.total_seconds() + 1)
    taken = room.li.take(ref.id, ref.version)
    assert (taken.taken_from, taken.taken_from_console) == ("张伟", "console-1")
    assert logs(room.db, ref.id)[-1].payload["info"] == {"taken_from": "zhangwei",
                                                         "taken_from_console": "console-1"}
    assert event(room.db, ref.id).taken_console == "console-2"


def test_a_quiet_holder_does_not_block_a_decision(room):
    ref = report(room)
    taken = room.zhang.take(ref.id, ref.version)
    room.clock.advance(seconds=QUIET_AFTER.total_seconds() + 1)
    assert room.li.reject(ref.id, taken.version, reason="不属于本街道").status == Status.REJECTED


def test_signing_off_frees_the_consoles_reports_at_once(room):
    ref = report(room)
    room.zhang.take(ref.id, ref.version)
    room.zhang.sign_off()
    assert room.li.take(ref.id, ref.version).taken_from == "张伟"


def test_quiet_after_is_the_commands_to_set(room):
    ref = report(room)
    room.zhang.take(ref.id, ref.version)
    room.clock.advance(seconds=11)
    impatient = Commands(room.db, LI, room.clock, quiet_after=QUIET_AFTER / 9)
    assert impatient.take(ref.id, ref.version).taken_from == "张伟"


def test_heartbeat_is_one_row_per_console_and_no_log(room):
    room.zhang.heartbeat()
    room.clock.advance(seconds=15)
    room.zhang.heartbeat()
    with room.db.session() as s:
        rows = s.execute(select(ConsolePresence.console, ConsolePresence.login, ConsolePresence.last_seen)).all()
        log_rows = s.scalar(select(func.count()).select_from(EventLog))
    assert rows == [("console-1", "zhangwei", room.clock.now())]
    assert log_rows == 0


def test_take_needs_a_console_name_and_an_operator(room):
    ref = report(room)
    with pytest.raises(ValidationError) as err:
        Commands(room.db, Actor("x", Role.DUTY_OFFICER, ""), room.clock).take(ref.id, ref.version)
    assert "COMMANDROOM_CONSOLE" in str(err.value)
    with pytest.raises(PermissionDeniedError):
        Commands(room.db, Actor("wall", Role.DISPLAY, "wall"), room.clock).take(ref.id, ref.version)
    registered = room.zhang.register(ref.id, ref.version, category_code="CG01")
    with pytest.raises(IllegalTransitionError):
        room.zhang.take(ref.id, registered.version)


def test_answer_on_the_spot_closes_without_dispatch(room):
    ref = report(room)
    with pytest.raises(ValidationError) as err:
        room.zhang.answer(ref.id, ref.version, text="  ")
    assert "答复内容" in str(err.value)
    done = room.zhang.answer(ref.id, ref.version, text="居住证在便民服务中心办理，带身份证和租房合同")
    ev = event(room.db, ref.id)
    assert done.status == Status.ANSWERED and ev.answer.startswith("居住证")
    assert ev.closed_at == room.clock.now() and ev.registered_at is None and ev.first_dispatched_at is None
    with pytest.raises(IllegalTransitionError):
        room.zhang.register(ref.id, done.version, category_code="CG01")


def test_two_consoles_taking_at_once_exactly_one_wins(room):
    """Many rounds of two threads released together on the same report: one take, one refusal
    that names the winner, never two takes, never a database error."""
    for _ in range(8):
        ref = report(room)
        start = threading.Barrier(2)
        results: dict[str, object] = {}

        def take(name, cmds):
            start.wait()
            try:
                results[name] = cmds.take(ref.id, ref.version)
            except Exception as exc:  # noqa: BLE001 - collected and checked below
                results[name] = exc

        threads = [threading.Thread(target=take, args=a) for a in (("zhang", room.zhang), ("li", room.li))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        wins = [n for n, r in results.items() if not isinstance(r, Exception)]
        assert len(wins) == 1, results
        loser = ({"zhang", "li"} - set(wins)).pop()
        winner_name = {"zhang": "张伟（console-1）", "li": "李娜（console-2）"}[wins[0]]
        assert isinstance(results[loser], HeldError) and winner_name in str(results[loser])
        assert [log.action for log in logs(room.db, ref.id)] == [Action.RECEIVE, Action.TAKE]
