"""Fixtures for the wall's view tests: a wall window of a layout, drawn at its resolution."""

from __future__ import annotations

import pytest

from commandroom.models.clock import FrozenClock
from commandroom.views.wall import layout as layouts
from commandroom.views.wall.theme import Theme, scale_for
from commandroom.views.wall.window import WallWindow
from tests.views.wall.snapshots import NOW, snapshot


@pytest.fixture
def make_wall(qtbot):
    def make(name: str = "1080p", drawn: bool = True) -> WallWindow:
        layout = layouts.load(name)
        window = WallWindow(layout, Theme(scale_for(*layout.size)), FrozenClock(NOW), confirm_exit=False)
        qtbot.addWidget(window)
        window.resize(*layout.size)
        window.show()
        qtbot.waitExposed(window)
        if drawn:
            window.show_snapshot(snapshot())
        return window

    return make
