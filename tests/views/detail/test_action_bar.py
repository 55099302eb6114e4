"""The detail's buttons wrap to the dock's width: however narrow the officer drags the dock,
every button shows its whole word."""

import pytest
from PySide6.QtWidgets import QPushButton, QWidget

from commandroom.models.enums import Action
from commandroom.views.detail.action_bar import OFFERED, PER_ROW, ActionBar, buttons_a_row

SEVEN = (Action.ATTACH_CONTACT, Action.REGISTER, Action.REJECT, Action.MERGE, Action.TAKE, Action.RELEASE,
         Action.ANSWER)


def bar_in_a_dock(qtbot, width: int) -> tuple[QWidget, ActionBar]:
    """A bar given ``width`` whatever its minimum, as a dock squeezed by the window gives it."""
    dock = QWidget()
    qtbot.addWidget(dock)
    dock.resize(1000, 300)
    bar = ActionBar(dock)
    bar.show_actions(SEVEN)
    bar.setGeometry(0, 0, width, 200)
    dock.show()
    qtbot.waitExposed(dock)
    return dock, bar  # the dock held by the test: pytest-qt keeps only a weak reference


def rows_of(bar: ActionBar) -> list[int]:
    """Buttons a row, top to bottom, as placed on screen."""
    tops: dict[int, int] = {}
    for button in bar.buttons.values():
        tops[button.y()] = tops.get(button.y(), 0) + 1
    return [tops[y] for y in sorted(tops)]


@pytest.mark.parametrize("width", [220, 330, 420, 900])
def test_every_button_is_whole_at_any_width(qtbot, width):
    _dock, bar = bar_in_a_dock(qtbot, width)
    buttons = list(bar.buttons.values())
    qtbot.waitUntil(lambda: all(b.width() >= b.sizeHint().width() and b.geometry().right() < width
                                for b in buttons))
    # As few rows as the width allows: one more button a row would not fit.
    widths = [b.sizeHint().width() for b in buttons]
    per_row = buttons_a_row(widths, width - 16, 6)  # the bar's margins (8 each side) and spacing (6)
    qtbot.waitUntil(lambda: len(rows_of(bar)) == -(-len(SEVEN) // per_row))
    assert max(rows_of(bar)) <= PER_ROW


@pytest.mark.parametrize("widths, room, expected", [
    ([50, 50, 50, 50], 1000, 4),  # all in one row
    ([120, 60, 60, 60, 60, 60, 60], 260, 3),  # columns 120+60+60 and two gaps fit; 4 would not
    ([120, 60, 60, 60, 60, 60, 60], 259, 2),
    ([300, 60], 200, 1),  # the widest alone is too wide: still one a row
    ([40] * 10, 10_000, PER_ROW),
])
def test_each_column_is_as_wide_as_its_widest_button(widths, room, expected):
    assert buttons_a_row(widths, room, gap=10) == expected


def test_narrowing_the_dock_wraps_and_widening_it_unwraps(qtbot):
    _dock, bar = bar_in_a_dock(qtbot, 900)
    qtbot.waitUntil(lambda: rows_of(bar) == [PER_ROW, 1])
    bar.setGeometry(0, 0, 240, 200)
    qtbot.waitUntil(lambda: len(rows_of(bar)) > 2)
    bar.setGeometry(0, 0, 900, 200)
    qtbot.waitUntil(lambda: rows_of(bar) == [PER_ROW, 1])


def test_another_event_shows_buttons_made_with_the_bar_and_each_gives_its_own_action(qtbot):
    """The bar makes and styles a button for every action the lifecycle may offer when it is
    made (the first event shown, a storm's first call, only shows some): another event's
    actions show those buttons, each with its word, its object name, primary or not, and a
    press gives its action."""
    _dock, bar = bar_in_a_dock(qtbot, 900)
    made = set(bar.findChildren(QPushButton))
    assert len(made) == len(OFFERED)
    bar.show_actions((Action.DISPATCH, Action.RETURN))
    assert set(bar.findChildren(QPushButton)) == made
    dispatch = bar.buttons[Action.DISPATCH]
    assert dispatch.text() == "派遣" and dispatch.objectName() == "action_dispatch"
    assert dispatch.property("primary") is True and bar.buttons[Action.RETURN].property("primary") is False
    assert [b for b in made if b.isVisibleTo(bar)] == [b for b in made if b in bar.buttons.values()]
    assert sum(b.isVisibleTo(bar) for b in made) == 2  # the others out of sight
    with qtbot.waitSignal(bar.sig_action) as pressed:
        bar.buttons[Action.RETURN].click()
    assert pressed.args == [Action.RETURN]


def test_a_bar_with_nothing_to_offer_is_out_of_sight(qtbot):
    dock, bar = bar_in_a_dock(qtbot, 900)
    assert bar.isVisible()
    bar.show_actions(())
    assert not bar.isVisible() and bar.buttons == {}
    bar.show_actions((Action.DISPATCH,))
    assert bar.isVisible() and bar.buttons[Action.DISPATCH].isVisible()
