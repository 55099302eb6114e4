"""Event codes: the counter per street and day, and moving it past codes written without it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from commandroom.models import CodeCounter
from commandroom.models.clock import FrozenClock
from commandroom.models.codes import next_code, seed_counters
from commandroom.models.commands import Commands
from commandroom.models.enums import Source
from tests.services.seed import write_event
from tests.street_fixture import build

DAY = datetime(2026, 11, 16, 9, 0)
NEXT_DAY = datetime(2026, 11, 17, 9, 0)


def test_counts_up_per_prefix_and_day(db):
    with db.writing() as s:
        taken = [next_code(s, "YJ", DAY), next_code(s, "YJ", DAY), next_code(s, "QF", DAY),
                 next_code(s, "YJ", NEXT_DAY)]
    assert taken == ["YJ20261116-0001", "YJ20261116-0002", "QF20261116-0001", "YJ20261117-0001"]


def test_seeded_counters_continue_after_codes_written_without_them(db, officer):
    build(db)
    for number in (1, 2, 12):  # as the demo generator writes them: straight into the table
        write_event(db, DAY, code=f"YJ20261116-{number:04d}")
    write_event(db, NEXT_DAY, code="YJ20261117-10000")  # a fifth digit still counts
    with db.writing() as s:
        seed_counters(s)
    with db.session() as s:
        counters = dict(s.execute(select(CodeCounter.stem, CodeCounter.last)).all())
    assert counters == {"YJ20261116-": 12, "YJ20261117-": 10000}

    def receive(at):
        return Commands(db, officer, FrozenClock(at)).receive(source=Source.WALK_IN, title="路灯不亮").code

    assert receive(DAY) == "YJ20261116-0013"
    assert receive(NEXT_DAY) == "YJ20261117-10001"
    assert receive(datetime(2026, 11, 18, 8, 0)) == "YJ20261118-0001"


def test_seeding_never_moves_a_counter_down(db):
    build(db)
    write_event(db, DAY, code="YJ20261116-0003")
    with db.writing() as s:
        for _ in range(5):
            next_code(s, "YJ", DAY)
        seed_counters(s)
        assert s.get(CodeCounter, "YJ20261116-").last == 5
