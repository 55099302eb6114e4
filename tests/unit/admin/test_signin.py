"""Sign-in: right, wrong, locked, disabled; every try in the log; the first administrator."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from commandroom.models import EventLog, User
from commandroom.models.actor import Actor
from commandroom.models.commands import Commands
from commandroom.models.commands.users import first_admin
from commandroom.models.enums import Action, Role
from commandroom.models.errors import PermissionDeniedError, ValidationError
from commandroom.models.signin import SignInPolicy, is_demo, needs_first_admin, sign_in, sign_in_without_password
from tests import street_fixture

PASSWORD = "correct horse"


@pytest.fixture
def room(db, clock):
    tiny = street_fixture.build(db)
    admin = first_admin(db, login="admin", name="管理员", password="admin pass 1", console="c1", clock=clock)
    cmds = Commands(db, admin, clock, street_id=tiny.street_id)
    cmds.add_user(login="zhangwei", name="张伟", role="duty_officer", password=PASSWORD)
    return tiny, cmds


def log_rows(db, action: Action):
    with db.session() as s:
        return [(r.actor, r.payload.get("info", {})) for r in s.scalars(
            select(EventLog).where(EventLog.action == action).order_by(EventLog.id))]


def test_the_right_password_signs_in_and_is_logged(db, clock, room):
    tiny, _ = room
    actor = sign_in(db, "zhangwei", PASSWORD, console="c1", street_id=tiny.street_id, clock=clock)
    assert (actor.login, actor.role, actor.name) == ("zhangwei", Role.DUTY_OFFICER, "张伟")
    assert log_rows(db, Action.SIGN_IN) == [("zhangwei", {"method": "password"})]
    with db.session() as s:
        user = s.scalar(select(User).where(User.login == "zhangwei"))
        assert user.password_hash.startswith("$argon2id$") and PASSWORD not in user.password_hash
        assert user.last_sign_in == clock.now()


@pytest.mark.parametrize("login,password", [("zhangwei", "wrong password"), ("nobody", PASSWORD)])
def test_a_wrong_password_or_user_is_refused_alike_and_logged(db, clock, room, login, password):
    tiny, _ = room
    with pytest.raises(PermissionDeniedError) as err:
        sign_in(db, login, password, console="c1", street_id=tiny.street_id, clock=clock)
    assert "用户名或密码错误" in err.value.zh and "Wrong user name or password" in err.value.en
    [(actor, info)] = log_rows(db, Action.SIGN_IN_FAILED)
    assert actor == login and info["reason"] in ("wrong", "unknown")
    assert log_rows(db, Action.SIGN_IN) == []


def test_several_wrong_tries_lock_the_account_for_a_while(db, clock, room):
    tiny, _ = room
    policy = SignInPolicy(max_failures=3, lock_minutes=15)
    for _ in range(3):
        with pytest.raises(PermissionDeniedError):
            sign_in(db, "zhangwei", "wrong password", console="c1", street_id=tiny.street_id, clock=clock, policy=policy)
    with pytest.raises(PermissionDeniedError, match="锁定"):  # even the right one, while locked
        sign_in(db, "zhangwei", PASSWORD, console="c1", street_id=tiny.street_id, clock=clock, policy=policy)
    assert [i["reason"] for _, i in log_rows(db, Action.SIGN_IN_FAILED)] == ["wrong", "wrong", "locked", "locked"]
    clock.advance(minutes=16)
    assert sign_in(db, "zhangwei", PASSWORD, console="c1", street_id=tiny.street_id, clock=clock, policy=policy)


def test_a_new_password_lifts_the_lock(db, clock, room):
    tiny, cmds = room
    policy = SignInPolicy(max_failures=1, lock_minutes=60)
    with pytest.raises(PermissionDeniedError):
        sign_in(db, "zhangwei", "wrong password", console="c1", street_id=tiny.street_id, clock=clock, policy=policy)
    cmds.set_password(login="zhangwei", password="another one 2")
    assert sign_in(db, "zhangwei", "another one 2", console="c1", street_id=tiny.street_id, clock=clock).login == "zhangwei"


def test_a_disabled_user_cannot_sign_in(db, clock, room):
    tiny, cmds = room
    cmds.disable_user(login="zhangwei")
    with pytest.raises(PermissionDeniedError, match="停用"):
        sign_in(db, "zhangwei", PASSWORD, console="c1", street_id=tiny.street_id, clock=clock)
    assert [i for _, i in log_rows(db, Action.USER_CHANGE)][-1] == {"op": "disable", "login": "zhangwei"}


def test_only_an_admin_manages_users_and_no_password_reaches_the_log(db, clock, room):
    tiny, _ = room
    officer = Commands(db, Actor("zhangwei", Role.DUTY_OFFICER, "c1"), clock, street_id=tiny.street_id)
    with pytest.raises(PermissionDeniedError):
        officer.add_user(login="x1", name="某", role="admin", password="whatever 12")
    with db.session() as s:
        payloads = [str(p) for p in s.scalars(select(EventLog.payload))]
    assert not any(PASSWORD in p or "argon2" in p for p in payloads)


def test_short_passwords_and_bad_logins_are_refused(db, clock, room):
    _, cmds = room
    with pytest.raises(ValidationError, match="至少"):
        cmds.add_user(login="liming", name="李明", role="shift_leader", password="short")
    with pytest.raises(ValidationError, match="登录名"):
        cmds.add_user(login="李明", name="李明", role="shift_leader", password="long enough 1")
    with pytest.raises(ValidationError, match="已存在"):
        cmds.add_user(login="zhangwei", name="张伟", role="duty_officer", password="long enough 1")


def test_the_first_administrator_is_asked_once(db, clock):
    street_fixture.build(db)
    with db.session() as s:
        assert needs_first_admin(s)
    first_admin(db, login="admin", name="管理员", password="admin pass 1", console="c1", clock=clock)
    with db.session() as s:
        assert not needs_first_admin(s)
    with pytest.raises(PermissionDeniedError):
        first_admin(db, login="admin2", name="又一个", password="admin pass 2", console="c1", clock=clock)


def test_the_wall_signs_in_as_a_display_user_only(db, clock, room):
    tiny, cmds = room
    cmds.add_user(login="wall", name="大屏", role="display")
    actor = sign_in_without_password(db, "wall", console="wall", street_id=tiny.street_id, method="wall",
                                     role=Role.DISPLAY, clock=clock)
    assert actor.role == Role.DISPLAY
    with pytest.raises(PermissionDeniedError, match="大屏"):
        sign_in_without_password(db, "zhangwei", console="wall", street_id=tiny.street_id, method="wall",
                                 role=Role.DISPLAY, clock=clock)
    assert log_rows(db, Action.SIGN_IN)[-1] == ("wall", {"method": "wall"})


def test_only_the_generated_street_is_a_demo(db, room):
    tiny, _ = room
    with db.session() as s:
        assert not is_demo(s, tiny.street_id)


def test_the_first_administrator_may_claim_an_admin_account_without_a_password(db, clock):
    from commandroom.models import User

    street_fixture.build(db)
    with db.session() as s:
        s.add_all([User(login="admin", name="系统管理员", role=Role.ADMIN),
                   User(login="duty", name="林俊建", role=Role.DUTY_OFFICER)])
    with pytest.raises(ValidationError, match="已存在"):
        first_admin(db, login="duty", name="某", password="admin pass 1", console="c1", clock=clock)
    first_admin(db, login="admin", name="系统管理员", password="admin pass 1", console="c1", clock=clock)
    assert sign_in(db, "admin", "admin pass 1", console="c1", street_id=None, clock=clock).role == Role.ADMIN
