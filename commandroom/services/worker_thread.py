"""One QObject worker in its own QThread, started and stopped cleanly.

The worker is moved into the thread and its ``start`` slot runs there once the thread is up, so
timers and sessions it makes belong to that thread. ``stop`` runs the worker's ``stop`` slot in
the thread and waits for it, then ends the thread: nothing is left running when a window closes
or a test ends (``running()`` lets the tests check).
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QMetaObject, QObject, Qt, QThread

_RUNNING: weakref.WeakSet[WorkerThread] = weakref.WeakSet()


class WorkerThread:
    """Owns a QThread for ``worker``, which must have ``start`` and ``stop`` slots."""

    def __init__(self, worker: QObject, name: str):
        self.worker = worker
        self.thread = QThread()
        self.thread.setObjectName(name)
        worker.moveToThread(self.thread)
        self.thread.started.connect(worker.start)

    def start(self) -> None:
        _RUNNING.add(self)
        self.thread.start()

    def stop(self, timeout_ms: int = 10_000) -> bool:
        """Stop the worker in its thread, end the thread; True if it ended within the time."""
        if self.thread.isRunning():
            # Blocking: the worker's timers must be stopped from its own thread.
            QMetaObject.invokeMethod(self.worker, "stop", Qt.ConnectionType.BlockingQueuedConnection)
            self.thread.quit()
        finished = self.thread.wait(timeout_ms)
        _RUNNING.discard(self)
        return finished

    def is_running(self) -> bool:
        return self.thread.isRunning()


def running() -> list[WorkerThread]:
    """The worker threads started and not yet stopped (a test that leaves one fails)."""
    return [w for w in _RUNNING if w.is_running()]
