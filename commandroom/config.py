"""Settings: one typed table of defaults, overridden by the command line.

The default database is a SQLite file in the user data directory, so the console runs with
nothing to configure; any SQLAlchemy URL (e.g. a shared PostgreSQL server) replaces it.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_path

from commandroom.models.queries import RECENT_DAYS

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
    # The intake server (接入系统) inside the console: off unless asked for (--intake); it listens
    # on this machine only unless another address is given.
    intake: bool = False
    intake_host: str = "127.0.0.1"
    intake_port: int = 8311
    # A revoked API key stops working within this many seconds (the intake remembers keys).
    intake_key_ttl: float = 1.0
    # The largest request body the intake reads (a report of 4,000 characters is about 12 KB).
    intake_max_body: int = 65536


LANGUAGES = ("zh_CN", "en")
