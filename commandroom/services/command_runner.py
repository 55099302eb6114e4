"""The command runner: the one path by which a view gives a domain command.

A view submits a ``CommandRequest`` and carries on; the runner's worker, in its own QThread,
resolves the signed-in user to an actor (role from ``app_user``, console name from the
settings), gives the command through ``Commands`` (which opens its own session), and answers
with ``sig_finished(CommandOutcome)``, queued into the GUI thread. Commands run one after
another in the order submitted, as an officer gives them.

Every exception becomes an outcome: a ``CommandroomError`` is a refusal in the console's
language, a lost database is "unavailable", anything else is "internal" with its traceback in
the log. The worker thread never dies of a command.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from sqlalchemy.exc import DBAPIError, OperationalError

from commandroom.models.actor import Actor, signed_in
from commandroom.models.clock import Clock
from commandroom.models.commands import Commands
from commandroom.models.db import Database
from commandroom.models.errors import (
    CommandroomError,
    HeldError,
    IllegalTransitionError,
    NotFoundError,
    PermissionDeniedError,
    StaleEventError,
    ValidationError,
)
from commandroom.services.command_request import CommandOutcome, CommandRequest, Refusal
from commandroom.services.worker_thread import WorkerThread

log = logging.getLogger(__name__)

# The public methods of Commands are the commands a request may name; nothing else is callable.
COMMANDS = frozenset(name for name in dir(Commands)
                     if not name.startswith("_") and callable(getattr(Commands, name)))

_KINDS: tuple[tuple[type[CommandroomError], Refusal], ...] = (
    (StaleEventError, Refusal.STALE),
    (HeldError, Refusal.HELD),
    (IllegalTransitionError, Refusal.ILLEGAL),
    (PermissionDeniedError, Refusal.NOT_PERMITTED),
    (NotFoundError, Refusal.NOT_FOUND),
    (ValidationError, Refusal.INVALID),
)


def classify(error: CommandroomError) -> Refusal:
    """The kind of refusal an error is; any other bilingual error is an input refused."""
    return next((kind for cls, kind in _KINDS if isinstance(error, cls)), Refusal.INVALID)


class CommandWorker(QObject):
    """Gives the commands, in the runner's thread. ``execute`` is the whole of it."""

    sig_done = Signal(object)
    """The ``CommandOutcome`` of the request just run."""

    def __init__(self, db: Database, *, login: str, console: str, street_id: int | None,
                 lang: str, clock: Clock | None = None):
        super().__init__()
        self.db = db
        self.login = login
        self.console = console
        self.street_id = street_id
        self.lang = lang
        self.clock = clock or Clock()
        self._commands: Commands | None = None  # kept while the actor is the same: its caches

    @Slot()
    def start(self) -> None:
        log.info("command runner ready: %s at %s", self.login, self.console)

    @Slot()
    def stop(self) -> None:
        # Hand the object back to the GUI thread, so its owner may delete it once ours ends.
        self.moveToThread(QCoreApplication.instance().thread())

    @Slot(object)
    def run(self, request: CommandRequest) -> None:
        self.sig_done.emit(self.execute(request))

    def execute(self, request: CommandRequest) -> CommandOutcome:
        try:
            return CommandOutcome(request, ref=self._give(request))
        except CommandroomError as exc:
            log.info("command %s #%s refused: %s", request.command, request.event_id, exc.en)
            return CommandOutcome(request, refusal=classify(exc), message=exc.message(self.lang),
                                  last=getattr(exc, "last", None))
        except DBAPIError as exc:
            if not (isinstance(exc, OperationalError) or exc.connection_invalidated):
                return self._internal(request)  # a constraint or a bug, not an outage
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            log.warning("command %s: database unreachable: %s", request.command, reason)
            message = _text(self.lang, f"数据库无法连接，命令未执行：{reason}",
                            f"The database cannot be reached; the command was not given: {reason}")
            return CommandOutcome(request, refusal=Refusal.UNAVAILABLE, message=message)
        except Exception:  # noqa: BLE001 - a fault must come back as an answer, not kill the thread
            return self._internal(request)

    def _internal(self, request: CommandRequest) -> CommandOutcome:
        log.exception("command %s on event %s failed", request.command, request.event_id)
        message = _text(self.lang, "内部错误，命令未执行；原因已写入日志",
                        "Internal error; the command was not given (the reason is in the log)")
        return CommandOutcome(request, refusal=Refusal.INTERNAL, message=message)

    def _give(self, request: CommandRequest):
        if request.command not in COMMANDS:
            raise ValidationError(f"未知的命令「{request.command}」", f"Unknown command {request.command!r}")
        commands = self._commands_for(self._actor())
        method = getattr(commands, request.command)
        if request.event_id is None:
            return method(**request.kwargs())
        if request.version is None:
            raise ValidationError("缺少事件的版本号，请刷新后重试", "The event's version is missing; reload and retry")
        return method(request.event_id, request.version, **request.kwargs())

    def _actor(self) -> Actor:
        with self.db.session() as session:
            return signed_in(session, self.login, self.console)

    def _commands_for(self, actor: Actor) -> Commands:
        if self._commands is None or self._commands.actor != actor:
            self._commands = Commands(self.db, actor, self.clock, street_id=self.street_id)
        return self._commands


def _text(lang: str, zh: str, en: str) -> str:
    return en if lang.startswith("en") else zh


class CommandRunner(QObject):
    """Lives in the GUI thread; owns the worker and its thread. ``start`` before submitting,
    ``stop`` when the console closes (it waits for the commands already submitted)."""

    # --- Signals ---------------------------------------------------------------------------
    sig_finished = Signal(object)
    """A ``CommandOutcome``: the request (with its id) and either its ``EventRef`` or the
    refusal, its kind and its message in the console's language. Always in the GUI thread."""

    _sig_submit = Signal(object)  # queued into the worker's thread

    def __init__(self, db: Database, *, login: str, console: str, street_id: int | None,
                 lang: str, clock: Clock | None = None):
        super().__init__()
        self.lang = lang
        self.worker = CommandWorker(db, login=login, console=console, street_id=street_id,
                                    lang=lang, clock=clock)
        self._thread = WorkerThread(self.worker, "command-runner")
        self._sig_submit.connect(self.worker.run)
        # Signal to signal: delivered through this object's (the GUI) thread, so queued.
        self.worker.sig_done.connect(self.sig_finished)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> bool:
        return self._thread.stop()

    def submit(self, request: CommandRequest) -> int:
        """Give the command off the GUI thread; the outcome comes with ``request.id``."""
        if self._thread.is_running():
            self._sig_submit.emit(request)
        else:  # answered on the next turn of the loop, as a running runner would
            message = _text(self.lang, "值班台正在关闭或尚未就绪，命令未执行",
                            "The console is closing or not ready; the command was not given")
            outcome = CommandOutcome(request, refusal=Refusal.UNAVAILABLE, message=message)
            QTimer.singleShot(0, self, lambda: self.sig_finished.emit(outcome))
        return request.id
