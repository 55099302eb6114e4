"""D pressed at once after 立案 (Enter): the register command may still be running and the new
event's card not yet on the board. D must neither be refused nor lost: the unit picker opens
for the new event as soon as both have happened."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import insert, select

from commandroom.models import Category
from commandroom.models.enums import Status
from commandroom.models.org import unit_category
from tests.views.calls.test_call_queue import press, status_of, wait_form


def _picker_open(board) -> bool:
    focus = QApplication.focusWidget()
    return isinstance(focus, QLineEdit) and focus.objectName() == "unitQuery"


@pytest.mark.parametrize("poll_ms", [50, 900], ids=["quick feed", "slow feed"])
def test_d_right_after_enter_opens_the_picker_for_the_new_event(qtbot, open_console, receive, sqlite_street,
                                                                 poll_ms):
    with sqlite_street.session() as s:  # 综合执法中队 answers for 占道经营: no confirmation to give
        cg01 = s.scalar(select(Category.id).where(Category.code == "CG01"))
        s.execute(insert(unit_category), [{"unit_id": sqlite_street.tiny.units["综合执法中队"], "category_id": cg01}])
    lat, lon = sqlite_street.tiny.inside
    ref = receive(title="小区门口垃圾堆放", lat=lat, lon=lon)
    console = open_console(poll_ms=poll_ms)
    calls, board = console.window.calls, console.window.board
    assert calls.current_row().id == ref.id
    press(qtbot, calls.table, Qt.Key.Key_R)
    form = wait_form(qtbot, calls, "registerForm")
    form.picker.edit.setText("CG01")
    press(qtbot, form.picker.edit, Qt.Key.Key_Return)
    press(qtbot, calls.table, Qt.Key.Key_D)  # no wait at all: the command is on its way
    assert ref.id not in board.cards.cards  # the race this test is about
    assert "报告须先立案" not in calls.banner.text()
    qtbot.waitUntil(lambda: _picker_open(board), timeout=5_000)
    assert board.selected_ids() == [ref.id]
    assert status_of(sqlite_street, ref.id) == Status.REGISTERED
    query = QApplication.focusWidget()
    qtbot.keyClicks(query, "zhzf")  # 综合执法中队
    press(qtbot, query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: status_of(sqlite_street, ref.id) == Status.DISPATCHED, timeout=5_000)


def test_d_before_any_register_is_still_refused_in_words(qtbot, open_console, receive):
    receive()
    console = open_console()
    calls = console.window.calls
    press(qtbot, calls.table, Qt.Key.Key_D)
    assert calls.banner.text() == "报告须先立案，才能派遣（R 立案后按 D）"
