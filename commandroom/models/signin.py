"""Signing in: the password checked against its hash, wrong tries counted and the account locked
for a while at the limit, and every sign-in and failure in ``event_log`` (``event_id`` NULL).

A failure is written and committed before it is refused, so the log keeps every try. The
message never says whether a login exists: "wrong user or password" for both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models import passwords
from commandroom.models.actor import Actor
from commandroom.models.change import Change
from commandroom.models.clock import Clock
from commandroom.models.commands.base import CommandBase, new_command_id
from commandroom.models.db import Database
from commandroom.models.enums import Action, Role
from commandroom.models.errors import PermissionDeniedError
from commandroom.models.org import Street, User

LOGIN_MAX = 32  # app_user.login and event_log.actor


@dataclass(frozen=True)
class SignInPolicy:
    """How many wrong passwords in a row lock an account, and for how long (config.py)."""

    max_failures: int = 5
    lock_minutes: int = 15


@dataclass(frozen=True)
class SignInRefusal:
    zh: str
    en: str
    reason: str  # for the log: unknown, disabled, locked, wrong, no_password, role


def sign_in(db: Database, login: str, password: str, *, console: str, street_id: int | None,
            clock: Clock | None = None, policy: SignInPolicy = SignInPolicy()) -> Actor:
    """The actor ``login`` acts as, once the password matches; refused otherwise (logged)."""
    clock = clock or Clock()
    now = clock.now()
    login = login.strip()[:LOGIN_MAX]
    with db.writing() as session:
        user = session.scalar(select(User).where(User.login == login))
        refusal = _check(user, password, now, policy)
        if refusal is None:
            user.failed_count, user.locked_until, user.last_sign_in = 0, None, now
            if passwords.needs_rehash(user.password_hash):
                user.password_hash = passwords.hash_password(password)
            _log(session, db, clock, _actor(user, console), Action.SIGN_IN, street_id, method="password")
            return _actor(user, console)
        who = Actor(login=login, role=user.role if user else Role.DUTY_OFFICER, console=console)
        _log(session, db, clock, who, Action.SIGN_IN_FAILED, street_id, reason=refusal.reason)
    raise PermissionDeniedError(refusal.zh, refusal.en)


def sign_in_without_password(db: Database, login: str, *, console: str, street_id: int | None,
                             method: str, role: Role | None = None,
                             clock: Clock | None = None) -> Actor:
    """The wall (``role`` DISPLAY, from a setting) or a demo's ``--user``: no dialog, still
    logged. The user must exist, be active, and have ``role`` when one is required."""
    clock = clock or Clock()
    with db.writing() as session:
        user = session.scalar(select(User).where(User.login == login))
        if user is None or not user.active:
            raise PermissionDeniedError(f"用户 {login} 不存在或已停用", f"User {login} does not exist or is disabled")
        if role is not None and user.role != role:
            raise PermissionDeniedError(
                f"大屏只能以「{role.label}」角色的用户登录，{login} 是「{user.role.label}」",
                f"The wall signs in only as a {role.value} user; {login} is a {user.role.value}")
        user.last_sign_in = clock.now()
        actor = _actor(user, console)
        _log(session, db, clock, actor, Action.SIGN_IN, street_id, method=method)
        return actor


def is_demo(session: Session, street_id: int | None) -> bool:
    """The database says the room's street is the generated demo (``street.demo``)."""
    stmt = select(Street.demo)
    stmt = stmt.where(Street.id == street_id) if street_id is not None else stmt.order_by(Street.id)
    return bool(session.scalar(stmt.limit(1)))


def needs_first_admin(session: Session) -> bool:
    """No active administrator can sign in: the first run asks for one."""
    stmt = select(User.id).where(User.role == Role.ADMIN, User.active.is_(True), User.password_hash != "")
    return session.scalar(stmt.limit(1)) is None


def known_logins(session: Session) -> list[str]:
    """Who may sign in at a console (active, with a password, not the wall's display user)."""
    stmt = (select(User.login).where(User.active.is_(True), User.password_hash != "",
                                     User.role != Role.DISPLAY).order_by(User.login))
    return list(session.scalars(stmt))


def _check(user: User | None, password: str, now: datetime, policy: SignInPolicy) -> SignInRefusal | None:
    wrong = ("用户名或密码错误", "Wrong user name or password")
    if user is None:
        return SignInRefusal(*wrong, "unknown")
    if not user.active:
        return SignInRefusal("该账户已停用，请联系管理员", "This account is disabled; ask the administrator",
                             "disabled")
    if user.locked_until is not None and user.locked_until > now:
        return _locked(user.locked_until)
    if user.role == Role.SYSTEM:
        return SignInRefusal(*wrong, "role")
    if not user.password_hash:
        return SignInRefusal("该账户还没有密码，请管理员设置（commandroom user passwd）",
                             "This account has no password yet; the administrator sets one "
                             "(commandroom user passwd)", "no_password")
    if passwords.verify(user.password_hash, password):
        return None
    user.failed_count += 1
    if user.failed_count >= policy.max_failures:
        user.failed_count = 0
        user.locked_until = now + timedelta(minutes=policy.lock_minutes)
        return _locked(user.locked_until)
    left = policy.max_failures - user.failed_count
    return SignInRefusal(f"用户名或密码错误（再错 {left} 次将锁定账户）",
                         f"Wrong user name or password ({left} more and the account is locked)", "wrong")


def _locked(until: datetime) -> SignInRefusal:
    return SignInRefusal(f"密码错误次数过多，账户已锁定至 {until:%H:%M}",
                         f"Too many wrong passwords: the account is locked until {until:%H:%M}", "locked")


def _actor(user: User, console: str) -> Actor:
    return Actor(login=user.login, role=user.role, console=console, name=user.name)


def _log(session: Session, db: Database, clock: Clock, actor: Actor, action: Action,
         street_id: int | None, **info) -> None:
    writer = CommandBase(db, actor, clock, street_id=street_id)
    writer._record(session, None, action, clock.now(), Change(info=info), new_command_id(),
                   street_id=street_id)


def display_logins(session: Session) -> list[str]:
    """The active display-role users (the wall signs in as one of them, without a password)."""
    stmt = select(User.login).where(User.active.is_(True), User.role == Role.DISPLAY).order_by(User.login)
    return list(session.scalars(stmt))
