"""What a dragged card carries: the ids of the events dragged, as JSON under our own type, so
a drop from anywhere else (a text, a file) is ignored."""

from __future__ import annotations

import json

MIME_TYPE = "application/x-commandroom-event-ids"


def encode_ids(ids: list[int]) -> bytes:
    return json.dumps([int(i) for i in ids]).encode("ascii")


def decode_ids(data: bytes) -> list[int]:
    """The ids, or [] for anything that is not a list of whole numbers."""
    try:
        ids = json.loads(bytes(data).decode("ascii"))
    except (ValueError, UnicodeDecodeError):
        return []
    if not isinstance(ids, list) or not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
        return []
    return ids
