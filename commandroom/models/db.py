"""Opening a database: the engine (read-only when asked), the checks before use, migrations (with a
SQLite backup first), sessions."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from commandroom.models import jsontext, opening
from commandroom.models.opening import OpenMode

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
# Every engine writes and reads JSON columns with the one encoder the demo generator uses too.
JSON_TEXT = {"json_serializer": jsontext.dumps, "json_deserializer": jsontext.loads}


def make_engine(url: str | URL, *, read_only: bool = False) -> Engine:
    """An engine for the URL (no connection yet). ``read_only`` opens a SQLite file with
    ``mode=ro`` (``immutable`` when its folder is read-only too) and PostgreSQL sessions read-only."""
    parsed = url if isinstance(url, URL) else opening.parse(url)
    try:
        if parsed.get_backend_name() == "sqlite":
            engine = _sqlite_engine(parsed, read_only)
        else:
            options = {"options": "-c default_transaction_read_only=on"} if read_only else {}
            engine = create_engine(parsed, pool_pre_ping=True, connect_args=options, **JSON_TEXT)
    except ImportError as exc:
        raise opening.missing_driver(parsed, exc) from None
    if engine.dialect.is_async:
        raise opening.async_driver(parsed)
    return engine


def _sqlite_engine(parsed: URL, read_only: bool) -> Engine:
    path = opening.sqlite_path(parsed)
    if read_only and path is not None:
        # A WAL file in a read-only folder cannot get its -shm file: read it as immutable.
        flags = "mode=ro" if os.access(path.parent, os.W_OK) else "immutable=1"
        uri = f"file:{quote(str(path.absolute()))}?{flags}"
        engine = create_engine(parsed, creator=lambda: sqlite3.connect(
            uri, uri=True, timeout=SQLITE_BUSY_S, check_same_thread=False), **JSON_TEXT)
        event.listen(engine, "connect", _sqlite_read_pragmas)
        return engine
    engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_S}, **JSON_TEXT)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_read_pragmas(dbapi_conn, _record) -> None:
    dbapi_conn.execute("PRAGMA foreign_keys=ON")


SQLITE_CACHE_KIB = -32768  # negative: KiB, not pages
SQLITE_BUSY_S = 30  # how long a statement waits for another process's lock before it fails


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    # WAL lets the consoles read the change feed while another process writes.
    cur = dbapi_conn.cursor()
    _journal_in_wal(cur)
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    # 32 MiB of page cache per connection (the default is 2 MiB): the scheduler's scan every 30 s
    # then finds the pages of the last one (the held events' index, their log entries) in memory
    # instead of reading them from the OS again (bench/bench_supervise.py).
    cur.execute(f"PRAGMA cache_size={SQLITE_CACHE_KIB}")
    cur.close()


def _journal_in_wal(cur) -> None:
    """Switching a file to WAL needs it to itself for a moment, and SQLite answers "database is
    locked" at once instead of waiting, as other statements do, when another process holds it
    (consoles starting together on a fresh file, one of them migrating it). So the switch is
    tried again until the busy time is up. The mode is kept in the file: once it is WAL,
    asking is all a connection does."""
    deadline = time.monotonic() + SQLITE_BUSY_S
    while True:
        try:
            if cur.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory(str(MIGRATIONS)).get_current_head()


def known_revisions() -> set[str]:
    return {script.revision for script in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}


def migrate(engine: Engine) -> Path | None:
    """Bring the schema to the newest revision. Returns the backup made of a SQLite file, if any.

    Consoles that start together on one database would each run the same migration and all but
    one fail (tables that already exist). The upgrade therefore runs under a lock, in one
    transaction, and the revision is read again once the lock is held: whoever waited finds
    the work done.
    """
    if current_revision(engine) == head_revision():
        return None
    # Anything already in the file (an older schema, or tables we did not make) is copied first.
    backup = _backup_sqlite(engine) if inspect(engine).get_table_names() else None
    with _migration_lock(engine) as conn:
        if MigrationContext.configure(conn).get_current_revision() != head_revision():
            config = _alembic_config(engine)
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    return backup


# pg_advisory_xact_lock's key for "migrating the schema" (the bytes of "cmdrmigr").
MIGRATION_LOCK_KEY = 0x636D64726D696772


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that only one process at a time may hold; committed at the
    end. PostgreSQL: a transaction-level advisory lock, released by the commit or the rollback
    (so an upgrade that fails cannot leave it held). SQLite: ``BEGIN IMMEDIATE``, the write lock,
    which also puts the DDL of the whole upgrade in one transaction."""
    with engine.connect() as conn:
        if engine.url.get_backend_name() == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        yield conn
        conn.commit()


