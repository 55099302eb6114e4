"""The alerts dock's read model: frozen rows of the street's uncleared alerts, with what the dock
shows and filters by (the event's code and title, its lead unit) joined in."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from commandroom.models.enums import OPEN_STATUSES, AlertLevel
from commandroom.models.events import Alert, Event
from commandroom.models.org import Unit
from commandroom.models.id_set import in_ids



@dataclass(frozen=True)
class AlertRow:
    id: int
    event_id: int
    event_code: str
    event_title: str
    unit_id: int | None
    unit_name: str
    level: AlertLevel
    kind: str
    reason: str
    deadline: datetime | None
    due_at: datetime | None
    raised_at: datetime
    late: bool
    acknowledged_by: str
    acknowledged_at: datetime | None
    acknowledge_note: str


@dataclass(frozen=True)
class AlertsView:
    """Uncleared alerts of the events named (``event_ids`` None: of the whole street)."""

    event_ids: tuple[int, ...] | None
    rows: tuple[AlertRow, ...]


_COLUMNS = (Alert.id, Alert.event_id, Event.code, Event.title, Event.lead_unit_id,
            func.coalesce(Unit.name, ""), Alert.level, Alert.kind, Alert.reason, Alert.deadline,
            Alert.due_at, Alert.raised_at, Alert.late, Alert.acknowledged_by, Alert.acknowledged_at,
            Alert.acknowledge_note)


def _select(street_id: int | None):
    stmt = (select(*_COLUMNS).join(Event, Event.id == Alert.event_id)
            .outerjoin(Unit, Unit.id == Event.lead_unit_id).where(Alert.cleared_at.is_(None)))
    return stmt if street_id is None else stmt.where(Event.street_id == street_id)


def load_open_alerts(session: Session, now: datetime, street_id: int | None) -> AlertsView:
    return AlertsView(None, tuple(AlertRow(*r) for r in session.execute(_select(street_id))))


def load_event_alerts(session: Session, event_ids: Iterable[int], now: datetime,
                      street_id: int | None) -> AlertsView:
    ids = tuple(sorted(set(event_ids)))
    rows = session.execute(_select(street_id).where(in_ids(Alert.event_id, ids)))
    return AlertsView(ids, tuple(AlertRow(*r) for r in rows))


def daily_summary(session: Session, day: date, street_id: int | None) -> str:
    """One line for the application log: the day's alerts by level, the open events and the
    alerts still open at the end of it."""
    start, end = datetime.combine(day, datetime.min.time()), datetime.combine(day + timedelta(days=1),
                                                                               datetime.min.time())
    raised = select(Alert.level).join(Event, Event.id == Alert.event_id).where(
        Alert.raised_at >= start, Alert.raised_at < end)
    opened = select(func.count()).select_from(Event).where(Event.status.in_(sorted(s.value for s in OPEN_STATUSES)))
    open_alerts = select(func.count()).select_from(Alert).join(Event, Event.id == Alert.event_id).where(
        Alert.cleared_at.is_(None))
    if street_id is not None:
        raised, opened, open_alerts = (q.where(Event.street_id == street_id) for q in (raised, opened, open_alerts))
    counts = Counter(AlertLevel(lv) for lv in session.scalars(raised))
    by_level = "，".join(f"{lv.label} {n}" for lv, n in counts.items()) or "无"
    return (f"督办日报 {day:%Y-%m-%d}：新提醒 {sum(counts.values())} 条（{by_level}）；"
            f"在办事件 {session.scalar(opened)} 件，未解除提醒 {session.scalar(open_alerts)} 条")


__all__ = ["AlertRow", "AlertsView", "daily_summary", "load_event_alerts", "load_open_alerts"]
