"""The weekly meeting's decisions (例会决定): what is to be done about an agenda item, by whom,
by when. A decision is the meeting's, not a step of the event: its log row names no event (the
event's version, and so an officer's next command on it, are untouched) and the row names the
event it is about. The next week's agenda shows it again with whether it was kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from commandroom.models.base import Base
from commandroom.models.enums import DONE_STATUSES, Status
from commandroom.models.events import Event


class Decision(Base):
    __tablename__ = "decision"
    __table_args__ = (Index("ix_decision_week", "street_id", "week"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    street_id: Mapped[int] = mapped_column(ForeignKey("street.id"))
    week: Mapped[str] = mapped_column(String(8))  # the meeting's ISO week, "2026-W47"
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id"))
    kind: Mapped[str] = mapped_column(String(32))  # the agenda item's AgendaKind value
    what: Mapped[str] = mapped_column(String(500))
    who: Mapped[str] = mapped_column(String(64))  # a unit or a person, as the meeting names them
    due: Mapped[date] = mapped_column(Date)
    decided_by: Mapped[str] = mapped_column(String(32))
    decided_at: Mapped[datetime] = mapped_column(DateTime)
    sequence: Mapped[int] = mapped_column(Integer, default=0)  # order within the meeting


@dataclass(frozen=True)
class Followed:
    """A decision seen a week later: kept when its event was done by the end of its due day."""

    decision_id: int
    event_id: int
    kind: str  # the agenda item's AgendaKind value
    code: str
    what: str
    who: str
    due: date
    status: Status  # the event's status now
    done_at: datetime | None  # when it was closed, if it was
    kept: bool


def of_week(session: Session, street_id: int, week: str) -> list[Decision]:
    return list(session.scalars(select(Decision).where(
        Decision.street_id == street_id, Decision.week == week).order_by(Decision.sequence, Decision.id)))


def followed(session: Session, street_id: int, week: str) -> list[Followed]:
    """The decisions of the meeting of ``week`` and whether each was kept."""
    out = []
    for decision in of_week(session, street_id, week):
        event = session.get(Event, decision.event_id)
        done_at = event.closed_at if event.status in DONE_STATUSES else None
        deadline = datetime.combine(decision.due + timedelta(days=1), time())
        out.append(Followed(decision.id, event.id, decision.kind, event.code, decision.what, decision.who, decision.due,
                            event.status, done_at, done_at is not None and done_at < deadline))
    return out
