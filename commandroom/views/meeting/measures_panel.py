"""The week's measures in the meeting window: by unit, grid or category, one measure at a time,
this week's bars beside last week's for the groups that received most, and the units whose
completion rate moved most named above (the same figures as the report's, ``weekly.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from commandroom.views.meeting.bar_chart import draw_bars

if TYPE_CHECKING:
    from commandroom.models.weekly import WeeklyReport

SHOWN = 10  # the groups that received most this week (their names fit under the bars)
GROUP_TEXT = {"unit": QT_TRANSLATE_NOOP("MeasuresPanel", "按主办单位"),
              "grid": QT_TRANSLATE_NOOP("MeasuresPanel", "按网格"),
              "category": QT_TRANSLATE_NOOP("MeasuresPanel", "按事件类别")}
# (the MeasureRow attribute, its name, whether it is a rate shown in per cent)
MEASURES = (("completion_rate", QT_TRANSLATE_NOOP("MeasuresPanel", "办结率（%）"), True),
            ("on_time_rate", QT_TRANSLATE_NOOP("MeasuresPanel", "按期办结率（%）"), True),
            ("satisfaction_rate", QT_TRANSLATE_NOOP("MeasuresPanel", "满意率（%）"), True),
            ("transfer_rate", QT_TRANSLATE_NOOP("MeasuresPanel", "流转率（%）"), True),
            ("rework_rate", QT_TRANSLATE_NOOP("MeasuresPanel", "返工率（%）"), True),
            ("received", QT_TRANSLATE_NOOP("MeasuresPanel", "受理量"), False))
LABEL_CHARS = 6  # a group's name under its bars, shortened


class MeasuresPanel(QWidget):
    def __init__(self, report: WeeklyReport, parent=None):
        super().__init__(parent)
        self.setObjectName("meetingMeasures")
        self.report = report
        self.group = QComboBox(objectName="meetingMeasureGroup")
        for key, text in GROUP_TEXT.items():
            self.group.addItem(self.tr(text), key)
        self.measure = QComboBox(objectName="meetingMeasure")
        for n, (_attr, text, _rate) in enumerate(MEASURES):
            self.measure.addItem(self.tr(text), n)
        self.movers = QLabel(objectName="meetingMovers")
        self.movers.setWordWrap(True)
        self.plot = pg.PlotWidget(background="w")
        bar = QHBoxLayout()
        bar.addWidget(self.group)
        bar.addWidget(self.measure)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.movers)
        layout.addWidget(self.plot, 1)
        self.group.currentIndexChanged.connect(self.draw)
        self.measure.currentIndexChanged.connect(self.draw)
        self._say_movers()
        self.draw()

    def series(self) -> tuple[list[str], list[float], list[float]]:
        """The shown groups' names and the chosen measure last week and this week."""
        attr, _text, rate = MEASURES[self.measure.currentData()]
        this_week, last_week = self.report.groups[self.group.currentData()]
        before = {row.key: getattr(row, attr) for row in last_week}
        shown = sorted((row for row in this_week if row.key is not None), key=lambda row: (-row.received, row.label))
        shown = shown[:SHOWN]
        scale = 100 if rate else 1
        return ([(row.label or "")[:LABEL_CHARS] for row in shown],
                [scale * (before.get(row.key) or 0) for row in shown],
                [scale * (getattr(row, attr) or 0) for row in shown])

    def draw(self) -> None:
        labels, before, after = self.series()
        title = self.tr("{0}：本周与上周（{1}），受理量前 {2} 位").format(
            self.measure.currentText(), self.report.previous_week, len(labels))
        draw_bars(self.plot, labels, [(before, "#95a5a6", self.tr("上周")), (after, "#c0392b", self.tr("本周"))],
                  title)

    def _say_movers(self) -> None:
        moved = "；".join(self.tr("{0} 办结率 {1:.1f}% → {2:.1f}%").format(m.unit, 100 * m.before, 100 * m.after)
                         for m in self.report.movers)
        self.movers.setText(self.tr("办结率变化最大的单位：{0}").format(moved) if moved
                            else self.tr("各单位办结率与上周持平。"))
