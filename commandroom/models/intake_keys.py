"""API keys of the intake's clients (the 12345 platform, patrol and photo apps): added and
revoked by an administrator, stored hashed, checked on every report.

A key is 32 random bytes (``secrets.token_urlsafe``), shown once when it is made. Only its
SHA-256 is kept: a key that random cannot be found from its hash by trying guesses, so a slow
password hash (bcrypt, argon2) would add nothing but a few milliseconds to every report.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from commandroom.models.base import Base
from commandroom.models.errors import NotFoundError, ValidationError

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
PREFIX = "cr_"  # so a key pasted into the wrong place is recognisable


class IntakeClient(Base):
    __tablename__ = "intake_client"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    key_hint: Mapped[str] = mapped_column(String(12))  # the key's first characters, for `list`
    # The street a report without a location or jurisdiction goes to (None: the only street).
    street_id: Mapped[int | None] = mapped_column(ForeignKey("street.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)


@dataclass(frozen=True)
class ClientInfo:
    name: str
    key_hint: str
    street_id: int | None
    created_at: datetime
    revoked_at: datetime | None


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def add_client(session: Session, name: str, now: datetime, *, street_id: int | None = None) -> str:
    """A new client and its key (returned once; only its hash is stored)."""
    if not NAME.match(name or ""):
        raise ValidationError(
            f"客户端名称只能由字母、数字、_ . - 组成（至多 64 个字符）：{name!r}",
            f"A client name is letters, digits, _ . - (at most 64 characters): {name!r}")
    if session.scalar(select(IntakeClient.id).where(IntakeClient.name == name)) is not None:
        raise ValidationError(f"客户端「{name}」已存在（名称不可重复使用）",
                              f"Client {name!r} exists already (a name is never reused)")
    key = PREFIX + secrets.token_urlsafe(32)
    session.add(IntakeClient(name=name, key_hash=hash_key(key), key_hint=key[:10],
                             street_id=street_id, created_at=now))
    session.flush()
    return key


def revoke_client(session: Session, name: str, now: datetime) -> None:
    client = session.scalar(select(IntakeClient).where(IntakeClient.name == name))
    if client is None:
        raise NotFoundError(f"没有名为「{name}」的客户端", f"No client named {name!r}")
    if client.revoked_at is None:
        client.revoked_at = now


def list_clients(session: Session) -> list[ClientInfo]:
    rows = session.scalars(select(IntakeClient).order_by(IntakeClient.name))
    return [ClientInfo(c.name, c.key_hint, c.street_id, c.created_at, c.revoked_at) for c in rows]


def client_for_key(session: Session, key: str) -> ClientInfo | None:
    """The active client whose key this is; None for no, a wrong or a revoked key."""
    if not key:
        return None
    client = session.scalar(select(IntakeClient).where(IntakeClient.key_hash == hash_key(key)))
    if client is None or client.revoked_at is not None:
        return None
    return ClientInfo(client.name, client.key_hint, client.street_id, client.created_at, None)
