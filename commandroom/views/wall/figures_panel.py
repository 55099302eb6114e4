"""Today's figures: 受理, 立案, 派遣, 办结, in progress, overdue as large numbers, and the four
rates for today, this week and the last 30 days, each beside the period before with an arrow.

The arrow's shape says the direction (▲ up, ▼ down, ＝ level); the colour only adds whether that
is good (a higher 流转率 — events passed on — is the bad direction).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout

from commandroom.views.wall.panel import WallPanel
from commandroom.views.wall.theme import BAD, GOOD, MUTED, TEXT, WARN, FitLabel

# (attribute of MeasureRow, higher is better)
RATES = (("completion_rate", True), ("on_time_rate", True), ("satisfaction_rate", True),
         ("transfer_rate", False))
LEVEL = 0.0005  # closer than 0.05 percentage points: level


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def trend(current: float | None, previous: float | None, higher_is_better: bool):
    """(arrow, colour) for a rate against the period before."""
    if current is None or previous is None:
        return "", TEXT
    if abs(current - previous) < LEVEL:
        return "＝", TEXT
    up = current > previous
    return ("▲" if up else "▼"), (GOOD if up == higher_is_better else BAD)


class FiguresPanel(WallPanel):
    def __init__(self, theme, parent=None):
        super().__init__(theme, "", parent)
        center = Qt.AlignmentFlag.AlignHCenter
        tiles = QHBoxLayout()
        tiles.setSpacing(theme.px(8))
        self.counts: dict[str, FitLabel] = {}
        words = (("received", self.tr("今日受理")), ("registered", self.tr("立案")),
                 ("dispatched", self.tr("派遣")), ("closed", self.tr("办结")),
                 ("in_progress", self.tr("在办")), ("overdue", self.tr("超期")))
        for key, word in words:
            tile = QVBoxLayout()
            tile.setSpacing(0)
            number = FitLabel("—", self, font=theme.font(64, bold=True, numbers=True), align=center,
                              color=BAD if key == "overdue" else TEXT)
            tile.addWidget(number)
            tile.addWidget(FitLabel(word, self, font=theme.font(), color=MUTED, name="muted", align=center))
            tiles.addLayout(tile, 1)
            self.counts[key] = number
        self.body.addLayout(tiles)
        self.body.addSpacing(theme.px(8))

        table = QGridLayout()
        table.setHorizontalSpacing(theme.px(12))
        table.setVerticalSpacing(theme.px(2))
        heads = (self.tr("今日"), self.tr("本周"), self.tr("近30天"))
        self.before = (self.tr("昨日"), self.tr("上周同期"), self.tr("前30天"))
        for col, head in enumerate(heads, 1):
            table.addWidget(FitLabel(head, self, font=theme.font(30, bold=True), name="panelTitle",
                                     align=Qt.AlignmentFlag.AlignRight), 0, col)
        names = (self.tr("办结率"), self.tr("按期办结率"), self.tr("满意率"), self.tr("流转率"))
        self.cells: dict[tuple[int, int], tuple[FitLabel, FitLabel]] = {}
        for r, name in enumerate(names):
            table.addWidget(FitLabel(name, self, font=theme.font(30, bold=True)), 1 + 2 * r, 0)
            for c in range(3):
                value = FitLabel("—", self, font=theme.font(36, bold=True, numbers=True),
                                 align=Qt.AlignmentFlag.AlignRight)
                previous = FitLabel("", self, font=theme.font(numbers=True), color=MUTED, name="muted",
                                    align=Qt.AlignmentFlag.AlignRight)
                table.addWidget(value, 1 + 2 * r, 1 + c)
                table.addWidget(previous, 2 + 2 * r, 1 + c)
                self.cells[r, c] = (value, previous)
        table.setColumnStretch(0, 5)
        for c in range(1, 4):
            table.setColumnStretch(c, 6)
        self.body.addLayout(table)
        self.body.addStretch(1)

    def show_snapshot(self, snapshot) -> None:
        for key, label in self.counts.items():
            label.set_text(str(getattr(snapshot.counts, key)))
        overdue = snapshot.counts.overdue
        self.counts["overdue"].set_color(BAD if overdue else TEXT)
        for c, figures in enumerate(snapshot.periods[:3]):
            for r, (attr, higher_is_better) in enumerate(RATES):
                now, before = getattr(figures.current, attr), getattr(figures.previous, attr)
                arrow, color = trend(now, before, higher_is_better)
                value, previous = self.cells[r, c]
                value.set_text(f"{percent(now)} {arrow}".strip())
                value.set_color(color)
                previous.set_text(f"{self.before[c]} {percent(before)}")
        self.counts["in_progress"].set_color(WARN if snapshot.counts.in_progress else TEXT)
