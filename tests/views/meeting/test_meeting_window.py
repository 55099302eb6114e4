"""The meeting window on the hand-made week: loaded off the GUI thread, the agenda opens its
events at their key moments, the list shows the street as it stood, the slider seeks, steps
and plays, and a leader's decision is recorded through the command runner."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from commandroom.models import Decision, User
from commandroom.models.enums import Role
from commandroom.models.replay_rows import event_rows
from commandroom.services.command_runner import CommandRunner
from commandroom.services.meeting_loader import MeetingLoader
from commandroom.services.worker_thread import WorkerThread
from commandroom.models.queries import RECENT_DAYS
from commandroom.views.meeting.window import MeetingWindow
from tests.services.conftest import no_leaked_workers  # noqa: F401
from tests.unit.test_agenda import WEEK, week, world  # noqa: F401

NOW = datetime(2026, 11, 23, 8, 0)


@pytest.fixture
def meeting(qtbot, week):  # noqa: F811
    w, made = week
    with w.db.session() as s:
        s.add(User(login="liming", name="李明", role=Role.SHIFT_LEADER))
        s.commit()
    runner = CommandRunner(w.db, login="liming", console="meeting-room", street_id=w.street.street_id,
                           lang="zh_CN", clock=w.clock)
    window = MeetingWindow(runner, role=Role.SHIFT_LEADER)
    qtbot.addWidget(window)
    loader = MeetingLoader(w.db, w.street.street_id, WEEK, clock=w.clock)
    loader.sig_loaded.connect(window.set_data)
    thread = WorkerThread(loader, "meeting-loader")
    runner.start()
    with qtbot.waitSignal(window.sig_ready, timeout=30_000):
        thread.start()
    yield window, w, made
    thread.stop()
    runner.stop()


def _listed(window) -> list:
    model = window.events.model
    return sorted((model.row_at(i) for i in range(model.rowCount())), key=lambda r: (r.received_at, r.id))


def test_an_agenda_item_opens_its_event_as_it_stood(meeting, qtbot):
    window, w, made = meeting
    agenda = window.agenda.list
    assert agenda.count() == 6  # with the week's recurring problem, last
    agenda.setCurrentRow(1)  # 多次流转: the event returned twice
    item = window.data.report.agenda[1]
    assert window.clock.instant == item.first
    assert window.events.selection.current == made["twice"].id
    expected = event_rows(window.data.replay.state_at(item.first), window.data.names, item.first, RECENT_DAYS)
    assert _listed(window) == expected
    lines = [window.timeline.item(i).text() for i in range(window.timeline.count())]
    assert any("受理" in line for line in lines) and sum("退回" in line for line in lines) == 1  # the first


def test_the_slider_seeks_steps_and_plays(meeting, qtbot):
    window, w, made = meeting
    start = window.data.replay.start
    window.bar.slider.setValue(int(timedelta(days=1).total_seconds() // 60))
    assert window.clock.instant == start + timedelta(days=1)
    window.step(-1)
    before = window.clock.instant
    assert before == window.data.replay.previous_change(start + timedelta(days=1))
    window.step(1)
    assert window.clock.instant == window.data.replay.next_change(before)
    qtbot.waitUntil(lambda: _listed(window) == event_rows(
        window.data.replay.state_at(window.clock.instant), window.data.names, window.clock.instant, RECENT_DAYS))
    at = window.clock.instant
    window.bar.play.click()
    qtbot.waitUntil(lambda: window.clock.instant >= at + timedelta(hours=1), timeout=5000)
    window.bar.play.click()
    assert not window.clock.playing


def test_a_decision_is_recorded_and_shown(meeting, qtbot):
    window, w, made = meeting
    window.agenda.list.setCurrentRow(0)
    item = window.agenda.current()
    with qtbot.waitSignal(window.runner.sig_finished, timeout=10_000) as done:
        window.record_decision(item, what="约谈主办单位负责人", who="综合执法中队", due=date(2026, 11, 30))
    assert done.args[0].ok, done.args[0].message
    assert "约谈主办单位负责人" in window.agenda.list.item(0).text()
    with w.db.session() as s:
        row = s.scalars(select(Decision)).one()
    assert (row.event_id, row.kind, row.decided_by) == (item.event_id, item.kind.value, "liming")


def test_the_board_and_the_map_show_the_instant_read_only(meeting, qtbot):
    from commandroom.models import replay_views

    window, w, made = meeting
    tabs = window.tabs
    window.agenda.list.setCurrentRow(1)
    tabs.setCurrentWidget(tabs.board)
    cards = tabs.board.cards
    expected = {c.id for c in replay_views.cards(window.data.cursor, window.data.cursor.rows)}
    assert expected and set(cards.cards) == expected
    assert not any(view.dragEnabled() for view in tabs.board.lane_views.values())
    assert window.events.selection.current == made["twice"].id
    assert tabs.board.selected_ids() == [made["twice"].id]  # the agenda's event, chosen on the board too
    window.seek(window.data.replay.end)  # the board follows the slider, the hidden map gathers
    qtbot.waitUntil(lambda: window.data.cursor.at == window.data.replay.end)
    qtbot.waitUntil(lambda: set(cards.cards) == {c.id for c in replay_views.cards(
        window.data.cursor, window.data.cursor.rows)}, timeout=5000)
    assert tabs.map is None
    with qtbot.waitSignal(tabs.currentChanged):
        tabs.setCurrentIndex(tabs.map_index)
    assert tabs.map is not None and tabs.currentWidget() is tabs.map and tabs.map.loaded
    tabs.map.bridge.sig_marker_clicked.emit(made["escalated"].id)  # a marker chosen on the map …
    assert window.events.selection.current == made["escalated"].id  # … is the list's and the timeline's
    assert made["escalated"].code in window.timeline_title.text()


def test_the_measures_tab_sets_the_week_beside_the_week_before(meeting, qtbot):
    import pyqtgraph as pg

    window, w, made = meeting
    panel = window.measures
    window.tabs.setCurrentWidget(panel)
    this_week, last_week = window.data.report.groups["unit"]
    busiest = max((row for row in this_week if row.key is not None), key=lambda row: row.received)
    before = {row.key: row.completion_rate for row in last_week}
    labels, last, now = panel.series()
    assert labels[0] == busiest.label[:6]
    assert now[0] == pytest.approx(100 * (busiest.completion_rate or 0))
    assert last[0] == pytest.approx(100 * (before.get(busiest.key) or 0))
    assert sum(isinstance(item, pg.BarGraphItem) for item in panel.plot.plotItem.items) == 2
    panel.measure.setCurrentIndex(panel.measure.count() - 1)  # 受理量: counts, not rates
    panel.group.setCurrentIndex(panel.group.findData("category"))
    labels, last, now = panel.series()
    categories = [row for row in window.data.report.groups["category"][0] if row.key is not None]
    assert sorted(now, reverse=True) == sorted((float(row.received) for row in categories), reverse=True)[:len(now)]
    assert "上周" in panel.plot.plotItem.titleLabel.text or "本周" in panel.plot.plotItem.titleLabel.text
    assert ("办结率变化最大的单位" in panel.movers.text()) == bool(window.data.report.movers)


def test_a_recurring_problem_opens_with_all_its_events(meeting, qtbot):
    window, w, made = meeting
    window.agenda.list.setCurrentRow(5)
    item = window.agenda.current()
    assert item.kind.value == "recurring"
    assert f"（本周 {len(item.events)} 起）" in window.agenda.list.item(5).text()
    assert window.clock.instant == item.moments[-1]
    assert set(window.events.selected_ids()) == set(item.events)


@pytest.mark.parametrize("role, words", [(Role.DUTY_OFFICER, ["值班员", "带班领导"]), (None, ["未登录"])])
def test_a_role_that_may_not_decide_watches_and_is_told_why(qtbot, week, role, words):  # noqa: F811
    w, made = week
    runner = CommandRunner(w.db, login="zhangwei", console="meeting-room", street_id=w.street.street_id,
                           lang="zh_CN", clock=w.clock) if role else None  # never started: nothing is given
    window = MeetingWindow(runner, role=role)
    qtbot.addWidget(window)
    loader = MeetingLoader(w.db, w.street.street_id, WEEK, clock=w.clock)
    with qtbot.waitSignal(window.sig_ready, timeout=30_000):
        loader.sig_loaded.connect(window.set_data)
        loader.start()
    window.agenda.list.setCurrentRow(1)  # 多次流转
    assert window.clock.instant == window.agenda.current().first  # watching works
    button = window.agenda.decide
    assert not button.isEnabled() and all(word in button.text() for word in words)
    assert window.decision_refusal() == button.text()


def test_an_agenda_item_selects_its_event_and_scrolls_the_list_to_it(meeting, qtbot):
    window, w, made = meeting
    window.resize(1280, 360)  # the list shows a few rows: most events need a scroll to be seen
    window.show()
    qtbot.waitExposed(window)
    table, model = window.events.table, window.events.model
    scrolled = []
    for n in range(window.agenda.list.count()):
        window.agenda.list.setCurrentRow(n)
        item = window.agenda.current()
        current = table.selectionModel().currentIndex()
        assert current.isValid()
        assert model.row_at(current.row()).id in (list(item.events) or [item.event_id])
        assert set(window.events.selected_ids()) <= set(item.events or [item.event_id])
        assert table.visualRect(current).intersects(table.viewport().rect()), item.kind
        scrolled.append(table.verticalScrollBar().value())
    assert max(scrolled) > 0  # some event sat below the rows in sight: the list did scroll to it
