"""The board shows only what the role may do: nothing to drag for a role that may not dispatch."""

from __future__ import annotations

import pytest

from commandroom.models.clock import FrozenClock
from commandroom.models.enums import Role
from commandroom.views.board.board_panel import BoardPanel
from tests.views.conftest import NOW


@pytest.mark.parametrize("role, dispatches", [(Role.DUTY_OFFICER, True), (Role.SHIFT_LEADER, True),
                                              (Role.ADMIN, False), (Role.DISPLAY, False)])
def test_only_a_dispatching_role_can_drag_cards(qtbot, role, dispatches):
    panel = BoardPanel(FrozenClock(NOW))
    qtbot.addWidget(panel)
    panel.set_role(role)
    assert all(view.dragEnabled() == dispatches for view in panel.lane_views.values())
    assert ("拖入派遣" in panel.units_title.text()) == dispatches
