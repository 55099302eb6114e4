"""Event codes (YJ20261121-0007): the street's prefix, the day, a number that counts up.

The number comes from a counter row per street and day, taken with one atomic
``INSERT … ON CONFLICT DO UPDATE … RETURNING`` in the same transaction as the new event. The
row lock it takes makes concurrent writers (consoles, the intake server, on SQLite or on
PostgreSQL) wait for each other instead of reading the same ``max(code)`` and colliding.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, Session, mapped_column

from commandroom.models.base import Base


class CodeCounter(Base):
    __tablename__ = "code_counter"

    stem: Mapped[str] = mapped_column(String(32), primary_key=True)  # "YJ20261121-"
    last: Mapped[int] = mapped_column(Integer)


def code_stem(prefix: str, day: datetime) -> str:
    return f"{prefix}{day:%Y%m%d}-"


def format_code(stem: str, number: int) -> str:
    return f"{stem}{number:04d}"


def next_code(session: Session, prefix: str, now: datetime) -> str:
    """The street's next event code of the day, taken in the caller's transaction."""
    stem = code_stem(prefix, now)
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(CodeCounter).values(stem=stem, last=1)
    stmt = stmt.on_conflict_do_update(
        index_elements=[CodeCounter.stem], set_={"last": CodeCounter.last + 1}
    ).returning(CodeCounter.last)
    return format_code(stem, session.execute(stmt).scalar_one())
