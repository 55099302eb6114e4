"""The meeting's event list following the slider by differences: from one instant to the next,
only the rows that changed are made again and handed over, not the whole list.

A move from instant A to instant B changes a row only if
- a log row between A and B touched its event (or one of its alerts), or
- the row's clock crossed A..B: its handling limit (it turns overdue, or back) or the start of
  its due-soon share (its urgency group in the list's sort changes, the row itself does not), or
- it finished between the two cutoffs ``A - recent_days`` and ``B - recent_days`` (it ages out
  of the list, or back in).
The last two are found in time-ordered indexes (``SortedList``), so a frame costs what changed
in it, not the street's 19,000 events. The rows at any instant are exactly ``event_rows`` then
(``tests/unit/test_replay_cursor.py``); unordered: the list's proxy sorts them.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from datetime import datetime, timedelta

from sortedcontainers import SortedList

from commandroom.models.alert_levels import most_serious
from commandroom.models.change import decode
from commandroom.models.lifecycle import HELD
from commandroom.models.queries import EventRow
from commandroom.models.replay import Replay, RoomState, apply
from commandroom.models.replay_rows import Names, alert_levels, finished_at, row_for
from commandroom.models.timelimits import due_soon_at
from commandroom.models.urgency import in_order, urgency_key


@dataclass(frozen=True)
class RowsDelta:
    """What a list showing the rows at the old instant must do to show the new one."""

    upserts: list[EventRow]  # rows new to the list or changed
    removed: list[int]  # event ids that left the list
    regrouped: list[int]  # listed rows, unchanged, whose place in the urgency sort moved
    touched: set[int]  # every event whose rows (its assignments too) or clock moved
    order = None  # see ``SeekDelta``
    rows = None

    @property
    def changed(self) -> set[int]:
        """Every event a view of the instant (the list, the map, the board) may need again."""
        return self.touched | set(self.removed)


class SeekDelta:
    """A seek from a base (``_far``): the list at the new instant whole, ``rows`` (by id: read
    it, do not change it) and ``order`` (every listed row's key in the list's opening order,
    ``models/urgency.py``, at the new instant, ascending: a fresh list the receiver may keep).
    What it changed against the list shown before (``RowsDelta``'s fields) is worked out only
    when asked, in one pass over the street's rows: a list that takes the order as it is never
    asks, nor does a board or map not yet shown. Asked after the cursor moved on, it refuses
    (the rows are the cursor's, changed by its next move)."""

    def __init__(self, cursor: RowsCursor, shown: dict[int, EventRow], order: list[tuple]):
        self._cursor, self._moves = cursor, cursor.moves
        self._shown, self.rows, self.order = shown, cursor.rows, order

    @cached_property
    def _delta(self) -> RowsDelta:
        if self._cursor.moves != self._moves:
            raise RuntimeError("a seek's differences asked after the cursor moved on")
        rows, shown, upserts, regrouped = self.rows, self._shown, [], []
        for i, row in rows.items():
            if shown.get(i) is not row:
                upserts.append(row)
            elif row.handle_due is not None and row.status in HELD:
                regrouped.append(i)  # unchanged, a limit running: its urgency group may differ
        removed = [i for i in shown if i not in rows]
        touched = {row.id for row in upserts}
        touched.update(regrouped)
        return RowsDelta(upserts, removed, regrouped, touched)

    upserts = property(lambda self: self._delta.upserts)
    removed = property(lambda self: self._delta.removed)
    regrouped = property(lambda self: self._delta.regrouped)
    touched = property(lambda self: self._delta.touched)
    changed = property(lambda self: self._delta.changed)


# A move across more than this many checkpoints' worth of log rows remakes every row and index
# at once: cheaper than finding and updating most of them one by one.
FAR = 4
# The list is kept at every this many checkpoints (``warm``): a seek makes again the rows of at
# most that many checkpoints' log rows; 60 bases for a busy week's 120 checkpoints.
BASE_STRIDE = 2
_LAST = float("inf")  # above every event id: a range's upper bound


@dataclass(frozen=True)
class _Base:
    """The list at an instant, kept for seeks, with what the clock changes before the next."""

    at: datetime
    n: int  # the window's position at ``at``
    rows: dict[int, EventRow]
    order: list[tuple]  # the rows' keys in the list's opening order at ``at``, ascending
    timed: list[tuple]  # (instant, id): a listed event turning due soon or overdue up to the next base
    aged: list[tuple]  # (finished at, id): finished events ageing out of the list up to the next base


class _Marks:
    """Event ids by instants (a ``SortedList`` of (instant, id)), each event's own kept beside."""

    def __init__(self) -> None:
        self.keys = SortedList()
        self.of: dict[int, tuple] = {}

    def set(self, event_id: int, times: tuple) -> None:
        if self.of.get(event_id, ()) == times:
            return
        for t in self.of.pop(event_id, ()):
            self.keys.remove((t, event_id))
        if times:
            self.of[event_id] = times
            self.keys.update((t, event_id) for t in times)

    def reset(self, times_of: dict[int, tuple]) -> None:
        """Every event's instants at once (a far seek): one sort, not an insertion each."""
        self.of = {event_id: times for event_id, times in times_of.items() if times}
        self.keys = SortedList((t, event_id) for event_id, times in self.of.items() for t in times)

    def between(self, a: datetime, b: datetime) -> set[int]:
        lo, hi = min(a, b), max(a, b)
        return {event_id for _, event_id in self.keys.irange((lo, -1), (hi, _LAST))}


class RowsCursor:
    """The rows listed at ``at``, moved through a ``Replay``'s window with ``move``."""

    def __init__(self, replay: Replay, names: Names, recent_days: int):
        self.replay, self.names = replay, names
        self.recent = timedelta(days=recent_days)
        self.at = replay.start
        self._n = replay.position(self.at)
        self.state = replay.state_at(self.at)
        self.rows: dict[int, EventRow] = {}
        self.moves = 0  # how many times it moved (a seek's differences are asked before the next)
        self._cache: dict = {}
        self._finished = _Marks()  # when each finished event finished
        self._clock = _Marks()  # when each held event turns due soon and overdue
        self._index_rows()
        self._marks_stale = True
        self._bases: list[_Base] = []  # none until ``warm``: seeks compare the states
        self._base_at: list[datetime] = []
        self._recompute(set(self.state.events), set(), whole=True)

    def move(self, at: datetime) -> RowsDelta | SeekDelta:
        """To the instant ``at`` (clamped to the window); what changed in the list."""
        self.moves += 1
        replay = self.replay
        at = min(max(at, replay.start), replay.end)
        n = replay.position(at)
        forward = self._n <= n <= self._n + replay.checkpoint_every
        if abs(n - self._n) > FAR * replay.checkpoint_every or (self._marks_stale and self._bases and not forward):
            # Far, or a seek back or ahead after a seek (the clock's indexes not yet remade):
            # from a base. A near move would remake those indexes first (~60 ms, a seek's p99),
            # which only the playback's forward steps need.
            return self._far(at, n)
        touched = self._touched(min(n, self._n), max(n, self._n))
        if forward:
            for entry in replay.span(self._n, n):  # forward and near: fold on
                apply(self.state, entry)
        elif n != self._n:
            self.state = replay.state_at(at)  # back: from the nearest checkpoint
        return self._near(at, n, touched)

    def _near(self, at: datetime, n: int, touched: set[int]) -> RowsDelta:
        """The rows of the events the log touched (``touched``) and of those whose clock or
        the list's cutoff passed between the two instants, the state being at ``at`` already."""
        old, self.at, self._n = self.at, at, n
        if self._marks_stale:  # a slider dragged far and wide remakes them once, where it stops
            self._remark()
        timed = self._clock.between(old, at)
        touched |= timed | self._finished.between(old - self.recent, at - self.recent)
        return self._recompute(touched, timed)

    def _far(self, at: datetime, n: int) -> RowsDelta | SeekDelta:
        """A seek: the list kept at the nearest base before ``at`` (``warm``), the rows of the
        few events changed since made again, then compared with the rows shown by identity
        (a base shares every row unchanged since the one before it). Without bases, every
        event whose rows may differ is found by comparing the two states (``_far_touched``)."""
        before, old = self.state, self.at
        self.state = self.replay.state_at(at)  # from the nearest checkpoint
        self._marks_stale = True  # the clock's indexes wait for the next near move
        k = bisect_right(self._base_at, at) - 1
        if k < 0:
            self.at, self._n = at, n
            return self._recompute(*self._far_touched(before, old), whole=True)
        base, shown = self._bases[k], self.rows
        ids = self._touched(base.n, n)
        ids.update(i for t, i in base.timed if t <= at)  # turned due soon or overdue since
        ids.update(i for t, i in base.aged if t <= at - self.recent)  # aged out since
        self.at, self._n, self.rows = at, n, dict(base.rows)
        self._recompute(ids, set(), whole=True)
        # The list's order from the base's: only the rows made again keyed and merged in.
        return SeekDelta(self, shown, in_order(base.order, ids, self.rows, at, base.rows, base.at))

    def warm(self) -> None:
        """The list as it stood at instants spread over the week (every ``BASE_STRIDE``-th
        checkpoint), kept: a seek starts from the nearest one before it and makes again only
        the rows of the events changed since (``_far``). Made in the loading thread by moving
        through the week on the checkpoints' own states (their event dicts, not copies: no
        second set of dicts kept alive by the rows' cache). The bases share every row
        unchanged from one to the next."""
        replay = self.replay
        self._bases, self._base_at = [], []
        self.move(replay.start)  # where the bases start
        stops = [(self.at, self._n)]
        stops += [(at, replay.position(at)) for at, _, _, _ in list(replay.checkpoints())[1::BASE_STRIDE]]
        order = sorted(urgency_key(row, self.at) for row in self.rows.values())
        for k, (at, n) in enumerate(stops):
            if k:
                touched = self._touched(self._n, n)
                self.state = replay.state_at(at)
                last = self._bases[-1]
                order = in_order(last.order, self._near(at, n, touched).touched, self.rows, at, last.rows, last.at)
            if self._marks_stale:
                self._remark()
            until = stops[k + 1][0] if k + 1 < len(stops) else replay.end
            self._bases.append(_Base(
                at, n, dict(self.rows), order, list(self._clock.keys.irange((at, -1), (until, _LAST))),
                list(self._finished.keys.irange((at - self.recent, -1), (until - self.recent, _LAST)))))
            self._base_at.append(at)
        self.move(replay.start)

    # -- what changed ------------------------------------------------------------------------
    def _touched(self, lo: int, hi: int) -> set[int]:
        ids = set()
        for entry in self.replay.span(lo, hi):
            if entry.event_id is not None:
                ids.add(entry.event_id)
            for table, row_id, _ in entry.payload.get("rows", ()):
                if table in self._owner:
                    ids.add(self._owner[table].get(row_id))
        ids.discard(None)
        return ids

    def _far_touched(self, before: RoomState, old: datetime) -> tuple[set[int], set[int]]:
        """After a far move, the events whose rows may differ, found by identity (a replayed
        row's dict is replaced when it changes, and a state shares the unchanged ones): those
        whose event, alert or assignment rows were replaced, those that came or went, and the
        listed ones whose clock (overdue, due soon) or the list's cutoff moved; and of these
        the rows the clock alone regrouped. Not every event of the street made again."""
        events, at, cutoff = self.state.events, self.at, self.at - self.recent
        lo, hi = min(old, at), max(old, at)
        ids = {i for i, event in events.items() if before.events.get(i) is not event}
        ids.update(i for i in before.events if i not in events)
        for table in _INDEXED:
            now_rows, then = self.state.rows[table], before.rows[table]
            owner = self._owner[table]
            ids.update(owner.get(i) for i, row in now_rows.items() if then.get(i) is not row)
            ids.update(owner.get(i) for i in then if i not in now_rows)
        ids.discard(None)
        timed = set()
        for event_id, row in self.rows.items():
            if row.finished_at is not None:
                if row.finished_at < cutoff:
                    ids.add(event_id)  # aged out
            elif (row.handle_due is not None and row.status in HELD and event_id not in ids
                  and any(lo < t <= hi for t in _clock_times(events[event_id]))):  # a running limit
                timed.add(event_id)
        ids.update(i for i, event in events.items()  # aged back in (a move back in time)
                   if i not in self.rows and i not in ids
                   and ((done := finished_at(event)) is None or done >= cutoff))
        return ids | timed, timed

    def _recompute(self, ids: set[int], timed: set[int], whole: bool = False) -> RowsDelta:
        """The rows of ``ids`` again; ``whole``: ``ids`` are every event (the marks wait for ``_remark``)."""
        at, cutoff, events = self.at, self.at - self.recent, self.state.events
        upserts, removed, regrouped = [], [], []
        # Every event's alert level: one pass over the alerts, not a look-up per event.
        level = alert_levels(self.state).get if whole else self._level
        for event_id in ids:
            event = events.get(event_id)
            done = finished_at(event) if event is not None else None
            if not whole:
                self._finished.set(event_id, (done,) if done is not None else ())
                self._clock.set(event_id, _clock_times(event) if event is not None else ())
            if event is None or (done is not None and done < cutoff):
                if self.rows.pop(event_id, None) is not None:
                    removed.append(event_id)
                continue
            row = row_for(event, self.names, done, at, level(event_id), self._cache)
            if self.rows.get(event_id) is not row:
                self.rows[event_id] = row
                upserts.append(row)
            elif event_id in timed:
                regrouped.append(event_id)
        return RowsDelta(upserts, removed, regrouped, ids)

    def _remark(self) -> None:
        """When each event finishes and turns due soon or overdue, for every event at once (one
        sort each): a seek leaves this to the next near move, so dragging the slider never pays it."""
        finished, clock = {}, {}
        for event_id, event in self.state.events.items():
            done = finished_at(event)
            finished[event_id] = (done,) if done is not None else ()
            clock[event_id] = _clock_times(event)
        self._finished.reset(finished)
        self._clock.reset(clock)
        self._marks_stale = False

    # -- the rows that hang off an event -------------------------------------------------------
    def _index_rows(self) -> None:
        """Every alert and assignment of the window (those before it and those made in it) by
        its event: a row's event never changes, and later rows of it may not repeat it."""
        self._owner: dict[str, dict[int, int]] = {}
        for table in _INDEXED:
            self._owner[table] = {row_id: row["event_id"] for row_id, row in self.state.rows[table].items()}
        for entry in self.replay.entries:
            for table, row_id, fields in entry.payload.get("rows", ()):
                owner = self._owner.get(table)
                if owner is not None and row_id not in owner:
                    owner[row_id] = decode(table, fields).get("event_id", entry.event_id)
        self._by_event: dict[str, dict[int, list[int]]] = {table: {} for table in _INDEXED}
        for table, owner in self._owner.items():
            for row_id, event_id in owner.items():
                self._by_event[table].setdefault(event_id, []).append(row_id)

    def rows_of(self, table: str, event_id: int) -> list[dict]:
        """The event's alerts or assignments as they stood at the cursor's instant."""
        rows = self.state.rows[table]
        return [rows[i] for i in self._by_event[table].get(event_id, ()) if i in rows]

    def _level(self, event_id: int):
        return self._level_in(self.state, event_id)

    def _level_in(self, state: RoomState, event_id: int):
        alerts = state.rows["alert"]
        return most_serious(alerts[i]["level"] for i in self._by_event["alert"].get(event_id, ())
                            if i in alerts and alerts[i].get("cleared_at") is None)


_INDEXED = ("alert", "assignment")


def _clock_times(event: dict) -> tuple:
    """The instants at which a held event's row or its urgency group change by the clock alone."""
    due, start = event["handle_due"], event["dispatched_at"]
    if event["status"] not in HELD or due is None:
        return ()
    return (due_soon_at(start, due), due) if start is not None else (due,)
