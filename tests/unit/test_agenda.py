"""The weekly meeting's agenda on a hand-made week, written through the domain commands."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from commandroom.models import Decision, Event, EventLog, agenda, decisions, replay
from commandroom.models.agenda import AgendaKind
from commandroom.models.enums import Satisfaction, Status
from commandroom.models.errors import PermissionDeniedError, ValidationError

from tests.unit.test_commands import PATH, _dispatch, _escalate, _territorial, bring_to, world  # noqa: F401

K = AgendaKind
WEEK = "2026-W47"  # Monday 16 November 2026, the clock fixture's day


def _return(w, ref):
    w.clock.advance(minutes=10)
    return w.officer.return_(ref.id, ref.version, reason="非本单位职责")


def _then(w, ref, status):
    """Walk ``ref`` on along the main path from its status to ``status``."""
    steps = PATH[status][len(PATH[ref.status]):]
    for step in steps:
        w.clock.advance(minutes=5)
        ref = step(w, ref)
    return ref


@pytest.fixture
def week(world):  # noqa: F811
    w = world
    made = {}
    w.clock.at = datetime(2026, 11, 13, 10, 0)  # the Friday before: a rework that is last week's
    old = bring_to(w, Status.RESOLVED, title="上周返工")
    w.officer.rework(old.id, old.version, reason="摊位仍在")
    w.clock.at = datetime(2026, 11, 16, 9, 0)
    twice = bring_to(w, Status.DISPATCHED, title="两次退回")
    twice = _return(w, twice)
    twice = _dispatch(w, twice)
    made["twice"] = _return(w, twice)
    once = bring_to(w, Status.DISPATCHED, title="一次退回")
    made["once"] = _return(w, once)
    reworked = bring_to(w, Status.RESOLVED, title="返工")
    made["reworked"] = w.officer.rework(reworked.id, reworked.version, reason="现场未处置到位")
    escalated = _territorial(w, Status.REGISTERED)
    made["escalated"] = _escalate(w, escalated)
    late = bring_to(w, Status.IN_PROGRESS, title="超期")
    w.clock.advance(days=3, hours=1)  # past the 3-day handling limit, still in the week
    made["late"] = _then(w, late, Status.CLOSED)
    w.clock.at = datetime(2026, 11, 18, 9, 0)
    upset = bring_to(w, Status.CLOSED, title="不满意")
    made["upset"] = w.officer.evaluate(upset.id, upset.version, satisfaction=Satisfaction.DISSATISFIED)
    pleased = bring_to(w, Status.CLOSED, title="满意")
    w.officer.evaluate(pleased.id, pleased.version, satisfaction=Satisfaction.SATISFIED)
    return w, made


def test_the_agenda_lists_each_reason_once_in_the_meeting_order(week):
    w, made = week
    with w.db.session() as s:
        items = agenda.build(s, w.street.street_id, WEEK)
    found = [(item.kind, item.event_id) for item in items]
    assert found == [
        (K.OVERDUE_CLOSED, made["late"].id),
        (K.TRANSFERRED, made["twice"].id),
        (K.REWORKED, made["reworked"].id),
        (K.DISSATISFIED, made["upset"].id),
        (K.ESCALATED, made["escalated"].id),
        (K.RECURRING, made["twice"].id),  # the same category in the same grid all week: 未诉先办
    ]
    transferred = items[1]
    assert len(transferred.moments) == 2 and transferred.moments == tuple(sorted(transferred.moments))
    assert transferred.title == "两次退回" and transferred.code.startswith("YJ")
    recurring = items[-1]
    assert recurring.events[0] == made["twice"].id and made["upset"].id in recurring.events
    assert made["escalated"].id not in recurring.events  # another category
    assert len(recurring.moments) == len(recurring.events) >= 3
    assert recurring.moments == tuple(sorted(recurring.moments)) and recurring.first >= datetime(2026, 11, 16)
    assert " · " in recurring.title


def test_a_category_seen_twice_is_not_recurring(world):  # noqa: F811
    w = world
    w.clock.at = datetime(2026, 11, 17, 9, 0)
    bring_to(w, Status.REGISTERED, title="一")
    bring_to(w, Status.REGISTERED, title="二")
    with w.db.session() as s:
        assert [item.kind for item in agenda.build(s, w.street.street_id, WEEK)] == []
    bring_to(w, Status.REGISTERED, title="三")
    with w.db.session() as s:
        assert [item.kind for item in agenda.build(s, w.street.street_id, WEEK)] == [K.RECURRING]


def test_a_week_holds_only_its_own_reasons(week):
    w, made = week
    with w.db.session() as s:
        last_week = agenda.build(s, w.street.street_id, "2026-W46")
        next_week = agenda.build(s, w.street.street_id, "2026-W48")
    assert [(i.kind, i.title) for i in last_week] == [(K.REWORKED, "上周返工")]
    assert next_week == []


@pytest.mark.parametrize("text", ["2026-47", "W47", "2026-W54", "", "2026-W0"])
def test_a_malformed_week_is_refused_in_words(text):
    with pytest.raises(ValidationError, match="2026-W47"):
        agenda.week_bounds(text)


def test_weeks_are_iso_weeks():
    assert agenda.week_bounds("2026-w47") == (datetime(2026, 11, 16), datetime(2026, 11, 23))
    assert agenda.week_of(datetime(2026, 11, 22).date()) == "2026-W47"
    assert agenda.week_of(datetime(2027, 1, 1).date()) == "2026-W53"


# -- decisions ---------------------------------------------------------------------------------
def test_a_decision_is_logged_without_touching_the_event_and_replays(week):
    w, made = week
    late = made["late"]
    decision_id = w.leader.decide(late.id, week=WEEK, kind=K.OVERDUE_CLOSED, what="约谈综合执法中队负责人",
                                  who="综合执法中队", due=datetime(2026, 11, 27).date())
    with w.db.session() as s:
        row = s.get(Decision, decision_id)
        log = s.scalars(select(EventLog).order_by(EventLog.id.desc()).limit(1)).one()
        state = replay.state_at(s, w.street.street_id)
        assert s.get(Event, late.id).version == late.version  # an officer's next command is not stale
    assert (row.week, row.kind, row.who, row.decided_by, row.sequence) == (WEEK, "overdue_closed", "综合执法中队",
                                                                           "liming", 1)
    assert log.event_id is None and log.street_id == w.street.street_id and log.action == "decide"
    folded = state.rows["decision"][decision_id]
    assert folded["due"] == row.due and folded["decided_at"] == row.decided_at and folded["what"] == row.what


@pytest.mark.parametrize("kwargs, fragment", [
    (dict(what=""), "决定事项"),
    (dict(what="x" * 501), "过长"),
    (dict(who=""), "责任"),
    (dict(kind="lunch"), "议题类型"),
    (dict(week="2026-47"), "2026-W47"),
    (dict(due=datetime(2026, 11, 1).date()), "完成时限"),
])
def test_a_bad_decision_is_refused_and_writes_nothing(week, kwargs, fragment):
    w, made = week
    args = dict(week=WEEK, kind=K.REWORKED, what="返工复查", who="环卫所", due=datetime(2026, 11, 20).date())
    args.update(kwargs)
    with w.db.session() as s:
        before = s.scalar(select(func.count()).select_from(EventLog))
    with pytest.raises(ValidationError, match=fragment):
        w.leader.decide(made["reworked"].id, **args)
    with w.db.session() as s:
        assert s.scalar(select(func.count()).select_from(EventLog)) == before


def test_only_leaders_decide(week):
    w, made = week
    with pytest.raises(PermissionDeniedError):
        w.officer.decide(made["reworked"].id, week=WEEK, kind=K.REWORKED, what="返工复查", who="环卫所",
                         due=datetime(2026, 11, 20).date())


def test_next_week_sees_whether_each_decision_was_kept(week):
    w, made = week
    kept = w.leader.decide(made["upset"].id, week=WEEK, kind=K.DISSATISFIED, what="回访群众", who="社区",
                           due=datetime(2026, 11, 20).date())
    open_ = w.leader.decide(made["twice"].id, week=WEEK, kind=K.TRANSFERRED, what="明确主办单位",
                            who="城市管理办", due=datetime(2026, 11, 20).date())
    with w.db.session() as s:
        seen = {f.decision_id: f for f in decisions.followed(s, w.street.street_id, WEEK)}
        assert decisions.followed(s, w.street.street_id, "2026-W48") == []
    assert list(seen) == [kept, open_]  # in the order the meeting took them
    assert seen[kept].kept and seen[kept].done_at is not None  # closed before the decision, so kept
    assert not seen[open_].kept and seen[open_].done_at is None
