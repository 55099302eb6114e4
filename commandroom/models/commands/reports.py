"""The call queue's commands: a console's heartbeat, take and release a report, answer it on
the spot (当场答复).

Take and release decide who holds a report, not what it says: they act on the report as it
stands now, whatever version the console last saw, and the database decides between two
consoles taking at once (the event row's version: the second UPDATE finds it moved and is told
who won). The heartbeat is not an event matter and writes no log row (``models/presence.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models import hold, presence, transitions, validate
from commandroom.models.change import Change
from commandroom.models.commands.base import CommandBase, EventRef
from commandroom.models.enums import Action
from commandroom.models.errors import NotFoundError, StaleEventError, ValidationError
from commandroom.models.events import Event

# A take or release that loses a race reads the report again this many times at most (the
# second read normally sees the winner, and is refused naming them).
_ATTEMPTS = 3


@dataclass(frozen=True)
class TakeRef(EventRef):
    """A take's answer: the report, and the quiet console whose lapsed lock it replaced ("" if
    nobody held it), so the officer is told from whom it was taken."""

    taken_from: str = ""  # the user's name
    taken_from_console: str = ""


class ReportCommands(CommandBase):
    # -- presence ----------------------------------------------------------------------------
    def heartbeat(self) -> None:
        """This console is alive (call every ``presence.HEARTBEAT_EVERY``): its reports stay its own."""
        console = self._console()
        with self.db.session() as session:
            presence.heartbeat(session, console=console, login=self.actor.login,
                               street_id=self.street_id, now=self.clock.now())

    def sign_off(self) -> None:
        """This console closes: the reports it holds are free at once."""
        console = self._console()
        with self.db.session() as session:
            presence.sign_off(session, console=console)

    # -- the lock ----------------------------------------------------------------------------
    def take(self, event_id: int, version: int | None = None) -> TakeRef:
        """接手: lock the report to this console. Refused, naming the holder, while another live
        console holds it; a quiet console's report is taken over (``TakeRef.taken_from``).
        ``version`` is accepted for the command path's sake and not needed (module docstring)."""
        console = self._console()
        taken_from: list[hold.Holder] = []

        def decide(session: Session, event: Event, now: datetime) -> Change:
            holder = hold.holder_of(session, event, now, self.quiet_after)
            if holder is not None and holder.console == console:
                raise ValidationError(f"您已在本值班台接手报告 {event.code}",
                                      f"This console already holds report {event.code}")
            if holder is not None and not holder.quiet:
                raise hold.held_error(holder)
            taken_from[:] = [holder] if holder is not None else []
            # Taking proves this console alive: its lock must not look lapsed before its next beat.
            presence.heartbeat(session, console=console, login=self.actor.login,
                               street_id=event.street_id, now=now)
            return transitions.take(now=now, login=self.actor.login, console=console,
                                    taken_from=holder)

        ref = self._on_current(Action.TAKE, event_id, decide)
        was = taken_from[0] if taken_from else None
        return TakeRef(**vars(ref), taken_from=was.name if was else "",
                       taken_from_console=was.console if was else "")

    def release(self, event_id: int, version: int | None = None) -> EventRef:
        """放手: the holding console lets the report go back to the queue for anyone."""
        console = self._console()

        def decide(session: Session, event: Event, now: datetime) -> Change:
            holder = hold.holder_of(session, event, now, self.quiet_after)
            if holder is None:
                raise ValidationError(f"报告 {event.code} 没有人接手，无需放手",
                                      f"Nobody holds report {event.code}; there is nothing to release")
            if holder.console != console:
                raise hold.held_error(holder)
            return transitions.release()

        return self._on_current(Action.RELEASE, event_id, decide)

    def answer(self, event_id: int, version: int, *, text: str) -> EventRef:
        """当场答复: a consultation answered at once; closed without dispatch, never 立案."""
        text = validate.text(text, "答复内容", "Answer", max_len=2000)
        return self._apply(Action.ANSWER, event_id, version,
                           lambda session, event, now: transitions.answer(now=now, text=text))

    # -- helpers -----------------------------------------------------------------------------
    def _console(self) -> str:
        if not self.actor.console:
            raise ValidationError("本机没有值班台名称，不能接手报告（设置 COMMANDROOM_CONSOLE）",
                                  "This console has no name; set COMMANDROOM_CONSOLE to take reports")
        return self.actor.console

    def _on_current(self, action: Action, event_id: int, decide) -> EventRef:
        """``_apply`` at the version the report has now; a lost race is read again."""
        for attempt in range(_ATTEMPTS):
            with self.db.session() as session:
                version = session.scalar(select(Event.version).where(Event.id == event_id))
            if version is None:
                raise NotFoundError(f"找不到事件 #{event_id}", f"No event #{event_id}")
            try:
                return self._apply(action, event_id, version, decide)
            except StaleEventError:
                if attempt == _ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")
