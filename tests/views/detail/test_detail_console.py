"""The event detail in a real console on a SQLite street: selection shared with the list, the
buttons exactly ``allowed_actions``, the whole closed loop through the detail's buttons and forms
(officer, then shift leader), a refusal in words, and another process's change shown at once."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from PySide6.QtWidgets import QComboBox, QListWidget, QPlainTextEdit

from commandroom.app import Console
from commandroom.config import Settings
from commandroom.models import User
from commandroom.models.actor import Actor
from commandroom.models.commands import Commands
from commandroom.models.enums import Action, Priority, Role, Source, Status
from commandroom.models.lifecycle import allowed_actions

LEADER = Actor(login="leader", role=Role.SHIFT_LEADER, console="console-9", name="李明")


@pytest.fixture
def room(street_db):
    with street_db.session() as s:
        s.add(User(login=LEADER.login, name=LEADER.name, role=LEADER.role))
    return street_db


@pytest.fixture
def open_console(qtbot, room, tmp_path):
    consoles = []

    def open_(user="duty", console_name="console-1"):
        settings = Settings(db_url=room.url, user=user, console=console_name, feed_poll_ms=50)
        console = Console(room, settings, tmp_path / f"{user}.ini")
        qtbot.addWidget(console.window)
        consoles.append(console)
        with qtbot.waitSignal(console.window.events.sig_populated, timeout=10_000):
            console.start((1600, 900))
        return console

    yield open_
    for console in consoles:
        console.window.close()


def receive(db, title="燕翔路占道经营", **fields) -> int:
    actor = Actor(login="duty", role=Role.DUTY_OFFICER, console="intake", name="张伟")
    lat, lon = db.tiny.inside
    return Commands(db, actor).receive(source=Source.HOTLINE_12345, title=title, lat=lat, lon=lon,
                                       address="燕翔路12号", reporter_name="王先生",
                                       reporter_phone="13812345678", **fields).id


def select_in_list(qtbot, console, event_id):
    """Click the event's row in the list, as the officer does."""
    events = console.window.events
    qtbot.waitUntil(lambda: events.model.row_of(event_id) is not None, timeout=5_000)
    model = events.model
    row = model.row_of(event_id)
    events.table.selectRow(row)
    detail = console.window.detail
    qtbot.waitUntil(lambda: detail.view is not None and detail.view.detail is not None, timeout=5_000)


def status_of(console):
    view = console.window.detail.view
    return view.detail.status if view and view.detail else None


def fill(values: dict):
    """A stand-in for the officer at the form: set each field's widget, then press OK."""
    def answer(dialog):
        for key, value in values.items():
            editor = dialog.editors[key]
            if isinstance(editor, QPlainTextEdit):
                editor.setPlainText(value)
            elif isinstance(editor, QComboBox):
                editor.setCurrentIndex(editor.findData(value))
            elif isinstance(editor, QListWidget):
                for i in range(editor.count()):
                    if editor.item(i).data(0x0100) in value:
                        editor.item(i).setCheckState(editor.item(i).checkState().Checked)
            else:
                editor.setText(value)
        assert dialog.ok.isEnabled(), "the form refused what was filled in"
        dialog.ok.click()
        return dialog.result()
    return answer


def press(qtbot, console, action: Action, form=None, then: Status | None = None):
    detail = console.window.detail
    detail.open_form = form or (lambda dialog: pytest.fail(f"{action} asked for a form"))
    button = detail.actions.buttons[action]
    with qtbot.waitSignal(detail.sig_outcome, timeout=10_000) as answered:
        button.click()
    outcome = answered.args[0]
    assert outcome.ok, outcome.message
    if then is not None:
        qtbot.waitUntil(lambda: status_of(console) == then, timeout=5_000)
    return outcome


def test_selection_is_shared_between_list_and_detail(qtbot, room, open_console):
    first, second = receive(room, "井盖缺失"), receive(room, "占道经营")
    console = open_console()
    select_in_list(qtbot, console, second)
    detail = console.window.detail
    assert detail.view.detail.title == "占道经营"
    assert detail.header.title.text() == "占道经营"
    console.window.selection.select([first], source=None)  # another dock chose it
    qtbot.waitUntil(lambda: detail.view is not None and detail.view.event_id == first, timeout=5_000)
    assert console.window.events.selected_ids() == [first]
    # the reporter's phone is masked in the detail
    assert "138****5678" in detail.header.values["反映人"].text()


