"""Duplicate candidates on hand-built cases: a near duplicate ranks first; a far, old,
unrelated, closed, later or other street's event does not."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from commandroom.models.duplicates import (
    Earlier, Reason, Report, Rules, category_classes, duplicate_candidates, haversine_m, rank)
from commandroom.models.enums import Status
from commandroom.models.suggest import CategorySuggester
from tests import street_fixture
from tests.history_fixture import background, categories, event

NOW = datetime(2026, 11, 16, 9, 0)
LAT, LON = 36.605, 117.005  # inside grid A1 of the tiny street (0.01° boxes)
M = 1 / 111_320  # about one metre of latitude, in degrees
TEXT = "舜华园小区东门流动摊贩占道经营"
DESCRIPTION = "市民来电反映：舜华园小区东门有流动摊贩占用人行道摆摊卖菜，请尽快处理。"


@pytest.fixture
def street(db):
    tiny = street_fixture.build(db)
    other = street_fixture.build(db, code="370102006", abbr="QT", name="其他街道",
                                 origin=(117.00, 36.60))  # overlapping, to prove the filter
    with db.session() as s:
        ids = categories(s)
        sid, a1, b2 = tiny.street_id, tiny.grids["A1"], tiny.grids["B2"]
        cat = ids["占道经营"]
        background(s, sid, ids, NOW - timedelta(days=60))  # what the street has seen before

        def add(name, **fields):
            fields.setdefault("title", TEXT)
            fields.setdefault("description", DESCRIPTION)
            fields.setdefault("category_id", cat)
            fields.setdefault("status", Status.DISPATCHED)
            fields.setdefault("grid_id", a1)
            fields.setdefault("lat", LAT)
            fields.setdefault("lon", LON)
            return name, event(s, sid, **fields)

        made = dict([
            add("near", received_at=NOW - timedelta(hours=2), lat=LAT + 20 * M,
                description="网格员巡查发现：舜华园小区东门流动摊贩占道经营，影响通行。"),
            # Same matter, same words, but across the street (about 1.4 km, another grid).
            add("far", received_at=NOW - timedelta(hours=1), grid_id=b2, lat=LAT + 0.01, lon=LON + 0.01),
            add("old", received_at=NOW - timedelta(days=8)),
            add("closed", received_at=NOW - timedelta(hours=3), status=Status.CLOSED),
            add("merged", received_at=NOW - timedelta(hours=3), status=Status.MERGED),
            add("later", received_at=NOW + timedelta(minutes=5)),
            # Next door, an hour ago, but another matter entirely.
            add("unrelated", received_at=NOW - timedelta(hours=1), category_id=ids["噪音扰民"],
                title="舜华园小区KTV噪音扰民", description="群众来访反映：KTV夜间音响声音过大，影响休息。",
                lat=LAT - 15 * M),
            # Same kind of matter at the other end of the same grid, yesterday.
            add("same_kind", received_at=NOW - timedelta(hours=20), lat=LAT + 400 * M,
                title="A社区1号院早市占道", description="网格员巡查发现：早市商贩占道经营。"),
            # Waiting in the queue, next door, uncategorised: another matter.
            add("received", received_at=NOW - timedelta(minutes=30), category_id=None,
                status=Status.RECEIVED, title="", lat=LAT + 60 * M,
                description="市民来电反映：舜华园小区3号楼楼道里有人私拉电线给电动车充电。"),
        ])
        made["other_street"] = event(s, other.street_id, title=TEXT, description=DESCRIPTION,
                                     category_id=cat, status=Status.DISPATCHED,
                                     received_at=NOW - timedelta(hours=1), lat=LAT, lon=LON)
        made["report"] = event(s, sid, title="", description="市民来电反映：舜华园小区东门又有流动摊贩占道摆摊。",
                               status=Status.RECEIVED, received_at=NOW, lat=LAT, lon=LON, grid_id=a1)
        suggester = CategorySuggester.from_session(s, sid)
    return db, sid, made, suggester, ids | {"A1": a1}


def test_a_near_duplicate_ranks_first_and_the_rest_in_sense(street):
    db, sid, made, suggester, _ = street
    with db.session() as s:
        found = duplicate_candidates(s, sid, made["report"], k=10, suggester=suggester)
    order = [c.event_id for c in found]
    by_name = {made[n]: n for n in made}
    names = [by_name[i] for i in order]
    assert names[0] == "near"
    # Never offered: outside the window, a status the merge refuses, later, another street.
    assert not {"old", "closed", "merged", "later", "other_street"} & set(names)
    # The far copy of the same words, the unrelated neighbour and the same kind further off
    # all trail the real duplicate by a wide margin.
    assert set(names) == {"near", "far", "unrelated", "same_kind", "received"}
    assert found[0].score > found[1].score + 0.15
    near = found[0]
    assert near.code.startswith("T") and near.age == timedelta(hours=2)
    assert near.distance_m == pytest.approx(20, abs=1)
    assert {Reason.SAME_CATEGORY, Reason.SAME_GRID, Reason.NEARBY, Reason.SIMILAR_TEXT,
            Reason.RECENT} <= set(near.reasons)
    far = found[names.index("far")]
    assert far.place == 0 and Reason.SAME_GRID not in far.reasons and far.distance_m > 1000
    unrelated = found[names.index("unrelated")]
    # 噪音扰民 is another item of the same class (城市管理): half the category part.
    assert unrelated.category == 0.5 and Reason.SAME_CLASS in unrelated.reasons
    assert unrelated.text < 0.1 < near.text
    assert found == sorted(found, key=lambda c: -c.score)


def test_without_a_suggester_an_uncategorised_report_weighs_categories_neutrally(street):
    db, sid, made, _, _ = street
    with db.session() as s:
        found = duplicate_candidates(s, sid, made["report"], k=10)
    assert found[0].event_id == made["near"]
    assert {c.category for c in found} == {0.3}  # UNKNOWN: neither for nor against


def test_report_fields_typed_by_hand_and_k(street):
    db, sid, made, suggester, ids = street
    # A walk-in: no point, only the grid the officer picked, and a category already chosen.
    report = Report(text="东门摊贩占道", received_at=NOW, grid_id=None, category_id=ids["占道经营"])
    with db.session() as s:
        classes = category_classes(s)
        found = duplicate_candidates(s, sid, report, k=2, classes=classes)
        in_grid = duplicate_candidates(s, sid, Report(text="东门摊贩占道", received_at=NOW,
                                                      grid_id=ids["A1"]), k=10)
    # Nothing known of the place: the two copies of the same words lead, the newer first.
    assert [c.event_id for c in found] == [made["far"], made["near"]]
    assert all(c.place == 0 for c in found)
    assert {c.event_id for c in in_grid if c.place == 0.5} >= {made["near"], made["unrelated"]}


def test_an_old_open_event_falls_outside_a_shorter_window(street):
    db, sid, made, _, _ = street
    with db.session() as s:
        week = duplicate_candidates(s, sid, made["report"], k=10)
        hours = duplicate_candidates(s, sid, made["report"], k=10, rules=Rules(window=timedelta(hours=4)))
    assert made["same_kind"] in {c.event_id for c in week}
    assert made["same_kind"] not in {c.event_id for c in hours}


def test_rank_alone_on_plain_facts():
    """Without a database: the pure ranking a replay feeds (bench_duplicates does)."""
    def earlier(event_id, hours, lat, text, category_id=1, status=Status.REGISTERED):
        return Earlier(event_id=event_id, code=f"E{event_id}", status=status, text=text,
                       received_at=NOW - timedelta(hours=hours), lat=lat, lon=LON,
                       category_id=category_id)
    pool = [earlier(1, 1, LAT + 0.02, TEXT), earlier(2, 5, LAT, TEXT), earlier(3, 0.5, LAT, "路灯不亮", 2),
            earlier(4, 1, LAT, TEXT, status=Status.REJECTED)]
    report = Report(text=TEXT, received_at=NOW, lat=LAT, lon=LON, category_id=1, event_id=99)
    found = rank(report, pool, classes={1: "城市管理", 2: "城市管理"})
    assert [c.event_id for c in found] == [2, 1, 3]
    assert found[2].category == 0.5 and Reason.SAME_CLASS in found[2].reasons
    assert rank(report, [], classes={}) == []


def test_haversine():
    assert haversine_m(LAT, LON, LAT + 0.01, LON) == pytest.approx(1112, rel=0.01)
    assert haversine_m(LAT, LON, LAT, LON) == 0
