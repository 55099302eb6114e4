"""The wall mode's composition root (``commandroom wall --db URL [--screen N] [--layout NAME]``):
the feed pump keeps the map live, the figures service computes ``wall_snapshot`` off the GUI
thread, the wall window only draws both. It signs in as the display role (``--wall-login``, or
the database's only active display user), which the domain refuses every command; the window
offers none either. ``--screenshot`` opens the database read-only and signs nobody in.
"""

from __future__ import annotations

import os
from pathlib import Path

from commandroom.app import SCREENSHOT_TIMEOUT_MS, _application, _has_display, _open_database, _say
from commandroom.config import Settings
from commandroom.models.errors import CommandroomError, ConfigError

WALL_CONSOLE = "wall"


class Wall:
    """The window and the two services feeding it, wired; ``start``/``stop`` run them."""

    def __init__(self, db, settings: Settings, street_id: int | None, size: tuple[int, int], *,
                 layout_name: str = "", clock=None, confirm_exit: bool = True):
        from commandroom.models.clock import Clock
        from commandroom.models.datum import Datum
        from commandroom.models.recurring import RecurringRule
        from commandroom.services.feed_pump import FeedPump
        from commandroom.services.map_feed import map_read_model
        from commandroom.services.wall_feed import WallFigures
        from commandroom.services.worker_thread import WorkerThread
        from commandroom.views.wall import layout as layouts
        from commandroom.views.wall.theme import Theme, scale_for
        from commandroom.views.wall.window import WallWindow

        clock = clock or Clock()
        self.layout = layouts.load(layout_name) if layout_name else layouts.for_screen(*size)
        self.window = WallWindow(self.layout, Theme(scale_for(*size)), clock, confirm_exit=confirm_exit,
                                 map_options=dict(tile_url=settings.tile_url, datum=Datum.parse(settings.tile_datum)))
        # The pump feeds the map and tells the figures when log rows arrive; it loads one day of
        # the console's rows, which the wall does not show (the least it can be asked for).
        self.pump = FeedPump(db, login=settings.user or WALL_CONSOLE, street_id=street_id, recent_days=1,
                             poll_ms=settings.feed_poll_ms, clock=clock,
                             read_models=[map_read_model(RecurringRule(settings.recurring_days,
                                                                       settings.recurring_min))])
        self.figures = WallFigures(db, street_id, clock=clock, refresh_ms=settings.wall_refresh_s * 1000)
        self.pump.sig_entries.connect(self.figures.on_entries)
        self.pump.sig_connection.connect(self.figures.on_connection)
        self.pump.sig_view_loaded.connect(self.window.on_view_loaded)
        self.pump.sig_view_changed.connect(self.window.on_view_changed)
        self.figures.sig_snapshot.connect(self.window.show_snapshot)
        self.figures.sig_failed.connect(self.window.show_stale)
        self.threads = [WorkerThread(self.figures, "wall-figures"), WorkerThread(self.pump, "wall-feed")]
        self.window.sig_closing.connect(self.stop)

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def stop(self) -> None:
        for thread in self.threads:
            thread.stop()


