"""The daily backup of a SQLite database: a consistent copy taken while consoles keep writing
(SQLite's online backup API), one file per day, the oldest pruned after ``keep_days``.

Restoring (README, "Backups"): close every console on the file, copy the chosen backup over
the database file, open the console again.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import date, timedelta
from pathlib import Path

NAME = "commandroom-{day:%Y%m%d}.sqlite3"
_DAY = re.compile(r"^commandroom-(\d{8})\.sqlite3$")


def backup_sqlite(db_path: Path, folder: Path, day: date) -> Path:
    """Copy the database to ``folder`` as that day's backup (replacing one taken earlier that
    day); written beside under a temporary name and renamed, so a half copy is never a backup."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / NAME.format(day=day)
    partial = target.with_suffix(".partial")
    source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    partial.replace(target)
    return target


def prune(folder: Path, keep_days: int, today: date) -> list[Path]:
    """Delete the backups older than ``keep_days`` days; the files deleted."""
    oldest = today - timedelta(days=keep_days - 1)
    gone = []
    for path in sorted(folder.glob("commandroom-*.sqlite3")):
        match = _DAY.match(path.name)
        if match and date(int(match[1][:4]), int(match[1][4:6]), int(match[1][6:])) < oldest:
            path.unlink()
            gone.append(path)
    return gone