def _backup_sqlite(engine: Engine) -> Path | None:
    database = engine.url.database
    if engine.url.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    path = Path(database)
    if not path.exists() or path.stat().st_size == 0:
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{stamp}.bak")
    engine.dispose()  # fold the WAL into the main file before copying it
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy2(path, target)
    return target


class Database:
    """One open database: the engine and a session factory (one session per action or job).

    ``mode`` says what the caller may do to the place the URL names (``OpenMode``): only
    ``CREATE`` makes a file, only ``READ`` leaves the schema as it is. Whatever cannot be opened
    is refused with one ``ConfigError`` line, before anything is written.
    """

    def __init__(self, url: str, *, mode: OpenMode = OpenMode.CREATE):
        self.url = url
        self.mode = mode
        parsed = opening.parse(url)
        path = opening.sqlite_path(parsed) if parsed.get_backend_name() == "sqlite" else None
        where = opening.where(url, parsed)
        if path is not None:
            opening.check_sqlite_file(path, mode, url)
        elif parsed.get_backend_name() == "sqlite" and mode is not OpenMode.CREATE:
            raise opening.nothing_there(where, url)  # an in-memory database holds nothing yet
        fresh_file = path is not None and not path.exists()
        self.engine = make_engine(parsed, read_only=mode is OpenMode.READ)
        try:
            if not fresh_file:
                self._check(parsed, mode, where)
            self.backup = None if mode is OpenMode.READ else migrate(self.engine)
        except DBAPIError as exc:
            self.engine.dispose()
            raise _refusal(exc, where, path is not None) from None
        except BaseException:
            self.engine.dispose()
            raise
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    def _check(self, parsed: URL, mode: OpenMode, where: str) -> None:
        probe = self.engine if mode is OpenMode.READ else make_engine(parsed, read_only=True)
        try:
            with probe.connect() as conn:
                opening.check_contents(conn, mode, where, self.url, known_revisions(),
                                       head_revision())
        finally:
            if probe is not self.engine:
                probe.dispose()

    @property
    def read_only(self) -> bool:
        return self.mode is OpenMode.READ

    @property
    def is_sqlite(self) -> bool:
        return self.engine.url.get_backend_name() == "sqlite"

    def describe(self) -> str:
        """The URL with any password hidden, for the status bar and logs."""
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits when the block ends, rolls back when it raises."""
        with self.sessions() as session:
            with session.begin():
                yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A unit of work that writes (every domain command): ``session()``, but on SQLite it
        takes the write lock at its first statement (``BEGIN IMMEDIATE``), queueing behind the
        other writers for up to the busy timeout.

        A deferred SQLite transaction that reads and then writes asks for the write lock late;
        if another writer committed in between, the upgrade fails at once with "database is
        locked" (waiting cannot help: its reads are already out of date). Taken first, the lock
        also makes what the command checks (the version, the status, the counters) the newest
        committed state. PostgreSQL needs nothing here: row locks and the version check order
        its writers.
        """
        with self.sessions() as session:
            with session.begin():
                if self.is_sqlite:
                    session.connection().exec_driver_sql("BEGIN IMMEDIATE")
                yield session

    def analyze(self) -> None:
        """Refresh the planner's statistics after a bulk load: without them SQLite does not pick
        the covering indexes the measures rely on."""
        with self.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")

    def dispose(self) -> None:
        self.engine.dispose()


def _refusal(exc: DBAPIError, where: str, is_file: bool) -> Exception:
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
    if is_file and isinstance(getattr(exc, "orig", None), sqlite3.DatabaseError) \
            and not isinstance(exc.orig, sqlite3.OperationalError):
        return opening.damaged(where, reason)  # "file is not a database", "malformed" …
    return opening.unreachable(where, reason)
