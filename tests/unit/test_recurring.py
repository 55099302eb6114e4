"""Recurring problems (未诉先办) on a hand-made fixture: every counting rule has a case."""

from datetime import datetime, timedelta

from sqlalchemy import select

from commandroom.models import Category
from commandroom.models.enums import Status
from commandroom.models.recurring import RecurringRule, recurring_problems
from tests.services.seed import seed_street, write_event

NOW = datetime(2026, 11, 16, 9, 0)


def test_the_counting_rules(db):
    street = seed_street(db)
    with db.session() as s:
        cat = dict(s.execute(select(Category.code, Category.id)).all())
    a1, a2, b1 = street.grids["A1"], street.grids["A2"], street.grids["B1"]

    def event(days_ago, grid, code="CG01", status=Status.CLOSED, contacts=1):
        return write_event(db, NOW - timedelta(days=days_ago), grid_id=grid, category_id=cat[code],
                           status=status, contact_count=contacts)

    # A1 / CG01: three occurrences in the window (open and closed alike), one of them with 2 reports;
    # one older than 14 days, one rejected, one merged away, one answered: none of those count.
    event(1, a1, status=Status.DISPATCHED, contacts=2)
    event(5, a1)
    event(13.9, a1)
    event(14.1, a1)
    event(2, a1, status=Status.REJECTED)
    event(2, a1, status=Status.MERGED)
    event(2, a1, status=Status.ANSWERED)
    # A2 / CG01: only two -> not recurring; A2 / CG02: two -> not recurring (categories apart).
    event(1, a2)
    event(2, a2)
    event(3, a2, "CG02")
    event(4, a2, "CG02")
    # B1 / CG02: four, the most -> listed first.
    for days in (1, 2, 3, 4):
        event(days, b1, "CG02")
    # In the future of NOW (a replayed moment): not yet.
    event(-1, a2)

    with db.session() as s:
        rows = recurring_problems(s, NOW, RecurringRule(14, 3), street.street_id)
    assert [(r.grid_code, r.category_code, r.events, r.reports) for r in rows] == [
        ("B1", "CG02", 4, 4),
        ("A1", "CG01", 3, 4),
    ]
    assert rows[1].last_at == NOW - timedelta(days=1)
    assert rows[1].grid_name == "A社区1号院" and rows[1].category_name == "占道经营"

    with db.session() as s:  # thresholds are settings: 2 in 7 days brings A2 in, drops A1's old ones
        loose = recurring_problems(s, NOW, RecurringRule(7, 2), street.street_id)
    assert {(r.grid_code, r.category_code, r.events) for r in loose} == {
        ("B1", "CG02", 4), ("A2", "CG01", 2), ("A2", "CG02", 2), ("A1", "CG01", 2)}
