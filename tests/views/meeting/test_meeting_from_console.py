"""The meeting is also a mode of the console (视图 → 例会回放): last week's meeting window, acting
through the console's own command runner as its officer; closing the console closes it."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtGui import QAction

from commandroom.app import Console
from commandroom.config import Settings
from commandroom.models.clock import FrozenClock
from commandroom.models.enums import Role
from commandroom.models.week import week_of
from commandroom.views.meeting.window import MeetingWindow
from tests.views.admin.conftest import room  # noqa: F401
from tests.views.conftest import NOW


def test_the_console_opens_last_weeks_meeting_as_its_officer(qtbot, room, tmp_path):  # noqa: F811
    settings = Settings(db_url=room.url, user="zhangwei", console="console-1", feed_poll_ms=50)
    console = Console(room, settings, tmp_path / "console.ini", clock=FrozenClock(NOW))
    qtbot.addWidget(console.window)
    console.start((1600, 1000))
    console.window.findChild(QAction, "meetingAction").trigger()

    assert len(console.meetings) == 1
    meeting = console.meetings[0]
    assert isinstance(meeting.window, MeetingWindow) and meeting.window.isVisible()
    assert meeting.loader.week == week_of((NOW - timedelta(days=7)).date())
    assert meeting.window.runner is console.commands  # its decisions are the officer's commands
    assert meeting.window.role is Role.DUTY_OFFICER and meeting.window.decision_refusal()  # who may not decide watches
    qtbot.waitUntil(lambda: meeting.window.data is not None, timeout=20_000)

    console.window.close()
    qtbot.waitUntil(lambda: not console.meetings, timeout=10_000)  # closed with it, its loader stopped
