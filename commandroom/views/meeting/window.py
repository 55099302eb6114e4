"""The weekly meeting's window (例会): the week replayed under a slider, its agenda, the event
list, the board and the map as they stood at the slider's instant (``instant_tabs.py``) and the
chosen event's timeline up to that instant.

Read-only but for the meeting's own decisions, which go through the command runner like any
command. The week is loaded off the GUI thread (``services/meeting_loader.py``); moving the
slider moves the list's cursor (``models/replay_cursor.py``), which hands over only the rows
that changed between the two instants; the table model puts those in their sorted places
(dataChanged, move, insert, remove: ``views/common/ordered_rows.py``). Frames that come faster
than they are drawn are coalesced: only the newest instant is drawn.
"""

from __future__ import annotations

import gc
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from commandroom.models.week import AgendaItem
from commandroom.models.clock import FrozenClock
from commandroom.models.enums import Action, Role
from commandroom.models.lifecycle import RULES
from commandroom.services import gil_pace
from commandroom.services.command_request import CommandRequest
from commandroom.services.replay_clock import ReplayClock
from commandroom.views.common.labels import label
from commandroom.views.events.event_list import EventListPanel
from commandroom.views.meeting.agenda_panel import AgendaPanel
from commandroom.views.meeting.decision_dialog import DecisionDialog
from commandroom.views.meeting.instant_tabs import InstantTabs
from commandroom.views.meeting.measures_panel import MeasuresPanel
from commandroom.views.meeting.timeline_bar import TimelineBar

if TYPE_CHECKING:
    from commandroom.models.meeting_data import MeetingData


# A seek, or a frame handing the list more rows than this, settles the heap after it.
_SETTLED_ROWS = 1000


