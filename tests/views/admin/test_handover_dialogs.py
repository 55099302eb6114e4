"""交接班 through the dialogs: the outgoing officer's items listed, the note saved and signed out;
the next officer sees the note and acknowledges it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from commandroom.models import EventLog
from commandroom.models.actor import Actor
from commandroom.models.commands import Commands
from commandroom.models.enums import Action, Role, Source
from commandroom.views.admin.handover_dialogs import HandOverDialog, TakeOverDialog
from tests.views.admin.conftest import PASSWORDS


def test_handover_round_trip_through_the_dialogs(qtbot, room, make_gate):
    out_gate = make_gate()
    out_gate.sign_in("zhangwei", PASSWORDS["zhangwei"])
    officer = Commands(room, Actor("zhangwei", Role.DUTY_OFFICER, "console-1"), out_gate.clock,
                       street_id=room.tiny.street_id)
    taken = officer.receive(source=Source.HOTLINE_12345, title="楼道堆物")
    officer.take(taken.id, taken.version)

    dialog = HandOverDialog(out_gate)
    qtbot.addWidget(dialog)
    taken_heading = dialog.items.topLevelItem(0)
    assert taken_heading.text(0) == "已接手未处理的来电（1）"
    assert taken_heading.child(0).text(0) == taken.code and taken_heading.child(0).text(1) == "楼道堆物"
    assert dialog.items.topLevelItem(2).text(0) == "未解除的督办提醒（0）"
    dialog.note.setPlainText("楼道堆物一件已接手，请继续联系物业")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    out_gate.sign_out()  # the window closing afterwards: already signed out, nothing more

    in_gate = make_gate()
    in_gate.sign_in("wangfang", PASSWORDS["wangfang"])
    note = in_gate.pending_handover()
    take_over = TakeOverDialog(in_gate, note)
    qtbot.addWidget(take_over)
    assert take_over.findChild(type(dialog.note), "takeOverNote").toPlainText() == "楼道堆物一件已接手，请继续联系物业"
    with qtbot.waitSignal(take_over.accepted):
        qtbot.mouseClick(take_over.ok, Qt.MouseButton.LeftButton)
    assert in_gate.pending_handover() is None
    with room.session() as s:
        log = [(r.action, r.actor) for r in s.scalars(select(EventLog).where(EventLog.event_id.is_(None))
                                                       .order_by(EventLog.id))][-5:]
    assert log == [(Action.SIGN_IN, "zhangwei"), (Action.HANDOVER, "zhangwei"), (Action.SIGN_OUT, "zhangwei"),
                   (Action.SIGN_IN, "wangfang"), (Action.ACKNOWLEDGE_HANDOVER, "wangfang")]


def test_the_administrator_signs_out_without_a_handover(room, make_gate):
    gate = make_gate()
    gate.sign_in("admin", PASSWORDS["admin"])
    assert not gate.hands_over and gate.pending_handover() is None
    gate.sign_out()
    gate.sign_out()
    with room.session() as s:
        assert s.scalars(select(EventLog.action).where(EventLog.action == Action.SIGN_OUT)).all() == [Action.SIGN_OUT]
