"""The group commit's delay: the writer waits for more reports once the first of a batch is
there, and commits as soon as the batch is full rather than waiting the delay out."""

from __future__ import annotations

import asyncio
import time

from commandroom.services.intake.writer import ReportWriter


class Recording:
    """Stands in for ``IntakeCommands``: notes each batch, answers each report with itself."""

    def __init__(self):
        self.batches: list[list[str]] = []

    def receive_batch(self, reports):
        self.batches.append(list(reports))
        return list(reports)


async def _taken(writer: ReportWriter, report: str, timeout: float = 10.0) -> asyncio.Future:
    """Submit a report and return once the writer has taken it off its queue."""
    pending = asyncio.ensure_future(writer.submit(report))
    await asyncio.sleep(0)  # the submission runs up to its wait: the report is queued
    await _until(writer._queue.empty, timeout)
    return pending


async def _until(condition, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.001)


def _run(writer: ReportWriter, coroutine):
    writer.start()
    try:
        return asyncio.run(coroutine)
    finally:
        writer.stop()


def test_reports_that_come_one_after_another_within_the_delay_make_one_batch():
    commands = Recording()
    writer = ReportWriter(commands, max_batch=3, commit_delay=60.0)

    async def post():
        first = await _taken(writer, "r1")  # the writer has the first and waits for more
        later = [asyncio.ensure_future(writer.submit(r)) for r in ("r2", "r3")]
        return await asyncio.wait_for(asyncio.gather(first, *later), 30)

    started = time.monotonic()
    assert _run(writer, post()) == ["r1", "r2", "r3"]
    assert commands.batches == [["r1", "r2", "r3"]]
    assert time.monotonic() - started < 30  # full at three: the minute's delay was not waited out


def test_a_lone_report_is_committed_once_the_delay_is_up():
    commands = Recording()
    writer = ReportWriter(commands, max_batch=50, commit_delay=0.05)
    assert _run(writer, asyncio.wait_for(writer.submit("alone"), 30)) == "alone"
    assert commands.batches == [["alone"]]


def test_stopping_during_the_delay_commits_what_was_gathered():
    commands = Recording()
    writer = ReportWriter(commands, max_batch=50, commit_delay=60.0)

    async def post_then_stop():
        pending = await _taken(writer, "last")
        await asyncio.get_running_loop().run_in_executor(None, writer.stop)
        return await asyncio.wait_for(pending, 30)

    writer.start()
    assert asyncio.run(post_then_stop()) == "last"
    assert commands.batches == [["last"]]
