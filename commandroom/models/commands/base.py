"""The machinery every domain command shares: one session, role check, optimistic lock,
transition check, the change and its ``event_log`` row, all in one transaction."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
import uuid

from sqlalchemy import select, text
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from commandroom.models.actor import Actor
from commandroom.models.catalog import Category
from commandroom.models.change import COLUMNS, Change
from commandroom.models.clock import Clock
from commandroom.models.db import Database
from commandroom.models.enums import Action, Status
from commandroom.models.errors import NotFoundError, StaleEventError, ValidationError
from commandroom.models.events import Alert, Assignment, Contact, Escalation, Event, ExtensionRequest
from commandroom.models.decisions import Decision
from commandroom.models import hold, transitions
from commandroom.models.geo import GridLocator
from commandroom.models.last_change import LastChange, last_change
from commandroom.models.lifecycle import LOCKED_BY_TAKE, check_role, check_transition
from commandroom.models.log import FEED_CHANNEL, EventLog
from commandroom.models.org import Street, Unit
from commandroom.models.presence import QUIET_AFTER


@dataclass(frozen=True)
class EventRef:
    """What a command hands back: enough to give the next command on the same event."""

    id: int
    code: str
    version: int
    status: Status

    @classmethod
    def of(cls, event: Event) -> EventRef:
        return cls(event.id, event.code, event.version, event.status)


# A decision reads the event (and what hangs off it) and says what the command changes.
Decide = Callable[[Session, Event, datetime], Change]

# The ORM class of each table a change may touch.
ROW_CLASSES = {cls.__tablename__: cls for cls in (Contact, Assignment, ExtensionRequest,
                                                  Escalation, Alert, Unit, Decision)}


def new_command_id() -> str:
    return uuid.uuid4().hex


def _stale(code: str, last: LastChange | None) -> StaleEventError:
    return StaleEventError(
        f"事件 {code} 已被他人修改，请刷新后重试", f"Event {code} was changed by someone else; reload and retry",
        last,
    )


class CommandBase:
    def __init__(self, db: Database, actor: Actor, clock: Clock | None = None, *,
                 street_id: int | None = None, quiet_after: timedelta = QUIET_AFTER):
        self.db = db
        self.actor = actor
        self.clock = clock or Clock()
        # The room's street: its events are the only ones these commands see (None: the
        # database's only street, for tools and tests on a single-street database).
        self.street_id = street_id
        # How long a console may be silent before the reports it took are free (presence.py).
        self.quiet_after = quiet_after

    # -- the one path every command on an existing event takes ---------------------------
    def _apply(self, action: Action, event_id: int, version: int, decide: Decide, *,
               command_id: str | None = None) -> EventRef:
        now = self.clock.now()
        try:
            with self.db.writing() as session:
                event = self._event(session, event_id)
                check_role(action, self.actor.role)
                if action in LOCKED_BY_TAKE and event.status == Status.RECEIVED:
                    # Before the version: "张伟 holds it" says more than "reload".
                    self._check_not_held(session, event, now)
                if event.version != version:
                    raise _stale(event.code, last_change(session, event.id))
                target = check_transition(action, event.code, event.status)
                change = decide(session, event, now)
                if target != event.status:
                    change.event["status"] = target
                    if event.taken_console:  # the lock means nothing outside the queue
                        change.event.update(transitions.RELEASED)
                self._record(session, event, action, now, change, command_id or new_command_id())
                return EventRef.of(event)
        except StaleDataError:  # another console committed between our read and our write
            with self.db.session() as session:
                raise _stale(f"#{event_id}", last_change(session, event_id)) from None

    def _record(self, session: Session, event: Event | None, action: Action, now: datetime,
                change: Change, command_id: str, *, street_id: int | None = None,
                bump: bool = True) -> None:
        """Make the change and append its log row, in the caller's transaction.

        The event's version goes up by one, so it counts the event's log rows, and SQLAlchemy's
        UPDATE … WHERE version = old refuses the change if another console committed first. A
        new event is inserted at version 1 with its first row. New rows get their ids from the
        insert, before the payload is written, so the log names every row it made. ``bump``
        False (``lifecycle.UNVERSIONED``): the row names the event but leaves it as it is.
        """
        if event is not None and bump:
            for key, value in change.event.items():
                setattr(event, key, value)
            if event.id is None:
                session.add(event)
                session.flush()
            else:
                event.version += 1
        made = []
        for row in change.rows:
            if row.id is None:
                if event is not None and "event_id" in COLUMNS[row.table]:
                    row.fields.setdefault("event_id", event.id)
                obj = ROW_CLASSES[row.table](**row.fields)
                session.add(obj)
                made.append((row, obj))
            else:
                obj = session.get(ROW_CLASSES[row.table], row.id)
                for key, value in row.fields.items():
                    setattr(obj, key, value)
        session.flush()
        for row, obj in made:
            row.id = obj.id
        session.add(EventLog(
            at=now, actor=self.actor.login, console=self.actor.console,
            street_id=event.street_id if event is not None else street_id,
            event_id=event.id if event is not None else None, action=action,
            command_id=command_id, payload=change.payload(),
        ))
        session.flush()
        if session.get_bind().dialect.name == "postgresql":
            # Delivered at commit, so a listening console wakes only for committed changes.
            session.execute(text(f"NOTIFY {FEED_CHANNEL}"))

    def _check_not_held(self, session: Session, event: Event, now: datetime) -> None:
        hold.check_not_held(session, event, self.actor.console, now, self.quiet_after)

    # -- lookups with errors a duty officer understands ----------------------------------
    @staticmethod
    def _found(row, zh: str, en: str):
        if row is None:
            raise NotFoundError(zh, en)
        return row

    def _in_street(self, row):
        """A row of another street is as good as absent to this room."""
        return row if row is None or self.street_id in (None, row.street_id) else None

    def _event(self, session: Session, event_id: int) -> Event:
        return self._found(self._in_street(session.get(Event, event_id)),
                           f"找不到事件 #{event_id}", f"No event #{event_id}")

    def _unit(self, session: Session, unit_id: int) -> Unit:
        return self._found(self._in_street(session.get(Unit, unit_id)),
                           f"找不到处置单位 #{unit_id}", f"No unit #{unit_id}")

    def _category(self, session: Session, code: str) -> Category:
        return self._found(session.scalar(select(Category).where(Category.code == code)),
                           f"找不到事件类别「{code}」", f"No category {code!r}")

    def _street(self, session: Session) -> Street:
        if self.street_id is not None:
            return self._found(session.get(Street, self.street_id), f"找不到街道 #{self.street_id}",
                               f"No street #{self.street_id}")
        return self._found(session.scalar(select(Street).order_by(Street.id)),
                           "数据库里还没有街道，请先导入或生成演示街道", "The database has no street yet")

    # -- location --------------------------------------------------------------------------
    def _grid_for(self, session: Session, street_id: int, point: tuple[float, float],
                  located: Mapping[tuple[int, tuple[float, float]], int | None] | None = None) -> int:
        """The L4 grid of a point; a point outside the street is refused, never snapped.
        ``located``: grids already found for (street id, point), e.g. a whole batch's at once."""
        key = (street_id, point)
        grid_id = (located[key] if located is not None and key in located
                   else self._grid_for_or_none(session, street_id, point))
        if grid_id is None:
            raise ValidationError(
                f"位置（{point[0]:.6f}, {point[1]:.6f}）不在本街道的任何网格内",
                f"Location ({point[0]:.6f}, {point[1]:.6f}) lies outside the street's grids",
            )
        return grid_id

    def _grid_for_or_none(self, session: Session, street_id: int, point: tuple[float, float]) -> int | None:
        chain = self._locator(session, street_id).locate(*point)
        return None if chain is None else chain.l4.id

    def _locator(self, session: Session, street_id: int) -> GridLocator:
        cache = self.__dict__.setdefault("_locators", {})
        if street_id not in cache:
            cache[street_id] = GridLocator.from_session(session, street_id)
        return cache[street_id]
