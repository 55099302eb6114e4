"""Consoles as composed by the application: each gives its commands through its runner, signs
its log rows with its own name, and shows its own street only — two rooms, one PostgreSQL
database."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from commandroom.app import Console
from commandroom.config import Settings
from commandroom.models import EventLog
from commandroom.models.db import Database
from commandroom.models.enums import Source
from commandroom.services.command_request import CommandRequest
from tests.services.seed import seed_street
from tests.street_fixture import build


@pytest.fixture
def open_console(qtbot, tmp_path, clock):
    consoles = []

    def open_(db, **settings):
        console = Console(db, Settings(db_url=db.url, feed_poll_ms=50, **settings),
                          tmp_path / f"console{len(consoles)}.ini", clock=clock)
        consoles.append(console)
        qtbot.addWidget(console.window)
        with qtbot.waitSignal(console.window.events.sig_populated, timeout=10_000):
            console.start((1280, 800))
        return console

    yield open_
    for console in consoles:
        console.window.close()  # stops the feed and the command runner
        assert not console.feed.is_running()


def give(qtbot, console, title):
    request = CommandRequest.new("receive", source=Source.WALK_IN, title=title)
    with qtbot.waitSignal(console.commands.sig_finished, timeout=10_000,
                          check_params_cb=lambda o: o.request_id == request.id) as done:
        console.commands.submit(request)
    outcome = done.args[0]
    assert outcome.ok, outcome.message
    return outcome.ref


def shown(console) -> set[int]:
    return set(console.window.events.model.ids())


def test_a_command_from_the_console_is_signed_with_its_name_and_shown(qtbot, street_db, open_console):
    console = open_console(street_db, console="大厅-1号台")
    ref = give(qtbot, console, "电梯困人")
    qtbot.waitUntil(lambda: ref.id in shown(console), timeout=10_000)
    with street_db.session() as s:
        assert s.execute(select(EventLog.actor, EventLog.console)).all() == [("duty", "大厅-1号台")]


@pytest.mark.postgres
def test_two_rooms_on_one_database_never_see_each_other(qtbot, pg_server, open_console):
    db = Database(pg_server.create_database(f"t_{uuid.uuid4().hex[:12]}"))
    try:
        seed_street(db)
        build(db, code="370102006", abbr="QF", name="千佛山街道", origin=(117.05, 36.60))
        yaojia = open_console(db, street="370102005", console="姚家-1")
        qianfo = open_console(db, street="370102006", console="千佛山-1")
        assert "姚家街道" in yaojia.window.windowTitle() and "千佛山街道" in qianfo.window.windowTitle()

        theirs = give(qtbot, qianfo, "千佛山路灯不亮")
        ours = give(qtbot, yaojia, "姚家井盖缺失")
        last = give(qtbot, qianfo, "千佛山占道经营")
        qtbot.waitUntil(lambda: ours.id in shown(yaojia) and last.id in shown(qianfo), timeout=10_000)
        assert shown(yaojia) == {ours.id}
        assert shown(qianfo) == {theirs.id, last.id}
        with db.session() as s:
            signed = dict(s.execute(select(EventLog.event_id, EventLog.console)).all())
        assert signed == {theirs.id: "千佛山-1", ours.id: "姚家-1", last.id: "千佛山-1"}
    finally:
        db.dispose()
