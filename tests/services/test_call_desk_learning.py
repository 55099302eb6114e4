"""The call desk's category suggester learns each 立案 from the change feed, incrementally: a
category it had never seen is suggested for the next report that reads like it, without
retraining from the table."""

from __future__ import annotations

from commandroom.models.actor import Actor
from commandroom.models.changefeed import read_since
from commandroom.models.commands import Commands
from commandroom.models.enums import Role, Source
from commandroom.services.call_desk import CallDesk
from tests.services.seed import OFFICER, seed_street

OTHER = Actor(login="lina", role=Role.DUTY_OFFICER, console="console-2", name="李娜")


def _report(commands, title):
    lat, lon = commands.inside
    return commands.receive(source=Source.HOTLINE_12345, title=title, reporter_name="王先生",
                            reporter_phone="13812341234", lat=lat, lon=lon)


def _advice(desk, event_id):
    got = []
    desk.sig_advice.connect(got.append)
    desk.advise(event_id)  # called in this thread: the answer is emitted at once
    desk.sig_advice.disconnect(got.append)
    return got[0]


def _street(db):
    """The tiny street, another console's commands on it, and the desk of console-1."""
    from commandroom.models import User

    tiny = seed_street(db)
    with db.session() as s:
        s.add(User(login=OTHER.login, name=OTHER.name, role=OTHER.role))
    other = Commands(db, OTHER)
    other.inside = tiny.inside
    return other, CallDesk(db, login=OFFICER.login, console=OFFICER.console, street_id=tiny.street_id)


def test_a_registered_event_teaches_the_suggester_through_the_feed(sqlite_db):
    other, desk = _street(sqlite_db)
    for title in ("路口占道经营摆摊", "商铺门前占道经营"):  # the history knows 占道经营 only
        ref = _report(other, title)
        other.register(ref.id, ref.version, category_code="CG01")
    first = _report(other, "楼顶违章搭建彩钢房")
    assert [c.code for c in _advice(desk, first.id).categories] == ["CG01"]  # all it knows
    trained = desk._suggester
    with sqlite_db.session() as s:
        seen = max(e.id for e in read_since(s, 0))

    other.register(first.id, first.version, category_code="CG02")  # 违章搭建: new to it
    with sqlite_db.session() as s:
        desk.learn(read_since(s, seen))
    assert desk.learnt == 1 and desk._suggester is trained and trained.size == 3  # added, not retrained

    second = _report(other, "邻居楼顶违章搭建")
    assert _advice(desk, second.id).categories[0].code == "CG02"


def test_feed_rows_before_the_training_are_not_counted_twice(sqlite_db):
    other, desk = _street(sqlite_db)
    ref = _report(other, "路口占道经营摆摊")
    other.register(ref.id, ref.version, category_code="CG01")
    with sqlite_db.session() as s:
        desk.learn(read_since(s, 0))  # not trained yet: nothing to teach
    assert desk._suggester is None
    _advice(desk, _report(other, "占道").id)
    with sqlite_db.session() as s:
        desk.learn(read_since(s, 0))  # the feed replays rows the training already read
    assert desk.learnt == 0 and desk._suggester.size == 1
