"""The map's read model for the feed pump: its opening snapshot and the changes of each batch."""

from __future__ import annotations

from commandroom.models.map_view import load_map, load_map_changes
from commandroom.models.recurring import RecurringRule
from commandroom.services.feed_pump import ReadModel
from commandroom.services.map_bridge import MAP_VIEW


def map_read_model(rule: RecurringRule) -> ReadModel:
    """``models/map_view.py``'s snapshots; ``rule`` holds the recurring thresholds (settings)."""
    return ReadModel(
        MAP_VIEW,
        load_all=lambda session, now, street_id: load_map(session, now, street_id, rule),
        load_ids=lambda session, ids, now, street_id: load_map_changes(session, ids, now, street_id, rule))
