"""``commandroom export``: the events as they stood at an instant, rebuilt from the log."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

import pytest

from commandroom.cli import main
from commandroom.models.enums import Status
from commandroom.models.export import FIELDS
from tests.unit.test_commands import S, bring_to, world  # noqa: F401 - the fixture


def _url(world):  # noqa: F811
    return world.db.engine.url.render_as_string(hide_password=False)


def test_export_at_an_instant_shows_the_case_as_it_stood_then(world, capsys, tmp_path):  # noqa: F811
    ref = bring_to(world, S.REGISTERED)
    registered_at = world.clock.now()
    world.clock.advance(hours=1)
    world.officer.dispatch(ref.id, ref.version, lead_unit_id=world.unit)
    world.db.dispose()

    assert main(["export", "--db", _url(world), "--at", registered_at.isoformat(), "--format", "json"]) == 0
    then = {r["code"]: r for r in json.loads(capsys.readouterr().out)}
    assert then[ref.code]["status"] == Status.REGISTERED.value
    assert then[ref.code]["status_label"] == "立案"
    assert then[ref.code]["lead_unit_name"] == "" and then[ref.code]["dispatched_at"] is None
    assert then[ref.code]["category_name"] == "占道经营" and then[ref.code]["version"] == 2

    out = tmp_path / "now.csv"
    assert main(["export", "--db", _url(world), "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8-sig")
    rows = {r["code"]: r for r in csv.DictReader(io.StringIO(text))}
    assert list(rows[ref.code]) == list(FIELDS)
    assert rows[ref.code]["status"] == "dispatched" and rows[ref.code]["lead_unit_name"] == "综合执法中队"
    assert rows[ref.code]["dispatched_at"] == (registered_at + timedelta(hours=1)).isoformat()


def test_an_instant_before_any_report_exports_no_events(world, capsys):  # noqa: F811
    assert main(["export", "--db", _url(world), "--at", "2020-01-01T00:00", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_a_bad_instant_is_refused_in_one_line(world, capsys):  # noqa: F811
    with pytest.raises(SystemExit) as exit_:
        main(["export", "--db", _url(world), "--at", "monday"])
    assert exit_.value.code == 2
    assert "monday" in capsys.readouterr().err
