"""measures.compute() on a hand-built week, on SQLite and on PostgreSQL (the ``db`` fixture).

The week is 2026-11-01 … 2026-11-07. Units are given by code: U01 城市管理办 (id 2) and
U02 市场监管所 (id 1), ids crossed so the code order is what sorts them. Grids 10 and 11 are
unit grids of 花园社区. Seconds: resp = response_seconds, handl = handling_seconds.

 ev  status       unit src     grid cat  on_time trf rwk ext resp  handl   satisfaction
 E1  evaluated    U01  hotline 10   C1   T       1   .   .   600   7200    satisfied
 E2  evaluated    U01  hotline 10   C1   T       .   .   .   1200  3600    basically
 E3  evaluated    U01  patrol  11   C2   F       .   1   1   300   86400   dissatisfied
 E4  closed       U01  patrol  11   C1   T       .   .   .   900   10800
 E5  closed       U02  photo   10   C2   T       2   .   .   1800  14400
 E6  closed       U02  hotline 11   C2   F       .   2   .   600   172800
 E7  in_progress  U02  hotline 10   C1           1   .   1   1200          handle_due passed
 E8  acknowledged U01  patrol  11   C1                       300           handle_due not yet
 E9  dispatched   U02  photo   10   C2                                     handle_due passed
 E10 resolved     U01  walk_in 10   C2                       600   5400    handle_due passed
 E11 registered   -    walk_in 11   C1           1   (dispatched, returned by the wrong unit)
 E12 received     -    hotline -    -            (not registered yet)
 E13 rejected     -    hotline 10   -
 E14 merged       U01  hotline 10   C1   T       3   1   1   60    60      satisfied  (left out)
 E15 evaluated    U02  photo   11   C1   T       .   .   .   600   3600    satisfied  11-01 00:00:00
 E16 closed       U01  patrol  10   C2   T       .   .   .   300   1800               11-07 23:59:59
 E17 evaluated    U01  hotline 10   C1   T   received 11-08 00:00:00: outside the week
 E18 closed       U02  hotline 10   C1   T   received 10-31 23:59:59: outside the week
 E19 registered   -    walk_in 10   C2           (registered, not dispatched)
 E20 answered     -    walk_in -    -            (当场答复: received, answered, nothing else)

Totals (E1–E13, E15, E16, E19, E20; 17 events): received 17, rejected 1 (E13), answered 1 (E20),
registered 14 (all but E12, E13, E20), dispatched 13 (E1–E11, E15, E16), closed 8 (E1–E6, E15, E16).
 completion 8/14; on time 6/8 (E1 E2 E4 E5 E15 E16); transfer 4/13 (E1 E5 E7 E11);
 rework 2/8 (E3 E6); extension 2/13 (E3 E7); satisfaction 3/4 (E1 E2 E15 of E1 E2 E3 E15);
 mean response 8400/11 = 763.63…; mean handling 306000/9 = 34000; overdue at 11-16 09:00: E7, E9.
U01: E1 E2 E3 E4 E8 E10 E16 → 7 received/registered/dispatched, closed 5, on time 4, transferred 1,
 reworked 1, extended 1, evaluated 3, satisfied 2, response 4200/7 = 600, handling 115200/6 = 19200.
U02: E5 E6 E7 E9 E15 → 5/5/5, closed 3, on time 2, transferred 2, reworked 1, extended 1,
 evaluated 1, satisfied 1, response 4200/4 = 1050, handling 190800/3 = 63600, overdue 2.
No unit: E11 E12 E13 E19 E20 → received 5, rejected 1, answered 1, registered 2, dispatched 1,
 transferred 1.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest

from commandroom.models import Category, CategoryLimit, Event, Grid, Street, Unit
from commandroom.models.enums import Priority, Source, Status, UnitType
from commandroom.models.errors import ValidationError
from commandroom.models.measures import MeasureRow, compute, display_width, format_table

START, END = date(2026, 11, 1), date(2026, 11, 7)
NOW = datetime(2026, 11, 16, 9, 0)
UNIT_ID = {"U01": 2, "U02": 1}
CAT_ID = {"C1": 1, "C2": 2}
S = Status
# ev: status, unit, source, grid, category, received, extra fields
EVENTS = {
    "E1": (S.EVALUATED, "U01", "hotline_12345", 10, "C1", "11-02 08:00",
           dict(on_time=True, transfer_count=1, response_seconds=600, handling_seconds=7200, satisfaction="satisfied")),
    "E2": (S.EVALUATED, "U01", "hotline_12345", 10, "C1", "11-02 09:30",
           dict(on_time=True, response_seconds=1200, handling_seconds=3600, satisfaction="basically")),
    "E3": (S.EVALUATED, "U01", "grid_patrol", 11, "C2", "11-03 10:00",
           dict(on_time=False, rework_count=1, extension_count=1, response_seconds=300, handling_seconds=86400,
                satisfaction="dissatisfied")),
    "E4": (S.CLOSED, "U01", "grid_patrol", 11, "C1", "11-03 11:00",
           dict(on_time=True, response_seconds=900, handling_seconds=10800)),
    "E5": (S.CLOSED, "U02", "photo_app", 10, "C2", "11-04 14:00",
           dict(on_time=True, transfer_count=2, response_seconds=1800, handling_seconds=14400)),
    "E6": (S.CLOSED, "U02", "hotline_12345", 11, "C2", "11-04 15:00",
           dict(on_time=False, rework_count=2, response_seconds=600, handling_seconds=172800)),
    "E7": (S.IN_PROGRESS, "U02", "hotline_12345", 10, "C1", "11-05 08:00",
           dict(transfer_count=1, extension_count=1, response_seconds=1200, handle_due=datetime(2026, 11, 12))),
    "E8": (S.ACKNOWLEDGED, "U01", "grid_patrol", 11, "C1", "11-05 09:00",
           dict(response_seconds=300, handle_due=datetime(2026, 11, 20))),
    "E9": (S.DISPATCHED, "U02", "photo_app", 10, "C2", "11-06 10:00", dict(handle_due=datetime(2026, 11, 9))),
    "E10": (S.RESOLVED, "U01", "walk_in", 10, "C2", "11-06 11:00",
            dict(response_seconds=600, handling_seconds=5400, handle_due=datetime(2026, 11, 9))),
    "E11": (S.REGISTERED, None, "walk_in", 11, "C1", "11-06 12:00", dict(transfer_count=1)),
    "E12": (S.RECEIVED, None, "hotline_12345", None, None, "11-06 13:00", dict(registered_at=None)),
    "E13": (S.REJECTED, None, "hotline_12345", 10, None, "11-06 14:00", dict(registered_at=None)),
    "E14": (S.MERGED, "U01", "hotline_12345", 10, "C1", "11-06 15:00",
            dict(on_time=True, transfer_count=3, rework_count=1, extension_count=1, response_seconds=60,
                 handling_seconds=60, satisfaction="satisfied")),
    "E15": (S.EVALUATED, "U02", "photo_app", 11, "C1", "11-01 00:00:00",
            dict(on_time=True, response_seconds=600, handling_seconds=3600, satisfaction="satisfied")),
    "E16": (S.CLOSED, "U01", "grid_patrol", 10, "C2", "11-07 23:59:59",
            dict(on_time=True, response_seconds=300, handling_seconds=1800)),
    "E17": (S.EVALUATED, "U01", "hotline_12345", 10, "C1", "11-08 00:00:00",
            dict(on_time=True, response_seconds=60, handling_seconds=60, satisfaction="dissatisfied")),
    "E18": (S.CLOSED, "U02", "hotline_12345", 10, "C1", "10-31 23:59:59",
            dict(on_time=True, response_seconds=60, handling_seconds=60)),
    "E19": (S.REGISTERED, None, "walk_in", 10, "C2", "11-06 16:00", dict(first_dispatched_at=None)),
    "E20": (S.ANSWERED, None, "walk_in", None, None, "11-06 17:00",
            dict(registered_at=None, answer="办理居住证请到便民服务中心", closed_at=datetime(2026, 11, 6, 17, 3))),
}


def make_event(code: str, status, unit, source, grid, category, received, extra) -> Event:
    received_at = datetime.strptime(f"2026-{received}", "%Y-%m-%d %H:%M:%S" if received.count(":") == 2
                                    else "%Y-%m-%d %H:%M")
    dispatched = unit is not None or status is S.REGISTERED  # E11 was dispatched then returned
    fields = dict(
        registered_at=received_at + timedelta(minutes=10),
        first_dispatched_at=received_at + timedelta(minutes=20) if dispatched else None,
    ) | extra
    return Event(code=code, street_id=1, status=status, source=source, lead_unit_id=UNIT_ID.get(unit),
                 grid_id=grid, category_id=CAT_ID.get(category), received_at=received_at, version=1, **fields)


@pytest.fixture
def week(db):
    with db.session() as s:
        s.add(Street(id=1, code="370102001", name="姚家街道", district="历下区"))
        s.flush()
        for id_, level, parent, code, name in [(1, 1, None, "G1", "姚家街道"), (2, 2, 1, "G2", "第一管区"),
                                              (3, 3, 2, "G3", "花园社区"), (10, 4, 3, "G4-01", "1号楼院"),
                                              (11, 4, 3, "G4-02", "2号楼院")]:
            s.add(Grid(id=id_, street_id=1, level=level, code=code, name=name, parent_id=parent, polygon=""))
        s.add(Unit(id=2, street_id=1, code="U01", name="城市管理办", type=UnitType.OFFICE))
        s.add(Unit(id=1, street_id=1, code="U02", name="市场监管所", type=UnitType.RESIDENT_UNIT))
        for (id_, code, class_name, name) in [(1, "C1", "市容环境", "占道经营"), (2, "C2", "矛盾纠纷", "邻里纠纷")]:
            limits = [CategoryLimit(priority=p, response_minutes=30, handling_minutes=4320) for p in Priority]
            s.add(Category(id=id_, code=code, class_name=class_name, name=name,
                           lead_unit_type=UnitType.OFFICE, limits=limits))
        s.flush()
        s.add_all(make_event(code, *spec) for code, spec in EVENTS.items())
    return db


def run(db, start=START, end=END, by=None, **kwargs) -> list[MeasureRow]:
    with db.session() as session:
        return compute(session, start, end, by, **kwargs)


def test_totals(week):
    [total] = run(week, now=NOW)
    assert total == MeasureRow(
        key=None, label=None, received=17, rejected=1, answered=1, registered=14, dispatched=13, closed=8,
        closed_on_time=6, transferred=4, reworked=2, extended=2, evaluated=4, satisfied=3,
        mean_response_seconds=pytest.approx(8400 / 11), mean_handling_seconds=34000.0, overdue_open=2,
    )
    assert total.completion_rate == pytest.approx(8 / 14)
    assert (total.on_time_rate, total.rework_rate, total.satisfaction_rate) == (0.75, 0.25, 0.75)
    assert total.transfer_rate == pytest.approx(4 / 13) and total.extension_rate == pytest.approx(2 / 13)


def test_by_unit_sorted_by_code_with_no_unit_last(week):
    u01, u02, none = run(week, by="unit", now=NOW)
    assert u01 == MeasureRow(
        key=2, label="城市管理办", received=7, rejected=0, answered=0, registered=7, dispatched=7, closed=5,
        closed_on_time=4, transferred=1, reworked=1, extended=1, evaluated=3, satisfied=2,
        mean_response_seconds=600.0, mean_handling_seconds=19200.0, overdue_open=0,
    )
    assert u02 == MeasureRow(
        key=1, label="市场监管所", received=5, rejected=0, answered=0, registered=5, dispatched=5, closed=3,
        closed_on_time=2, transferred=2, reworked=1, extended=1, evaluated=1, satisfied=1,
        mean_response_seconds=1050.0, mean_handling_seconds=63600.0, overdue_open=2,
    )
    assert (none.key, none.label, none.received, none.rejected, none.answered, none.registered,
            none.dispatched) == (None, None, 5, 1, 1, 2, 1)
    assert (none.completion_rate, none.on_time_rate, none.transfer_rate, none.extension_rate) == (0.0, None, 1.0, 0.0)
    assert none.mean_response_seconds is None and none.satisfaction_rate is None


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        ("grid", [(10, "花园社区/1号楼院", 9), (11, "花园社区/2号楼院", 6), (None, None, 2)]),
        ("category", [(1, "市容环境/占道经营", 7), (2, "矛盾纠纷/邻里纠纷", 7), (None, None, 3)]),
        ("source", [("hotline_12345", "12345热线", 6), ("grid_patrol", "网格巡查", 4),
                    ("photo_app", "随手拍", 3), ("walk_in", "来电来访", 4)]),
    ],
)
def test_other_groupings(week, by, expected):
    rows = run(week, by=by)
    assert [(r.key, r.label, r.received) for r in rows] == expected
    assert all(r.overdue_open is None for r in rows)  # no ``now``, no overdue count


def test_source_rows_in_detail(week):
    hotline = run(week, by="source")[0]
    # E1 E2 E6 E7 E12 E13: registered E1 E2 E6 E7, closed E1 E2 E6 (on time E1 E2), rework E6.
    assert (hotline.registered, hotline.closed, hotline.closed_on_time, hotline.reworked) == (4, 3, 2, 1)
    assert hotline.mean_response_seconds == 900.0  # (600 + 1200 + 600 + 1200) / 4


@pytest.mark.parametrize(
    ("start", "end", "codes"),
    [
        (date(2026, 11, 1), date(2026, 11, 1), 1),  # E15 at 00:00 in; E18 the second before out
        (date(2026, 11, 7), date(2026, 11, 7), 1),  # E16 at 23:59:59 in; E17 at next 00:00 out
        (date(2026, 11, 8), date(2026, 11, 8), 1),  # E17 alone
        (date(2026, 10, 31), date(2026, 11, 8), 19),  # everything but the merged E14
    ],
)
def test_period_boundaries(week, start, end, codes):
    [total] = run(week, start, end)
    assert total.received == codes


def test_merged_events_are_left_out(week):
    with week.session() as session:
        assert session.query(Event).filter(Event.status == Status.MERGED).count() == 1
    [total] = run(week)
    assert total.received == 17 and total.extended == 2  # E14's counters would make them 18 and 3


def test_empty_period(week):
    [total] = run(week, date(2027, 1, 1), date(2027, 1, 31), now=NOW)
    assert (total.received, total.registered, total.closed, total.overdue_open) == (0, 0, 0, 0)
    assert total.completion_rate is total.on_time_rate is total.satisfaction_rate is None
    assert total.mean_response_seconds is None and total.mean_handling_seconds is None
    assert run(week, date(2027, 1, 1), date(2027, 1, 31), by="unit") == []
    table = format_table([total], by=None)
    assert "合计" in table and "-" in table.splitlines()[-1]
    assert format_table([], by="unit", lang="en_US").splitlines()[-1] == "No events"


def test_refused_arguments(week):
    with pytest.raises(ValidationError, match="分组"):
        run(week, by="weekday")
    with pytest.raises(ValidationError) as err:
        run(week, END, START)
    assert "before" in err.value.en


def right_edges(line: str) -> list[int]:
    """The display column where each space-separated cell ends."""
    edges, column = [], 0
    for index, char in enumerate(line):
        column += display_width(char)
        if char != " " and (index + 1 == len(line) or line[index + 1] == " "):
            edges.append(column)
    return edges


def test_format_table_in_chinese_aligns_wide_characters(week):
    lines = format_table(run(week, by="category", now=NOW), by="category").splitlines()
    assert lines[0].split()[:3] == ["类别（大类/小类）", "受理", "不予立案"] and "超期未办结" in lines[0]
    assert set(lines[1]) == {"-", " "}
    body = [lines[0], *lines[2:]]
    assert len({tuple(right_edges(line)[1:]) for line in body}) == 1  # numeric cells right-aligned
    assert lines[2].startswith("市容环境/占道经营 ") and lines[4].startswith("（未指定）")
    assert len({display_width(line) for line in lines}) == 1


def test_format_table_values_and_english_headers(week):
    zh = format_table(run(week), by=None)
    assert re.search(r"合计\s+17\s+1\s+1\s+14\s+13\s+8\s+57\.14%\s+75\.00%\s+30\.77%\s+25\.00%\s+15\.38%\s+75\.00%"
                     r"\s+0:13\s+9:27$", zh.splitlines()[-1])
    en = format_table(run(week, by="unit"), by="unit", lang="en_US").splitlines()
    assert en[0].startswith("Lead unit") and "Completion" in en[0] and "Overdue" not in en[0]
    assert [line.split()[0] for line in en[2:]] == ["城市管理办", "市场监管所", "(none)"]
    assert len({display_width(line) for line in en}) == 1


def test_source_values_are_plain_strings(week):
    assert {type(r.key) for r in run(week, by="source")} == {str}
    assert Source.HOTLINE_12345.label in format_table(run(week, by="source"), by="source")
