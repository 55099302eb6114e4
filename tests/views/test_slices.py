"""A storm's big feed batch reaches a dock in slices, one per turn of the event loop, in order;
a small batch is taken at once, and a reload drops what was still waiting."""

from __future__ import annotations

from commandroom.views.common.slices import Slices


def test_a_big_batch_goes_in_order_one_slice_a_turn(qtbot):
    taken: list[list] = []
    slices = Slices(taken.append, size=3)
    slices.feed([1, 2])  # small: at once
    assert taken == [[1, 2]]
    slices.feed(list(range(10, 18)))
    assert taken == [[1, 2], [10, 11, 12]] and slices.pending == 2  # the rest after this turn
    slices.feed([99])  # a newer batch waits behind them
    qtbot.waitUntil(lambda: slices.pending == 0)
    assert taken == [[1, 2], [10, 11, 12], [13, 14, 15], [16, 17], [99]]


def test_a_reload_drops_the_waiting_slices(qtbot):
    taken: list[list] = []
    slices = Slices(taken.append, size=2)
    slices.feed([1, 2, 3, 4, 5])
    slices.clear()
    slices.feed([7])
    qtbot.waitUntil(lambda: slices.pending == 0)
    assert taken == [[1, 2], [7]]
