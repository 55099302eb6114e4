"""Every user-typed text the map shows is text: a corpus of payloads in titles, addresses, grid,
unit and category names goes through the real page, every tooltip and badge is opened, and no
script runs, no element is made from them, and each payload reads back literally."""

from datetime import datetime, timedelta

from sqlalchemy import update

from commandroom.models import Category, Grid, Unit
from commandroom.models.enums import Status
from tests.services.seed import write_event
from tests.views.map.conftest import run_js
from tests.views.map.test_map_live import centre

NOW = datetime(2026, 11, 16, 9, 0)

PAYLOADS = [
    '<img src=x onerror="window.__xss=(window.__xss||0)+1">',
    "</script><script>window.__xss=1</script>",
    '"><svg onload=window.__xss=1>',
    "<iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe>",
    "javascript:window.__xss=1",
    "' onmouseover='window.__xss=1' x='",
    "<style>body{display:none}</style><b>粗体</b>",
    "${window.__xss=1}{{constructor.constructor('window.__xss=1')()}}",
    "&lt;script&gt;window.__xss=1&lt;/script&gt;",
    "\u2028\u2029\\u003cscript\\u003e",
]


def test_payloads_are_shown_as_text_and_run_nothing(qtbot, street, open_map):
    grids = street.tiny.grids
    lat, lon = centre(street, "A1")
    for i, payload in enumerate(PAYLOADS):
        write_event(street, NOW - timedelta(hours=i), payload[:120], address=payload[:200],
                    lat=lat + i * 0.00005, lon=lon, grid_id=grids["A1"], status=Status.REGISTERED)
    with street.session() as s:
        s.execute(update(Grid).where(Grid.id == grids["B2"]).values(name=PAYLOADS[0][:64]))
        s.execute(update(Unit).where(Unit.name == "环卫所").values(name=PAYLOADS[2][:64]))
        s.execute(update(Category).where(Category.code == "CG01").values(name=PAYLOADS[1][:64]))
        category = s.query(Category.id).filter(Category.code == "CG01").scalar()
    for i in range(3):  # three in a grid: a recurring problem, its badge shows the category's name
        write_event(street, NOW - timedelta(days=i), "占道", lat=lat, lon=lon + 0.0002, grid_id=grids["A1"],
                    category_id=category, status=Status.CLOSED)

    panel, _ = open_map(street)
    shown = run_js(qtbot, panel, """(() => {
        const S = commandroomMap;
        S.showRecurring(true);
        S.map.setView(S.markers.values().next().value.getLatLng(), 19, {animate: false});
        const texts = [];
        const open = (layer) => { layer.fire('mouseover'); const t = layer.getTooltip();
                                  if (t && t.getElement()) texts.push(t.getElement().textContent); };
        S.markers.forEach(open);
        S.grids.forEach((poly) => { poly.openTooltip(poly.getBounds().getCenter()); texts.push(poly.getTooltip().getElement().textContent); });
        S.units.eachLayer(open);
        texts.push(document.querySelector('.leaflet-container').textContent);
        return texts;
    })()""")
    everything = "\n".join(shown)
    for payload in PAYLOADS:
        assert payload in everything or payload[:64] in everything, payload
    assert run_js(qtbot, panel, "typeof window.__xss") == "undefined"
    made = run_js(qtbot, panel, "document.querySelectorAll('img, iframe, object, embed, b, "
                                ".leaflet-container script, .leaflet-container style, svg svg').length")
    assert made == 0
    assert panel.interceptor.blocked == []
