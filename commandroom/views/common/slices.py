"""Big feed batches taken in slices, one per turn of the GUI's event loop.

Under a storm of reports the feed pump hands a dock hundreds of new rows at once; taking them
into a long sorted list costs tens of milliseconds per hundred rows (the proxy's sorting, the
repaint), and the whole batch in one go would hold the event loop that long. A ``Slices``
passes them on ``size`` at a time, in their order: the first slice at once (a small batch is
taken as before, synchronously), the rest each in a later turn, after the timers and the input
that waited. A newer batch queues behind the slices still pending, so order is kept; a reload
(``clear``) drops them, being newer than all of them.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

SLICE = 40  # rows a turn: a few milliseconds of a quiet machine's GUI thread, for each dock


class Slices(QObject):
    def __init__(self, apply: Callable[[list], None], size: int = SLICE, parent=None):
        super().__init__(parent)
        self._apply = apply
        self._size = size
        self._pending: deque[list] = deque()
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._next)

    def feed(self, items: list) -> None:
        for start in range(0, len(items), self._size):
            self._pending.append(items[start:start + self._size])
        if not self._timer.isActive():
            self._next()

    def clear(self) -> None:
        self._pending.clear()
        self._timer.stop()

    @property
    def pending(self) -> int:
        return len(self._pending)

    def _next(self) -> None:
        if self._pending:
            self._apply(self._pending.popleft())
        if self._pending:
            self._timer.start()
