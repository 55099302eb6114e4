"""The demo street generator: deterministic, structurally sound, consistent and realistic."""

from __future__ import annotations

import json
import random
from collections import Counter, defaultdict
from itertools import accumulate
from datetime import date, datetime, timedelta

import pytest
import shapely
from sqlalchemy import select, text

from commandroom.models import Base, jsontext
from commandroom.models.db import Database
from commandroom.demo import generate, has_street
from commandroom.demo.bulk import ORDER
from commandroom.demo.producer import produce_elsewhere
from commandroom.demo.rand import FastRandom
from commandroom.demo.history import HOURLY
from commandroom.demo.stream import LANES, Plan, merge_lanes, produce
from commandroom.models.enums import OPEN_STATUSES
from commandroom.models.errors import ConfigError

END = date(2026, 11, 21)


def dump(db: Database) -> dict[str, list[tuple]]:
    """Every row of every table, read back through the column types, in primary-key order."""
    out = {}
    with db.engine.connect() as conn:
        for name in ORDER:
            table = Base.metadata.tables[name]
            out[name] = [tuple(r) for r in conn.execute(select(table).order_by(*table.primary_key.columns))]
    return out


def rows(db: Database, sql: str) -> list:
    with db.engine.connect() as conn:
        return conn.execute(text(sql)).mappings().all()


@pytest.fixture(scope="module")
def month(tmp_path_factory):
    """A month of a busy street on SQLite, shared by the read-only checks below."""
    db = Database(f"sqlite:///{tmp_path_factory.mktemp('demo') / 'month.sqlite3'}")
    summary = generate(db, days=60, seed=11, per_day=150, end=END)
    yield db, summary
    db.dispose()


def test_generate_fills_an_empty_database_once(sqlite_db):
    assert not has_street(sqlite_db)
    summary = generate(sqlite_db, days=2, seed=3, per_day=20, end=END)
    assert has_street(sqlite_db)
    assert summary.events == 40 and summary.log_rows > 40
    assert "姚家街道" in str(summary) and "事件 40 件" in str(summary)
    assert sum(summary.written.values()) == summary.rows == sum(n for chunk in summary.chunks for _, n in chunk)
    with pytest.raises(ConfigError):
        generate(sqlite_db, days=1, seed=3, per_day=20, end=END)


@pytest.mark.parametrize("overlap", [False, True], ids=["inline", "producer-process"])
def test_same_seed_gives_the_same_rows_on_every_backend(db, tmp_path, overlap):
    reference = Database(f"sqlite:///{tmp_path / 'reference.sqlite3'}")
    generate(reference, days=4, seed=5, per_day=40, end=END, overlap=False)
    summary = generate(db, days=4, seed=5, per_day=40, end=END, overlap=overlap)
    assert summary.overlapped == overlap
    assert dump(db) == dump(reference)
    reference.dispose()


def test_a_failing_producer_process_says_why():
    with pytest.raises(RuntimeError, match="demo producer failed"):
        list(produce_elsewhere(Plan(seed=1, days=1, per_day=5, end=None, sqlite=True)))


def test_fast_random_draws_exactly_as_random_does():
    fast, plain = FastRandom(42), random.Random(42)
    population, weights = ("a", "b", "c"), (0.87, 0.115, 0.015)
    cum = list(accumulate(weights))
    for n in (1, 2, 3, 7, 60, 3600, 10**8):
        assert [fast.randint(5, 5 + n) for _ in range(200)] == [plain.randint(5, 5 + n) for _ in range(200)]
        assert [fast.randrange(n) for _ in range(200)] == [plain.randrange(n) for _ in range(200)]
        seq = list(range(n if n < 1000 else 1000))
        assert [fast.choice(seq) for _ in range(200)] == [plain.choice(seq) for _ in range(200)]
    assert [fast.pick(population, cum) for _ in range(500)] == \
        [plain.choices(population, weights)[0] for _ in range(500)]
    assert fast.getstate() == plain.getstate()
    with pytest.raises(ValueError):
        fast.randint(3, 2)


