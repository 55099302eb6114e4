"""How serious each supervision alert is: one order for the dock, the event rows and the cards."""

from __future__ import annotations

from sqlalchemy import case, select

from commandroom.models.enums import AlertLevel
from commandroom.models.events import Alert

L = AlertLevel
# Least to most serious. A stalled event (no progress for hours) is worse than a warning but
# not yet overdue.
ORDER = (L.WARNING, L.STALLED, L.REMINDER, L.SUPERVISION, L.LISTED, L.NOTICE)
RANK = {level: n for n, level in enumerate(ORDER)}
# From 督办 up the shift leader is alerted: the dock draws the eye and sounds.
LOUD = frozenset({L.SUPERVISION, L.LISTED, L.NOTICE})
# The ladder's steps on a due time, in the order they fall due (STALLED is not one).
LADDER = (L.WARNING, L.REMINDER, L.SUPERVISION, L.LISTED, L.NOTICE)

_RANK_SQL = case({level.value: n for level, n in RANK.items()}, value=Alert.level)


def open_level(event_id_column):
    """SQL: the most serious uncleared alert's level of the event (NULL without one); read
    through ``ix_alert_open`` (event_id, cleared_at)."""
    return (select(Alert.level).where(Alert.event_id == event_id_column, Alert.cleared_at.is_(None))
            .order_by(_RANK_SQL.desc()).limit(1).scalar_subquery())


def most_serious(levels) -> AlertLevel | None:
    levels = list(levels)
    return max(levels, key=RANK.__getitem__) if levels else None
