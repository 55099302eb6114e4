"""``column IN (ids)`` with the ids in ONE bound parameter, for the feed's reads of touched events.

SQLAlchemy's ``in_(list)`` binds one parameter per id and renders them into the SQL at every
execution; for the 1,000 ids of a busy feed batch that rendering costs about as much as the
query itself. Here the ids travel as one value: a JSON array that SQLite unpacks with
``json_each``, an array that PostgreSQL compares with ``= ANY``. The statement text stays the
same whatever the number of ids, so it is compiled once and cached; no chunking is needed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import BigInteger, Boolean, String, bindparam
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal
from sqlalchemy.types import TypeDecorator


class _Ids(TypeDecorator):
    """A list of ids bound as one value: JSON text on SQLite, a BIGINT[] elsewhere."""

    impl = String
    cache_ok = True

    def load_dialect_impl(self, dialect):
        return dialect.type_descriptor(String() if dialect.name == "sqlite" else ARRAY(BigInteger()))

    def process_bind_param(self, value, dialect):
        return json.dumps(value) if dialect.name == "sqlite" else value


class InIds(ColumnElement[bool]):
    """``column IN ids``; build it with ``in_ids``."""

    type = Boolean()
    _is_implicitly_boolean = True  # a comparison already: no "= 1" appended on SQLite
    inherit_cache = True
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement),
                           ("ids", InternalTraversal.dp_clauseelement)]

    def __init__(self, column, ids: list[int]):
        self.column = column
        self.ids = bindparam(None, ids, type_=_Ids())


def in_ids(column, ids: Iterable[int]) -> InIds:
    return InIds(column, sorted({int(i) for i in ids}))


@compiles(InIds, "sqlite")
def _in_sqlite(element: InIds, compiler, **kw) -> str:
    return f"{compiler.process(element.column, **kw)} IN (SELECT value FROM json_each({compiler.process(element.ids, **kw)}))"


@compiles(InIds)
def _in_array(element: InIds, compiler, **kw) -> str:  # PostgreSQL
    return f"{compiler.process(element.column, **kw)} = ANY({compiler.process(element.ids, **kw)})"
