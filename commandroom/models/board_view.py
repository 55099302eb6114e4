"""The dispatch board's read model for the feed pump: its cards, its unit cards, and who last
changed each card (so a refused command can say who got there first: "李明（console-2）签收").

``load_board_view`` is the opening load; ``load_board_changes`` the fresh part for the events
new log rows touched. The units are few (a street has ~50), so every change reloads all of them
in one aggregate SELECT: their loads move with any event, and a unit's own status change names
no event at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from commandroom.models.board import BoardCard, UnitCard, load_board, load_units
from commandroom.models.enums import Action
from commandroom.models.log import EventLog
from commandroom.models.org import User
from commandroom.models.queue import CHUNK


@dataclass(frozen=True)
class LastChange:
    """The newest log row of one event: who did what, when, from which console."""

    event_id: int
    at: datetime
    action: Action
    actor: str  # login
    actor_name: str  # the user's name, or the login
    console: str


@dataclass(frozen=True)
class BoardData:
    """What the board receives: on opening every card, then per change the cards of the touched
    events still on the board. ``touched`` minus the cards' ids are the events that left it."""

    cards: tuple[BoardCard, ...]
    units: tuple[UnitCard, ...]
    touched: tuple[int, ...] = ()
    last: dict[int, LastChange] = field(default_factory=dict, compare=False, hash=False)

    @property
    def gone(self) -> set[int]:
        return set(self.touched) - {card.id for card in self.cards}


def last_changes(session: Session, event_ids: Iterable[int]) -> dict[int, LastChange]:
    """The newest log row of each event (two SELECTs per 500 ids: the newest ids, then them)."""
    wanted = sorted(set(event_ids))
    out: dict[int, LastChange] = {}
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start:start + CHUNK]
        newest = (select(func.max(EventLog.id)).where(EventLog.event_id.in_(chunk))
                  .group_by(EventLog.event_id))
        stmt = (select(EventLog.event_id, EventLog.at, EventLog.action, EventLog.actor,
                       func.coalesce(User.name, EventLog.actor), EventLog.console)
                .outerjoin(User, User.login == EventLog.actor)
                .where(EventLog.id.in_(newest)))
        out.update((row[0], LastChange(*row)) for row in session.execute(stmt))
    return out


def load_board_view(session: Session, now: datetime, street_id: int | None) -> BoardData:
    """The board as it opens: every card and every unit card of the street."""
    return BoardData(tuple(load_board(session, street_id=street_id)),
                     tuple(load_units(session, now, street_id=street_id)))


def load_board_changes(session: Session, event_ids: list[int], now: datetime,
                       street_id: int | None) -> BoardData:
    """The touched events' cards (those still on the board), all unit cards, and who last
    changed each touched event."""
    return BoardData(tuple(load_board(session, street_id=street_id, ids=event_ids)),
                     tuple(load_units(session, now, street_id=street_id)),
                     touched=tuple(event_ids), last=last_changes(session, event_ids))
