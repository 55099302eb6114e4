"""The board's cards: one cache of ``BoardCard`` snapshots, routed to the five lane models, and
the filter (text, category, community) that decides which of them the lanes show.

A change from the feed touches only the cards it names: a card that stays in its lane is
updated in place (``dataChanged`` per run), one that changes lane leaves one model and enters
another, one that left the board (closed, recalled to the queue …) is removed. Nothing is reset
but on the opening load.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from itertools import compress

from PySide6.QtCore import QObject, QTimer, Signal

from commandroom.models.enums import Lane
from commandroom.views.board.lane_model import ID_SPAN, LaneModel, key_id, sort_key


@dataclass(frozen=True)
class CardFilter:
    """What the filter bar asks for; empty fields match everything."""

    text: str = ""
    category_code: str = ""
    community: str = ""
    grid_id: int = 0  # an L4 grid clicked on the map (0: every grid)

    def accepts(self, card: BoardCard, haystack: str) -> bool:
        if self.grid_id and card.grid_id != self.grid_id:
            return False
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


def same_text(old: BoardCard, new: BoardCard) -> bool:
    """The filter's text of the two is the same (most changes move a card or its due time)."""
    return ((old.code, old.title, old.address, old.category_code, old.category_name, old.grid_name,
             old.community_name) == (new.code, new.title, new.address, new.category_code, new.category_name,
                                     new.grid_name, new.community_name)
            and (old.parts is new.parts or [p.unit_name for p in old.parts] == [p.unit_name for p in new.parts]))


NO_FILTER = CardFilter()


