"""The meeting's replay clock: an instant in the week that plays forward at a chosen speed.

20 frames a second (``FRAME_MS``); each frame moves the instant by ``speed`` seconds of history
per second of the meeting. The instant stays inside ``[start, end]``; playing stops at the end.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

FRAME_MS = 50
SPEEDS = (600, 3600, 6 * 3600, 24 * 3600)  # seconds of history per second: 10 min … 1 day


class ReplayClock(QObject):
    # ---- signals -----------------------------------------------------------------------
    sig_instant = Signal(object)  # datetime: the slider's instant moved
    sig_playing = Signal(bool)

    def __init__(self, start: datetime, end: datetime, parent=None):
        super().__init__(parent)
        self.start, self.end = start, end
        self.instant = start
        self.speed = SPEEDS[1]
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._frame)

    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    def seek(self, at: datetime) -> None:
        at = min(max(at, self.start), self.end)
        if at != self.instant:
            self.instant = at
            self.sig_instant.emit(at)

    def play(self) -> None:
        if self.instant >= self.end:
            self.seek(self.start)
        self._timer.start()
        self.sig_playing.emit(True)

    def pause(self) -> None:
        self._timer.stop()
        self.sig_playing.emit(False)

    def toggle(self) -> None:
        self.pause() if self.playing else self.play()

    def _frame(self) -> None:
        self.seek(self.instant + timedelta(seconds=self.speed * FRAME_MS / 1000))
        if self.instant >= self.end:
            self.pause()
