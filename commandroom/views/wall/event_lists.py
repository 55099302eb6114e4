"""The wall's event lists: 挂牌督办, 督办 (each with its age), and the overdue events (by how far
past their limit). Every string comes masked in the ``WallEvent`` (``models/wall_snapshot.py``)."""

from __future__ import annotations

from datetime import datetime

from commandroom.models.enums import AlertLevel
from commandroom.views.common.labels import label
from commandroom.views.common.timefmt import span
from commandroom.views.wall.rows_panel import Line, RowsPanel, translate
from commandroom.views.wall.theme import BAD, LISTED, WARN


def _below(event) -> str:
    """The second line: the number, then where and who (the title leads the first line: it is
    what a visitor reads; a narrow panel elides the end of this one)."""
    return " · ".join(part for part in (event.number, event.place, event.grid, event.unit) if part)


def _level(event) -> str:
    try:
        return label(AlertLevel(event.level)) if event.level else ""
    except ValueError:
        return ""


class _SupervisionList(RowsPanel):
    color = WARN

    def show_snapshot(self, snapshot) -> None:
        now: datetime = snapshot.taken_at
        self.set_lines([Line(self.heading(e), translate("WallRows", "已 {age}").format(age=span((now - e.since).total_seconds())),
                             _below(e), self.color) for e in self.events(snapshot)])

    def heading(self, event) -> str:
        return event.title


class ListedPanel(_SupervisionList):
    """挂牌督办, oldest first."""

    color = LISTED

    def __init__(self, theme, parent=None):
        super().__init__(theme, self.tr("挂牌督办"), parent)

    def events(self, snapshot):
        return snapshot.listed


class SupervisedPanel(_SupervisionList):
    """督办 (and the steps below it that are not listed), oldest first, with its level."""

    def __init__(self, theme, parent=None):
        super().__init__(theme, self.tr("督办事件"), parent)

    def events(self, snapshot):
        return snapshot.supervised

    def heading(self, event) -> str:
        return f"{_level(event)} {event.title}".strip()


class OverduePanel(RowsPanel):
    """Past the handling limit, most overdue first: "超 2天3时" (the words, not only the red)."""

    def __init__(self, theme, parent=None):
        super().__init__(theme, self.tr("超期事件"), parent)

    def show_snapshot(self, snapshot) -> None:
        now: datetime = snapshot.taken_at
        self.set_lines([Line(e.title, self.tr("超 {age}").format(age=span((now - e.since).total_seconds())),
                             _below(e), BAD) for e in snapshot.overdue])
