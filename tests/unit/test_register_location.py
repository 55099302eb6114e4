"""立案 locates the event by a point, by an L4 grid chosen by its code, or by both (which must
agree), and may complete the report's description; on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from commandroom.models import Event, Grid
from commandroom.models.commands import Commands
from commandroom.models.enums import Source
from commandroom.models.errors import ValidationError
from tests import street_fixture


@pytest.fixture
def w(db, clock, officer):
    class World:
        pass

    world = World()
    world.db, world.street = db, street_fixture.build(db)
    world.officer = Commands(db, officer, clock)
    return world


def _receive(w, located=True):
    lat, lon = w.street.inside if located else (None, None)
    return w.officer.receive(source=Source.HOTLINE_12345, title="路口占道经营", description="早市摊贩",
                             address="姚家路12号", lat=lat, lon=lon)


def _event(w, event_id):
    with w.db.session() as s:
        e = s.get(Event, event_id)
        return e.grid_id, e.lat, e.lon, e.description, s.get(Grid, e.grid_id).code if e.grid_id else None


def _codes(w):
    with w.db.session() as s:
        home = s.get(Event, _receive(w).id).grid_id
        return s.get(Grid, home).code, next(c for c, i in w.street.grids.items()
                                            if i != home and s.get(Grid, i).level == 4)


def test_a_report_without_a_point_is_registered_by_its_grid(w):
    home, _ = _codes(w)
    ref = _receive(w, located=False)
    ref = w.officer.register(ref.id, ref.version, category_code="CG01", grid_code=home,
                             description="早市摊贩占用人行道，约十个摊位")
    grid_id, lat, lon, text, code = _event(w, ref.id)
    assert (code, lat, lon, text) == (home, None, None, "早市摊贩占用人行道，约十个摊位")


def test_another_grid_drops_the_reports_point_that_lies_elsewhere(w):
    home, elsewhere = _codes(w)
    ref = _receive(w)
    ref = w.officer.register(ref.id, ref.version, category_code="CG01", grid_code=elsewhere)
    _, lat, lon, text, code = _event(w, ref.id)
    assert (code, lat, lon, text) == (elsewhere, None, None, "早市摊贩")  # the text kept when not given
    again = _receive(w)
    again = w.officer.register(again.id, again.version, category_code="CG01", grid_code=home)
    assert _event(w, again.id)[1:3] == w.street.inside  # the point lies in the chosen grid: kept


def test_a_point_and_a_grid_that_disagree_are_refused_in_both_languages(w):
    home, elsewhere = _codes(w)
    ref = _receive(w)
    lat, lon = w.street.inside
    with pytest.raises(ValidationError) as refused:
        w.officer.register(ref.id, ref.version, category_code="CG01", grid_code=elsewhere, lat=lat, lon=lon)
    assert "与所选网格" in refused.value.zh and "not in the chosen grid" in refused.value.en
    with pytest.raises(ValidationError) as unknown:
        w.officer.register(ref.id, ref.version, category_code="CG01", grid_code="NOPE")
    assert "不是本街道的网格" in unknown.value.zh
    ref = w.officer.register(ref.id, ref.version, category_code="CG01", grid_code=home, lat=lat, lon=lon)
    assert _event(w, ref.id)[4] == home
