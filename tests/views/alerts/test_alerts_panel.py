"""The alerts dock: order by level and age, filters, acknowledging with a note, listing by hand,
the shared selection, the eye-catcher for a new 督办; and end to end, the console's own
scheduler raising alerts that reach the dock, the event list and the board by signal."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from commandroom.app import Console
from commandroom.config import Settings
from commandroom.models.alert_rows import AlertRow, AlertsView
from commandroom.models.clock import FrozenClock
from commandroom.models.commands import Commands
from commandroom.models.enums import AlertLevel, Role, Source
from commandroom.views.alerts.alerts_panel import ALERTS, AlertsPanel
from commandroom.views.common.selection import Selection
from commandroom.views.events.event_table_model import Col
from tests.services.seed import OFFICER

NOW = datetime(2026, 11, 16, 12, 0)
L = AlertLevel


def alert(alert_id, level, event_id, *, unit=(1, "综合执法中队"), due_minutes_ago=30, acknowledged=False):
    due = NOW - timedelta(minutes=due_minutes_ago)
    return AlertRow(alert_id, event_id, f"YJ20261116-{event_id:04d}", f"事件{event_id}", unit[0], unit[1],
                    level, "response", f"签收时限 {due:%m-%d %H:%M}", due, due, due, False,
                    "zhangwei" if acknowledged else "", NOW if acknowledged else None, "")


class FakeRunner:
    def __init__(self):
        from PySide6.QtCore import QObject, Signal

        class Sig(QObject):
            sig_finished = Signal(object)

        self._sig = Sig()
        self.sig_finished = self._sig.sig_finished
        self.requests = []

    def submit(self, request):
        self.requests.append(request)
        return request.id


@pytest.fixture
def panel(qtbot):
    selection = Selection()
    widget = AlertsPanel(selection, FrozenClock(NOW), muted=False)
    qtbot.addWidget(widget)
    widget.runner = FakeRunner()
    widget.set_commands(widget.runner)
    widget.on_view_loaded(ALERTS, AlertsView(None, (
        alert(1, L.WARNING, 10, due_minutes_ago=5),
        alert(2, L.SUPERVISION, 11, due_minutes_ago=10, unit=(2, "环卫所")),
        alert(3, L.REMINDER, 12, due_minutes_ago=50),
        alert(4, L.SUPERVISION, 13, due_minutes_ago=90),
        alert(5, L.WARNING, 14, due_minutes_ago=60, unit=(2, "环卫所")),
    )))
    return widget


def test_most_serious_first_and_the_oldest_first_within_a_level(panel):
    assert [r.id for r in panel.rows()] == [4, 2, 3, 5, 1]


def test_filter_by_unit_and_by_level(panel):
    panel.unit_box.setCurrentIndex(panel.unit_box.findText("环卫所"))
    assert [r.id for r in panel.rows()] == [2, 5]
    panel.level_box.setCurrentIndex(panel.level_box.findData(L.WARNING))
    assert [r.id for r in panel.rows()] == [5]
    panel.unit_box.setCurrentIndex(0)
    assert [r.id for r in panel.rows()] == [5, 1]


def test_choosing_an_alert_selects_its_event_everywhere(panel):
    panel.table.selectRow(0)
    assert panel.selection.ids == (13,)


def test_acknowledge_with_a_note_and_list_by_hand(panel, monkeypatch):
    monkeypatch.setattr(panel, "ask", lambda title, prompt, required: "已电话催促")
    panel.table.selectRow(1)
    assert panel.acknowledge.isEnabled() and not panel.list_button.isVisible()
    panel.acknowledge.click()
    (request,) = panel.runner.requests
    assert (request.command, request.kwargs()) == ("acknowledge_alert", {"alert_id": 2, "note": "已电话催促"})
    assert not panel.acknowledge.isEnabled()  # until the answer comes
    panel.set_role(Role.SHIFT_LEADER)
    panel.runner.sig_finished.emit(type("Outcome", (), {"request_id": request.id, "ok": True, "message": "",
                                                         "request": request})())
    panel.list_button.click()
    assert panel.runner.requests[-1].kwargs() == {"event_id": 11, "reason": "已电话催促"}


def test_a_new_supervision_draws_the_eye_and_a_warning_does_not(panel, qtbot):
    with qtbot.assertNotEmitted(panel.sig_loud):
        panel.on_view_changed(ALERTS, [15], AlertsView((15,), (alert(6, L.WARNING, 15),)))
    assert panel.banner.isHidden()
    with qtbot.waitSignal(panel.sig_loud) as loud:
        panel.on_view_changed(ALERTS, [15], AlertsView((15,), (alert(6, L.WARNING, 15),
                                                                alert(7, L.LISTED, 15))))
    assert loud.args[0].id == 7 and not panel.banner.isHidden() and "挂牌督办" in panel.banner.text()
    # An event's alerts that cleared leave with the next change of that event.
    panel.on_view_changed(ALERTS, [15], AlertsView((15,), ()))
    assert 15 not in {r.event_id for r in panel.rows()}


def test_the_consoles_scheduler_raises_alerts_that_reach_the_dock_the_list_and_the_board(
        qtbot, street_db, tmp_path):
    clock = FrozenClock(NOW)
    cmds = Commands(street_db, OFFICER, clock)
    lat, lon = street_db.tiny.inside
    ref = cmds.receive(source=Source.HOTLINE_12345, title="占道经营", lat=lat, lon=lon)
    ref = cmds.register(ref.id, ref.version, category_code="CG01")
    ref = cmds.dispatch(ref.id, ref.version, lead_unit_id=street_db.tiny.units["综合执法中队"], assist_unit_ids=[])
    clock.advance(hours=2, minutes=30)  # 预警, 催办 and 督办 on the response limit are due
    console = Console(street_db, Settings(db_url=street_db.url, user="duty", feed_poll_ms=50),
                      tmp_path / "console.ini", clock=clock)
    qtbot.addWidget(console.window)
    window = console.window
    try:
        console.start((1600, 900))
        qtbot.waitUntil(lambda: len(window.alerts.rows()) == 3, timeout=15_000)
        assert [r.level for r in window.alerts.rows()] == [L.SUPERVISION, L.REMINDER, L.WARNING]
        qtbot.waitUntil(lambda: "新提醒 3 条" in window.alerts.last_scan.text(), timeout=15_000)
        model = window.events.model
        qtbot.waitUntil(lambda: model.rowCount() == 1 and "督办" in model.data(model.index(0, Col.STATUS)),
                        timeout=15_000)
        assert model.data(model.index(0, Col.STATUS)) == "已派遣 · 督办"
        qtbot.waitUntil(lambda: any(c.alert_level == L.SUPERVISION for c in window.board.cards.cards.values()), timeout=15_000)
    finally:
        window.close()
    assert not console.supervisor.is_running()


def test_the_event_timeline_says_which_step_and_what_about():
    from commandroom.models.detail import TimelineEntry
    from commandroom.models.enums import Action
    from commandroom.views.detail.timeline_words import TimelineWords

    words = TimelineWords(detail=type("D", (), {"parts": (), "escalations": ()})())
    raised = TimelineEntry(1, NOW, Action.RAISE_ALERT, "scheduler", "督办程序", "srv", {},
                           {"level": "supervision", "reason": "签收时限 11-16 10:00"})
    seen = TimelineEntry(2, NOW, Action.ACKNOWLEDGE_ALERT, "zhangwei", "张伟", "c1", {},
                         {"level": "supervision", "note": "已电话催促"})
    assert words.describe(raised) == "督办提醒：督办（签收时限 11-16 10:00）"
    assert words.describe(seen) == "知悉督办：督办（已电话催促）"
