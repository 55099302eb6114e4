"""wall_snapshot() on a hand-made street where every figure is known, on SQLite and PostgreSQL.

Now is Wednesday 2026-11-18 15:30. Grids: A1 "A社区1号院", B1 "B社区1号院"; units 环卫所 (HW),
市政所 (SZ), 综合执法中队 (ZF); categories 占道经营 (城市管理) and 邻里纠纷 (矛盾纠纷, added here).

 ev  status       unit cat   grid received     notes
 Z1  closed       HW   占道  A1   10-01 10:00  on time (the 30 days before the last 30)
 (closing times and the two ratings' log rows: CLOSED and LOG below)
 L3  evaluated    ZF   占道  A1   11-09 12:00  late, 不满意 (Monday last week)
 O5  closed       HW   占道  B1   11-10 09:00  late
 L1  closed       SZ   占道  A1   11-11 10:00  on time (last Wednesday, before 15:30)
 L2  closed       ZF   邻里  B1   11-11 17:00  on time (last Wednesday, after 15:30)
 O1  closed       HW   占道  A1   11-16 10:00  on time; dispatched and closed today (log)
 O2  acknowledged SZ   邻里  B1   11-16 11:00  due 11-20; open 督办 alert due 11-18 09:00
 O3  dispatched   ZF   占道  A1   11-16 12:00  due 11-17 08:00; 督办 (11-17 12:00) and 挂牌督办 (11-17 20:00)
 O6  registered   -    邻里  A1   11-16 13:00  open 督办 alert due 11-16 18:00
 Y1  evaluated    HW   占道  A1   11-17 09:00  on time, 满意
 Y3  registered   -    占道  A1   11-17 15:29
 Y2  closed       SZ   邻里  B1   11-17 16:00  late (after 15:30: not in "yesterday up to now")
 T1  closed       HW   占道  A1   11-18 09:10  on time; a caller's name, phone and flat in its text
 T2  in_progress  SZ   邻里  B1   11-18 10:20  due 11-18 12:00 (overdue); a 预警 alert (not shown)
 T3  received     -    -     -    11-18 14:05  title with a name, a phone and a flat
 T4  merged       -    -     -    11-18 14:50
 C5  closed       HW   占道  A1   11-12 09:00  an uncleared 挂牌督办 alert, but closed: on no list
Another street has an event, a contact, log rows and a signed-in officer today: none counts here.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest

from commandroom.models import Category, Event
from commandroom.models.enums import Action, AlertLevel, Role, Satisfaction, Source, Status, UnitType
from commandroom.models.events import Alert, Contact
from commandroom.models.log import EventLog
from commandroom.models.org import User
from commandroom.models.wall_figures import wall_snapshot
from tests import street_fixture

NOW = datetime(2026, 11, 18, 15, 30)
S = Status


def at(text: str) -> datetime:
    return datetime.strptime(f"2026-{text}", "%Y-%m-%d %H:%M")


# code: status, unit, category, grid, received, extra columns
EVENTS = {
    "Z1": (S.CLOSED, "HW", "占道经营", "A1", "10-01 10:00", dict(on_time=True)),
    "L3": (S.EVALUATED, "ZF", "占道经营", "A1", "11-09 12:00", dict(on_time=False, satisfaction=Satisfaction.DISSATISFIED)),
    "O5": (S.CLOSED, "HW", "占道经营", "B1", "11-10 09:00", dict(on_time=False)),
    "L1": (S.CLOSED, "SZ", "占道经营", "A1", "11-11 10:00", dict(on_time=True)),
    "L2": (S.CLOSED, "ZF", "邻里纠纷", "B1", "11-11 17:00", dict(on_time=True)),
    "O1": (S.CLOSED, "HW", "占道经营", "A1", "11-16 10:00", dict(on_time=True)),
    "O2": (S.ACKNOWLEDGED, "SZ", "邻里纠纷", "B1", "11-16 11:00", dict(handle_due=at("11-20 00:00"))),
    "O3": (S.DISPATCHED, "ZF", "占道经营", "A1", "11-16 12:00", dict(handle_due=at("11-17 08:00"))),
    "O6": (S.REGISTERED, None, "邻里纠纷", "A1", "11-16 13:00", dict(first_dispatched_at=None)),
    "Y1": (S.EVALUATED, "HW", "占道经营", "A1", "11-17 09:00", dict(on_time=True, satisfaction=Satisfaction.SATISFIED)),
    "Y3": (S.REGISTERED, None, "占道经营", "A1", "11-17 15:29", dict(first_dispatched_at=None)),
    "Y2": (S.CLOSED, "SZ", "邻里纠纷", "B1", "11-17 16:00", dict(on_time=False)),
    "T1": (S.CLOSED, "HW", "占道经营", "A1", "11-18 09:10", dict(
        on_time=True, title="经十路12号门口摆摊", description="我叫王建国，电话13812345678",
        address="历下区经十路12号燕山小区3号楼2单元502室")),
    "T2": (S.IN_PROGRESS, "SZ", "邻里纠纷", "B1", "11-18 10:20", dict(handle_due=at("11-18 12:00"))),
    "T3": (S.RECEIVED, None, None, None, "11-18 14:05", dict(
        registered_at=None, first_dispatched_at=None, title="我叫王建国，电话13812345678，住5号楼2单元502室漏水",
        address="燕山小区5号楼2单元502室")),
    "T4": (S.MERGED, None, None, None, "11-18 14:50", dict(
        registered_at=None, first_dispatched_at=None, title="", description="联系人：欧阳娜娜 0531-88881234\n楼道堆物")),
    "C5": (S.CLOSED, "HW", "占道经营", "A1", "11-12 09:00", dict(on_time=True)),
}
# When the closed events were closed: the period before is counted as it stood at its cut, so
# O5 (closed 11-12) was still open at last Wednesday 15:30; Y3, received 15:29 and registered five
# minutes later, was not registered yet at yesterday 15:30.
CLOSED = {"Z1": "10-02 10:00", "L3": "11-10 12:00", "O5": "11-12 09:00", "L1": "11-11 12:00",
          "L2": "11-12 10:00", "O1": "11-18 15:00", "Y1": "11-17 11:00", "Y2": "11-18 09:00",
          "T1": "11-18 14:00", "C5": "11-13 09:00"}
# Contacts beside the events' own (one each, at their received time): a second report of T3
# today; reports on the four Wednesdays before (and on days that are not those).
MORE_CONTACTS = ["11-18 14:55", "11-04 10:30", "10-21 10:45", "10-14 10:00", "11-12 10:00"]
# (event or None, action, at, actor): the day's work, the duty team, rows that must not count.
LOG = [
    ("T1", Action.REGISTER, "11-18 09:15", "duty1"), ("T1", Action.DISPATCH, "11-18 09:20", "duty1"),
    ("T1", Action.CLOSE, "11-18 14:00", "duty1"), ("T2", Action.REGISTER, "11-18 10:25", "duty1"),
    ("T2", Action.DISPATCH, "11-18 10:30", "duty1"), ("T2", Action.DISPATCH, "11-18 11:00", "duty1"),
    ("O1", Action.DISPATCH, "11-18 11:00", "duty1"), ("O1", Action.CLOSE, "11-18 15:00", "duty1"),
    ("Y2", Action.CLOSE, "11-17 16:00", "duty1"), ("T3", Action.REGISTER, "11-18 16:00", "duty1"),
    (None, Action.SIGN_IN, "11-18 07:00", "duty2"), (None, Action.SIGN_IN, "11-18 08:00", "duty1"),
    (None, Action.SIGN_OUT, "11-18 08:05", "duty2"), (None, Action.SIGN_IN, "11-18 06:00", "lead1"),
    (None, Action.SIGN_IN, "11-17 20:00", "lead2"),
    ("Y1", Action.EVALUATE, "11-17 14:00", "duty1"), ("L3", Action.EVALUATE, "11-12 10:00", "duty1"),
]
USERS = [("duty1", "张伟", Role.DUTY_OFFICER), ("duty2", "欧阳娜娜", Role.DUTY_OFFICER),
         ("lead1", "司马懿", Role.SHIFT_LEADER), ("lead2", "李明", Role.SHIFT_LEADER),
         ("other", "赵其他", Role.DUTY_OFFICER), ("wall", "大屏", Role.DISPLAY)]
# (event, level, due at, cleared)
ALERTS = [("O2", AlertLevel.SUPERVISION, "11-18 09:00", False), ("O3", AlertLevel.SUPERVISION, "11-17 12:00", False),
          ("O3", AlertLevel.LISTED, "11-17 20:00", False), ("O6", AlertLevel.SUPERVISION, "11-16 18:00", False),
          ("T2", AlertLevel.WARNING, "11-18 11:00", False), ("C5", AlertLevel.LISTED, "11-14 10:00", False),
          ("O1", AlertLevel.LISTED, "11-17 09:00", True)]


@pytest.fixture
def street(db):
    tiny = street_fixture.build(db)
    other = street_fixture.build(db, code="370102006", abbr="QT", name="其他街道", origin=(117.1, 36.7))
    units = {"HW": tiny.units["环卫所"], "SZ": tiny.units["市政所"], "ZF": tiny.units["综合执法中队"]}
    with db.session() as s:
        s.add(Category(code="MD01", class_name="矛盾纠纷", name="邻里纠纷", lead_unit_type=UnitType.COMMUNITY_COMMITTEE))
        s.flush()
        categories = {c.name: c.id for c in s.query(Category)}
        ids = {}
        for code, (status, unit, category, grid, received, extra) in EVENTS.items():
            received_at = at(received)
            fields = dict(registered_at=received_at + timedelta(minutes=5),
                          first_dispatched_at=received_at + timedelta(minutes=10) if unit else None,
                          closed_at=at(CLOSED[code]) if code in CLOSED else None) | extra
            event = Event(code=f"YJ-{code}", street_id=tiny.street_id, status=status, source=Source.HOTLINE_12345,
                          lead_unit_id=units.get(unit), category_id=categories.get(category),
                          grid_id=tiny.grids.get(grid), received_at=received_at, version=1, **fields)
            s.add(event)
            s.flush()
            ids[code] = event.id
            s.add(Contact(street_id=tiny.street_id, source=Source.HOTLINE_12345, received_at=received_at,
                          event_id=event.id, caller_name="王建国", caller_phone="13812345678"))
        for moment in MORE_CONTACTS:
            s.add(Contact(street_id=tiny.street_id, source=Source.GRID_PATROL, received_at=at(moment)))
        for login, name, role in USERS:
            s.add(User(login=login, name=name, role=role))
        for code, action, moment, actor in LOG:
            s.add(EventLog(at=at(moment), actor=actor, street_id=tiny.street_id,
                           event_id=ids.get(code), action=action, payload={}))
        for code, level, due, cleared in ALERTS:
            s.add(Alert(event_id=ids[code], level=level, raised_at=at(due), due_at=at(due), deadline=at(due),
                        cleared_at=at(due) + timedelta(hours=1) if cleared else None))
        # The other street: an event received, registered and closed today, a report, an officer.
        x1 = Event(code="QT-X1", street_id=other.street_id, status=S.CLOSED, source=Source.WALK_IN,
                   received_at=at("11-18 09:00"), registered_at=at("11-18 09:05"), on_time=True, version=1,
                   handle_due=at("11-18 10:00"))
        s.add(x1)
        s.flush()
        s.add(Contact(street_id=other.street_id, source=Source.WALK_IN, received_at=at("11-18 09:00"), event_id=x1.id))
        s.add_all([EventLog(at=at("11-18 09:05"), actor="other", street_id=other.street_id, event_id=x1.id,
                            action=Action.REGISTER, payload={}),
                   EventLog(at=at("11-18 11:00"), actor="other", street_id=other.street_id, event_id=x1.id,
                            action=Action.CLOSE, payload={}),
                   EventLog(at=at("11-18 12:00"), actor="other", street_id=other.street_id,
                            action=Action.SIGN_IN, payload={})])
    db.street_id, db.ids = tiny.street_id, ids
    return db


def snapshot(db, now=NOW):
    with db.session() as session:
        return wall_snapshot(session, now, db.street_id)


def test_header_and_duty_team(street):
    snap = snapshot(street)
    assert snap.taken_at == NOW and snap.street == "姚家街道"
    # duty2 signed out after duty1 signed in; lead2's sign-in is older than a shift.
    assert (snap.duty_officer, snap.shift_leader) == ("张*", "司马*")


def test_nobody_on_duty_once_signed_out(street):
    with street.session() as s:
        s.add(EventLog(at=at("11-18 15:10"), actor="duty1", street_id=street.street_id, action=Action.SIGN_OUT,
                       payload={}))
    assert snapshot(street).duty_officer == ""
    # Half a day later even the leader's sign-in has lapsed.
    assert snapshot(street, at("11-18 18:01")).shift_leader == ""


def test_today_counts(street):
    c = snapshot(street).counts
    # received T1 T2 T3 (T4 merged); registered T1 T2 (T3's is after now); dispatched T1 T2 O1
    # (T2 twice, once counted); closed T1 O1; with a unit T2 O2 O3, of which T2 and O3 are late.
    assert (c.received, c.registered, c.dispatched, c.closed, c.in_progress, c.overdue) == (3, 2, 3, 2, 3, 2)


def test_periods_beside_the_one_before(street):
    snap = snapshot(street)
    assert [p.period for p in snap.periods] == ["today", "week", "days30"]
    today, week, days30 = snap.periods

    def figures(row):
        return row.received, row.registered, row.closed, row.closed_on_time, row.evaluated, row.satisfied

    assert figures(today.current) == (3, 2, 1, 1, 0, 0)  # T1 T2 T3
    # Y1 Y3 as they stood yesterday at 15:30 (Y2 came later): Y3 not registered yet; Y1 closed, rated.
    assert figures(today.previous) == (2, 1, 1, 1, 1, 1)
    assert today.current.overdue_open == 1  # T2
    assert figures(week.current) == (10, 9, 4, 3, 1, 1)  # O1 O2 O3 O6 Y1 Y2 Y3 T1 T2 T3
    # L3 O5 L1 (L2 came after Wednesday 15:30) as they stood then: O5 still open, L3 not rated yet.
    assert figures(week.previous) == (3, 3, 2, 1, 0, 0)
    assert figures(days30.current) == (15, 14, 9, 6, 2, 1)  # all but Z1 and T4
    assert figures(days30.previous) == (1, 1, 1, 1, 0, 0)  # Z1
    assert week.current.completion_rate == 4 / 9 and week.previous.on_time_rate == 1 / 2


def test_reports_per_hour_beside_the_same_weekday(street):
    hourly = snapshot(street).hourly
    today = [None] * 24
    today[:16] = [0] * 16
    today[9], today[10], today[14] = 1, 1, 3  # T1; T2; T3, T4 and T3's second report
    assert hourly.today == tuple(today)
    usual = [0.0] * 24
    usual[10] = 3 / 4  # L1 on 11-11, reports on 11-04 and 10-21 (not 10-14: five weeks; not 11-12: Thursday)
    usual[17] = 1 / 4  # L2
    assert hourly.usual == tuple(usual)


def test_daily_rates_of_the_30_whole_days_before_today(street):
    daily = snapshot(street).daily
    assert daily.days[0] == date(2026, 10, 19) and daily.days[-1] == date(2026, 11, 17) and len(daily.days) == 30
    rates = dict(zip(daily.days, zip(daily.completion, daily.satisfaction)))
    assert date(2026, 11, 18) not in rates  # today (T1 of T1 T2 closed so far) is not a whole day yet
    assert rates[date(2026, 11, 17)] == (2 / 3, 1.0)  # Y1 Y2 of Y1 Y2 Y3; Y1 satisfied
    assert rates[date(2026, 11, 16)] == (1 / 4, None)  # O1 of O1 O2 O3 O6
    assert rates[date(2026, 11, 9)] == (1.0, 0.0)  # L3, dissatisfied
    assert rates[date(2026, 11, 13)] == (None, None)  # no event that day


def test_by_class_and_units(street):
    snap = snapshot(street)
    # 城市管理: O1 O3 O5 Y1 Y3 T1 L1 L3 C5; 矛盾纠纷: O2 O6 Y2 T2 L2 (T3, T4 have no category).
    assert snap.by_class == (("城市管理", 9), ("矛盾纠纷", 5))
    # This week: 环卫所 O1 Y1 T1 all on time; 市政所 Y2 late; 综合执法中队 closed nothing (not ranked).
    assert [(u.unit, u.closed, u.closed_on_time) for u in snap.units] == [("环卫所", 3, 3), ("市政所", 1, 0)]


def test_lists_and_their_order(street):
    snap = snapshot(street)
    codes = lambda events: [e.number for e in events]  # noqa: E731
    assert codes(snap.listed) == ["YJ-O3"] and snap.listed[0].level == "listed"
    assert snap.listed[0].since == at("11-17 20:00")
    assert codes(snap.supervised) == ["YJ-O6", "YJ-O2"]  # oldest first; O3 is listed, C5 closed, O1 cleared
    assert [e.since for e in snap.supervised] == [at("11-16 18:00"), at("11-18 09:00")]
    assert codes(snap.overdue) == ["YJ-O3", "YJ-T2"]  # most overdue first
    assert [e.level for e in snap.overdue] == ["listed", None]  # T2's warning is not the wall's
    assert codes(snap.ticker)[:5] == ["YJ-T4", "YJ-T3", "YJ-T2", "YJ-T1", "YJ-Y2"]
    assert len(snap.ticker) == len(EVENTS) and snap.ticker[0].since == at("11-18 14:50")
    o3 = snap.listed[0]
    assert (o3.title, o3.grid, o3.unit) == ("占道经营", "A社区/A社区1号院", "综合执法中队")


def test_every_text_is_public(street):
    snap = snapshot(street)
    shown = {e.number: e for e in snap.ticker}
    assert shown["YJ-T1"].title == "占道经营"  # the category, not the caller's words
    assert shown["YJ-T1"].place == "历下区经十路燕山小区"
    assert shown["YJ-T3"].title == "我叫王**，住某号楼漏水"
    assert shown["YJ-T3"].place == "燕山小区"
    assert shown["YJ-T4"].title == "联系人：欧阳**"  # no title: the first line of the description
    texts = [snap.street, snap.duty_officer, snap.shift_leader] + [name for name, _ in snap.by_class]
    texts += [u.unit for u in snap.units]
    for event in snap.listed + snap.supervised + snap.overdue + snap.ticker:
        texts += [event.number, event.title, event.place, event.grid, event.unit]
    for text in texts:
        assert not re.search(r"\d{7}|建国|娜娜|\d+室|\d+号楼(?!院)|\d+单元", text), text


def test_without_a_street_the_whole_database(street):
    with street.session() as session:
        snap = wall_snapshot(session, NOW, None)
    assert snap.street == ""  # two streets: no one name
    assert (snap.counts.received, snap.counts.registered, snap.counts.closed) == (4, 3, 3)  # and QT-X1
    assert snap.duty_officer == "赵**"  # the other street's officer signed in last
