"""``handover``: the note an officer leaves when signing out (交接班), with the open items listed
for them, until the next officer of the street acknowledges it on sign-in."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from commandroom.models.base import Base


class Handover(Base):
    __tablename__ = "handover"

    id: Mapped[int] = mapped_column(primary_key=True)
    street_id: Mapped[int | None] = mapped_column(ForeignKey("street.id"), index=True)
    login: Mapped[str] = mapped_column(String(32))
    console: Mapped[str] = mapped_column(String(64), default="")
    at: Mapped[datetime] = mapped_column(DateTime)
    note: Mapped[str] = mapped_column(Text, default="")
    # The open items as they stood at sign-out (``handover.OpenItems.as_json``): a record, not a
    # live query, so the next officer reads what was handed over.
    items: Mapped[dict] = mapped_column(JSON, default=dict)
    acknowledged_by: Mapped[str] = mapped_column(String(32), default="", server_default="")
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)
