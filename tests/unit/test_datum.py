"""GCJ-02 display conversion against published pairs, and the round trip of a clicked point."""

import math

import pytest

from commandroom.models.datum import Datum

# (WGS-84 lat, lon) -> (GCJ-02 lat, lon): the pairs published with coordTransform (wandergis)
# and eviltransform, computed by independent implementations of the same formulas.
KNOWN = [
    ((39.915, 116.404), (39.91640428150164, 116.41024449916938)),
]
# The GCJ-02 point given -> its WGS-84 origin (coordTransform's one-step inverse is within ~1 m).
KNOWN_INVERSE = [((39.915, 116.404), (39.91359571849836, 116.39775550083061))]


def metres(a, b):
    dlat = (a[0] - b[0]) * 111_320
    dlon = (a[1] - b[1]) * 111_320 * math.cos(math.radians(a[0]))
    return math.hypot(dlat, dlon)


@pytest.mark.parametrize("wgs, gcj", KNOWN)
def test_known_pairs(wgs, gcj):
    assert Datum.GCJ02.to_display(*wgs) == pytest.approx(gcj, abs=1e-9)


@pytest.mark.parametrize("gcj, wgs", KNOWN_INVERSE)
def test_known_inverse_within_a_metre(gcj, wgs):
    assert metres(Datum.GCJ02.from_display(*gcj), wgs) < 1.0


@pytest.mark.parametrize("point", [(36.6512, 117.1205), (36.60, 117.00), (22.54, 114.06), (45.75, 126.63)])
def test_round_trip_is_under_a_centimetre(point):
    shown = Datum.GCJ02.to_display(*point)
    assert metres(shown, point) > 100  # the offset is real: hundreds of metres
    assert metres(Datum.GCJ02.from_display(*shown), point) < 0.01


def test_wgs84_and_outside_china_are_unchanged():
    assert Datum.WGS84.to_display(36.6, 117.0) == (36.6, 117.0)
    assert Datum.GCJ02.to_display(48.85, 2.35) == (48.85, 2.35)  # Paris: no GCJ-02 there
    assert Datum.GCJ02.from_display(48.85, 2.35) == (48.85, 2.35)


def test_parse_the_setting():
    assert Datum.parse("") is Datum.WGS84
    assert Datum.parse(" GCJ02 ") is Datum.GCJ02
    with pytest.raises(ValueError):
        Datum.parse("bd09")
