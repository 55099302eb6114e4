"""Where the GUI thread's time goes during a storm: the Python it runs, timed, and its CPU time.

``probe_slots`` wraps, at class level and before the console connects them, the methods Qt calls
on the GUI thread (the feed's slots, the slices' turns, the clocks' ticks, the models' ``data``);
each outermost call is a span (start, end, the GUI thread's CPU time in it, a name). The
heartbeat records the GUI thread's CPU time and its wait for a core (Linux's schedstat) at each
beat too, so a long gap splits into the thread working, waiting for a core of a loaded machine,
and the rest: blocked, i.e. waiting for the GIL another thread of this process held. ``report`` prints the longest gaps with what ran inside them,
and the totals per name. (Timing Qt's ``notify`` instead crashes PySide 6.11 under load.)
"""

from __future__ import annotations

import functools
import threading
import time
from collections import defaultdict

_STATE = threading.local()
SPANS: list[tuple[float, float, float, str]] = []  # start, end, GUI-thread CPU, name
COLLECTIONS: list[tuple[float, float, int, str, float]] = []  # the cyclic GC's: start, end, generation, thread, CPU
_GC_STARTED: dict[int, tuple[float, float]] = {}


def _gc_callback(phase: str, info: dict) -> None:
    """Time each collection of the cyclic garbage collector: it holds the GIL throughout, so a
    long one stalls every thread, the GUI's included, whichever thread it runs in."""
    ident = threading.get_ident()
    if phase == "start":
        _GC_STARTED[ident] = time.perf_counter(), time.thread_time()
    elif ident in _GC_STARTED:
        started, cpu = _GC_STARTED.pop(ident)
        COLLECTIONS.append((started, time.perf_counter(), info["generation"],
                            threading.current_thread().name, time.thread_time() - cpu))


def watch_gc() -> None:
    import gc

    gc.callbacks.append(_gc_callback)


def probe_slots(*triples) -> None:
    """Wrap ``(class, method name, how to name a call)`` triples; the namer gets the call's
    ``self`` and arguments (None: the method's own name)."""
    for cls, name, namer in triples:
        original = getattr(cls, name)
        default = f"{cls.__name__}.{name}"

        @functools.wraps(original)
        def wrapper(self, *args, _original=original, _default=default, _namer=namer):
            if getattr(_STATE, "inside", False) or threading.current_thread() is not threading.main_thread():
                return _original(self, *args)
            _STATE.inside = True
            started, cpu = time.perf_counter(), time.thread_time()
            try:
                return _original(self, *args)
            finally:
                _STATE.inside = False
                label = _namer(self, *args) if _namer else _default
                SPANS.append((started, time.perf_counter(), time.thread_time() - cpu, label))

        setattr(cls, name, wrapper)


def by_view(cls_name: str):
    """Name a feed slot by the read model it was given (its first argument)."""
    return lambda _self, name, *_rest: f"{cls_name}({name})"


def probe_console() -> None:
    """The console's GUI-thread entry points, wrapped before it is built."""
    from commandroom.views.board.board_panel import BoardPanel
    from commandroom.views.calls.call_queue import CallQueuePanel
    from commandroom.views.calls.queue_model import CallQueueModel
    from commandroom.views.common.quiet_table import QuietTable
    from commandroom.views.common.slices import Slices
    from commandroom.views.common.laid_cells import LaidCellDelegate
    from commandroom.views.events.event_table_model import EventTableModel
    from commandroom.views.detail.detail_header import DetailHeader
    from commandroom.views.main_window import MainWindow

    probe_slots((MainWindow, "on_view_changed", by_view("window.on_view_changed")),
                (MainWindow, "on_view_loaded", by_view("window.on_view_loaded")),
                (MainWindow, "on_rows_changed", None), (MainWindow, "on_loaded", None),
                (MainWindow, "_tick", None),
                (BoardPanel, "on_view_changed", by_view("board.on_view_changed")),
                (Slices, "_next", lambda self: f"slice of {type(self._apply.__self__).__name__}"),
                (CallQueuePanel, "on_presence", None), (CallQueuePanel, "on_advice", None),
                (CallQueuePanel, "_tick", None),
                # Each a call from Qt into Python: the queue answers a cell in one (multiData).
                (CallQueueModel, "multiData", None), (EventTableModel, "multiData", None),
                (EventTableModel, "data", None),
                (LaidCellDelegate, "paint", None),  # the event list's and the queue's one call per cell
                (DetailHeader, "_fit_pairs", None),  # a new set of fields measured, a turn after
                (QuietTable, "paintEvent", _painted))


def _painted(table, event) -> str:
    """A table's repaint: of most of its viewport, or of a part (a band of rows, the clock's
    column); the region's own rectangles, not their bounding box."""
    area = sum(r.width() * r.height() for r in event.region())
    viewport = table.viewport().rect()
    most = area * 2 > viewport.width() * viewport.height()
    return f"{table.objectName()} paints {'most' if most else 'a part'}"


_SCHEDSTAT: dict[int, int] = {}  # thread id -> its open /proc schedstat file


def run_delay() -> float:
    """Seconds the calling thread has spent runnable but waiting for a core (Linux's
    schedstat; 0 elsewhere). A gap's wall time is then its CPU time, this wait for the machine,
    and the rest blocked: waiting for the GIL (or idle, which a late heartbeat is not)."""
    import os

    ident = threading.get_native_id()
    fd = _SCHEDSTAT.get(ident)
    if fd is None:
        try:
            fd = _SCHEDSTAT[ident] = os.open(f"/proc/self/task/{ident}/schedstat", os.O_RDONLY)
        except OSError:
            _SCHEDSTAT[ident] = -1
            return 0.0
    if fd < 0:
        return 0.0
    return int(os.pread(fd, 100, 0).split()[1]) / 1e9


