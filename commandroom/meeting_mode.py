"""The meeting mode's composition root (``commandroom meeting --db URL [--week 2026-W47]``): the
week is loaded off the GUI thread, then the meeting window replays it. Whoever runs it signs in
as at the console (``app_signin.py``: the sign-in dialog; ``--user`` on a demo database only),
without taking a shift over, and is signed out as the window closes; the meeting acts as them.
A leader's decisions go through the command runner; a role that may not decide watches, and the
decision button says why. ``--screenshot`` opens the database read-only, signs nobody in, moves
the slider to the first agenda item and saves a picture.
"""

from __future__ import annotations

import os
from pathlib import Path

from commandroom.app import (
    SCREENSHOT_TIMEOUT_MS,
    _application,
    _has_display,
    _open_database,
    _say,
    default_ui_state_path,
)
from commandroom.config import Settings


class Meeting:
    """A meeting window on a week, the week loaded by a thread of its own: the ``meeting``
    command's window, and the console's (视图 → 例会回放), which hands it its own command runner
    and signed-in role."""

    def __init__(self, db, runner, street_id: int, week: str, *, role, lang: str):
        from commandroom.services.meeting_loader import MeetingLoader
        from commandroom.services.worker_thread import WorkerThread
        from commandroom.views.meeting.window import MeetingWindow

        self.window = MeetingWindow(runner, role=role)
        self.loader = MeetingLoader(db, street_id, week, lang=lang)
        self.loader.sig_loaded.connect(self.window.set_data)
        self.loader.sig_failed.connect(self.window.show_failure)
        self._loading = WorkerThread(self.loader, "meeting-loader")

    def start(self) -> None:
        self._loading.start()

    def stop(self) -> None:
        self._loading.stop()


def run_meeting(settings: Settings, week: str, screenshot: str | None = None,
                size: tuple[int, int] = (1920, 1080), open_mode=None, *, user_given: bool = False) -> int:
    if screenshot is not None and not _has_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = _application(settings)

    from commandroom.app_signin import sign_in
    from commandroom.models.streets import room_street
    from commandroom.services.command_runner import CommandRunner
    from commandroom.views.i18n import install_translators, remove_translators

    translators = install_translators(app, settings.lang)
    db = _open_database(settings.db_url, open_mode, screenshot is not None, settings.lang)
    if db is None:
        remove_translators(app, translators)
        return 2
    gate = None
    try:
        with db.session() as session:
            street_id = room_street(session, settings.street).id
        if screenshot is None:  # a picture only reads: it signs nobody in
            signed = sign_in(db, settings, user_given=user_given, ui_state_path=default_ui_state_path(),
                             takes_shift=False)
            if signed is None:
                return 0
            settings, gate = signed
        runner = CommandRunner(db, login=settings.user, console=settings.console, street_id=street_id,
                               lang=settings.lang)
        meeting = Meeting(db, runner, street_id, week, role=gate.actor.role if gate is not None else None,
                          lang=settings.lang)
        window = meeting.window
        outcome = {"rc": 0}
        if screenshot is not None:
            _arrange(app, window, meeting.loader, Path(screenshot), size, outcome, settings.lang)
            window.resize(*size)
        else:
            window.showMaximized()
        window.show()
        runner.start()
        meeting.start()
        try:
            rc = app.exec()
        finally:
            meeting.stop()
            runner.stop()
            window.deleteLater()
        return outcome["rc"] or rc
    finally:
        if gate is not None:
            gate.sign_out()
        db.dispose()
        remove_translators(app, translators)


def _arrange(app, window, loader, path: Path, size, outcome: dict, lang: str) -> None:
    """Once the week is in: the first agenda item (or Wednesday noon), then a picture."""
    from PySide6.QtCore import Qt, QTimer

    def ready() -> None:
        _pose(window, window.data)
        QTimer.singleShot(200, grab)  # a few turns of the loop to lay the panels out

    def grab() -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(path)):
            _say(lang, f"无法写入 {path}", f"cannot write {path}")
            outcome["rc"] = 1
        app.exit(outcome["rc"])

    def failed(reason: str) -> None:
        _say(lang, f"无法载入本周的记录：{reason}", f"cannot load the week: {reason}")
        outcome["rc"] = 1
        app.exit(1)

    window.sig_ready.connect(ready)
    loader.sig_failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    guard = QTimer(window)
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: failed("timeout"))
    guard.start(SCREENSHOT_TIMEOUT_MS)


def _pose(window, data) -> None:
    from datetime import timedelta

    if data.report.agenda:
        window.agenda.list.setCurrentRow(0)
    else:
        window.seek(data.replay.start + timedelta(days=2, hours=12))
