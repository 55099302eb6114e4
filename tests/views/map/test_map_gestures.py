"""Both directions: marker click -> the shared selection; a selection elsewhere -> pan and
highlight; grid click -> filter; right-click -> a point in the street (refused outside it);
the GCJ-02 round trip through the page."""

from datetime import datetime

import pytest

from commandroom.models.datum import Datum
from commandroom.models.enums import Status
from commandroom.views.common.selection import Selection
from tests.services.seed import write_event
from tests.views.map.conftest import PAGE_TIMEOUT, run_js
from tests.views.map.test_map_live import centre

NOW = datetime(2026, 11, 16, 9, 0)


def two_events(street):
    grids = street.tiny.grids
    return [write_event(street, NOW, f"事件{code}", lat=centre(street, code)[0], lon=centre(street, code)[1],
                        grid_id=grids[code], status=Status.REGISTERED) for code in ("A1", "B2")]


def right_click(qtbot, panel, lat, lon):
    run_js(qtbot, panel, f"commandroomMap.map.fire('contextmenu', {{latlng: L.latLng({lat}, {lon})}}) && 1")


def test_marker_click_selects_everywhere(qtbot, street, open_map):
    first, _second = two_events(street)
    selection = Selection()
    panel, _ = open_map(street, selection)
    with qtbot.waitSignal(selection.sig_selected, timeout=PAGE_TIMEOUT) as told:
        run_js(qtbot, panel, f"commandroomMap.markers.get({first}).fire('click') && 1")
    assert told.args == [[first]] and selection.is_from(panel)


def test_selection_elsewhere_pans_and_highlights(qtbot, street, open_map):
    _first, second = two_events(street)
    selection = Selection()
    panel, _ = open_map(street, selection)
    selection.select([second], source="the list")
    qtbot.waitUntil(lambda: run_js(qtbot, panel, f"""(() => {{
        const m = commandroomMap.markers.get({second});
        return !!(m._icon && m._icon.querySelector('.ev.selected'))
            && commandroomMap.map.getBounds().contains(m.getLatLng());
    }})()"""), timeout=PAGE_TIMEOUT)
    selection.clear(source="the list")
    qtbot.waitUntil(lambda: run_js(qtbot, panel, "document.querySelectorAll('.ev.selected').length") == 0,
                    timeout=PAGE_TIMEOUT)


def test_grid_click_asks_for_a_filter_and_again_lifts_it(qtbot, street, open_map):
    panel, _ = open_map(street)
    a1 = street.tiny.grids["A1"]
    with qtbot.waitSignal(panel.sig_grid_filter, timeout=PAGE_TIMEOUT) as told:
        run_js(qtbot, panel, f"commandroomMap.grids.get({a1}).fire('click') && 1")
    assert told.args == [a1, "A社区1号院"]
    qtbot.waitUntil(lambda: run_js(qtbot, panel, "commandroomMap.gridFilter") == a1, timeout=PAGE_TIMEOUT)
    with qtbot.waitSignal(panel.sig_grid_filter, timeout=PAGE_TIMEOUT) as told:
        run_js(qtbot, panel, f"commandroomMap.grids.get({a1}).fire('click') && 1")
    assert told.args == [0, ""]


def test_right_click_gives_a_point_inside_and_refuses_outside(qtbot, street, open_map):
    panel, _ = open_map(street)
    lat, lon = street.tiny.inside
    with qtbot.waitSignal(panel.sig_point_picked, timeout=PAGE_TIMEOUT) as told:
        right_click(qtbot, panel, lat, lon)
    assert told.args == [pytest.approx(lat), pytest.approx(lon), "A社区 / A社区1号院"]
    out_lat, out_lon = street.tiny.outside
    with qtbot.assertNotEmitted(panel.sig_point_picked):
        right_click(qtbot, panel, out_lat, out_lon)
        qtbot.waitUntil(lambda: panel.message.isVisible(), timeout=PAGE_TIMEOUT)
    assert "不在本街道范围内" in panel.message.text()


def test_gcj02_tiles_round_trip(qtbot, street, open_map):
    first, _ = two_events(street)
    panel, _ = open_map(street, datum=Datum.GCJ02)
    lat, lon = centre(street, "A1")
    shown = run_js(qtbot, panel, f"(ll => [ll.lat, ll.lng])(commandroomMap.markers.get({first}).getLatLng())")
    assert shown == pytest.approx(list(Datum.GCJ02.to_display(lat, lon)), abs=1e-7)
    with qtbot.waitSignal(panel.sig_point_picked, timeout=PAGE_TIMEOUT) as told:
        right_click(qtbot, panel, *shown)  # a click where the marker is drawn is the stored point
    assert told.args[:2] == [pytest.approx(lat, abs=1e-7), pytest.approx(lon, abs=1e-7)]


def test_a_bigger_dock_shows_the_street_bigger_until_the_officer_moves_the_map(qtbot, street, open_map):
    """The street is fitted to the dock it has when it arrives; the dock (or the wall screen's
    window) often reaches its final size later. Until the officer pans or zooms, a resize fits
    the street again; after, the officer's view is kept."""
    panel, _ = open_map(street)
    small = run_js(qtbot, panel, "commandroomMap.map.getZoom()")
    panel.resize(1800, 1300)
    qtbot.waitUntil(lambda: run_js(qtbot, panel, "commandroomMap.map.getZoom()") > small, timeout=PAGE_TIMEOUT)
    street_px = run_js(qtbot, panel, "(() => { const m = commandroomMap.map, b = commandroomMap.cells.getBounds();"
                                     " return m.latLngToContainerPoint(b.getSouthEast()).x"
                                     " - m.latLngToContainerPoint(b.getNorthWest()).x; })()")
    assert street_px > 0.5 * 1800  # the street fills the dock, beside the legend's room

    run_js(qtbot, panel, "commandroomMap.map.panBy([120, 40], {animate: false}) && 1")
    moved = run_js(qtbot, panel, "[commandroomMap.map.getZoom(), commandroomMap.map.getCenter()]")
    panel.resize(1000, 700)
    qtbot.wait(500)
    after = run_js(qtbot, panel, "[commandroomMap.map.getZoom(), commandroomMap.map.getCenter()]")
    assert after[0] == moved[0]  # not fitted again: the officer's zoom stays
