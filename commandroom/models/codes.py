"""Event codes (YJ20261121-0007): the street's prefix, the day, a number that counts up.

The number comes from a counter row per street and day, taken with one atomic
``INSERT … ON CONFLICT DO UPDATE … RETURNING`` in the same transaction as the new event. The
row lock it takes makes concurrent writers (consoles, the intake server, on SQLite or on
PostgreSQL) wait for each other instead of reading the same ``max(code)`` and colliding.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, bindparam, case, cast, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, Session, mapped_column

from commandroom.models.base import Base
from commandroom.models.events import Event
from commandroom.models.org import Street


class CodeCounter(Base):
    __tablename__ = "code_counter"

    stem: Mapped[str] = mapped_column(String(32), primary_key=True)  # "YJ20261121-"
    last: Mapped[int] = mapped_column(Integer)


def code_stem(prefix: str, day: datetime) -> str:
    return f"{prefix}{day:%Y%m%d}-"


def format_code(stem: str, number: int) -> str:
    return f"{stem}{number:04d}"


def _upsert(session: Session):
    """An INSERT into the counters that can take ``ON CONFLICT`` (both backends spell it alike)."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    return dialect.insert(CodeCounter)


def _next_numbers(dialect) -> object:
    """Take ``n`` numbers at once: the counter moves up by ``n`` and says where it ends."""
    stmt = dialect.insert(CodeCounter.__table__).values(stem=bindparam("stem"), last=bindparam("n"))
    return stmt.on_conflict_do_update(
        index_elements=[CodeCounter.stem], set_={"last": CodeCounter.last + stmt.excluded.last}
    ).returning(CodeCounter.last)


# Built once: a storm of receives reuses the compiled statement (bench/bench_intake.py).
_NEXT_NUMBERS = {"sqlite": _next_numbers(sqlite), "postgresql": _next_numbers(postgresql)}


def next_code(session: Session, prefix: str, now: datetime) -> str:
    """The street's next event code of the day, taken in the caller's transaction."""
    return next_codes(session, prefix, now, 1)[0]


def next_codes(session: Session, prefix: str, now: datetime, count: int) -> list[str]:
    """The street's next ``count`` event codes of the day, in order, with one statement (the
    intake's group commit takes a batch's codes together)."""
    stem = code_stem(prefix, now)
    conn = session.connection()
    last = conn.execute(_NEXT_NUMBERS[conn.dialect.name], {"stem": stem, "n": count}).scalar_one()
    return [format_code(stem, number) for number in range(last - count + 1, last + 1)]


def seed_counters(session: Session) -> None:
    """Move every counter up to the highest number already used under its stem, in one statement.

    Events written without ``next_code`` (the demo generator's bulk history, an import) leave
    the counters behind their codes; after them the next ``receive`` would reissue a code. A
    counter is never moved down. Codes are read as the street's prefix, the day and the number
    after it, so numbers past 9999 count too.
    """
    stem_len = func.length(Street.abbr) + len("20261121-")
    stem = func.substr(Event.code, 1, stem_len)
    number = cast(func.substr(Event.code, stem_len + 1), Integer)
    used = (
        select(stem, func.max(number))
        .join(Street, Street.id == Event.street_id)
        .where(Event.code.like(Street.abbr + "________-%"))
        .group_by(stem)
    )
    stmt = _upsert(session).from_select(["stem", "last"], used)
    higher = case((stmt.excluded.last > CodeCounter.last, stmt.excluded.last), else_=CodeCounter.last)
    session.execute(stmt.on_conflict_do_update(index_elements=[CodeCounter.stem], set_={"last": higher}))
