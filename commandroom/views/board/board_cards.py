"""The board's cards: one cache of ``BoardCard`` snapshots, routed to the five lane models, and
the filter (text, category, community) that decides which of them the lanes show.

A change from the feed touches only the cards it names: a card that stays in its lane is
updated in place (``dataChanged`` per run), one that changes lane leaves one model and enters
another, one that left the board (closed, recalled to the queue …) is removed. Nothing is reset
but on the opening load.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from commandroom.models.enums import Lane
from commandroom.views.board.lane_model import LaneModel


@dataclass(frozen=True)
class CardFilter:
    """What the filter bar asks for; empty fields match everything."""

    text: str = ""
    category_code: str = ""
    community: str = ""

    def accepts(self, card: BoardCard, haystack: str) -> bool:
        if self.category_code and card.category_code != self.category_code:
            return False
        if self.community and card.community_name != self.community:
            return False
        return not self.text or self.text in haystack


def haystack(card: BoardCard) -> str:
    """Everything the filter text is looked for in, folded once per card."""
    units = " ".join(part.unit_name for part in card.parts)
    return " ".join((card.code, card.title, card.address, card.category_code, card.category_name,
                     card.grid_name, card.community_name, units)).casefold()


class BoardCards(QObject):
    # --- Signals ---------------------------------------------------------------------------
    sig_counts_changed = Signal()
    """A lane gained or lost cards (the lane headers show how many)."""

    def __init__(self, now: Callable[[], datetime], parent: QObject | None = None):
        super().__init__(parent)
        self.cards: dict[int, BoardCard] = {}
        self._hay: dict[int, str] = {}
        self._filter = CardFilter()
        self.lanes = {lane: LaneModel(lane, self.cards, now, self) for lane in Lane}

    # --- Feeding ------------------------------------------------------------------------------
    def load(self, cards: Iterable[BoardCard]) -> None:
        """The opening load: the only reset of the lanes."""
        self.cards.clear()
        self._hay.clear()
        for card in cards:
            self.cards[card.id] = card
            self._hay[card.id] = haystack(card)
        self._show_filtered(LaneModel.reset_to)
        self.sig_counts_changed.emit()

    def apply(self, cards: Iterable[BoardCard], gone: Iterable[int] = ()) -> int:
        """Fresh cards of touched events, and the ids of events that left the board; returns how
        many cards changed."""
        stayed: dict[Lane, list[int]] = {lane: [] for lane in Lane}
        changed = 0
        for event_id in gone:
            old = self.cards.pop(event_id, None)
            if old is not None:
                changed += 1
                if self._shown(old, self._hay.pop(event_id)):
                    self.lanes[old.lane].remove(old)
        for card in cards:
            old = self.cards.get(card.id)
            if old == card:
                continue
            changed += 1
            hay = haystack(card)
            was = old is not None and self._shown(old, self._hay[card.id])
            self.cards[card.id] = card  # the lanes read the cache: the old card is passed to them
            self._hay[card.id] = hay
            now_shown = self._shown(card, hay)
            if was and now_shown and old.lane == card.lane:
                if self.lanes[card.lane].replace(old, card):
                    stayed[card.lane].append(card.id)
                continue
            if was:
                self.lanes[old.lane].remove(old)
            if now_shown:
                self.lanes[card.lane].insert(card)
        for lane, ids in stayed.items():
            self.lanes[lane].announce(ids)
        if changed:
            self.sig_counts_changed.emit()
        return changed

    def set_filter(self, card_filter: CardFilter) -> None:
        card_filter = CardFilter(card_filter.text.strip().casefold(), card_filter.category_code,
                                 card_filter.community)
        if card_filter == self._filter:
            return
        self._filter = card_filter
        self._show_filtered(LaneModel.rearrange)
        self.sig_counts_changed.emit()

    def tick(self) -> None:
        for model in self.lanes.values():
            model.tick()

    # --- Reading ------------------------------------------------------------------------------
    @property
    def filter(self) -> CardFilter:
        return self._filter

    def counts(self) -> dict[Lane, tuple[int, int]]:
        """Per lane: (cards shown, cards on the board)."""
        totals = Counter(card.lane for card in self.cards.values())
        return {lane: (model.rowCount(), totals[lane]) for lane, model in self.lanes.items()}

    def _shown(self, card: BoardCard, hay: str) -> bool:
        return self._filter.accepts(card, hay)

    def _show_filtered(self, put: Callable[[LaneModel, list[BoardCard]], None]) -> None:
        per_lane: dict[Lane, list[BoardCard]] = {lane: [] for lane in Lane}
        accepts, hay = self._filter.accepts, self._hay
        for event_id, card in self.cards.items():
            if accepts(card, hay[event_id]):
                per_lane[card.lane].append(card)
        for lane, cards in per_lane.items():
            put(self.lanes[lane], cards)
