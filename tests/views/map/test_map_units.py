"""Units on the page: each at its own office, those without one at their grid, drawn and told
apart as approximate; a unit moved by the administrator moves on the map with no reload."""

from commandroom.models.actor import Actor
from commandroom.models.commands import Commands
from commandroom.models.enums import Role
from tests.views.map.conftest import PAGE_TIMEOUT, run_js

ADMIN = Actor("admin", Role.ADMIN, "console-1", "管理员")
UNITS = """[...commandroomMap.units.getLayers()].map((m) => {
    const ll = m.getLatLng();
    return {at: [ll.lat, ll.lng], cls: m.options.icon.options.html.className,
            tip: m.getTooltip().getContent().textContent};
}).sort((a, b) => a.tip.localeCompare(b.tip))"""


def shown(qtbot, panel) -> dict[str, dict]:
    """The page's units by the first three characters of their tooltip (their name)."""
    return {u["tip"][:3]: u for u in run_js(qtbot, panel, UNITS)}


def test_units_at_their_office_or_approximately_at_their_grid(qtbot, street, clock, open_map):
    tiny = street.tiny
    lat, lon = tiny.inside
    admin = Commands(street, ADMIN, clock, street_id=tiny.street_id)
    admin.set_unit_location(tiny.units["环卫所"], lat, lon)
    panel, _ = open_map(street)
    units = shown(qtbot, panel)
    assert set(units) == {"环卫所", "市政所", "综合执"}  # not the district's department
    assert units["环卫所"]["at"] == [round(lat, 7), round(lon, 7)]
    assert "approx" not in units["环卫所"]["cls"] and "近似" not in units["环卫所"]["tip"]
    assert "approx" in units["市政所"]["cls"] and "近似" in units["市政所"]["tip"]
    assert run_js(qtbot, panel, "window.__samePage = 7")

    admin.set_unit_location(tiny.units["市政所"], lat + 0.005, lon + 0.005)
    qtbot.waitUntil(lambda: "approx" not in shown(qtbot, panel)["市政所"]["cls"], timeout=PAGE_TIMEOUT)
    moved = shown(qtbot, panel)["市政所"]
    assert moved["at"] == [round(lat + 0.005, 7), round(lon + 0.005, 7)]
    assert run_js(qtbot, panel, "window.__samePage") == 7  # in place, no reload
