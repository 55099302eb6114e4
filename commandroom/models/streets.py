"""Which street a room serves: a district database holds several, a console or a CLI command
works on one.

The street is named by its code (``--street 370102005``); with no code, the only street in the
database is meant, and with several the caller must say which (the CLI refuses, the console asks).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models.errors import ConfigError
from commandroom.models.org import Street


@dataclass(frozen=True)
class StreetInfo:
    """A frozen copy of a ``street`` row: safe to keep in settings and hand between threads."""

    id: int
    code: str
    name: str
    abbr: str

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


def list_streets(session: Session) -> list[StreetInfo]:
    """Every street in the database, by code."""
    stmt = select(Street.id, Street.code, Street.name, Street.abbr).order_by(Street.code)
    return [StreetInfo(*row) for row in session.execute(stmt)]


def resolve_street(session: Session, code: str = "") -> StreetInfo | None:
    """The street named by ``code``; with no code, the only one (None on a database without any).

    Refuses an unknown code, and no code when there are several streets: the caller names one.
    """
    streets = list_streets(session)
    if code:
        for street in streets:
            if street.code == code:
                return street
        zh, en = _listed(streets)
        raise ConfigError(f"数据库中没有编码为 {code} 的街道；现有：{zh or '（无）'}",
                          f"No street with code {code} in the database; it has: {en or '(none)'}")
    if len(streets) > 1:
        zh, en = _listed(streets)
        raise ConfigError(f"数据库中有 {len(streets)} 个街道：{zh}。请用 --street 指定",
                          f"The database holds {len(streets)} streets: {en}. Name one with --street")
    return streets[0] if streets else None


def room_street(session: Session, code: str = "") -> StreetInfo:
    """``resolve_street`` for a window or a report that needs a street: a database with none
    yet (a demo not generated, a generation stopped) is refused in words."""
    street = resolve_street(session, code)
    if street is None:
        raise ConfigError("数据库中还没有街道", "The database holds no street yet")
    return street


def _listed(streets: list[StreetInfo]) -> tuple[str, str]:
    names = [str(street) for street in streets]
    return "、".join(names), ", ".join(names)
