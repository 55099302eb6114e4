"""What needs action first: the live list's opening order, as one sortable key per row.

Overdue events, the longest overdue first; then those due soon, the soonest first; then the
other open events, newest first; then the finished ones, newest first. The key is
(one integer, the event id): the group in the integer's high digits, the order within it below
(the limit's instant, or the reception's, newer smaller), so only a change of group moves a row
as the clock runs. The event list sorts by it (``views/events/event_table_model.py``) and the
meeting's replay cursor keeps its lists already in this order (``replay_cursor.py``): a seek
merges the rows it changed into a sorted list instead of sorting the street.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import datetime, timedelta

from commandroom.models.enums import OPEN_STATUSES
from commandroom.models.lifecycle import HELD

_EPOCH, _SECOND = datetime(2000, 1, 1), timedelta(seconds=1)
SPAN = 10**10  # seconds: wider than any timestamp (the key's groups)
_PARTS = "_urgency_parts"  # the slot in a row's __dict__ (see ``_parts``)


def seconds(at: datetime) -> int:
    """An instant as whole seconds: a key that compares fast (``timestamp()`` of a naive
    time asks the C library's local time zone, ten times slower; only the order matters)."""
    return (at - _EPOCH) // _SECOND


def urgency_key(row, now: datetime) -> tuple:
    """The row's whole key (urgency, id) at ``now``. A seek keys thousands of rows, most of them
    met before (the cursor's lists share their rows): the parts that do not depend on the
    instant are made once per row object (``_parts``), only the group is chosen here."""
    parts = row.__dict__.get(_PARTS) or _parts(row)
    if len(parts) == 2:
        return parts  # no limit running: the key never changes
    overdue, soon_key, later_key, due, soon = parts
    if now > due:
        return overdue  # group 0
    if soon is not None and now >= soon:  # ``EventRow.is_due_soon``, its instant kept (views
        # import no time-limit module: it reaches the database layer)
        return soon_key  # group 1
    return later_key  # group 2


def _parts(row) -> tuple:
    """A row's keys that do not depend on the instant: its key (urgency, id) for a row whose key
    never changes, else (overdue key, due-soon key, other-open key, limit, the instant it turns
    due soon or None: the row's own rule, ``EventRow.is_due_soon``). Kept in the row's own
    ``__dict__``: a row is a frozen snapshot (its fields never change, so neither do these), and
    the keys live and die with it: no table by identity to prune. Written past the frozen
    ``__setattr__`` on purpose; dataclass equality and hashing read fields only."""
    due, event_id = row.handle_due, row.id
    if due is not None and row.status in HELD:
        due_s = seconds(due)
        parts = ((due_s, event_id), (SPAN + due_s, event_id), (3 * SPAN - seconds(row.received_at), event_id), due,
                 row.due_soon_from())
    else:
        parts = ((3 if row.status in OPEN_STATUSES else 4) * SPAN - seconds(row.received_at), event_id)
    row.__dict__[_PARTS] = parts
    return parts


def in_order(order: list[tuple], changed: set[int], rows: dict, now: datetime,
             was: dict | None = None, then: datetime | None = None) -> list[tuple]:
    """The keys of ``rows`` at ``now``, ascending, from ``order`` (their keys at an earlier
    instant, ascending) where only the rows of ``changed`` may differ since (changed, came, went,
    or changed group by the clock): the others kept in place, the changed keyed again and
    merged in. ``was``: the rows ``order`` was made of, at ``then``: the changed ones' old keys
    are found by bisection and the list is cut and joined around them (a seek changes a few
    hundred of the street's thousands), rather than every key looked at."""
    fresh = sorted(urgency_key(rows[i], now) for i in changed if i in rows)
    if was is not None:
        cuts = [(bisect_left(order, key), 0, key) for key in fresh]  # put in before order[place]
        for i in changed:
            row = was.get(i)
            if row is None:
                continue
            key = urgency_key(row, then)
            place = bisect_left(order, key)
            if place == len(order) or order[place] != key:  # not the rows ``order`` was made of
                return in_order(order, changed, rows, now)
            cuts.append((place, 1))  # left out: order[place]
        cuts.sort()
        merged, start = [], 0
        for place, out, *key in cuts:
            merged += order[start:place]
            if out:
                start = place + 1
            else:
                merged.append(key[0])
                start = place
        merged += order[start:]
        return merged
    merged = [key for key in order if key[1] not in changed]
    merged += fresh
    merged.sort()  # two sorted runs: merged in one pass
    return merged