def test_another_seed_gives_another_street(sqlite_db, tmp_path):
    other = Database(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    generate(sqlite_db, days=2, seed=1, per_day=30, end=END)
    generate(other, days=2, seed=2, per_day=30, end=END)
    first, second = dump(sqlite_db), dump(other)
    assert first["grid"] != second["grid"] and first["event"] != second["event"]
    other.dispose()


def test_postgres_sequences_continue_after_the_generated_ids(db):
    generate(db, days=1, seed=1, per_day=20, end=END)
    with db.engine.begin() as conn:
        table = Base.metadata.tables["event_log"]
        new_id = conn.execute(table.insert().values(at=datetime(2026, 11, 22), actor="duty", console="",
                                                    action="receive", payload={})).inserted_primary_key[0]
        assert new_id == conn.execute(text("SELECT MAX(id) FROM event_log")).scalar()
    assert new_id > 20


def test_grids_tile_the_street(month):
    db, summary = month
    grids = {g["id"]: g for g in rows(db, "SELECT * FROM grid")}
    by_level = defaultdict(list)
    for g in grids.values():
        by_level[g["level"]].append(g)
    assert len(by_level[1]) == 1 and 3 <= len(by_level[2]) <= 5
    assert 6 <= len(by_level[3]) <= 10 and 50 <= len(by_level[4]) <= 120
    assert summary.grids == tuple(len(by_level[n]) for n in (1, 2, 3, 4))
    shape = {i: shapely.from_wkt(g["polygon"]) for i, g in grids.items()}
    street = shape[by_level[1][0]["id"]]
    cells = [shape[g["id"]] for g in by_level[4]]
    assert all(c.is_valid and c.area > 0 for c in cells)
    assert shapely.union_all(cells).symmetric_difference(street).area < 1e-9
    assert abs(sum(c.area for c in cells) - street.area) < 1e-9  # no overlap
    tree = shapely.STRtree(cells)
    for i, j in zip(*tree.query(cells, predicate="intersects")):
        if i < j:
            assert cells[i].intersection(cells[j]).area < 1e-12
    minx, miny, maxx, maxy = street.bounds  # ~3 × 2.5 km around Jinan's Yaojia street
    assert 116.9 < minx < maxx < 117.2 and 36.6 < miny < maxy < 36.75
    assert 0.025 < maxx - minx < 0.045 and 0.018 < maxy - miny < 0.03
    for level in (2, 3, 4):
        for g in by_level[level]:
            parent = grids[g["parent_id"]]
            assert parent["level"] == level - 1 and g["code"].startswith(parent["code"] + "-")
    for level in (1, 2, 3):  # each grid is the union of its children
        for g in by_level[level]:
            children = [shape[c["id"]] for c in by_level[level + 1] if c["parent_id"] == g["id"]]
            assert shapely.union_all(children).symmetric_difference(shape[g["id"]]).area < 1e-12


def test_grid_staff_units_and_users(month):
    db, _ = month
    staff = rows(db, "SELECT s.*, g.level FROM grid_staff s JOIN grid g ON g.id = s.grid_id")
    roles = defaultdict(set)
    for s in staff:
        roles[s["grid_id"]].add(s["role"])
        assert s["level"] == 4 and 2 <= len(s["name"]) <= 4 and len(s["phone"]) == 11
    assert len(roles) == len(rows(db, "SELECT id FROM grid WHERE level = 4"))
    assert all({"chief", "worker"} <= r for r in roles.values())
    types = Counter(u["type"] for u in rows(db, "SELECT type FROM unit"))
    assert types["office"] == 7 and types["service_centre"] == 5 and types["resident_unit"] == 7
    assert 4 <= types["district_department"] <= 6
    communities = rows(db, "SELECT u.grid_id, g.level FROM unit u JOIN grid g ON g.id = u.grid_id "
                           "WHERE u.type = 'community_committee'")
    assert len(communities) == types["community_committee"] == len({c["grid_id"] for c in communities})
    assert all(c["level"] == 3 for c in communities)
    assert rows(db, "SELECT COUNT(*) AS n FROM unit WHERE type IN ('office', 'service_centre') "
                    "AND committee IS NULL")[0]["n"] == 0
    users = {u["login"]: u["role"] for u in rows(db, "SELECT login, role FROM app_user")}
    assert users["duty"] == "duty_officer" and users["leader"] == "shift_leader"
    assert users["wall"] == "display" and users["admin"] == "admin"


def test_catalogue(month):
    db, summary = month
    categories = rows(db, "SELECT * FROM category")
    assert len(categories) == summary.categories >= 40
    assert len({c["class_name"] for c in categories}) >= 6
    limits = defaultdict(dict)
    for lim in rows(db, "SELECT * FROM category_limit"):
        limits[lim["category_id"]][lim["priority"]] = (lim["response_minutes"], lim["handling_minutes"])
    for c in categories:
        urgent, high, normal = (limits[c["id"]][p] for p in ("urgent", "high", "normal"))
        assert 10 <= urgent[0] <= 30 and 120 <= urgent[1] <= 24 * 60
        assert urgent[0] <= high[0] <= normal[0] <= 120
        assert 3 * 1440 <= normal[1] <= 15 * 1440
    answering = {r["category_id"] for r in rows(db, "SELECT category_id FROM unit_category")}
    assert answering == {c["id"] for c in categories}


def test_events_are_consistent(month):
    db, summary = month
    events = {e["id"]: e for e in rows(db, "SELECT * FROM event")}
    assert len(events) == summary.events == 60 * 150
    logs = defaultdict(list)
    last = (0, "")
    for row in rows(db, "SELECT * FROM event_log ORDER BY id"):
        assert row["at"] >= last[1]  # ids grow with time across the whole history
        assert jsontext.dumps(json.loads(row["payload"])) == row["payload"]  # as the commands write it
        last = (row["id"], row["at"])
        logs[row["event_id"]].append(row)
    order = ("received_at", "registered_at", "first_dispatched_at", "dispatched_at",
             "acknowledged_at", "resolved_at", "verified_at", "closed_at")
    for e in events.values():
        assert e["version"] == len(logs[e["id"]])
        times = [e[c] for c in order if e[c] is not None]
        assert times == sorted(times), e["code"]
        _check_status(e)  # the log rebuilds the rows: tests/demo/test_rules.py
    assert len({e["code"] for e in events.values()}) == len(events)


def _check_status(e) -> None:
    status = e["status"]
    done = status in ("closed", "evaluated")
    answered = status == "answered"  # 当场答复: closed at once, never registered
    assert (e["closed_at"] is not None) == (done or answered) and (e["on_time"] is not None) == done
    assert (e["answer"] != "") == answered
    assert (e["satisfaction"] is not None) == (status == "evaluated")
    assert (e["registered_at"] is None) == (status in ("received", "rejected", "merged", "answered"))
    assert e["taken_by"] == "" or status == "received"  # a lock lives only in the queue
    assert (e["reject_reason"] != "") == (status == "rejected")
    assert (e["merged_into_id"] is not None) == (status == "merged")
    if status in ("dispatched", "acknowledged", "in_progress", "resolved", "verified") or done:
        assert e["lead_unit_id"] is not None and e["handle_due"] is not None
        assert e["response_due"] > e["dispatched_at"]
    if status in ("acknowledged", "in_progress", "resolved", "verified") or done:
        assert e["response_seconds"] == _seconds(e["acknowledged_at"], e["first_dispatched_at"])
    if status in ("resolved", "verified") or done:
        assert e["handling_seconds"] == _seconds(e["resolved_at"], e["first_dispatched_at"])
    if done:
        assert e["on_time"] == (e["resolved_at"] <= e["handle_due"])
    assert e["transfer_count"] >= (1 if e["escalated"] else 0)


def _seconds(later: str, earlier: str) -> int:
    return int((datetime.fromisoformat(later) - datetime.fromisoformat(earlier)).total_seconds())


def test_merged_reports_belong_to_their_target(month):
    db, _ = month
    merged = rows(db, "SELECT id, merged_into_id FROM event WHERE status = 'merged'")
    assert merged
    contact_of = {c["id"]: c["event_id"] for c in rows(db, "SELECT id, event_id FROM contact")}
    for m in merged:
        assert contact_of[m["id"]] == m["merged_into_id"]  # a report's contact id is its event id
    counts = Counter(contact_of.values())
    for e in rows(db, "SELECT id, contact_count FROM event WHERE status != 'merged'"):
        assert counts[e["id"]] == e["contact_count"]


def test_events_lie_in_their_grid(month):
    db, _ = month
    cells = {g["id"]: shapely.from_wkt(g["polygon"]) for g in rows(db, "SELECT * FROM grid WHERE level = 4")}
    for e in rows(db, "SELECT grid_id, lon, lat FROM event LIMIT 3000"):
        assert cells[e["grid_id"]].contains(shapely.Point(e["lon"], e["lat"]))


def test_measures_look_like_a_real_street(month):
    db, _ = month
    week_ago = (END - timedelta(days=7)).isoformat()
    m = rows(db, f"""
        SELECT AVG(CASE WHEN status IN ('closed', 'evaluated') THEN 1.0 ELSE 0 END) AS completion,
               AVG(CASE WHEN transfer_count > 0 THEN 1.0 ELSE 0 END) AS transfer,
               AVG(CASE WHEN rework_count > 0 THEN 1.0 ELSE 0 END) AS rework,
               AVG(CASE WHEN extension_count > 0 THEN 1.0 ELSE 0 END) AS extension,
               AVG(CASE WHEN on_time THEN 1.0 WHEN on_time IS NOT NULL THEN 0 END) AS on_time,
               AVG(CASE WHEN satisfaction IS NULL THEN NULL
                        WHEN satisfaction != 'dissatisfied' THEN 1.0 ELSE 0 END) AS satisfied,
               AVG(CASE WHEN status = 'evaluated' THEN 1.0 WHEN status = 'closed' THEN 0 END) AS evaluated,
               AVG(response_seconds) / 60.0 AS response_minutes,
               AVG(handling_seconds) / 3600.0 AS handling_hours
        FROM event WHERE status NOT IN ('rejected', 'merged', 'answered') AND received_at < '{week_ago}'""")[0]
    assert 0.97 <= m["completion"] <= 0.9995
    assert 0.10 <= m["transfer"] <= 0.16
    assert 0.005 <= m["rework"] <= 0.03
    assert 0.015 <= m["extension"] <= 0.045
    assert 0.95 <= m["on_time"] <= 0.995
    assert 0.95 <= m["satisfied"] <= 0.995
    assert 0.6 <= m["evaluated"] <= 0.8
    assert 5 <= m["response_minutes"] <= 60 and 2 <= m["handling_hours"] <= 72
    share = {r["status"]: r["n"] / 9000 for r in rows(db, "SELECT status, COUNT(*) AS n FROM event GROUP BY status")}
    assert 0.005 <= share["rejected"] <= 0.025 and 0.005 <= share["merged"] <= 0.025
    assert 0.005 <= share["answered"] <= 0.03  # consultations answered on the spot
    assert {s.value for s in OPEN_STATUSES} <= set(share)  # live work on every desk
    sources = {r["source"]: r["n"] / 9000 for r in rows(db, "SELECT source, COUNT(*) AS n FROM event GROUP BY source")}
    assert 0.30 <= sources["hotline_12345"] <= 0.40 and 0.35 <= sources["grid_patrol"] <= 0.45
    assert 0.10 <= sources["photo_app"] <= 0.20
    assert rows(db, "SELECT COUNT(*) AS n FROM escalation")[0]["n"] > 0


def test_default_volume_is_a_streets(sqlite_db):
    generate(sqlite_db, days=14, seed=4, end=END)
    per_day = rows(sqlite_db, "SELECT substr(received_at, 1, 10) AS day, COUNT(*) AS n FROM event GROUP BY 1")
    assert len(per_day) == 14 and all(20 <= d["n"] <= 200 for d in per_day[:-1])
    assert 1 <= per_day[-1]["n"] <= 200  # up to 16:00 only (below)
    last = rows(sqlite_db, "SELECT MAX(at) AS at FROM event_log")[0]["at"]
    assert last <= f"{END} 16:00:00.000000"  # nothing happens after "now"


@pytest.mark.parametrize("cutoff_hour", [2, 16])
def test_the_last_day_has_only_its_hours_share_of_reports(cutoff_hour):
    """A demo made at 2 a.m. holds a night's few reports for today, not a whole day's crowded
    into two hours (the wall screen showed 88 received "today" at 02:34)."""
    plan = Plan(seed=4, days=3, per_day=None, end=END, sqlite=True, cutoff_hour=cutoff_hour)
    days = [len(day["event"]) for day in list(merge_lanes([produce(plan, k) for k in range(LANES)]))[1:]]
    share = sum(HOURLY[:cutoff_hour]) / sum(HOURLY)
    assert all(20 <= n <= 200 for n in days[:-1])
    assert 1 <= days[-1] <= max(1, round(200 * share))
    assert days[-1] >= round(20 * share)
