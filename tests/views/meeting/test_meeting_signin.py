"""The meeting signs in as the console does (no --user off a demo database), acts as the
signed-in user, does not take a shift over, and signs out as it closes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from commandroom import meeting_mode
from commandroom.config import Settings
from commandroom.models import EventLog
from commandroom.models.actor import Actor
from commandroom.models.commands import Commands
from commandroom.models.enums import Action, Role
from commandroom.views.admin.handover_dialogs import TakeOverDialog
from commandroom.views.admin.sign_in_dialog import SignInDialog
from commandroom.views.meeting.window import MeetingWindow
from tests.views.admin.conftest import PASSWORDS, room  # noqa: F401

WEEK = "2026-W47"


def test_user_on_the_command_line_only_on_a_demo(qapp, room, monkeypatch):  # noqa: F811
    from commandroom.cli import main

    monkeypatch.setattr(meeting_mode, "run_meeting", lambda *a, **k: pytest.fail("the meeting opened"))
    assert main(["meeting", "--db", room.url, "--user", "zhangwei"]) == 2


def test_no_sign_in_no_meeting(qapp, room, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setattr(meeting_mode, "default_ui_state_path", lambda: tmp_path / "ui.ini")
    monkeypatch.setattr(SignInDialog, "exec", lambda self: SignInDialog.DialogCode.Rejected)
    monkeypatch.setattr(MeetingWindow, "show", lambda self: pytest.fail("a window opened"))
    assert meeting_mode.run_meeting(Settings(db_url=room.url, console="meeting-room"), WEEK) == 0


def test_the_meeting_acts_as_the_signed_in_leader(qapp, room, tmp_path, monkeypatch):  # noqa: F811
    Commands(room, Actor("admin", Role.ADMIN, "setup")).add_user(
        login="liming", name="李明", role="shift_leader", password="li pass 1")
    seen = {}

    def sign_in(dialog):
        dialog.gate.sign_in("liming", "li pass 1")
        return SignInDialog.DialogCode.Accepted

    def look():
        try:
            window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MeetingWindow))
            seen.update(role=window.role, login=window.runner.worker.login, refusal=window.decision_refusal())
        finally:
            QApplication.instance().exit(0)

    monkeypatch.setattr(meeting_mode, "default_ui_state_path", lambda: tmp_path / "ui.ini")
    monkeypatch.setattr(SignInDialog, "exec", sign_in)
    monkeypatch.setattr(TakeOverDialog, "exec", lambda self: pytest.fail("the meeting took a shift over"))
    QTimer.singleShot(0, look)
    assert meeting_mode.run_meeting(Settings(db_url=room.url, console="meeting-room"), WEEK) == 0
    assert seen == {"role": Role.SHIFT_LEADER, "login": "liming", "refusal": None}
    with room.session() as s:
        rows = s.execute(select(EventLog.action, EventLog.actor, EventLog.console).where(
            EventLog.action.in_([Action.SIGN_IN, Action.SIGN_OUT]), EventLog.actor == "liming")).all()
    assert [tuple(r) for r in rows] == [(Action.SIGN_IN, "liming", "meeting-room"),
                                         (Action.SIGN_OUT, "liming", "meeting-room")]
