"""Which street a room serves, and the console's queries narrowed to it."""

from __future__ import annotations

import pytest

from commandroom.models.commands import Commands
from commandroom.models.enums import Source
from commandroom.models.errors import ConfigError, NotFoundError
from commandroom.models.queries import list_grids, load_rows, load_snapshot, street_name
from commandroom.models.streets import StreetInfo, resolve_street
from tests.street_fixture import build


def second(db):
    return build(db, code="370102006", abbr="QF", name="千佛山街道", origin=(117.05, 36.60))


def test_no_code_means_the_only_street_or_none(db):
    with db.session() as s:
        assert resolve_street(s) is None
    yaojia = build(db)
    with db.session() as s:
        assert resolve_street(s) == StreetInfo(yaojia.street_id, "370102005", "姚家街道", "YJ")
        assert resolve_street(s, "370102005").id == yaojia.street_id


def test_several_streets_need_a_code_and_a_known_one(db):
    build(db)
    qianfo = second(db)
    with db.session() as s:
        with pytest.raises(ConfigError, match="数据库中有 2 个街道：370102005 姚家街道、370102006 千佛山街道"):
            resolve_street(s)
        with pytest.raises(ConfigError, match="没有编码为 3701 的街道"):
            resolve_street(s, "3701")
        assert resolve_street(s, "370102006").id == qianfo.street_id


def test_queries_and_commands_keep_to_their_street(db, officer, clock):
    yaojia, qianfo = build(db), second(db)
    ours = Commands(db, officer, clock, street_id=yaojia.street_id)
    theirs = Commands(db, officer, clock, street_id=qianfo.street_id)
    mine = ours.receive(source=Source.WALK_IN, title="姚家")
    other = theirs.receive(source=Source.WALK_IN, title="千佛山")
    with db.session() as s:
        assert [r.id for r in load_rows(s, [mine.id, other.id], clock.now(), yaojia.street_id)] == [mine.id]
        snapshot = load_snapshot(s, clock.now(), 7, "duty", qianfo.street_id)
        assert [r.id for r in snapshot.rows] == [other.id] and snapshot.street_name == "千佛山街道"
        assert {g.id for g in snapshot.grids} == {qianfo.grids[c] for c in ("S-1-A", "S-1-B", "A1", "A2", "B1", "B2")}
        assert street_name(s, yaojia.street_id) == "姚家街道"
        assert len(list_grids(s)) == 12  # with no street: the whole district
    with pytest.raises(NotFoundError, match=f"#{other.id}"):
        ours.reject(other.id, other.version, reason="不是本街道的事")
