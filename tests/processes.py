"""Running the same work in several processes at once, for the concurrency tests.

Each worker is a fresh interpreter (``spawn``: nothing inherited from the test process, as
separate consoles would be). A barrier lets them all start together once imported, so the
test measures contention, not import times. A worker answers with what it did or with the
error it met, as text: an exception may not survive the trip between processes.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable

TIMEOUT_S = 300


def run_together(target: Callable, args_per_worker: list[tuple]) -> list:
    """Run ``target(*args)`` in one process per args tuple, all released at once; their results.

    A worker that raises is reported as ``AssertionError`` with its traceback.
    """
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(len(args_per_worker))
    results = ctx.Queue()
    workers = [ctx.Process(target=_worker, args=(i, target, args, barrier, results))
               for i, args in enumerate(args_per_worker)]
    for worker in workers:
        worker.start()
    try:
        answers = dict(results.get(timeout=TIMEOUT_S) for _ in workers)
    finally:
        for worker in workers:
            worker.join(timeout=TIMEOUT_S)
            if worker.is_alive():
                worker.kill()
    failures = [a for a in answers.values() if isinstance(a, _Failure)]
    assert not failures, "\n".join(f.text for f in failures)
    return [answers[i] for i in range(len(workers))]


class _Failure:
    def __init__(self, text: str):
        self.text = text


def _worker(index: int, target: Callable, args: tuple, barrier, results) -> None:
    try:
        barrier.wait(timeout=TIMEOUT_S)
        results.put((index, target(*args)))
    except BaseException:  # noqa: BLE001 - reported to the parent, which fails the test
        results.put((index, _Failure(traceback.format_exc())))
