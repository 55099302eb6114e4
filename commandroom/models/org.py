"""The organisation: street, four-level grids, grid staff, units and users."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Column, DateTime, Float, ForeignKey, Integer, String, Table, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from commandroom.models.base import Base, EnumText
from commandroom.models.enums import Committee, Role, StaffRole, UnitStatus, UnitType


class Street(Base):
    __tablename__ = "street"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    # Prefix of the street's event codes, e.g. "YJ" → YJ20261121-0007.
    abbr: Mapped[str] = mapped_column(String(8), default="EV")
    name: Mapped[str] = mapped_column(String(64))
    district: Mapped[str] = mapped_column(String(64))
    city: Mapped[str] = mapped_column(String(64), default="")
    # Made by the demo generator: only then may a console act as a user named on the command
    # line (``--user``) without signing in.
    demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Grid(Base):
    """A grid of level 1 (street) to 4 (residential courtyard or key area).

    ``polygon`` is WKT in WGS-84 lon/lat; the L4 polygons tile the street without overlap.
    """

    __tablename__ = "grid"

    id: Mapped[int] = mapped_column(primary_key=True)
    street_id: Mapped[int] = mapped_column(ForeignKey("street.id"), index=True)
    level: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("grid.id"), index=True)
    polygon: Mapped[str] = mapped_column(Text)

    parent: Mapped[Grid | None] = relationship(remote_side=[id])
    staff: Mapped[list[GridStaff]] = relationship(back_populates="grid")


class GridStaff(Base):
    """一长五员: the people of a grid."""

    __tablename__ = "grid_staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    grid_id: Mapped[int] = mapped_column(ForeignKey("grid.id"), index=True)
    name: Mapped[str] = mapped_column(String(32))
    role: Mapped[StaffRole] = mapped_column(EnumText(StaffRole))
    phone: Mapped[str] = mapped_column(String(20), default="")

    grid: Mapped[Grid] = relationship(back_populates="staff")


unit_category = Table(
    "unit_category",
    Base.metadata,
    Column("unit_id", ForeignKey("unit.id"), primary_key=True),
    Column("category_id", ForeignKey("category.id"), primary_key=True),
)


class Unit(Base):
    """A unit that handles events: office, service centre, resident unit, district department
    on call, or community committee."""

    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    street_id: Mapped[int] = mapped_column(ForeignKey("street.id"), index=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    type: Mapped[UnitType] = mapped_column(EnumText(UnitType))
    committee: Mapped[Committee | None] = mapped_column(EnumText(Committee))
    duty_phone: Mapped[str] = mapped_column(String(20), default="")
    on_duty: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[UnitStatus] = mapped_column(EnumText(UnitStatus), default=UnitStatus.ON_DUTY)
    # A community committee answers for its own L3 grid; others for the whole street.
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grid.id"))
    # Where the unit's office is, WGS-84 like every point; both None when not known (the map
    # then draws it at its grid's centroid, marked approximate).
    lon: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)

    categories: Mapped[list["Category"]] = relationship(secondary=unit_category)  # noqa: F821


class User(Base):
    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(32))
    role: Mapped[Role] = mapped_column(EnumText(Role))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # An argon2 hash (models/passwords.py); "" for a user who has none yet and cannot sign in.
    password_hash: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # Wrong passwords in a row; at the limit the account is locked until ``locked_until``.
    failed_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    last_sign_in: Mapped[datetime | None] = mapped_column(DateTime)
