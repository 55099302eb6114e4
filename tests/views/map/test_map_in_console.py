"""The map in the console: a grid click filters the event list and the board; a right-click
places the report being registered (and says what to do when none is)."""

from datetime import datetime

from commandroom.models.board_view import load_board_changes, load_board_view
from commandroom.models.enums import Status
from commandroom.models.queue import load_queue
from commandroom.models.recurring import RecurringRule
from commandroom.services.feed_pump import ReadModel
from commandroom.services.map_feed import map_read_model
from commandroom.views.calls.register_form import RegisterForm
from commandroom.views.events.event_filter import GRID, choice
from tests.services.seed import category_id, write_event
from tests.views.map.conftest import PAGE_TIMEOUT, run_js, wait_applied
from tests.views.map.test_map_gestures import right_click
from tests.views.map.test_map_live import centre

NOW = datetime(2026, 11, 16, 9, 0)


def console(qtbot, street, make_window, start_pump):
    window = make_window()
    window.show()
    recorder, snapshot = start_pump(street, read_models=[
        map_read_model(RecurringRule()), ReadModel("board", load_board_view, load_board_changes)])
    window.on_loaded(snapshot)
    qtbot.waitUntil(lambda: {"map", "board"} <= set(recorder.views), timeout=PAGE_TIMEOUT)
    for name, data in recorder.views.items():
        window.board.on_view_loaded(name, data)
        window.on_view_loaded(name, data)
    qtbot.waitUntil(lambda: window.map.bridge.ready, timeout=PAGE_TIMEOUT)
    wait_applied(qtbot, window.map, 1)
    return window


def test_grid_click_filters_the_list_and_the_board(qtbot, street, make_window, start_pump):
    grids, cat = street.tiny.grids, category_id(street, "CG01")
    for code in ("A1", "A1", "B2"):
        lat, lon = centre(street, code)
        write_event(street, NOW, f"事件{code}", lat=lat, lon=lon, grid_id=grids[code], category_id=cat,
                    status=Status.REGISTERED)
    window = console(qtbot, street, make_window, start_pump)
    board_total = lambda: sum(shown for shown, _ in window.board.cards.counts().values())  # noqa: E731
    assert window.events.model.rowCount() == 3 and board_total() == 3

    run_js(qtbot, window.map, f"commandroomMap.grids.get({grids['A1']}).fire('click') && 1")
    qtbot.waitUntil(lambda: window.events.model.rowCount() == 2, timeout=PAGE_TIMEOUT)
    assert window.events.filters.place.currentData() == choice(GRID, grids["A1"])
    assert board_total() == 2 and "A社区1号院" in window.board.message.text()

    run_js(qtbot, window.map, f"commandroomMap.grids.get({grids['A1']}).fire('click') && 1")
    qtbot.waitUntil(lambda: window.events.model.rowCount() == 3, timeout=PAGE_TIMEOUT)
    assert board_total() == 3 and window.events.filters.place.currentData() is None


def test_right_click_places_the_report_being_registered(qtbot, street, make_window, start_pump):
    write_event(street, NOW, "无位置的来电", status=Status.RECEIVED)
    window = console(qtbot, street, make_window, start_pump)
    lat, lon = centre(street, "B1")
    right_click(qtbot, window.map, lat, lon)  # nothing being registered: told what to do
    qtbot.waitUntil(window.map.message.isVisible, timeout=PAGE_TIMEOUT)
    assert "立案" in window.map.message.text()

    with street.session() as s:
        [row] = load_queue(s, NOW, street_id=street.tiny.street_id)
    form = RegisterForm(row, (), (), window.calls)
    window.calls.form = form
    form.open()
    assert not form.isModal()  # the map must stay usable while the form is open
    right_click(qtbot, window.map, lat, lon)
    qtbot.waitUntil(lambda: form.point.text() == f"{lat:.6f}, {lon:.6f}", timeout=PAGE_TIMEOUT)
    assert form.grid.currentText() == "由坐标确定：B社区 / B社区1号院"
    form.reject()
