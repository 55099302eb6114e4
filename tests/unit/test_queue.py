"""The call queue's rows on a real database (SQLite and PostgreSQL): what waits, who holds it and
whether that console is alive, the masked phone, the incremental load, one SELECT."""

from __future__ import annotations

from commandroom.models.commands import Commands
from commandroom.models.presence import QUIET_AFTER
from commandroom.models.queue import load_queue
from tests.unit.read_helpers import counted, selects
from tests.unit.test_reports import LI, ZHANG, report, room  # noqa: F401 - the fixture


def test_the_queue_shows_what_waits_and_who_holds_it(room):
    first = report(room, title="楼道堆物", reporter_phone="0531-88881234")
    second = report(room, lat=None, lon=None)
    gone = report(room)
    room.zhang.register(gone.id, gone.version, category_code="CG01")
    room.li.take(second.id, second.version)
    with room.db.session() as s, counted(room.db) as sent:
        rows = load_queue(s, room.clock.now(), street_id=room.street.street_id)
    assert len(selects(sent)) == 1
    assert [r.id for r in rows] == [first.id, second.id]
    a, b = rows
    assert (a.caller_name, a.caller_phone, a.caller_phone_shown) == ("王芳", "0531-88881234", "0531-****1234")
    assert (a.grid_name, a.community_name, a.is_taken) == ("A社区1号院", "A社区", False)
    assert (b.grid_id, b.lat, b.caller_phone_shown) == (None, None, "138****1234")
    assert (b.taken_by, b.taken_by_name, b.taken_console, b.holder_quiet) == ("lina", "李娜", "console-2", False)
    now = room.clock.now()
    assert b.held_by_other("console-1", now) and not b.held_by_other("console-2", now)
    later = now + QUIET_AFTER * 2
    assert b.is_holder_quiet(later) and not b.held_by_other("console-1", later)


def test_the_queue_by_ids_returns_only_those_still_waiting(room):
    refs = [report(room) for _ in range(3)]
    room.zhang.answer(refs[1].id, refs[1].version, text="已电话答复")
    with room.db.session() as s:
        rows = load_queue(s, room.clock.now(), ids=[r.id for r in refs] + [999_999])
    assert [r.id for r in rows] == [refs[0].id, refs[2].id]


def test_a_console_that_signed_off_shows_as_quiet(room):
    ref = report(room)
    room.zhang.take(ref.id, ref.version)
    Commands(room.db, ZHANG, room.clock).sign_off()
    with room.db.session() as s:
        [row] = load_queue(s, room.clock.now(), ids=[ref.id])
    assert row.is_taken and row.holder_quiet and row.holder_seen_at is None
