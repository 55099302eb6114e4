"""The meeting's agenda: the items the week's log put on it, in the meeting's order, each with
the decisions taken on it; last meeting's decisions below with whether they were kept.
Selecting an item selects its event and moves the slider to the item's first key moment."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from commandroom.models.week import AgendaItem
from commandroom.views.common.labels import label

if TYPE_CHECKING:
    from commandroom.models.weekly import WeeklyReport

ITEM_ROLE = Qt.ItemDataRole.UserRole


class AgendaPanel(QWidget):
    # ---- signals -----------------------------------------------------------------------
    sig_item = Signal(object)  # AgendaItem chosen
    sig_decide = Signal(object)  # AgendaItem a decision is to be recorded on

    def __init__(self, report: WeeklyReport, parent=None):
        super().__init__(parent)
        self.setObjectName("meetingAgenda")
        self.report = report
        # Decisions recorded in this meeting after the load: (item, what, who, due).
        self.extra: list[tuple[AgendaItem, str, str, date]] = []
        self.title = QLabel(objectName="meetingAgendaTitle")
        self.list = QListWidget(objectName="meetingAgendaList")
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(self._current)
        self.decide = QPushButton(self.tr("记录决定…"), objectName="meetingDecide")
        self.decide.setEnabled(False)
        self.refusal: str | None = None  # why decisions cannot be recorded here, if so
        self.decide.clicked.connect(lambda: self.sig_decide.emit(self.current()))
        self.followed = QListWidget(objectName="meetingFollowed")
        self.followed.setMaximumHeight(160)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.decide)
        layout.addWidget(QLabel(self.tr("上周决定落实情况")))
        layout.addWidget(self.followed)
        self._fill()

    def set_refusal(self, reason: str | None) -> None:
        """Decisions cannot be recorded here (the role, nobody signed in): the button says why."""
        self.refusal = reason
        self.decide.setText(reason or self.tr("记录决定…"))
        self.decide.setToolTip(reason or "")
        self.decide.setEnabled(reason is None and self.current() is not None)

    def current(self) -> AgendaItem | None:
        item = self.list.currentItem()
        return item.data(ITEM_ROLE) if item is not None else None

    def add_decision(self, item: AgendaItem, what: str, who: str, due: date) -> None:
        self.extra.append((item, what, who, due))
        self._fill(keep=self.current())

    def _fill(self, keep: AgendaItem | None = None) -> None:
        report = self.report
        self.title.setText(self.tr("本周议题 {0} 项").format(len(report.agenda)))
        self.list.blockSignals(True)
        self.list.clear()
        for item in report.agenda:
            decided = [(d.what, d.who, d.due) for d in report.decisions_on(item)]
            decided += [(what, who, due) for made, what, who, due in self.extra if made == item]
            lines = [f"【{label(item.kind)}】{item.code}  {item.title}"]
            if item.events:  # a recurring problem: how often it came back
                lines[0] += self.tr("（本周 {0} 起）").format(len(item.events))
            lines += [f"    ✔ {what}（{who}，{due:%m-%d}前）" for what, who, due in decided]
            row = QListWidgetItem("\n".join(lines))
            row.setData(ITEM_ROLE, item)
            self.list.addItem(row)
            if keep is not None and item == keep:
                self.list.setCurrentItem(row)
        self.list.blockSignals(False)
        self.followed.clear()
        for f in report.followed:
            kept = self.tr("已落实") if f.kept else self.tr("未落实")
            row = QListWidgetItem(f"{kept}  {f.code}  {f.what}（{f.who}）")
            row.setForeground(QColor("#1e7a3c" if f.kept else "#b03a2e"))
            self.followed.addItem(row)
        if not report.followed:
            self.followed.addItem(self.tr("上周例会无决定事项"))

    def _current(self, item, _previous) -> None:
        self.decide.setEnabled(item is not None and self.refusal is None)
        if item is not None:
            self.sig_item.emit(item.data(ITEM_ROLE))
