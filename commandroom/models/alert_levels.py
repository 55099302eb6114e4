"""How serious each supervision alert is: one order for the dock, the event rows and the cards.
No SQL here (the views read it); ``supervision.open_level`` is the same order in a query."""

from __future__ import annotations

from commandroom.models.enums import AlertLevel

L = AlertLevel
# Least to most serious. A stalled event (no progress for hours) is worse than a warning but
# not yet overdue.
ORDER = (L.WARNING, L.STALLED, L.REMINDER, L.SUPERVISION, L.LISTED, L.NOTICE)
RANK = {level: n for n, level in enumerate(ORDER)}
# From 督办 up the shift leader is alerted: the dock draws the eye and sounds.
LOUD = frozenset({L.SUPERVISION, L.LISTED, L.NOTICE})
# The ladder's steps on a due time, in the order they fall due (STALLED is not one).
LADDER = (L.WARNING, L.REMINDER, L.SUPERVISION, L.LISTED, L.NOTICE)


def most_serious(levels) -> AlertLevel | None:
    levels = list(levels)
    return max(levels, key=RANK.__getitem__) if levels else None
