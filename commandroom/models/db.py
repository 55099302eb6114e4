"""Opening a database: engine, migrations (with a SQLite backup first), sessions."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from commandroom.models.errors import ConfigError

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigError(f"数据库地址无法识别：{url}", f"Unrecognised database URL: {url}") from exc
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return create_engine(parsed, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    # WAL lets the consoles read the change feed while another process writes.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


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
    """One open database: the engine and a session factory (one session per action or job)."""

    def __init__(self, url: str, *, upgrade: bool = True):
        self.url = url
        self.engine = make_engine(url)
        self.backup = migrate(self.engine) if upgrade else None
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

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
