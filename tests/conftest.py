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
