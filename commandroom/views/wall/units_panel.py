"""Units ranked by 按期办结率 this week, best first: rate and "closed on time / closed"."""

from __future__ import annotations

from commandroom.views.wall.rows_panel import Line, RowsPanel
from commandroom.views.wall.theme import BAD, GOOD, TEXT

GOOD_RATE = 0.9  # at or above: ● good; below LOW_RATE: ✕ (the sign, not only the colour)
LOW_RATE = 0.6


class UnitsPanel(RowsPanel):
    two_lines = False

    def __init__(self, theme, parent=None):
        super().__init__(theme, self.tr("本周各单位按期办结率"), parent)

    def show_snapshot(self, snapshot) -> None:
        lines = []
        for place, unit in enumerate(snapshot.units, 1):
            rate = unit.on_time_rate
            if rate is None:
                text, color = "—", TEXT
            else:
                sign, color = (("●", GOOD) if rate >= GOOD_RATE else ("✕", BAD) if rate < LOW_RATE else ("○", TEXT))
                text = f"{rate * 100:5.1f}% {unit.closed_on_time:>3}/{unit.closed:<3} {sign}"
            lines.append(Line(f"{place}. {unit.unit}", text, "", color))
        self.set_lines(lines)
