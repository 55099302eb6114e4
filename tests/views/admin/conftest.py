"""A SQLite street with an administrator, two officers with passwords, and a gate for console-1."""

from __future__ import annotations

import pytest

from commandroom.models.actor import Actor
from commandroom.models.clock import FrozenClock
from commandroom.models.commands import Commands
from commandroom.models.enums import Role
from commandroom.models.signin import SignInPolicy
from commandroom.services.shift_gate import GateOptions, ShiftGate
from tests import street_fixture
from tests.services.conftest import no_leaked_workers  # noqa: F401
from tests.views.conftest import NOW

PASSWORDS = {"admin": "admin pass 1", "zhangwei": "zhang pass 1", "wangfang": "wang pass 1"}


@pytest.fixture
def room(sqlite_db):
    tiny = street_fixture.build(sqlite_db)
    admin = Commands(sqlite_db, Actor("admin", Role.ADMIN, "setup"), FrozenClock(NOW), street_id=tiny.street_id)
    from commandroom.models.commands.users import first_admin

    first_admin(sqlite_db, login="admin", name="管理员", password=PASSWORDS["admin"], console="setup")
    admin.add_user(login="zhangwei", name="张伟", role="duty_officer", password=PASSWORDS["zhangwei"])
    admin.add_user(login="wangfang", name="王芳", role="duty_officer", password=PASSWORDS["wangfang"])
    admin.add_user(login="wall", name="大屏", role="display")
    sqlite_db.tiny = tiny
    sqlite_db.url = str(sqlite_db.engine.url)
    return sqlite_db


@pytest.fixture
def make_gate(room):
    def make(console="console-1", max_failures=5):
        return ShiftGate(room, GateOptions(console=console, street_id=room.tiny.street_id,
                                           policy=SignInPolicy(max_failures, 15)), FrozenClock(NOW))
    return make
