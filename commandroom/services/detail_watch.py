"""What the views need to know of the detail's read models, without the database layer (views
may not import it): their names, the watched event and the snapshot's shape. The loaders live
in ``detail_views``, used by the composition root."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

DETAIL = "detail"
PENDING_EXTENSIONS = "pending_extensions"


@dataclass(frozen=True)
class DetailView:
    """What the detail dock shows: the event (``models.detail.EventDetail``; None if it is gone or
    of another street), the street's unit cards (``models.board.UnitCard``) and when it was read."""

    event_id: int
    detail: object | None
    units: tuple
    now: datetime


class DetailWatch:
    """The event the detail dock shows, shared with the pump's thread (reading or replacing an
    int attribute is atomic, so no lock is needed)."""

    def __init__(self) -> None:
        self.event_id: int | None = None
