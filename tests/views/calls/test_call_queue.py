"""The call queue through its widgets, on a real console: keys, forms, the runner, the feed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from commandroom.models import Category, Event
from commandroom.models.enums import Status
from commandroom.views.calls.queue_model import Col


def status_of(db, event_id: int) -> Status:
    with db.session() as s:
        return s.scalar(select(Event.status).where(Event.id == event_id))


def press(qtbot, widget, key) -> None:
    qtbot.keyClick(widget, key)


def wait_form(qtbot, calls, name: str):
    qtbot.waitUntil(lambda: calls.form is not None and calls.form.objectName() == name, timeout=5_000)
    return calls.form


def test_register_from_the_keyboard_takes_then_registers(qtbot, open_console, receive, sqlite_street):
    ref = receive(title="违章搭建", lat=sqlite_street.tiny.inside[0], lon=sqlite_street.tiny.inside[1])
    console = open_console()
    calls = console.window.calls
    assert calls.current_row().id == ref.id  # the longest-waiting report is ready for R

    press(qtbot, calls.table, Qt.Key.Key_R)  # takes it, then opens the form
    form = wait_form(qtbot, calls, "registerForm")
    qtbot.keyClicks(form.picker.edit, "wzdj")  # pinyin initials of 违章搭建
    assert form.picker.code() == "CG02"
    press(qtbot, form.picker.edit, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: status_of(sqlite_street, ref.id) == Status.REGISTERED, timeout=5_000)
    qtbot.waitUntil(lambda: calls.model.row_of(ref.id) is None, timeout=5_000)  # left the queue
    qtbot.waitUntil(lambda: calls.banner.text() == f"已立案 {ref.code}，按 D 派遣")
    assert calls.selection.ids == (ref.id,)  # selected in every dock: the board's D dispatches it
    with sqlite_street.session() as s:
        event = s.get(Event, ref.id)
        code = s.scalar(select(Category.code).where(Category.id == event.category_id))
        assert (event.taken_console, code) == ("", "CG02")


def test_reject_with_a_preset_reason(qtbot, open_console, receive, sqlite_street):
    ref = receive(title="无效来电")
    calls = open_console().window.calls
    press(qtbot, calls.table, Qt.Key.Key_X)
    form = wait_form(qtbot, calls, "rejectForm")
    qtbot.keyClick(form, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    assert form.text.toPlainText() == "无效来电"
    press(qtbot, form.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: status_of(sqlite_street, ref.id) == Status.REJECTED, timeout=5_000)
    qtbot.waitUntil(lambda: calls.model.rowCount() == 0, timeout=5_000)
    assert calls.table.placeholder_shown() == "暂无待处理的报告"


def test_answer_on_the_spot(qtbot, open_console, receive, sqlite_street):
    ref = receive(title="咨询居住证办理地点")
    calls = open_console().window.calls
    press(qtbot, calls.table, Qt.Key.Key_A)
    form = wait_form(qtbot, calls, "answerForm")
    form.text.insertPlainText("请到街道便民服务中心一楼3号窗口办理")  # as the input method commits it
    press(qtbot, form.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: status_of(sqlite_street, ref.id) == Status.ANSWERED, timeout=5_000)
    qtbot.waitUntil(lambda: calls.banner.text() == f"已当场答复并办结 {ref.code}")


def test_attach_to_a_ranked_candidate(qtbot, open_console, receive, other, sqlite_street):
    lat, lon = sqlite_street.tiny.inside
    earlier = receive(title="燕翔路早市占道经营", description="摊贩占用人行道", lat=lat, lon=lon)
    earlier = other.register(earlier.id, earlier.version, category_code="CG01")
    again = receive(title="燕翔路早市又有摊贩占道经营", lat=lat + 0.0002, lon=lon)
    calls = open_console().window.calls
    calls.select_events([again.id])
    # The desk ranks the candidates in its own thread (models/duplicates.py).
    qtbot.waitUntil(lambda: again.id in calls._advice, timeout=10_000)
    press(qtbot, calls.table, Qt.Key.Key_M)
    form = wait_form(qtbot, calls, "attachForm")
    item = form.list.item(0).text()
    assert item.startswith(earlier.code)
    assert "同一类别、同一网格、位置相近" in item and "相距 22 米" in item
    press(qtbot, form.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: status_of(sqlite_street, again.id) == Status.MERGED, timeout=5_000)
    with sqlite_street.session() as s:
        assert s.get(Event, earlier.id).contact_count == 2


def test_manual_entry_from_the_keyboard(qtbot, open_console, sqlite_street):
    console = open_console()
    calls = console.window.calls
    qtbot.keyClick(calls.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = wait_form(qtbot, calls, "entryForm")
    form.text.insertPlainText("楼道里堆满杂物，消防通道被堵")  # as the input method commits it
    press(qtbot, form.text, Qt.Key.Key_Tab)
    form.caller.insert("赵女士")
    press(qtbot, form.caller, Qt.Key.Key_Tab)
    qtbot.keyClicks(form.phone, "13698765432")
    press(qtbot, form.phone, Qt.Key.Key_Return)  # Enter saves

    qtbot.waitUntil(lambda: calls.model.rowCount() == 1, timeout=5_000)
    row = calls.model.row_at(0)
    assert (row.title, row.caller_name, row.caller_phone_shown) == (
        "楼道里堆满杂物，消防通道被堵", "赵女士", "136****5432")
    assert row.source.value == "walk_in"
    qtbot.waitUntil(lambda: calls.banner.text() == f"已受理 {row.code}，已进入来电队列")


def test_a_report_another_console_took_first_is_refused_in_words(qtbot, open_console, receive, other):
    ref = receive()
    # A slow feed: this console has not yet heard that console-2 took the report.
    calls = open_console(poll_ms=60_000).window.calls
    other.heartbeat()
    other.take(ref.id)
    press(qtbot, calls.table, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: calls.banner.text() != "", timeout=5_000)
    assert calls.banner.text() == "该报告正由 李娜（console-2）处理"
    assert calls.form is None  # nothing to decide on: the form never opened


def test_a_new_report_from_another_process_appears_within_a_second(qtbot, open_console, sqlite_street):
    import subprocess
    import sys
    import time

    console = open_console(poll_ms=500)  # the console's own SQLite poll
    calls = console.window.calls
    news = []
    calls.sig_new_reports.connect(news.append)
    writer = subprocess.run([sys.executable, "-c", WRITER, sqlite_street.url],
                            capture_output=True, text=True, timeout=60)
    written = time.monotonic()
    assert writer.returncode == 0, writer.stderr
    qtbot.waitUntil(lambda: calls.model.rowCount() == 1, timeout=5_000)
    assert time.monotonic() - written < 1.0
    assert [row.code for row in news[0]] == [writer.stdout.strip()]
    assert console.window.docks["calls"].windowTitle() == "来电队列（1 · 新 1）"
    assert calls.model.glow(calls.model.row_at(0).id) > 0.5
    assert calls.model.data(calls.model.index(0, Col.CALLER)) == "王先生 138****0000"
    assert calls.current_row().id == news[0][0].id  # nothing was selected: the new one is


WRITER = """
import sys
from commandroom.models.actor import Actor
from commandroom.models.commands import Commands
from commandroom.models.db import Database
from commandroom.models.enums import Role, Source

