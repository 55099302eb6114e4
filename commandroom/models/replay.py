"""The replay fold: the room as it stood at any instant, rebuilt from ``event_log`` alone.

Every log row's payload is a ``Change`` (``change.py``): the event columns it set and the rows it
added or changed. Folding a street's rows with ``at <= instant`` in id order rebuilds ``event``
and the tables that hang off it (contact, assignment, extension_request, escalation, alert) and
each unit's duty status, column by column, as they stood at that instant. A row's version is the
number of log rows folded into it, as in the table.

``Replay`` serves a time slider: it folds everything before a window once, then moves through
the window by folding forward from the nearest checkpoint, so scrubbing back and forth through a
week costs a few milliseconds per move, not a refold of the whole history.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models.change import NEW_EVENT, ROW_TABLES, decode
from commandroom.models.changefeed import LogEntry, _COLUMNS
from commandroom.models.lifecycle import UNVERSIONED
from commandroom.models.log import EventLog

_NEW_EVENT = decode("event", NEW_EVENT)
# Rows read from the database per round trip while folding a long history.
_FETCH = 5000


@dataclass
class RoomState:
    """Tables as dicts of rows (column → value, as the ORM reads them), keyed by id."""

    events: dict[int, dict] = field(default_factory=dict)
    rows: dict[str, dict[int, dict]] = field(default_factory=lambda: {t: {} for t in ROW_TABLES})
    last_log_id: int = 0
    at: datetime | None = None  # the time of the last row folded in

    def copy(self) -> RoomState:
        """An independent copy, cheap: ``apply`` replaces a row's dict rather than changing it,
        so the copies may share the row dicts themselves. (Whoever reads a state must not
        change its rows in place either.)"""
        return RoomState(events=dict(self.events), rows={t: dict(r) for t, r in self.rows.items()},
                         last_log_id=self.last_log_id, at=self.at)


def apply(state: RoomState, entry: LogEntry) -> None:
    """Fold one log row into ``state``. A row's dict is replaced, never changed in place, so a
    state and its copies share every row that has not changed since (``RoomState.copy``)."""
    payload = entry.payload
    if entry.event_id is not None:
        event = state.events.get(entry.event_id)
        if event is None:  # the event's first row (受理)
            event = dict(_NEW_EVENT, id=entry.event_id, version=0)
        event = {**event, **decode("event", payload.get("event", {}))}
        if entry.action not in UNVERSIONED:
            event["version"] += 1
        state.events[entry.event_id] = event
    for table, row_id, fields in payload.get("rows", ()):
        rows = state.rows[table]
        rows[row_id] = {**rows.get(row_id, {"id": row_id}), **decode(table, fields)}
    state.last_log_id = entry.id
    state.at = entry.at


def fold(entries: Iterable[LogEntry], state: RoomState | None = None) -> RoomState:
    state = state if state is not None else RoomState()
    for entry in entries:
        apply(state, entry)
    return state


def read_log(session: Session, street_id: int | None, *, after: datetime | None = None,
             until: datetime | None = None, event_ids: list[int] | None = None) -> Iterator[LogEntry]:
    """A street's log rows with ``after < at <= until`` (either bound optional), of the given
    events only if ``event_ids`` names them, in id order, fetched in batches (a year of a busy
    street is millions of rows)."""
    stmt = select(*_COLUMNS).order_by(EventLog.id)
    if event_ids is not None:
        stmt = stmt.where(EventLog.event_id.in_(event_ids))
    if street_id is not None:
        stmt = stmt.where(EventLog.street_id == street_id)
    if after is not None:
        stmt = stmt.where(EventLog.at > after)
    if until is not None:
        stmt = stmt.where(EventLog.at <= until)
    last = 0
    while True:
        batch = [LogEntry(*row) for row in session.execute(stmt.where(EventLog.id > last).limit(_FETCH))]
        yield from batch
        if len(batch) < _FETCH:
            return
        last = batch[-1].id


def state_at(session: Session, street_id: int | None, at: datetime | None = None) -> RoomState:
    """The street as it stood at ``at`` (None: now, every row folded)."""
    return fold(read_log(session, street_id, until=at))


@dataclass(frozen=True)
class Changes:
    """What happened in ``(start, end]``: the log rows in id order and the events they touch."""

    entries: tuple[LogEntry, ...]

    @property
    def event_ids(self) -> list[int]:
        return list(dict.fromkeys(e.event_id for e in self.entries if e.event_id is not None))


class Replay:
    """A window of a street's history, folded once up to ``start`` and then scrubbed at will."""

    CHECKPOINT_EVERY = 250  # log rows between two saved states (a saved state costs a dict copy)
    # At most this many saved states: each holds the street's whole event index (a copy of a dict
    # of every event), so a busy week of 150,000 rows at 250 apart would keep 600 of them.
    MAX_CHECKPOINTS = 120

    def __init__(self, session: Session, street_id: int | None, start: datetime, end: datetime):
        self.start, self.end = start, end
        base = fold(read_log(session, street_id, until=start))
        self.entries: list[LogEntry] = list(read_log(session, street_id, after=start, until=end))
        # The window's rows in time order (a bisect needs it; ids keep ties in commit order).
        self._order = sorted(range(len(self.entries)), key=lambda i: (self.entries[i].at, self.entries[i].id))
        self._times = [self.entries[i].at for i in self._order]
        self._checkpoints: list[tuple[int, RoomState]] = [(0, base)]
        self._places: dict[int, list[int]] | None = None  # event id → its rows' places in time order
        state = base.copy()
        self.checkpoint_every = max(self.CHECKPOINT_EVERY, -(-len(self.entries) // self.MAX_CHECKPOINTS))
        for n, i in enumerate(self._order, start=1):
            apply(state, self.entries[i])
            if n % self.checkpoint_every == 0:
                self._checkpoints.append((n, state.copy()))

    def position(self, at: datetime) -> int:
        """How many of the window's rows are folded into the state at ``at`` (clamped)."""
        return bisect.bisect_right(self._times, min(max(at, self.start), self.end))

    def span(self, lo: int, hi: int) -> Iterator[LogEntry]:
        """The window's rows from position ``lo`` to ``hi`` in time order (what turns the state
        at the one position into the state at the other)."""
        entries = self.entries
        return (entries[i] for i in self._order[lo:hi])

    def state_at(self, at: datetime) -> RoomState:
        """The street at ``at`` (clamped to the window). A fresh state the caller may keep."""
        n = self.position(at)
        k = bisect.bisect_right([c for c, _ in self._checkpoints], n) - 1
        done, saved = self._checkpoints[k]
        state = saved.copy()
        for i in self._order[done:n]:
            apply(state, self.entries[i])
        return state

    def checkpoints(self) -> Iterator[tuple[datetime, int, int, RoomState]]:
        """Each saved state with its instant and the window's positions it spans from the
        previous one: (instant, previous position, position, state). The caller must not change it."""
        previous = 0
        for n, state in self._checkpoints:
            yield (self._times[n - 1] if n else self.start), previous, n, state
            previous = n

    def changes_between(self, after: datetime, until: datetime) -> Changes:
        lo = bisect.bisect_right(self._times, after)
        hi = bisect.bisect_right(self._times, until)
        return Changes(tuple(sorted((self.entries[i] for i in self._order[lo:hi]), key=lambda e: e.id)))

    # -- what a slider needs -----------------------------------------------------------------
    def next_change(self, at: datetime) -> datetime | None:
        """The first instant after ``at`` at which something changed, if any."""
        n = bisect.bisect_right(self._times, at)
        return self._times[n] if n < len(self._times) else None

    def previous_change(self, at: datetime) -> datetime | None:
        """The last instant before ``at`` at which something changed, if any."""
        n = bisect.bisect_left(self._times, at)
        return self._times[n - 1] if n > 0 else None

    def activity(self, bucket: timedelta) -> list[int]:
        """Log rows per ``bucket`` from ``start`` to ``end`` (the slider's histogram)."""
        counts = [0] * max(1, -(-(self.end - self.start) // bucket))
        for at in self._times:
            counts[min(len(counts) - 1, (at - self.start) // bucket)] += 1
        return counts

    def entries_of(self, event_id: int, until: datetime) -> list[LogEntry]:
        """The window's rows of one event up to ``until``, in log order (its timeline then).
        Asked at every frame of a replay while an event is chosen: its rows are found by an
        index of each event's places in time order, made at the first call, not by reading
        the week's rows up to ``until``."""
        if self._places is None:
            self._places = {}
            for k, i in enumerate(self._order):
                if self.entries[i].event_id is not None:
                    self._places.setdefault(self.entries[i].event_id, []).append(k)
        places = self._places.get(event_id, [])
        n = bisect.bisect_left(places, bisect.bisect_right(self._times, until))
        return sorted((self.entries[self._order[k]] for k in places[:n]), key=lambda e: e.id)

