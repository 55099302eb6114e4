"""Events (工单) and what hangs off them: contacts, assignments, extensions, escalations, alerts.

The counters and durations on ``Event`` (transfer_count, response_seconds …) are written by the
domain commands in the same transaction as the change, so every measure is one GROUP BY over
``event`` and never a replay of the log.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from commandroom.models.base import Base, EnumText
from commandroom.models.enums import (
    AlertLevel,
    AssignmentRole,
    ExtensionDecision,
    Priority,
    Satisfaction,
    Source,
    Status,
)


# Every column the measures read: the indexes below cover them, so a year's measures scan an
# index in period order instead of looking up a million wide rows (bench/bench_measures.py).
MEASURE_COLUMNS = (
    "status", "registered_at", "first_dispatched_at", "on_time", "transfer_count", "rework_count",
    "extension_count", "satisfaction", "response_seconds", "handling_seconds",
)


# Every column the supervision scan reads, status first (it seeks the held statuses).
SUPERVISE_COLUMNS = ("status", "street_id", "dispatched_at", "response_due", "handle_due",
                     "acknowledged_at", "priority", "category_id", "id")


class Event(Base):
    __tablename__ = "event"
    __table_args__ = (
        Index("ix_event_measures", "received_at", *MEASURE_COLUMNS),
        Index("ix_event_unit_measures", "lead_unit_id", "received_at", *MEASURE_COLUMNS),
        Index("ix_event_status", "status"),
        Index("ix_event_grid", "grid_id"),
        # The supervision scan reads the held events' limits from this index alone
        # (models/supervision.py; bench/bench_supervise.py), never the wide rows.
        Index("ix_event_supervise", *SUPERVISE_COLUMNS),
        # The board's unit loads (models/board.py ``load_units``, on every feed batch): the open
        # events per lead unit and their handling due times, read from the index alone.
        Index("ix_event_unit_load", "status", "lead_unit_id", "handle_due"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    street_id: Mapped[int] = mapped_column(ForeignKey("street.id"))
    status: Mapped[Status] = mapped_column(EnumText(Status))
    source: Mapped[Source] = mapped_column(EnumText(Source))  # the first report's source
    category_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"))
    priority: Mapped[Priority] = mapped_column(EnumText(Priority), default=Priority.NORMAL)
    title: Mapped[str] = mapped_column(String(120), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grid.id"))  # the L4 grid
    reporter_name: Mapped[str] = mapped_column(String(32), default="")
    reporter_phone: Mapped[str] = mapped_column(String(20), default="")
    lead_unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    reject_reason: Mapped[str] = mapped_column(String(200), default="")
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("event.id"))
    escalated: Mapped[bool] = mapped_column(Boolean, default=False)
    # The call queue's lock (``models/hold.py``): who took the report, at which console, when.
    # Empty once released, and when the report leaves the queue.
    taken_by: Mapped[str] = mapped_column(String(32), default="", server_default="")
    taken_console: Mapped[str] = mapped_column(String(64), default="", server_default="")
    taken_at: Mapped[datetime | None] = mapped_column(DateTime)
    answer: Mapped[str] = mapped_column(Text, default="", server_default="")  # 当场答复

    received_at: Mapped[datetime] = mapped_column(DateTime)
    registered_at: Mapped[datetime | None] = mapped_column(DateTime)
    dispatched_at: Mapped[datetime | None] = mapped_column(DateTime)  # latest dispatch
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    verified_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    response_due: Mapped[datetime | None] = mapped_column(DateTime)
    handle_due: Mapped[datetime | None] = mapped_column(DateTime)
    # Set when the event is closed: was it resolved by the (possibly extended) due time?
    on_time: Mapped[bool | None] = mapped_column(Boolean)

    transfer_count: Mapped[int] = mapped_column(Integer, default=0)
    rework_count: Mapped[int] = mapped_column(Integer, default=0)
    extension_count: Mapped[int] = mapped_column(Integer, default=0)
    contact_count: Mapped[int] = mapped_column(Integer, default=1)
    # Seconds from the first dispatch to the first acknowledgement / to the final resolution.
    first_dispatched_at: Mapped[datetime | None] = mapped_column(DateTime)
    response_seconds: Mapped[int | None] = mapped_column(Integer)
    handling_seconds: Mapped[int | None] = mapped_column(Integer)
    satisfaction: Mapped[Satisfaction | None] = mapped_column(EnumText(Satisfaction))

    # Optimistic locking: every domain command bumps it by one (so it counts the event's log
    # rows) and SQLAlchemy's UPDATE … WHERE version = old refuses a concurrent change.
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    contacts: Mapped[list[Contact]] = relationship(back_populates="event")
    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="event", order_by="Assignment.id"
    )


class Contact(Base):
    """Every report that reached the room (a call, a patrol report, a photo …)."""

    __tablename__ = "contact"
    __table_args__ = (
        Index("ix_contact_received_at", "received_at"),
        # The intake's idempotency: one report per client and external id. A unique index, not
        # a lookup first, so two retries racing each other cannot both be saved.
        Index("uq_contact_client_ref", "client", "external_ref", unique=True,
              sqlite_where=text("client <> '' AND external_ref <> ''"),
              postgresql_where=text("client <> '' AND external_ref <> ''")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    street_id: Mapped[int] = mapped_column(ForeignKey("street.id"))
    source: Mapped[Source] = mapped_column(EnumText(Source))
    external_ref: Mapped[str] = mapped_column(String(64), default="")  # e.g. 12345 order number
    received_at: Mapped[datetime] = mapped_column(DateTime)
    caller_name: Mapped[str] = mapped_column(String(32), default="")
    caller_phone: Mapped[str] = mapped_column(String(20), default="")
    content: Mapped[str] = mapped_column(Text, default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id"), index=True)
    # The intake client (API key name) that sent it; "" for a report taken in the room.
    client: Mapped[str] = mapped_column(String(64), default="", server_default="")
    # The category the sender suggested (a category code), for the officer to confirm at 立案.
    category_hint: Mapped[str] = mapped_column(String(16), default="", server_default="")
    # Photo URLs sent with the report, one per line.
    media: Mapped[str] = mapped_column(Text, default="", server_default="")

    event: Mapped[Event | None] = relationship(back_populates="contacts")


class Assignment(Base):
    """One unit's part in one dispatch of an event (lead or assisting)."""

    __tablename__ = "assignment"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    role: Mapped[AssignmentRole] = mapped_column(EnumText(AssignmentRole))
    dispatched_at: Mapped[datetime] = mapped_column(DateTime)
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)
    returned_at: Mapped[datetime | None] = mapped_column(DateTime)
    return_reason: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The dispatcher took this part away (改派 or 召回), as opposed to the unit handing it back
    # (returned_at): the log row's action says which.
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime)
    withdraw_reason: Mapped[str] = mapped_column(String(200), default="", server_default="")

    event: Mapped[Event] = relationship(back_populates="assignments")


