"""The duty console's main window: docks, menus, status bar and the saved layout.

Every panel is a dock added with ``add_dock`` (one line each: the event list now; the call
queue, dispatch board, alerts, and the map next), so the officer can arrange, hide and restore them;
the arrangement and the list's columns are kept in ``ui_state`` (a QSettings ini) between runs.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox, QSizePolicy, QWidget

from commandroom import __version__
from commandroom.models.clock import Clock
from commandroom.models.enums import Role
from commandroom.models.lifecycle import OPERATORS
from commandroom.views.admin.admin_panel import AdminPanel
from commandroom.views.alerts.alerts_panel import AlertsPanel
from commandroom.views.calls.call_queue import CallQueuePanel
from commandroom.views.calls.new_report_sound import SoundToggle
from commandroom.views.common.selection import Selection
from commandroom.views.detail.detail_panel import EventDetailPanel
from commandroom.views.detail.pending_extensions import PendingExtensionsPanel
from commandroom.views.board.board_panel import BoardPanel
from commandroom.views.events.event_list import EventListPanel
from commandroom.views.events.event_filter import GRID, choice
from commandroom.views.map.map_panel import MapPanel
from commandroom.views.status_bar import ConsoleStatusBar

# Bump when the docks change so much that an old saved layout no longer fits.
LAYOUT_VERSION = 2  # 2: the queue left of the list, the board two thirds high (older saved layouts are set aside)
# The first run's shares: the detail's of the width, the queue's of what is left, the top row's of the height.
FIRST_RUN = {"detail": 0.25, "calls": 0.6, "top": 0.34}
DETAIL_MIN_WIDTH = 400  # a timeline's four columns, its text wrapped


class MainWindow(QMainWindow):
    # --- Signals ---------------------------------------------------------------------------
    sig_closing = Signal()
    """The window is closing (its layout is saved): stop the services feeding it."""

    sig_reload_requested = Signal()
    """The officer asked to load the whole list again (视图 → 重新加载, F5)."""

    sig_meeting_requested = Signal()
    """The officer asked for last week's meeting replay (视图 → 例会回放)."""

    def __init__(
        self,
        *,
        street_name: str,
        database: str,
        ui_state: QSettings,
        clock: Clock | None = None,
        recent_days: int,
        role: Role | None = None,
        console: str = "",
        sound: bool = True,
        map_options: dict | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("consoleWindow")
        self.clock = clock or Clock()
        self.ui_state = ui_state
        self.recent_days = recent_days
        # The signed-in user's role: its buttons, its docks and its own saved layout.
        self.role = role
        self.docks: dict[str, QDockWidget] = {}
        self.set_street(street_name)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks
                            | QMainWindow.DockOption.AllowNestedDocks
                            | QMainWindow.DockOption.AllowTabbedDocks)
        # No central content: the docks share the window. The central widget is a line of no
        # height between the top docks and the board: a main window with no central widget gives
        # every spare pixel of width to the right-hand area (the detail grew on each selection,
        # the queue and the board shrank to their minimum); this takes the spare instead.
        spacer = QWidget(self, objectName="centralSpacer")
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        spacer.setFixedHeight(0)
        self.setCentralWidget(spacer)

        self.status = ConsoleStatusBar(database, self)
        self.setStatusBar(self.status)
        # The events the officer is working on, shared by every dock (each dock gets it).
        self.selection = Selection(self)
        self.events = EventListPanel(self.clock, self, selection=self.selection)
        self.events.sig_new_events.connect(self._announce_new)
        self._build_menus()
        self.add_dock(self.events, self.tr("事件列表"), "events", Qt.DockWidgetArea.TopDockWidgetArea)
        self.detail = EventDetailPanel(self.selection, self.clock, self)
        self.detail.set_role(role)
        self.detail.lookup = self.events.find_code
        # The right-hand docks take the full height beside the list: a long timeline needs rows.
        self.setCorner(Qt.Corner.TopRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.add_dock(self.detail, self.tr("事件详情"), "detail", Qt.DockWidgetArea.RightDockWidgetArea)
        # Its width is the officer's (or the first run's), never its content's (``sizeHint``).
        self.detail.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.detail.setMinimumWidth(DETAIL_MIN_WIDTH)
        # Read models by name -> the docks fed by them (the feed pump's sig_view_*).
        self.view_changed = [self.detail.on_view_changed]
        self.view_loaded = []
        self.extensions: PendingExtensionsPanel | None = None
        if role == Role.SHIFT_LEADER:  # approvals are the leader's: an officer's console has no such dock
            self.extensions = PendingExtensionsPanel(self.selection, self.clock, self)
            dock = self.add_dock(self.extensions, self.tr("待审批延期"), "extensions",
                                 Qt.DockWidgetArea.RightDockWidgetArea)
            self.extensions.sig_count.connect(
                lambda n: dock.setWindowTitle(self.tr("待审批延期（{n}）").format(n=n)))
            self.view_loaded.append(self.extensions.on_view_loaded)
            self.view_changed.append(self.extensions.on_view_changed)
        self.board = BoardPanel(self.clock, self)
        self.add_dock(self.board, self.tr("派遣看板"), "board", Qt.DockWidgetArea.BottomDockWidgetArea)
        # A card leaving the board (closed, say) empties the board's own selection: that is no
        # choice of the officer's, so only a selection of cards is passed on to the other docks.
        self.board.sig_selection_changed.connect(
            lambda ids: ids and self.selection.select(ids, source=self.board))
        self.selection.sig_selected.connect(self._board_follows)
        # The call queue beside the list, the board under both, the detail on the right.
        muted = not sound or ui_state.value("calls/muted", False, bool)
        self.calls = CallQueuePanel(console, self.clock, muted, self, selection=self.selection)
        calls = self.add_dock(self.calls, self.tr("来电队列"), "calls", Qt.DockWidgetArea.TopDockWidgetArea)
        # The queue first (left: where the eye starts), the list of every event beside it.
        self.splitDockWidget(calls, self.docks["events"], Qt.Orientation.Horizontal)
        self.calls.sig_title_changed.connect(calls.setWindowTitle)
        self.calls.sig_dispatch_requested.connect(self._dispatch_from_queue)
        self.view_loaded.append(self.calls.on_view_loaded)
        self.view_changed.append(self.calls.on_view_changed)
        self.status.addPermanentWidget(SoundToggle(self.calls.sound, self.status))
        if role is not None and role not in OPERATORS:  # the wall and the admin take no calls
            calls.hide()
            calls.toggleViewAction().setVisible(False)
        self.admin: AdminPanel | None = None
        if role == Role.ADMIN:  # the organisation's daily changes are the administrator's
            self.admin = AdminPanel(self)
            self.add_dock(self.admin, self.tr("组织管理"), "admin", Qt.DockWidgetArea.RightDockWidgetArea)
            self.view_loaded.append(self.admin.on_view_loaded)
            self.view_changed.append(self.admin.on_view_changed)
        # The map, tabbed with the board: its grid click filters the list and the board, its
        # right-click places the report being registered.
        self.map = MapPanel(self.selection, parent=self, **(map_options or {}))
        self.tabifyDockWidget(self.docks["board"], self.add_dock(
            self.map, self.tr("网格地图"), "map", Qt.DockWidgetArea.BottomDockWidgetArea))
        self.docks["map"].visibilityChanged.connect(self.map.set_tab_raised)  # behind: no feed work
        self.docks["board"].raise_()  # the board is the shift's work: its tab in front
        self.map.sig_grid_filter.connect(self._filter_grid)
        self.map.sig_point_picked.connect(self._place_report)
        self.view_loaded.append(self.map.on_view_loaded)
        self.view_changed.append(self.map.on_view_changed)
        self._add_alerts(muted)

        self._minute = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._timer.start(1000)
        self._tick()

    # --- Building ------------------------------------------------------------------------------
    def set_street(self, street_name: str) -> None:
        if street_name:
            title = self.tr("{street}综合信息指挥室 — 值班台").format(street=street_name)
            self.setWindowTitle(title)
        else:
            self.setWindowTitle(self.tr("综合信息指挥室 — 值班台"))

    def _add_alerts(self, muted: bool) -> None:
        """督办提醒 under the detail on the right; a new 督办 or higher brings its dock to the front."""
        self.alerts = AlertsPanel(self.selection, self.clock, muted, self)
        self.alerts.set_role(self.role)
        dock = self.add_dock(self.alerts, self.tr("督办提醒"), "alerts", Qt.DockWidgetArea.RightDockWidgetArea)
        self.splitDockWidget(self.docks["detail"], dock, Qt.Orientation.Vertical)
        self.alerts.sig_count.connect(lambda n: dock.setWindowTitle(self.tr("督办提醒（{n}）").format(n=n)))
        self.alerts.sig_loud.connect(lambda _row: (dock.show(), dock.raise_()))
        self.calls.sound.sig_muted_changed.connect(self.alerts.sound.set_muted)  # one switch mutes both
        self.view_loaded.append(self.alerts.on_view_loaded)
        self.view_changed.append(self.alerts.on_view_changed)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        quit_action = QAction(self.tr("退出(&X)"), self, objectName="quitAction")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        self.view_menu = bar.addMenu(self.tr("视图(&V)"))
        self._docks_end = self.view_menu.addSeparator()  # dock toggles are inserted above it
        reset = QAction(self.tr("重置布局(&R)"), self, objectName="resetLayoutAction")
        reset.triggered.connect(self.reset_layout)
        self.view_menu.addAction(reset)
        reload = QAction(self.tr("重新加载(&L)"), self, objectName="reloadAction")
        reload.setShortcut(QKeySequence.StandardKey.Refresh)
        reload.triggered.connect(self.sig_reload_requested)
        self.view_menu.addAction(reload)
        meeting = QAction(self.tr("例会回放（上周）(&M)…"), self, objectName="meetingAction")
        meeting.triggered.connect(self.sig_meeting_requested)
        self.view_menu.addAction(meeting)

        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        about = QAction(self.tr("关于(&A)"), self, objectName="aboutAction")
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def add_dock(self, widget: QWidget, title: str, name: str,
                 area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea) -> QDockWidget:
        """Put a panel in a dock; it gets a show/hide entry in 视图 and a place in the layout."""
        dock = QDockWidget(title, self, objectName=f"{name}Dock")
        # Opaque: a label of the panel set anew (a count, a banner) repaints the panel's part,
        # not the dock's under it too. The dock's paint asks the style for its title buttons'
        # icons, decoded anew from their files every time: under a storm's counts that was
        # more of the GUI thread than painting the tables (perf record on bench_intake).
        widget.setAutoFillBackground(True)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        toggle = dock.toggleViewAction()
        toggle.setObjectName(f"{name}ToggleAction")
        self.view_menu.insertAction(self._docks_end, toggle)
        self.docks[name] = dock
        return dock

    # --- Layout ----------------------------------------------------------------------------------
    def restore_layout(self, size: tuple[int, int] | None = None) -> None:
        """Remember the built layout as the default, then restore the officer's saved one.

        Call once, after every dock is added. ``size`` forces the window size (screenshots);
        otherwise the saved geometry is used, or most of the screen on the first run.
        """
        self._default_state = self.saveState(LAYOUT_VERSION)
        self._default_header = self.events.header_state()
        geometry = self.ui_state.value("window/geometry")
        if size is not None:
            self.resize(*size)
        elif geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry()
            self.resize(int(screen.width() * 0.9), int(screen.height() * 0.9))
        state = self.ui_state.value(self._layout_key("state"))
        if state is not None:
            self.restoreState(state, LAYOUT_VERSION)
        else:
            self._first_run_sizes()
            self.resizeDocks([self.docks["detail"], self.docks["alerts"]],
                             [int(self.height() * 0.55), int(self.height() * 0.45)], Qt.Orientation.Vertical)
        self.events.restore_header(self.ui_state.value(self._layout_key("header")))

    def _first_run_sizes(self) -> None:
        """The first run's split, judged at 1920×1080: the board (the shift's work) takes two
        thirds of the height, so a lane shows six cards; the queue and the list share the top,
        the queue wider (its report text is what is read); the detail keeps a timeline's width."""
        width, height = self.width(), self.height()
        left = width - int(width * FIRST_RUN["detail"])
        self.resizeDocks([self.docks["detail"]], [width - left], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["calls"], self.docks["events"]],
                         [int(left * FIRST_RUN["calls"]), left - int(left * FIRST_RUN["calls"])],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["calls"], self.docks["board"]],
                         [int(height * FIRST_RUN["top"]), height - int(height * FIRST_RUN["top"])],
                         Qt.Orientation.Vertical)

    def _layout_key(self, what: str) -> str:
        """Each role keeps its own arrangement: a shift leader's docks are not an officer's."""
        return f"layout/{self.role.value if self.role else 'default'}/{what}"

    @Slot()
    def reset_layout(self) -> None:
        for dock in self.docks.values():
            dock.setFloating(False)
            dock.show()
        self.restoreState(self._default_state, LAYOUT_VERSION)
        self.events.restore_header(self._default_header)

    def save_layout(self) -> None:
        self.ui_state.setValue("window/geometry", self.saveGeometry())
        self.ui_state.setValue(self._layout_key("state"), self.saveState(LAYOUT_VERSION))
        self.ui_state.setValue(self._layout_key("header"), self.events.header_state())
        self.ui_state.setValue("calls/muted", self.calls.sound.muted)
        self.ui_state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self._timer.stop()
        self.sig_closing.emit()
        super().closeEvent(event)

    @Slot(list)
    def _board_follows(self, ids: list) -> None:
        """The board shows the shared selection; it must not answer with the part of it that
        happens to be on the board (that would narrow everyone's selection)."""
        if not self.selection.is_from(self.board):
            self.board.blockSignals(True)
            try:
                self.board.select_events(ids)
            finally:
                self.board.blockSignals(False)

    def _dispatch_from_queue(self, ids: list) -> None:
        """D in the call queue after 立案: the board picks the unit for the new event (once the
        feed has brought its card)."""
        self.board.dispatch_when_shown(ids)

    def _filter_grid(self, grid_id: int, name: str) -> None:
        """A grid clicked on the map: the list and the board show that grid only (0: all)."""
        place = self.events.filters.place
        place.setCurrentIndex(max(place.findData(choice(GRID, grid_id)), 0) if grid_id else 0)
        self.board.set_grid(grid_id, name)

    def _place_report(self, lat: float, lon: float, where: str) -> None:
        form = self.calls.form
        if form is not None and hasattr(form, "set_point"):
            form.set_point(lat, lon, where)
            form.raise_()
        else:
            self.map.say(self.tr("右键定位用于立案：请先在来电队列中打开立案表单（R），再在地图上右键点选位置"))

    # --- Fed by the services (queued from their threads) ---------------------------------------
    @Slot(object)
    def on_loaded(self, snapshot) -> None:
        if snapshot.street_name:
            self.set_street(snapshot.street_name)
        user = snapshot.user
        if user is not None:
            self.status.set_user(user.login, user.name, user.role)
            self.detail.set_role(user.role)  # the role as the database has it now
            self.board.set_role(user.role)
            self.alerts.set_role(user.role)
        self.detail.set_categories(snapshot.categories)
        self.calls.set_snapshot(snapshot)
        self.events.load(snapshot)

    @Slot(list)
    def on_rows_changed(self, rows: list) -> None:
        self.events.apply_changes(rows)

    @Slot(str, object)
    def on_view_loaded(self, name: str, data) -> None:
        for handler in self.view_loaded:
            handler(name, data)

    @Slot(str, list, object)
    def on_view_changed(self, name: str, ids: list, data) -> None:
        for handler in self.view_changed:
            handler(name, ids, data)

    def set_commands(self, runner) -> None:
        """The console's command runner: the docks that give commands get it."""
        self.detail.set_commands(runner)
        self.calls.set_commands(runner)
        self.alerts.set_commands(runner)
        if self.extensions is not None:
            self.extensions.set_commands(runner)
        if self.admin is not None:
            self.admin.set_commands(runner)

    @Slot(bool, str)
    def on_connection(self, ok: bool, reason: str) -> None:
        self.status.set_connection(ok, reason)

    # --- Help --------------------------------------------------------------------------------------
    @Slot()
    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("关于"), self.tr(
            "<h3>街道综合信息指挥室 值班台</h3>"
            "<p>版本 {version}</p>"
            "<p>受理、立案、派遣、处置、核查、结案的闭环管理，"
            "以及督办提醒与考核统计。</p>"
            "<p>数据库：{db}</p>").format(version=__version__, db=self.status.database.text()))

    # --- Time --------------------------------------------------------------------------------------
    def _tick(self) -> None:
        now = self.clock.now()
        self.status.show_time(now)
        minute = now.replace(second=0)
        if minute != self._minute:
            first = self._minute is None
            self._minute = minute
            if not first:
                self.events.tick()
                self.detail.tick()
            if minute.minute == 0 and not first:
                self.events.prune_finished(self.recent_days)

    def _announce_new(self, rows: list) -> None:
        if len(rows) == 1:
            row = rows[0]
            text = self.tr("新事件 {code}：{title}").format(code=row.code, title=row.title)
        else:
            text = self.tr("新事件 {n} 件").format(n=len(rows))
        self.status.showMessage(text, 15_000)
