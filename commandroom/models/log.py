"""``event_log``: the append-only audit trail, change feed and replay source.

Every domain command appends one row per event it changes, in the same transaction as the change
(a command that changes several events, like a merge, writes one row each, tied together by one
``command_id``). ``payload`` is a ``Change`` (``models/change.py``): every column of the event it
set, every row it added or changed in the tables that hang off the event, and the details that
live only here (a resolution note). Folding the rows up to an instant (``models/replay.py``)
rebuilds those tables as they stood then. The database refuses UPDATE and DELETE on the table.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, DateTime, ForeignKey, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from commandroom.models.base import Base, EnumText
from commandroom.models.enums import Action

# PostgreSQL NOTIFY channel raised by every command: consoles LISTEN instead of polling hard.
FEED_CHANNEL = "commandroom_feed"

# SQLite only aliases the rowid (and so autoincrements) for a plain INTEGER primary key.
LogId = BigInteger().with_variant(Integer(), "sqlite")


PROGRESS_WHERE = "action NOT IN ('acknowledge_alert', 'clear_alert', 'raise_alert')"


class EventLog(Base):
    __tablename__ = "event_log"
    __table_args__ = (
        Index("ix_event_log_event", "event_id", "id"),
        Index("ix_event_log_street_at", "street_id", "at"),
        # An event's progress (every row but the alerts' own, ``lifecycle.UNVERSIONED``), newest
        # last: the supervision scan's "last progress" is one seek here, never a read of the log's
        # rows. Written as ``supervision.progress_action`` writes it (a partial index serves only
        # a query that repeats its WHERE, literally).
        Index("ix_event_log_progress", "event_id", "id", "at", "action", sqlite_where=text(PROGRESS_WHERE),
              postgresql_where=text(PROGRESS_WHERE)),
    )

    id: Mapped[int] = mapped_column(LogId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(32))
    console: Mapped[str] = mapped_column(String(64), default="")
    # The street the change belongs to (a district database holds several): replay and the
    # change feed of one room read only its own street's rows.
    street_id: Mapped[int | None] = mapped_column(ForeignKey("street.id"))
    # One id per command: the rows of a command that changes several events share it.
    command_id: Mapped[str] = mapped_column(String(32), default="", server_default="")
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id"))
    action: Mapped[Action] = mapped_column(EnumText(Action))
    payload: Mapped[dict] = mapped_column(JSON, default=dict)


def payload_value(value):
    """A JSON-safe form of a field value: enums by value, times as ISO strings."""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, (list, tuple)):
        return [payload_value(v) for v in value]
    if hasattr(value, "value") and isinstance(value.value, str):
        return value.value
    return value


def make_payload(**fields) -> dict:
    """The payload of a log row: the event fields a command set, plus its own details."""
    return {key: payload_value(value) for key, value in fields.items()}
