"""The command runner: commands given off the GUI thread, answered in it, refusals in words."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QObject, Qt, QThread, Slot
from sqlalchemy import select

from commandroom.models import EventLog, User
from commandroom.models.db import Database
from commandroom.models.enums import Role, Source, Status
from commandroom.services.command_request import CommandOutcome, CommandRequest, Refusal
from commandroom.services.command_runner import CommandRunner
from commandroom.services.worker_thread import running


@pytest.fixture
def make_runner(clock):
    runners = []

    def make(db, *, login="duty", lang="zh_CN", street_id=None):
        runner = CommandRunner(db, login=login, console="指挥室-2号台", street_id=street_id,
                               lang=lang, clock=clock)
        runners.append(runner)
        runner.start()
        return runner

    yield make
    for runner in runners:
        assert runner.stop()


@pytest.fixture
def runner(street_db, make_runner):
    return make_runner(street_db, street_id=street_db.tiny.street_id)


def give(qtbot, runner, request) -> CommandOutcome:
    """Submit and wait for THIS request's outcome (the runner answers every request once)."""
    with qtbot.waitSignal(runner.sig_finished, timeout=10_000,
                          check_params_cb=lambda outcome: outcome.request_id == request.id) as done:
        assert runner.submit(request) == request.id
    return done.args[0]


def receive(qtbot, runner, title="井盖缺失"):
    outcome = give(qtbot, runner, CommandRequest.new("receive", source=Source.HOTLINE_12345, title=title))
    assert outcome.ok, outcome.message
    return outcome.ref


def test_a_command_succeeds_and_its_log_row_names_user_and_console(qtbot, street_db, runner):
    outcome = give(qtbot, runner, CommandRequest.new("receive", source=Source.WALK_IN, title="路灯不亮"))
    assert (outcome.ok, outcome.refusal, outcome.message) == (True, None, "")
    assert outcome.ref.status == Status.RECEIVED and outcome.ref.code.startswith("YJ")

    registered = give(qtbot, runner, CommandRequest.on("register", outcome.ref.id, outcome.ref.version,
                                                       category_code="CG01",
                                                       lat=street_db.tiny.inside[0],
                                                       lon=street_db.tiny.inside[1]))
    assert registered.ok and registered.ref.version == outcome.ref.version + 1
    with street_db.session() as s:
        rows = s.execute(select(EventLog.actor, EventLog.console, EventLog.street_id)
                         .where(EventLog.event_id == outcome.ref.id)).all()
    assert rows == [("duty", "指挥室-2号台", street_db.tiny.street_id)] * 2


# (request on a received event of version v, the refusal, words of its message)
REFUSALS = {
    "stale": (lambda ref: CommandRequest.on("register", ref.id, ref.version - 1, category_code="CG01"),
              Refusal.STALE, "已被他人修改"),
    "illegal": (lambda ref: CommandRequest.on("acknowledge", ref.id, ref.version),
                Refusal.ILLEGAL, "当前为「受理」，不能执行「签收」"),
    "not permitted": (lambda ref: CommandRequest.on("approve_extension", ref.id, ref.version),
                      Refusal.NOT_PERMITTED, "带班领导"),
    "invalid": (lambda ref: CommandRequest.on("reject", ref.id, ref.version, reason="  "),
                Refusal.INVALID, "请填写不予立案理由"),
    "not found": (lambda ref: CommandRequest.on("register", 999_999, 1, category_code="CG01"),
                  Refusal.NOT_FOUND, "找不到事件 #999999"),
    "unknown category": (lambda ref: CommandRequest.on("register", ref.id, ref.version, category_code="ZZ99"),
                         Refusal.NOT_FOUND, "ZZ99"),
    "unknown command": (lambda ref: CommandRequest.on("delete_everything", ref.id, ref.version),
                        Refusal.INVALID, "delete_everything"),
    "no version": (lambda ref: CommandRequest("register", ref.id, None, (("category_code", "CG01"),)),
                   Refusal.INVALID, "版本"),
}


@pytest.mark.parametrize("case", REFUSALS)
def test_each_refusal_comes_back_in_words_and_writes_nothing(qtbot, street_db, runner, case):
    ref = receive(qtbot, runner)
    make, kind, words = REFUSALS[case]
    outcome = give(qtbot, runner, make(ref))
    assert (outcome.ok, outcome.ref, outcome.refusal) == (False, None, kind)
    assert words in outcome.message and "\n" not in outcome.message
    with street_db.session() as s:
        assert len(s.scalars(select(EventLog.id)).all()) == 1  # only the receive


def test_refusals_speak_the_consoles_language(qtbot, street_db, make_runner):
    runner = make_runner(street_db, lang="en", street_id=street_db.tiny.street_id)
    ref = receive(qtbot, runner)
    outcome = give(qtbot, runner, CommandRequest.on("register", ref.id, ref.version + 5, category_code="CG01"))
    assert outcome.refusal == Refusal.STALE
    assert outcome.message == f"Event {ref.code} was changed by someone else; reload and retry"


def test_the_role_is_the_users_in_the_database_read_at_each_command(qtbot, street_db, runner):
    ref = receive(qtbot, runner)
    first = give(qtbot, runner, CommandRequest.on("close", ref.id, ref.version))
    assert first.refusal == Refusal.NOT_PERMITTED  # a duty officer may not close
    with street_db.session() as s:
        s.scalars(select(User).where(User.login == "duty")).one().role = Role.SHIFT_LEADER
    second = give(qtbot, runner, CommandRequest.on("close", ref.id, ref.version))
    assert second.refusal == Refusal.ILLEGAL  # now permitted; a received event cannot be closed