class ExtensionRequest(Base):
    __tablename__ = "extension_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id"), index=True)
    requested_at: Mapped[datetime] = mapped_column(DateTime)
    requested_by: Mapped[str] = mapped_column(String(32))
    new_due: Mapped[datetime] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(String(200))
    decision: Mapped[ExtensionDecision] = mapped_column(
        EnumText(ExtensionDecision), default=ExtensionDecision.PENDING
    )
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    decided_by: Mapped[str] = mapped_column(String(32), default="")
    decision_note: Mapped[str] = mapped_column(String(200), default="")


class Escalation(Base):
    """街呼区应: the street calls the district; a department must confirm by ``confirm_by``."""

    __tablename__ = "escalation"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id"), index=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))
    raised_at: Mapped[datetime] = mapped_column(DateTime)
    raised_by: Mapped[str] = mapped_column(String(32))
    place: Mapped[str] = mapped_column(String(200))
    meet_at: Mapped[datetime] = mapped_column(DateTime)
    confirm_by: Mapped[datetime] = mapped_column(DateTime)
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime)
    rating: Mapped[Satisfaction | None] = mapped_column(EnumText(Satisfaction))


class Alert(Base):
    """A supervision alert (督办, ``models/supervision.py``) on an overdue or stalled event.

    ``deadline`` is the instant the alert is about: the response or handling due time for the
    ladder (``kind`` says which), the last progress for a stalled event, the moment of a shift
    leader's listing by hand. ``due_at`` is when the alert fell due (its true time, also when a
    scan after a gap raises it late); ``raised_at`` when a scan wrote it. One row per
    (event, level, deadline), however many schedulers run: the unique constraint sees to it.
    """

    __tablename__ = "alert"
    __table_args__ = (
        Index("ix_alert_open", "event_id", "cleared_at"),
        # Deadline before level: the scan counts an event's alerts on one deadline with one seek.
        UniqueConstraint("event_id", "deadline", "level", name="uq_alert_once"),
        # The scan's clearing pass and the dock read the uncleared alerts only.
        Index("ix_alert_uncleared", "cleared_at", "event_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id"))
    level: Mapped[AlertLevel] = mapped_column(EnumText(AlertLevel))
    reason: Mapped[str] = mapped_column(String(200), default="")
    raised_at: Mapped[datetime] = mapped_column(DateTime)
    cleared_at: Mapped[datetime | None] = mapped_column(DateTime)
    acknowledged_by: Mapped[str] = mapped_column(String(32), default="")
    kind: Mapped[str] = mapped_column(String(16), default="", server_default="")
    deadline: Mapped[datetime | None] = mapped_column(DateTime)
    due_at: Mapped[datetime | None] = mapped_column(DateTime)
    late: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)
    acknowledge_note: Mapped[str] = mapped_column(String(200), default="", server_default="")
