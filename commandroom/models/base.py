"""Declarative base shared by every table.

Times are naive datetimes on the street's wall clock (Beijing time, UTC+8, no DST): limits,
working days and report periods are all reckoned on that clock, and both SQLite and
PostgreSQL store it the same way.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import MetaData, String, TypeDecorator
from sqlalchemy.orm import DeclarativeBase

# Stable constraint names, so Alembic migrations are the same on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class EnumText(TypeDecorator):
    """A StrEnum stored as its plain value in a VARCHAR (no native enum types to migrate)."""

    impl = String(32)
    cache_ok = True

    def __init__(self, enum_cls: type[StrEnum]):
        super().__init__()
        self.enum_cls = enum_cls

    def process_bind_param(self, value, dialect):
        # A dict lookup first, as below: the intake binds four of these per report.
        if value is None:
            return None
        member = self.enum_cls._value2member_map_.get(value)
        return (member if member is not None else self.enum_cls(value)).value

    def process_result_value(self, value, dialect):
        # A dict lookup, not ``enum_cls(value)``: every status and priority of every row read
        # passes here (a call through EnumType.__call__ costs ten times more); an unknown value
        # still raises the enum's own ValueError.
        if value is None:
            return None
        member = self.enum_cls._value2member_map_.get(value)
        return member if member is not None else self.enum_cls(value)
