"""The call queue's services: its read model for the feed pump, and the desk worker that keeps
this console alive (its heartbeat), watches which consoles are alive, and advises on a report
(the suggested category, the ranked duplicate candidates), all in its own thread.

Why a worker of its own: the heartbeat must go on while the command runner is busy with a
slow command, and the advice reads the street's history (a few hundred ms on a large street),
which must never hold up a command nor the GUI.

The category suggester is trained from the street's registered events on the first advice, then
kept current from the change feed (``learn``): each 立案 the feed brings after that training adds
its event's n-grams, one small query per feed batch that holds any.

Liveness is not in the change feed (a heartbeat writes no log row), so a queue row's
``holder_seen_at`` ages as it is held; ``sig_presence`` gives the dock every console's last
heartbeat each beat, and the dock judges a lock by that.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from commandroom.models import duplicates, presence, suggest
from commandroom.models.actor import signed_in
from commandroom.models.changefeed import latest_id
from commandroom.models.catalog import Category
from commandroom.models.clock import Clock
from commandroom.models.commands import Commands
from commandroom.models.db import Database
from commandroom.models.enums import Action
from commandroom.models.errors import CommandroomError
from commandroom.models.events import Contact, Event
from commandroom.models.queue import load_queue
from commandroom.services.feed_pump import ReadModel

log = logging.getLogger(__name__)

QUEUE_VIEW = "queue"


def queue_read_model() -> ReadModel:
    """The reports waiting for a decision, as ``QueueRow``s (``models/queue.py``)."""
    return ReadModel(
        QUEUE_VIEW,
        load_all=lambda session, now, street_id: load_queue(session, now, street_id=street_id),
        load_ids=lambda session, ids, now, street_id: load_queue(session, now, street_id=street_id,
                                                                 ids=ids))


@dataclass(frozen=True)
class CategoryHint:
    code: str
    name: str
    probability: float


@dataclass(frozen=True)
class DuplicateHint:
    event_id: int
    code: str
    title: str
    status: object  # a Status
    score: float
    reasons: tuple  # Reason members, worded by the view
    distance_m: float | None
    received_at: datetime | None


@dataclass(frozen=True)
class Advice:
    """What the history says about one report: likely categories and earlier events it may repeat."""

    event_id: int
    categories: tuple[CategoryHint, ...] = ()
    duplicates: tuple[DuplicateHint, ...] = ()


class CallDesk(QObject):
    """Lives in its own thread (``WorkerThread``). ``start``: beat now and every ``beat_ms``;
    ``stop``: sign off, so the reports this console holds are free at once."""

    # --- Signals ---------------------------------------------------------------------------
    sig_presence = Signal(object)
    """``({console: last heartbeat}, quiet_after)`` for every console signed on, after each beat."""

    sig_advice = Signal(object)
    """An ``Advice`` for a report the dock asked about (``advise``)."""

    sig_heartbeat_failed = Signal(str)
    """The heartbeat could not be written (the reason in one line): this console's locks will lapse."""

    def __init__(self, db: Database, *, login: str, console: str, street_id: int | None,
                 clock: Clock | None = None, beat_ms: int | None = None):
        super().__init__()
        self.db = db
        self.login = login
        self.console = console
        self.street_id = street_id
        self.clock = clock or Clock()
        self.beat_ms = beat_ms or int(presence.HEARTBEAT_EVERY.total_seconds() * 1000)
        self._timer: QTimer | None = None
        self._suggester = None  # trained once, on the first advice; then taught by the feed
        self._trained_upto = 0  # the last log row the training saw: later 立案s come by the feed
        self.learnt = 0  # events taught by the feed (for the tests and the log)
        self._wanted: list[int] = []  # reports the dock wants advice on, the most wanted first
        self._advised: set[int] = set()  # reports already advised on (the dock keeps the advice)
        self._advising = False

    # --- Slots (run in the desk's thread) -----------------------------------------------------
    @Slot()
    def start(self) -> None:
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.beat)
        self._timer.start(self.beat_ms)
        self.beat()

    @Slot()
    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        try:
            self._commands().sign_off()
        except (SQLAlchemyError, CommandroomError) as exc:  # the locks then lapse by themselves
            log.warning("sign-off failed: %s", exc)
        self.moveToThread(QCoreApplication.instance().thread())

    @Slot()
    def beat(self) -> None:
        try:
            self._commands().heartbeat()
            with self.db.session() as session:
                seen = dict(session.execute(select(presence.ConsolePresence.console,
                                                   presence.ConsolePresence.last_seen)).all())
        except (SQLAlchemyError, CommandroomError) as exc:
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            log.warning("heartbeat failed: %s", reason)
            self.sig_heartbeat_failed.emit(reason)
            return
        self.sig_presence.emit((seen, presence.QUIET_AFTER))

    @Slot(list)
    def want(self, event_ids: list) -> None:
        """The reports the dock wants advice on now (the selected one, those in view), the most
        wanted first. They replace the ones still waiting: under a storm of reports the dock's
        earlier wishes are stale, and one duplicate search per arriving report would never catch
        up. Advised one at a time, each in its own turn of this thread's loop, so a newer wish
        is heard between two searches."""
        self._wanted = [i for i in event_ids if i not in self._advised]
        if self._wanted and not self._advising:
            self._advising = True
            QTimer.singleShot(0, self._advise_next)

    def _advise_next(self) -> None:
        if not self._wanted:
            self._advising = False
            return
        event_id = self._wanted.pop(0)
        self._advised.add(event_id)
        self.advise(event_id)
        QTimer.singleShot(0, self._advise_next)

    @Slot(int)
    def advise(self, event_id: int) -> None:
        try:
            self.sig_advice.emit(self._advice(event_id))
        except SQLAlchemyError as exc:  # advice is a help, never a blocker
            log.warning("no advice for event %s: %s", event_id, exc)
            self.sig_advice.emit(Advice(event_id))

    @Slot(list)
    def learn(self, entries: list) -> None:
        """The feed's new log rows (``LogEntry``): the events registered since the training teach
        the suggester, so the next report's suggestion knows them. Before the first advice there is
        nothing to teach (the training will read them from the table)."""
        if self._suggester is None:
            return
        ids = [e.event_id for e in entries if e.action == Action.REGISTER and e.id > self._trained_upto
               and e.event_id is not None and e.street_id in (None, self.street_id)]
        if not ids:
            return
        try:
            with self.db.session() as session:
                rows = session.execute(select(Event.category_id, Event.title, Event.description).where(
                    Event.id.in_(ids), Event.category_id.is_not(None))).all()
        except SQLAlchemyError as exc:  # the next advice's suggestion is a little less informed
            log.warning("the suggester could not learn %d events: %s", len(ids), exc)
            return
        for category_id, title, description in rows:
            self._suggester.add(category_id, suggest.event_text(title, description))
        self.learnt += len(rows)
        self._trained_upto = max(self._trained_upto, max(e.id for e in entries))

    # --- Work ----------------------------------------------------------------------------------
    def _commands(self) -> Commands:
        with self.db.session() as session:
            actor = signed_in(session, self.login, self.console)
        return Commands(self.db, actor, self.clock, street_id=self.street_id)

    def _advice(self, event_id: int) -> Advice:
        if self.street_id is None:
            return Advice(event_id)
        with self.db.session() as session:
            if self._suggester is None:
                # The log's end first: a 立案 committed after it comes by the feed (at worst, one
                # committed between the two reads is counted twice: a negligible weight).
                self._trained_upto = latest_id(session)
                self._suggester = suggest.CategorySuggester.from_session(session, self.street_id)
            event = session.get(Event, event_id)
            if event is None:
                return Advice(event_id)
            text = suggest.event_text(event.title, event.description)
            ranked = self._suggester.suggest(text, k=3)
            names = {c.id: (c.code, c.name) for c in session.scalars(
                select(Category).where(Category.id.in_([c for c, _ in ranked])))}
            categories = tuple(CategoryHint(*names[c], p) for c, p in ranked if c in names)
            categories = _sender_first(session, event_id, categories)
            found = duplicates.duplicate_candidates(session, self.street_id, event_id, k=5,
                                                    suggester=self._suggester)
            events = {e.id: e for e in session.scalars(
                select(Event).where(Event.id.in_([c.event_id for c in found])))}
            hints = tuple(
                DuplicateHint(c.event_id, c.code, events[c.event_id].title,
                              events[c.event_id].status, c.score, c.reasons, c.distance_m,
                              events[c.event_id].received_at)
                for c in found if c.event_id in events)
        return Advice(event_id, categories, hints)


def _sender_first(session, event_id: int, ranked: tuple[CategoryHint, ...]) -> tuple[CategoryHint, ...]:
    """The category the sender suggested (an intake client's hint) before the history's guesses:
    the hotline platform has already read the call."""
    hinted = session.execute(
        select(Category.code, Category.name).join(Contact, Contact.category_hint == Category.code)
        .where(Contact.event_id == event_id, Contact.category_hint != "")
        .order_by(Contact.id).limit(1)).first()
    if hinted is None:
        return ranked
    return (CategoryHint(hinted.code, hinted.name, 1.0),
            *(hint for hint in ranked if hint.code != hinted.code))[:len(ranked) or 1]
