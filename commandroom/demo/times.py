"""Simulation time: whole seconds since ``BASE``, and fast conversions to what gets stored.

A million events write some 25 million time values; ``datetime`` arithmetic and ``isoformat``
per value would be a large share of the run. Instead the date part is formatted once per day and
the rest (separator, clock, suffix) looked up in a table of the 86,400 seconds of a day: one
integer division, two lookups and one concatenation per value.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

BASE = datetime(2000, 1, 1)
DAY = 86400


def seconds(day: date) -> int:
    return (day - BASE.date()).days * DAY


def to_datetime(t: int) -> datetime:
    return BASE + timedelta(seconds=t)


def formatter(sep: str, suffix: str) -> Callable[[int], str]:
    """``t → date + sep + HH:MM:SS + suffix``. A closure, not a class with ``__call__``: the
    call is the hot path and a plain function call is the cheapest Python has."""
    clock = [f"{sep}{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}{suffix}" for s in range(DAY)]
    days: dict[int, str] = {}
    base = BASE.date()

    def format_time(t: int) -> str:
        try:
            return days[t // DAY] + clock[t % DAY]
        except KeyError:  # the first value of a day (try costs nothing when nothing is raised)
            days[t // DAY] = (base + timedelta(days=t // DAY)).isoformat()
            return days[t // DAY] + clock[t % DAY]

    return format_time


# A payload time as ``log.payload_value`` writes it: ISO to the second ("2026-11-21T09:30:00").
iso = formatter("T", "")
# A DateTime value on SQLite exactly as SQLAlchemy stores it ("2026-11-21 09:30:00.000000"), so
# that comparisons with bound datetimes in SQL see the same strings.
sqlite_text = formatter(" ", ".000000")
