"""Many rows with one short statement on PostgreSQL: one array per column, the rows rebuilt by
``unnest`` (``INSERT … SELECT … FROM unnest(:a, :b, …) WITH ORDINALITY``).

Why not SQLAlchemy's multi-row ``VALUES`` ("insertmanyvalues"): its text grows with the rows (a
batch of 30 new events is ~1,300 placeholders) and psycopg converts a long text from
``%(name)s`` to ``$n`` in Python on every execution (it caches only short ones): that was a third
of the intake writer's CPU on PostgreSQL (cProfile, bench/bench_intake.py). Here the text is the
same whatever the number of rows, so psycopg converts it once and PostgreSQL plans it once, and
the values travel as arrays. Why not one ``INSERT`` per row in a pipeline (psycopg's
``executemany``): the server then runs one statement per row, which costs it more CPU than one
statement for all.

The rows come back in the order given: the SELECT is ordered by the arrays' positions, so the
serial ids are taken in that order; ``ids_in_order`` sorts what ``RETURNING`` gives, the same rule
SQLAlchemy's ``sort_by_parameter_order`` relies on for PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from sqlalchemy import Connection, Table, bindparam, func, insert, select, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import insert as pg_insert

ORDER = "n"  # the ordinality column (no table here has a column of that name)


def _name(key: str) -> str:
    """A column's array parameter (SQLAlchemy keeps the columns' own names for VALUES and SET)."""
    return f"a_{key}"


def _arrays(table: Table, keys: Sequence[str]):
    """``unnest`` of one bound array per column, as a derived table with the columns' names."""
    return (func.unnest(*[bindparam(_name(k), type_=ARRAY(table.c[k].type)) for k in keys])
            .table_valued(*keys, with_ordinality=ORDER).render_derived())


@cache
def _insert(table: Table, keys: tuple[str, ...], returning: tuple[str, ...], skip_conflicts: bool):
    rows = _arrays(table, keys)
    chosen = select(*[rows.c[k] for k in keys]).order_by(rows.c[ORDER])
    stmt = (pg_insert(table) if skip_conflicts else insert(table)).from_select(list(keys), chosen)
    if skip_conflicts:
        stmt = stmt.on_conflict_do_nothing()
    return stmt.returning(*[table.c[k] for k in returning]) if returning else stmt


def _columns(keys: Sequence[str], rows: Sequence[dict]) -> dict[str, list]:
    return {_name(k): [row[k] for row in rows] for k in keys}


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict], *,
                returning: tuple[str, ...] = (), skip_conflicts: bool = False):
    """Insert the rows (each with the same keys) with one statement; its result (``RETURNING``
    those columns, in no promised order). ``skip_conflicts``: ``ON CONFLICT DO NOTHING``."""
    keys = tuple(rows[0])
    return conn.execute(_insert(table, keys, returning, skip_conflicts), _columns(keys, rows))


def ids_in_order(result) -> list[int]:
    """The new ids of an ``insert_rows(…, returning=("id",))`` in the order of its rows."""
    return sorted(row[0] for row in result)


@cache
def _update(table: Table, key: str, keys: tuple[str, ...]):
    rows = _arrays(table, (key, *keys))
    return (update(table).where(table.c[key] == rows.c[key])
            .values({k: rows.c[k] for k in keys}))


def update_rows(conn: Connection, table: Table, key: str, rows: Sequence[dict]) -> None:
    """Set the other columns of each row whose ``key`` column is given, with one statement."""
    keys = tuple(k for k in rows[0] if k != key)
    conn.execute(_update(table, key, keys), _columns((key, *keys), rows))
