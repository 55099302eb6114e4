"""The map's read model: which events are markers, their badges from open alerts, the loads per
grid, the units' places, and the changes of a batch (``gone`` for those that left)."""

from datetime import datetime, timedelta

from commandroom.models import Alert
from commandroom.models.enums import AlertLevel, GridLevel, Status, UnitType
from commandroom.models.map_view import load_map, load_map_changes
from commandroom.models.recurring import RecurringRule
from tests.services.seed import category_id, seed_street, write_event

NOW = datetime(2026, 11, 16, 9, 0)


def test_markers_badges_loads_and_changes(db):
    street = seed_street(db)
    a1, b2 = street.grids["A1"], street.grids["B2"]
    lat, lon = street.inside

    def event(grid, **fields):
        return write_event(db, NOW, lat=lat, lon=lon, grid_id=grid, **fields)

    late = event(a1, status=Status.DISPATCHED, handle_due=NOW - timedelta(minutes=1))
    listed = event(a1, status=Status.IN_PROGRESS, handle_due=NOW + timedelta(hours=1))
    fine = event(b2, status=Status.REGISTERED)
    closed = event(b2, status=Status.CLOSED)
    nowhere = write_event(db, NOW, status=Status.RECEIVED)  # no point yet: not on the map
    with db.session() as s:
        s.add_all([
            Alert(event_id=listed, level=AlertLevel.SUPERVISION, raised_at=NOW - timedelta(hours=2)),
            Alert(event_id=listed, level=AlertLevel.LISTED, raised_at=NOW - timedelta(hours=1)),
            Alert(event_id=fine, level=AlertLevel.LISTED, raised_at=NOW - timedelta(hours=3),
                  cleared_at=NOW - timedelta(hours=2)),  # cleared: no badge
            Alert(event_id=late, level=AlertLevel.WARNING, raised_at=NOW),  # 预警 is not 督办
        ])

    with db.session() as s:
        snapshot = load_map(s, NOW, street.street_id, RecurringRule())
    markers = {m.id: m for m in snapshot.markers}
    assert set(markers) == {late, listed, fine}
    assert (markers[late].overdue, markers[late].supervision) == (True, None)
    assert (markers[listed].overdue, markers[listed].supervision) == (False, AlertLevel.LISTED)
    assert (markers[fine].overdue, markers[fine].supervision) == (False, None)
    assert markers[fine].lat == lat and markers[fine].lon == lon
    assert {(g.grid_id, g.open, g.overdue) for g in snapshot.loads} == {(a1, 2, 1), (b2, 1, 0)}
    assert len([g for g in snapshot.grids if g.level == 4]) == 4
    a1_outline = next(g for g in snapshot.grids if g.id == a1)
    assert snapshot.locator.locate(*a1_outline.label_at).l4.id == a1  # the label sits inside
    street_grid = next(g for g in snapshot.grids if g.level == int(GridLevel.STREET))
    units = {u.name: u for u in snapshot.units}
    assert "区住建局" not in units  # a district department is not in the street
    assert (units["环卫所"].lat, units["环卫所"].lon) == street_grid.label_at
    assert units["环卫所"].type is UnitType.RESIDENT_UNIT

    with db.session() as s:
        changes = load_map_changes(s, [late, closed, nowhere, fine], NOW, street.street_id, RecurringRule())
    assert {m.id for m in changes.markers} == {late, fine}
    assert changes.gone == tuple(sorted((closed, nowhere)))


def test_units_stand_at_their_own_office_or_approximately_at_their_grid(db, clock):
    """A unit with a place is drawn there; one without, at its grid (the street), marked
    approximate; moving a unit is an organisation change, and a batch that touched no event
    brings the units again (a batch of event changes does not pay for them)."""
    from commandroom.models.actor import Actor
    from commandroom.models.commands import Commands
    from commandroom.models.enums import Role

    street = seed_street(db)
    lat, lon = street.inside
    admin = Commands(db, Actor("admin", Role.ADMIN, "console-1", "管理员"), clock, street_id=street.street_id)
    assert admin.set_unit_location(street.units["环卫所"], lat, lon) == 1
    with db.session() as s:
        snapshot = load_map(s, NOW, street.street_id, RecurringRule())
    street_at = next(g for g in snapshot.grids if g.level == int(GridLevel.STREET)).label_at
    units = {u.name: u for u in snapshot.units}
    assert (units["环卫所"].lat, units["环卫所"].lon, units["环卫所"].approximate) == (round(lat, 7), round(lon, 7), False)
    assert (units["市政所"].lat, units["市政所"].lon, units["市政所"].approximate) == (*street_at, True)

    admin.set_unit_location(street.units["市政所"], lat + 0.001, lon)
    with db.session() as s:
        quiet = load_map_changes(s, [], NOW, street.street_id, RecurringRule())
        busy = load_map_changes(s, [1], NOW, street.street_id, RecurringRule())
    moved = {u.name: u for u in quiet.units}["市政所"]
    assert (moved.lat, moved.lon, moved.approximate) == (round(lat + 0.001, 7), round(lon, 7), False)
    assert {u.name for u in quiet.units} == set(units)
    assert busy.units is None


def test_recurring_problems_are_counted_again_only_when_a_categorised_event_changed(db):
    """A storm of new reports (no category yet) cannot change them; a registration can."""
    street = seed_street(db)
    a1 = street.grids["A1"]
    cat = category_id(db, "CG01")
    counted = [write_event(db, NOW - timedelta(days=d), grid_id=a1, category_id=cat, status=Status.REGISTERED)
               for d in range(3)]
    report = write_event(db, NOW)  # just received: no category
    rule = RecurringRule(days=14, min_events=3)
    with db.session() as s:
        assert len(load_map(s, NOW, street.street_id, rule).recurring) == 1
        assert load_map_changes(s, [report], NOW, street.street_id, rule).recurring is None
        again = load_map_changes(s, [report, counted[0]], NOW, street.street_id, rule).recurring
    assert [(r.grid_id, r.events) for r in again] == [(a1, 3)]
