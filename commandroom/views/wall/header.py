"""The wall's header: the street, the date and time (ticking), who is on duty, and whether the
data is live ("● 实时" / "✕ 数据中断": the sign and the words, not only the colour)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout

from commandroom.models.clock import Clock
from commandroom.views.wall.theme import BAD, GOOD, MUTED, FitLabel, Theme

class WallHeader(QFrame):
    def __init__(self, theme: Theme, clock: Clock, parent=None):
        super().__init__(parent)
        self.setObjectName("wallHeader")
        self.clock = clock
        row = QHBoxLayout(self)
        row.setContentsMargins(theme.px(16), theme.px(4), theme.px(16), theme.px(4))
        row.setSpacing(theme.px(32))
        self.street = FitLabel("", self, font=theme.font(44, bold=True))
        self.time = FitLabel("", self, font=theme.font(40, bold=True, numbers=True),
                             align=Qt.AlignmentFlag.AlignHCenter)
        self.duty = FitLabel("", self, font=theme.font(30), color=MUTED, name="muted",
                             align=Qt.AlignmentFlag.AlignRight)
        self.state = FitLabel("", self, font=theme.font(30, bold=True), align=Qt.AlignmentFlag.AlignRight)
        row.addWidget(self.street, 4)
        row.addWidget(self.time, 5)
        row.addWidget(self.duty, 5)
        row.addWidget(self.state, 3)
        self.set_live(True)
        self.tick()
        self.ticker = QTimer(self)
        self.ticker.timeout.connect(self.tick)
        self.ticker.start(1000)

    def tick(self) -> None:
        now: datetime = self.clock.now()
        weekday = (self.tr("星期一"), self.tr("星期二"), self.tr("星期三"), self.tr("星期四"),
                   self.tr("星期五"), self.tr("星期六"), self.tr("星期日"))[now.weekday()]
        self.time.set_text(f"{now:%Y-%m-%d} {weekday} {now:%H:%M:%S}")

    def show_snapshot(self, snapshot) -> None:
        self.street.set_text(snapshot.street)
        officer = snapshot.duty_officer or "—"
        leader = snapshot.shift_leader or "—"
        self.duty.set_text(self.tr("值班 {officer}  带班 {leader}").format(officer=officer, leader=leader))

    def set_live(self, live: bool) -> None:
        self.state.set_text(self.tr("● 实时") if live else self.tr("✕ 数据中断"))
        self.state.set_color(GOOD if live else BAD)