db = Database(sys.argv[1])
actor = Actor(login="lina", role=Role.DUTY_OFFICER, console="console-2", name="李娜")
ref = Commands(db, actor).receive(source=Source.HOTLINE_12345, title="燕翔路井盖缺失",
                                  reporter_name="王先生", reporter_phone="13800000000")
print(ref.code)
"""


HOLDER = """
import sys
from commandroom.models.actor import Actor
from commandroom.models.commands import Commands
from commandroom.models.db import Database
from commandroom.models.enums import Role

db = Database(sys.argv[1])
commands = Commands(db, Actor(login="lina", role=Role.DUTY_OFFICER, console="console-2", name="李娜"))
commands.take(int(sys.argv[2]))
print("taken", flush=True)
sys.stdin.readline()  # held until the test lets go; then it dies without signing off
"""


def test_a_lock_held_by_another_process_binds_until_that_console_goes_quiet(
        qtbot, open_console, receive, sqlite_street, console_clock):
    import subprocess
    import sys

    from PySide6.QtCore import QMetaObject

    ref = receive(title="燕翔路占道经营")
    console = open_console()
    calls = console.window.calls
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, sqlite_street.url, str(ref.id)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "taken"
        held = lambda: calls.model.data(calls.model.index(0, Col.HOLDER))  # noqa: E731
        qtbot.waitUntil(lambda: held() == "李娜（console-2） 处理中", timeout=5_000)

        press(qtbot, calls.table, Qt.Key.Key_R)  # refused here, before anything is sent
        assert calls.banner.text() == "该报告正由 李娜（console-2）处理，不能操作"
        assert calls.form is None and not calls.buttons["register"].isEnabled()
    finally:
        holder.communicate("quit\n", timeout=30)  # the console is gone, without signing off

    console_clock.advance(seconds=100)  # longer than QUIET_AFTER without a heartbeat from it
    QMetaObject.invokeMethod(console.desk, "beat")  # this console's next beat reads presence
    qtbot.waitUntil(lambda: held() == "李娜（console-2） 已离线", timeout=5_000)

    press(qtbot, calls.table, Qt.Key.Key_R)  # the lapsed lock is taken over, and the form opens
    wait_form(qtbot, calls, "registerForm")
    assert calls.banner.text() == f"已接手 {ref.code}（原由 李娜（console-2）接手，该值班台已离线）"
    calls.form.reject()
    with sqlite_street.session() as s:
        assert s.get(Event, ref.id).taken_console == "console-1"


def test_a_report_chosen_here_is_the_consoles_selection_and_a_busy_officer_keeps_theirs(
        qtbot, open_console, receive, other):
    from commandroom.services.call_desk import queue_read_model

    first, second = receive(title="占道经营"), receive(title="噪音扰民")
    console = open_console()
    calls = console.window.calls
    assert calls.view_name == queue_read_model().name
    assert console.window.selection.ids == (first.id,)  # chosen here: every dock shows it
    calls.select_events([second.id])
    assert calls.current_row().id == second.id
    console.window.selection.select([999], source=None)  # an event chosen in another dock
    assert calls.current_row() is None
    receive(title="井盖缺失")  # a new report does not take the officer's event away
    qtbot.waitUntil(lambda: calls.model.rowCount() == 3, timeout=5_000)
    assert console.window.selection.ids == (999,) and calls.current_row() is None


def test_ringing_report_to_dispatched_event_in_five_keys(qtbot, open_console, receive, other,
                                                         sqlite_street):
    """The best path, keyboard only: R, Enter, D, the unit's initials, Enter."""
    from PySide6.QtWidgets import QApplication, QLineEdit
    from sqlalchemy import insert

    from commandroom.models.org import unit_category

    with sqlite_street.session() as s:  # 环卫所 answers for 违章搭建: no confirmation to give
        cg02 = s.scalar(select(Category.id).where(Category.code == "CG02"))
        s.execute(insert(unit_category), [{"unit_id": sqlite_street.tiny.units["环卫所"],
                                           "category_id": cg02}])
    lat, lon = sqlite_street.tiny.inside
    earlier = receive(title="楼顶违章搭建彩钢房", lat=lat, lon=lon)  # the street's history
    other.register(earlier.id, earlier.version, category_code="CG02")
    ref = receive(title="邻居在楼顶违章搭建", lat=lat, lon=lon)
    console = open_console()
    calls = console.window.calls
    assert calls.current_row().id == ref.id  # the report waiting: ready for R
    qtbot.waitUntil(lambda: calls.model.hint(ref.id) == "违章搭建", timeout=10_000)  # suggested

    press(qtbot, calls.table, Qt.Key.Key_R)  # 1
    form = wait_form(qtbot, calls, "registerForm")
    assert form.picker.code() == "CG02"  # the suggestion, preselected
    press(qtbot, form.picker.edit, Qt.Key.Key_Return)  # 2
    qtbot.waitUntil(lambda: status_of(sqlite_street, ref.id) == Status.REGISTERED, timeout=5_000)
    board = console.window.board
    qtbot.waitUntil(lambda: ref.id in board.cards.cards, timeout=5_000)  # the feed brought the card
    press(qtbot, calls.table, Qt.Key.Key_D)  # 3: the board's unit picker opens
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit)
                    and QApplication.focusWidget().objectName() == "unitQuery", timeout=5_000)
    query = QApplication.focusWidget()
    qtbot.keyClicks(query, "hws")  # 4: 环卫所 by its initials
    press(qtbot, query, Qt.Key.Key_Return)  # 5
    qtbot.waitUntil(lambda: status_of(sqlite_street, ref.id) == Status.DISPATCHED, timeout=5_000)


def test_a_storm_asks_advice_only_for_what_is_in_view(qtbot, open_console, receive):
    """Hundreds of reports arrive at once: the desk is asked about the selected report and the
    rows in view, not about every report (one duplicate search each would never catch up)."""
    console = open_console(size=(1600, 900))
    calls = console.window.calls
    asked: list[list] = []
    calls.sig_advice_requested.connect(asked.append)
    for n in range(150):
        receive(title=f"小区门口垃圾堆放{n}")
    qtbot.waitUntil(lambda: calls.model.rowCount() == 150, timeout=20_000)
    qtbot.waitUntil(lambda: bool(asked), timeout=5_000)
    wanted = {i for ids in asked for i in ids}
    in_view = calls.table.rowAt(calls.table.viewport().height() - 1) + 1 or 150
    assert 0 < len(wanted) <= min(in_view, calls_module().MAX_IN_VIEW) + 1 < 150
    current = calls.current_row()
    assert current is not None and asked[0][0] == current.id  # the selected report first
    qtbot.waitUntil(lambda: current.id in calls._advice, timeout=10_000)


def calls_module():
    from commandroom.views.calls import call_queue

    return call_queue
