"""A panel of as many one- or two-line rows as fit its height, and "另有 N 条" for the rest.

The wall cannot scroll: a list longer than the panel shows its first rows (the lists come in
the order that matters: oldest supervision, most overdue, best unit) and says how many more.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from commandroom.views.wall.panel import WallPanel
from commandroom.views.wall.theme import MUTED, TEXT, FitLabel, Theme


# The subclasses' ``self.tr`` would look these up under their own names: one context for all.
translate = QCoreApplication.translate


@dataclass(frozen=True)
class Line:
    left: str
    right: str = ""  # numbers (age, rate) in the tabular face, right-aligned
    below: str = ""  # a second, muted line (place, grid, unit)
    color: QColor | None = None  # of ``right`` (None: the text colour); always with words or a sign


class _Row(QWidget):
    def __init__(self, theme: Theme, two_lines: bool, parent: QWidget):
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, theme.px(4))
        box.setSpacing(0)
        top = QHBoxLayout()
        top.setSpacing(theme.px(12))
        self.left = FitLabel("", self, font=theme.font(30, bold=True))
        self.right = FitLabel("", self, font=theme.font(30, bold=True, numbers=True),
                              align=Qt.AlignmentFlag.AlignRight)
        top.addWidget(self.left, 3)
        top.addWidget(self.right, 1)
        box.addLayout(top)
        self.below = FitLabel("", self, font=theme.font(), color=MUTED, name="muted")
        box.addWidget(self.below)
        self.below.setVisible(two_lines)

    def set_line(self, line: Line) -> None:
        self.left.set_text(line.left)
        self.right.set_text(line.right)
        self.right.set_color(line.color or TEXT)
        self.below.set_text(line.below)


class RowsPanel(WallPanel):
    two_lines = True

    def __init__(self, theme: Theme, title: str, parent: QWidget | None = None):
        super().__init__(theme, title, parent)
        # Its rows follow its height (``capacity``), never the other way round.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.rows: list[_Row] = []
        self.lines: list[Line] = []
        self.area = QVBoxLayout()
        self.area.setSpacing(theme.px(6))
        self.body.addLayout(self.area)
        self.body.addStretch(1)
        self.more = FitLabel("", self, font=theme.font(), color=MUTED, name="muted")
        self.body.addWidget(self.more)
        self.empty = FitLabel(self.empty_text(), self, font=theme.font(), color=MUTED, name="muted")
        self.area.addWidget(self.empty)

    def empty_text(self) -> str:
        """What an empty list says (never a blank panel: "none" is news on a wall)."""
        return translate("WallRows", "暂无")

    def set_lines(self, lines: list[Line]) -> None:
        self.lines = list(lines)
        self._fill()

    def capacity(self) -> int:
        """How many rows fit below the title and above the "more" line."""
        probe_height = self._row_height()
        used = self.title.height() * self.title.isVisible() + self.more.height()
        margins = self.body.contentsMargins()
        free = self.height() - used - margins.top() - margins.bottom() - 3 * self.body.spacing()
        return max(0, free // (probe_height + self.area.spacing()))

    def _row_height(self) -> int:
        line = QFontMetrics(self.theme.font(30, bold=True)).height()
        if self.two_lines:
            line += QFontMetrics(self.theme.font()).height()
        return line + self.theme.px(4)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fill()

    def _fill(self) -> None:
        fits = self.capacity()
        shown = self.lines[:fits]
        while len(self.rows) < len(shown):
            row = _Row(self.theme, self.two_lines, self)
            self.rows.append(row)
            self.area.addWidget(row)
        for row, line in zip(self.rows, shown):
            row.set_line(line)
            row.show()
        for row in self.rows[len(shown):]:
            row.hide()
        self.empty.setVisible(not self.lines)
        rest = len(self.lines) - len(shown)
        self.more.set_text(translate("WallRows", "另有 {n} 条").format(n=rest) if rest > 0 else "")
