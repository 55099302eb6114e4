"""The change feed: reading ``event_log`` rows past the last one a console has seen.

Every domain command appends one ``event_log`` row in the same transaction as its change, so
"what changed since I last looked" is ``id > last_seen`` on the primary key: cheap and indexed,
the same for a change made by this console, another console, the intake server or the scheduler.

On PostgreSQL two transactions may take ids 10 and 11 and commit in the other order: a reader
that saw 11 and moved on would never see 10. ``FeedCursor`` remembers such holes and asks for
them again until they appear or time out (a rolled-back transaction leaves a hole for ever).
On SQLite writers are serialised, so holes only come from rollbacks and cost one extra query.

A console that opens has the same problem once more: its snapshot starts the feed at the newest
committed id, and an id below it may still belong to an open transaction. ``feed_start`` names
those ids too, and the cursor starts with them as holes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from commandroom.models.enums import Action
from commandroom.models.log import EventLog

# Holes older than this are given up: a transaction that has not committed a log row it took an
# id for after this long has rolled back (or the console will catch up by reloading anyway).
HOLE_TIMEOUT_S = 30.0
# A gap wider than this is not tracked id by id (it would mean thousands of concurrent writers).
MAX_HOLES = 1000


@dataclass(frozen=True)
class LogEntry:
    """A frozen copy of one ``event_log`` row: safe to hand to another thread."""

    id: int
    at: datetime
    actor: str
    console: str
    event_id: int | None
    action: Action
    payload: dict = field(default_factory=dict, compare=False, hash=False)
    # A room reads the whole log (holes are per id) but keeps only its own street's rows.
    street_id: int | None = None


_COLUMNS = (
    EventLog.id,
    EventLog.at,
    EventLog.actor,
    EventLog.console,
    EventLog.event_id,
    EventLog.action,
    EventLog.payload,
    EventLog.street_id,
)


class LogMark(NamedTuple):
    """Which event a log row touched, in which street: all a reader that only looks the touched
    events up again needs (the supervision scan). Read without the payload's JSON, the time's
    parsing or a dataclass per row: the scan reads a storm's whole log every 30 s, in the
    console's process, and each row's Python held the interpreter the GUI paints with."""

    id: int
    event_id: int | None
    street_id: int | None


_MARK_COLUMNS = (EventLog.id, EventLog.event_id, EventLog.street_id)


def read_since(session: Session, last_id: int, limit: int = 1000, *, marks: bool = False) -> list:
    """The log rows with ``id > last_id``, oldest first, at most ``limit`` of them: as
    ``LogEntry``s, or with ``marks`` as ``LogMark``s."""
    columns, make = (_MARK_COLUMNS, LogMark._make) if marks else (_COLUMNS, _entry)
    stmt = select(*columns).where(EventLog.id > last_id).order_by(EventLog.id).limit(limit)
    return [make(row) for row in session.execute(stmt)]


def read_ids(session: Session, ids: Iterable[int], *, marks: bool = False) -> list:
    """The log rows with the given ids that exist now (for holes that have since committed)."""
    wanted = sorted(set(ids))
    if not wanted:
        return []
    columns, make = (_MARK_COLUMNS, LogMark._make) if marks else (_COLUMNS, _entry)
    stmt = select(*columns).where(EventLog.id.in_(wanted)).order_by(EventLog.id)
    return [make(row) for row in session.execute(stmt)]


def _entry(row) -> LogEntry:
    return LogEntry(*row)


def latest_id(session: Session) -> int:
    """The newest log id, or 0 on an empty log."""
    return session.execute(select(func.max(EventLog.id))).scalar_one() or 0


@dataclass(frozen=True)
class FeedStart:
    """Where a console that has just read its snapshot starts following the log."""

    last_id: int
    holes: tuple[int, ...]  # ids below ``last_id`` not visible yet: wait for them (as holes)


def feed_start(session: Session) -> FeedStart:
    """The newest visible log id, and the ids missing below it, read before the snapshot's rows.

    On PostgreSQL an id is taken when a transaction inserts its log row, not when it commits:
    while A holds id 2 and B has committed id 3, the newest visible id is 3, and a console that
    started at 3 would never read 2. Every id below the newest that this statement cannot see
    belongs to a transaction that is still open (its change is not in the rows read next, and
    will come through the feed) or that rolled back (a hole that times out). Simpler than the
    snapshot's ``xmin``, which would need each log row's transaction id: the ids alone tell, and
    the cursor already waits for holes. One statement, so the newest id and the ids below it come
    from one database snapshot; only the last ``MAX_HOLES`` ids are looked at, as in ``FeedCursor``.
    """
    newest = select(func.max(EventLog.id)).scalar_subquery()
    stmt = select(EventLog.id).where(EventLog.id > newest - MAX_HOLES).order_by(EventLog.id)
    ids = session.scalars(stmt).all()
    if not ids:
        return FeedStart(0, ())
    visible = set(ids)
    first = max(ids[-1] - MAX_HOLES + 1, 1)
    return FeedStart(ids[-1], tuple(i for i in range(first, ids[-1]) if i not in visible))


def touched_event_ids(entries: Iterable[LogEntry]) -> list[int]:
    """The distinct event ids the entries touch, in the order first touched."""
    return list(dict.fromkeys(e.event_id for e in entries if e.event_id is not None))


class FeedCursor:
    """Where one reader is in the log, with the holes it is still waiting for.

    Not thread-safe: one cursor belongs to one reader thread (the feed pump's). With ``marks``
    it reads ``LogMark``s (which event, which street) instead of whole ``LogEntry``s.
    """

    def __init__(
        self,
        last_id: int = 0,
        *,
        holes: Iterable[int] = (),
        hole_timeout_s: float = HOLE_TIMEOUT_S,
        monotonic: Callable[[], float] = time.monotonic,
        marks: bool = False,
    ):
        self.last_id = last_id
        self.marks = marks
        self.hole_timeout_s = hole_timeout_s
        self._monotonic = monotonic
        self._holes: dict[int, float] = dict.fromkeys(holes, monotonic())  # id -> when first missed

    @property
    def holes(self) -> frozenset[int]:
        return frozenset(self._holes)

    def poll(self, session: Session, limit: int = 1000) -> list:
        """New rows since the last poll, plus any earlier holes that have filled, by id."""
        filled = read_ids(session, self._holes, marks=self.marks) if self._holes else []
        fresh = read_since(session, self.last_id, limit, marks=self.marks)
        now = self._monotonic()
        for entry in filled:
            del self._holes[entry.id]
        expected = self.last_id + 1
        for entry in fresh:
            if entry.id > expected and entry.id - expected <= MAX_HOLES:
                self._holes.update(dict.fromkeys(range(expected, entry.id), now))
            expected = entry.id + 1
        if fresh:
            self.last_id = fresh[-1].id
        self._holes = {i: t for i, t in self._holes.items() if now - t < self.hole_timeout_s}
        return sorted(filled + fresh, key=lambda e: e.id)