def test_an_unknown_or_disabled_user_may_give_no_command(qtbot, street_db, make_runner):
    stranger = make_runner(street_db, login="nobody")
    outcome = give(qtbot, stranger, CommandRequest.new("receive", source=Source.WALK_IN, title="x"))
    assert outcome.refusal == Refusal.NOT_PERMITTED and "nobody" in outcome.message
    with street_db.session() as s:
        s.scalars(select(User).where(User.login == "duty")).one().active = False
        assert s.scalars(select(EventLog.id)).all() == []
    runner = make_runner(street_db)
    outcome = give(qtbot, runner, CommandRequest.new("receive", source=Source.WALK_IN, title="x"))
    assert outcome.refusal == Refusal.NOT_PERMITTED and "停用" in outcome.message


def test_a_fault_is_an_internal_refusal_logged_and_the_runner_lives_on(qtbot, street_db, runner, caplog):
    ref = receive(qtbot, runner)
    with caplog.at_level(logging.ERROR, logger="commandroom.services.command_runner"):
        outcome = give(qtbot, runner, CommandRequest.on("register", ref.id, ref.version, colour="red"))
    assert outcome.refusal == Refusal.INTERNAL and "日志" in outcome.message
    assert "colour" in caplog.text and "Traceback" in caplog.text  # the reason, for the engineer
    assert receive(qtbot, runner, "第二件").id != ref.id


def test_an_unreachable_database_is_unavailable_not_a_fault(qtbot, tmp_path, make_runner):
    path = tmp_path / "gone.sqlite3"
    db = Database(f"sqlite:///{path}")
    db.engine.dispose()
    path.unlink()
    path.mkdir()  # a directory where the file was: it cannot be opened
    runner = make_runner(db)
    outcome = give(qtbot, runner, CommandRequest.new("receive", source=Source.WALK_IN, title="x"))
    assert outcome.refusal == Refusal.UNAVAILABLE and "unable to open" in outcome.message
    db.dispose()


class _Threads(QObject):
    def __init__(self):
        super().__init__()
        self.seen = []

    @Slot(object)
    def on_finished(self, outcome):
        self.seen.append(QThread.currentThread())


def test_commands_run_off_the_gui_thread_and_answer_in_it(qtbot, runner):
    worker_threads = []
    # Direct: called in the emitting thread, i.e. where the command ran.
    runner.worker.sig_done.connect(lambda _o: worker_threads.append(QThread.currentThread()),
                                   type=Qt.ConnectionType.DirectConnection)
    answers = _Threads()
    runner.sig_finished.connect(answers.on_finished)
    receive(qtbot, runner)
    # The direct call may come a moment after the queued answer: wait for both.
    qtbot.waitUntil(lambda: bool(answers.seen and worker_threads))
    gui = QThread.currentThread()
    assert worker_threads and worker_threads[0] is not gui
    assert answers.seen[0] is gui


def test_requests_are_answered_in_order_and_no_thread_is_left(qtbot, street_db, make_runner):
    runner = make_runner(street_db, street_id=street_db.tiny.street_id)
    outcomes = []
    runner.sig_finished.connect(outcomes.append)
    requests = [CommandRequest.new("receive", source=Source.PHOTO_APP, title=f"随手拍{i}") for i in range(5)]
    for request in requests:
        runner.submit(request)
    assert runner.stop()  # waits for what was submitted
    assert [w.thread.objectName() for w in running()] == []
    qtbot.waitUntil(lambda: len(outcomes) == 5)
    assert [o.request_id for o in outcomes] == [r.id for r in requests] and all(o.ok for o in outcomes)

    late = CommandRequest.new("receive", source=Source.WALK_IN, title="关闭之后")
    outcome = give(qtbot, runner, late)
    assert outcome.refusal == Refusal.UNAVAILABLE and "关闭" in outcome.message


def test_a_request_is_frozen():
    request = CommandRequest.on("dispatch", 7, 3, lead_unit_id=1, assist_unit_ids=[2, 3])
    assert request.kwargs() == {"assist_unit_ids": (2, 3), "lead_unit_id": 1}
    assert CommandRequest.new("receive", title="x").id != request.id
    with pytest.raises(AttributeError):
        request.version = 4


def test_a_report_another_console_holds_is_refused_naming_the_holder(qtbot, street_db, runner, clock):
    """The console's view may be out of date: the refusal says who holds the report, and the
    runner classes it as held (not stale), so the view can show the holder instead of reloading."""
    from commandroom.models.actor import Actor
    from commandroom.models.commands import Commands

    ref = receive(qtbot, runner)
    other = Commands(street_db, Actor("lina", Role.DUTY_OFFICER, "指挥室-1号台"), clock)
    other.take(ref.id, ref.version)
    outcome = give(qtbot, runner, CommandRequest.on("register", ref.id, ref.version, category_code="CG01"))
    assert outcome.refusal == Refusal.HELD
    assert outcome.message == "该报告正由 lina（指挥室-1号台）处理"
    taken = give(qtbot, runner, CommandRequest.on("take", ref.id, ref.version))
    assert taken.refusal == Refusal.HELD and "lina" in taken.message
