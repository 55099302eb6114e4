"""The agenda's recurring problems (未诉先办): the L4 grids where a category kept coming back in
the week, each an item with its events.

The counting is ``recurring.recurring_problems``' own (events, not reports; rejected, merged and
answered-on-the-spot events do not count; at least ``RecurringRule.min_events``), over the
week's events only. The item's event (on which decisions are recorded and which the slider
opens first) is the first occurrence; its moments are the occurrences' receptions.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models.catalog import Category
from commandroom.models.enums import AgendaKind
from commandroom.models.events import Event
from commandroom.models.recurring import NOT_OCCURRENCES, RecurringRule, recurring_problems
from commandroom.models.week import AgendaItem

_TICK = timedelta(microseconds=1)


def recurring_items(session: Session, street_id: int | None, start: datetime, end: datetime,
                    rule: RecurringRule = RecurringRule()) -> list[AgendaItem]:
    """One item per recurring (L4 grid, category) of ``[start, end)``, most occurrences first."""
    # recurring_problems counts (now - days, now]; shifted by a microsecond that is [start, end).
    week = RecurringRule(days=(end - start).days, min_events=rule.min_events)
    problems = recurring_problems(session, end - _TICK, week, street_id)
    if not problems:
        return []
    stmt = (select(Event.id, Event.code, Event.received_at, Event.grid_id, Category.code)
            .join(Category, Category.id == Event.category_id)
            .where(Event.received_at >= start, Event.received_at < end,
                   Event.grid_id.in_(sorted({p.grid_id for p in problems})),
                   Event.status.not_in([str(s) for s in NOT_OCCURRENCES]))
            .order_by(Event.received_at, Event.id))
    if street_id is not None:
        stmt = stmt.where(Event.street_id == street_id)
    occurrences: dict[tuple[int, str], list] = defaultdict(list)
    for event_id, code, at, grid_id, category in session.execute(stmt):
        occurrences[grid_id, category].append((event_id, code, at))
    items = []
    for problem in problems:
        found = occurrences[problem.grid_id, problem.category_code]
        first_id, first_code, _ = found[0]
        items.append(AgendaItem(AgendaKind.RECURRING, first_id, first_code,
                                f"{problem.grid_name} · {problem.category_name}",
                                tuple(at for _, _, at in found), tuple(event_id for event_id, _, _ in found)))
    return items
