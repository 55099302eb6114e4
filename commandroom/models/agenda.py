"""The weekly meeting's agenda (例会议程), built by itself from the week's log.

A week is ISO: Monday 00:00 to the next Monday 00:00 on the street's wall clock. An event is on
the agenda for what happened to it in the week, each reason an item of its own (an event both
reworked and rated badly is discussed under both):

- 挂牌督办 / 督办 (``listed`` / ``supervised``): an alert of that level raised in the week;
- 超期办结 (``overdue_closed``): closed in the week, not on time;
- 多次流转 (``transferred``): returned or reassigned at least ``TRANSFERS`` times by the week's end,
  once of them in the week;
- 返工 (``reworked``): sent back for rework in the week;
- 不满意 (``dissatisfied``): rated 不满意 in the week;
- 街呼区应 (``escalated``): escalated to the district in the week;
- 反复出现 (``recurring``, 未诉先办): an L4 grid where a category kept coming back in the week, an
  item per (grid, category) with its events (``agenda_recurring.py``).

Each item keeps its key moments (the instants of the log rows and alerts that put it there), so
the meeting's slider can jump to them. Queries read the log's action and time index and the
event and alert rows of the items only: a busy week's agenda costs a few small queries.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models.agenda_recurring import recurring_items
from commandroom.models.enums import Action, AgendaKind, AlertLevel, Satisfaction
from commandroom.models.events import Alert, Event
from commandroom.models.log import EventLog
from commandroom.models.week import AgendaItem, week_bounds, week_of  # noqa: F401 - also the agenda's API

TRANSFERS = 2  # returns + reassignments that make a case "passed around"


ORDER = {kind: position for position, kind in enumerate(AgendaKind)}


def build(session: Session, street_id: int | None, week: str) -> list[AgendaItem]:
    """The agenda of ``week``, ordered by kind, then by the first moment."""
    start, end = week_bounds(week)
    moments: dict[tuple[AgendaKind, int], list[datetime]] = defaultdict(list)
    for kind, event_id, at in _reasons(session, street_id, start, end):
        moments[kind, event_id].append(at)
    recurring = recurring_items(session, street_id, start, end)
    if not moments:
        return recurring
    ids = sorted({event_id for _, event_id in moments})
    events = {row.id: row for row in session.execute(
        select(Event.id, Event.code, Event.title).where(Event.id.in_(ids)))}
    items = [AgendaItem(kind, event_id, events[event_id].code, events[event_id].title, tuple(sorted(times)))
             for (kind, event_id), times in moments.items()]
    return sorted(items, key=lambda item: (ORDER[item.kind], item.first, item.event_id)) + recurring


def _reasons(session: Session, street_id: int | None, start: datetime, end: datetime):
    """(kind, event id, instant) for every reason found in the week."""
    def log(*actions: Action):
        query = select(EventLog.event_id, EventLog.at, EventLog.action).where(
            EventLog.at >= start, EventLog.at < end, EventLog.action.in_(sorted(actions)),
            EventLog.event_id.is_not(None))
        return query if street_id is None else query.where(EventLog.street_id == street_id)

    simple = {Action.REWORK: AgendaKind.REWORKED, Action.ESCALATE: AgendaKind.ESCALATED}
    for event_id, at, action in session.execute(log(*simple)):
        yield simple[action], event_id, at
    closed = log(Action.CLOSE).join(Event, Event.id == EventLog.event_id).where(Event.on_time.is_(False))
    for event_id, at, _ in session.execute(closed):
        yield AgendaKind.OVERDUE_CLOSED, event_id, at
    rated = log(Action.EVALUATE).join(Event, Event.id == EventLog.event_id).where(
        Event.satisfaction == Satisfaction.DISSATISFIED)
    for event_id, at, _ in session.execute(rated):
        yield AgendaKind.DISSATISFIED, event_id, at
    yield from _transferred(session, log(Action.RETURN, Action.REASSIGN), end)
    levels = {AlertLevel.LISTED: AgendaKind.LISTED, AlertLevel.SUPERVISION: AgendaKind.SUPERVISED}
    alerts = select(Alert.event_id, Alert.raised_at, Alert.level).where(
        Alert.raised_at >= start, Alert.raised_at < end, Alert.level.in_(sorted(levels)))
    if street_id is not None:
        alerts = alerts.join(Event, Event.id == Alert.event_id).where(Event.street_id == street_id)
    for event_id, at, level in session.execute(alerts):
        yield levels[level], event_id, at


def _transferred(session: Session, in_week, end: datetime):
    """Events returned or reassigned ``TRANSFERS`` times or more by ``end``, once in the week:
    every transfer of theirs up to ``end`` is a moment."""
    week_rows = in_week.subquery()
    ids = select(week_rows.c.event_id).distinct()
    all_rows = select(EventLog.event_id, EventLog.at).where(
        EventLog.event_id.in_(ids), EventLog.at < end,
        EventLog.action.in_(sorted((Action.RETURN, Action.REASSIGN))))
    times: dict[int, list[datetime]] = defaultdict(list)
    for event_id, at in session.execute(all_rows):
        times[event_id].append(at)
    for event_id, instants in times.items():
        if len(instants) >= TRANSFERS:
            for at in instants:
                yield AgendaKind.TRANSFERRED, event_id, at
