"""The administrator's accounts commands: add a user, set a password, disable a user. Each is a
``USER_CHANGE`` log row (``event_id`` NULL) that names the user and what changed, never the
password or its hash. ``first_admin`` is the one way in before any administrator exists."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models import passwords
from commandroom.models.actor import Actor
from commandroom.models.change import Change
from commandroom.models.commands.base import CommandBase, new_command_id
from commandroom.models.enums import Action, Role
from commandroom.models.errors import NotFoundError, PermissionDeniedError, ValidationError
from commandroom.models.lifecycle import check_role
from commandroom.models.org import User

LOGIN_PATTERN = re.compile(r"[A-Za-z0-9_.\-]{2,32}")
# Roles a person may be given: "system" is the programs' own.
ASSIGNABLE = (Role.DUTY_OFFICER, Role.SHIFT_LEADER, Role.DISPLAY, Role.ADMIN)


@dataclass(frozen=True)
class UserRow:
    login: str
    name: str
    role: Role
    active: bool
    has_password: bool
    locked_until: datetime | None
    last_sign_in: datetime | None


def list_users(session: Session) -> list[UserRow]:
    stmt = select(User).where(User.role != Role.SYSTEM).order_by(User.login)
    return [UserRow(u.login, u.name, u.role, u.active, bool(u.password_hash), u.locked_until,
                    u.last_sign_in) for u in session.scalars(stmt)]


def check_login(login: str) -> str:
    if not LOGIN_PATTERN.fullmatch(login):
        raise ValidationError(f"登录名应为 2～32 个字母、数字或 _ . -：{login!r}",
                              f"A login is 2 to 32 letters, digits, _ . or -: {login!r}")
    return login


def check_name(name: str) -> str:
    name = name.strip()
    if not 1 <= len(name) <= 32:
        raise ValidationError("姓名应为 1～32 个字", "A name is 1 to 32 characters")
    return name


class UserCommands(CommandBase):
    def add_user(self, *, login: str, name: str, role: Role | str, password: str = "") -> None:
        check_role(Action.USER_CHANGE, self.actor.role)
        self._add(login, name, role, password)

    def set_password(self, *, login: str, password: str) -> None:
        """A new password; it also lifts a lockout."""
        check_role(Action.USER_CHANGE, self.actor.role)
        hashed = passwords.hash_password(password)
        with self.db.writing() as session:
            user = self._user(session, login)
            user.password_hash, user.failed_count, user.locked_until = hashed, 0, None
            self._log_user(session, op="passwd", login=login)

    def disable_user(self, *, login: str) -> None:
        check_role(Action.USER_CHANGE, self.actor.role)
        if login == self.actor.login:
            raise ValidationError("不能停用自己的账户", "You cannot disable your own account")
        with self.db.writing() as session:
            user = self._user(session, login)
            if not user.active:
                raise ValidationError(f"用户 {login} 已停用", f"User {login} is already disabled")
            user.active = False
            self._log_user(session, op="disable", login=login)

    def _add(self, login: str, name: str, role, password: str) -> None:
        login, name = check_login(login), check_name(name)
        role = Role(role) if not isinstance(role, Role) and role in {r.value for r in Role} else role
        if role not in ASSIGNABLE:
            choices = "、".join(f"{r.value}（{r.label}）" for r in ASSIGNABLE)
            raise ValidationError(f"角色应为：{choices}", f"The role must be one of: {', '.join(r.value for r in ASSIGNABLE)}")
        hashed = passwords.hash_password(password) if password else ""
        with self.db.writing() as session:
            if session.scalar(select(User.id).where(User.login == login)) is not None:
                raise ValidationError(f"登录名 {login} 已存在", f"The login {login} exists already")
            session.add(User(login=login, name=name, role=role, active=True, password_hash=hashed))
            self._log_user(session, op="add", login=login, name=name, role=role.value)

    def _user(self, session: Session, login: str) -> User:
        user = session.scalar(select(User).where(User.login == login))
        if user is None or user.role == Role.SYSTEM:
            raise NotFoundError(f"没有用户 {login}", f"No user {login}")
        return user

    def _log_user(self, session: Session, **info) -> None:
        session.flush()
        street_id = self.street_id
        self._record(session, None, Action.USER_CHANGE, self.clock.now(), Change(info=info),
                     new_command_id(), street_id=street_id)


def first_admin(db, *, login: str, name: str, password: str, console: str, clock=None) -> Actor:
    """The first run's administrator; refused once any administrator can sign in."""
    from commandroom.models.signin import needs_first_admin

    with db.session() as session:
        if not needs_first_admin(session):
            raise PermissionDeniedError("已有管理员，请由管理员添加用户", "An administrator exists; ask them to add users")
    passwords.check_strength(password)  # the first administrator must be able to sign in
    actor = Actor(login=check_login(login), role=Role.ADMIN, console=console, name=name)
    commands = UserCommands(db, actor, clock)
    with db.writing() as session:
        user = session.scalar(select(User).where(User.login == login))
        if user is not None:
            # An administrator's account without a password (the demo street has one) is
            # claimed by setting its password; any other existing login is refused.
            if user.role != Role.ADMIN or user.password_hash:
                raise ValidationError(f"登录名 {login} 已存在", f"The login {login} exists already")
            user.password_hash, user.active = passwords.hash_password(password), True
            commands._log_user(session, op="first_admin", login=login)
            return actor
    commands._add(login, name, Role.ADMIN, password)
    return actor
