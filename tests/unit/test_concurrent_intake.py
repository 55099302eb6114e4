"""Reports received by several processes at once (consoles, the intake server): every one is
saved, none fails, and their codes are unique and consecutive within the day."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import datetime

import pytest

from sqlalchemy import select

from commandroom.models import Contact, Event, EventLog, Street
from commandroom.models.actor import Actor
from commandroom.models.clock import FrozenClock
from commandroom.models.commands import Commands
from commandroom.models.db import Database
from commandroom.models.enums import Role, Source
from tests.processes import run_together
from tests.street_fixture import build

PROCESSES = 4
RECEIVES = 300
AT = datetime(2026, 11, 16, 9, 0)


def receive_many(url: str, console: str, count: int) -> list[str]:
    """One console receiving ``count`` reports as fast as it can; the codes it was given."""
    db = Database(url)
    try:
        actor = Actor(login="duty", role=Role.DUTY_OFFICER, console=console, name="张伟")
        cmds = Commands(db, actor, FrozenClock(AT))
        return [cmds.receive(source=Source.HOTLINE_12345, title=f"{console} 第{i}件").code
                for i in range(count)]
    finally:
        db.dispose()


def test_four_processes_receive_without_a_failure_or_a_clash(db):
    build(db)
    db.dispose()  # the workers open their own connections; ours must not hold a lock
    returned = run_together(receive_many, [(db.url, f"console-{i}", RECEIVES)
                                           for i in range(PROCESSES)])

    codes = [code for batch in returned for code in batch]
    assert len(codes) == PROCESSES * RECEIVES
    assert not [code for code, n in Counter(codes).items() if n > 1]
    numbers = sorted(int(code.rsplit("-", 1)[1]) for code in codes)
    assert numbers == list(range(1, PROCESSES * RECEIVES + 1))
    assert {code.rsplit("-", 1)[0] for code in codes} == {"YJ20261116"}
    with db.session() as s:
        saved = s.scalars(select(Event.code)).all()
        contacts = s.scalars(select(Contact.event_id)).all()
        logged = s.scalars(select(EventLog.event_id)).all()
    assert sorted(saved) == sorted(codes)
    assert len(contacts) == len(logged) == len(codes)


def _write_now(path) -> None:
    """Another process's write that will not wait for the lock."""
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_a_sqlite_write_unit_holds_the_write_lock_from_its_first_read(sqlite_db):
    path = sqlite_db.engine.url.database
    with sqlite_db.session() as s:  # a read-only unit leaves writers free
        s.scalars(select(Street)).all()
        _write_now(path)
    with sqlite_db.writing() as s:
        s.scalars(select(Street)).all()
        with pytest.raises(sqlite3.OperationalError, match="database is locked"):
            _write_now(path)
    _write_now(path)  # released at commit


def test_a_failed_write_unit_releases_the_lock(sqlite_db):
    with pytest.raises(RuntimeError):
        with sqlite_db.writing():
            raise RuntimeError("refused")
    _write_now(sqlite_db.engine.url.database)
