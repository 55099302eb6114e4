"""The board's card models: changes applied in place (never a reset), cards moving between lanes,
leaving the board, the filter keeping the selection of the cards still shown and following the
feed between keystrokes."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel

from commandroom.models.board import LANE_OF
from commandroom.models.enums import Lane, Status
from commandroom.views.board.board_cards import BoardCards, CardFilter, haystack
from commandroom.views.board.lane_model import ID_ROLE, sort_key
from tests.views.board.cards import NOW, board, card


@pytest.fixture
def cards(qtbot):
    made = BoardCards()
    made.load(board(60))
    made.resets = []
    for model in made.lanes.values():
        model.modelReset.connect(lambda m=model: made.resets.append(m.lane))
    return made


def ids(cards, lane):
    return cards.lanes[lane].ids()


def test_a_changed_card_is_updated_in_place(cards, qtbot):
    model = cards.lanes[Lane.HANDLING]
    first = cards.cards[ids(cards, Lane.HANDLING)[0]]
    with qtbot.waitSignal(model.dataChanged) as changed:
        assert cards.apply([replace(first, version=4, title="改了标题")]) == 1
    row = model.row_of(first.id)
    assert changed.args[0].row() == row == changed.args[1].row()
    assert model.card_at(row).title == "改了标题" and cards.resets == []


def test_a_card_moves_between_lanes_and_leaves_the_board(cards, qtbot):
    moved = cards.cards[ids(cards, Lane.TO_DISPATCH)[0]]
    before = {lane: len(ids(cards, lane)) for lane in Lane}
    dispatched = card(moved.id, Status.DISPATCHED)
    with qtbot.waitSignal(cards.lanes[Lane.TO_DISPATCH].rowsRemoved), \
            qtbot.waitSignal(cards.lanes[Lane.TO_ACKNOWLEDGE].rowsInserted):
        cards.apply([dispatched])
    assert moved.id in ids(cards, Lane.TO_ACKNOWLEDGE) and moved.id not in ids(cards, Lane.TO_DISPATCH)
    gone = ids(cards, Lane.TO_CLOSE)[0]
    cards.apply([], gone=[gone])
    assert gone not in cards.cards and gone not in ids(cards, Lane.TO_CLOSE)
    after = {lane: len(ids(cards, lane)) for lane in Lane}
    assert after[Lane.TO_DISPATCH] == before[Lane.TO_DISPATCH] - 1
    assert after[Lane.TO_ACKNOWLEDGE] == before[Lane.TO_ACKNOWLEDGE] + 1
    assert after[Lane.TO_CLOSE] == before[Lane.TO_CLOSE] - 1 and cards.resets == []


def test_lanes_stay_in_order_when_a_due_time_moves(cards, qtbot):
    lane = cards.lanes[Lane.HANDLING]
    last = cards.cards[lane.ids()[-1]]
    with qtbot.waitSignal(lane.rowsMoved):
        cards.apply([replace(last, handle_due=NOW.replace(year=2020))])  # now the most overdue
    assert lane.ids()[0] == last.id
    dues = [cards.cards[i].handle_due for i in lane.ids()]
    assert dues == sorted(dues) and cards.resets == []


def test_new_cards_arrive_in_place_and_urgent_first_in_to_dispatch(cards):
    lane = cards.lanes[Lane.TO_DISPATCH]
    cards.apply([card(1000, Status.REGISTERED)])  # 1000 % 3 == 1: 较急
    ranks = [list(type(c.priority)).index(c.priority) for c in map(cards.cards.get, lane.ids())]
    assert ranks == sorted(ranks) and 1000 in lane.ids()


def test_the_filter_narrows_the_lanes_and_keeps_the_selection(cards, qtbot):
    lane = cards.lanes[Lane.HANDLING]
    selection = QItemSelectionModel(lane)
    kept = next(i for i in lane.ids() if cards.cards[i].category_code == "HJ01")
    dropped = next(i for i in lane.ids() if cards.cards[i].category_code != "HJ01")
    for event_id in (kept, dropped):
        selection.select(lane.index(lane.row_of(event_id)), QItemSelectionModel.SelectionFlag.Select)
    cards.set_filter(CardFilter(text="垃圾"))
    assert all(cards.cards[i].category_code == "HJ01" for lane in Lane for i in ids(cards, lane))
    assert [i.data(ID_ROLE) for i in selection.selectedIndexes()] == [kept]
    shown, total = cards.counts()[Lane.HANDLING]
    assert 0 < shown < total
    cards.set_filter(CardFilter(category_code="CG01", community="燕翔社区"))
    assert {(cards.cards[i].category_code, cards.cards[i].community_name)
            for lane in Lane for i in ids(cards, lane)} == {("CG01", "燕翔社区")}
    cards.set_filter(CardFilter())
    assert sum(len(ids(cards, lane)) for lane in Lane) == 60 and cards.resets == []


def test_a_card_the_filter_hides_is_still_kept_up_to_date(cards):
    cards.set_filter(CardFilter(text="no such thing"))
    hidden = next(iter(cards.cards.values()))
    cards.apply([replace(hidden, title="路灯不亮了", version=9)])
    cards.set_filter(CardFilter(text="路灯不亮了"))
    assert [i for lane in Lane for i in ids(cards, lane)] == [hidden.id]


def test_a_late_cards_limit_is_shown_whole_or_not_at_all(qtbot):
    """A narrow lane shows the time alone, a narrower one nothing: never a cut time."""
    from datetime import timedelta

    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QApplication

    from commandroom.views.board.card_delegate import limit_words
    from commandroom.views.common import timefmt

    metrics = QFontMetrics(QApplication.font())
    due = NOW - timedelta(days=1, hours=3)
    stamp = timefmt.stamp(due, NOW)
    wide = limit_words(metrics, due, NOW, 1000)
    assert wide.endswith(stamp) and wide != stamp
    assert limit_words(metrics, due, NOW, metrics.horizontalAdvance(stamp)) == stamp
    assert limit_words(metrics, due, NOW, metrics.horizontalAdvance(stamp) - 1) == ""


NEXT = {Status.REGISTERED: Status.DISPATCHED, Status.DISPATCHED: Status.ACKNOWLEDGED,
        Status.ACKNOWLEDGED: Status.IN_PROGRESS, Status.IN_PROGRESS: Status.RESOLVED, Status.RESOLVED: Status.VERIFIED}


def shown_from_scratch(cards, text: str) -> dict:
    """What each lane must show for this filter text, worked out from the cards alone."""
    return {lane: [c.id for c in sorted((c for c in cards.cards.values() if c.lane == lane), key=sort_key)
                   if text.casefold() in haystack(c)] for lane in Lane}


def test_a_keystroke_showing_the_same_cards_lays_no_lane_out_again(cards):
    cards.set_filter(CardFilter(text="垃"))
    layouts = []
    for model in cards.lanes.values():
        model.layoutChanged.connect(lambda *_, m=model: layouts.append(m.lane))
    cards.set_filter(CardFilter(text="垃圾"))  # only 垃圾堆放 has 垃: the same cards
    assert layouts == []
    cards.set_filter(CardFilter(text="垃圾堆放1"))  # 1, 10 … 19: fewer, in some lanes
    assert layouts and all(ids(cards, lane) == want for lane, want in shown_from_scratch(cards, "垃圾堆放1").items())


def test_keystrokes_between_feed_batches_show_what_the_cards_say(cards, qtbot):
    """The texts the filter keeps lined up per lane (and per shown lane, for a narrowing
    keystroke) follow every feed change: keystrokes and batches interleaved, each step checked
    against the cards themselves."""
    rng = random.Random(6)
    next_id = 1000
    for step in range(60):
        if step % 3:
            cards.set_filter(CardFilter(text=rng.choice(["", "垃", "垃圾", "垃圾堆放1", "燕翔", "路灯", "1", "新"])))
        else:
            changed, gone = [], []
            for old in rng.sample(list(cards.cards.values()), 8):
                what = rng.randrange(4)
                if what == 0:
                    changed.append(replace(old, version=old.version + 1, title=rng.choice(["新垃圾", "路灯坏了", "占道"])))
                elif what == 1 and old.status in NEXT:
                    status = NEXT[old.status]
                    changed.append(replace(old, version=old.version + 1, status=status, lane=LANE_OF[status]))
                elif what == 2 and old.handle_due:
                    changed.append(replace(old, version=old.version + 1,
                                           handle_due=old.handle_due + timedelta(minutes=rng.randrange(-900, 900))))
                else:
                    gone.append(old.id)
            next_id += 1
            changed.append(card(next_id, rng.choice([Status.REGISTERED, Status.IN_PROGRESS]), title="新垃圾桶"))
            cards.apply(changed, gone)
            if step % 2:  # sometimes the idle turns have lined the texts up again, sometimes not
                qtbot.waitUntil(lambda: cards.prepared)
        want = shown_from_scratch(cards, cards.filter.text)
        assert {lane: ids(cards, lane) for lane in Lane} == want, step
    assert cards.resets == []