def run_wall(settings: Settings, *, screen: int | None = None, layout_name: str = "",
             screenshot: str | None = None, size: tuple[int, int] = (1920, 1080), open_mode=None,
             now=None) -> int:
    """Show the wall until Esc; with ``screenshot``, save a picture (at ``now``, if given) and exit."""
    if screenshot is not None and not _has_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    app = _application(settings)

    from commandroom.models.streets import room_street
    from commandroom.views.i18n import install_translators, remove_translators

    translators = install_translators(app, settings.lang)
    db = _open_database(settings.db_url, open_mode, screenshot is not None, settings.lang)
    if db is None:
        remove_translators(app, translators)
        return 2
    gate = None
    try:
        with db.session() as session:
            street = room_street(session, settings.street)
        geometry = None
        if screenshot is None:
            geometry = _screen(app, screen)
            size = geometry.size().toTuple()
            gate = _sign_in(db, settings, street.id)
        from commandroom.models.clock import Clock, FrozenClock

        clock = FrozenClock(now) if now is not None else Clock()
        wall = Wall(db, settings, street.id, size, layout_name=layout_name or settings.wall_layout, clock=clock)
        outcome = {"rc": 0}
        if screenshot is not None:
            _arrange(app, wall, Path(screenshot), size, outcome, settings.lang)
            wall.window.resize(*size)
            wall.window.show()
        else:
            wall.window.setGeometry(geometry)
            wall.window.showFullScreen()
        app.aboutToQuit.connect(wall.stop)
        wall.start()
        try:
            rc = app.exec()
        finally:
            wall.stop()
            wall.window.deleteLater()
        return outcome["rc"] or rc
    except CommandroomError as exc:
        _say(settings.lang, exc.zh, exc.en)
        return 2
    finally:
        if gate is not None:
            gate.sign_out()
        db.dispose()
        remove_translators(app, translators)


def _screen(app, number: int | None):
    """The geometry of screen ``number`` (0 is the first), or of the primary screen."""
    screens = app.screens()
    if number is None:
        return app.primaryScreen().geometry()
    if not 0 <= number < len(screens):
        raise ConfigError(f"没有第 {number} 块屏幕（共 {len(screens)} 块，从 0 起编号）",
                          f"No screen {number} (there are {len(screens)}, numbered from 0)")
    return screens[number].geometry()


def _sign_in(db, settings: Settings, street_id: int):
    """Sign in as the display user: ``--wall-login``, or the database's only one."""
    from commandroom.models.signin import display_logins
    from commandroom.services.shift_gate import GateOptions, ShiftGate

    login = settings.wall_login
    if not login:
        with db.session() as session:
            logins = display_logins(session)
        if not logins:
            raise ConfigError("数据库中没有大屏角色的用户：请先用 commandroom user add --role display 创建",
                              "The database has no display user: add one with commandroom user add --role display")
        if len(logins) > 1:
            raise ConfigError(f"数据库中有多个大屏用户（{'、'.join(logins)}）：请用 --wall-login 指定",
                              f"The database has several display users ({', '.join(logins)}): name one with --wall-login")
        login = logins[0]
    gate = ShiftGate(db, GateOptions(console=WALL_CONSOLE, street_id=street_id, lang=settings.lang))
    gate.sign_in_wall(login)
    return gate


def _arrange(app, wall: Wall, path: Path, size, outcome: dict, lang: str) -> None:
    """Once the figures are drawn and the map has painted its first batch: a picture, then quit."""
    from PySide6.QtCore import Qt, QTimer

    from commandroom.app import MAP_PAINT_MS

    waiting = {"figures", "map"} if wall.window.map is not None else {"figures"}

    def drawn(what: str) -> None:
        if what in waiting:
            waiting.discard(what)
            if not waiting:
                # The web process paints in software here: a larger page takes longer.
                QTimer.singleShot(int(MAP_PAINT_MS * max(1.0, size[0] * size[1] / (1920 * 1080))), grab)

    def grab() -> None:
        for timer in wall.window.rotations:  # a picture shows each cell's first panel
            timer.stop()
        for cell in wall.window.cells:
            cell.setCurrentIndex(0)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not wall.window.grab().save(str(path)):
            _say(lang, f"无法写入 {path}", f"cannot write {path}")
            outcome["rc"] = 1
        app.exit(outcome["rc"])

    def failed(reason: str) -> None:
        _say(lang, f"无法读取数据：{reason}", f"cannot read the data: {reason}")
        outcome["rc"] = 1
        app.exit(1)

    wall.window.sig_drawn.connect(lambda: drawn("figures"))
    if wall.window.map is not None:
        wall.window.map.sig_dressed.connect(lambda: drawn("map"))
    wall.figures.sig_failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    guard = QTimer(wall.window)
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: failed("timeout"))
    guard.start(SCREENSHOT_TIMEOUT_MS)
