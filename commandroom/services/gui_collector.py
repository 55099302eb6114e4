"""The cyclic garbage collector, run by the GUI thread only.

Python starts a collection in whichever thread happens to allocate past the threshold: in a
console that is mostly the feed pump, the call desk or the intake server. A collection frees
every unreachable cycle it finds, and a cycle may hold a Qt widget (a closed dialog and its
slots, a window a test let go of): its C++ destructor then runs in that worker thread. Qt
widgets may only be touched by the GUI thread; what happens instead was seen here — "QBasicTimer::
start: Timers cannot be started from another thread" warnings, a deadlock between a destructor's
mutex and the GIL (a full test run hung), and a segmentation fault (a window in a cycle,
collected by ``gc.collect()`` in a ``threading.Thread``).

So while the GUI runs, Python's automatic collection is off (``gc.disable``) and this timer does
the same work on the GUI thread, from the same counters and thresholds (``gc.get_count``,
``gc.get_threshold``: the console's ``gil_pace.GC_THRESHOLDS`` apply as before). Worker threads
then never collect; objects are still freed by reference counting the moment they are let go,
wherever that happens. Between two ticks, garbage cycles wait at most ``TICK_MS``; an idle
console's tick only reads the counters.

Full collections (the oldest generation) keep Python's own brake: one is started only when the
objects that reached the oldest generation since the last full one are at least a quarter of
those it held then (CPython's ``long_lived_pending > long_lived_total / 4``), so a big, stable
heap is not walked again and again.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

TICK_MS = 50  # a storm allocates ~10^5 objects a second: a young collection of ~5,000, ~1 ms


class GuiCollector(QObject):
    """Started once the application exists; ``stop`` gives the collector back to Python."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._long_lived = len(gc.get_objects(2))  # the oldest generation after the last full one
        self._pending = 0  # objects that reached it since
        self._young_runs = 0.0  # young thresholds' worth collected since the middle generation was
        self.collections = [0, 0, 0]  # per generation, since started

    def start(self) -> None:
        gc.disable()
        self._timer.start(TICK_MS)

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    def is_running(self) -> bool:
        return self._timer.isActive()

    def tick(self) -> None:
        """Collect what Python would have collected by now (``gcmodule.c: collect_generations``).
        A tick may come after several young thresholds' worth of objects (a storm: ten or more):
        counted as that many young collections, so the middle generation is collected as often,
        in objects, as Python would, and each of its walks stays as short."""
        young, _middle, old = gc.get_count()
        young_max, middle_max, old_max = gc.get_threshold()
        if young <= young_max:
            return
        self._young_runs += young / young_max
        if old > old_max and self._pending > self._long_lived / 4:
            gc.collect(2)
            self._long_lived, self._pending, self._young_runs = len(gc.get_objects(2)), 0, 0.0
            self.collections[2] += 1
        elif self._young_runs > middle_max:
            # What survives goes to the oldest generation: the young ones are small, counted at once.
            walked = len(gc.get_objects(0)) + len(gc.get_objects(1))
            self._pending += walked - gc.collect(1)
            self._young_runs = 0.0
            self.collections[1] += 1
        else:
            gc.collect(0)
            self.collections[0] += 1


def collect_on_gui_thread(app: QObject) -> GuiCollector:
    """The application's collector, started (one per application, however often asked)."""
    collector = app.findChild(GuiCollector)
    if collector is None:
        collector = GuiCollector(app)
    if not collector.is_running():
        collector.start()
    return collector
