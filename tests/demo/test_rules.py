"""The demo street obeys the rules the commands obey: every log row is allowed by the lifecycle
table for its actor's role (looked up in app_user) and the status it applies in, and folding the
log rebuilds every generated table column by column."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

import pytest
from sqlalchemy import select

from commandroom.demo import generate
from commandroom.models import Base
from commandroom.models.actor import Actor
from commandroom.models.change import COLUMNS, NEW_EVENT, ROW_TABLES, decode
from commandroom.models.clock import FrozenClock
from commandroom.models.commands import IntakeCommands
from commandroom.models.enums import Action, Role, Source
from commandroom.models.lifecycle import RULES

END = date(2026, 11, 21)
HORIZON = datetime(2026, 11, 21, 16, 0)


def fold(log: list[dict]) -> tuple[dict, dict, Counter]:
    """A small fold of the payloads (until models/replay.py): event columns, the rows of the
    other tables by (table, id), log rows per event. Checks each row against RULES on the way."""
    events: dict[int, dict] = {}
    rows: dict[tuple[str, int], dict] = {}
    versions: Counter = Counter()
    for entry in log:
        payload = entry["payload"]
        action, event_id = Action(entry["action"]), entry["event_id"]
        rule = RULES[action]
        assert entry["role"] in rule.roles, (entry["id"], action, entry["actor"])
        if action is Action.UNIT_STATUS:
            assert event_id is None and "event" not in payload
        elif action is Action.RECEIVE:
            assert event_id not in events
            events[event_id] = dict(NEW_EVENT)
            assert payload["event"]["status"] == rule.target
        else:
            before = events[event_id]["status"]
            assert before in rule.sources, (entry["id"], action, before)
            assert payload.get("event", {}).get("status", before) == (rule.target or before)
        if event_id is not None:
            versions[event_id] += 1
            events[event_id].update(decode("event", payload.get("event", {})))
        for table, row_id, fields in payload.get("rows", []):
            rows.setdefault((table, row_id), {}).update(decode(table, fields))
    return events, rows, versions


def table_rows(db, name: str) -> dict[int, dict]:
    table = Base.metadata.tables[name]
    with db.engine.connect() as conn:
        return {r["id"]: dict(r) for r in conn.execute(select(table)).mappings()}


@pytest.fixture
def ten_days(db):
    summary = generate(db, days=10, seed=7, end=END)
    return db, summary


def test_every_log_row_is_allowed_and_the_fold_rebuilds_the_tables(ten_days):
    db, summary = ten_days
    roles = {u["login"]: Role(u["role"]) for u in table_rows(db, "app_user").values()}
    street_id = next(iter(table_rows(db, "street")))
    log = sorted(table_rows(db, "event_log").values(), key=lambda r: r["id"])
    assert len(log) == summary.log_rows
    for entry in log:
        entry["role"] = roles[entry["actor"]]  # an actor unknown to app_user fails here
        assert entry["street_id"] == street_id and entry["command_id"]
        assert entry["at"] <= HORIZON
    assert [e["at"] for e in log] == sorted(e["at"] for e in log)  # ids grow with time
    events, rows, versions = fold(log)

    stored = table_rows(db, "event")
    assert events.keys() == stored.keys() and len(stored) == summary.events
    for event_id, row in stored.items():
        assert row["version"] == versions[event_id]
        for column in COLUMNS["event"]:
            if column not in ("id", "version"):
                assert events[event_id][column] == row[column], (row["code"], column)
    for table in ROW_TABLES:
        stored = table_rows(db, table)
        folded = {i: f for (t, i), f in rows.items() if t == table}
        assert folded.keys() == stored.keys(), table
        columns = ("status", "on_duty") if table == "unit" else COLUMNS[table][1:]
        for row_id, row in stored.items():
            for column in columns:
                assert folded[row_id][column] == row[column], (table, row_id, column)


def test_what_the_history_holds(ten_days):
    """The rules above are not met by leaving things out: every kind of step happens."""
    db, _ = ten_days
    log = table_rows(db, "event_log").values()
    actions = Counter(Action(r["action"]) for r in log)
    assert set(actions) >= set(Action) - {Action.RAISE_ALERT}
    by_command = Counter(r["command_id"] for r in log)
    merges = [r for r in log if r["action"] == Action.MERGE]
    attaches = {r["command_id"]: r for r in log if r["action"] == Action.ATTACH_CONTACT}
    for merge in merges:  # one command, two rows: the target's attach and the duplicate's merge
        assert by_command[merge["command_id"]] == 2
        attach = attaches[merge["command_id"]]
        assert attach["at"] == merge["at"] and attach["id"] < merge["id"]
    assert max(n for c, n in by_command.items() if c not in attaches) == 1
    units = table_rows(db, "unit")
    first = [r for r in log if r["action"] == Action.UNIT_STATUS][:len(units)]
    assert {r["payload"]["rows"][0][1] for r in first} == units.keys()  # at the start
    assert min(r["id"] for r in first) == 1
    actors = Counter((Action(r["action"]), r["actor"]) for r in log)
    assert {a for (a, who) in actors if who == "system"} == {Action.RECEIVE}


def test_codes_use_the_street_prefix_and_new_reports_number_on(ten_days):
    db, summary = ten_days
    street = next(iter(table_rows(db, "street").values()))
    codes = [e["code"] for e in table_rows(db, "event").values()]
    assert street["abbr"] == "YJ" and all(c.startswith("YJ2026") for c in codes)
    last = Counter()
    for code in codes:
        stem, number = code[:-4], int(code[-4:])
        last[stem] = max(last[stem], number)
    with db.engine.connect() as conn:
        counters = dict(conn.exec_driver_sql("SELECT stem, last FROM code_counter").all())
    assert counters == dict(last) and len(counters) == 10
    intake = IntakeCommands(db, Actor("system", Role.SYSTEM, "system"),
                            FrozenClock(datetime(2026, 11, 21, 16, 30)))
    ref = intake.receive(source=Source.HOTLINE_12345, title="路灯不亮")
    assert ref.code == f"YJ20261121-{last['YJ20261121-'] + 1:04d}"
