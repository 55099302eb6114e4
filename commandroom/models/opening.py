"""Before a database is used: is there one at the URL, is it ours, is it whole, may we write it?

Every check reads through a read-only connection of its own, so a refused file is left byte for
byte as it was: the engine's own connections set WAL mode, which rewrites the file's header.
Each refusal is one ``ConfigError`` line that names the place and what to do.
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path

from sqlalchemy import Connection, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from commandroom.models.errors import ConfigError


class OpenMode(Enum):
    """What the caller may do to the place the URL names."""

    CREATE = "create"  # demo, the console's first run on the default path: make it if missing
    WRITE = "write"  # the console on an existing room: it must exist; migrated if behind
    READ = "read"  # kpi, export, screenshot: it must exist and be current; opened read-only


BACKENDS = ("sqlite", "postgresql")
# The DBAPI module a dialect imports -> the pip package that provides it.
DRIVER_PACKAGES = {"psycopg2": "psycopg2-binary", "psycopg": "psycopg[binary]", "pg8000": "pg8000",
                   "pysqlcipher3": "pysqlcipher3", "sqlcipher3": "sqlcipher3-binary"}
SQLITE_HEADER = b"SQLite format 3\x00"
# Revisions whose log payloads are of the old format: their events cannot be replayed.
EARLIER_LOG_FORMAT = frozenset({"0001"})
AGAIN = "commandroom demo --db URL"


def parse(url: str) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ConfigError(f"数据库地址无法识别：{url}", f"Unrecognised database URL: {url}") from None
    backend = parsed.get_backend_name()
    if backend not in BACKENDS:
        shown = parsed.render_as_string(hide_password=True)
        raise ConfigError(
            f"不支持 {backend} 数据库（{shown}）：请使用 postgresql://用户@主机/库名（psycopg 3，已安装）"
            f"或 sqlite:///文件路径",
            f"{backend} databases are not supported ({shown}): use postgresql://user@host/dbname "
            f"(psycopg 3, installed) or sqlite:///path/to/file")
    if backend == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")  # SQLAlchemy would pick psycopg2
    if backend == "sqlite" and parsed.database and parsed.database != ":memory:":
        parsed = parsed.set(database=str(Path(parsed.database).expanduser()))
    return parsed


def missing_driver(parsed: URL, exc: ImportError) -> ConfigError:
    module = (exc.name or str(exc)).split(".")[0]
    package = DRIVER_PACKAGES.get(module, module)
    scheme = parsed.drivername
    if parsed.get_backend_name() == "postgresql":
        zh, en = "postgresql://（psycopg 3，已安装）", "postgresql:// (psycopg 3, installed)"
    else:
        zh = en = "sqlite:///"
    return ConfigError(
        f"{scheme}:// 需要的驱动 {module} 未安装：请 pip install {package}，或改用 {zh}",
        f"{scheme}:// needs the {module} driver, which is not installed: pip install {package}, "
        f"or use {en}")


def async_driver(parsed: URL) -> ConfigError:
    scheme = parsed.drivername
    return ConfigError(f"{scheme}:// 是异步驱动，本程序不能使用：请改用 postgresql:// 或 sqlite:///",
                       f"{scheme}:// is an asyncio driver this program cannot use: "
                       f"use postgresql:// or sqlite:///")


def where(url: str, parsed: URL) -> str:
    """The place a refusal names: the file, or the URL with its password hidden."""
    path = sqlite_path(parsed) if parsed.get_backend_name() == "sqlite" else None
    return str(path) if path else make_url(url).render_as_string(hide_password=True)


def sqlite_path(parsed: URL) -> Path | None:
    """The file a SQLite URL names, or None for an in-memory database."""
    database = parsed.database
    if not database or database == ":memory:":
        return None
    return Path(database)


def check_sqlite_file(path: Path, mode: OpenMode, url: str) -> None:
    """Refuse, before any connection, what is not there or cannot be ours."""
    if path.is_dir():
        raise ConfigError(f"{path} 是文件夹，不是数据库文件", f"{path} is a folder, not a database file")
    if not path.exists():
        if mode is not OpenMode.CREATE:
            raise nothing_there(path, url)
        _make_folder(path.parent)
        if not os.access(path.parent, os.W_OK):
            raise ConfigError(f"无法在只读文件夹 {path.parent} 中新建数据库",
                              f"Cannot create a database in the read-only folder {path.parent}")
        return
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise ConfigError(f"无法读取 {path}：{exc.strerror}", f"Cannot read {path}: {exc.strerror}") from None
    if header and header != SQLITE_HEADER:
        raise ConfigError(f"{path} 不是 SQLite 数据库文件，未作任何改动",
                          f"{path} is not a SQLite database file; it was left untouched")
    if mode is not OpenMode.READ and not writable(path):
        raise ConfigError(
            f"{path} 是只读的，值班台需要写入：请换一个可写的位置（kpi 与 export 可以读取只读文件）",
            f"{path} is read-only and the console must write to it: use a writable copy "
            f"(kpi and export can read a read-only file)")


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"无法创建文件夹 {folder}：{exc.strerror}",
                          f"Cannot create the folder {folder}: {exc.strerror}") from None


def writable(path: Path) -> bool:
    # The folder too: SQLite writes its -wal and -shm files beside the database.
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def nothing_there(where: Path | str, url: str) -> ConfigError:
    return ConfigError(f"{where} 处没有数据库：要新建一个，请运行 commandroom demo --db {url}",
                       f"There is no database at {where}: create one with "
                       f"`commandroom demo --db {url}`")


def check_contents(conn: Connection, mode: OpenMode, where: str, url: str,
                   known: set[str], head: str | None) -> None:
    """Refuse a damaged file, another program's tables, a schema we cannot (or may not) bring to
    the head, and an earlier version's log; all before anything is written."""
    if conn.dialect.name == "sqlite":
        problems = [row[0] for row in conn.exec_driver_sql("PRAGMA quick_check")]
        if problems != ["ok"]:
            raise damaged(where, "\n".join(problems))
    tables = set(inspect(conn).get_table_names())
    if not tables - {"alembic_version"}:  # new, or downgraded to nothing: no data to lose
        if mode is OpenMode.READ:
            raise nothing_there(where, url)
        return
    revision = None
    if "alembic_version" in tables:
        revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    if revision not in known:
        shown = "、".join(sorted(tables)[:3])
        raise ConfigError(
            f"{where} 不是本程序的数据库（表：{shown}…），未作任何改动；请用 --db 指向别处",
            f"{where} is not a commandroom database (tables: {shown.replace('、', ', ')}…); it was "
            f"left untouched: point --db elsewhere")
    if revision == head:
        return
    if revision in EARLIER_LOG_FORMAT and "event" in tables:
        _refuse_earlier_log(conn, where)
    if mode is OpenMode.READ:
        raise ConfigError(
            f"{where} 的结构需要升级，只读命令不会改动它：请先用值班台打开一次（commandroom --db {url}）",
            f"{where} has an older schema and read-only commands do not change it: open it once "
            f"with the console first (`commandroom --db {url}`)")


