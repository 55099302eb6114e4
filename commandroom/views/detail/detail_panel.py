"""The event detail dock: the event shown is the first of the shared selection.

At the top what the officer decides on: code, status, urgency, the title and the time left,
then the buttons for exactly what this role may do now, and the answer to the last command (a
refusal in words: "事件已被 李明（console-2）改为已签收"). Below: every field, then tabs with the
timeline from the log, the reports merged into the event, the units' parts with their due times,
the extension requests and the escalations.

It is fed by the feed pump's ``detail`` read model: when the selection changes it asks the pump
for the event (``sig_load_view``), and every change that touches the event brings it again. A
snapshot older than the one shown (a lower version) is ignored, so answers arriving out of order
cannot step the detail back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QMessageBox, QSizePolicy, QStackedLayout, QTabWidget, QVBoxLayout, QWidget

from commandroom.models.clock import Clock
from commandroom.models.enums import Action, Role
from commandroom.models.lifecycle import allowed_actions
from commandroom.services.command_request import CommandOutcome, CommandRequest, Refusal
from commandroom.services.detail_watch import DETAIL, DetailView, DetailWatch
from commandroom.views.common.fitted_scroll import FittedScroll
from commandroom.views.common.labels import label
from commandroom.views.common.selection import Selection
from commandroom.views.detail import detail_tables as tables
from commandroom.views.detail.action_bar import ActionBar
from commandroom.views.detail.action_forms import ActionDialog, FormContext, fields_for
from commandroom.views.detail.detail_header import DetailHeader
from commandroom.views.detail.timeline_words import TimelineWords

# The command each action gives (the method of ``Commands``), where it is not the action's value.
COMMAND_OF = {Action.RETURN: "return_", Action.ATTACH_CONTACT: "merge"}
# The tabs' least height in text lines: the tab bar, the table's header and a few rows.
TABS_MIN_LINES = 8


class EventDetailPanel(QWidget):
    # --- Signals ---------------------------------------------------------------------------
    sig_load_view = Signal(str, list)
    """Ask the feed pump for a read model of these events now (``FeedPump.refresh_view``)."""

    sig_shown = Signal(int)
    """The detail of this event is on screen (its newest snapshot so far)."""

    sig_outcome = Signal(object)
    """The answer to a command given from here (a ``CommandOutcome``), after it is shown."""

    def __init__(self, selection: Selection, clock: Clock | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("eventDetail")
        self.selection = selection
        self.clock = clock or Clock()
        self.watch = DetailWatch()
        self.role: Role | None = None
        self.view: DetailView | None = None
        self.categories: tuple = ()
        self.commands = None  # the CommandRunner, handed over by the console
        self.lookup: Callable[[str], object] = lambda code: None  # an event code -> its EventRow
        self._waiting: dict[int, Action] = {}  # request id -> the action given
        self._explain_stale = False  # a command was refused as stale: say who got there first

        self.header = DetailHeader(self)
        self.actions = ActionBar(self)
        self.actions.sig_action.connect(self.give)
        self.notice = QLabel(self, objectName="detailNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.timeline = tables.timeline_model(self)
        self.contacts = tables.contacts_model(self)
        self.parts = tables.parts_model(self, self.clock.now)
        self.extensions = tables.extensions_model(self)
        self.escalations = tables.escalations_model(self)
        self.tabs = QTabWidget(self, objectName="detailTabs")
        self._tab_models = [(self.timeline, "timelineTable", 2), (self.contacts, "contactsTable", 3),
                            (self.parts, "partsTable", 3), (self.extensions, "extensionsTable", 3),
                            (self.escalations, "escalationsTable", 2)]
        for model, name, stretch in self._tab_models:
            self.tabs.addTab(tables.table_for(model, name, stretch), "")
        self.empty = QLabel(self.tr("在事件列表、调度看板或来电队列中选择一件事件，这里显示它的详情与处置时间线。"),
                            self, objectName="detailEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)

        self.empty.setAutoFillBackground(True)  # it covers the body (below)

        self.body = QWidget(self)
        self.body.setAutoFillBackground(True)  # over the hint, it hides it (the buttons' gaps too)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        # Whole when the dock has room, scrolling when not: never a cut address. The buttons
        # and the answer to a command stay in sight under it.
        self.fields = FittedScroll(self.header, self.body)
        for widget in (self.fields, self.actions, self.notice):
            layout.addWidget(widget)
        # The tabs take what the fields leave, down to a few rows (they scroll): their own size
        # hint, a table's, would otherwise share the shortfall with the fields.
        self.tabs.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.tabs.setMinimumHeight(TABS_MIN_LINES * self.fontMetrics().height())
        layout.addWidget(self.tabs, 1)
        # The body is never hidden: with nothing selected the hint lies over it. A widget shown
        # in a shown window lays out every layout above it up to the main window's, at once
        # (Qt's setVisible): showing the body's tree took 20-60 ms, a stall of the console when
        # a storm's first call is selected as it comes in.
        self._stack = QStackedLayout(self)
        self._stack.setStackingMode(QStackedLayout.StackingMode.StackAll)
        self._stack.addWidget(self.body)
        self._stack.addWidget(self.empty)
        self._show_body(False)
        self._name_tabs()
        selection.sig_selected.connect(self._follow_selection)

    # --- What is shown ---------------------------------------------------------------------------
    @property
    def event_id(self) -> int | None:
        return self.watch.event_id

    def sizeHint(self) -> QSize:
        # The width it has now: the main window hands a dock the width its content hints at,
        # so an event with a long address would take width from the board on every selection.
        hint = super().sizeHint()
        return QSize(max(self.width(), self.minimumWidth()), hint.height()) if self.isVisible() else hint

    def set_role(self, role: Role | None) -> None:
        self.role = role
        self._show_actions()

    def set_categories(self, categories) -> None:
        self.categories = tuple(categories)

    def set_commands(self, runner) -> None:
        self.commands = runner
        runner.sig_finished.connect(self._finished)

    @Slot(list)
    def _follow_selection(self, ids: list) -> None:
        event_id = ids[0] if ids else None
        if event_id == self.watch.event_id:
            return
        self.watch.event_id = event_id  # the pump reads it from its own thread
        self.view = None
        self.notice.hide()
        if event_id is None:
            self._show_body(False)
            return
        self.header.show_loading()
        self.sig_load_view.emit(DETAIL, [event_id])

    @Slot(str, list, object)
    def on_view_changed(self, name: str, _ids: list, data) -> None:
        if name != DETAIL:
            return
        for view in data:
            self.show_view(view)

    def show_view(self, view: DetailView) -> None:
        """Show a fresh snapshot of the watched event (an older one than shown is dropped)."""
        if view.event_id != self.watch.event_id:
            return
        old = self.view
        if old is not None and old.detail is not None and view.detail is not None \
                and view.detail.version < old.detail.version:
            return
        self.view = view
        detail = view.detail
        if detail is None:  # the headline says so, over empty tabs and no buttons
            self.header.show_gone(view.event_id)
            for model, _name, _stretch in self._tab_models:
                model.reset([])
            self._name_tabs()
            self._show_body(True)
            self.actions.show_actions(())
            return
        same_event = old is not None and old.event_id == view.event_id and old.detail is not None
        self.header.show_detail(detail, self.clock.now())
        words = TimelineWords(detail, view.units)
        lines = [tables.TimelineLine(e.log_id, e.at, e.actor_name, words.describe(e), e.console)
                 for e in detail.timeline]
        rows = (lines, detail.contacts, detail.parts, detail.extensions, detail.escalations)
        for (model, _name, _stretch), fresh in zip(self._tab_models, rows):
            model.sync(fresh) if same_event else model.reset(fresh)
        self._name_tabs()
        self._show_body(True)
        self._show_actions()
        if not same_event:
            self.tabs.widget(0).scrollToBottom()  # the latest step first in view
        if self._explain_stale and detail.timeline:
            self._explain_stale = False
            last = detail.timeline[-1]
            self._say(self.tr("未执行：事件 {code} 已被 {name}（{console}）{action}，现为「{status}」，请按现状重新操作")
                      .format(code=detail.code, name=last.actor_name, console=last.console,
                              action=label(last.action), status=label(detail.status)), refused=True)
        self.sig_shown.emit(view.event_id)

    def tick(self) -> None:
        """Once a minute: the time left follows the clock."""
        if self.view is not None and self.view.detail is not None:
            self.header.show_detail(self.view.detail, self.clock.now())

    def _name_tabs(self) -> None:
        counts = [m.rowCount() for m, _n, _s in self._tab_models]
        names = [self.tr("处置时间线（{n}）"), self.tr("来源报告（{n}）"), self.tr("处置单位（{n}）"),
                 self.tr("延期申请（{n}）"), self.tr("街呼区应（{n}）")]
        for n, (name, count) in enumerate(zip(names, counts)):
            text = name.format(n=count)
            if self.tabs.tabText(n) != text:  # a new text lays the tab bar out again
                self.tabs.setTabText(n, text)

    def _show_body(self, shown: bool) -> None:
        self._stack.setCurrentWidget(self.body if shown else self.empty)
        if not shown:
            self.actions.show_actions(())

    def _show_actions(self) -> None:
        detail = self.view.detail if self.view else None
        if detail is None or self.role is None:
            self.actions.show_actions(())
            return
        self.actions.show_actions(allowed_actions(detail.status, self.role))

    # --- Giving a command --------------------------------------------------------------------------
    @Slot(object)
    def give(self, action: Action) -> None:
        """Ask what the action needs (if anything), then hand the command to the runner."""
        detail = self.view.detail if self.view else None
        if detail is None or self.commands is None:
            return
        fields = fields_for(action, FormContext(detail, self.view.units, self.categories, self.clock.now()))
        args: dict = {}
        if fields:
            dialog = ActionDialog(action, fields, detail.code, self)
            if self.open_form(dialog) != ActionDialog.DialogCode.Accepted:
                return
            args = dialog.values()
        request = self._request(action, detail, args)
        if request is None:
            return
        self._waiting[request.id] = action
        self.actions.set_busy(True)
        self.commands.submit(request)

    def open_form(self, dialog: ActionDialog) -> int:
        """Show the form and wait for the officer (tests fill it and press its button)."""
        return dialog.exec()

    def _request(self, action: Action, detail, args: dict) -> CommandRequest | None:
        command = COMMAND_OF.get(action, action.value)
        if action in (Action.MERGE, Action.ATTACH_CONTACT):
            other = self.lookup(args.pop("code", ""))
            if other is None:
                self._say(self.tr("找不到这个编号的事件，请核对后重试"), refused=True)
                return None
            if action == Action.MERGE:
                return CommandRequest.on(command, detail.id, detail.version, into_id=other.id)
            return CommandRequest.on(command, other.id, other.version, into_id=detail.id)
        return CommandRequest.on(command, detail.id, detail.version, **args)

    @Slot(object)
    def _finished(self, outcome: CommandOutcome) -> None:
        action = self._waiting.pop(outcome.request_id, None)
        if action is None:
            return  # another dock's command
        self.actions.set_busy(bool(self._waiting))
        if outcome.ok:
            ref = outcome.ref
            self._say(self.tr("已{action}：{code}").format(action=label(action), code=ref.code), refused=False)
        else:
            self._say(outcome.message, refused=True)
            if outcome.refusal == Refusal.STALE and self.watch.event_id is not None:
                self._explain_stale = True
                self.sig_load_view.emit(DETAIL, [self.watch.event_id])  # show the true state
        self.sig_outcome.emit(outcome)

    def _say(self, text: str, *, refused: bool) -> None:
        self.notice.setText(text)
        self.notice.setProperty("refused", refused)
        self.notice.style().unpolish(self.notice)
        self.notice.style().polish(self.notice)
        self.notice.show()
        if refused and self.window().isVisible() and not self.isVisible():
            QMessageBox.warning(self, self.tr("命令未执行"), text)
