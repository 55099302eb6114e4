"""The scheduler: APScheduler 3 runs the supervision scan every ``interval_s`` seconds, the daily
SQLite backup and the daily summary in the application log.

APScheduler runs jobs on its pool threads (habit 5): a job computes with its own sessions and
hands its result to the GUI thread through a queued signal (this object lives in the GUI
thread; a signal emitted from a pool thread is queued to its receivers there). Nothing here
touches a widget. ``start`` and ``stop`` go with the application; ``stop`` waits for a running
job and for the scheduler's own thread, so no thread is left behind.

Our stored times are naive Beijing time; APScheduler's are aware. The scheduler is given
Beijing's offset as its time zone, and the jobs read the room's ``Clock`` for the scan's "now":
the conversion happens at that edge only.
"""

from __future__ import annotations

import logging
import weakref
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from PySide6.QtCore import QObject, Signal
from sqlalchemy.exc import SQLAlchemyError

from commandroom.models import backup
from commandroom.models.actor import Actor
from commandroom.models.alert_rows import daily_summary
from commandroom.models.clock import BEIJING, Clock
from commandroom.models.commands import Commands
from commandroom.models.db import Database
from commandroom.models.enums import Role
from commandroom.models.errors import CommandroomError
from commandroom.models.ladder import Thresholds
from commandroom.models.scan import Scanner, ScanResult

log = logging.getLogger(__name__)

_RUNNING: weakref.WeakSet[Supervisor] = weakref.WeakSet()


def running() -> list[Supervisor]:
    """The supervisors started and not yet stopped (a test that leaves one fails)."""
    return [s for s in _RUNNING if s.is_running()]


@dataclass(frozen=True)
class Jobs:
    """What the scheduler runs and when (from the settings)."""

    interval_s: int = 30
    backup_dir: Path | None = None  # None: no backup job (PostgreSQL is the administrator's)
    backup_keep_days: int = 7
    backup_hour: int = 3
    summary_hour: int = 8


class Supervisor(QObject):
    # --- Signals ---------------------------------------------------------------------------
    sig_scanned = Signal(object)
    """A ``ScanResult`` after every scan (the alerts it raised, how many it cleared)."""

    sig_backed_up = Signal(str)
    """The path of the day's SQLite backup."""

    sig_failed = Signal(str)
    """A job failed: the reason in one line (the database unreachable, a disk full …)."""

    def __init__(self, db: Database, thresholds: Thresholds, *, console: str, jobs: Jobs = Jobs(),
                 street_id: int | None = None, clock: Clock | None = None):
        super().__init__()
        self.db = db
        self.thresholds = thresholds
        self.jobs = jobs
        self.clock = clock or Clock()
        self.street_id = street_id
        self.commands = Commands(db, Actor("scheduler", Role.SYSTEM, console, "督办程序"), self.clock,
                                 street_id=street_id)
        # Remembers between scans (models/scan.py): only the pool's one worker thread uses it.
        self.scanner = Scanner(self.commands, thresholds)
        self._scheduler: BackgroundScheduler | None = None

    # --- start and stop, from the GUI thread ------------------------------------------------
    def start(self) -> None:
        # One worker: a slow scan delays the next one instead of running beside it; a run that
        # was missed (the machine slept) is run once, late, not once per missed interval.
        scheduler = BackgroundScheduler(
            timezone=BEIJING, executors={"default": ThreadPoolExecutor(1)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None})
        first = datetime.now(BEIJING)  # aware: APScheduler's side of the edge
        scheduler.add_job(self.scan_now, "interval", seconds=self.jobs.interval_s, next_run_time=first,
                          id="scan")
        if self.jobs.backup_dir is not None:
            scheduler.add_job(self.backup_now, "cron", hour=self.jobs.backup_hour, id="backup")
        scheduler.add_job(self.summary_now, "cron", hour=self.jobs.summary_hour, id="summary")
        scheduler.start()
        self._scheduler = scheduler
        _RUNNING.add(self)

    def stop(self) -> None:
        """Stop the jobs; waits for a running one and ends the scheduler's threads."""
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=True)
            self._scheduler = None
        _RUNNING.discard(self)

    def is_running(self) -> bool:
        return self._scheduler is not None and self._scheduler.running

    # --- the jobs (a pool thread) --------------------------------------------------------------
    def scan_now(self) -> ScanResult | None:
        try:
            result = self.scanner.scan()
        except (SQLAlchemyError, CommandroomError) as exc:
            return self._fail("scan", exc)
        for alert in result.raised:
            log.info("alert raised: %s", alert.line())
        self.sig_scanned.emit(result)
        return result

    def backup_now(self) -> Path | None:
        path = Path(self.db.engine.url.database or "")
        today = self.clock.now().date()
        try:
            made = backup.backup_sqlite(path, self.jobs.backup_dir, today)
            gone = backup.prune(self.jobs.backup_dir, self.jobs.backup_keep_days, today)
        except OSError as exc:
            return self._fail("backup", exc)
        except Exception as exc:  # noqa: BLE001 - sqlite3.Error and the like: said, never lost
            return self._fail("backup", exc)
        log.info("backup written: %s (%d old ones removed)", made, len(gone))
        self.sig_backed_up.emit(str(made))
        return made

    def summary_now(self) -> str | None:
        yesterday = (self.clock.now() - timedelta(days=1)).date()
        try:
            with self.db.session() as session:
                line = daily_summary(session, yesterday, self.street_id)
        except SQLAlchemyError as exc:
            return self._fail("summary", exc)
        log.info("%s", line)
        return line

    def _fail(self, job: str, exc: Exception) -> None:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0] if str(exc) else type(exc).__name__
        log.warning("supervision %s failed: %s", job, reason)
        self.sig_failed.emit(f"{job}: {reason}")
        return None
