"""Markers follow the database, changed by another process, in place: no page reload, one batch
per feed batch; batches sent before the page is ready arrive."""

from dataclasses import replace
from datetime import datetime

from commandroom.models.enums import Status
from commandroom.models.map_view import MapChanges
from commandroom.services.map_bridge import MAP_VIEW
from commandroom.views.common.selection import Selection
from commandroom.views.map.map_panel import MapPanel
from tests.processes import run_together
from tests.services.seed import write_event
from tests.views.map.conftest import PAGE_TIMEOUT, run_js, wait_applied
from tests.views.map.writer import change_the_street

NOW = datetime(2026, 11, 16, 9, 0)


def centre(street, code):
    """The middle of one of the tiny street's 0.01° boxes (A1 … B2)."""
    lat0, lon0 = street.tiny.inside  # A1's middle
    col, row = "AB".index(code[0]), int(code[1]) - 1
    return (round(lat0 + row * 0.01, 6), round(lon0 + col * 0.01, 6))


def marker_state(qtbot, panel, event_id):
    return run_js(qtbot, panel, f"""(() => {{
        const m = commandroomMap.markers.get({event_id});
        if (!m) return null;
        const d = commandroomMap.data.get({event_id});
        const ll = m.getLatLng();
        return {{at: [ll.lat, ll.lng], od: d.od, sv: d.sv, onMap: commandroomMap.cluster.hasLayer(m)}};
    }})()""")


def test_markers_follow_changes_from_another_process(qtbot, street, open_map):
    grids = street.tiny.grids
    points = {code: centre(street, code) for code in ("A1", "A2", "B1", "B2")}
    ids = {}
    for name, grid in (("move", "A1"), ("late", "A1"), ("watch", "B2"), ("done", "B2")):
        ids[name] = write_event(street, NOW, f"事件{name}", lat=points[grid][0], lon=points[grid][1],
                                grid_id=grids[grid], status=Status.REGISTERED)
    panel, _recorder = open_map(street)
    assert run_js(qtbot, panel, "commandroomMap.markers.size") == 4
    run_js(qtbot, panel, "window.__samePage = 42")  # gone if the page were ever reloaded
    loads = []
    panel.page.loadStarted.connect(lambda: loads.append(1))
    pushed = panel.bridge.pushed

    [answer] = run_together(change_the_street, [(street.url, NOW, ids, points, grids)])
    new = answer["new"]
    qtbot.waitUntil(lambda: run_js(qtbot, panel, f"commandroomMap.markers.has({new}) && "
                                                f"!commandroomMap.markers.has({ids['done']})"),
                    timeout=PAGE_TIMEOUT)
    qtbot.waitUntil(lambda: (marker_state(qtbot, panel, ids["watch"]) or {}).get("sv") == "listed",
                    timeout=PAGE_TIMEOUT)
    assert run_js(qtbot, panel, "commandroomMap.markers.size") == 4  # +1 new, -1 closed
    assert marker_state(qtbot, panel, new)["at"] == list(points["A2"])
    moved = marker_state(qtbot, panel, ids["move"])
    assert moved["at"] == list(points["B1"]) and moved["onMap"]
    assert marker_state(qtbot, panel, ids["late"])["od"] is True
    # The loads followed: B2 lost its closed event, A2 and B1 gained one each.
    loads_now = dict((k, v) for k, v in run_js(qtbot, panel, "[...commandroomMap.loads.entries()]"))
    assert {grid: loads_now.get(str(grids[grid]), loads_now.get(grids[grid])) for grid in grids
            if grid in ("A1", "A2", "B1", "B2")} == {"A1": [1, 1], "A2": [1, 0], "B1": [1, 0], "B2": [1, 0]}
    # In place: the same page, no load, a few batches (one per feed batch), never one per marker.
    assert run_js(qtbot, panel, "window.__samePage") == 42
    assert loads == []
    assert 1 <= panel.bridge.pushed - pushed <= 6


def test_batches_before_the_page_is_ready_are_queued(qtbot, street, open_map):
    lat, lon = centre(street, "A1")
    first = write_event(street, NOW, "先有的事件", lat=lat, lon=lon, grid_id=street.tiny.grids["A1"],
                        status=Status.REGISTERED)
    panel, recorder = open_map(street)
    snapshot = recorder.views[MAP_VIEW]
    # A second panel gets the opening snapshot and a change before its page even exists.
    late = MapPanel(Selection())
    qtbot.addWidget(late)
    late.show()
    moved = replace(snapshot.markers[0], lat=lat + 0.01)
    changes = MapChanges((moved,), (), snapshot.loads, snapshot.recurring)
    late.on_view_loaded(MAP_VIEW, snapshot)  # loads the page; not ready yet
    late.on_view_changed(MAP_VIEW, [first], changes)
    assert not late.bridge.ready and late.bridge.pushed == 0
    qtbot.waitUntil(lambda: late.bridge.ready, timeout=PAGE_TIMEOUT)
    wait_applied(qtbot, late, 2)
    assert marker_state(qtbot, late, first)["at"] == [round(lat + 0.01, 7), lon]