def _refuse_earlier_log(conn: Connection, where: str) -> None:
    events = conn.exec_driver_sql("SELECT count(*) FROM event").scalar()
    if not events:
        return
    # A version counts its event's log rows; fewer rows means the generation was cut short.
    torn = conn.execute(text(
        "SELECT count(*) FROM event e WHERE e.version <> "
        "(SELECT count(*) FROM event_log l WHERE l.event_id = e.id)")).scalar()
    why_zh = "生成演示街道时中断，只写了一半" if torn else "由早期版本创建，其事件记录无法回放"
    why_en = ("was left half-made by an interrupted demo generation" if torn
              else "was made by an earlier version whose event log cannot be replayed")
    raise ConfigError(
        f"{where} {why_zh}：请把它移走或删除，再运行 {AGAIN} 重新生成",
        f"{where} {why_en}: move it aside or delete it, then run `{AGAIN}` again")


def damaged(where: str, detail: str) -> ConfigError:
    # quick_check opens with a "*** in database main ***" banner line: name the first problem.
    lines = [line for line in detail.splitlines() if line.strip() and not line.startswith("***")]
    detail = lines[0].strip() if lines else detail.strip()
    return ConfigError(f"{where} 已损坏（{detail}），未作任何改动：请从备份（*.bak）恢复",
                       f"{where} is damaged ({detail}); it was left untouched: restore it from a "
                       f"backup (*.bak)")


def unreachable(where: str, reason: str) -> ConfigError:
    return ConfigError(f"无法打开数据库 {where}：{reason}", f"Cannot open database {where}: {reason}")
