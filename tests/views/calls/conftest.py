"""A whole console (window, feed pump, command runner, call desk) on the tiny street's SQLite
file, and a second console's commands in this process, for the call queue's tests."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from commandroom.app import Console
from commandroom.config import Settings
from commandroom.models import User
from commandroom.models.actor import Actor
from commandroom.models.clock import Clock, FrozenClock
from commandroom.models.commands import Commands
from commandroom.models.enums import Role, Source

OTHER = Actor(login="lina", role=Role.DUTY_OFFICER, console="console-2", name="李娜")


@pytest.fixture
def sqlite_street(sqlite_db):
    from tests.services.seed import seed_street

    sqlite_db.tiny = seed_street(sqlite_db)
    with sqlite_db.session() as s:
        s.add(User(login=OTHER.login, name=OTHER.name, role=OTHER.role))
    return sqlite_db


@pytest.fixture
def console_clock():
    """Frozen at the real wall clock, so another process's heartbeats are 'now' for it too."""
    return FrozenClock(Clock().now())


@pytest.fixture
def other(sqlite_street, console_clock):
    """Another console's commands (console-2, 李娜), on the same clock."""
    return Commands(sqlite_street, OTHER, console_clock)


@pytest.fixture
def receive(other):
    def receive(title="小区门口垃圾堆放", **fields):
        fields.setdefault("source", Source.HOTLINE_12345)
        fields.setdefault("reporter_name", "王先生")
        fields.setdefault("reporter_phone", "13812341234")
        return other.receive(title=title, **fields)

    return receive


@pytest.fixture
def open_console(qtbot, sqlite_street, console_clock, tmp_path):
    """Start the console; returns it once the queue has loaded. Closed at the end."""
    consoles = []

    def start(poll_ms: int = 50, size: tuple[int, int] = (1600, 900)) -> Console:
        settings = Settings(db_url=sqlite_street.url, user="duty", console="console-1",
                            feed_poll_ms=poll_ms)
        console = Console(sqlite_street, settings, tmp_path / "console.ini", clock=console_clock)
        qtbot.addWidget(console.window)
        consoles.append(console)
        calls = console.window.calls
        console.start(size)
        # Waiting in the GUI thread for what the queued signal did (a wait on the pump's own
        # signal would stop its timer from the pump's thread).
        qtbot.waitUntil(lambda: calls.loaded, timeout=10_000)
        console.window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is console.window, timeout=5_000)
        calls.table.setFocus()
        return console

    yield start
    for console in consoles:
        console.window.close()
        assert not console.feed.is_running() and not console.desk_thread.is_running()