def test_with_nothing_selected_the_hint_lies_over_a_body_never_hidden(qtbot, room, open_console):
    """The body is shown with the dock and stays so: a widget shown in a shown window lays the
    whole console out at once, and the first call of a storm, selected as it comes in, would
    pay for it. The hint covers it while nothing is selected."""
    event_id = receive(room)
    console = open_console()
    detail = console.window.detail
    on_top = lambda: detail.childAt(detail.rect().center())  # noqa: E731  what the officer sees there
    assert detail.body.isVisible() and on_top() is detail.empty
    select_in_list(qtbot, console, event_id)
    assert detail.body.isVisible() and detail.body.isAncestorOf(on_top())
    assert detail.actions.isVisible() and detail.header.title.text() == "燕翔路占道经营"
    # Under the body, the hint shows nowhere, not even between the buttons: a hint that fills
    # the whole dock changes nothing on screen.
    hint = detail.empty.text()
    detail.empty.setText("")
    shown = detail.grab().toImage()
    detail.empty.setText("详" * 5000)
    assert detail.grab().toImage() == shown
    detail.empty.setText(hint)
    console.window.selection.select([], source=None)
    qtbot.waitUntil(lambda: on_top() is detail.empty, timeout=5_000)
    assert detail.body.isVisible() and not detail.actions.isVisible()


@pytest.mark.parametrize("user", ["duty", "leader"])
def test_buttons_are_exactly_the_allowed_actions(qtbot, room, open_console, user):
    event_id = receive(room)
    console = open_console(user=user)
    select_in_list(qtbot, console, event_id)
    role = Role.DUTY_OFFICER if user == "duty" else Role.SHIFT_LEADER
    assert console.window.detail.actions.actions_shown() == tuple(allowed_actions(Status.RECEIVED, role))
    press(qtbot, console, Action.REGISTER, fill({"category_code": "CG02"}), then=Status.REGISTERED)
    assert console.window.detail.actions.actions_shown() == tuple(allowed_actions(Status.REGISTERED, role))
    assert (Action.ESCALATE in console.window.detail.actions.buttons) == (role == Role.SHIFT_LEADER)


def test_the_whole_loop_through_the_detail(qtbot, room, open_console):
    event_id = receive(room)
    officer = open_console()
    select_in_list(qtbot, officer, event_id)
    units = room.tiny.units
    press(qtbot, officer, Action.REGISTER, fill({"category_code": "CG01", "priority": Priority.HIGH.value}),
          then=Status.REGISTERED)
    press(qtbot, officer, Action.DISPATCH,
          fill({"lead_unit_id": units["综合执法中队"], "assist_unit_ids": [units["环卫所"]]}),
          then=Status.DISPATCHED)
    press(qtbot, officer, Action.ACKNOWLEDGE, then=Status.ACKNOWLEDGED)
    press(qtbot, officer, Action.START, then=Status.IN_PROGRESS)
    press(qtbot, officer, Action.RESOLVE, fill({"note": "已劝离摊贩，路面清理完毕"}), then=Status.RESOLVED)
    press(qtbot, officer, Action.VERIFY, fill({"note": "网格员现场核实"}), then=Status.VERIFIED)
    assert Action.CLOSE not in officer.window.detail.actions.buttons  # the shift leader closes
    officer.window.close()

    leader = open_console(user="leader", console_name="console-9")
    select_in_list(qtbot, leader, event_id)
    press(qtbot, leader, Action.CLOSE, then=Status.CLOSED)
    press(qtbot, leader, Action.EVALUATE, fill({"satisfaction": "satisfied"}), then=Status.EVALUATED)

    detail = leader.window.detail
    words = [detail.timeline.data(detail.timeline.index(r, 2)) for r in range(detail.timeline.rowCount())]
    assert words[0].startswith("受理")
    dispatch = next(w for w in words if w.startswith("派遣"))
    assert "综合执法中队（主办）" in dispatch and "环卫所（协办）" in dispatch and "响应时限" in dispatch
    assert "反馈：已劝离摊贩，路面清理完毕" in words
    assert words[-2:] == ["结案：按期办结", "回访评价：满意"]
    who = [detail.timeline.data(detail.timeline.index(r, 1)) for r in range(detail.timeline.rowCount())]
    consoles = [detail.timeline.data(detail.timeline.index(r, 3)) for r in range(detail.timeline.rowCount())]
    assert who[-1] == "李明" and consoles[-1] == "console-9" and "张伟" in who
    with room.session() as s:
        from commandroom.models import Event
        event = s.get(Event, event_id)
        assert (event.status, event.satisfaction.value, event.on_time) == (Status.EVALUATED, "satisfied", True)


