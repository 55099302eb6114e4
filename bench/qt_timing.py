"""Timing a step of a Qt window as the officer sees it: the step, then the event loop's turn that
lays out and paints what it changed; wall clock and this process's CPU time (the machine is
shared: the CPU time is what the window itself costs)."""

from __future__ import annotations

import time
from collections.abc import Callable


def timer(app, times: dict[str, list[float]]) -> Callable[[str, Callable[[], None]], None]:
    """A ``timed(name, step)`` that adds the step's seconds to ``times[name]`` and its CPU
    seconds to ``times[name + "_cpu"]``."""

    def timed(name: str, step: Callable[[], None]) -> None:
        started, cpu = time.perf_counter(), time.process_time()
        step()
        app.processEvents()
        times.setdefault(name, []).append(time.perf_counter() - started)
        times.setdefault(f"{name}_cpu", []).append(time.process_time() - cpu)

    return timed
