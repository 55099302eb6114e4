"""The event list opens on what needs action: overdue (longest first), due soon, the other open
events newest first, finished events last — whatever order the rows arrive in."""

from __future__ import annotations

from datetime import timedelta

from commandroom.models.enums import Status
from commandroom.views.events.event_table_model import ROW_ROLE
from tests.views.conftest import NOW, make_row, make_snapshot


def test_default_order_puts_overdue_then_due_soon_then_newest(make_window):
    window = make_window()
    rows = [
        make_row(1, status=Status.CLOSED, received_at=NOW - timedelta(minutes=1),
                 closed_at=NOW, finished_at=NOW),                           # finished, newest
        make_row(2, handle_due=NOW + timedelta(hours=20)),                 # open, received 2 min ago
        make_row(3, handle_due=NOW - timedelta(minutes=30)),               # overdue 30 min
        make_row(4, handle_due=NOW + timedelta(minutes=40)),               # due soon
        make_row(5, handle_due=NOW - timedelta(hours=3)),                  # overdue 3 h
        make_row(6, status=Status.REGISTERED, handle_due=None),            # waiting for dispatch
        make_row(7, status=Status.RESOLVED, handle_due=NOW - timedelta(hours=1)),  # clock stopped
        make_row(8, status=Status.EVALUATED, received_at=NOW - timedelta(days=2),
                 closed_at=NOW - timedelta(days=1), finished_at=NOW - timedelta(days=1)),
    ] + [make_row(n, status=Status.CLOSED, closed_at=NOW, finished_at=NOW) for n in range(9, 200)]
    window.on_loaded(make_snapshot(rows))
    model = window.events.model
    order = [model.index(r, 0).data(ROW_ROLE).id for r in range(model.rowCount())]
    assert order[:6] == [5, 3, 4, 2, 6, 7]
    assert order[6] == 1 and order[-1] == 8  # finished: newest first, oldest last
