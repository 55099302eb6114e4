"""A ticker of the newest reports along the bottom of the wall: "10:32 占道经营 · 燕翔小区 ◆ …",
scrolling right to left. The text is masked in the snapshot and painted as plain text."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFrame

from commandroom.views.wall.theme import ACCENT, PANEL, TEXT, Theme

FRAME_MS = 40  # 25 frames a second: smooth from across the room, little work when idle
SEPARATOR = "   ◆   "


class Ticker(QFrame):
    def __init__(self, theme: Theme, parent=None):
        super().__init__(parent)
        self.setObjectName("wallTicker")
        self.theme = theme
        self.setFont(theme.font(32, bold=True))
        self.setFixedHeight(self.fontMetrics().height() + theme.px(12))
        self.label = self.tr("最新来件")
        self.text = ""
        self.width_of_text = 0
        self.offset = 0
        self.step = theme.px(3)
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.CoarseTimer)
        self.timer.timeout.connect(self._advance)

    def show_snapshot(self, snapshot) -> None:
        items = [f"{e.since:%H:%M} {e.title} · {e.place or e.grid}" for e in snapshot.ticker]
        text = SEPARATOR.join(items)
        if text == self.text:
            return
        if not self.text:
            self.offset = 0
        self.text = text
        self.width_of_text = self.fontMetrics().horizontalAdvance(text + SEPARATOR)  # once, not per frame
        if text and not self.timer.isActive():
            self.timer.start(FRAME_MS)
        elif not text:
            self.timer.stop()
        self.update()

    def _advance(self) -> None:
        self.offset = (self.offset + self.step) % max(self.width_of_text, 1)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        painter = QPainter(self)
        painter.fillRect(self.rect(), PANEL)
        metrics = self.fontMetrics()
        pad = self.theme.px(16)
        head = metrics.horizontalAdvance(self.label) + 2 * pad
        baseline = (self.height() + metrics.ascent() - metrics.descent()) // 2
        painter.setPen(TEXT)
        if self.text:
            painter.setClipRect(head, 0, self.width() - head, self.height())
            x = head - self.offset
            while x < self.width():  # the text again after itself, so the strip is never empty
                painter.drawText(x, baseline, self.text + SEPARATOR)
                x += max(self.width_of_text, 1)
            painter.setClipping(False)
        painter.fillRect(0, 0, head, self.height(), PANEL)
        painter.setPen(ACCENT)
        painter.drawText(pad, baseline, self.label)
        painter.end()
