"""Opening a database never creates, changes or damages what the caller did not ask for: each mode
(create, write, read) on a missing file, another program's file, a damaged file, a read-only file,
an earlier version's database, a missing driver and an unreachable server."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from commandroom.models.db import (Database, _alembic_config, current_revision, head_revision,
                                   make_engine)
from commandroom.models.errors import ConfigError
from commandroom.models.opening import OpenMode
from tests.services.seed import seed_street, write_event

READ, WRITE, CREATE = OpenMode.READ, OpenMode.WRITE, OpenMode.CREATE


def url_of(path: Path) -> str:
    return f"sqlite:///{path}"


def digest(path: Path) -> str:
    """The file and its WAL, if any: a write may land in either."""
    wal = path.with_name(path.name + "-wal")
    extra = wal.read_bytes() if wal.exists() else b""
    return hashlib.sha256(path.read_bytes()).hexdigest() + hashlib.sha256(extra).hexdigest()


def refused(url: str, mode: OpenMode) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        Database(url, mode=mode)
    error = caught.value
    assert "\n" not in error.zh and "\n" not in error.en
    return error


@pytest.fixture
def room(tmp_path) -> Path:
    """A current commandroom file, closed, its WAL folded in."""
    path = tmp_path / "room.sqlite3"
    db = Database(url_of(path), mode=CREATE)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.mark.parametrize("mode", [READ, WRITE])
def test_a_missing_file_is_never_created(tmp_path, mode):
    path = tmp_path / "typo" / "room.sqlite3"
    error = refused(url_of(path), mode)
    assert "commandroom demo --db" in error.en and str(path) in error.zh
    assert not (tmp_path / "typo").exists()


def test_create_makes_the_folder_and_the_schema(tmp_path):
    path = tmp_path / "new" / "room.sqlite3"
    db = Database(url_of(path), mode=CREATE)
    assert current_revision(db.engine) == head_revision()
    db.dispose()


def test_create_under_a_file_says_why(tmp_path):
    (tmp_path / "plain").write_text("x")
    error = refused(url_of(tmp_path / "plain" / "room.sqlite3"), CREATE)
    assert "plain" in error.en


def test_read_opens_a_room_read_only(room):
    before = digest(room)
    db = Database(url_of(room), mode=READ)
    assert db.read_only and db.backup is None
    with pytest.raises(Exception, match="readonly"):
        with db.session() as s:
            s.execute(text("CREATE TABLE scribble (x INTEGER)"))
    db.dispose()
    assert digest(room) == before


@pytest.mark.parametrize("mode", [READ, WRITE, CREATE])
def test_another_programs_file_is_refused_untouched(tmp_path, mode):
    path = tmp_path / "photos.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE album (id INTEGER PRIMARY KEY, name TEXT)")
    before = digest(path)
    error = refused(url_of(path), mode)
    assert "album" in error.en and "not a commandroom database" in error.en
    assert digest(path) == before and not list(tmp_path.glob("*.bak"))


def test_an_unknown_schema_revision_is_refused(room):
    with sqlite3.connect(room) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff'")
    assert "not a commandroom database" in refused(url_of(room), WRITE).en


@pytest.mark.parametrize("mode", [READ, WRITE, CREATE])
def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path, mode):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes("值班记录，不是数据库。\n".encode() * 200)
    before = digest(path)
    assert "is not a SQLite database file" in refused(url_of(path), mode).en
    assert digest(path) == before


@pytest.mark.parametrize("mode", [READ, WRITE])
def test_a_damaged_file_is_refused_before_anything_is_written(room, mode):
    with sqlite3.connect(room) as conn:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'ix_event_status'"
                            ).fetchone()[0]
    data = bytearray(room.read_bytes())
    data[(root - 1) * size] = 0x42  # no b-tree page has this type byte
    room.write_bytes(bytes(data))
    before = digest(room)
    error = refused(url_of(room), mode)
    assert "is damaged" in error.en and "已损坏" in error.zh
    assert digest(room) == before and not list(room.parent.glob("*.bak"))


def test_read_refuses_a_schema_that_needs_a_migration(room):
    db = Database(url_of(room), mode=WRITE)
    command.downgrade(_alembic_config(db.engine), "0001")
    db.dispose()
    before = digest(room)
    error = refused(url_of(room), READ)
    assert "older schema" in error.en and "commandroom --db" in error.en
    assert digest(room) == before


def test_write_migrates_an_earlier_database_without_events(room):
    db = Database(url_of(room), mode=WRITE)
    command.downgrade(_alembic_config(db.engine), "0001")
    db.dispose()
    upgraded = Database(url_of(room), mode=WRITE)
    assert current_revision(upgraded.engine) == head_revision()
    assert upgraded.backup is not None and upgraded.backup.exists()
    upgraded.dispose()


def _earlier_version_with_events(db: Database, *, torn: bool) -> None:
    seed_street(db)
    write_event(db, datetime(2026, 11, 16, 8, 30))
    command.downgrade(_alembic_config(db.engine), "0001")
    if torn:  # the event row went ahead while its log stopped: an interrupted generation
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE event SET version = 4"))
    db.dispose()


@pytest.mark.parametrize("torn", [False, True], ids=["old-log", "half-made"])
@pytest.mark.parametrize("mode", [WRITE, CREATE])
def test_an_earlier_versions_database_with_events_is_refused(db, mode, torn):
    url = db.engine.url.render_as_string(hide_password=False)
    _earlier_version_with_events(db, torn=torn)
    error = refused(url, mode)
    assert ("half-made" if torn else "earlier version") in error.en
    assert "commandroom demo" in error.en and "move it aside" in error.en
    assert ("只写了一半" if torn else "早期版本") in error.zh
    engine = make_engine(url, read_only=True)  # left as it was: not migrated
    assert current_revision(engine) == "0001"
    engine.dispose()


def test_the_error_names_the_file(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = Database(url_of(path), mode=CREATE)
    _earlier_version_with_events(db, torn=False)
    assert str(path) in refused(url_of(path), WRITE).en


@pytest.mark.parametrize("url, fragment", [
    ("mysql://u:secret@host/room", "use postgresql://"),
    ("oracle://u@host/room", "use postgresql://"),
    ("postgresql+psycopg2://u@host/room", "pip install psycopg2-binary"),
    ("postgresql+asyncpg://u@host/room", "asyncpg"),
    ("nonsense://x", "nonsense"),
    ("::", "Unrecognised"),
])
def test_an_unusable_url_names_what_to_use(url, fragment):
    error = refused(url, READ)
    assert fragment in error.en and "secret" not in error.en


def test_an_unreachable_server_is_one_line():
    error = refused("postgresql://nobody:secret@127.0.0.1:1/none", READ)
    assert error.en.startswith("Cannot open database postgresql://nobody:***@127.0.0.1:1/none")


@pytest.mark.postgres
def test_read_on_an_empty_postgresql_database_is_refused(pg_server):
    url = pg_server.create_database("t_open_empty")
    assert "There is no database" in refused(url, READ).en
    Database(url, mode=WRITE).dispose()  # a new, empty database may be set up by the console
    db = Database(url, mode=READ)
    with pytest.raises(Exception, match="read-only"):
        with db.session() as s:
            s.execute(text("CREATE TABLE scribble (x INTEGER)"))
    db.dispose()


def _read_only_mount(folder: Path, *argv: str) -> subprocess.CompletedProcess:
    """Run a command with ``folder`` mounted read-only (root in a private mount namespace)."""
    mount = f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder} && exec \"$@\""
    return subprocess.run(["unshare", "-m", "sh", "-c", mount, "sh", *argv],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def read_only_mounts(tmp_path):
    if not shutil.which("unshare"):
        pytest.skip("needs unshare(1)")
    probe = _read_only_mount(tmp_path, "true")
    if probe.returncode != 0:
        pytest.skip(f"cannot mount read-only here: {probe.stderr.strip()}")
    return _read_only_mount


def test_a_read_only_disk(room, read_only_mounts):
    """kpi reads it; the console refuses in one line that says it is read-only."""
    before = digest(room)
    url = url_of(room)
    kpi = read_only_mounts(room.parent, sys.executable, "-m", "commandroom", "kpi", "--db", url,
                           "--from", "2026-11-01", "--to", "2026-11-30", "--lang", "en")
    assert kpi.returncode == 0, kpi.stderr
    assert "Total" in kpi.stdout
    console = read_only_mounts(room.parent, sys.executable, "-m", "commandroom", "--db", url,
                               "--lang", "en")
    assert console.returncode == 2
    assert console.stderr.strip().splitlines() == [
        f"commandroom: {room} is read-only and the console must write to it: use a writable copy "
        f"(kpi and export can read a read-only file)"]
    assert digest(room) == before
