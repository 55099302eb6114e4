"""The machinery every domain command shares: one session, role check, optimistic lock,
transition check, the change and its ``event_log`` row, all in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from commandroom.models.actor import Actor
from commandroom.models.catalog import Category
from commandroom.models.clock import Clock
from commandroom.models.db import Database
from commandroom.models.enums import Action, Status
from commandroom.models.errors import NotFoundError, StaleEventError, ValidationError
from commandroom.models.events import Event
from commandroom.models.geo import GridLocator
from commandroom.models.lifecycle import check_role, check_transition
from commandroom.models.log import FEED_CHANNEL, EventLog, make_payload
from commandroom.models.org import Street, Unit


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


# A mutation sets fields on the event (and any related rows) and returns the log payload extras.
Mutation = Callable[[Session, Event, datetime], dict]


def _stale(code: str) -> StaleEventError:
    return StaleEventError(
        f"事件 {code} 已被他人修改，请刷新后重试", f"Event {code} was changed by someone else; reload and retry"
    )


class CommandBase:
    def __init__(self, db: Database, actor: Actor, clock: Clock | None = None):
        self.db = db
        self.actor = actor
        self.clock = clock or Clock()

    # -- the one path every command on an existing event takes ---------------------------
    def _apply(self, action: Action, event_id: int, version: int, mutate: Mutation) -> EventRef:
        now = self.clock.now()
        try:
            with self.db.writing() as session:
                event = self._event(session, event_id)
                check_role(action, self.actor.role)
                if event.version != version:
                    raise _stale(event.code)
                target = check_transition(action, event.code, event.status)
                extras = mutate(session, event, now)
                event.status = target
                self._log(session, event, action, now, status=target, **extras)
                session.flush()
                return EventRef.of(event)
        except StaleDataError:
            raise _stale(f"#{event_id}") from None

    def _log(
        self, session: Session, event: Event, action: Action, now: datetime, *, bump: bool = True,
        **payload,
    ) -> None:
        """Append the log row and bump the version: SQLAlchemy's UPDATE … WHERE version = old
        then refuses the change if another console committed first. A new event is inserted at
        version 1 (``bump=False``), so the version always counts the event's log rows."""
        if bump:
            event.version += 1
        session.add(
            EventLog(
                at=now,
                actor=self.actor.login,
                console=self.actor.console,
                event_id=event.id,
                action=action,
                payload=make_payload(**payload),
            )
        )
        if session.get_bind().dialect.name == "postgresql":
            # Delivered at commit, so a listening console wakes only for committed changes.
            session.execute(text(f"NOTIFY {FEED_CHANNEL}"))

    # -- lookups with errors a duty officer understands ----------------------------------
    @staticmethod
    def _found(row, zh: str, en: str):
        if row is None:
            raise NotFoundError(zh, en)
        return row

    def _event(self, session: Session, event_id: int) -> Event:
        return self._found(session.get(Event, event_id), f"找不到事件 #{event_id}", f"No event #{event_id}")

    def _unit(self, session: Session, unit_id: int) -> Unit:
        return self._found(session.get(Unit, unit_id), f"找不到处置单位 #{unit_id}", f"No unit #{unit_id}")

    def _category(self, session: Session, code: str) -> Category:
        return self._found(session.scalar(select(Category).where(Category.code == code)),
                           f"找不到事件类别「{code}」", f"No category {code!r}")

    def _street(self, session: Session) -> Street:
        return self._found(session.scalar(select(Street).order_by(Street.id)),
                           "数据库里还没有街道，请先导入或生成演示街道", "The database has no street yet")

    # -- location --------------------------------------------------------------------------
    def _grid_for(self, session: Session, street_id: int, point: tuple[float, float]) -> int:
        """The L4 grid of a point; a point outside the street is refused, never snapped."""
        cache = self.__dict__.setdefault("_locators", {})
        if street_id not in cache:
            cache[street_id] = GridLocator.from_session(session, street_id)
        chain = cache[street_id].locate(*point)
        if chain is None:
            raise ValidationError(
                f"位置（{point[0]:.6f}, {point[1]:.6f}）不在本街道的任何网格内",
                f"Location ({point[0]:.6f}, {point[1]:.6f}) lies outside the street's grids",
            )
        return chain.l4.id
