"""The supervision scan's SQL reads the small partial indexes (the held events, the log's
progress rows), not the million-row tables: a partial index serves only a query that repeats its
WHERE word for word, so the queries and the indexes must keep saying the same thing."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import column, table
from sqlalchemy.dialects import sqlite

from commandroom.models.db import Database
from commandroom.models.events import HELD_WHERE
from commandroom.models.ladder import Thresholds
from commandroom.models.lifecycle import HELD, UNVERSIONED
from commandroom.models.log import PROGRESS_WHERE
from commandroom.models.supervision import (cleared_alerts, held_status, ladder_candidates, progress_action,
                                            stalled_candidates)

NOW = datetime(2026, 1, 1, 9, 0)


def _sql(clause) -> str:
    return str(clause.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))


def test_the_partial_indexes_say_what_the_lifecycle_and_the_queries_say():
    t = table("t", column("status"), column("action"))
    assert _sql(held_status(t.c.status)).replace("t.", "") == HELD_WHERE
    assert _sql(progress_action(t.c.action)).replace("t.", "")[1:-1] == PROGRESS_WHERE
    assert HELD_WHERE == f"status IN ({', '.join(repr(s.value) for s in sorted(HELD, key=lambda s: s.value))})"
    assert PROGRESS_WHERE == ("action NOT IN ("
                              f"{', '.join(repr(a.value) for a in sorted(UNVERSIONED, key=lambda a: a.value))})")


@pytest.mark.parametrize("street_id", [None, 1])
def test_each_statement_of_the_scan_reads_the_partial_indexes_on_sqlite(tmp_path, street_id):
    db = Database(f"sqlite:///{tmp_path / 'room.sqlite3'}")
    thresholds = Thresholds()
    plans = {}
    with db.session() as s:
        for name, stmt in {"ladder": ladder_candidates("sqlite", NOW, thresholds.earliest(), street_id),
                           "stalled": stalled_candidates("sqlite", NOW, timedelta(hours=24), street_id),
                           "clear": cleared_alerts("sqlite", street_id)}.items():
            sql = stmt.compile(dialect=db.engine.dialect, compile_kwargs={"literal_binds": True})
            rows = s.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}").all()
            plans[name] = [row[-1] for row in rows]
    db.dispose()
    held = "SEARCH event USING COVERING INDEX ix_event_held (status=?)"
    assert held in plans["ladder"] and held in plans["stalled"] and held in plans["clear"], plans
    assert "SEARCH event_log USING COVERING INDEX ix_event_log_progress (event_id=?)" in plans["stalled"], plans
    for lines in plans.values():  # never a walk through the events or the log, never their wide rows
        assert not any(line.startswith(("SCAN event", "SEARCH event USING INDEX ix_event_status")) for line in lines)
