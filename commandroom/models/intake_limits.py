"""How long a report may wait in the call queue: 立案 and 派遣 within 10 minutes for an urgent
report, 30 minutes otherwise (DOMAIN.md, time limits seen in practice).

Plain values with no database, so the queue (which may not import the database layer) and the
measures read the same rule.
"""

from __future__ import annotations

from datetime import timedelta

from commandroom.models.enums import Priority

INTAKE_LIMIT = {
    Priority.URGENT: timedelta(minutes=10),
    Priority.HIGH: timedelta(minutes=30),
    Priority.NORMAL: timedelta(minutes=30),
}
# Past this share of its limit a waiting report is due soon.
DUE_SOON_SHARE = 0.5


def intake_state(priority: Priority, waited: timedelta) -> str:
    """``"overdue"`` past the limit, ``"due_soon"`` past half of it, else ``""``."""
    limit = INTAKE_LIMIT[priority]
    if waited > limit:
        return "overdue"
    if waited > limit * DUE_SOON_SHARE:
        return "due_soon"
    return ""