class BoardCards(QObject):
    # --- Signals ---------------------------------------------------------------------------
    sig_counts_changed = Signal()
    """A lane gained or lost cards (the lane headers show how many)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.cards: dict[int, BoardCard] = {}
        self._hay: dict[int, str] = {}  # id -> the folded text the filter looks in
        self._unfolded: set[int] = set()  # ids whose text is to be folded (no scan of every card)
        self._folding = False  # a fold of the cards not folded yet is on its way
        self._lining_up = False  # the lanes' texts are to be lined up again (``_line_up_some``)
        self._key: dict[int, int] = {}  # id -> its place in its lane
        self._all: dict[Lane, list[int]] = {lane: [] for lane in Lane}  # every card's key, shown or not
        # The folded texts in the lanes' order, so a keystroke tests them in one pass with no
        # lookup per card: of every card of a lane (``_all``), and of the cards it shows now.
        # Dropped for a lane the feed changes; made again in idle turns (``_fold_some``).
        self._texts: dict[Lane, list[str]] = {}
        self._shown_texts: dict[Lane, list[str]] = {}
        self._filter = CardFilter()
        self.lanes = {lane: LaneModel(lane, self.cards, self) for lane in Lane}

    # --- Feeding ------------------------------------------------------------------------------
    def load(self, cards: Iterable[BoardCard]) -> None:
        """The opening load: the only reset of the lanes."""
        self.cards.clear()
        self._hay.clear()
        self._unfolded.clear()
        self._key.clear()
        self._texts.clear()
        self._shown_texts.clear()
        for card in cards:
            self.cards[card.id] = card
            self._key[card.id] = sort_key(card)
        self._unfolded.update(self.cards)
        for lane in Lane:
            self._all[lane] = sorted(self._key[i] for i, c in self.cards.items() if c.lane == lane)
        for lane, keys in self._shown_keys().items():
            self.lanes[lane].reset_to(keys)
        self.sig_counts_changed.emit()
        self._fold_later()

    def _fold_later(self) -> None:
        if not self._folding:
            self._folding = True
            QTimer.singleShot(0, self, self._fold_some)

    def _fold_some(self) -> None:
        """Fold the filter's text of new and changed cards, a chunk per event-loop turn after the
        load or the feed batch that brought them, so the officer's next keystroke in the filter
        box tests the cards and folds none (10,000 cards take ~30 ms to fold)."""
        todo, cards, hay = self._unfolded, self.cards, self._hay
        for _ in range(min(FOLD_CHUNK, len(todo))):
            event_id = todo.pop()
            if event_id in cards and event_id not in hay:
                hay[event_id] = haystack(cards[event_id])
        self._folding = bool(todo)
        if self._folding:
            QTimer.singleShot(0, self, self._fold_some)
        elif not self._lining_up and len(self._texts) < len(Lane):
            # Not in the batch's own turns (the board is still drawing it): once it is quiet.
            self._lining_up = True
            QTimer.singleShot(LINE_UP_DELAY_MS, self, self._line_up_some)

    def _line_up_some(self) -> None:
        """Line the folded texts up in the order of a lane the feed changed, a lane a turn
        (~1 ms each), so the next keystroke tests them in one pass."""
        stale = [lane for lane in Lane if lane not in self._texts]
        if stale and not self._folding:  # a new batch's texts are folded first
            self._lane_texts(stale[0])
        self._lining_up = len(stale) > 1 and not self._folding
        if self._lining_up:
            QTimer.singleShot(0, self, self._line_up_some)

    @property
    def prepared(self) -> bool:
        """Every card's filter text is folded and lined up: no idle work left."""
        return not self._folding and not self._lining_up and len(self._texts) == len(Lane)

    def apply(self, cards: Iterable[BoardCard], gone: Iterable[int] = ()) -> int:
        """Fresh cards of touched events, and the ids of events that left the board; returns how
        many cards changed. Per lane: the cards that left or entered it (or moved in it) and those
        changed in place; a few are announced row by row, many as one layout change.

        This runs on the GUI thread for every feed batch, so the loop does only what it must per
        card: one comparison, one sort key, one bisect into its lane's keys (no filter test
        while no filter is set)."""
        batch = _Batch()
        own, keys, every = self.cards, self._key, self._all
        filtered = self._filter != NO_FILTER
        touched: set[Lane] = set()  # lanes whose cards or order changed: their lined-up texts are stale
        for event_id in gone:
            old = own.pop(event_id, None)
            if old is not None:
                touched.add(old.lane)
                key = keys.pop(event_id)
                batch.leave(old.lane, key, not filtered or self._shown(old))
                self._hay.pop(event_id, None)
                insort_remove(every[old.lane], key)
        for card in cards:
            old = own.get(card.id)
            # A command bumps the version: equal versions are compared whole (a unit renamed).
            if old is not None and old.version == card.version and old == card:
                continue
            was_shown = old is not None and (not filtered or self._shown(old))
            touched.add(card.lane)
            if old is not None:
                touched.add(old.lane)
            own[card.id] = card
            key = sort_key(card)
            if old is None or not same_text(old, card):
                self._hay.pop(card.id, None)  # made again when a filter text needs it
                self._unfolded.add(card.id)
            shown = not filtered or self._shown(card)
            if old is None:
                keys[card.id] = key
                insort(every[card.lane], key)
                if shown:
                    batch.enter(card.lane, key)
                continue
            old_key = keys[card.id]
            if old_key != key or old.lane != card.lane:  # else its place stands
                keys[card.id] = key
                insort_remove(every[old.lane], old_key)
                insort(every[card.lane], key)
            if was_shown and shown and old.lane == card.lane:
                batch.stay(card.lane, old_key, key)
            else:
                if was_shown:
                    batch.leave(old.lane, old_key, True)
                if shown:
                    batch.enter(card.lane, key)
        for lane in touched:
            self._texts.pop(lane, None)
            self._shown_texts.pop(lane, None)
        for lane, model in self.lanes.items():
            batch.apply(lane, model, keys, lambda lane=lane: self._lane_shown(lane))
        if batch.count:
            self.sig_counts_changed.emit()
        if touched:
            self._fold_later()
        return batch.count

    def set_filter(self, card_filter: CardFilter) -> None:
        card_filter = CardFilter(card_filter.text.strip().casefold(), card_filter.category_code,
                                 card_filter.community, card_filter.grid_id)
        if card_filter == self._filter:
            return
        old, self._filter = self._filter, card_filter
        # A longer text (垃 → 垃圾) narrows: only the cards shown now can still match.
        narrows = bool(old.text) and old.text in card_filter.text and replace(old, text="") == replace(card_filter, text="")
        within = {lane: model.keys() for lane, model in self.lanes.items()} if narrows else None
        for lane, keys in self._shown_keys(within).items():
            if keys != self.lanes[lane].keys():  # a lane showing the same cards is not laid out and drawn again
                self.lanes[lane].relayout(keys)
        self.sig_counts_changed.emit()

    def tick(self) -> None:
        for model in self.lanes.values():
            model.tick()

    # --- Reading ------------------------------------------------------------------------------
    @property
    def filter(self) -> CardFilter:
        return self._filter

    def counts(self) -> dict[Lane, int[int, int]]:
        """Per lane: (cards shown, cards on the board)."""
        return {lane: (model.rowCount(), len(self._all[lane])) for lane, model in self.lanes.items()}

    def _shown(self, card: BoardCard) -> bool:
        f = self._filter
        return f.accepts(card, self._haystack(card) if f.text else "")

    def _haystack(self, card: BoardCard) -> str:
        """The folded text the filter looks in, made on first need (no text typed: never)."""
        hay = self._hay.get(card.id)
        if hay is None:
            hay = self._hay[card.id] = haystack(card)
        return hay

    def _lane_shown(self, lane: Lane) -> list[int]:
        """One lane's shown keys, in order (unfiltered: a copy of its sorted keys, no visit)."""
        if self._filter == NO_FILTER:
            return list(self._all[lane])
        return [k for k in self._all[lane] if self._shown(self.cards[k % ID_SPAN])]

    def _lane_texts(self, lane: Lane) -> list[str]:
        """The folded texts of every card of the lane, in its order (made once per change of it)."""
        texts = self._texts.get(lane)
        if texts is None:
            hay, cards = self._hay, self.cards
            texts = self._texts[lane] = [hay.get(k % ID_SPAN) or self._haystack(cards[k % ID_SPAN])
                                         for k in self._all[lane]]
        return texts

    def _shown_keys(self, within: dict[Lane, list[int]] | None = None) -> dict[Lane, list[int]]:
        """Each lane's shown keys, in order: its sorted keys (or those ``within``, when the new
        filter can only narrow what they show), filtered (no sorting per keystroke). Remembers
        the shown cards' texts with them, for the next keystroke to narrow."""
        f = self._filter
        if f == NO_FILTER:
            self._shown_texts = {lane: texts for lane, texts in self._texts.items()}
            return {lane: list(keys) for lane, keys in self._all.items()}
        if f == CardFilter(f.text):  # text alone, the usual keystroke: one substring test a card
            text, shown = f.text, {}
            for lane in Lane:
                if within is not None and lane in self._shown_texts:
                    keys, texts = within[lane], self._shown_texts[lane]
                else:
                    keys, texts = self._all[lane], self._lane_texts(lane)
                hits = [text in t for t in texts]
                shown[lane] = list(compress(keys, hits))
                self._shown_texts[lane] = list(compress(texts, hits))
            return shown
        self._shown_texts.clear()
        if f.text and len(self._hay) < len(self.cards):  # cards changed since they were folded
            for card in self.cards.values():
                self._haystack(card)
            self._unfolded.clear()
        shown_ids = {i for i, c in self.cards.items() if f.accepts(c, self._hay[i] if f.text else "")}
        return {lane: [k for k in keys if k % ID_SPAN in shown_ids] for lane, keys in self._all.items()}


