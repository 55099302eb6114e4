"""Units, staff and categories from a sheet: every row checked, then the difference from the
tables as ``OrgRow`` changes (an import of an unchanged export is no change at all); and the
tables as sheet rows, in the same columns, for the export.

What a sheet means: units and categories are matched by code, added or updated, never deleted
(events refer to them); the staff sheet is the street's whole list of grid staff, matched by
grid, name and role, so a person deleted from the sheet has left the grid.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models.catalog import Category
from commandroom.models.enums import Committee, Priority, StaffRole, UnitType
from commandroom.models.org import Grid, GridStaff, Unit, unit_category
from commandroom.models.orgdata.columns import CODES_SEPARATOR, NO, SHEETS, YES, RowReader, check_header, record
from commandroom.models.orgdata.problems import ImportRefused, Problem, at_row
from commandroom.models.orgdata.places import place, street_outline
from commandroom.models.orgdata.rows import OrgRow, Ref


def plan(session: Session, street_id: int, kind: str, header: list[str],
         data: list[tuple[int, list[str]]], source: str) -> list[OrgRow]:
    """The changes the sheet asks for; refused with every problem found."""
    problems = check_header(kind, header)
    if problems:  # the rows cannot be read against a wrong header
        raise ImportRefused(source, problems)
    records = [(n, record(kind, header, cells)) for n, cells in data]
    rows = {"units": _plan_units, "staff": _plan_staff, "categories": _plan_categories}[kind](
        session, street_id, records, problems)
    if problems:
        raise ImportRefused(source, problems)
    return rows


def _duplicates(records, key, label_zh: str, label_en: str, problems: list[Problem]) -> None:
    seen: dict = {}
    for n, values in records:
        k = key(values)
        if k in seen and all(k if isinstance(k, tuple) else (k,)):
            problems.append(at_row(n, f"{label_zh}与第 {seen[k]} 行重复", f"the same {label_en} as row {seen[k]}"))
        seen.setdefault(k, n)


# -- units ------------------------------------------------------------------------------------
def _plan_units(session, street_id, records, problems) -> list[OrgRow]:
    grids = dict(session.execute(select(Grid.code, Grid.id).where(Grid.street_id == street_id)).all())
    categories = dict(session.execute(select(Category.code, Category.id)).all())
    units = {u.code: u for u in session.scalars(select(Unit))}
    links = {}
    for unit_id, category_id in session.execute(select(unit_category.c.unit_id, unit_category.c.category_id)):
        links.setdefault(unit_id, set()).add(category_id)
    _duplicates(records, lambda v: v["code"], "编码", "code", problems)
    street = street_outline(session, street_id)
    out: list[OrgRow] = []
    new_count = 0
    for n, values in records:
        r = RowReader(n, values, "units", problems)
        code, name = r.text("code", 32), r.text("name", 64)
        unit_type, committee = r.enum("type", UnitType), r.enum("committee", Committee)
        phone = r.text("duty_phone", 20)
        grid_code = values["grid"]
        if grid_code and grid_code not in grids:
            r.bad("grid", f"本街道没有网格「{grid_code}」", f"the street has no grid {grid_code!r}")
        wanted = set()
        for c in r.codes("categories"):
            if c not in categories:
                r.bad("categories", f"没有事件类别「{c}」", f"no category {c!r}")
            else:
                wanted.add(categories[c])
        lon, lat = place(r, street)
        existing = units.get(code)
        if existing is not None and existing.street_id != street_id:
            r.bad("code", f"「{code}」已是另一街道的单位", f"{code!r} is another street's unit")
        if len(problems):
            continue
        fields = dict(code=code, name=name, type=unit_type, committee=committee, duty_phone=phone,
                      grid_id=grids.get(grid_code), lon=lon, lat=lat)
        if existing is None:
            out.append(OrgRow("unit", None, dict(fields, street_id=street_id)))
            ref = Ref(new_count)
            new_count += 1
            out += [OrgRow("unit_category", {"unit_id": ref, "category_id": c}, {}) for c in sorted(wanted)]
            continue
        out.append(OrgRow("unit", {"id": existing.id}, fields))
        have = links.get(existing.id, set())
        out += [OrgRow("unit_category", {"unit_id": existing.id, "category_id": c}, {}) for c in sorted(wanted - have)]
        out += [OrgRow("unit_category", {"unit_id": existing.id, "category_id": c}, None) for c in sorted(have - wanted)]
    return out


def export_units(session: Session, street_id: int) -> list[list]:
    codes = dict(session.execute(select(Category.id, Category.code)).all())
    grids = dict(session.execute(select(Grid.id, Grid.code)).all())
    links: dict[int, list[str]] = {}
    for unit_id, category_id in session.execute(select(unit_category.c.unit_id, unit_category.c.category_id)):
        links.setdefault(unit_id, []).append(codes[category_id])
    rows = []
    for u in session.scalars(select(Unit).where(Unit.street_id == street_id).order_by(Unit.code)):
        rows.append([u.code, u.name, u.type.label, u.committee.label if u.committee else "", u.duty_phone,
                     grids.get(u.grid_id, ""), CODES_SEPARATOR.join(sorted(links.get(u.id, []))),
                     "" if u.lon is None else u.lon, "" if u.lat is None else u.lat])
    return rows


# -- staff ------------------------------------------------------------------------------------
def _plan_staff(session, street_id, records, problems) -> list[OrgRow]:
    grids = dict(session.execute(select(Grid.code, Grid.id).where(Grid.street_id == street_id)).all())
    _duplicates(records, lambda v: (v["grid"], v["name"], v["role"]), "网格、姓名与职务", "grid, name and role", problems)
    wanted: dict[tuple, str] = {}
    for n, values in records:
        r = RowReader(n, values, "staff", problems)
        grid_code, name = r.text("grid", 32), r.text("name", 32)
        role, phone = r.enum("role", StaffRole), r.text("phone", 20)
        if grid_code and grid_code not in grids:
            r.bad("grid", f"本街道没有网格「{grid_code}」", f"the street has no grid {grid_code!r}")
        elif grid_code and role is not None and name:
            wanted[(grids[grid_code], name, role)] = phone
    if problems:
        return []
    out: list[OrgRow] = []
    stmt = select(GridStaff).join(Grid).where(Grid.street_id == street_id).order_by(GridStaff.id)
    matched: Counter = Counter()
    for staff in session.scalars(stmt):
        key = (staff.grid_id, staff.name, staff.role)
        if key in wanted and not matched[key]:
            matched[key] += 1
            out.append(OrgRow("grid_staff", {"id": staff.id}, {"phone": wanted[key]}))
        else:  # not in the sheet (or there twice in the table): the person has left
            out.append(OrgRow("grid_staff", {"id": staff.id}, None))
    for key, phone in wanted.items():
        if not matched[key]:
            grid_id, name, role = key
            out.append(OrgRow("grid_staff", None, dict(grid_id=grid_id, name=name, role=role, phone=phone)))
    return out


def export_staff(session: Session, street_id: int) -> list[list]:
    stmt = (select(Grid.code, GridStaff.name, GridStaff.role, GridStaff.phone).join(Grid)
            .where(Grid.street_id == street_id).order_by(Grid.code, GridStaff.id))
    return [[code, name, role.label, phone] for code, name, role, phone in session.execute(stmt)]


# -- categories -------------------------------------------------------------------------------
def _plan_categories(session, street_id, records, problems) -> list[OrgRow]:
    existing = {c.code: c for c in session.scalars(select(Category))}
    _duplicates(records, lambda v: v["code"], "编码", "code", problems)
    out: list[OrgRow] = []
    new_count = 0
    for n, values in records:
        r = RowReader(n, values, "categories", problems)
        code, class_name, name = r.text("code", 16), r.text("class_name", 32), r.text("name", 64)
        lead, territorial = r.enum("lead_unit_type", UnitType), r.yes_no("territorial")
        limits = {p: (r.minutes(f"response_{p.value}"), r.minutes(f"handling_{p.value}")) for p in Priority}
        for p, (response, handling) in limits.items():
            if response and handling and response > handling:
                r.bad(f"response_{p.value}", "不能长于处置时限", "may not be longer than the handling limit")
        if problems:
            continue
        fields = dict(code=code, class_name=class_name, name=name, lead_unit_type=lead, territorial=territorial)
        category = existing.get(code)
        if category is None:
            out.append(OrgRow("category", None, fields))
            category_id = Ref(new_count)
            new_count += 1
        else:
            category_id = category.id
            out.append(OrgRow("category", {"id": category_id}, fields))
        for p, (response, handling) in limits.items():
            out.append(OrgRow("category_limit", {"category_id": category_id, "priority": p.value},
                              {"response_minutes": response, "handling_minutes": handling}))
    return out


def export_categories(session: Session, street_id: int) -> list[list]:
    rows = []
    for c in session.scalars(select(Category).order_by(Category.code)):
        limits = {limit.priority: limit for limit in c.limits}
        row = [c.code, c.class_name, c.name, c.lead_unit_type.label, YES if c.territorial else NO]
        for p in Priority:
            limit = limits.get(p)
            row += [limit.response_minutes, limit.handling_minutes] if limit else ["", ""]
        rows.append(row)
    return rows


EXPORTS = {"units": export_units, "staff": export_staff, "categories": export_categories}


def headers(kind: str) -> list[str]:
    return [c.header for c in SHEETS[kind]]

