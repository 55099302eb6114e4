"""A console on the tiny street with the board fed by the real feed pump and commands given by
the real command runner; helpers to put events on the board from "another console" (李明 at
console-2, through the domain commands) and to drag cards through the widgets with the mouse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from sqlalchemy import insert, select

from commandroom.app import Console
from commandroom.config import Settings
from commandroom.models import Category, User
from commandroom.models.actor import Actor
from commandroom.models.commands import Commands
from commandroom.models.enums import Lane, Role, Source
from commandroom.models.last_change import last_change
from commandroom.models.org import unit_category
from tests.views.board.real_drag import real_drag

OTHER = Actor(login="liming", role=Role.DUTY_OFFICER, console="console-2", name="李明")


@pytest.fixture
def board_db(street_db):
    """The tiny street; 综合执法中队 answers for both categories, 环卫所 for 违章搭建 only."""
    units = street_db.tiny.units
    with street_db.session() as s:
        cats = dict(s.execute(select(Category.code, Category.id)).all())
        s.execute(insert(unit_category), [
            {"unit_id": units["综合执法中队"], "category_id": cats["CG01"]},
            {"unit_id": units["综合执法中队"], "category_id": cats["CG02"]},
            {"unit_id": units["环卫所"], "category_id": cats["CG02"]}])
        s.add(User(login=OTHER.login, name=OTHER.name, role=OTHER.role))
    street_db.other = Commands(street_db, OTHER)
    return street_db


@pytest.fixture
def console(qtbot, board_db, tmp_path):
    """The console of 张伟 (duty) at console-1, started and with its board loaded."""
    settings = Settings(db_url=board_db.url, user="duty", console="console-1", feed_poll_ms=50)
    made = Console(board_db, settings, tmp_path / "console.ini")
    qtbot.addWidget(made.window)
    with qtbot.waitSignal(made.window.board.sig_populated, timeout=10_000):
        made.start((1600, 1000))
    yield made
    made.window.close()
    assert not made.feed.is_running()


def registered(db, title="路口占道经营", category="CG01"):
    """An event waiting for dispatch, registered by the other console."""
    lat, lon = db.tiny.inside
    ref = db.other.receive(source=Source.HOTLINE_12345, title=title, address="姚家路12号", lat=lat, lon=lon,
                           reporter_name="王芳", reporter_phone="13800000000")
    return db.other.register(ref.id, ref.version, category_code=category)


def newest_action(db, event_id) -> str:
    """The action of the event's newest log row (who last changed it, as a refusal names it)."""
    with db.session() as s:
        return last_change(s, event_id).action.value


def on_board(qtbot, board, event_id, lane=None, timeout=5_000):
    """Wait until the card is on the board (in ``lane``, when given); returns it."""
    qtbot.waitUntil(lambda: event_id in board.cards.cards
                    and (lane is None or board.cards.cards[event_id].lane == lane), timeout=timeout)
    return board.cards.cards[event_id]


def select_cards(board, ids):
    board.select_events(ids)
    lanes = {board.cards.cards[i].lane for i in ids}
    assert len(lanes) == 1
    return board.lane_views[lanes.pop()]


def unit_point(board, unit_name, units):
    rect = board.units_view.unit_rect(units[unit_name])
    assert rect is not None
    return rect.center()


def drop(source_view, target_view, pos: QPoint, ctrl=False):
    """Drag the source view's selected cards with the mouse (pressed on the first of them) onto a
    point of the target view (viewport coordinates): a real drag (``real_drag.py``). Returns
    whether a units panel showed, while the cards hovered over it, that the unit takes them."""
    first = min(source_view.selectionModel().selectedRows(), key=lambda i: i.row())
    source_view.scrollTo(first)
    press_at = source_view.visualRect(first).center()
    delegate = getattr(target_view, "delegate", None)
    hover = real_drag(source_view.viewport(), press_at, target_view.viewport(), pos, ctrl=ctrl,
                      hovering=lambda: delegate.hover if delegate is not None else None)
    return bool(hover and hover[1])


def lane_centre(board, lane: Lane) -> QPoint:
    return board.lane_views[lane].viewport().rect().center()
