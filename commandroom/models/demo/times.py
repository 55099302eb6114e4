"""Simulation time: whole seconds since ``BASE``, and fast conversions to what gets stored.

A year of district history writes some 25 million time values; ``datetime`` arithmetic and
``isoformat`` per value would be a large share of the run. Instead the date part is formatted
once per day and the clock part looked up in a table of the 86,400 seconds of a day.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

BASE = datetime(2000, 1, 1)
DAY = 86400
_CLOCK = [f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}" for s in range(DAY)]


def seconds(day: date) -> int:
    return (day - BASE.date()).days * DAY


def to_datetime(t: int) -> datetime:
    return BASE + timedelta(seconds=t)


class _Formatter:
    """``t → date + sep + clock + suffix``, with the date strings cached per day."""

    def __init__(self, sep: str, suffix: str):
        self.sep, self.suffix = sep, suffix
        self.days: dict[int, str] = {}

    def __call__(self, t: int) -> str:
        day, second = divmod(t, DAY)
        prefix = self.days.get(day)
        if prefix is None:
            prefix = self.days[day] = (BASE.date() + timedelta(days=day)).isoformat() + self.sep
        return prefix + _CLOCK[second] + self.suffix


# A payload time as ``log.payload_value`` writes it: ISO to the second ("2026-11-21T09:30:00").
iso = _Formatter("T", "")
# A DateTime value on SQLite exactly as SQLAlchemy stores it ("2026-11-21 09:30:00.000000"), so
# that comparisons with bound datetimes in SQL see the same strings.
sqlite_text = _Formatter(" ", ".000000")
