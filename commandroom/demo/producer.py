"""``stream.produce`` of one lane in a producer process, so simulating and inserting overlap.

Why: a big history is two jobs, simulating in Python (the larger: about one and a half times the
insert) and inserting (mostly SQLite's B-tree work, or PostgreSQL's). In one process they take
turns; with each lane of the simulation in a process of its own, the next days are simulated
while this one is being inserted, and the run takes about as long as the slowest of them. A
thread would not do: the simulation holds the GIL, and ``executemany`` must win it back for
every row it binds, so the inserts would crawl.

How: the producer is spawned (no fork: safe beside Qt and threads) and runs the same ``produce``
from the same seed, so the rows are the same either way. Its main thread simulates into a small
queue; a second thread pickles each day and writes it to the pipe. That thread does the
blocking: when the consumer is busy with a long transaction, the simulation goes on until the
queue holds ``AHEAD`` days, which bounds the memory to a few days of rows.

It never outlives its parent: on Linux the kernel kills it when the parent dies (even by
``kill -9``); elsewhere a watcher thread sees the parent change; and a broken pipe ends it at
once. Ctrl-C is the parent's business (the terminal sends it to the whole process group): the
producer ignores it and is ended by its parent, so the user sees one line, not two tracebacks.
"""

from __future__ import annotations

import ctypes
import io
import multiprocessing
import os
import pickle
import queue
import signal
import sys
import threading
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from commandroom.demo.stream import Header, Plan, gc_paused, produce

AHEAD = 3  # days simulated and not yet sent
PR_SET_PDEATHSIG = 1  # linux/prctl.h
WATCH_SECONDS = 0.5
NICER = 10  # the producers' scheduling priority below their parent's (see _serve)


@dataclass(frozen=True)
class _Failure:
    text: str  # the producer's traceback


def produce_elsewhere(plan: Plan, lane: int = 0) -> Iterator[Header | dict[str, list]]:
    """``produce(plan, lane)``, run in a spawned process. Close the iterator to stop it early."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_serve, args=(plan, lane, sender, os.getpid()),
                              name=f"demo-producer-{lane}", daemon=True)
    with _sigint_blocked():
        process.start()
    sender.close()  # the child holds the only sending end now: if it dies, recv raises EOFError
    try:
        while (message := _receive(receiver)) is not None:
            yield message
    finally:
        receiver.close()  # a producer still sending gets a broken pipe
        process.join(timeout=2)  # at the end of the stream it has already finished
        if process.is_alive():  # stopped early: the producer may be waiting on its full queue
            process.terminate()
            process.join()


def _receive(receiver):
    try:
        message = pickle.loads(receiver.recv_bytes())
    except EOFError:
        raise RuntimeError(
            "the demo producer process ended without a word: a script that calls generate() needs "
            "the `if __name__ == '__main__':` guard for multiprocessing, or overlap=False") from None
    if isinstance(message, _Failure):
        raise RuntimeError(f"the demo producer failed:\n{message.text}")
    return message


@contextmanager
def _sigint_blocked():
    """Start the child with SIGINT blocked (the mask survives fork and exec): a Ctrl-C while its
    interpreter starts stays pending until ``_serve`` ignores it, instead of a traceback."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _follow_parent(parent: int) -> None:
    """End this process when ``parent`` ends, however it ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # a pending one is dropped
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # it died before the kernel was told to watch it
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCH_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="demo-parent-watch", daemon=True).start()


def _serve(plan: Plan, lane: int, sender, parent: int) -> None:
    """The producer process's entry (a module function, so that spawn can import it)."""
    _follow_parent(parent)
    if hasattr(os, "nice"):
        # The inserting process is the critical path: with two lanes and the inserts on two
        # cores, the lanes would take its core half the time. At a lower priority they simulate
        # in the time it leaves, into their queues, and never hold it up while they are ahead.
        os.nice(NICER)
    outbox: queue.Queue = queue.Queue(maxsize=AHEAD)
    poster = threading.Thread(target=_post, args=(outbox, sender), name="demo-poster", daemon=True)
    poster.start()
    try:
        with gc_paused():
            for message in produce(plan, lane):
                outbox.put(message)
        outbox.put(None)
    except BaseException:  # noqa: BLE001 - whatever failed, the consumer raises it
        outbox.put(_Failure(traceback.format_exc()))
    poster.join()


def _post(outbox: queue.Queue, sender) -> None:
    """Send what the simulation queues, until the end of the stream or a broken pipe: the
    consumer stopped early (and reports its own reason) or died; either way nobody wants the
    rest, so the process ends at once (its main thread may be blocked on the full queue)."""
    try:
        while True:
            message = outbox.get()
            _send(sender, message)
            if message is None or isinstance(message, _Failure):
                break
    except OSError:
        os._exit(0)
    finally:
        sender.close()


def _send(sender, message) -> None:
    """Pickle in fast mode (no memo): a third cheaper for rows, which hold no shared or
    recursive structures; repeated strings are sent again, which costs the reader little."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    pickler.dump(message)
    sender.send_bytes(buffer.getbuffer())
