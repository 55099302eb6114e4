"""W3C datetimes (ISO 8601 with the UTC offset), as Open311 writes them: the street's naive
wall-clock times are Beijing time."""

from __future__ import annotations

from datetime import datetime

from commandroom.models.clock import BEIJING


def w3c(value: datetime | None) -> str | None:
    return None if value is None else value.replace(tzinfo=BEIJING).isoformat(timespec="seconds")
