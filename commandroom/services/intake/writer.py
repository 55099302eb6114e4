"""The intake's group commit: one thread writes the reports that arrived together in one
transaction, then answers each of them.

An HTTP handler hands its checked report to ``submit`` and awaits the outcome; the writer
takes whatever has queued up (at most ``max_batch``), receives it through
``IntakeCommands.receive_batch`` (each report checked apart, one commit for all) and resolves
each waiting handler on its event loop. A ``201`` is therefore sent only after the commit. One
commit per batch instead of per report is what lets a storm of posts through: SQLite has one
writer at a time, and a commit is the costly part of a small write.

``commit_delay`` (seconds) is how long the writer waits for more reports once the first of a
batch is there, as PostgreSQL's own ``commit_delay`` does: without it a writer that keeps up
commits batches of two or three, and each batch costs the database the same round of
statements whatever its size (its CPU a report doubled: bench/bench_intake.py). A storm fills
the batch before the delay is up; a lone report waits at most that long.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
import time
from dataclasses import dataclass

from commandroom.models.commands.intake import IntakeCommands, Received
from commandroom.models.errors import CommandroomError
from commandroom.models.incoming import IncomingReport

log = logging.getLogger(__name__)


@dataclass
class _Pending:
    report: IncomingReport
    future: asyncio.Future
    loop: asyncio.AbstractEventLoop


class WriterStopped(RuntimeError):
    """The writer was stopped before the report could be written."""


class ReportWriter:
    def __init__(self, commands: IntakeCommands, *, max_batch: int = 200, commit_delay: float = 0.0):
        self.commands = commands
        self.max_batch = max_batch
        self.commit_delay = commit_delay
        self._queue: queue.SimpleQueue[_Pending | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self.batches = 0  # how many transactions were committed (for the benchmark's note)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="intake-writer", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            self._thread = None

    async def submit(self, report: IncomingReport) -> Received | CommandroomError:
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self._queue.put(_Pending(report, future, loop))
        return await future

    def _run(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            batch = [first]
            stopping = False
            deadline = time.monotonic() + self.commit_delay
            while len(batch) < self.max_batch:
                try:
                    item = self._queue.get(timeout=max(0.0, deadline - time.monotonic()))
                except queue.Empty:
                    break
                if item is None:
                    stopping = True
                    break
                batch.append(item)
            self._write(batch)
            if stopping:
                self._drain()
                return

    def _write(self, batch: list[_Pending]) -> None:
        try:
            outcomes = self.commands.receive_batch([p.report for p in batch])
            self.batches += 1
        except Exception as exc:  # the whole transaction failed: every report in it is unsaved
            log.exception("intake batch of %d failed", len(batch))
            outcomes = [exc] * len(batch)
        _resolve_all(batch, outcomes)

    def _drain(self) -> None:
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return
            if item is not None:
                _resolve_all([item], [WriterStopped("the intake is stopping")])


def _resolve_all(batch: list[_Pending], outcomes: list) -> None:
    """Settle each waiting handler on its own loop: one wake-up per loop for the whole batch
    (each ``call_soon_threadsafe`` writes to the loop's wake-up pipe)."""
    by_loop: dict[asyncio.AbstractEventLoop, list] = {}
    for pending, outcome in zip(batch, outcomes):
        by_loop.setdefault(pending.loop, []).append((pending.future, outcome))

    def settle(settled: list) -> None:
        for future, outcome in settled:
            if not future.done():  # the client may have gone away
                future.set_result(outcome)

    for loop, settled in by_loop.items():
        try:
            loop.call_soon_threadsafe(settle, settled)
        except RuntimeError:  # its loop has closed: nobody is waiting any more
            pass
