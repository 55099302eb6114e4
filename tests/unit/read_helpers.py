"""Counting the statements a read sends: the docks' loads must not grow with the rows (no N+1)."""

from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import event


@contextmanager
def counted(db):
    """Yields a list that collects every statement sent to ``db`` inside the block."""
    statements: list[str] = []

    def note(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", note)


def selects(statements: list[str]) -> list[str]:
    return [s for s in statements if s.lstrip().upper().startswith("SELECT")]
