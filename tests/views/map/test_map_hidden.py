"""A map not on screen costs nothing per feed batch: its read model loads nothing while the
panel is hidden (its tab behind the board, the window minimised), and the panel asks for the
events changed meanwhile the moment it is shown again, through the pump's ``refresh_view``."""

from datetime import datetime

from commandroom.models.enums import Status
from commandroom.models.map_view import MapChanges
from commandroom.models.recurring import RecurringRule
from commandroom.services.map_bridge import MAP_VIEW, MapWatch
from commandroom.services.map_feed import map_read_model
from commandroom.views.common.selection import Selection
from commandroom.views.map.map_panel import MapPanel
from tests.services.seed import write_event
from tests.views.map.test_map_live import centre

NOW = datetime(2026, 11, 16, 9, 0)


def test_the_read_model_loads_nothing_while_the_map_is_not_shown(street):
    lat, lon = centre(street, "A1")
    event = write_event(street, NOW, "占道", lat=lat, lon=lon, grid_id=street.tiny.grids["A1"],
                        status=Status.RECEIVED)
    watch = MapWatch(shown=False)
    model = map_read_model(RecurringRule(14, 3), watch)
    with street.session() as s:
        assert model.load_ids(s, [event], NOW, None) is None
        watch.shown = True
        changes = model.load_ids(s, [event], NOW, None)
    assert isinstance(changes, MapChanges) and [m.id for m in changes.markers] == [event]


def test_a_hidden_panel_pushes_nothing_and_asks_for_what_it_missed_when_shown(qtbot, street, start_pump):
    lat, lon = centre(street, "B1")
    panel = MapPanel(Selection())
    qtbot.addWidget(panel)
    assert panel.watch.shown is False  # never shown yet
    recorder, _snapshot = start_pump(street, read_models=[map_read_model(RecurringRule(14, 3), panel.watch)])
    recorder.sig_view_changed.connect(panel.on_view_changed)
    panel.sig_load_view.connect(recorder.pump.refresh_view)  # queued into the pump's thread
    asked, pushed = [], panel.bridge.pushed + len(panel.bridge._queue)
    panel.sig_load_view.connect(lambda name, ids: asked.append((name, ids)))

    with qtbot.waitSignal(recorder.sig_view_changed, timeout=10_000,
                          check_params_cb=lambda name, ids, data: name == MAP_VIEW and data is None):
        event = write_event(street, NOW, "新来电", lat=lat, lon=lon, grid_id=street.tiny.grids["B1"],
                            status=Status.RECEIVED)
    assert panel.bridge.pushed + len(panel.bridge._queue) == pushed  # nothing for the page

    with qtbot.waitSignal(recorder.sig_view_changed, timeout=10_000,
                          check_params_cb=lambda name, ids, data: name == MAP_VIEW and data is not None) as got:
        panel.show()
    assert asked == [(MAP_VIEW, [event])]
    assert [m.id for m in got.args[2].markers] == [event]
    assert panel.bridge.pushed + len(panel.bridge._queue) == pushed + 1  # one batch for the page

    panel.hide()
    assert panel.watch.shown is False
    panel.on_view_changed(MAP_VIEW, [], None)  # a change that touched no event (the units)
    panel.show()
    assert asked[-1] == (MAP_VIEW, [])


def test_in_the_console_the_map_behind_the_boards_tab_is_not_on_screen(qtbot, make_window):
    """A dock whose tab is behind another stays visible to Qt (moved off screen): the map
    follows its dock's ``visibilityChanged``."""
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.map.isVisible() and window.map.watch.shown is False)  # the board in front
    asked = []
    window.map.sig_load_view.connect(lambda name, ids: asked.append(ids))
    window.map.on_view_changed(MAP_VIEW, [7], None)
    assert asked == []
    window.docks["map"].raise_()
    qtbot.waitUntil(lambda: window.map.watch.shown)
    assert asked == [[7]]
    window.docks["board"].raise_()
    qtbot.waitUntil(lambda: window.map.watch.shown is False)
