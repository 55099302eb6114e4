"""The organisation of the demo street: street row, four grid levels, 一长五员, units, users.

``build_org`` returns the rows to insert (plain dicts, ids assigned here) and the lookups the
history simulation needs (which unit answers for what, who works which grid).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from commandroom.demo import names
from commandroom.demo.layout import Cell, Layout, wkt
from commandroom.demo.places import unit_places
from commandroom.demo.rand import FastRandom
from commandroom.models.enums import Committee, Role, StaffRole, UnitStatus, UnitType

COMMUNITY = "社区"  # unit key for "the community committee of the event's grid"
C = Committee
# key, full name, committee (五专委): Yaojia's seven offices and five service centres.
OFFICES = (
    ("党政办", "党政办公室", C.PARTY_BUILDING), ("党建办", "党建工作办公室", C.PARTY_BUILDING),
    ("社会事务办", "社会事务办公室", C.SOCIAL_AFFAIRS),
    ("综合行政执法办", "综合行政执法办公室", C.URBAN_MANAGEMENT),
    ("应急管理办", "应急管理办公室", C.SOCIAL_GOVERNANCE),
    ("平安建设办", "平安建设办公室", C.SOCIAL_GOVERNANCE),
    ("城市管理办", "城市管理办公室", C.URBAN_MANAGEMENT),
)
CENTRES = (
    ("便民服务中心", "便民服务中心", C.SOCIAL_AFFAIRS),
    ("民生保障服务中心", "民生保障服务中心", C.SOCIAL_AFFAIRS),
    ("综合治理服务中心", "综合治理（网格）服务中心", C.SOCIAL_GOVERNANCE),
    ("公共文化服务中心", "公共文化服务中心", C.PARTY_BUILDING),
    ("经济发展服务中心", "经济发展服务中心", C.ECONOMIC_DEVELOPMENT),
)
# 「一街一所(队)」: key, name after the street's short name.
RESIDENT_UNITS = (
    ("综合执法中队", "综合执法中队"), ("派出所", "派出所"), ("市场监管所", "市场监管所"),
    ("司法所", "司法所"), ("环卫所", "环卫所"), ("市政所", "市政所"), ("绿化所", "绿化所"),
)
# On-call district departments (随叫随到); the catalogue's territorial items name the first five.
DEPARTMENTS = ("区住建局", "区水务局", "区消防救援大队", "区供电中心", "区人社局")
EXTRA_DEPARTMENTS = ("区城管局", "区卫健局")

UNIT_KEY_TYPES = {
    **{k: UnitType.OFFICE for k, _, _ in OFFICES},
    **{k: UnitType.SERVICE_CENTRE for k, _, _ in CENTRES},
    **{k: UnitType.RESIDENT_UNIT for k, _ in RESIDENT_UNITS},
    **{k: UnitType.DISTRICT_DEPARTMENT for k in DEPARTMENTS + EXTRA_DEPARTMENTS},
}
# (type code, on-duty headcount range) per unit type.
UNIT_SHAPE = {
    UnitType.OFFICE: ("OF", 2, 5), UnitType.SERVICE_CENTRE: ("SC", 2, 6),
    UnitType.RESIDENT_UNIT: ("RU", 4, 16), UnitType.DISTRICT_DEPARTMENT: ("DD", 2, 8),
    UnitType.COMMUNITY_COMMITTEE: ("CC", 3, 8),
}
# Besides chief and worker, how often a grid has each of the other four of 一长五员.
OPTIONAL_STAFF = {StaffRole.INSPECTOR: 0.35, StaffRole.INFORMANT: 0.55,
                  StaffRole.PATROLLER: 0.45, StaffRole.LIAISON: 0.3}


@dataclass
class GridInfo:
    """What the simulation needs of one L4 grid."""

    id: int
    name: str
    road: str
    cell: Cell
    community_unit: int
    worker: tuple[str, str]  # name, phone: patrol reports carry the grid worker as reporter


@dataclass
class Org:
    rows: dict[str, list[dict]] = field(default_factory=dict)
    units: dict[str, int] = field(default_factory=dict)  # key → id (not communities)
    grids: list[GridInfo] = field(default_factory=list)
    officers: list[str] = field(default_factory=list)  # duty-officer logins
    leaders: list[str] = field(default_factory=list)
    levels: tuple[int, int, int, int] = (0, 0, 0, 0)


def build_org(rng: FastRandom, layout: Layout, street_id: int = 1) -> Org:
    org = Org()
    street = names.STREET
    org.rows["street"] = [{"id": street_id, "code": street["code"], "abbr": street["abbr"],
                           "name": street["name"], "district": street["district"],
                           "city": street["city"], "demo": True}]
    grids = org.rows["grid"] = []

    def add_grid(level: int, code: str, name: str, parent: int | None, polygon) -> int:
        grids.append({"id": len(grids) + 1, "street_id": street_id, "level": level, "code": code,
                      "name": name, "parent_id": parent, "polygon": wkt(polygon)})
        return len(grids)

    root = add_grid(1, street["code"], street["name"], None, layout.street)
    area_ids = [
        add_grid(2, f"{street['code']}-{a + 1:02d}", f"第{names.AREA_NUMERALS[a]}管区", root, poly)
        for a, poly in enumerate(layout.areas)
    ]
    community_names = rng.sample(names.COMMUNITIES, len(layout.communities))
    community_ids, community_codes = [], []
    for index, (area, poly) in enumerate(layout.communities):
        code = f"{grids[area_ids[area] - 1]['code']}-{index + 1:02d}"
        community_ids.append(add_grid(3, code, f"{community_names[index]}社区", area_ids[area], poly))
        community_codes.append(code)
    _add_units(rng, org, street_id, community_names, community_ids, layout)
    staff = org.rows["grid_staff"] = []
    grid_names = names.unit_grid_names(rng, len(layout.cells))
    for n, (cell, (name, road)) in enumerate(zip(layout.cells, grid_names), start=1):
        code = f"{community_codes[cell.community]}-{n:03d}"
        grid_id = add_grid(4, code, name, community_ids[cell.community], cell.polygon)
        roles = [StaffRole.CHIEF, StaffRole.WORKER]
        roles += [role for role, p in OPTIONAL_STAFF.items() if rng.random() < p]
        for role in roles:
            staff.append({"id": len(staff) + 1, "grid_id": grid_id, "name": names.person_name(rng),
                          "role": role.value, "phone": names.mobile(rng)})
        worker = staff[-len(roles) + 1]  # the second row is the worker
        org.grids.append(GridInfo(grid_id, name, road, cell,
                                  org.units[f"{COMMUNITY}{cell.community}"],
                                  (worker["name"], worker["phone"])))
    org.levels = (1, len(area_ids), len(community_ids), len(layout.cells))
    _add_users(rng, org)
    return org


def _add_units(rng: FastRandom, org: Org, street_id: int, community_names, community_ids,
               layout: Layout) -> None:
    short = names.STREET["short"]
    extra = rng.sample(EXTRA_DEPARTMENTS, rng.randint(0, 1))
    specs = [(key, full, committee, None) for key, full, committee in OFFICES + CENTRES]
    specs += [(key, short + name, None, None) for key, name in RESIDENT_UNITS]
    specs += [(key, key, None, None) for key in DEPARTMENTS + tuple(extra)]
    specs += [(f"{COMMUNITY}{i}", f"{community_names[i]}社区居委会", None, grid_id)
              for i, grid_id in enumerate(community_ids)]
    rows = org.rows["unit"] = []
    counters: dict[str, int] = {}
    types = [UNIT_KEY_TYPES.get(key, UnitType.COMMUNITY_COMMITTEE) for key, *_ in specs]
    communities = [int(key[len(COMMUNITY):]) if t is UnitType.COMMUNITY_COMMITTEE else None
                   for t, (key, *_) in zip(types, specs)]
    places = unit_places(layout, list(zip(types, communities)))
    for (key, name, committee, grid_id), unit_type, place in zip(specs, types, places):
        code, low, high = UNIT_SHAPE[unit_type]
        counters[code] = counters.get(code, 0) + 1
        status = rng.choices(list(UnitStatus), (0.85, 0.12, 0.03))[0]
        rows.append({
            "id": len(rows) + 1, "street_id": street_id, "code": f"{names.STREET['abbr']}-{code}{counters[code]:02d}",
            "name": name, "type": unit_type.value, "committee": committee.value if committee else None,
            "duty_phone": names.landline(rng), "on_duty": rng.randint(low, high), "status": status.value,
            "grid_id": grid_id, "lon": place[0] if place else None, "lat": place[1] if place else None,
        })
        org.units[key] = len(rows)


def _add_users(rng: FastRandom, org: Org) -> None:
    people = [("duty", Role.DUTY_OFFICER)] + [(f"duty{i}", Role.DUTY_OFFICER) for i in range(2, 5)]
    people += [("leader", Role.SHIFT_LEADER), ("leader2", Role.SHIFT_LEADER)]
    rows = org.rows["app_user"] = [
        {"id": n, "login": login, "name": names.person_name(rng), "role": role.value, "active": True}
        for n, (login, role) in enumerate(people, start=1)
    ]
    rows.append({"id": len(rows) + 1, "login": "wall", "name": "大屏", "role": Role.DISPLAY.value, "active": True})
    rows.append({"id": len(rows) + 1, "login": "admin", "name": "系统管理员", "role": Role.ADMIN.value, "active": True})
    # The intake (hotline, patrols, photos, district orders) receives as "system": the log
    # names it, so the users table says what it may do.
    rows.append({"id": len(rows) + 1, "login": "system", "name": "接入系统", "role": Role.SYSTEM.value,
                 "active": True})
    org.officers = [login for login, role in people if role is Role.DUTY_OFFICER]
    org.leaders = [login for login, role in people if role is Role.SHIFT_LEADER]
