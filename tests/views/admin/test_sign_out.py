"""文件 → 交班签退 on a running console: the handover is written, the window closes, and the
sign-out is logged once."""

from __future__ import annotations

from PySide6.QtGui import QAction
from sqlalchemy import select

from commandroom.app import Console
from commandroom.app_signin import attach
from commandroom.config import Settings
from commandroom.models import EventLog
from commandroom.models.enums import Action
from commandroom.views.admin.handover_dialogs import HandOverDialog
from tests.views.admin.conftest import PASSWORDS


def test_the_officer_hands_over_from_the_file_menu(qtbot, room, tmp_path, monkeypatch, make_gate):
    gate = make_gate()
    gate.sign_in("zhangwei", PASSWORDS["zhangwei"])
    settings = Settings(db_url=room.url, user="zhangwei", console="console-1", feed_poll_ms=50)
    console = Console(room, settings, tmp_path / "console.ini")
    qtbot.addWidget(console.window)
    attach(console, gate)
    console.start((1280, 800))
    action = console.window.findChild(QAction, "signOutAction")
    assert action.text() == "交班签退(&O)…"

    def exec_(dialog):
        dialog.note.setPlainText("无特别事项")
        dialog.hand_over()
        return HandOverDialog.DialogCode.Accepted

    monkeypatch.setattr(HandOverDialog, "exec", exec_)
    action.trigger()
    qtbot.waitUntil(lambda: not console.window.isVisible())
    assert not console.feed.is_running()
    with room.session() as s:
        actions = list(s.scalars(select(EventLog.action).where(EventLog.event_id.is_(None)).order_by(EventLog.id)))
    assert actions[-3:] == [Action.SIGN_IN, Action.HANDOVER, Action.SIGN_OUT]
    assert actions.count(Action.SIGN_OUT) == 1
