"""Many rows with one short statement on PostgreSQL: the rows travel as one JSON array, which
``json_populate_recordset`` turns back into rows of the table's own type
(``INSERT … SELECT … FROM json_populate_recordset(NULL::t, :rows) WITH ORDINALITY``).

Why not SQLAlchemy's multi-row ``VALUES`` ("insertmanyvalues"): its text grows with the rows (a
batch of 30 new events is ~1,300 placeholders) and psycopg converts a long text from
``%(name)s`` to ``$n`` in Python on every execution (it caches only short ones). Why not one
array per column through ``unnest`` (what this module did first): psycopg writes a text array
element by element in Python and escapes every quote of every string with a regular expression
whose replacement calls back into Python once per match — the ``event_log`` payloads are JSON,
all quotes — which made the array encoding two thirds of the intake writer's CPU on PostgreSQL
(cProfile with a CPU clock, bench/bench_intake.py). One JSON document is encoded by orjson in C
in one call. Why not one ``INSERT`` per row in a pipeline (psycopg's ``executemany``): the
server then runs one statement per row, which costs it more CPU than one statement for all.

The statement's text is the same whatever the number of rows, so psycopg converts it once and
PostgreSQL plans it once (psycopg prepares it after a few executions). The rows come back in the
order given: the SELECT is ordered by the rows' positions, so the serial ids are taken in that
order; ``ids_in_order`` sorts what ``RETURNING`` gives, the same rule SQLAlchemy's
``sort_by_parameter_order`` relies on for PostgreSQL.

Values are what the columns' own bind processing makes of them (an enum stored as its value),
except a JSON column's, which stays a JSON value inside the document (``json_populate_recordset``
stores it as it stands); times go as ISO text, which PostgreSQL reads as ``timestamp``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import orjson
from sqlalchemy import JSON, Connection, Table, bindparam, cast, func, insert, literal_column, select, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects.postgresql import insert as pg_insert

ORDER = "ordinality"  # the position column of WITH ORDINALITY (no table here has one so named)
ROWS = "rows"  # the statement's one parameter: the rows as JSON text


def _rows(table: Table, keys: Sequence[str]):
    """The JSON rows as a table of the table's row type, with their positions. Its columns are
    the row type's own (no column list after the alias: that would rename them by position)."""
    document = cast(bindparam(ROWS, type_=postgresql.TEXT), postgresql.JSON)
    row_type = literal_column(f"NULL::{postgresql.dialect().identifier_preparer.format_table(table)}")
    return (func.json_populate_recordset(row_type, document)
            .table_valued(*keys, with_ordinality=ORDER))


@cache
def _processors(table: Table, keys: tuple[str, ...], dialect) -> tuple[tuple[str, object], ...]:
    """(key, bind processor) of the columns whose values need one before they go as JSON."""
    found = []
    for key in keys:
        column_type = table.c[key].type
        if isinstance(column_type, JSON):
            continue  # nested as a JSON value, not as the text the processor would make
        processor = column_type.bind_processor(dialect)
        if processor is not None:
            found.append((key, processor))
    return tuple(found)


def _document(conn: Connection, table: Table, keys: tuple[str, ...], rows: Sequence[dict]) -> str:
    processors = _processors(table, keys, conn.dialect)
    if processors:
        rows = [dict(row) for row in rows]
        for row in rows:
            for key, processor in processors:
                value = row[key]
                if value is not None:
                    row[key] = processor(value)
    return orjson.dumps(rows).decode()


@cache
def _insert(table: Table, keys: tuple[str, ...], returning: tuple[str, ...], skip_conflicts: bool):
    rows = _rows(table, keys)
    chosen = select(*[rows.c[k] for k in keys]).order_by(rows.c[ORDER])
    stmt = (pg_insert(table) if skip_conflicts else insert(table)).from_select(list(keys), chosen)
    if skip_conflicts:
        stmt = stmt.on_conflict_do_nothing()
    return stmt.returning(*[table.c[k] for k in returning]) if returning else stmt


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict], *,
                returning: tuple[str, ...] = (), skip_conflicts: bool = False):
    """Insert the rows (each with the same keys) with one statement; its result (``RETURNING``
    those columns, in no promised order). ``skip_conflicts``: ``ON CONFLICT DO NOTHING``."""
    keys = tuple(rows[0])
    return conn.execute(_insert(table, keys, returning, skip_conflicts),
                        {ROWS: _document(conn, table, keys, rows)})


def ids_in_order(result) -> list[int]:
    """The new ids of an ``insert_rows(…, returning=("id",))`` in the order of its rows."""
    return sorted(row[0] for row in result)


@cache
def _update(table: Table, key: str, keys: tuple[str, ...]):
    rows = _rows(table, (key, *keys))
    return (update(table).where(table.c[key] == rows.c[key])
            .values({k: rows.c[k] for k in keys}))


def update_rows(conn: Connection, table: Table, key: str, rows: Sequence[dict]) -> None:
    """Set the other columns of each row whose ``key`` column is given, with one statement."""
    keys = tuple(k for k in rows[0] if k != key)
    conn.execute(_update(table, key, keys), {ROWS: _document(conn, table, (key, *keys), rows)})
