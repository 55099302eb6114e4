"""Under the meeting window: the week's activity per hour, the instant as a line across it, a
slider, play and pause at a chosen speed, and steps to the previous or next change."""

from __future__ import annotations

from datetime import datetime, timedelta

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from commandroom.services.replay_clock import SPEEDS, ReplayClock

SPEED_TEXT = {600: QT_TRANSLATE_NOOP("TimelineBar", "10分钟/秒"), 3600: QT_TRANSLATE_NOOP("TimelineBar", "1小时/秒"),
              6 * 3600: QT_TRANSLATE_NOOP("TimelineBar", "6小时/秒"), 24 * 3600: QT_TRANSLATE_NOOP("TimelineBar", "1天/秒")}
WEEKDAY_TEXT = [QT_TRANSLATE_NOOP("TimelineBar", d) for d in ("周一", "周二", "周三", "周四", "周五", "周六", "周日")]


class TimelineBar(QWidget):
    # ---- signals -----------------------------------------------------------------------
    sig_step = Signal(int)  # -1: to the previous change, +1: to the next

    def __init__(self, clock: ReplayClock, activity: list[int], parent=None):
        super().__init__(parent)
        self.setObjectName("meetingTimeline")
        self.clock = clock
        self.plot = pg.PlotWidget(background=None)
        self.plot.setFixedHeight(110)
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        self.plot.getAxis("left").setWidth(36)
        hours = list(range(len(activity)))
        self.plot.addItem(pg.BarGraphItem(x=[h + 0.5 for h in hours], height=activity, width=0.9,
                                          brush="#5b7fa6", pen=pg.mkPen(None)))
        days = range(0, len(activity) + 1, 24)
        weekdays = [self.tr(day) for day in WEEKDAY_TEXT]
        self.plot.getAxis("bottom").setTicks([[(d + 12, weekdays[d // 24 % 7]) for d in days
                                              if d + 12 <= len(activity)]])
        for d in days:
            self.plot.addItem(pg.InfiniteLine(d, angle=90, pen=pg.mkPen("#bbbbbb", width=1)))
        self.line = pg.InfiniteLine(0, angle=90, pen=pg.mkPen("#c0392b", width=2))
        self.plot.addItem(self.line)
        self.plot.setXRange(0, max(1, len(activity)), padding=0)

        self.slider = QSlider(Qt.Orientation.Horizontal, objectName="meetingSlider")
        self.slider.setRange(0, int((clock.end - clock.start).total_seconds() // 60))
        self.slider.valueChanged.connect(self._slid)
        self.play = QPushButton(self.tr("播放"), objectName="meetingPlay")
        self.play.clicked.connect(clock.toggle)
        self.back = QPushButton(self.tr("◀ 上一变化"), objectName="meetingBack")
        self.back.clicked.connect(lambda: self.sig_step.emit(-1))
        self.forward = QPushButton(self.tr("下一变化 ▶"), objectName="meetingForward")
        self.forward.clicked.connect(lambda: self.sig_step.emit(1))
        self.speed = QComboBox(objectName="meetingSpeed")
        for seconds in SPEEDS:
            self.speed.addItem(self.tr(SPEED_TEXT[seconds]), seconds)
        self.speed.setCurrentIndex(SPEEDS.index(clock.speed))
        self.speed.currentIndexChanged.connect(lambda i: setattr(clock, "speed", self.speed.itemData(i)))
        self.instant = QLabel(objectName="meetingInstant")
        self.instant.setMinimumWidth(180)

        controls = QHBoxLayout()
        for widget in (self.back, self.play, self.forward, self.speed):
            controls.addWidget(widget)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.instant)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 4)
        layout.addWidget(self.plot)
        layout.addLayout(controls)
        clock.sig_instant.connect(self.show_instant)
        clock.sig_playing.connect(lambda playing: self.play.setText(self.tr("暂停") if playing else self.tr("播放")))
        self.show_instant(clock.instant)

    def show_instant(self, at: datetime) -> None:
        minutes = int((at - self.clock.start).total_seconds() // 60)
        self.line.setValue(minutes / 60)
        self.slider.blockSignals(True)
        self.slider.setValue(minutes)
        self.slider.blockSignals(False)
        self.instant.setText(f"{self.tr(WEEKDAY_TEXT[at.weekday()])} {at:%m-%d %H:%M}")

    def _slid(self, minutes: int) -> None:
        self.clock.seek(self.clock.start + timedelta(minutes=minutes))
