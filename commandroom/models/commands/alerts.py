"""督办: raising, acknowledging, clearing supervision alerts, and a shift leader's listing (挂牌).

Each is a ``Change`` to an ``alert`` row with its ``event_log`` row in one transaction, so the log
fold rebuilds the alerts. The log row names the event (its views refresh through the feed) but
the event's version does not move (``lifecycle.UNVERSIONED``): an alert raised between an
officer's read and write never makes that write stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from commandroom.models import ladder, validate
from commandroom.models.change import Change
from commandroom.models.commands.base import CommandBase, new_command_id
from commandroom.models.enums import Action, AlertLevel
from commandroom.models.errors import NotFoundError, ValidationError
from commandroom.models.events import Alert, Event
from commandroom.models.lifecycle import check_role, check_transition
from commandroom.models.supervision import last_progress_of

# Raised this long after it fell due (the application was closed, the scheduler stopped), an
# alert is marked late: the dock and the headless output say so beside its true due time.
LATE_AFTER = timedelta(minutes=2)


@dataclass(frozen=True)
class RaisedAlert:
    """An alert a command wrote: a frozen copy, safe to hand to another thread or print."""

    id: int
    event_id: int
    event_code: str
    level: AlertLevel
    kind: str
    deadline: datetime
    due_at: datetime
    raised_at: datetime
    late: bool

    def line(self) -> str:
        """One line for the headless output."""
        late = " 补报(late)" if self.late else ""
        return (f"{self.raised_at:%Y-%m-%d %H:%M:%S} {self.level.label}({self.level.value}) {self.event_code} "
                f"{ladder.reason(self.kind, self.deadline)} 应于 {self.due_at:%Y-%m-%d %H:%M:%S}{late}")


def _once(exc: IntegrityError) -> bool:
    """The unique constraint on (event, level, deadline) refused a second raise."""
    text = str(exc.orig)
    return "uq_alert_once" in text or "alert.event_id, alert.deadline, alert.level" in text


class AlertCommands(CommandBase):
    def raise_alert(self, due: ladder.Due, *, late_after: timedelta = LATE_AFTER) -> RaisedAlert | None:
        """Raise one alert the scan found due; None when another scheduler raised it first, or
        the event moved past it since the scan read it."""
        now = self.clock.now()
        try:
            with self.db.writing() as session:
                event = self._event(session, due.event_id)
                check_role(Action.RAISE_ALERT, self.actor.role)
                check_transition(Action.RAISE_ALERT, event.code, event.status)
                last = last_progress_of(session, event.id) if due.kind == ladder.STALLED else None
                if not ladder.still_about(due.kind, event.status, event.response_due, event.handle_due,
                                          due.deadline, last):
                    return None
                late = now - due.due_at > late_after
                return self._raise(session, event, due, now, late)
        except IntegrityError as exc:
            if _once(exc):
                return None
            raise

    def list_event(self, event_id: int, *, reason: str) -> RaisedAlert:
        """挂牌督办 by a shift leader's decision: on the wall screen and the weekly agenda."""
        reason = validate.text(reason, "挂牌理由", "Reason", max_len=200)
        now = self.clock.now()
        with self.db.writing() as session:
            event = self._event(session, event_id)
            check_role(Action.RAISE_ALERT, self.actor.role)
            check_transition(Action.RAISE_ALERT, event.code, event.status)
            listed = session.scalar(select(Alert.id).where(
                Alert.event_id == event.id, Alert.level == AlertLevel.LISTED, Alert.cleared_at.is_(None)))
            if listed is not None:
                raise ValidationError(f"事件 {event.code} 已挂牌督办", f"Event {event.code} is already listed")
            due = ladder.Due(event.id, AlertLevel.LISTED, ladder.BY_HAND, now, now)
            return self._raise(session, event, due, now, False, reason)

    def acknowledge_alert(self, alert_id: int, *, note: str = "") -> None:
        """知悉: who saw the alert, when, and what they did about it."""
        note = validate.text(note, "处理说明", "Note", max_len=200, required=False)
        now = self.clock.now()
        with self.db.writing() as session:
            alert, event = self._alert(session, alert_id)
            check_role(Action.ACKNOWLEDGE_ALERT, self.actor.role)
            if alert.acknowledged_at is not None:
                raise ValidationError(f"这条督办提醒已由 {alert.acknowledged_by} 知悉",
                                      f"This alert was already acknowledged by {alert.acknowledged_by}")
            change = Change(info=dict(level=alert.level, note=note))
            change.set_row("alert", alert.id, acknowledged_by=self.actor.login, acknowledged_at=now,
                           acknowledge_note=note)
            self._record(session, event, Action.ACKNOWLEDGE_ALERT, now, change, new_command_id(), bump=False)

    def clear_alert(self, alert_id: int) -> bool:
        """The event moved past what the alert was about (the scan found it): it clears itself.
        False when it was already cleared (another scheduler was first)."""
        now = self.clock.now()
        with self.db.writing() as session:
            alert, event = self._alert(session, alert_id)
            check_role(Action.CLEAR_ALERT, self.actor.role)
            if alert.cleared_at is not None:
                return False
            change = Change(info=dict(level=alert.level, reason=alert.reason))
            change.set_row("alert", alert.id, cleared_at=now)
            self._record(session, event, Action.CLEAR_ALERT, now, change, new_command_id(), bump=False)
            return True

    # -- helpers -------------------------------------------------------------------------------
    def _raise(self, session, event: Event, due: ladder.Due, now: datetime, late: bool,
               why: str = "") -> RaisedAlert:
        # The info is for the event's timeline: which step, about what.
        change = Change(info=dict(level=due.level, reason=why or ladder.reason(due.kind, due.deadline)))
        row = change.add_row(
            "alert", event_id=event.id, level=due.level, kind=due.kind, deadline=due.deadline,
            due_at=due.due_at, raised_at=now, late=late,
            reason=why or ladder.reason(due.kind, due.deadline), cleared_at=None,
            acknowledged_by="", acknowledged_at=None, acknowledge_note="")
        self._record(session, event, Action.RAISE_ALERT, now, change, new_command_id(), bump=False)
        return RaisedAlert(row.id, event.id, event.code, due.level, due.kind, due.deadline, due.due_at,
                           now, late)

    def _alert(self, session, alert_id: int) -> tuple[Alert, Event]:
        alert = session.get(Alert, alert_id)
        event = self._in_street(session.get(Event, alert.event_id)) if alert is not None else None
        if event is None:
            raise NotFoundError(f"找不到督办提醒 #{alert_id}", f"No alert #{alert_id}")
        return alert, event
