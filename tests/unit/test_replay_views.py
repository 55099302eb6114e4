"""The board's cards, the map's markers and the units at the slider's instant, made from the
replayed list, equal what the console's read models load from the tables at that instant."""

from __future__ import annotations

from datetime import timedelta

from commandroom.models import board, map_view, replay_views
from commandroom.models.replay_cursor import RowsCursor
from tests.unit.test_replay_cursor import street  # noqa: F401


def test_the_board_and_the_map_at_the_end_equal_the_tables(street):  # noqa: F811
    replay, names, db = street
    cursor = RowsCursor(replay, names, 2)
    cursor.move(replay.start + timedelta(days=2))  # from elsewhere: by differences, then on
    cursor.move(replay.end)
    now = replay.end
    with db.session() as session:
        cards = board.load_board(session, street_id=1)
        markers = map_view.load_markers(session, now, 1)
        loads = map_view.grid_loads(session, now, 1)
        units = board.load_units(session, now, street_id=1)
    assert cards and markers
    assert replay_views.cards(cursor, cursor.rows) == cards
    shown, gone = replay_views.markers(cursor, sorted(cursor.rows))
    assert shown == markers
    assert set(gone) == set(cursor.rows) - {m.id for m in markers}
    assert replay_views.grid_loads(cursor) == loads
    assert replay_views.unit_cards(cursor, units) == units


def test_the_board_at_an_instant_is_the_fold_at_it(street):  # noqa: F811
    replay, names, _db = street
    cursor = RowsCursor(replay, names, 2)
    at = replay.start + timedelta(days=3, hours=11)
    cursor.move(at)
    fresh = RowsCursor(replay, names, 2)
    fresh.move(replay.end)
    fresh.move(at)  # backwards, from a checkpoint
    assert replay_views.cards(cursor, cursor.rows) == replay_views.cards(fresh, fresh.rows)
    assert len(replay_views.cards(cursor, cursor.rows)) != len(replay_views.cards(fresh, []))
