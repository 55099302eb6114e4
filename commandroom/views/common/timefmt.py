"""Times as the console shows them: short wall-clock stamps and countdowns to a limit."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

# lupdate reads only literal strings, so each call spells out the context and the text.
translate = QCoreApplication.translate


def stamp(at: datetime | None, now: datetime) -> str:
    """``09:05`` today, ``11-14 09:05`` this year, ``2025-12-30 09:05`` before."""
    if at is None:
        return ""
    if at.date() == now.date():
        return at.strftime("%H:%M")
    if at.year == now.year:
        return at.strftime("%m-%d %H:%M")
    return at.strftime("%Y-%m-%d %H:%M")


def span(seconds: float) -> str:
    """A duration to the minute, two units at most: 2天3时, 5时20分, 45分."""
    minutes = int(abs(seconds)) // 60
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return translate("Time", "{d}天{h}时").format(d=days, h=hours)
    if hours:
        return translate("Time", "{h}时{m}分").format(h=hours, m=mins)
    return translate("Time", "{m}分").format(m=mins)


def countdown(due: datetime | None, now: datetime) -> str:
    """What is left before a limit (剩 5时20分), or how far past it (超 1天2时)."""
    if due is None:
        return ""
    seconds = (due - now).total_seconds()
    if seconds >= 0:
        return translate("Time", "剩 {span}").format(span=span(seconds))
    return translate("Time", "超 {span}").format(span=span(seconds))
