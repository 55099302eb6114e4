"""The detail's buttons: exactly the actions the signed-in role may give in the event's status,
as ``lifecycle.allowed_actions`` says (never a list of our own). The next step of the closed loop
is drawn as the primary button, so the officer's eye finds it first."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from commandroom.models.enums import Action
from commandroom.models.lifecycle import RULES, UNVERSIONED
from commandroom.views.common.labels import label
from commandroom.views.common.out_of_sight import out_of_sight

# The step that moves the event on along the loop (drawn as primary); the others are side paths.
FORWARD = frozenset({Action.REGISTER, Action.DISPATCH, Action.ACKNOWLEDGE, Action.START,
                     Action.RESOLVE, Action.VERIFY, Action.CLOSE, Action.EVALUATE,
                     Action.APPROVE_EXTENSION})
PER_ROW = 6  # at most: a wide dock keeps a short row of buttons rather than one long line
# Every action ``allowed_actions`` can offer on an event.
OFFERED = tuple(action for action in RULES if action not in UNVERSIONED)


class ActionBar(QWidget):
    # --- Signals ---------------------------------------------------------------------------
    sig_action = Signal(object)
    """The officer pressed the button of this ``Action``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("actionBar")
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self._layout.setHorizontalSpacing(6)
        self._layout.setVerticalSpacing(4)
        self._actions: tuple[Action, ...] = ()
        self.buttons: dict[Action, QPushButton] = {}  # those shown, in order
        # A button for every action there is, made and styled with the bar: the first event
        # shown (in a storm, the first call, selected as it comes in) only shows the ones it
        # needs, and no click makes or styles a button again.
        self._made = {action: self._button(action) for action in OFFERED}
        self._per_row = 0  # buttons a row as placed

    def _button(self, action: Action) -> QPushButton:
        button = QPushButton(label(action), self, objectName=f"action_{action.value}")
        button.setProperty("primary", action in FORWARD)  # read by the style sheet
        button.clicked.connect(lambda _checked=False: self.sig_action.emit(action))
        button.hide()
        button.ensurePolished()
        return button

    def show_actions(self, actions) -> None:
        """One button per action, in the lifecycle table's order; laid out anew only when they
        change."""
        actions = tuple(actions)
        if actions == self._actions:
            return
        self._actions = actions
        if not actions:
            self.hide()  # first: the buttons then go out of sight behind it
        with out_of_sight(self):
            for button in self.buttons.values():
                self._layout.removeWidget(button)
            self.buttons = {action: self._made[action] for action in actions}
            for action, button in self._made.items():
                if button.isHidden() == (action in self.buttons):
                    button.setVisible(action in self.buttons)
            self._per_row = 0
            self._place(self.width())
        self.setVisible(bool(actions))
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        """One button wide: the dock may be made that narrow, and the buttons wrap (the rows
        placed now would hold it at their width)."""
        hint = super().minimumSizeHint()
        if not self.buttons:
            return hint
        margins = self._layout.contentsMargins()
        widest = max(b.sizeHint().width() for b in self.buttons.values())
        return QSize(min(hint.width(), widest + margins.left() + margins.right()), hint.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place(event.size().width())

    def _place(self, width: int) -> None:
        """As many buttons a row as the dock's width holds whole (a narrow dock: more rows,
        never a clipped "不予立案"), each column as wide as its widest button (one long word,
        "Answer on the spot", does not make every column as wide); placed again only when that
        number changes."""
        if not self.buttons:
            return
        margins, gap = self._layout.contentsMargins(), self._layout.horizontalSpacing()
        per_row = buttons_a_row([b.sizeHint().width() for b in self.buttons.values()],
                                width - margins.left() - margins.right(), gap)
        if per_row == self._per_row:
            return
        self._per_row = per_row
        for button in self.buttons.values():
            self._layout.removeWidget(button)
        for n, button in enumerate(self.buttons.values()):
            self._layout.addWidget(button, n // per_row, n % per_row)
        for col in range(PER_ROW + 1):  # buttons keep their size, packed to the left
            self._layout.setColumnStretch(col, 1 if col == per_row else 0)

    def actions_shown(self) -> tuple[Action, ...]:
        return self._actions

    def set_busy(self, busy: bool) -> None:
        """While a command is on its way the buttons wait (no double dispatch by a second click)."""
        for button in self.buttons.values():
            button.setEnabled(not busy)


def buttons_a_row(widths: list[int], room: int, gap: int) -> int:
    """The most buttons a row (at most ``PER_ROW``) whose columns, each as wide as its widest
    button, fit in ``room``; at least one."""
    for per_row in range(min(PER_ROW, len(widths)), 1, -1):
        columns = [max(widths[col::per_row]) for col in range(per_row)]
        if sum(columns) + gap * (per_row - 1) <= room:
            return per_row
    return 1
