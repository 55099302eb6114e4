"""The page itself: Leaflet from local files, no request leaving the machine, the layers drawn."""

from datetime import datetime

from commandroom.models.enums import Status
from tests.services.seed import write_event
from tests.views.map.conftest import run_js

NOW = datetime(2026, 11, 16, 9, 0)


def test_page_loads_offline_with_leaflet_and_the_grids(qtbot, street, open_map):
    lat, lon = street.tiny.inside
    write_event(street, NOW, "路灯不亮", lat=lat, lon=lon, grid_id=street.tiny.grids["A1"],
                status=Status.REGISTERED)
    panel, _ = open_map(street)
    assert run_js(qtbot, panel, "typeof L.markerClusterGroup") == "function"
    assert run_js(qtbot, panel, "L.version") == "1.9.3"
    assert run_js(qtbot, panel, "commandroomMap.grids.size") == 4  # the L4 cells
    assert run_js(qtbot, panel, "commandroomMap.markers.size") == 1
    # One scale bar, in metres only: a Chinese street is not measured in feet.
    assert run_js(qtbot, panel, "[...document.querySelectorAll('.leaflet-control-scale-line')].length") == 1
    seen = panel.interceptor.seen
    assert seen and all(url.split(":", 1)[0] in ("file", "qrc", "data", "blob", "about") for url in seen), seen
    assert panel.interceptor.blocked == []
