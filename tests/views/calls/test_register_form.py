"""The register form: location by grid, address or point, and the description, prefilled from
the report; a point set from outside (the map) through ``set_point``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from commandroom.models import Event, Grid
from commandroom.models.enums import Status
from commandroom.views.calls.register_form import BY_POINT
from tests.views.calls.test_call_queue import press, status_of, wait_form


def _open_form(qtbot, open_console, ref):
    console = open_console()
    calls = console.window.calls
    assert calls.current_row().id == ref.id
    press(qtbot, calls.table, Qt.Key.Key_R)
    return calls, wait_form(qtbot, calls, "registerForm")


def _where(db, event_id):
    with db.session() as s:
        e = s.get(Event, event_id)
        return s.scalar(select(Grid.name).where(Grid.id == e.grid_id)), e.lat, e.lon, e.description, e.address


def test_a_report_without_a_point_is_registered_by_grid_with_its_description(qtbot, open_console, receive,
                                                                             sqlite_street):
    ref = receive(title="路口占道经营", description="早市摊贩", address="姚家路12号")
    calls, form = _open_form(qtbot, open_console, ref)
    assert form.description.toPlainText() == "早市摊贩" and form.address.text() == "姚家路12号"
    assert form.grid.currentData() == BY_POINT and form.point.text() == ""
    form.picker.edit.setText("CG01")
    press(qtbot, form.picker.edit, Qt.Key.Key_Return)
    assert form.isVisible() and form.problem.text() == "请选择所在网格，或填写坐标"  # nothing lost
    form.grid.setEditText("B社区2")  # as typed (its completer's popup aside): part of its name is enough
    form.description.setFocus()
    form.description.moveCursor(form.description.textCursor().MoveOperation.End)
    form.description.insertPlainText("，约十个摊位")
    press(qtbot, form.description, Qt.Key.Key_Return)  # Enter saves from the description too
    qtbot.waitUntil(lambda: status_of(sqlite_street, ref.id) == Status.REGISTERED, timeout=5_000)
    assert _where(sqlite_street, ref.id) == ("B社区2号院", None, None, "早市摊贩，约十个摊位", "姚家路12号")


def test_the_reports_grid_is_prefilled_and_a_point_from_the_map_decides_the_grid(qtbot, open_console, receive,
                                                                                sqlite_street):
    lat, lon = sqlite_street.tiny.inside
    ref = receive(title="井盖缺失", lat=lat, lon=lon)
    calls, form = _open_form(qtbot, open_console, ref)
    assert form.grid.currentText() == "A社区 / A社区1号院"
    assert form.arguments().keys() == {"category_code", "priority"}  # unchanged: nothing replaced
    moved = (lat + 0.01, lon + 0.01)  # the map's right-click: a point in another courtyard
    form.set_point(*moved)
    assert form.grid.currentData() == BY_POINT and form.point.text() == f"{moved[0]:.6f}, {moved[1]:.6f}"
    form.picker.edit.setText("CG01")
    form.ok.click()
    qtbot.waitUntil(lambda: status_of(sqlite_street, ref.id) == Status.REGISTERED, timeout=5_000)
    name, got_lat, got_lon, _, _ = _where(sqlite_street, ref.id)
    assert name != "A社区1号院" and (round(got_lat, 6), round(got_lon, 6)) == (round(moved[0], 6), round(moved[1], 6))


def test_a_grid_that_disagrees_with_the_point_is_refused_in_words_and_the_report_stays(qtbot, open_console,
                                                                                      receive, sqlite_street):
    lat, lon = sqlite_street.tiny.inside
    ref = receive(title="井盖缺失", lat=lat, lon=lon)
    calls, form = _open_form(qtbot, open_console, ref)
    form.point.setText(f"{lat + 0.0001:.6f}, {lon:.6f}")  # still in A1
    form.grid.setCurrentIndex(form.grid.findText("B社区 / B社区2号院"))
    form.picker.edit.setText("CG01")
    form.ok.click()
    qtbot.waitUntil(lambda: "与所选网格「B社区2号院」不一致" in calls.banner.text(), timeout=5_000)
    assert status_of(sqlite_street, ref.id) == Status.RECEIVED
