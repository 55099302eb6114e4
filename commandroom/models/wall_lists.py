"""The wall's lists and its duty team, public already: 挂牌督办, 督办, overdue events, the ticker
of new reports, and the officer and shift leader on duty (``wall_figures.py`` builds the rest).

- 挂牌督办 (``listed``): open events whose most serious uncleared alert is 挂牌督办 or 通报,
  oldest first, ``since`` = when that level fell due. 督办 (``supervised``): those whose most
  serious is 督办 (warnings, reminders and stalls are the officers' business, not the wall's).
- Overdue: with a unit and past ``handle_due``, most overdue first (``since`` = the due time),
  the first ``OVERDUE_SHOWN``.
- Ticker: the newest ``TICKER_SHOWN`` reports received (merged duplicates too: each was news
  when it came), newest first, ``since`` = received.
- Every event's ``level`` is its most serious open alert of 督办 and above, whichever list.

The duty team, as the log knows it: a user of the role is on duty when their newest log row of
the street in the last shift (sign-in, handover acknowledged, or any command) is not a sign-out
or a handover; of those the most recently active one is shown. So a console that signs in shows
its officer at once, one that signs out removes them, and an officer at work without a fresh
sign-in (the demo's) is still seen by their commands.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from commandroom.models.alert_levels import RANK
from commandroom.models.catalog import Category
from commandroom.models.enums import OPEN_STATUSES, Action, AlertLevel, Role
from commandroom.models.events import Alert, Event
from commandroom.models.lifecycle import HELD
from commandroom.models.log import EventLog
from commandroom.models.org import Grid, Unit, User
from commandroom.models.privacy import mask_name, public_address, public_text
from commandroom.models.wall_snapshot import WallEvent

OVERDUE_SHOWN = 50
TICKER_SHOWN = 20
SHOWN_LEVELS = (AlertLevel.SUPERVISION, AlertLevel.LISTED, AlertLevel.NOTICE)
LISTED_LEVELS = frozenset({AlertLevel.LISTED, AlertLevel.NOTICE})
OFF_DUTY_ACTIONS = frozenset({Action.SIGN_OUT, Action.HANDOVER})
_OPEN = sorted(s.value for s in OPEN_STATUSES)
_HELD = sorted(s.value for s in HELD)


@dataclass(frozen=True)
class EventLists:
    listed: tuple[WallEvent, ...]
    supervised: tuple[WallEvent, ...]
    overdue: tuple[WallEvent, ...]
    ticker: tuple[WallEvent, ...]


def event_lists(session: Session, now: datetime, street_id: int | None) -> EventLists:
    """The four lists: three small id queries, then one query for the details of them all."""
    def in_street(stmt):
        return stmt if street_id is None else stmt.where(Event.street_id == street_id)

    alerts = in_street(select(Alert.event_id, Alert.level, func.coalesce(Alert.due_at, Alert.raised_at))
                       .join(Event, Event.id == Alert.event_id)
                       .where(Alert.cleared_at.is_(None), Alert.level.in_(sorted(l.value for l in SHOWN_LEVELS)),
                              Event.status.in_(_OPEN)))
    level: dict[int, AlertLevel] = {}
    level_since: dict[int, datetime] = {}
    for event_id, alert_level, since in session.execute(alerts):
        known = level.get(event_id)
        if known is None or RANK[alert_level] > RANK[known]:
            level[event_id], level_since[event_id] = alert_level, since
        elif alert_level == known:
            level_since[event_id] = min(level_since[event_id], since)
    overdue = session.execute(in_street(
        select(Event.id, Event.handle_due).where(Event.status.in_(_HELD), Event.handle_due < now))
        .order_by(Event.handle_due, Event.id).limit(OVERDUE_SHOWN)).all()
    ticker = session.execute(in_street(select(Event.id, Event.received_at))
                             .order_by(Event.received_at.desc(), Event.id.desc()).limit(TICKER_SHOWN)).all()
    details = _details(session, set(level) | {i for i, _ in overdue} | {i for i, _ in ticker})

    def shown(event_id: int, since: datetime) -> WallEvent:
        lvl = level.get(event_id)
        return WallEvent(event_id=event_id, level=None if lvl is None else lvl.value, since=since,
                         **details[event_id])

    def by_age(levels) -> tuple[WallEvent, ...]:
        ids = sorted((i for i in level if level[i] in levels), key=lambda i: (level_since[i], i))
        return tuple(shown(i, level_since[i]) for i in ids)

    return EventLists(listed=by_age(LISTED_LEVELS), supervised=by_age({AlertLevel.SUPERVISION}),
                      overdue=tuple(shown(i, due) for i, due in overdue),
                      ticker=tuple(shown(i, at) for i, at in ticker))


def _details(session: Session, ids: set[int]) -> dict[int, dict]:
    """What the wall shows of each event, public: {id: WallEvent fields but id, level, since}."""
    if not ids:
        return {}
    community = aliased(Grid)
    query = (select(Event.id, Event.code, Event.title, Event.description, Event.address, Category.name,
                    Grid.name, community.name, Unit.name)
             .outerjoin(Category, Category.id == Event.category_id)
             .outerjoin(Grid, Grid.id == Event.grid_id)
             .outerjoin(community, community.id == Grid.parent_id)
             .outerjoin(Unit, Unit.id == Event.lead_unit_id)
             .where(Event.id.in_(sorted(ids))))
    found = {}
    for event_id, code, title, description, address, item, grid, parent, unit in session.execute(query):
        said = (title or description).strip().splitlines()
        found[event_id] = dict(
            number=code,
            title=public_text(item) if item else public_text(said[0] if said else ""),
            place=public_address(address),
            grid=public_text("/".join(name for name in (parent, grid) if name)),
            unit=public_text(unit or ""))
    return found


def duty_team(session: Session, now: datetime, street_id: int | None, shift: timedelta) -> tuple[str, str]:
    """(duty officer, shift leader), masked names, "" for nobody on duty (see the docstring)."""
    newest = (select(func.max(EventLog.id))
              .join(User, User.login == EventLog.actor)
              .where(EventLog.at > now - shift, EventLog.at <= now,
                     User.role.in_(sorted((Role.DUTY_OFFICER.value, Role.SHIFT_LEADER.value))))
              .group_by(EventLog.actor))
    if street_id is not None:
        newest = newest.where(EventLog.street_id == street_id)
    rows = session.execute(select(EventLog.id, EventLog.action, User.role, User.name)
                           .join(User, User.login == EventLog.actor)
                           .where(EventLog.id.in_(newest.scalar_subquery()))
                           .order_by(EventLog.id.desc())).all()
    team = {}
    for _id, action, role, name in rows:
        if action not in OFF_DUTY_ACTIONS:
            team.setdefault(role, mask_name(name))
    return team.get(Role.DUTY_OFFICER, ""), team.get(Role.SHIFT_LEADER, "")
