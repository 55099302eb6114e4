"""Who performs a command, and from which console: written into every ``event_log`` row."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models.enums import Role
from commandroom.models.errors import PermissionDeniedError
from commandroom.models.org import User


@dataclass(frozen=True)
class Actor:
    login: str
    role: Role
    console: str = ""
    name: str = ""


SYSTEM = Actor(login="system", role=Role.SYSTEM, console="system", name="系统")


def signed_in(session: Session, login: str, console: str) -> Actor:
    """The actor a console's user acts as: the role comes from ``app_user``, read at each
    command, so a user disabled or given another role is taken at their word at once."""
    user = session.scalar(select(User).where(User.login == login))
    if user is None or not user.active:
        raise PermissionDeniedError(f"用户 {login} 不存在或已停用，不能操作",
                                    f"User {login} does not exist or is disabled; no command may be given")
    return Actor(login=user.login, role=user.role, console=console, name=user.name)
