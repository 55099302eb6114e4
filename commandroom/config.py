"""Settings: one typed table of defaults, overridden by the command line.

The default database is a SQLite file in the user data directory, so the console runs with
nothing to configure; any SQLAlchemy URL (e.g. a shared PostgreSQL server) replaces it.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from platformdirs import user_data_path

from commandroom.models.ladder import LadderRule, Thresholds
from commandroom.models.queries import RECENT_DAYS
from commandroom.models.timelimits import WARN_SHARE

APP_NAME = "commandroom"


def data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False, ensure_exists=True)


def default_db_url() -> str:
    # Not data_dir(): a command that only reads must not create the folder (the console's first
    # run makes it, with the file).
    return f"sqlite:///{user_data_path(APP_NAME, appauthor=False) / 'commandroom.sqlite3'}"


@dataclass(frozen=True)
class Settings:
    db_url: str = field(default_factory=default_db_url)
    # zh_CN is the product's own language; "en" loads the English translation.
    lang: str = "zh_CN"
    # Written into every event_log row this console makes.
    console: str = field(default_factory=lambda: os.environ.get("COMMANDROOM_CONSOLE")
                         or socket.gethostname())
    # The login the console acts as until sign-in arrives (the demo street has this user).
    user: str = "duty"
    # The code of the street this room serves; "" means the database's only street.
    street: str = ""
    # How often the change feed is polled on SQLite (PostgreSQL is woken by NOTIFY as well).
    feed_poll_ms: int = 500
    # Events closed within this many days stay in the console's live list.
    recent_days: int = RECENT_DAYS
    # The chime a new report in the call queue plays (the status bar mutes it too).
    sound: bool = True
    # Map tiles: no tile server by default (there is no internet); a URL template enables one.
    tile_url: str = ""
    # Sign-in: this many wrong passwords in a row lock the account for lock_minutes.
    signin_max_failures: int = 5
    signin_lock_minutes: int = 15
    # The wall screen signs in as this display-role user without a dialog ("" : it asks).
    wall_login: str = ""
    # A shift's length: the handover lists the events due before the next shift ends.
    shift_hours: int = 12
    # Grid import: overlaps and gaps between unit grids up to this many square metres pass.
    grid_tolerance_m2: float = 10.0
    # The datum the tiles are drawn in: "wgs84" (Tianditu, OSM) or "gcj02" (AMap, Tencent); the
    # map converts stored WGS-84 points for display and clicked points back.
    tile_datum: str = "wgs84"
    # 未诉先办: an L4 grid is flagged when one category has this many events in this many days.
    recurring_days: int = 14
    recurring_min: int = 3
    # -- supervision (督办, models/ladder.py) --------------------------------------------------
    supervise_interval_s: int = 30  # how often the scan runs
    warn_share: float = WARN_SHARE  # 预警 once this share of a limit is used (also "due soon")
    grace_share: float = 0.5  # 督办 this share of the limit after it passed …
    grace_min_minutes: int = 60  # … and at least this long
    # Per (category class 大类 or "*", priority or "*"): (warn share, grace share, grace minutes).
    # Urgent limits are minutes to hours (DOMAIN.md: emergencies 2 h), so warn at half of them.
    ladder_rules: tuple[tuple[str, str, float, float, int], ...] = (("*", "urgent", 0.5, 0.5, 30),)
    stalled_hours: float = 24  # in progress with no log row this long: 停滞
    backup_keep_days: int = 7  # daily SQLite backups kept (data_dir()/backups)
    backup_hour: int = 3  # Beijing time of the daily backup
    summary_hour: int = 8  # Beijing time of the daily summary in the application log
    # The intake server (接入系统) inside the console: off unless asked for (--intake); it listens
    # on this machine only unless another address is given.
    intake: bool = False
    intake_host: str = "127.0.0.1"
    intake_port: int = 8311
    # A revoked API key stops working within this many seconds (the intake remembers keys).
    intake_key_ttl: float = 1.0
    # The largest request body the intake reads (a report of 4,000 characters is about 12 KB).
    intake_max_body: int = 65536
    # The standalone intake server (``commandroom intake``) and the load simulator run at a lower
    # CPU priority (POSIX niceness added at start; 0: as started). On a machine they share with a
    # console the duty officer's window is answered first and they take what is left: the CPU is
    # used as fully, only the order changes (bench/bench_intake.py: the console's longest stall
    # in a 600/s storm on 2 cores). The simulator stands for the platforms' own machines.
    intake_nice: int = 5
    simulate_nice: int = 10
    # The wall screen: its figures are computed again this often even with no new log row
    # (the clock moves events past their limits), and its layout ("": chosen by the screen's size).
    wall_refresh_s: int = 30
    wall_layout: str = ""
    # The intake's writer waits this long for more reports before it commits a batch: fewer,
    # fuller commits under a storm (services/intake/writer.py), at most this much added latency.
    intake_commit_delay_ms: float = 10.0


def thresholds(settings: Settings) -> Thresholds:
    """The supervision ladder's rules from the settings."""
    def rule(warn: float, grace: float, minutes: int) -> LadderRule:
        return LadderRule(warn_share=warn, grace_share=grace, grace_min=timedelta(minutes=minutes))

    return Thresholds(
        default=rule(settings.warn_share, settings.grace_share, settings.grace_min_minutes),
        rules={(cls, prio): rule(w, g, m) for cls, prio, w, g, m in settings.ladder_rules},
        stalled_after=timedelta(hours=settings.stalled_hours))


LANGUAGES = ("zh_CN", "en")
