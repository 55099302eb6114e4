"""The dispatch board's read model for the feed pump: its cards and its unit cards. (Who last
changed a card is read only when a command is refused as stale: ``last_change.py``.)

``load_board_view`` is the opening load; ``load_board_changes`` the fresh part for the events
new log rows touched. The units are few (a street has ~50), so every change reloads all of them
in one aggregate SELECT: their loads move with any event, and a unit's own status change names
no event at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from commandroom.models.board import BoardCard, UnitCard, load_board, load_units


@dataclass(frozen=True)
class BoardData:
    """What the board receives: on opening every card, then per change the cards of the touched
    events still on the board. ``touched`` minus the cards' ids are the events that left it."""

    cards: tuple[BoardCard, ...]
    units: tuple[UnitCard, ...]
    touched: tuple[int, ...] = ()

    @property
    def gone(self) -> set[int]:
        return set(self.touched) - {card.id for card in self.cards}


def load_board_view(session: Session, now: datetime, street_id: int | None) -> BoardData:
    """The board as it opens: every card and every unit card of the street."""
    return BoardData(tuple(load_board(session, street_id=street_id)),
                     tuple(load_units(session, now, street_id=street_id)))


def load_board_changes(session: Session, event_ids: list[int], now: datetime,
                       street_id: int | None) -> BoardData:
    """The touched events' cards (those still on the board) and all unit cards."""
    return BoardData(tuple(load_board(session, street_id=street_id, ids=event_ids)),
                     tuple(load_units(session, now, street_id=street_id)),
                     touched=tuple(event_ids))
