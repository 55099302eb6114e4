"""Which consoles are alive: a small table each console refreshes (``heartbeat``) every
``HEARTBEAT_EVERY`` while it runs, and leaves (``sign_off``) when it closes.

It is not an event matter and is not logged: a console's liveness only decides whether the
reports it has taken (``models/hold.py``) are still locked to it. A console that has not been
seen for ``QUIET_AFTER`` (closed, crashed, its network lost) is *quiet*: its reports may be taken
by another console, and the take says from whom. Times are the street's wall clock, as the
commands' (``Clock``), so a quiet console is judged by the clock that stamped its heartbeats.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import DateTime, ForeignKey, String, delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, Session, mapped_column

from commandroom.models.base import Base

HEARTBEAT_EVERY = timedelta(seconds=15)
# Six heartbeats missed: long enough for a busy network or a paused VM, short enough that a
# ringing report is not stuck behind a dead console for long.
QUIET_AFTER = timedelta(seconds=90)


class ConsolePresence(Base):
    __tablename__ = "console_presence"

    console: Mapped[str] = mapped_column(String(64), primary_key=True)
    login: Mapped[str] = mapped_column(String(32))
    street_id: Mapped[int | None] = mapped_column(ForeignKey("street.id"))
    last_seen: Mapped[datetime] = mapped_column(DateTime)


def is_quiet(last_seen: datetime | None, now: datetime, quiet_after: timedelta = QUIET_AFTER) -> bool:
    """Not seen for ``quiet_after`` (or never, or signed off): its locks have lapsed."""
    return last_seen is None or now - last_seen > quiet_after


def heartbeat(session: Session, *, console: str, login: str, street_id: int | None,
              now: datetime) -> None:
    """Record that ``console`` is alive at ``now`` (one upsert, safe when two race)."""
    dialect = session.get_bind().dialect.name
    insert = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(ConsolePresence)
    stmt = insert.values(console=console, login=login, street_id=street_id, last_seen=now)
    session.execute(stmt.on_conflict_do_update(
        index_elements=[ConsolePresence.console],
        set_=dict(login=login, street_id=street_id, last_seen=now)))


def sign_off(session: Session, *, console: str) -> None:
    """The console closes: it is quiet at once, so its reports need not wait ``QUIET_AFTER``."""
    session.execute(delete(ConsolePresence).where(ConsolePresence.console == console))


def last_seen(session: Session, console: str) -> datetime | None:
    row = session.get(ConsolePresence, console)
    return None if row is None else row.last_seen
