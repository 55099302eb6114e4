"""Changes to the organisation (grids, units, staff, categories): the administrator's commands.

Each is one transaction and one ``ORG_CHANGE`` log row (``event_id`` NULL) whose payload keeps
every changed row's old values (``orgdata/rows.py``), so ``orgdata/history.org_at`` shows the
organisation as it was. An import is one such command: every row of the file checked first,
then all of it or nothing. A change that changes nothing writes nothing, not even a log row.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models.change import Change
from commandroom.models.commands.base import CommandBase, new_command_id
from commandroom.models.enums import Action
from commandroom.models.errors import NotFoundError, ValidationError
from commandroom.models.lifecycle import check_role
from commandroom.models.org import GridStaff, Street
from commandroom.models.orgdata import grids, places, rows as org_rows, sheets, tabular
from commandroom.models.orgdata.columns import SHEETS
from commandroom.models.orgdata.problems import ImportRefused

SHEET_KINDS = tuple(SHEETS)  # units, staff, categories
PHONE_CHARS = set("0123456789-+() 转")
Plan = Callable[[Session, int], list[org_rows.OrgRow]]


class OrgCommands(CommandBase):
    def _change_org(self, plan: Plan, what: str, **info) -> int:
        """Plan and apply in one transaction; the number of rows changed (0: nothing written)."""
        check_role(Action.ORG_CHANGE, self.actor.role)
        now = self.clock.now()
        with self.db.writing() as session:
            street_id = self._street(session).id
            entries = org_rows.apply(session, plan(session, street_id))
            if entries:
                change = Change(info={"what": what, **info, "org": entries})
                self._record(session, None, Action.ORG_CHANGE, now, change, new_command_id(), street_id=street_id)
            return len(entries)

    # -- imports ------------------------------------------------------------------------------
    def import_sheet(self, kind: str, path: str | Path) -> int:
        """units, staff or categories from a .csv or .xlsx made from the template."""
        path = Path(path)
        header, data = sheets.read(path)
        return self._change_org(lambda s, street_id: tabular.plan(s, street_id, kind, header, data, path.name),
                                kind, file=path.name)

    def import_grids(self, path: str | Path, *, tolerance_m2: float = 10.0) -> int:
        """The street's grids from GeoJSON; a database without a street gets it from the file."""
        path = Path(path)
        check_role(Action.ORG_CHANGE, self.actor.role)
        features, problems = grids.read(path)
        problems += grids.check(features, tolerance_m2)
        if problems:
            raise ImportRefused(path.name, problems)
        if self.street_id is None:
            with self.db.writing() as session:
                if session.scalar(select(Street.id).limit(1)) is None:
                    # The street's own row: made once, before its grids; the log names it.
                    street = grids.new_street(features)
                    session.add(street)
                    session.flush()
                    self._record(session, None, Action.ORG_CHANGE, self.clock.now(),
                                 Change(info={"what": "street", "code": street.code, "name": street.name}),
                                 new_command_id(), street_id=street.id)
        return self._change_org(lambda s, street_id: grids.plan(s, features, street_id, path.name),
                                "grids", file=path.name)

    # -- the admin screens' daily changes -----------------------------------------------------
    def set_unit_phone(self, unit_id: int, duty_phone: str) -> int:
        phone = duty_phone.strip()
        if len(phone) > 20 or not set(phone) <= PHONE_CHARS:
            raise ValidationError(f"值班电话只能含数字、-、+、括号与空格，至多 20 位：{phone}",
                                  f"A duty phone holds digits, -, +, brackets and spaces, at most 20: {phone}")

        def plan(session, street_id):
            unit = self._unit(session, unit_id)
            return [org_rows.OrgRow("unit", {"id": unit.id}, {"duty_phone": phone})]
        return self._change_org(plan, "unit_phone")

    def set_unit_location(self, unit_id: int, lat: float | None, lon: float | None) -> int:
        """Where a unit's office is (WGS-84; both None: not known, the map shows it approximately
        at its grid). Refused outside the street, as an event's place is."""
        def plan(session, street_id):
            unit = self._unit(session, unit_id)
            at_lat, at_lon = places.checked(places.street_outline(session, street_id), lat, lon)
            return [org_rows.OrgRow("unit", {"id": unit.id}, {"lat": at_lat, "lon": at_lon})]
        return self._change_org(plan, "unit_location")

    def remove_staff(self, staff_id: int) -> int:
        """A member of a grid's staff has left."""
        def plan(session, street_id):
            staff = session.get(GridStaff, staff_id)
            if staff is None or staff.grid.street_id != street_id:
                raise NotFoundError(f"找不到网格人员 #{staff_id}", f"No grid staff #{staff_id}")
            return [org_rows.OrgRow("grid_staff", {"id": staff.id}, None)]
        return self._change_org(plan, "staff_left")

    def add_category(self, **values: str) -> int:
        """A new event category, from the same fields (and checks) as a categories sheet row."""
        def plan(session, street_id):
            from commandroom.models.catalog import Category

            if session.scalar(select(Category.id).where(Category.code == values.get("code", ""))):
                raise ValidationError(f"事件类别编码「{values['code']}」已存在", f"Category {values['code']!r} exists")
            header = [c.header for c in SHEETS["categories"]]
            cells = [str(values.get(c.field, "")) for c in SHEETS["categories"]]
            try:
                return tabular.plan(session, street_id, "categories", header, [(0, cells)], "新类别")
            except ImportRefused as refused:  # a form's refusal names each field, in one message
                raise ValidationError("\n".join(refused.lines("zh")), "\n".join(refused.lines("en"))) from None
        return self._change_org(plan, "category_added")

