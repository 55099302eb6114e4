"""One street per room: two streets in ONE PostgreSQL database, a console (feed pump and command
runner) for each, and neither ever sees, nor can touch, the other's events."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from commandroom.models.db import Database
from commandroom.models.enums import Source
from commandroom.models.measures import compute
from commandroom.services.command_request import CommandRequest, Refusal
from commandroom.services.command_runner import CommandRunner
from tests.services.seed import seed_street
from tests.services.test_command_runner import give
from tests.street_fixture import build

pytestmark = pytest.mark.postgres


@pytest.fixture
def district(pg_server):
    db = Database(pg_server.create_database(f"t_{uuid.uuid4().hex[:12]}"))
    yaojia = seed_street(db)
    qianfo = build(db, code="370102006", abbr="QF", name="千佛山街道", origin=(117.05, 36.60))
    yield db, yaojia, qianfo
    db.dispose()


class Room:
    """One street's console without its window: the feed pump and the command runner."""

    def __init__(self, qtbot, start_pump, db, street, clock):
        self.street = street
        self.feed, self.snapshot = start_pump(db, street_id=street.street_id)
        self.entries = []
        self.feed.sig_entries.connect(self.entries.extend)
        self.runner = CommandRunner(db, login="duty", console=f"console-{street.street_id}",
                                    street_id=street.street_id, lang="zh_CN", clock=clock)
        self.runner.start()
        self.qtbot = qtbot

    def receive(self, title: str):
        lat, lon = self.street.inside
        outcome = give(self.qtbot, self.runner, CommandRequest.new(
            "receive", source=Source.GRID_PATROL, title=title, lat=lat, lon=lon))
        assert outcome.ok, outcome.message
        return outcome.ref


@pytest.fixture
def rooms(qtbot, district, start_pump, clock):
    db, yaojia, qianfo = district
    made = [Room(qtbot, start_pump, db, street, clock) for street in (yaojia, qianfo)]
    yield made
    for room in made:
        assert room.runner.stop()


def test_two_consoles_never_see_each_others_events(qtbot, district, rooms, start_pump):
    db, yaojia, qianfo = district
    a, b = rooms
    assert a.snapshot.street_name == "姚家街道" and b.snapshot.street_name == "千佛山街道"
    assert {g.id for g in a.snapshot.grids}.isdisjoint({g.id for g in b.snapshot.grids})

    b1 = b.receive("千佛山路灯不亮")
    a1 = a.receive("姚家井盖缺失")
    b2 = b.receive("千佛山占道经营")
    assert (a1.code[:2], b1.code[:2]) == ("YJ", "QF")
    # Each feed has read past the other street's rows by the time its own later row arrives.
    qtbot.waitUntil(lambda: a1.id in a.feed.rows and b2.id in b.feed.rows, timeout=10_000)
    assert set(a.feed.rows) == {a1.id}
    assert set(b.feed.rows) == {b1.id, b2.id}
    assert {e.event_id for e in a.entries} == {a1.id}
    assert {e.street_id for e in b.entries} == {qianfo.street_id}

    # A console opening now loads its own street only.
    _, snapshot = start_pump(db, street_id=yaojia.street_id)
    assert [row.id for row in snapshot.rows] == [a1.id]

    # The measures of each street count its own events.
    with db.session() as s:
        counts = [compute(s, date(2026, 11, 16), date(2026, 11, 16), street_id=street.street_id)[0].received
                  for street in (yaojia, qianfo)]
    assert counts == [1, 2]


def test_a_console_cannot_touch_another_streets_event_or_unit(qtbot, district, rooms):
    _db, _yaojia, qianfo = district
    a, b = rooms
    theirs = b.receive("千佛山井盖缺失")
    outcome = give(qtbot, a.runner, CommandRequest.on("register", theirs.id, theirs.version,
                                                      category_code="CG01"))
    assert outcome.refusal == Refusal.NOT_FOUND and f"#{theirs.id}" in outcome.message

    ours = a.receive("姚家占道经营")
    registered = give(qtbot, a.runner, CommandRequest.on("register", ours.id, ours.version,
                                                         category_code="CG01"))
    assert registered.ok, registered.message
    their_unit = qianfo.units["综合执法中队"]
    outcome = give(qtbot, a.runner, CommandRequest.on("dispatch", ours.id, registered.ref.version,
                                                      lead_unit_id=their_unit))
    assert outcome.refusal == Refusal.NOT_FOUND and f"#{their_unit}" in outcome.message

    # A point in the other street is outside this street's grids: refused, never snapped.
    lat, lon = qianfo.inside
    outcome = give(qtbot, a.runner, CommandRequest.new("receive", source=Source.WALK_IN,
                                                       title="越界", lat=lat, lon=lon))
    assert outcome.refusal == Refusal.INVALID and "不在本街道" in outcome.message
