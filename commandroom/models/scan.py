"""One supervision scan, start to end: plan (read), then clear and raise (one write each).

The scheduler's job and ``commandroom supervise`` both run this. Any number of them may run
against one database: a second raise of the same (event, deadline, level) is refused by the
unique constraint and counts as nobody's; a second clear finds the alert cleared.

``scan`` is stateless: every call looks at every held event (``supervision.plan``). A process
that scans again and again keeps a ``Scanner``: its first scan looks at every held event and
remembers when each one's next alert falls due; after that a scan looks only at the events the
log says changed since (the change feed, ``FeedCursor``: another console's command, another
scheduler's alert) and at those whose next alert has fallen due — a handful, not ten thousand.
Every ``full_every`` it looks at all of them again, as a safety net.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from commandroom.models.changefeed import FeedCursor, feed_start
from commandroom.models.commands.alerts import LATE_AFTER, AlertCommands, RaisedAlert
from commandroom.models.ladder import Thresholds
from commandroom.models.supervision import Plan, examine, plan


@dataclass(frozen=True)
class ScanResult:
    at: datetime
    raised: tuple[RaisedAlert, ...]
    cleared: int
    plan_ms: float  # the read: the part that grows with the database
    looked_at: int | None = None  # events examined (None: every held one, through SQL)


def carry_out(cmds: AlertCommands, todo: Plan, now: datetime, plan_ms: float, *,
              late_after: timedelta = LATE_AFTER, looked_at: int | None = None) -> ScanResult:
    cleared = sum(cmds.clear_alert(alert_id) for alert_id in todo.clear)
    raised = tuple(r for due in todo.due if (r := cmds.raise_alert(due, late_after=late_after)) is not None)
    return ScanResult(now, raised, cleared, plan_ms, looked_at)


def scan(cmds: AlertCommands, thresholds: Thresholds, *, late_after: timedelta = LATE_AFTER) -> ScanResult:
    now = cmds.clock.now()
    started = time.perf_counter()
    with cmds.db.session() as session:
        todo = plan(session, now, thresholds, cmds.street_id)
    return carry_out(cmds, todo, now, (time.perf_counter() - started) * 1000, late_after=late_after)


class Scanner:
    """Scans that remember: see the module's docstring. One per scheduling process or thread."""

    def __init__(self, cmds: AlertCommands, thresholds: Thresholds, *, late_after: timedelta = LATE_AFTER,
                 full_every: timedelta = timedelta(hours=1)):
        self.cmds, self.thresholds = cmds, thresholds
        self.late_after, self.full_every = late_after, full_every
        self._cursor: FeedCursor | None = None
        self._next: dict[int, datetime] = {}  # event id -> when its next alert falls due
        self._full_at: datetime | None = None

    def scan(self) -> ScanResult:
        now = self.cmds.clock.now()
        started = time.perf_counter()
        street = self.cmds.street_id
        with self.cmds.db.session() as session:
            if self._cursor is None or now - self._full_at >= self.full_every:
                start = feed_start(session)  # before the rows: a change meanwhile is read again
                todo, self._next = examine(session, now, self.thresholds, street)
                # Which events the log touched is all a scan reads of it: marks, not whole rows.
                self._cursor = FeedCursor(start.last_id, holes=start.holes, marks=True)
                self._full_at, looked_at = now, None
            else:
                entries = self._poll(session)
                ids = {e.event_id for e in entries if e.event_id is not None and street in (None, e.street_id)}
                ids |= {i for i, at in self._next.items() if at <= now}
                todo, fresh = examine(session, now, self.thresholds, street, ids) if ids else (Plan([], []), {})
                for event_id in ids:
                    self._next.pop(event_id, None)
                self._next.update(fresh)
                looked_at = len(ids)
        return carry_out(self.cmds, todo, now, (time.perf_counter() - started) * 1000,
                         late_after=self.late_after, looked_at=looked_at)

    def _poll(self, session) -> list:
        entries, batch = [], self._cursor.poll(session, 5000)
        entries += batch
        while len(batch) >= 5000:  # a burst (a demo import): read it all
            batch = self._cursor.poll(session, 5000)
            entries += batch
        return entries
