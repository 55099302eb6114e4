"""What the panels say: arrows with their direction in the shape (colour only adds good/bad,
and a higher 流转率 is the bad way), signs beside the units' rates, the stale banner's words, and
markers on their way to the wall's map carrying public text only."""

from __future__ import annotations

from dataclasses import replace

from commandroom.models.enums import Priority, Status
from commandroom.models.map_view import MapMarker
from commandroom.views.wall.figures_panel import trend
from commandroom.views.wall.theme import BAD, GOOD, TEXT
from commandroom.views.wall.wall_map import public_marker
from tests.views.wall.snapshots import NOW, snapshot


def test_arrows_say_the_direction_and_colour_only_adds_good_or_bad():
    assert trend(0.9, 0.8, True) == ("▲", GOOD)
    assert trend(0.7, 0.8, True) == ("▼", BAD)
    assert trend(0.2, 0.1, False) == ("▲", BAD)  # more passed on is worse
    assert trend(0.8, 0.8002, True) == ("＝", TEXT)
    assert trend(None, 0.8, True) == ("", TEXT)


def test_the_figures_show_counts_rates_and_the_period_before(make_wall):
    window = make_wall("1080p")
    figures = window.panels["figures"]
    assert figures.counts["received"].full_text == "1234" and figures.counts["overdue"].full_text == "123"
    value, previous = figures.cells[0, 0]  # 办结率 today: 1000 of 1226 registered, yesterday 1000 of 1092
    assert value.full_text == "81.6% ▼" and previous.full_text == "昨日 91.6%"
    assert figures.cells[0, 2][0].full_text == "95.0% ＝"


def test_units_have_a_sign_beside_their_rate(make_wall):
    from commandroom.models.wall_snapshot import UnitRank

    window = make_wall("1080p")
    units = window.panels["units"]
    assert units.lines[0].right.endswith("●") and units.lines[0].left == "1. 姚家街道第1社区居民委员会"
    units.show_snapshot(snapshot(units=(UnitRank("城管中队", 20, 19), UnitRank("物业中心", 10, 7),
                                        UnitRank("燕翔社区", 10, 5))))
    assert [line.right.split()[-1] for line in units.lines] == ["●", "○", "✕"]
    assert [line.color for line in units.lines] == [GOOD, TEXT, BAD]


def test_the_banner_says_since_when(make_wall):
    window = make_wall("1080p")
    window.show_stale("server closed the connection")
    assert window.banner.text.full_text == "✕ 数据库连接中断：画面停留在 11-20 15:30:00 的数据，正在自动重连…"
    assert window.header.state.full_text == "✕ 数据中断"
    window.show_snapshot(replace(snapshot(), taken_at=NOW.replace(minute=31)))
    assert window.banner.isHidden() and window.header.state.full_text == "● 实时"


def test_markers_reach_the_wall_map_with_public_text_only():
    marker = MapMarker(id=1, code="YJ1", lat=36.6, lon=117.1, status=Status.DISPATCHED, priority=Priority.NORMAL,
                       category_class="城市管理", category_name="占道经营", title="楼道堆物，联系人王建国，电话13800000000",
                       address="历下区燕翔路18号燕翔小区3号楼2单元502室", grid_id=1, overdue=False, supervision=None)
    shown = public_marker(marker)
    assert "13800000000" not in shown.title and "王建国" not in shown.title
    assert shown.address == "历下区燕翔路燕翔小区"
