"""The composition root: builds the application, opens the database, starts the services and
shows the console.

Qt is imported inside the functions, never at module level: ``run`` must set the platform
variables first when a headless screenshot is asked for (Qt reads them once, at start).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from platformdirs import user_config_path

from commandroom.config import APP_NAME, Settings

log = logging.getLogger(__name__)

# A screenshot waits for the opening load; a database that slow is an error, not a picture.
SCREENSHOT_TIMEOUT_MS = 120_000
# The map's page paints in the web process after it has applied its batch: give it this long.
MAP_PAINT_MS = 800
# Sans-serif families with full CJK coverage, first found wins (Windows, macOS, Linux).
UI_FONTS = ["Microsoft YaHei UI", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
            "WenQuanYi Micro Hei"]


def default_ui_state_path() -> Path:
    """Where the window layout is kept: an ini file in the user's config directory."""
    return user_config_path(APP_NAME, appauthor=False, ensure_exists=True) / "console.ini"


def run(
    settings: Settings,
    screenshot: str | None = None,
    size: tuple[int, int] = (1920, 1080),
    *,
    ui_state_path: Path | None = None,
    open_mode=None,
    user_given: bool = False,
) -> int:
    """Show the console until it is closed; with ``screenshot``, save a picture and exit.
    ``open_mode`` (an ``OpenMode``): what may be done to the database; by default a picture only
    reads it and the console may create it."""
    if screenshot is not None and not _has_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    app = _application(settings)

    from commandroom.views import dialogs
    from commandroom.views.i18n import install_translators, remove_translators

    translators = install_translators(app, settings.lang)
    try:
        db = _open_database(settings.db_url, open_mode, screenshot is not None, settings.lang)
        if db is None:
            return 2
        try:
            _ensure_street(db, interactive=screenshot is None)
            settings = _choose_street(db, settings, interactive=screenshot is None)
            if settings is None:  # the officer declined to pick a street
                return 0
            ui_state_path = ui_state_path or default_ui_state_path()
            gate = None
            if screenshot is None:  # a picture only reads: it signs nobody in
                from commandroom.app_signin import sign_in

                signed = sign_in(db, settings, user_given=user_given, ui_state_path=ui_state_path)
                if signed is None:
                    return 0
                settings, gate = signed
            return _run_console(app, db, settings, screenshot, size, ui_state_path, gate)
        finally:
            db.dispose()
    except Exception as exc:  # the last resort: the officer sees the reason, not a vanished window
        log.exception("console failed")
        if screenshot is None:
            dialogs.show_error(APP_NAME, str(exc))
        raise
    finally:
        remove_translators(app, translators)


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _sandbox_off_for_root() -> None:
    """Chromium (the map's web engine) refuses its sandbox to root; without this variable the
    engine never starts and the console hung at the map. Root runs the console on kiosk
    machines and in CI; an officer's own account keeps the sandbox."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")


def _application(settings: Settings):
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from commandroom.services.gui_collector import collect_on_gui_thread
    from commandroom.views.common.style import console_style

    _sandbox_off_for_root()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    collect_on_gui_thread(app)  # garbage holding widgets is never freed by a worker thread
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setStyle(console_style())  # Fusion everywhere; console.qss refines it
    font = QFont(app.font())
    font.setFamilies(UI_FONTS + font.families())
    font.setPointSizeF(10)
    app.setFont(font)
    app.setStyleSheet(_stylesheet())
    return app


def _stylesheet() -> str:
    from commandroom.views.resources import resource

    path = resource("styles", "console.qss")
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        log.warning("style sheet not found: %s", path)
        return ""


def _open_database(url: str, mode, screenshot: bool, lang: str):
    from commandroom.models.db import Database
    from commandroom.models.errors import CommandroomError
    from commandroom.models.opening import OpenMode
    from commandroom.views import dialogs

    if mode is None:
        mode = OpenMode.READ if screenshot else OpenMode.CREATE
    try:
        return Database(url, mode=mode)
    except CommandroomError as exc:
        if screenshot:  # no one to read a dialog
            _say(lang, exc.zh, exc.en)
        else:
            dialogs.database_failed(exc.message(lang))
        return None


def _ensure_street(db, *, interactive: bool) -> None:
    """A database without a street gets the offer of the demo street (never in a screenshot)."""
    from commandroom.models.queries import street_name

    with db.session() as session:
        if street_name(session) is not None:
            return
    if not interactive:
        log.warning("the database has no street; the console opens empty")
        return

    from commandroom.views import dialogs

    if not dialogs.ask_create_demo():
        return
    from commandroom.services.demo_builder import DemoBuilder
    from commandroom.services.worker_thread import WorkerThread
    from commandroom.views.demo_progress import DemoProgressDialog

    builder = DemoBuilder(db, days=30, seed=1)
    progress = DemoProgressDialog(builder)
    thread = WorkerThread(builder, "demo-builder")
    thread.start()
    try:
        progress.exec()
    finally:
        builder.cancel()  # closed before the end: the street is not written
        thread.stop()
    if progress.failure:  # any failure leaves an empty console, and says why
        dialogs.demo_failed(progress.failure)


def _choose_street(db, settings: Settings, *, interactive: bool) -> Settings | None:
    """The settings with the room's street named: a district database with several streets and
    none given asks the officer which (a screenshot was already refused by the CLI)."""
    from dataclasses import replace

    from commandroom.models.streets import list_streets

    with db.session() as session:
        streets = list_streets(session)
    if settings.street or len(streets) < 2 or not interactive:
        return settings
    from commandroom.views import dialogs

    picked = dialogs.choose_street([str(street) for street in streets])
    return None if picked is None else replace(settings, street=streets[picked].code)


class Console:
    """The window and the services feeding it, wired; ``start`` shows it and starts the feed
    and the command runner. Views give their commands through ``commands`` (a CommandRunner),
    handed to them here."""

    def __init__(self, db, settings: Settings, ui_state_path: Path, clock=None):
        from PySide6.QtCore import QSettings, QTimer

        from commandroom.models.alert_rows import load_event_alerts, load_open_alerts
        from commandroom.services.board_feed import board_read_model
        from commandroom.models.clock import Clock
        from commandroom.models.datum import Datum
        from commandroom.models.opening import OpenMode
        from commandroom.models.recurring import RecurringRule
        from commandroom.models.queries import user_info
        from commandroom.models.streets import resolve_street
        from commandroom.app_admin import admin_read_models
        from commandroom.services.call_desk import CallDesk, queue_read_model
        from commandroom.services.command_runner import CommandRunner
        from commandroom.services.detail_views import detail_read_model, pending_read_model
        from commandroom.services import gil_pace
        from commandroom.services.feed_pump import FeedPump, ReadModel
        from commandroom.services.map_feed import map_read_model
        from commandroom.services.worker_thread import WorkerThread
        from commandroom.views.alerts.alerts_panel import ALERTS
        from commandroom.views.common.glyph_warmup import GlyphWarmup
        from commandroom.views.main_window import MainWindow

        clock = clock or Clock()
        with db.session() as session:  # one quick read, so the title is right from the start
            street = resolve_street(session, settings.street)
            user = user_info(session, settings.user)  # its role picks the docks and the layout
        street_id = street.id if street else None
        self.window = MainWindow(
            street_name=street.name if street else "", database=db.describe(), clock=clock,
            ui_state=QSettings(str(ui_state_path), QSettings.Format.IniFormat),
            recent_days=settings.recent_days, role=user.role if user else None,
            console=settings.console, sound=settings.sound,
            map_options=dict(tile_url=settings.tile_url, datum=Datum.parse(settings.tile_datum)))
        self.window.status.set_user(settings.user, "", None)  # until the snapshot names the user

        self.pump = FeedPump(db, login=settings.user, street_id=street_id,
                             recent_days=settings.recent_days, poll_ms=settings.feed_poll_ms,
                             clock=clock, read_models=[detail_read_model(self.window.detail.watch),
                                                        pending_read_model(),
                                                        board_read_model(),
                                                        queue_read_model(), *admin_read_models(user),
                                                        map_read_model(RecurringRule(settings.recurring_days,
                                                                                     settings.recurring_min),
                                                                       self.window.map.watch),
                                                        ReadModel(ALERTS, load_open_alerts, load_event_alerts)])
        self.pump.sig_view_loaded.connect(self.window.board.on_view_loaded)
        self.pump.sig_view_changed.connect(self.window.board.on_view_changed)
        self.pump.sig_loaded.connect(self.window.on_loaded)
        # Once the opening data is in the docks (their queued loads go before a 0 ms timer): a
        # full collection must never again walk the opening's objects mid-storm.
        self.window.events.sig_populated.connect(lambda _n: QTimer.singleShot(0, gil_pace.settle_heap))
        # Then, a slice a turn, the common characters drawn once: a storm's first calls are
        # not the first to be drawn in them (views/common/glyph_warmup.py).
        self.glyphs = GlyphWarmup(parent=self.window)
        self.window.events.sig_populated.connect(lambda _n: QTimer.singleShot(0, self.glyphs.start))
        self._sweep = gil_pace.HeapSweeper(self.window)  # frozen garbage freed hourly, when quiet
        self.pump.sig_entries.connect(self._sweep.busy)
        self._sweep.start()
        self.pump.sig_view_loaded.connect(self.window.on_view_loaded)
        self.pump.sig_view_changed.connect(self.window.on_view_changed)
        self.window.detail.sig_load_view.connect(self.pump.refresh_view)  # queued into its thread
        self.window.map.sig_load_view.connect(self.pump.refresh_view)
        self.pump.sig_rows_changed.connect(self.window.on_rows_changed)
        self.pump.sig_connection.connect(self.window.on_connection)
        self.feed = WorkerThread(self.pump, "feed-pump")
        self.window.sig_reload_requested.connect(self.pump.reload)  # queued into its thread
        self.window.sig_closing.connect(self.stop)
        self.window.sig_meeting_requested.connect(self.open_meeting)
        self.meetings: list = []  # the meeting windows opened from this console, until they close
        self._meeting_args = (db, street_id, user.role if user else None, settings.lang, clock)
        self.commands = CommandRunner(db, login=settings.user, console=settings.console,
                                      street_id=street_id, lang=settings.lang, clock=clock)
        self.window.set_commands(self.commands)
        self.window.board.set_runner(self.commands)
        self.desk = CallDesk(db, login=settings.user, console=settings.console, street_id=street_id,
                             clock=clock)
        self.window.calls.attach_desk(self.desk)
        self.pump.sig_entries.connect(self.desk.learn)  # queued into the desk's thread: 立案s teach it
        self.desk_thread = WorkerThread(self.desk, "call-desk")
        self.read_only = getattr(db, "mode", None) is OpenMode.READ
        self.supervisor = _supervisor(db, settings, street_id, clock)
        self.supervisor.sig_scanned.connect(self.window.alerts.on_scanned)
        self.intake = None
        if settings.intake and not self.read_only:
            from commandroom.services.intake_service import IntakeService

            service = IntakeService(db, host=settings.intake_host, port=settings.intake_port,
                                    key_ttl=settings.intake_key_ttl, max_body=settings.intake_max_body,
                                    commit_delay=settings.intake_commit_delay_ms / 1000,
                                    console=settings.console, clock=clock)
            service.sig_state.connect(self.window.status.set_intake)
            self.intake = WorkerThread(service, "intake-service")

    def start(self, size: tuple[int, int] | None = None) -> None:
        from commandroom.services import gil_pace

        # The GUI's share of the GIL while the workers compute (services/gil_pace.py).
        gil_pace.pace_gui()
        self.window.restore_layout(size)
        self.window.show()
        self.commands.start()
        self.feed.start()
        if not self.read_only:  # a screenshot only reads: no heartbeat row, no alerts raised
            self.desk_thread.start()
            self.supervisor.start()
        if self.intake is not None:
            self.intake.start()

    def open_meeting(self) -> None:
        """Last week's meeting, as the ``meeting`` command shows it: the same window, acting
        through this console's command runner as its signed-in officer (a role that may not
        decide watches). Closing it stops its loader; closing the console closes it."""
        from datetime import timedelta

        from PySide6.QtCore import Qt

        from commandroom.meeting_mode import Meeting
        from commandroom.models.week import week_of

        db, street_id, role, lang, clock = self._meeting_args
        meeting = Meeting(db, self.commands, street_id, week_of((clock.now() - timedelta(days=7)).date()),
                          role=role, lang=lang)
        meeting.window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        meeting.window.destroyed.connect(lambda: self._forget_meeting(meeting))
        self.meetings.append(meeting)
        meeting.window.showMaximized()
        meeting.start()

    def _forget_meeting(self, meeting) -> None:
        meeting.stop()
        self.meetings.remove(meeting)

    def stop(self) -> None:
        for meeting in list(self.meetings):
            meeting.window.close()
        self.supervisor.stop()
        if self.intake is not None:
            self.intake.stop()
        self.feed.stop()
        self.desk_thread.stop()
        self.commands.stop()
        from commandroom.services import gil_pace

        gil_pace.release_heap()


def _supervisor(db, settings: Settings, street_id, clock):
    """The scheduler of this console: the supervision scan, and on SQLite the daily backup."""
    from commandroom.config import thresholds
    from commandroom.services.supervisor import Jobs, Supervisor

    backups = Path(db.engine.url.database).parent / "backups" if db.is_sqlite else None
    jobs = Jobs(interval_s=settings.supervise_interval_s, backup_dir=backups,
                backup_keep_days=settings.backup_keep_days, backup_hour=settings.backup_hour,
                summary_hour=settings.summary_hour)
    return Supervisor(db, thresholds(settings), console=settings.console, jobs=jobs, street_id=street_id,
                      clock=clock)


def _run_console(app, db, settings: Settings, screenshot: str | None, size, ui_state_path: Path,
                 gate=None) -> int:
    console = Console(db, settings, ui_state_path)
    if gate is not None:
        from commandroom.app_signin import attach

        attach(console, gate)
    app.aboutToQuit.connect(console.stop)
    outcome = {"rc": 0}
    if screenshot is not None:
        _arrange_screenshot(app, console.window, Path(screenshot), size, outcome, settings.lang)
    console.start(size if screenshot else None)
    try:
        rc = app.exec()
    finally:
        console.stop()
        console.window.deleteLater()
    return outcome["rc"] or rc


def _arrange_screenshot(app, window, path: Path, size, outcome: dict, lang: str) -> None:
    """Once the list is populated (a signal, not a timer), picture the window and quit."""
    from PySide6.QtCore import Qt, QTimer

    def grab() -> None:
        pixmap = window.grab()
        if pixmap.size().toTuple() != tuple(size):  # a high-dpi screen: keep the asked size
            pixmap = pixmap.scaled(*size, Qt.AspectRatioMode.IgnoreAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
        try:  # a slot's exception would only print a traceback: say it in one line instead
            path.parent.mkdir(parents=True, exist_ok=True)
            saved = pixmap.save(str(path))
        except OSError:
            saved = False
        if not saved:
            _say(lang, f"无法写入 {path}", f"cannot write {path}")
            outcome["rc"] = 1
        app.exit(outcome["rc"])

    def too_slow() -> None:
        _say(lang, "事件列表未能及时加载，未截图", "the event list did not load in time; no screenshot")
        outcome["rc"] = 1
        app.exit(1)

    # Both the list and the map must be drawn. One turn of the event loop after the rows arrive
    # lets the table lay itself out; the map's page paints in its own process, a moment after
    # it has applied its first batch.
    waiting = {"events", "map"}

    def drawn(what: str) -> None:
        if what in waiting:
            waiting.discard(what)
            if not waiting:
                QTimer.singleShot(MAP_PAINT_MS, grab)

    window.events.sig_populated.connect(lambda _count: drawn("events"))
    window.map.bridge.sig_applied.connect(lambda _count: drawn("map"))
    guard = QTimer(window)  # dies with the window, so it cannot fire into a later run
    guard.setSingleShot(True)
    guard.timeout.connect(too_slow)
    guard.start(SCREENSHOT_TIMEOUT_MS)


def _say(lang: str, zh: str, en: str) -> None:
    """One line on stderr for a run with no window to show it in (a screenshot)."""
    print(f"commandroom: {en if lang.startswith('en') else zh}", file=sys.stderr)
