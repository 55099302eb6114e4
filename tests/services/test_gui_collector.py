"""The cyclic collector runs on the GUI thread only (services/gui_collector.py): a worker thread
that allocates past every threshold never starts a collection, and a garbage cycle holding a
widget is freed on the GUI thread."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtWidgets import QWidget

from commandroom.services.gui_collector import GuiCollector, collect_on_gui_thread


def _cycles(n: int) -> None:
    for _ in range(n):
        cycle: list = []
        cycle.append(cycle)


def test_a_worker_never_collects_and_a_widgets_cycle_is_freed_on_the_gui_thread(qtbot, qapp):
    collector = collect_on_gui_thread(qapp)
    assert collector is collect_on_gui_thread(qapp) and collector.is_running()
    assert not gc.isenabled()
    threads = []
    record = lambda phase, _info: phase == "start" and threads.append(threading.get_ident())  # noqa: E731
    gc.callbacks.append(record)
    try:
        widget = QWidget()
        widget.me = widget  # a cycle: only the collector frees it
        gone = weakref.ref(widget)
        del widget
        worker = threading.Thread(target=_cycles, args=(200_000,))  # ~100 young thresholds' worth
        worker.start()
        worker.join()
        assert threads == []  # Python would have collected ~100 times, in the worker
        qtbot.waitUntil(lambda: gone() is None, timeout=5_000)
        assert set(threads) == {threading.get_ident()}
    finally:
        gc.callbacks.remove(record)


def test_a_tick_collects_the_generation_python_would(qapp):
    collector = GuiCollector()
    saved = gc.get_threshold()
    gc.disable()  # as started, without its timer: the ticks are the test's
    try:
        gc.set_threshold(1000, 3, 2**31 - 1)  # the console's: no full collection by the counts
        gc.collect()
        for _ in range(8):
            _cycles(1_500)
            collector.tick()
        # Each tick 1.5 young thresholds' worth: the middle at the 3rd and the 6th (4.5, past 3).
        assert collector.collections == [6, 2, 0]
        collector.tick()  # below the young threshold: nothing
        assert sum(collector.collections) == 8
        _cycles(5_000)  # a storm's tick: five young thresholds' worth at once
        collector.tick()
        assert collector.collections == [6, 3, 0]
        gc.set_threshold(1000, 3, 0)  # full collections allowed: one, as the survivors have grown
        kept = [[n] for n in range(4 * len(gc.get_objects(2)))]  # more than a quarter
        for _ in range(8):
            _cycles(1_500)
            collector.tick()
        # One, once the kept rows reached the oldest generation; none after it, though the count
        # allows one at every tick: what came since is far under a quarter of what it holds.
        assert collector.collections[2] == 1
        del kept
    finally:
        gc.set_threshold(*saved)
        if collect_on_gui_thread(qapp).is_running():
            gc.disable()
        collector.deleteLater()
