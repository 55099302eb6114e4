"""The map's read model for the feed pump: its opening snapshot and the changes of each batch."""

from __future__ import annotations

from commandroom.models.map_view import load_map, load_map_changes
from commandroom.models.recurring import RecurringRule
from commandroom.services.feed_pump import ReadModel
from commandroom.services.map_bridge import MAP_VIEW, MapWatch


def map_read_model(rule: RecurringRule, watch: MapWatch | None = None) -> ReadModel:
    """``models/map_view.py``'s snapshots; ``rule`` holds the recurring thresholds (settings).
    With a ``watch``, a batch while the map is not shown loads nothing (None): the panel asks
    for those events when it is shown (``MapPanel.sig_load_view``)."""

    def load_ids(session, ids, now, street_id):
        if watch is not None and not watch.shown:
            return None
        return load_map_changes(session, ids, now, street_id, rule)

    return ReadModel(
        MAP_VIEW,
        load_all=lambda session, now, street_id: load_map(session, now, street_id, rule),
        load_ids=load_ids)