FOLD_CHUNK = 2000
"""Cards whose filter text is folded per idle event-loop turn (~5 ms)."""

LINE_UP_DELAY_MS = 100
"""How long after a feed batch's texts are folded the lanes' texts are lined up again."""

SMALL_BATCH = 24
"""Up to this many cards entering, leaving or moving in a lane are announced row by row (the
views animate nothing and keep everything); more become one layout change."""


class _Batch:
    """One feed batch's effect on the lanes, gathered before any lane is told."""

    def __init__(self):
        self.count = 0
        self._left: dict[Lane, list[int]] = defaultdict(list)
        self._entered: dict[Lane, list[int]] = defaultdict(list)
        self._moved: dict[Lane, list[int[int, int]]] = defaultdict(list)
        self._kept: dict[Lane, list[int]] = defaultdict(list)

    def leave(self, lane: Lane, key: int, shown: bool) -> None:
        self.count += 1
        if shown:
            self._left[lane].append(key)

    def enter(self, lane: Lane, key: int) -> None:
        self.count += 1
        self._entered[lane].append(key)

    def stay(self, lane: Lane, old_key: int, key: int) -> None:
        self.count += 1
        if old_key == key:
            self._kept[lane].append(key_id(key))
        else:
            self._moved[lane].append((old_key, key))

    def apply(self, lane: Lane, model: LaneModel, keys: dict[int, int], shown: Callable[[], list[int]]) -> None:
        """Tell the lane: row by row for a few cards, else one layout change to ``shown()``."""
        left, entered, moved = self._left[lane], self._entered[lane], self._moved[lane]
        if len(left) + len(entered) + len(moved) <= SMALL_BATCH:
            for key in left:
                model.remove_key(key)
            for old_key, key in moved:
                model.move_key(old_key, key)
            for key in entered:
                model.insert_key(key)
        else:
            model.relayout(shown())
            # A layout change has the views ask for every row they show again: announcing the
            # changed cards one run at a time on top of it would only cost bisects and signals.
            return
        kept = self._kept[lane] + [key_id(new) for _, new in moved]
        if kept:
            model.announce(kept, keys)


def insort_remove(keys: list[int], key: int) -> None:
    at = bisect_left(keys, key)
    if at < len(keys) and keys[at] == key:
        del keys[at]
