"""GridLocator on a synthetic street: 2 areas × 2 communities × 4 unit grids, as a 4×4 board of
boxes. Column i, row j (from the south-west): area = i // 2, community = j // 2, unit = the 2×2
position inside the community. Shared borders use the very same floats on both sides."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from shapely import Point, Polygon, box, from_wkt

from commandroom.models.errors import ValidationError
from commandroom.models.geo import Bounds, GridLocator, GridShape
from commandroom.models.org import Grid, Street

WEST, SOUTH, STEP = 117.0, 36.6, 0.005
XS = [WEST + i * STEP for i in range(5)]
YS = [SOUTH + j * STEP for j in range(5)]
EAST, NORTH = XS[-1], YS[-1]
EPS = 1e-9


def unit_code(i: int, j: int) -> str:
    return f"S-A{i // 2}-C{j // 2}-U{(j % 2) * 2 + i % 2}"


def street_shapes() -> list[GridShape]:
    shapes = [GridShape(1, 1, "S", "姚家街道", None, box(WEST, SOUTH, EAST, NORTH).wkt)]
    ids = {"S": 1}

    def add(level: int, code: str, name: str, parent: str, geometry) -> None:
        ids[code] = len(shapes) + 1
        shapes.append(GridShape(ids[code], level, code, name, ids[parent], geometry.wkt))

    for a in range(2):
        add(2, f"S-A{a}", f"第{a}管区", "S", box(XS[2 * a], SOUTH, XS[2 * a + 2], NORTH))
        for c in range(2):
            cells = box(XS[2 * a], YS[2 * c], XS[2 * a + 2], YS[2 * c + 2])
            add(3, f"S-A{a}-C{c}", f"{a}区{c}社区", f"S-A{a}", cells)
    for i in range(4):
        for j in range(4):
            code = unit_code(i, j)
            add(4, code, f"楼院{i}{j}", code.rsplit("-", 1)[0], box(XS[i], YS[j], XS[i + 1], YS[j + 1]))
    return shapes


@pytest.fixture(scope="module")
def locator() -> GridLocator:
    return GridLocator(street_shapes())


def code_at(locator: GridLocator, lat: float, lon: float) -> str | None:
    chain = locator.locate(lat, lon)
    return None if chain is None else chain.l4.code


def test_interior_point_and_its_chain(locator):
    chain = locator.locate(SOUTH + 2.5 * STEP, WEST + 3.5 * STEP)  # column 3, row 2
    assert chain.l4.code == "S-A1-C1-U1" and chain.l4.name == "楼院32"
    assert (chain.l3.code, chain.l2.code, chain.l1.code) == ("S-A1-C1", "S-A1", "S")
    assert (chain.l3.name, chain.l2.name, chain.l1.name) == ("1区1社区", "第1管区", "姚家街道")
    assert chain.l1.id == 1


@pytest.mark.parametrize("i", range(3))
@pytest.mark.parametrize("j", range(4))
def test_vertical_border_goes_to_lowest_code_and_epsilon_sides_are_exact(locator, i, j):
    lat, border = SOUTH + (j + 0.5) * STEP, XS[i + 1]
    left, right = unit_code(i, j), unit_code(i + 1, j)
    assert code_at(locator, lat, border) == min(left, right)
    assert code_at(locator, lat, border - EPS) == left
    assert code_at(locator, lat, border + EPS) == right


@pytest.mark.parametrize("i", range(4))
@pytest.mark.parametrize("j", range(3))
def test_horizontal_border(locator, i, j):
    lon, border = WEST + (i + 0.5) * STEP, YS[j + 1]
    below, above = unit_code(i, j), unit_code(i, j + 1)
    assert code_at(locator, border, lon) == min(below, above)
    assert code_at(locator, border - EPS, lon) == below
    assert code_at(locator, border + EPS, lon) == above


def test_shared_vertex_of_four_grids_across_areas_and_communities(locator):
    # The centre of the board touches one unit grid of each of the four communities.
    corners = {unit_code(i, j) for i in (1, 2) for j in (1, 2)}
    assert code_at(locator, YS[2], XS[2]) == min(corners) == "S-A0-C0-U3"


def test_street_border_is_inside_and_just_outside_is_outside(locator):
    mid_lat, mid_lon = SOUTH + 2 * STEP + STEP / 3, WEST + STEP / 3
    assert code_at(locator, mid_lat, WEST) == unit_code(0, 2)
    assert code_at(locator, SOUTH, mid_lon) == unit_code(0, 0)
    assert locator.locate(mid_lat, WEST - EPS) is None
    assert locator.locate(mid_lat, EAST + EPS) is None
    assert locator.locate(SOUTH - EPS, mid_lon) is None
    assert locator.locate(NORTH + EPS, mid_lon) is None
    assert not locator.contains(NORTH + EPS, mid_lon)
    assert locator.contains(NORTH, EAST)  # the far corner is on the border, so inside


def test_far_away_is_outside(locator):
    assert locator.locate(39.9, 116.4) is None  # Beijing
    assert locator.locate(-33.9, 151.2) is None  # Sydney
    assert locator.locate(0.0, 0.0) is None


@pytest.mark.parametrize(
    ("lat", "lon"),
    [(math.nan, WEST), (SOUTH, math.nan), (math.inf, WEST), (SOUTH, -math.inf),
     (90.0001, WEST), (-91, WEST), (SOUTH, 180.5), (SOUTH, -181), ("36.6", WEST), (True, WEST), (None, WEST)],
)
def test_invalid_coordinates_are_refused(locator, lat, lon):
    with pytest.raises(ValidationError) as err:
        locator.locate(lat, lon)
    assert "lat" in err.value.en or "lon" in err.value.en


def test_bounds(locator):
    assert locator.bounds() == Bounds(south=SOUTH, west=WEST, north=NORTH, east=EAST)
    assert GridLocator([]).bounds() is None
    assert GridLocator([]).locate(SOUTH, WEST) is None


@given(
    lat=st.floats(SOUTH, NORTH, allow_nan=False),
    lon=st.floats(WEST, EAST, allow_nan=False),
)
def test_every_point_of_the_street_has_exactly_one_grid(locator, lat, lon):
    chain = locator.locate(lat, lon)
    # Brute force over every unit grid, independent of the locator's tree and prepared polygons.
    point = Point(lon, lat)
    covering = [s.code for s in street_shapes() if s.level == 4 and from_wkt(s.polygon).covers(point)]
    assert covering, "the board tiles the street"
    assert chain is not None and chain.l4.code == min(covering)
    # The chain's parents are the prefixes of the code in this synthetic street.
    assert chain.l4.code.startswith(chain.l3.code + "-") and chain.l3.code.startswith(chain.l2.code + "-")


# Points on the grid lines and corners (borders, the lowest-code rule) and beyond the street.
ON_LINES = st.tuples(st.sampled_from(YS + [SOUTH - STEP, NORTH + EPS]),
                     st.sampled_from(XS + [WEST - EPS, EAST + STEP]))


@given(st.lists(st.one_of(ON_LINES, st.tuples(st.floats(SOUTH - STEP, NORTH + STEP),
                                              st.floats(WEST - STEP, EAST + STEP))), max_size=40))
def test_locating_many_points_at_once_agrees_with_one_by_one(locator, points):
    assert locator.locate_many(points) == [locator.locate(lat, lon) for lat, lon in points]


def test_locating_many_refuses_an_invalid_point_like_one_by_one(locator):
    with pytest.raises(ValidationError):
        locator.locate_many([(SOUTH, WEST), (math.nan, WEST)])
    assert GridLocator([]).locate_many([(SOUTH, WEST)]) == [None]


def test_envelope_hit_outside_polygon_is_not_a_match():
    # Two triangles halve a square along its diagonal: each one's box covers the whole square.
    square = [(WEST, SOUTH), (EAST, SOUTH), (EAST, NORTH), (WEST, NORTH)]
    shapes = [
        GridShape(1, 1, "S", "街", None, Polygon(square).wkt),
        GridShape(2, 2, "S-A", "区", 1, Polygon(square).wkt),
        GridShape(3, 3, "S-A-C", "社区", 2, Polygon(square).wkt),
        GridShape(5, 4, "T-B", "东南", 3, Polygon(square[:3]).wkt),
        GridShape(4, 4, "T-A", "西北", 3, Polygon([square[0], square[2], square[3]]).wkt),
    ]
    triangles = GridLocator(reversed(shapes))  # row order must not matter
    assert code_at(triangles, SOUTH + 0.001, EAST - 0.001) == "T-B"
    assert code_at(triangles, NORTH - 0.001, WEST + 0.001) == "T-A"
    assert code_at(triangles, SOUTH, WEST) == "T-A"  # on the diagonal: lowest code


@pytest.mark.parametrize(
    ("shape", "message"),
    [
        (GridShape(9, 4, "X", "x", 4, "POLYGON((0 0, 1 1"), "cannot be parsed"),
        (GridShape(9, 4, "X", "x", 4, "POINT(117 36)"), "not a polygon"),
        (GridShape(9, 4, "X", "x", 4, "POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))"), "invalid"),
        (GridShape(9, 4, "X", "x", 1, box(0, 0, 1, 1).wkt), "level-3"),
        (GridShape(9, 4, "X", "x", 99, box(0, 0, 1, 1).wkt), "level-3"),
    ],
)
def test_bad_grid_data_is_refused(shape, message):
    with pytest.raises(ValidationError) as err:
        GridLocator([*street_shapes()[:7], shape])
    assert message in err.value.en and "X" in err.value.en


def test_from_session_reads_one_street(sqlite_db):
    with sqlite_db.session() as session:
        for street_id, code in ((1, "S1"), (2, "S2")):
            session.add(Street(id=street_id, code=code, name=code, district="历下区"))
        session.flush()
        for shape in street_shapes():
            session.add(Grid(street_id=1, **vars(shape)))
        # A second street's lone grid must not leak into street 1's locator.
        session.add(Grid(id=100, street_id=2, level=1, code="T", name="t", parent_id=None,
                         polygon=box(0, 0, 1, 1).wkt))
    with sqlite_db.session() as session:
        one = GridLocator.from_session(session, street_id=1)
        every = GridLocator.from_session(session)
    assert len(one) == len(every) == 16
    assert code_at(one, YS[2], XS[2]) == "S-A0-C0-U3"

