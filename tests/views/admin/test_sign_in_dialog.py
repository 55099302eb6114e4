"""The sign-in dialog on a real database: right, wrong, locked, disabled; the last user filled
in; the first administrator; the wall and a demo's --user without a dialog."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from commandroom import app_signin
from commandroom.config import Settings
from commandroom.models import EventLog, Street
from commandroom.models.enums import Action
from commandroom.views.admin.first_admin_dialog import FirstAdminDialog
from commandroom.views.admin.sign_in_dialog import SignInDialog
from tests import street_fixture
from tests.views.admin.conftest import PASSWORDS


def type_in(qtbot, dialog, login, password):
    dialog.login.setEditText(login)
    dialog.password.setText(password)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)


def test_the_right_password_signs_in(qtbot, make_gate):
    gate = make_gate()
    dialog = SignInDialog(gate, street_name="姚家街道", last_login="zhangwei")
    qtbot.addWidget(dialog)
    assert dialog.login.currentText() == "zhangwei"
    assert sorted(dialog.login.itemText(i) for i in range(dialog.login.count())) == ["admin", "wangfang", "zhangwei"]
    with qtbot.waitSignal(dialog.accepted):
        type_in(qtbot, dialog, "zhangwei", PASSWORDS["zhangwei"])
    assert gate.actor.login == "zhangwei" and dialog.signed_in_login == "zhangwei"


def test_a_wrong_password_stays_open_and_says_how_many_tries_are_left(qtbot, make_gate):
    gate = make_gate(max_failures=3)
    dialog = SignInDialog(gate)
    qtbot.addWidget(dialog)
    dialog.show()
    type_in(qtbot, dialog, "zhangwei", "not it at all")
    assert dialog.isVisible() and gate.actor is None
    assert dialog.error.text() == "用户名或密码错误（再错 2 次将锁定账户）"
    assert dialog.password.text() == ""
    type_in(qtbot, dialog, "zhangwei", "not it at all")
    type_in(qtbot, dialog, "zhangwei", "not it at all")
    assert "账户已锁定至" in dialog.error.text()
    type_in(qtbot, dialog, "zhangwei", PASSWORDS["zhangwei"])
    assert gate.actor is None and "锁定" in dialog.error.text()


def test_a_disabled_user_is_told_so(qtbot, room, make_gate):
    from commandroom.models.actor import Actor
    from commandroom.models.commands import Commands
    from commandroom.models.enums import Role

    Commands(room, Actor("admin", Role.ADMIN, "c")).disable_user(login="wangfang")
    dialog = SignInDialog(make_gate())
    qtbot.addWidget(dialog)
    type_in(qtbot, dialog, "wangfang", PASSWORDS["wangfang"])
    assert dialog.error.text() == "该账户已停用，请联系管理员"


def test_the_first_administrator(qtbot, sqlite_db):
    from commandroom.services.shift_gate import GateOptions, ShiftGate

    street_fixture.build(sqlite_db)
    gate = ShiftGate(sqlite_db, GateOptions(console="c1", street_id=None))
    assert gate.needs_first_admin()
    dialog = FirstAdminDialog(gate)
    qtbot.addWidget(dialog)
    dialog.name.setText("赵主任")
    dialog.password.setText("a good one 1")
    dialog.again.setText("a good one 2")
    dialog.create()
    assert dialog.error.text() == "两次输入的密码不一致" and gate.needs_first_admin()
    dialog.again.setText("a good one 1")
    with qtbot.waitSignal(dialog.accepted):
        dialog.create()
    assert gate.actor.login == "admin" and not gate.needs_first_admin()


def test_the_wall_signs_in_without_a_dialog(qapp, room, tmp_path, monkeypatch):
    monkeypatch.setattr(SignInDialog, "exec", lambda self: pytest.fail("a dialog was shown"))
    settings = Settings(db_url=room.url, console="wall-1", wall_login="wall")
    signed, gate = app_signin.sign_in(room, settings, user_given=False, ui_state_path=tmp_path / "c.ini")
    assert signed.user == "wall" and not gate.hands_over
    with room.session() as s:
        row = s.scalars(select(EventLog).where(EventLog.action == Action.SIGN_IN)).one()
    assert (row.actor, row.console, row.payload["info"]) == ("wall", "wall-1", {"method": "wall"})


def test_user_on_the_command_line_only_on_a_demo(qapp, room, tmp_path, monkeypatch):
    from commandroom.cli import main

    monkeypatch.setattr(app_signin, "sign_in", lambda *a, **k: pytest.fail("the console opened"))
    assert main(["--db", room.url, "--user", "zhangwei"]) == 2
    with room.session() as s:
        s.scalars(select(Street)).one().demo = True
    settings = Settings(db_url=room.url, user="zhangwei")
    monkeypatch.undo()
    signed, _ = app_signin.sign_in(room, settings, user_given=True, ui_state_path=tmp_path / "c.ini")
    assert signed.user == "zhangwei"


def test_the_last_user_is_remembered(qapp, room, tmp_path, monkeypatch):
    seen = []

    def exec_(dialog):
        seen.append(dialog.login.currentText())
        dialog.gate.sign_in("wangfang", PASSWORDS["wangfang"])
        return SignInDialog.DialogCode.Accepted

    monkeypatch.setattr(SignInDialog, "exec", exec_)
    settings = replace(Settings(db_url=room.url), console="console-1")
    for _ in range(2):
        signed, gate = app_signin.sign_in(room, settings, user_given=False, ui_state_path=tmp_path / "c.ini")
        gate.sign_out()
    assert seen == ["", "wangfang"] and signed.user == "wangfang"
