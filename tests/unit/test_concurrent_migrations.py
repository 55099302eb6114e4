"""Several consoles starting at once on a fresh database: each migrates or waits for the one
that does; none fails, and the schema ends at the newest revision, made once."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import inspect

from commandroom.models import Base
from commandroom.models.opening import OpenMode
from commandroom.models.db import Database, current_revision, head_revision
from tests.processes import run_together

CONSOLES = 4


def open_database(url: str) -> str | None:
    """A console starting: open (and migrate) the database; the revision it then sees."""
    db = Database(url)
    try:
        return current_revision(db.engine)
    finally:
        db.dispose()


def _open_together(url: str) -> None:
    revisions = run_together(open_database, [(url,)] * CONSOLES)
    assert revisions == [head_revision()] * CONSOLES
    db = Database(url, mode=OpenMode.READ)  # reads only: no migration of its own
    try:
        assert current_revision(db.engine) == head_revision()
        assert set(Base.metadata.tables) <= set(inspect(db.engine).get_table_names())
    finally:
        db.dispose()


def test_consoles_starting_at_once_on_a_fresh_sqlite_file(tmp_path):
    _open_together(f"sqlite:///{tmp_path / 'room.sqlite3'}")


@pytest.mark.postgres
def test_consoles_starting_at_once_on_a_fresh_postgresql_database(pg_server):
    _open_together(pg_server.create_database(f"t_{uuid.uuid4().hex[:12]}"))


def test_switching_a_file_to_wal_waits_for_another_writer(tmp_path):
    """SQLite refuses the switch to WAL at once, without waiting, while another connection holds
    the write lock of a file still in its first journal mode (another console migrating it): the
    switch is tried again until the lock is let go (it failed a full run of the suite once)."""
    import sqlite3
    import threading

    from commandroom.models.db import make_engine

    path = tmp_path / "room.sqlite3"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("CREATE TABLE t (x)")
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO t VALUES (1)")
    threading.Timer(0.5, lambda: other.execute("COMMIT")).start()
    engine = make_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("SELECT count(*) FROM t").scalar() == 1  # after the commit
    finally:
        engine.dispose()
        other.close()
