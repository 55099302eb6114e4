"""The board beside other consoles: the keyboard path, a conflict told in words, another
process's write on the board within a second, a unit's status changed from its card."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from commandroom.models.enums import Lane, Status, UnitStatus
from commandroom.views.board.unit_picker import UnitPicker
from tests.views.board.conftest import on_board, registered, select_cards


def _picker(qtbot, board):
    qtbot.waitUntil(lambda: board.findChild(UnitPicker) is not None and board.findChild(UnitPicker).isVisible())
    return board.findChild(UnitPicker)


def test_keyboard_path_d_initials_enter(qtbot, console, board_db):
    board = console.window.board
    ref = registered(board_db)
    on_board(qtbot, board, ref.id, Lane.TO_DISPATCH)
    view = select_cards(board, [ref.id])
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_D)
    picker = _picker(qtbot, board)
    qtbot.keyClicks(picker.query, "zhzf")  # 综合执法中队 by its pinyin initials
    assert picker.hits.item(0).text().startswith("综合执法中队")
    qtbot.keyClick(picker.query, Qt.Key.Key_Return)
    card = on_board(qtbot, board, ref.id, Lane.TO_ACKNOWLEDGE)
    assert card.lead_unit_name == "综合执法中队"


def test_keyboard_path_refuses_an_off_duty_unit_in_words(qtbot, console, board_db):
    board = console.window.board
    ref = registered(board_db)
    on_board(qtbot, board, ref.id, Lane.TO_DISPATCH)
    sent = []
    board.flow.sig_submitted.connect(sent.append)
    view = select_cards(board, [ref.id])
    qtbot.keyClick(view, Qt.Key.Key_D)
    picker = _picker(qtbot, board)
    qtbot.keyClicks(picker.query, "szs")  # 市政所, off duty
    qtbot.keyClick(picker.query, Qt.Key.Key_Return)
    assert board.message.text() == "「市政所」当前离岗，不能接收事件；未发送任何命令" and sent == []


def test_another_console_first_is_told_who_did_what(qtbot, console, board_db):
    """While our officer answers the category question, 李明 at console-2 dispatches the same
    event: our command goes out at the version we saw, and is refused as stale."""
    board, units = console.window.board, board_db.tiny.units
    ref = registered(board_db)  # 占道经营: 环卫所 does not answer for it, so we are asked
    on_board(qtbot, board, ref.id, Lane.TO_DISPATCH)
    qtbot.keyClick(select_cards(board, [ref.id]), Qt.Key.Key_D)  # the keyboard path (drags: test_board_drag)
    picker = _picker(qtbot, board)
    qtbot.keyClicks(picker.query, "hws")
    qtbot.keyClick(picker.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: board.findChild(QMessageBox, "categoryConfirm") is not None)
    board_db.other.dispatch(ref.id, ref.version, lead_unit_id=units["综合执法中队"])
    with qtbot.waitSignal(console.commands.sig_finished, timeout=10_000) as finished:
        board.findChild(QMessageBox, "categoryConfirm").button(QMessageBox.StandardButton.Yes).click()
    assert finished.args[0].refusal == "stale"
    qtbot.waitUntil(lambda: "李明（console-2）" in board.message.text(), timeout=5_000)
    text = board.message.text()
    assert text.startswith(f"事件 {ref.code} 已被他人修改")  # the refusal's own words …
    assert "李明（console-2）" in text and " 派遣，" in text  # … who did what, from which console
    assert "现为「已派遣」，主办 综合执法中队" in text and board.message.property("refusal") is True
    card = board.cards.cards[ref.id]  # and the board shows the true state
    assert card.lane == Lane.TO_ACKNOWLEDGE and card.lead_unit_name == "综合执法中队"


WRITER = textwrap.dedent("""
    import sys, time
    from commandroom.models.actor import Actor
    from commandroom.models.commands import Commands
    from commandroom.models.db import Database
    from commandroom.models.enums import Role

    db = Database(sys.argv[1])
    actor = Actor(login="liming", role=Role.DUTY_OFFICER, console="console-2", name="李明")
    Commands(db, actor).dispatch(int(sys.argv[2]), int(sys.argv[3]), lead_unit_id=int(sys.argv[4]))
    print(time.time())
""")


def test_another_process_write_is_on_the_board_within_a_second(qtbot, board_db, tmp_path):
    from commandroom.app import Console
    from commandroom.config import Settings

    ref = registered(board_db)
    # The console's own default poll (500 ms on SQLite; PostgreSQL is woken by NOTIFY).
    settings = Settings(db_url=board_db.url, user="duty", console="console-1")
    console = Console(board_db, settings, tmp_path / "console.ini")
    qtbot.addWidget(console.window)
    board = console.window.board
    try:
        with qtbot.waitSignal(board.sig_populated, timeout=10_000):
            console.start((1600, 1000))
        on_board(qtbot, board, ref.id, Lane.TO_DISPATCH)
        lead = board_db.tiny.units["综合执法中队"]
        seen = []  # when the card reached 待签收 on this board, stamped as it happens

        def arrived():
            if not seen and board.cards.cards[ref.id].lane == Lane.TO_ACKNOWLEDGE:
                seen.append(time.time())

        board.cards.sig_counts_changed.connect(arrived)
        writer = subprocess.Popen([sys.executable, "-c", WRITER, board_db.url, str(ref.id), str(ref.version), str(lead)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        qtbot.waitUntil(lambda: writer.poll() is not None and bool(seen), timeout=60_000)
        out, err = writer.communicate()
        assert writer.returncode == 0, err
        committed = float(out.strip())  # the writer's clock just after its commit
        assert seen[0] - committed < 1.0, f"the board showed it {seen[0] - committed:.2f} s after the commit"
        assert board.cards.cards[ref.id].status == Status.DISPATCHED
    finally:
        console.window.close()


def test_a_units_status_is_changed_from_its_card_by_a_command(qtbot, console, board_db):
    board, units = console.window.board, board_db.tiny.units
    unit = board.units.unit(units["环卫所"])
    menu = board.unit_actions.menu_for(unit.id)  # what right-clicking its card pops up
    assert [a.text() for a in menu.actions() if a.text()] == ["设为在岗", "设为繁忙", "设为离岗", "修改在岗人数…"]
    next(a for a in menu.actions() if a.text() == "设为离岗").trigger()
    qtbot.waitUntil(lambda: board.units.unit(unit.id).status == UnitStatus.OFF_DUTY)
    assert board.message.text() == "「环卫所」已设为离岗，在岗 5 人"
    from commandroom.models import EventLog
    from sqlalchemy import select
    with board_db.session() as s:
        assert s.scalar(select(EventLog.action).order_by(EventLog.id.desc()).limit(1)).value == "unit_status"


def test_people_on_duty_are_changed_from_its_card(qtbot, console, board_db):
    from PySide6.QtWidgets import QInputDialog

    board, units = console.window.board, board_db.tiny.units
    unit = board.units.unit(units["综合执法中队"])
    menu = board.unit_actions.menu_for(unit.id)
    next(a for a in menu.actions() if a.text() == "修改在岗人数…").trigger()
    qtbot.waitUntil(lambda: board.findChild(QInputDialog, "onDutyDialog") is not None)
    dialog = board.findChild(QInputDialog, "onDutyDialog")
    assert dialog.intValue() == 8
    dialog.setIntValue(3)
    dialog.accept()
    qtbot.waitUntil(lambda: board.units.unit(unit.id).on_duty == 3)
    assert board.units.unit(unit.id).status == UnitStatus.ON_DUTY
    assert board.message.text() == "「综合执法中队」已设为在岗，在岗 3 人"
