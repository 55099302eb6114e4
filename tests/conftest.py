"""Shared fixtures: databases (a SQLite file, and a real PostgreSQL server), a frozen clock,
actors. ``db`` runs a test once per backend; ``sqlite_db`` only on SQLite."""

from __future__ import annotations

import os
import uuid
from datetime import datetime

# Qt must see these before it is first imported (see ARCHITECTURE.md, pitfalls).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

import pytest

from commandroom.models.actor import Actor
from commandroom.models.clock import FrozenClock
from commandroom.models.db import Database
from commandroom.models.enums import Role

from tests.pg_server import PostgresServer


_gui_collector = []  # the session's, once a test has made the application


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's application, with the cyclic collector on its GUI thread as the program's
    (``services/gui_collector.py``): the widgets a test lets go of are never freed by a worker
    thread of a later test (a full run hung on it once, CI warned of timers started from
    another thread)."""
    from commandroom.services.gui_collector import collect_on_gui_thread

    _gui_collector.append(collect_on_gui_thread(qapp))
    yield qapp
    _gui_collector.pop().stop()


@pytest.fixture(autouse=True)
def _earlier_tests_widgets_freed():
    """Each test starts as the event loop would leave it: the widgets closed before it deleted
    (their ``deleteLater``) and the collector's due collection made, on the GUI thread. (A full
    collection at every test walked the whole heap: most of a run's time.)"""
    if _gui_collector:
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        _gui_collector[0].tick()
    yield


@pytest.fixture(scope="session")
def pg_server():
    server = PostgresServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def sqlite_db(tmp_path):
    database = Database(f"sqlite:///{tmp_path / 'commandroom.sqlite3'}")
    yield database
    database.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'commandroom.sqlite3'}"
    else:
        url = request.getfixturevalue("pg_server").create_database(f"t_{uuid.uuid4().hex[:12]}")
    database = Database(url)
    yield database
    database.dispose()


@pytest.fixture
def clock():
    return FrozenClock(datetime(2026, 11, 16, 9, 0, 0))


@pytest.fixture
def officer():
    return Actor(login="zhangwei", role=Role.DUTY_OFFICER, console="console-1", name="张伟")


@pytest.fixture
def leader():
    return Actor(login="liming", role=Role.SHIFT_LEADER, console="console-1", name="李明")


@pytest.fixture
def display():
    return Actor(login="wall", role=Role.DISPLAY, console="wall", name="大屏")