def test_a_refusal_is_shown_in_words(qtbot, room, open_console):
    event_id = receive(room)
    console = open_console()
    select_in_list(qtbot, console, event_id)
    detail = console.window.detail
    shown = detail.show_view
    detail.show_view = lambda view: None  # the officer's screen has not caught up yet
    # Another console registers it first: our button still stands on the old version.
    Commands(room, LEADER).register(event_id, 1, category_code="CG01")
    detail.open_form = fill({"reason": "重复来电"})
    with qtbot.waitSignal(detail.sig_outcome, timeout=10_000) as answered:
        detail.actions.buttons[Action.REJECT].click()
    detail.show_view = shown
    assert not answered.args[0].ok and "已被他人修改" in detail.notice.text()
    # The true state comes, and the refusal says who got there first, in words.
    qtbot.waitUntil(lambda: status_of(console) == Status.REGISTERED, timeout=5_000)
    assert detail.notice.text() == ("未执行：事件 {code} 已被 李明（console-9）立案，现为「立案」，"
                                    "请按现状重新操作").format(code=detail.view.detail.code)
    assert detail.notice.property("refused") is True and not detail.notice.isHidden()


WRITER = textwrap.dedent("""
    import sys
    from commandroom.models.actor import Actor
    from commandroom.models.commands import Commands
    from commandroom.models.db import Database
    from commandroom.models.enums import Role

    db = Database(sys.argv[1])
    actor = Actor(login="leader", role=Role.SHIFT_LEADER, console="console-2", name="李明")
    Commands(db, actor).register(int(sys.argv[2]), 1, category_code="CG01")
""")


def test_another_process_change_updates_the_detail_within_a_second(qtbot, room, open_console):
    event_id = receive(room)
    console = open_console()
    select_in_list(qtbot, console, event_id)
    detail = console.window.detail
    labels = dict(detail.header.values)
    assert labels["类别"].text() == "未立案"
    writer = subprocess.run([sys.executable, "-c", WRITER, room.url, str(event_id)],
                            capture_output=True, text=True, timeout=60)
    assert writer.returncode == 0, writer.stderr
    qtbot.waitUntil(lambda: status_of(console) == Status.REGISTERED, timeout=1_000)
    assert detail.timeline.rowCount() == 2
    last = detail.timeline.row_at(1)
    assert (last.who, last.console) == ("李明", "console-2") and last.what.startswith("立案：占道经营")
    assert detail.actions.actions_shown() == tuple(allowed_actions(Status.REGISTERED, Role.DUTY_OFFICER))
    # The same fields: their labels kept, their texts set (not ~30 labels built anew, each
    # laying the dock out again as it is shown).
    assert detail.header.values == labels and all(a is b for a, b in zip(detail.header.values.values(), labels.values()))
    assert labels["类别"].text() not in ("未立案", "")


def test_the_leader_sees_pending_extensions_and_approves(qtbot, room, open_console, clock):
    event_id = receive(room)
    duty = Actor(login="duty", role=Role.DUTY_OFFICER, console="console-1", name="张伟")
    commands = Commands(room, duty)
    ref = commands.register(event_id, 1, category_code="CG01")
    ref = commands.dispatch(event_id, ref.version, lead_unit_id=room.tiny.units["综合执法中队"])
    with room.session() as s:
        from commandroom.models import Event
        due = s.get(Event, event_id).handle_due
    from datetime import timedelta
    commands.request_extension(event_id, ref.version, new_due=due + timedelta(days=2), reason="需协调物业")

    officer = open_console()
    assert officer.window.extensions is None and "extensions" not in officer.window.docks
    officer.window.close()
    leader = open_console(user="leader", console_name="console-9")
    panel = leader.window.extensions
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5_000)
    assert leader.window.docks["extensions"].windowTitle() == "待审批延期（1）"
    panel.table.selectRow(0)  # selects the event everywhere
    qtbot.waitUntil(lambda: status_of(leader) == Status.DISPATCHED, timeout=5_000)
    panel.open_form = fill({"note": "同意"})
    panel.approve.click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=5_000)
    detail = leader.window.detail
    qtbot.waitUntil(lambda: detail.view.detail.extension_count == 1, timeout=5_000)
    assert detail.timeline.row_at(detail.timeline.rowCount() - 1).what.startswith("批准延期：新的处置时限")


def test_each_role_keeps_its_own_layout(qtbot, ui_state):
    from commandroom.models.clock import FrozenClock
    from commandroom.views.main_window import MainWindow
    from tests.views.conftest import NOW

    def window(role):
        w = MainWindow(street_name="姚家街道", database="db", ui_state=ui_state, clock=FrozenClock(NOW),
                       recent_days=7, role=role)
        qtbot.addWidget(w)
        w.restore_layout((1280, 800))
        return w

    leader = window(Role.SHIFT_LEADER)
    leader.docks["detail"].hide()
    leader.save_layout()
    officer = window(Role.DUTY_OFFICER)
    officer.show()
    assert officer.docks["detail"].isVisibleTo(officer)  # the leader's arrangement is not the officer's
    again = window(Role.SHIFT_LEADER)
    again.show()
    assert not again.docks["detail"].isVisibleTo(again) and again.docks["extensions"].isVisibleTo(again)