class MeetingWindow(QMainWindow):
    # ---- signals -----------------------------------------------------------------------
    sig_ready = Signal()
    """The week is in and drawn at its first instant."""

    def __init__(self, runner=None, parent=None, *, role: Role | None = None):
        super().__init__(parent)
        self.setObjectName("meetingWindow")
        self.setWindowTitle(self.tr("例会回放"))
        self.runner = runner  # CommandRunner, or None for a window that only shows
        self.role = role  # the signed-in user's (None: nobody signed in, a picture)
        self.data: MeetingData | None = None
        self.clock: ReplayClock | None = None
        self.list_clock = FrozenClock(datetime.min)
        self._pending: datetime | None = None
        self._asked: dict[int, dict] = {}  # decision request id → what was asked
        self._timeline_shown: tuple | None = None  # (event id, rows, rows missing) listed
        self.loading = QLabel(self.tr("正在载入本周的记录…"), alignment=Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(self.loading)
        if runner is not None:
            runner.sig_finished.connect(self._decided)

    # -- the week ------------------------------------------------------------------------
    def show_failure(self, reason: str) -> None:
        self.loading.setText(self.tr("无法载入本周的记录：{0}").format(reason))

    def set_data(self, data: MeetingData) -> None:
        self.data = data
        report, replay = data.report, data.replay
        self.setWindowTitle(self.tr("{0} 例会回放 {1}").format(report.street, report.week))
        self.clock = ReplayClock(replay.start, replay.end, self)
        self.list_clock.at = replay.start
        self.events = EventListPanel(self.list_clock, self)
        data.cursor.move(replay.start)
        self.events.load(data.snapshot(data.cursor.rows.values()))
        self.agenda = AgendaPanel(report, self)
        self.agenda.set_refusal(self.decision_refusal())
        self.timeline_title = QLabel(objectName="meetingTimelineTitle")
        self.timeline = QListWidget(objectName="meetingEventTimeline")
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.timeline_title)
        column.addWidget(self.timeline, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.tabs = InstantTabs(self.events, data, self.list_clock, self)
        self.measures = MeasuresPanel(report, self)
        self.tabs.addTab(self.measures, self.tr("本周指标"))
        for widget, width in ((self.agenda, 420), (self.tabs, 1000), (right, 420)):
            split.addWidget(widget)
        split.setSizes([420, 1000, 420])
        self.bar = TimelineBar(self.clock, data.activity, self)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split, 1)
        layout.addWidget(self.bar)
        self.setCentralWidget(body)

        self.clock.sig_instant.connect(self._instant)
        self.bar.sig_step.connect(self.step)
        self.agenda.sig_item.connect(self._open_item)
        self.agenda.sig_decide.connect(self._decide)
        self.events.selection.sig_selected.connect(lambda _ids: self._show_timeline())
        self._draw(replay.start)
        self.sig_ready.emit()

    def seek(self, at: datetime) -> None:
        self.clock.seek(at)

    def step(self, direction: int) -> None:
        replay, now = self.data.replay, self.clock.instant
        at = replay.next_change(now) if direction > 0 else replay.previous_change(now)
        if at is not None:
            self.clock.seek(at)

    # -- drawing an instant --------------------------------------------------------------
    def _instant(self, at: datetime) -> None:
        first = self._pending is None
        self._pending = at
        if first:
            QTimer.singleShot(0, self._draw_pending)

    def _draw_pending(self) -> None:
        at, self._pending = self._pending, None
        if at is not None:
            self._draw(at)

    def _draw(self, at: datetime) -> None:
        # No collection while the frame is made: a seek makes thousands of rows, keys and lists
        # of the street's size, and every young collection on the way walked those lists again
        # (up to 50 of them, ~20 ms, in a far seek).
        with gil_pace.no_collection():
            delta = self.data.cursor.move(at)
            self.list_clock.at = at
            # In one go, not in the feed's slices: the frame shows the instant whole.
            model = self.events.model
            if delta.order is None or not model.take(delta.rows, delta.order):
                model.apply(delta.upserts, delta.removed, delta.regrouped)
            if delta.order is not None or len(delta.upserts) > _SETTLED_ROWS:
                # A seek's new rows and keys live until the next seek: out of the collector's
                # walks, not walked once more as the collection resumes. They are still freed by
                # their counts when the next seek replaces them (no cycles among them).
                gc.freeze()
        # The table laid out now, not by its zero timer after this frame's paint (a seek that
        # moved rows was painted twice: once before, once after that layout).
        self.events.table.executeDelayedItemsLayout()
        self.events.repaint_clock_cells()  # the countdowns of the rows in sight
        self.tabs.frame(delta)
        self._show_timeline()

    def _show_timeline(self) -> None:
        event_id = self.events.selection.current
        if event_id is None or self.data is None:
            self.timeline.clear()
            self.timeline_title.setText(self.tr("选择事件以查看其处置经过"))
            self._timeline_shown = None
            return
        row = self.events.model.row_of(event_id)
        code = self.events.model.row_at(row).code if row is not None else f"#{event_id}"
        entries, missing = self.data.timeline(event_id, self.clock.instant)
        self.timeline_title.setText(self.tr("{0} 截至 {1:%m-%d %H:%M}").format(code, self.clock.instant))
        shown = (event_id, len(entries), missing)
        if shown == self._timeline_shown:  # a frame that added nothing to it: not written again
            return
        self._timeline_shown = shown
        self.timeline.clear()
        if missing:
            self.timeline.addItem(self.tr("（本周之前的记录未载入）"))
        for entry in entries:
            self.timeline.addItem(f"{entry.at:%m-%d %H:%M}  {label(entry.action)}  {entry.actor}（{entry.console}）")

    # -- the agenda ----------------------------------------------------------------------
    def _open_item(self, item: AgendaItem) -> None:
        # A recurring problem opens at its last occurrence: all its events are in the list then.
        at = item.moments[-1] if item.events else item.first
        self.clock.pause()
        self.clock.seek(at)
        self._draw(at)  # at once: the selection needs the event's row
        self._pending = None  # … and the frame the seek queued is this one: not drawn twice
        self.events.selection.select(list(item.events) or [item.event_id], source=self)

    def decision_refusal(self) -> str | None:
        """Why this meeting may not record decisions (said on the button), or None."""
        deciders = RULES[Action.DECIDE].roles
        if self.runner is None or self.role is None:
            return self.tr("只读：未登录，不能记录决定")
        if self.role not in deciders:
            return self.tr("只读：{0}不能记录决定（须由{1}记录）").format(
                label(self.role), "、".join(label(r) for r in sorted(deciders)))
        return None

    def _decide(self, item: AgendaItem | None) -> None:
        if item is None or self.decision_refusal() is not None:
            return
        dialog = DecisionDialog(item, (self.data.report.end - timedelta(days=1)).date(), self)
        if dialog.exec() != DecisionDialog.DialogCode.Accepted:
            return
        self.record_decision(item, **dialog.values())

    def record_decision(self, item: AgendaItem, *, what: str, who: str, due) -> int:
        """Give the decision command; the agenda shows it once the runner says it is recorded."""
        request = CommandRequest.new("decide", event_id=item.event_id, week=self.data.report.week,
                                     kind=item.kind.value, what=what, who=who, due=due)
        request_id = self.runner.submit(request)
        self._asked[request_id] = {"item": item, "what": what, "who": who, "due": due}
        return request_id

    def _decided(self, outcome) -> None:
        asked = self._asked.pop(outcome.request_id, None)
        if asked is None:
            return
        if not outcome.ok:
            QMessageBox.warning(self, self.tr("未能记录决定"), outcome.message)
            return
        self.agenda.add_decision(asked["item"], asked["what"], asked["who"], asked["due"])
