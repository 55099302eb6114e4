"""``commandroom supervise``: the supervision scan without a window (a district server, cron,
checks). It prints each alert it raises, one line each; without ``--once`` it scans every
``supervise_interval_s`` until stopped, and SIGTERM or Ctrl-C end it cleanly between scans (a
scan in progress finishes: each alert is its own transaction, so none is ever half written).
"""

from __future__ import annotations

import signal
import threading
import time
from datetime import datetime, timedelta

from commandroom.config import Settings, thresholds
from commandroom.models.actor import Actor
from commandroom.models.clock import Clock
from commandroom.models.enums import Role


class StartedClock(Clock):
    """A clock that starts at a given instant (``--now``) and runs on from there."""

    def __init__(self, at: datetime):
        self.at, self.started = at, time.monotonic()

    def now(self) -> datetime:
        return self.at + timedelta(seconds=int(time.monotonic() - self.started))


def run(db, street_id: int | None, *, once: bool, now: datetime | None, settings: Settings) -> int:
    from commandroom.models.commands import Commands
    from commandroom.models.scan import Scanner

    clock = StartedClock(now) if now is not None else Clock()
    cmds = Commands(db, Actor("scheduler", Role.SYSTEM, settings.console, "督办程序"), clock,
                    street_id=street_id)
    scanner = Scanner(cmds, thresholds(settings))
    stop = threading.Event()
    if not once:
        for number in (signal.SIGTERM, signal.SIGINT):
            signal.signal(number, lambda *_: stop.set())
    while True:
        for alert in scanner.scan().raised:
            print(alert.line(), flush=True)
        if once or stop.wait(settings.supervise_interval_s):
            return 0


__all__ = ["run", "StartedClock"]
