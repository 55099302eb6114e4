"""The GUI thread's share of the interpreter while the console's worker threads compute.

The feed pump and the call desk run Python in their own threads of the console's process; the
GUI thread calls into Python for every table cell it paints, and each call must take the GIL
back. Two things decide how long it waits (``bench/bench_intake.py --probe`` measures both):

- The switch interval: a thread wanting the GIL waits that long before the holder is asked to
  let go. Python's 5 ms made each painted cell wait up to 5 ms while the pump worked; 0.2 ms
  keeps a repaint of a storm's queue (~90 calls, one a cell: ``views/common/one_call.py``) in
  tens of milliseconds. Only threads that contend pay the extra switches.
- The cyclic garbage collector: a full collection walks every tracked object while holding the
  GIL, stopping every thread for its whole length (330 ms on the bench's 3-day street during a
  storm). ``settle_heap``, once the console has opened, freezes what the opening made (modules,
  classes, the snapshot's rows: nothing there is garbage that only the cycle finder frees), so
  later collections walk only what came after. Objects frozen are still freed by reference
  counting as usual. A storm then fills the heap again (each report a row in the queue, the
  event list, the desk's caches), and each full collection walked all of it: 90 to 130 ms
  twice in a 40 s storm, and longer as it goes on. So every full collection's survivors are
  frozen the moment it ends (``_freeze_survivors``): it has just freed every garbage cycle, so
  nothing is frozen that was garbage; the next one walks only what came since.
- Even so, each automatic full collection walked a storm's whole heap since the last (each
  report a row in the queue, the event list, the desk's caches): 75 to 130 ms, the GUI stopped
  throughout, at a moment the collector's counters chose, i.e. mid-storm. While the console
  runs, the collector therefore never starts a full collection by itself (``GC_THRESHOLDS``:
  the oldest generation's threshold out of reach); the young generations, where nearly every
  garbage cycle dies, are collected as before, less often (a larger first threshold: fewer,
  still short passes). The full collections are the hourly sweep's (below).
- What is frozen and later becomes a garbage cycle (a closed dialog's wrapper and its slots, a
  session that was open during a freeze) is not freed until it is walked again: a console runs
  for weeks, so ``sweep_heap`` walks everything once an hour (``SWEEP_MS``) and freezes again —
  one pause of ~100 ms an hour instead of a heap that only grows. The pause is taken when the
  feed is quiet (``HeapSweeper``): put off minute by minute while batches keep coming, so it does
  not fall inside a storm, but not forever (a heap must not grow through a day-long storm).
"""

from __future__ import annotations

import gc
import logging
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

GUI_SWITCH_INTERVAL = 0.0002  # seconds (Python's default: 0.005)
SWEEP_MS = 3_600_000  # how often everything frozen is walked again (its dead cycles freed)
SWEEP_QUIET_S = 10.0  # the feed quiet this long: the sweep's ~100 ms will not stall a storm
SWEEP_RETRY_MS = 60_000  # a sweep put off is tried again this much later
SWEEP_PUT_OFF_MAX = 30  # times at most: after half an hour of storm the heap is swept anyway
# The collector's thresholds while the console runs: a young collection every 2,000 net new
# objects (Python's 700: ~10 passes a second in a storm), the middle one every 10 of those, and
# no automatic full collection (its counter never reaches the third); Python's are put back
# when the console closes.
GC_THRESHOLDS = (2000, 10, 2**31 - 1)
_saved_thresholds: list[tuple[int, int, int]] = []


def pace_gui() -> None:
    sys.setswitchinterval(GUI_SWITCH_INTERVAL)


def settle_heap() -> None:
    """Freeze what the opening made out of the collector's future walks. No collection first:
    a full one walks the whole heap on the GUI thread (a second or more in a big process: the
    first feed batch after the opening waited for it); the opening's few garbage cycles stay
    frozen, a bounded and one-off cost. Freezing itself moves a list: instant."""
    gc.freeze()
    if _freeze_survivors not in gc.callbacks:
        gc.callbacks.append(_freeze_survivors)
        _saved_thresholds.append(gc.get_threshold())
        gc.set_threshold(*GC_THRESHOLDS)
    log.info("heap settled: %d objects frozen", gc.get_freeze_count())


def sweep_heap() -> int:
    """Walk everything once (frozen included) and free its garbage cycles; the survivors are
    frozen again by ``_freeze_survivors`` as the collection ends. Returns what was freed."""
    gc.unfreeze()
    freed = gc.collect()
    if _freeze_survivors not in gc.callbacks:  # the console has closed meanwhile: leave it thawed
        gc.unfreeze()
    log.info("heap swept: %d objects freed, %d frozen", freed, gc.get_freeze_count())
    return freed


class HeapSweeper(QObject):
    """``sweep_heap`` every ``SWEEP_MS``, at a quiet moment: ``busy`` is told of each feed
    batch, and a sweep due within ``SWEEP_QUIET_S`` of one waits (at most ``SWEEP_PUT_OFF_MAX``
    retries)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._due)
        self._last_busy = float("-inf")
        self.put_off = 0  # retries since the sweep fell due

    def start(self) -> None:
        self._timer.start(SWEEP_MS)

    def waiting_ms(self) -> int:
        """How long the current wait was set for (an hour, or a put-off's minute); -1: none."""
        return self._timer.interval() if self._timer.isActive() else -1

    def busy(self, *_args) -> None:
        self._last_busy = time.monotonic()

    def _due(self) -> None:
        if time.monotonic() - self._last_busy < SWEEP_QUIET_S and self.put_off < SWEEP_PUT_OFF_MAX:
            self.put_off += 1
            self._timer.start(SWEEP_RETRY_MS)
            return
        self.put_off = 0
        sweep_heap()
        self._timer.start(SWEEP_MS)


def release_heap() -> None:
    """The console closes: what was frozen may be walked (and its cycles freed) again."""
    if _freeze_survivors in gc.callbacks:
        gc.callbacks.remove(_freeze_survivors)
    if _saved_thresholds:
        gc.set_threshold(*_saved_thresholds.pop())
    gc.unfreeze()


@contextmanager
def no_collection() -> Iterator[None]:
    """No cyclic collection within: for a step that makes many objects at once, most of them
    kept (the meeting's seek). The collector resumes as it was after it."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _freeze_survivors(phase: str, info: dict) -> None:
    """After a full collection (the oldest generation): what survived it is long-lived; out of
    the next ones' walks. (A frozen object that later becomes part of a garbage cycle waits for
    ``release_heap``: a row is freed by its count, as every frozen object is.)"""
    if phase == "stop" and info["generation"] == 2:
        gc.freeze()
