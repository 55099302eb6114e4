"""Dispatching on the board by dragging cards with the mouse, against a real database.

Each drag is real: pressed on a card, the lane view starts its own QDrag, and the platform's
drag delivers it to the widget under the pointer (``real_drag.py``; these run on Qt's "minimal"
platform, started by ``test_board_drag_runner.py``, since the offscreen one has no drag). The
commands go through the console's command runner, and the board changes only when the change
feed brings the change back.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from commandroom.models.enums import Lane, Status, UnitStatus
from commandroom.views.board.reason_dialog import ReasonDialog
from tests.views.board.conftest import (drop, lane_centre, newest_action, on_board, registered, select_cards,
                                        unit_point)
from tests.views.board.real_drag import ON_PLATFORM, PLATFORM

pytestmark = pytest.mark.skipif(not ON_PLATFORM, reason=f"a real drag needs the {PLATFORM} platform: "
                                "test_board_drag_runner.py runs this file there")


def _drag(board, ids, units, unit_name, ctrl=False):
    view = select_cards(board, ids)
    return drop(view, board.units_view, unit_point(board, unit_name, units), ctrl=ctrl)


def _answer_reason(qtbot, board, text):
    qtbot.waitUntil(lambda: board.findChild(ReasonDialog) is not None and board.findChild(ReasonDialog).isVisible())
    dialog = board.findChild(ReasonDialog)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()  # no reason yet
    dialog.reason.setEditText(text)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_dragging_a_card_onto_a_unit_dispatches_it(qtbot, console, board_db):
    board, units = console.window.board, board_db.tiny.units
    ref = registered(board_db)
    on_board(qtbot, board, ref.id, Lane.TO_DISPATCH)
    assert _drag(board, [ref.id], units, "综合执法中队")  # the unit showed it takes the drop
    card = on_board(qtbot, board, ref.id, Lane.TO_ACKNOWLEDGE)
    assert card.status == Status.DISPATCHED and card.lead_unit_name == "综合执法中队"
    assert [(p.unit_name, p.role.value, p.acknowledged) for p in card.parts] == [("综合执法中队", "lead", False)]
    assert board.message.text() == f"已派遣 {ref.code} 给「综合执法中队」"
    qtbot.waitUntil(lambda: board.units.unit(units["综合执法中队"]).open_load == 1)


def test_ctrl_drop_adds_an_assisting_unit(qtbot, console, board_db):
    board, units = console.window.board, board_db.tiny.units
    ref = registered(board_db, category="CG02")
    board_db.other.dispatch(ref.id, ref.version, lead_unit_id=units["综合执法中队"])
    on_board(qtbot, board, ref.id, Lane.TO_ACKNOWLEDGE)
    _drag(board, [ref.id], units, "环卫所", ctrl=True)
    qtbot.waitUntil(lambda: len(board.cards.cards[ref.id].parts) == 2)
    card = board.cards.cards[ref.id]
    assert [(p.unit_name, p.role.value) for p in card.parts] == [("综合执法中队", "lead"), ("环卫所", "assist")]
    assert card.lead_unit_name == "综合执法中队" and card.lane == Lane.TO_ACKNOWLEDGE
    assert "已增加「环卫所」协办" in board.message.text()


def test_dragging_from_one_unit_to_another_reassigns_with_a_reason(qtbot, console, board_db):
    board, units = console.window.board, board_db.tiny.units
    ref = registered(board_db, category="CG02")
    board_db.other.dispatch(ref.id, ref.version, lead_unit_id=units["综合执法中队"])
    on_board(qtbot, board, ref.id, Lane.TO_ACKNOWLEDGE)
    _drag(board, [ref.id], units, "环卫所")
    _answer_reason(qtbot, board, "不属于原单位职责")
    qtbot.waitUntil(lambda: board.cards.cards[ref.id].lead_unit_name == "环卫所")
    card = board.cards.cards[ref.id]
    assert card.transfer_count == 1 and [p.unit_name for p in card.parts] == ["环卫所"]
    assert newest_action(board_db, ref.id) == "reassign"  # one transfer, not a return and a dispatch


def test_dragging_back_to_dispatch_recalls_with_a_reason(qtbot, console, board_db):
    board, units = console.window.board, board_db.tiny.units
    ref = registered(board_db)
    board_db.other.dispatch(ref.id, ref.version, lead_unit_id=units["综合执法中队"])
    on_board(qtbot, board, ref.id, Lane.TO_ACKNOWLEDGE)
    view = select_cards(board, [ref.id])
    drop(view, board.lane_views[Lane.TO_DISPATCH], lane_centre(board, Lane.TO_DISPATCH))
    _answer_reason(qtbot, board, "派遣有误，重新派遣")
    card = on_board(qtbot, board, ref.id, Lane.TO_DISPATCH)
    assert card.status == Status.REGISTERED and card.parts == ()
    assert board.message.text() == f"已召回 {ref.code}，退回待派遣"


def test_several_selected_cards_are_dragged_at_once(qtbot, console, board_db):
    board, units = console.window.board, board_db.tiny.units
    refs = [registered(board_db, title=f"占道经营{n}") for n in range(3)]
    for ref in refs:
        on_board(qtbot, board, ref.id, Lane.TO_DISPATCH)
    _drag(board, [r.id for r in refs[:2]], units, "综合执法中队")
    for ref in refs[:2]:
        on_board(qtbot, board, ref.id, Lane.TO_ACKNOWLEDGE)
    assert board.cards.cards[refs[2].id].lane == Lane.TO_DISPATCH  # not selected, not moved


def test_an_off_duty_unit_refuses_the_drop_before_anything_is_sent(qtbot, console, board_db):
    board, units = console.window.board, board_db.tiny.units
    ref = registered(board_db)
    on_board(qtbot, board, ref.id, Lane.TO_DISPATCH)
    sent = []
    board.flow.sig_submitted.connect(sent.append)
    assert board.units.unit(units["市政所"]).status == UnitStatus.OFF_DUTY
    assert not _drag(board, [ref.id], units, "市政所")  # shown as refusing while hovering
    assert board.message.text() == "「市政所」当前离岗，不能接收事件；未发送任何命令"
    assert board.message.property("refusal") is True
    assert sent == []
    with board_db.session() as s:
        from commandroom.models import Event
        assert s.get(Event, ref.id).version == ref.version


def test_a_unit_that_does_not_handle_the_category_asks_first(qtbot, console, board_db):
    board, units = console.window.board, board_db.tiny.units
    ref = registered(board_db, category="CG01")  # 环卫所 answers for CG02 only
    on_board(qtbot, board, ref.id, Lane.TO_DISPATCH)
    sent = []
    board.flow.sig_submitted.connect(sent.append)

    def answer(button):
        qtbot.waitUntil(lambda: board.findChild(QMessageBox, "categoryConfirm") is not None)
        box = board.findChild(QMessageBox, "categoryConfirm")
        assert "「环卫所」不负责「占道经营」类事件" in box.text()
        box.button(button).click()
        qtbot.waitUntil(lambda: board.findChild(QMessageBox, "categoryConfirm") is None)

    _drag(board, [ref.id], units, "环卫所")
    answer(QMessageBox.StandardButton.No)
    assert sent == [] and board.message.text() == "已取消，未发送任何命令"
    _drag(board, [ref.id], units, "环卫所")
    answer(QMessageBox.StandardButton.Yes)
    assert on_board(qtbot, board, ref.id, Lane.TO_ACKNOWLEDGE).lead_unit_name == "环卫所"
    assert len(sent) == 1
