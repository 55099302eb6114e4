"""Who holds a report in the call queue, and the refusal that names them.

A report (an event in RECEIVED) taken by a console is locked to it: the lock is the event's
``taken_by`` / ``taken_console`` / ``taken_at`` columns, set and cleared by logged commands, so
the replay rebuilds it. It binds the other consoles only while the holding console is alive
(``models/presence.py``): a quiet holder's lock has lapsed and the report is free to take.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models import presence
from commandroom.models.errors import HeldError
from commandroom.models.org import User


@dataclass(frozen=True)
class Holder:
    login: str
    name: str  # the user's name, or the login when the user is unknown
    console: str
    taken_at: datetime | None
    quiet: bool  # the holding console has gone quiet: the lock has lapsed

    def described(self) -> tuple[str, str]:
        """"张伟（console-2）", in Chinese and English."""
        return f"{self.name}（{self.console}）", f"{self.name} ({self.console})"


def holder_of(session: Session, event, now: datetime,
              quiet_after: timedelta = presence.QUIET_AFTER) -> Holder | None:
    """The console holding ``event``, lapsed or not; None when nobody took it."""
    if not event.taken_console:
        return None
    name = session.scalar(select(User.name).where(User.login == event.taken_by))
    seen = presence.last_seen(session, event.taken_console)
    return Holder(login=event.taken_by, name=name or event.taken_by, console=event.taken_console,
                  taken_at=event.taken_at, quiet=presence.is_quiet(seen, now, quiet_after))


def held_error(holder: Holder) -> HeldError:
    zh, en = holder.described()
    return HeldError(f"该报告正由 {zh}处理", f"This report is being handled by {en}")


def check_not_held(session: Session, event, console: str, now: datetime,
                   quiet_after: timedelta = presence.QUIET_AFTER) -> None:
    """Refuse, naming the holder, if another console holds ``event`` and is alive."""
    holder = holder_of(session, event, now, quiet_after)
    if holder is not None and holder.console != console and not holder.quiet:
        raise held_error(holder)
