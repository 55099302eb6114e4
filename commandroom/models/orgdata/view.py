"""The admin screens' read model: the street's units, grid staff and categories as frozen rows,
loaded in the feed pump's thread (``services/feed_pump.ReadModel``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models.catalog import Category
from commandroom.models.enums import StaffRole, UnitType
from commandroom.models.org import Grid, GridStaff, Unit

READ_MODEL = "org"


@dataclass(frozen=True)
class UnitRow:
    id: int
    code: str
    name: str
    type: UnitType
    duty_phone: str
    on_duty: int


@dataclass(frozen=True)
class StaffRow:
    id: int
    grid_code: str
    grid_name: str
    name: str
    role: StaffRole
    phone: str


@dataclass(frozen=True)
class CategoryRow:
    id: int
    code: str
    class_name: str
    name: str
    lead_unit_type: UnitType
    territorial: bool


@dataclass(frozen=True)
class OrgView:
    units: tuple[UnitRow, ...]
    staff: tuple[StaffRow, ...]
    categories: tuple[CategoryRow, ...]


def load_org_view(session: Session, now: datetime, street_id: int | None) -> OrgView:
    units = select(Unit.id, Unit.code, Unit.name, Unit.type, Unit.duty_phone, Unit.on_duty).order_by(Unit.code)
    staff = (select(GridStaff.id, Grid.code, Grid.name, GridStaff.name, GridStaff.role, GridStaff.phone)
             .join(Grid).order_by(Grid.code, GridStaff.id))
    if street_id is not None:
        units, staff = units.where(Unit.street_id == street_id), staff.where(Grid.street_id == street_id)
    categories = select(Category.id, Category.code, Category.class_name, Category.name,
                        Category.lead_unit_type, Category.territorial).order_by(Category.code)
    return OrgView(tuple(UnitRow(*r) for r in session.execute(units)),
                   tuple(StaffRow(*r) for r in session.execute(staff)),
                   tuple(CategoryRow(*r) for r in session.execute(categories)))


def load_org_changes(session: Session, event_ids: list[int], now: datetime,
                     street_id: int | None) -> OrgView | None:
    """Only a change that touched no event can be an organisation change: None otherwise, so
    the busy feed of event changes costs the admin screen nothing."""
    return None if event_ids else load_org_view(session, now, street_id)
