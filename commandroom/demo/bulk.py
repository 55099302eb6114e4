"""Fast inserts of generated rows, bypassing the ORM unit of work, in ONE transaction.

All or nothing: the whole street goes in one transaction on one connection, committed only when
the last row is written. Killed, interrupted or failing at any point, the load leaves no street
at all (SQLite ignores WAL frames without a commit; PostgreSQL rolls back a dropped
connection's transaction), never a street with part of its history.

Rows arrive as tuples in table-column order with ids already assigned. They are buffered and
written in chunks (to bound memory), each chunk parents before children:

- SQLite: ``executemany`` on the sqlite3 connection. Times are pre-formatted the way
  SQLAlchemy's DateTime writes them ("YYYY-MM-DD HH:MM:SS.ffffff"), so string comparisons in SQL
  and reads through the ORM both behave. Foreign-key checks are off during the load (the generator
  assigns every id itself and the tests check the references), which saves a lookup per key.
  A big transaction spills its pages to the WAL file before the commit (memory stays at the
  page cache); the WAL is truncated after the commit, so it does not stay as big as the street.
- PostgreSQL: ``COPY … FROM STDIN`` through psycopg, an order of magnitude faster than
  executemany; at the end every id sequence is moved past the ids we wrote.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from sqlalchemy import Connection, Engine

from commandroom.models import Base

CHUNK_ROWS = 40_000
# Parents before children, so a chunk never refers to a row it has not written yet.
ORDER = ("street", "grid", "grid_staff", "unit", "category", "category_limit", "unit_category",
         "app_user", "event", "contact", "assignment", "extension_request", "escalation", "event_log",
         "code_counter")


class BulkWriter:
    def __init__(self, engine: Engine, chunk_rows: int = CHUNK_ROWS):
        self.engine = engine
        self.sqlite = engine.dialect.name == "sqlite"
        self.chunk_rows = chunk_rows
        self.pending: dict[str, list[Sequence]] = {name: [] for name in ORDER}
        self.pending_count = 0
        self.written: dict[str, int] = {name: 0 for name in ORDER}
        self.chunks: list[tuple[tuple[str, int], ...]] = []  # rows per table, each chunk
        self.seconds = 0.0  # spent inserting
        self.conn: Connection | None = None

    def __enter__(self) -> BulkWriter:
        self.conn = self.engine.connect()
        if self.sqlite:
            self.conn.exec_driver_sql("PRAGMA foreign_keys=OFF")  # only outside a transaction
            self.conn.commit()
        self.conn.begin()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None:
                self.flush()
                self._finish()
                started = time.perf_counter()
                self.conn.commit()
                self.seconds += time.perf_counter() - started
        finally:
            try:
                self.conn.rollback()  # nothing to undo after a commit; all of it otherwise
                if self.sqlite:
                    self.conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                    if exc_type is None:
                        self.conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                    self.conn.commit()
            finally:
                self.conn.close()

    def insert_dicts(self, table: str, rows: list[dict]) -> None:
        """Small tables (the organisation): through Core, so the types do their own conversions."""
        if rows:
            started = time.perf_counter()
            self.conn.execute(Base.metadata.tables[table].insert(), rows)
            self.written[table] += len(rows)
            self.chunks.append(((table, len(rows)),))
            self.seconds += time.perf_counter() - started

    def add(self, rows: dict[str, list[Sequence]]) -> None:
        for table, batch in rows.items():
            self.pending[table].extend(batch)
            self.pending_count += len(batch)
        if self.pending_count >= self.chunk_rows:
            self.flush()

    def flush(self) -> None:
        if not self.pending_count:
            return
        started = time.perf_counter()
        counts = []
        for table in ORDER:
            batch = self.pending[table]
            if batch:
                (self._executemany if self.sqlite else self._copy)(table, batch)
                self.written[table] += len(batch)
                counts.append((table, len(batch)))
                self.pending[table] = []
        self.chunks.append(tuple(counts))
        self.pending_count = 0
        self.seconds += time.perf_counter() - started

    def _columns(self, table: str) -> list[str]:
        return [c.name for c in Base.metadata.tables[table].columns]

    def _executemany(self, table: str, rows: list[Sequence]) -> None:
        columns = self._columns(table)
        sql = f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES ({", ".join("?" * len(columns))})'
        # Straight to sqlite3, in our transaction: exec_driver_sql would first walk every row to
        # check it is a tuple, a per-row cost on the inserting side for nothing.
        cursor = self.conn.connection.driver_connection.cursor()
        try:
            cursor.executemany(sql, rows)
        finally:
            cursor.close()

    def _copy(self, table: str, rows: list[Sequence]) -> None:
        raw = self.conn.connection.driver_connection  # the psycopg connection, in our transaction
        with raw.cursor() as cur:
            with cur.copy(f'COPY "{table}" ({", ".join(self._columns(table))}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row(row)

    def _finish(self) -> None:
        if self.sqlite:
            return
        for table in ORDER:
            if "id" in Base.metadata.tables[table].columns:
                self.conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                    f'COALESCE((SELECT MAX(id) FROM "{table}"), 0) + 1, false)')
