"""The incoming-call queue: reports waiting for a decision, and the keys that decide them.

Keyboard first (the dock's shortcuts act while it has focus; Ctrl+N anywhere):
    R / Enter 立案   M 合并   A 当场答复   X 不予立案   T 接手   U 放手   Ctrl+N 手工录入
    D (right after 立案) 派遣: the board's unit picker opens for the event just registered
A decision on a report nobody holds takes it first (one command), then opens its form: the
officer never decides on a report another console is deciding on, and never has to press T
first. A report another live console holds is refused here, before anything is sent, naming
who holds it; the database refuses it too if the two consoles raced.

Every command goes through the runner; its answer is shown in the banner under the table in
plain words (a refusal in red). Fed by the "queue" read model and the desk worker (heartbeats,
advice), both wired by the app.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QRegion, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from commandroom.models.clock import Clock
from commandroom.services.command_request import CommandRequest
from commandroom.views.calls.attach_form import AttachForm
from commandroom.views.calls.decision_forms import answer_form, reject_form
from commandroom.views.calls.entry_form import EntryForm
from commandroom.views.calls.new_report_sound import NewReportSound
from commandroom.views.calls.queue_model import CallQueueModel, Col, Hold
from commandroom.views.calls.register_form import RegisterForm
from commandroom.views.common.laid_cells import LaidCellDelegate
from commandroom.views.common.quiet_table import QuietTable
from commandroom.views.common.selection import Selection

# Opening widths at 96 dpi; the report's text takes what is left (it is what is read).
_WIDTHS = {Col.SOURCE: 108, Col.WAITING: 80, Col.PRIORITY: 64, Col.CALLER: 140,
           Col.SUGGESTED: 110, Col.GRID: 120, Col.HOLDER: 130}
# In a narrow dock the report's text keeps this much; the secondary columns give way (to half,
# never below their header's word), and in a dock narrower still they step aside, first to last:
# the suggestion (advice, offered again by the 立案 form), the grid (in the report's tooltip, and
# the detail), the caller (the detail).
_REPORT_MIN = 240
_STEP_ASIDE = (Col.SUGGESTED, Col.GRID, Col.CALLER)
ADVICE_MS = 150  # advice for what came into view is asked at most this often
MAX_IN_VIEW = 60  # rows of a very tall queue asked about at once
_SECONDARY = (Col.CALLER, Col.SUGGESTED, Col.GRID, Col.HOLDER)
_OK_STYLE = "background: #e8f5e9; color: #1b5e20; padding: 6px;"
_REFUSED_STYLE = "background: #fdecea; color: #b71c1c; padding: 6px; font-weight: bold;"


class CallQueuePanel(QWidget):
    # --- Signals ---------------------------------------------------------------------------
    sig_title_changed = Signal(str)
    """The dock's title with its count badge: 来电队列（5 · 新 2）."""

    sig_new_reports = Signal(list)
    """Reports that arrived while the console was running (their ``QueueRow``s)."""

    sig_advice_requested = Signal(list)
    """Ask the desk worker about the reports in view, the selected one first (the suggested
    category, duplicate candidates); a newer request replaces what it had not reached yet."""

    sig_dispatch_requested = Signal(list)
    """D pressed here on the event just registered: the board's keyboard dispatch takes it on."""

    sig_decided = Signal(object)
    """A ``CommandOutcome`` of a command this dock gave (after its banner shows it)."""

    def __init__(self, console: str, clock: Clock | None = None, muted: bool = False, parent=None,
                 *, selection: Selection | None = None):
        super().__init__(parent)
        # The console's shared selection: a report chosen here (after 立案, the new event) is
        # selected in every dock, so the board's D dispatches it.
        self.selection = selection or Selection(self)
        self.selection.sig_selected.connect(self._follow)
        self.setObjectName("callQueue")
        self.model = CallQueueModel(console, clock, self)
        self.sound = NewReportSound(muted, self)
        self.runner = None
        self.categories: tuple = ()
        self.grids: tuple = ()
        self.form = None  # the decision form open now, if any
        self.loaded = False
        self.view_name = "queue"  # the feed pump's read model (services/call_desk.QUEUE_VIEW)
        self._advice: dict[int, object] = {}
        # Advice is asked for what the officer can see, at most every ADVICE_MS: a storm of
        # reports must not queue one duplicate search per report (``CallDesk.want``).
        self._advice_timer = QTimer(self, singleShot=True, interval=ADVICE_MS)
        self._advice_timer.timeout.connect(self._ask_advice)
        self._pending: dict[int, tuple] = {}  # request id -> (what, row, then)
        self._versions: dict[int, int] = {}  # event id -> newest version our commands saw
        self._unseen: set[int] = set()
        self._following = False  # selecting a row because another dock chose it
        self._keys: dict[int, object] = {}  # key -> what it does while the table has focus
        self._registered: int | None = None  # the event this officer just registered here
        self._dispatch_next = False  # D pressed while the 立案 was still on its way

        # Rows that come below what the officer sees are not a reason to paint it all again.
        self.table = QuietTable(self, objectName="queueTable")
        self._setup_table()
        self.banner = QLabel(self, objectName="queueBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.table.set_placeholder(self.tr("暂无待处理的报告"))

        buttons = QHBoxLayout()
        buttons.setContentsMargins(4, 4, 4, 0)
        self.buttons: dict[str, QPushButton] = {}
        # The queue's keys act while the table has focus (a key filter, not shortcuts: a letter
        # must never be taken from another dock's own keys, such as the board's D).
        for name, text, keys, slot in (
            ("register", self.tr("立案 R"), (Qt.Key.Key_R, Qt.Key.Key_Return, Qt.Key.Key_Enter),
             lambda: self.decide("register")),
            ("merge", self.tr("合并 M"), (Qt.Key.Key_M,), lambda: self.decide("merge")),
            ("answer", self.tr("当场答复 A"), (Qt.Key.Key_A,), lambda: self.decide("answer")),
            ("reject", self.tr("不予立案 X"), (Qt.Key.Key_X,), lambda: self.decide("reject")),
            ("take", self.tr("接手 T"), (Qt.Key.Key_T,), self.take),
            ("release", self.tr("放手 U"), (Qt.Key.Key_U,), self.release),
        ):
            button = QPushButton(text, self, objectName=f"{name}Button")
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[name] = button
            self._keys.update(dict.fromkeys(keys, slot))
        # D right after 立案: the registered event goes on to the board's dispatch (one key less
        # than finding its card).
        self._keys[Qt.Key.Key_D] = self._dispatch
        buttons.addStretch(1)
        entry = QPushButton(self.tr("手工录入 Ctrl+N"), self, objectName="entryButton")
        entry.clicked.connect(self.open_entry)
        # A call comes in while the officer is anywhere in the console: the window's keys.
        for key in (QKeySequence.StandardKey.New, QKeySequence(Qt.Key.Key_F2)):
            QShortcut(key, self, self.open_entry, context=Qt.ShortcutContext.WindowShortcut)
        buttons.addWidget(entry)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.banner)

        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.selectionModel().currentRowChanged.connect(self._want_advice)
        self.table.verticalScrollBar().valueChanged.connect(self._want_advice)
        self.table.selectionModel().selectionChanged.connect(self._update_state)
        for signal in (self.model.rowsRemoved, self.model.modelReset):  # before _update_state counts
            signal.connect(self._forget_unseen)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset,
                       self.model.dataChanged):
            signal.connect(self._update_state)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._timer.start(1000)
        self._update_state()

    def sizeHint(self) -> QSize:
        # Its columns at their opening widths: the main window lays the docks out by their hints
        # (the detail, on the right, takes what they leave), so the queue asks for what it shows.
        width = sum(_WIDTHS.values()) + _REPORT_MIN + 2 * self.table.frameWidth() + 24
        return QSize(width, super().sizeHint().height())

    def _setup_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        # Texts laid out once (a storm's repaint: 30 to 40 ms in one turn with Qt's delegate);
        # the source's icon is the style's to place.
        table.setItemDelegate(LaidCellDelegate(self.model, table, styled=frozenset((Col.SOURCE,))))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setShowGrid(False)
        table.setAlternatingRowColors(False)  # the glow and the held tint must read clearly
        table.verticalHeader().hide()
        # Always there: a scroll bar that comes when a storm overflows the queue narrows the
        # viewport, and every cell (and the columns fitted to the width) is painted again.
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        table.verticalHeader().setDefaultSectionSize(max(26, table.fontMetrics().height() + 12))
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        for col, width in _WIDTHS.items():
            table.setColumnWidth(col, width)
        header.setSectionResizeMode(Col.REPORT, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(48)
        table.doubleClicked.connect(lambda _index: self.decide("register"))
        table.viewport().installEventFilter(self)
        table.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns(event.size().width())
        elif watched is self.table and event.type() == QEvent.Type.KeyPress \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier \
                and event.key() in self._keys:
            self._keys[event.key()]()
            return True
        return super().eventFilter(watched, event)

    def _fit_columns(self, width: int) -> None:
        """The report's text is what is read: when the dock is narrow, caller, suggestion, grid
        and holder shrink (their tooltips keep the whole) before the text does."""
        table = self.table
        room = width - sum(_WIDTHS[c] for c in _WIDTHS if c not in _SECONDARY) - _REPORT_MIN
        least = {c: max(_WIDTHS[c] // 2, self._header_width(c)) for c in _SECONDARY}
        shown = list(_SECONDARY)
        for col in _STEP_ASIDE:
            if sum(least[c] for c in shown) <= room:
                break
            shown.remove(col)
        share = max(0.5, min(1.0, room / sum(_WIDTHS[c] for c in shown)))
        for col in _SECONDARY:
            if table.isColumnHidden(col) == (col in shown):
                table.setColumnHidden(col, col not in shown)
            if col in shown:
                table.setColumnWidth(col, max(least[col], int(_WIDTHS[col] * share)))

    def _header_width(self, col: Col) -> int:
        """The column's title whole, inside the header's margins (not "议类别")."""
        header = self.table.horizontalHeader()
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        title = self.model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        return header.fontMetrics().horizontalAdvance(title) + 2 * margin + 4

    # --- Wiring (by the app) -------------------------------------------------------------------
    def set_commands(self, runner) -> None:
        """Give commands through ``runner`` (the console's CommandRunner)."""
        self.runner = runner
        runner.sig_finished.connect(self._on_outcome)

    def attach_desk(self, desk) -> None:
        """Heartbeats and advice from ``desk`` (a CallDesk in its own thread)."""
        desk.sig_presence.connect(self.on_presence)
        desk.sig_advice.connect(self.on_advice)
        self.sig_advice_requested.connect(desk.want)  # queued into the desk's thread

    @Slot(object)
    def set_snapshot(self, snapshot) -> None:
        """The console's opening snapshot: the categories and grids for the register form."""
        self.categories = tuple(snapshot.categories)
        self.grids = tuple(snapshot.grids)

    @Slot(str, object)
    def on_view_loaded(self, name: str, rows) -> None:
        if name != self.view_name:
            return
        self.model.set_rows(rows)
        self.loaded = True
        self._want_advice()
        if self.model.rowCount() and not self.selection.ids:
            self.table.selectRow(0)  # the most urgent, longest-waiting report, ready for R

    @Slot(str, list, object)
    def on_view_changed(self, name: str, touched: list, rows) -> None:
        """A change from the feed, a storm's batch too, in one go: the model places the new
        reports itself (a few inserts, ``SortedRowsModel``) and the table repaints once."""
        if name != self.view_name:
            return
        # An officer busy with an event elsewhere keeps it: only empty hands get the new report.
        had_selection = self.current_row() is not None or bool(self.selection.ids)
        new = self.model.apply(touched, rows)
        if not new:
            return
        self._want_advice()
        if not had_selection:  # an empty-handed officer: the new report is ready for R
            self.table.selectRow(min(self.model.row_of(row.id) for row in new))  # the first in order
        # Unseen until the officer moves onto it or decides on it (being selected for them
        # is not being seen): the badge counts them.
        self._unseen.update(row.id for row in new)
        self.sound.play()
        self._update_state()
        self.sig_new_reports.emit(new)

    @Slot(object)
    def on_presence(self, presence) -> None:
        """``(seen, quiet_after)`` from the desk: every console's last heartbeat."""
        seen, quiet_after = presence
        self.model.set_presence(seen, quiet_after)

    @Slot(object)
    def on_advice(self, advice) -> None:
        self._advice[advice.event_id] = advice
        if advice.categories:
            self.model.set_hint(advice.event_id, advice.categories[0].name)

    # --- Selection ------------------------------------------------------------------------------
    def current_row(self):
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.row_at(index.row())

    def select_events(self, ids: list[int]) -> None:
        """Select the first of these that waits here (another dock chose it); quiet otherwise."""
        pos = next((p for p in map(self.model.row_of, ids) if p is not None), None)
        self._following = True
        try:
            if pos is not None:
                self.table.selectRow(pos)
            else:  # an event elsewhere: no report here stays marked as if it were the one
                self.table.clearSelection()
        finally:
            self._following = False

    def _follow(self, ids: list) -> None:
        if not self.selection.is_from(self):
            self.select_events(ids)

    def _on_current(self, current, _previous) -> None:
        if current.isValid():
            row = self.model.row_at(current.row())
            self._unseen.discard(row.id)
            self._update_state()
            if not self._following:  # told by another dock: never announced back
                self.selection.select([row.id], source=self)

    # --- Decisions ------------------------------------------------------------------------------
    @Slot()
    def take(self) -> None:
        row = self._actionable()
        if row is None:
            return
        if self.model.hold(row) == Hold.MINE:
            self.say(self.tr("报告 {code} 已由本台接手").format(code=row.code), ok=True)
            return
        self._submit("take", row, CommandRequest.on("take", row.id, self._version(row)))

    @Slot()
    def release(self) -> None:
        row = self.current_row()
        if row is None:
            return
        self._submit("release", row, CommandRequest.on("release", row.id, self._version(row)))

    def decide(self, kind: str) -> None:
        """Open the form of a decision on the selected report, taking it first if nobody has."""
        row = self._actionable()
        if row is None or self.form is not None:
            return
        if self.model.hold(row) == Hold.MINE:
            self._open_form(kind, row)
        else:
            self._submit("take", row, CommandRequest.on("take", row.id, self._version(row)),
                         then=kind)

    @Slot()
    def _dispatch(self) -> None:
        if any(what == "register" for what, _row, _then in self._pending.values()):
            # Enter then D at once: the 立案 is still being written. D is kept, not refused:
            # the unit picker opens for the new event as soon as its command is done.
            self._dispatch_next = True
            self.say(self.tr("正在立案，完成后即打开派遣"), ok=True)
        elif self._registered is not None and self._registered in self.selection.ids:
            self.sig_dispatch_requested.emit([self._registered])
        else:
            self.say(self.tr("报告须先立案，才能派遣（R 立案后按 D）"), ok=False)

    def _actionable(self):
        """The selected report, unless another live console holds it (then say who)."""
        row = self.current_row()
        if row is None:
            self.say(self.tr("请先在队列中选择一条报告"), ok=False)
            return None
        if self.model.hold(row) == Hold.OTHER:
            self.say(self.tr("该报告正由 {name}（{console}）处理，不能操作").format(
                name=row.taken_by_name, console=row.taken_console), ok=False)
            return None
        return row

    def _open_form(self, kind: str, row) -> None:
        advice = self._advice.get(row.id)
        if kind == "register":
            suggested = [(c.code, c.probability) for c in advice.categories] if advice else []
            form = RegisterForm(row, self.categories, suggested, self, grids=self.grids)
        elif kind == "merge":
            form = AttachForm(row, advice.duplicates if advice else (), self.model.now, self)
        elif kind == "answer":
            form = answer_form(row, self)
        else:
            form = reject_form(row, self)
        self.form = form
        form.accepted.connect(lambda: self._submit(kind, row, CommandRequest.on(
            kind, row.id, self._version(row), **form.arguments())))
        form.finished.connect(lambda _result: self._form_closed(form))
        form.open()

    def _form_closed(self, form) -> None:
        if self.form is form:
            self.form = None
        form.deleteLater()
        # The keys go on where they were: the next key (D after 立案, ↓ to the next report).
        self.window().activateWindow()
        self.table.setFocus()

    @Slot()
    def open_entry(self) -> None:
        """手工录入: a phone call or a walk-in typed in by hand."""
        if self.form is not None:
            return
        form = EntryForm(self)
        self.form = form
        form.accepted.connect(lambda: self._submit(
            "receive", None, CommandRequest.new("receive", **form.arguments())))
        form.finished.connect(lambda _result: self._form_closed(form))
        form.open()

    # --- Commands and their answers ---------------------------------------------------------------
    def _version(self, row) -> int:
        return max(row.version, self._versions.get(row.id, 0))

    def _submit(self, what: str, row, request: CommandRequest, then: str | None = None) -> None:
        if self.runner is None:
            self.say(self.tr("值班台尚未就绪，命令未执行"), ok=False)
            return
        self._pending[request.id] = (what, row, then)
        self.runner.submit(request)

    @Slot(object)
    def _on_outcome(self, outcome) -> None:
        pending = self._pending.pop(outcome.request_id, None)
        if pending is None:
            return  # another dock's command
        what, row, then = pending
        dispatch_next = what == "register" and self._dispatch_next
        if what == "register":
            self._dispatch_next = False
        if not outcome.ok:
            self.say(outcome.message, ok=False)
        else:
            ref = outcome.ref
            self._versions[ref.id] = ref.version
            self.say(self._done_text(what, ref, outcome), ok=True)
            if then is not None and row is not None:
                self._open_form(then, row)
            if what == "register":
                self._registered = ref.id
                self.selection.select([ref.id], source=self)  # on the board: ready for D
                if dispatch_next:
                    self.sig_dispatch_requested.emit([ref.id])
        self.sig_decided.emit(outcome)

    def _done_text(self, what: str, ref, outcome) -> str:
        code = ref.code
        if what == "take":
            who = getattr(ref, "taken_from", "")
            if who:
                return self.tr("已接手 {code}（原由 {who}（{console}）接手，该值班台已离线）").format(
                    code=code, who=who, console=ref.taken_from_console)
            return self.tr("已接手 {code}").format(code=code)
        texts = {
            "release": self.tr("已放手 {code}，其他值班台可接手"),
            "register": self.tr("已立案 {code}，按 D 派遣"),
            "merge": self.tr("已将 {code} 合并到已有事件"),
            "answer": self.tr("已当场答复并办结 {code}"),
            "reject": self.tr("已不予立案 {code}"),
            "receive": self.tr("已受理 {code}，已进入来电队列"),
        }
        return texts[what].format(code=code)

    def say(self, text: str, *, ok: bool) -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(_OK_STYLE if ok else _REFUSED_STYLE)
        self.banner.show()

    # --- State ------------------------------------------------------------------------------------
    def _tick(self) -> None:
        self.model.tick()
        self.table.repaint_in_bands(self._clock_region())
        self._update_state()  # a lock may have lapsed: the buttons follow

    def _clock_region(self) -> QRegion:
        """The cells the tick changed, and only those: the waiting column, and the rows in view
        that glow or are held. Each painted cell is a call into Python that must take the
        interpreter back from the console's workers: under a storm a whole-view repaint every
        second was the GUI's longest wait (``bench/bench_intake.py --probe``)."""
        table, viewport = self.table, self.table.viewport()
        region = QRegion(table.columnViewportPosition(Col.WAITING), 0, table.columnWidth(Col.WAITING),
                         viewport.height())
        first, last = table.rowAt(0), table.rowAt(viewport.height() - 1)
        if first < 0:
            return region
        last = self.model.rowCount() - 1 if last < 0 else last
        for n in range(first, last + 1):
            if self.model.looks_ticked(self.model.row_at(n).id):
                region += QRect(0, table.rowViewportPosition(n), viewport.width(), table.rowHeight(n))
        return region

    def _want_advice(self, *_args) -> None:
        if not self._advice_timer.isActive():
            self._advice_timer.start()

    def _ask_advice(self) -> None:
        """The reports in view without advice yet, the selected one first."""
        table = self.table
        first = max(0, table.rowAt(0))
        last = table.rowAt(table.viewport().height() - 1)
        last = self.model.rowCount() - 1 if last < 0 else last
        rows = range(first, min(last, first + MAX_IN_VIEW) + 1)
        current = self.current_row()
        ids = [current.id] if current is not None else []
        ids += (self.model.row_at(n).id for n in rows)
        wanted = list(dict.fromkeys(i for i in ids if i not in self._advice))
        if wanted:
            self.sig_advice_requested.emit(wanted)

    def _forget_unseen(self, *_args) -> None:
        self._unseen = {i for i in self._unseen if self.model.row_of(i) is not None}

    def _update_state(self, *_args) -> None:
        count = self.model.rowCount()
        row = self.current_row() if count else None
        hold = self.model.hold(row) if row is not None else None
        for name, button in self.buttons.items():
            if name == "release":
                button.setEnabled(hold == Hold.MINE)
            else:
                button.setEnabled(row is not None and hold != Hold.OTHER)
        if count and self._unseen:
            title = self.tr("来电队列（{n} · 新 {new}）").format(n=count, new=len(self._unseen))
        elif count:
            title = self.tr("来电队列（{n}）").format(n=count)
        else:
            title = self.tr("来电队列")
        self.sig_title_changed.emit(title)
