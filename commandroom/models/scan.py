"""One supervision scan, start to end: plan (read), then clear and raise (one write each).

The scheduler's job and ``commandroom supervise`` both run this. Any number of them may run
against one database: a second raise of the same (event, level, deadline) is refused by the
unique constraint and counted as nobody's; a second clear finds the alert cleared.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from commandroom.models.commands.alerts import LATE_AFTER, AlertCommands, RaisedAlert
from commandroom.models.ladder import Thresholds
from commandroom.models.supervision import plan


@dataclass(frozen=True)
class ScanResult:
    at: datetime
    raised: tuple[RaisedAlert, ...]
    cleared: int
    plan_ms: float  # the read: the part that grows with the database


def scan(cmds: AlertCommands, thresholds: Thresholds, *, late_after: timedelta = LATE_AFTER) -> ScanResult:
    now = cmds.clock.now()
    started = time.perf_counter()
    with cmds.db.session() as session:
        todo = plan(session, now, thresholds, cmds.street_id)
    plan_ms = (time.perf_counter() - started) * 1000
    cleared = sum(cmds.clear_alert(alert_id) for alert_id in todo.clear)
    raised = tuple(r for due in todo.due if (r := cmds.raise_alert(due, late_after=late_after)) is not None)
    return ScanResult(now, raised, cleared, plan_ms)
