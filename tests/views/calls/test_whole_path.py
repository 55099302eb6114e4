"""The whole path through the widgets of two real consoles on one SQLite street: a report rings
in, the officer takes and registers it in the queue (R, Enter), dispatches it on the board (D,
the unit's initials, Enter), and walks it through the detail's buttons (acknowledge for the unit
that phoned in, start, resolve, verify); the shift leader closes and evaluates it from the
detail of their own console. Every step is a command through the runner; every state seen is
the one the change feed brought back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import insert, select

from commandroom.app import Console
from commandroom.config import Settings
from commandroom.models import Category, Event, User
from commandroom.models.enums import Action, Role, Status
from commandroom.models.org import unit_category
from tests.views.calls.test_call_queue import press as key, status_of, wait_form
from tests.views.detail.test_detail_console import fill, press, select_in_list


def test_report_to_evaluated_through_the_queue_the_board_and_the_detail(qtbot, open_console, receive,
                                                                       sqlite_street, tmp_path):
    units = sqlite_street.tiny.units
    with sqlite_street.session() as s:  # 综合执法中队 answers for 占道经营; 李明 leads the shift
        cg01 = s.scalar(select(Category.id).where(Category.code == "CG01"))
        s.execute(insert(unit_category), [{"unit_id": units["综合执法中队"], "category_id": cg01}])
        s.add(User(login="leader", name="李明", role=Role.SHIFT_LEADER))
    lat, lon = sqlite_street.tiny.inside
    ref = receive(title="燕翔路占道经营", lat=lat, lon=lon)

    officer = open_console()
    calls, board = officer.window.calls, officer.window.board
    assert calls.current_row().id == ref.id  # the ringing report, ready for R
    key(qtbot, calls.table, Qt.Key.Key_R)  # take, then the form
    form = wait_form(qtbot, calls, "registerForm")
    form.picker.edit.setText("CG01")
    key(qtbot, form.picker.edit, Qt.Key.Key_Return)  # register
    key(qtbot, calls.table, Qt.Key.Key_D)  # dispatch on the board
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit)
                    and QApplication.focusWidget().objectName() == "unitQuery", timeout=10_000)
    qtbot.keyClicks(QApplication.focusWidget(), "zhzf")
    key(qtbot, QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ref.id in board.cards.cards and board.cards.cards[ref.id].status == Status.DISPATCHED,
                    timeout=5_000)

    select_in_list(qtbot, officer, ref.id)  # the detail's buttons for the rest of the unit's part
    press(qtbot, officer, Action.ACKNOWLEDGE, then=Status.ACKNOWLEDGED)
    press(qtbot, officer, Action.START, then=Status.IN_PROGRESS)
    press(qtbot, officer, Action.RESOLVE, fill({"note": "已劝离摊贩，路面清理完毕"}), then=Status.RESOLVED)
    press(qtbot, officer, Action.VERIFY, fill({"note": "网格员现场核实"}), then=Status.VERIFIED)
    qtbot.waitUntil(lambda: board.cards.cards[ref.id].status == Status.VERIFIED, timeout=5_000)  # 待结案
    officer.window.close()

    settings = Settings(db_url=sqlite_street.url, user="leader", console="console-9", feed_poll_ms=50)
    leader = Console(sqlite_street, settings, tmp_path / "leader.ini")
    qtbot.addWidget(leader.window)
    try:
        with qtbot.waitSignal(leader.window.events.sig_populated, timeout=10_000):
            leader.start((1600, 900))
        select_in_list(qtbot, leader, ref.id)
        press(qtbot, leader, Action.CLOSE, then=Status.CLOSED)
        press(qtbot, leader, Action.EVALUATE, fill({"satisfaction": "satisfied"}), then=Status.EVALUATED)
        qtbot.waitUntil(lambda: ref.id not in leader.window.board.cards.cards, timeout=5_000)  # off the board
    finally:
        leader.window.close()
    assert status_of(sqlite_street, ref.id) == Status.EVALUATED
    with sqlite_street.session() as s:
        event = s.get(Event, ref.id)
        assert (event.lead_unit_id, event.taken_console) == (units["综合执法中队"], "")