def report(beats: list[tuple[float, float, float]], top: int = 10, over_ms: float = 25.0) -> None:
    """``beats``: (perf_counter, GUI thread's CPU time, its wait for a core) at each heartbeat."""
    gaps = sorted(((b[0] - a[0], b[1] - a[1], b[2] - a[2], a[0], b[0]) for a, b in zip(beats, beats[1:])
                   if (b[0] - a[0]) * 1000 > over_ms), reverse=True)
    print(f"  storm from {beats[0][0]:.3f} to {beats[-1][0]:.3f} (perf_counter: CLOCK_MONOTONIC on Linux, as `perf record -k CLOCK_MONOTONIC`)")
    print(f"  heartbeat gaps over {over_ms:.0f} ms: {len(gaps)}; the longest, with the GUI thread's "
          f"CPU time in them, its wait for a core, the rest (blocked: the GIL) and the Python it ran:")
    for length, cpu, queued, start, end in gaps[:top]:
        inside: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0.0])
        for s, e, c, name in SPANS:
            if s < end and e > start:
                t = inside[name]
                t[0] += 1
                t[1] += min(e, end) - max(s, start)
                t[2] += c
        parts = ", ".join(f"{name}×{int(n)} {w * 1000:.0f} ms (cpu {c * 1000:.0f})"
                          for name, (n, w, c) in sorted(inside.items(), key=lambda kv: -kv[1][1])[:4])
        collected = [(e - s, g) for s, e, g, _t, _c in COLLECTIONS if s < end and e > start]
        gc_text = (f", GC {sum(w for w, _ in collected) * 1000:.0f} ms (gen {max(g for _, g in collected)})"
                   if collected else "")
        blocked = max(0.0, length - cpu - queued)
        print(f"  gap {length * 1000:6.0f} ms at {start:.3f}, GUI cpu {cpu * 1000:4.0f} ms, core wait {queued * 1000:4.0f} ms, "
              f"blocked {blocked * 1000:4.0f} ms{gc_text}: {parts or 'no probed Python'}")
    totals_gaps = [sum(x) for x in zip(*((g[0], g[1], g[2]) for g in gaps))] or [0.0, 0.0, 0.0]
    print(f"  all gaps over {over_ms:.0f} ms: {totals_gaps[0] * 1000:.0f} ms, GUI cpu {totals_gaps[1] * 1000:.0f}, "
          f"core wait {totals_gaps[2] * 1000:.0f}, blocked "
          f"{max(0.0, totals_gaps[0] - totals_gaps[1] - totals_gaps[2]) * 1000:.0f}")
    totals: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0.0, 0.0])
    for s, e, c, name in SPANS:
        if beats and s < beats[0][0]:  # the opening, before the storm
            continue
        t = totals[name]
        t[0] += 1
        t[1] += e - s
        t[2] = max(t[2], e - s)
        t[3] += c
    during = [(e - s, g, c) for s, e, g, _t, c in COLLECTIONS if beats and s >= beats[0][0]]
    for generation in range(3):
        times = sorted(w for w, g, _c in during if g == generation)
        cpus = sorted(c for _w, g, c in during if g == generation)
        if times:
            print(f"  GC generation {generation}: {len(times)} collections, longest {times[-1] * 1000:.1f} ms "
                  f"(CPU {cpus[-1] * 1000:.1f}), total {sum(times) * 1000:.0f} ms (CPU {sum(cpus) * 1000:.0f})")
    print(f"  {'probed call during the storm':<52} {'count':>7} {'total ms':>9} {'max ms':>7} {'cpu ms':>7}")
    for name, (n, total, longest, cpu) in sorted(totals.items(), key=lambda kv: -kv[1][1])[:20]:
        print(f"  {name[:52]:<52} {n:7d} {total * 1000:9.0f} {longest * 1000:7.1f} {cpu * 1000:7.0f}")


def thread_cpu() -> dict[str, float]:
    """CPU seconds of each thread of this process by its name (Qt names a QThread's OS thread
    after its object name; a Python thread goes by its Python name, the GUI thread as "GUI":
    the OS calls them all "python"), summed over threads of the same name."""
    import os

    tick = os.sysconf("SC_CLK_TCK")
    totals: dict[str, float] = defaultdict(float)
    # A QThread that ran Python is a "Dummy-N" to Python: its OS name (its object's) is better.
    python_names = {t.native_id: t.name for t in threading.enumerate() if not t.name.startswith("Dummy-")}
    python_names[threading.main_thread().native_id] = "GUI"
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/comm") as f:
                name = python_names.get(int(tid)) or f.read().strip()
            with open(f"/proc/self/task/{tid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:  # the thread ended meanwhile
            continue
        totals[name] += (int(fields[11]) + int(fields[12])) / tick
    return totals


def report_threads(before: dict[str, float], after: dict[str, float], seconds: float) -> None:
    spent = sorted(((after[n] - before.get(n, 0.0), n) for n in after), reverse=True)
    print("  CPU of this process's threads during the storm: " + ", ".join(
        f"{name} {cpu:.1f} s" for cpu, name in spent[:8] if cpu > 0.05) + f" (in {seconds:.0f} s)")
