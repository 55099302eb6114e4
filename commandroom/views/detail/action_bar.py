"""The detail's buttons: exactly the actions the signed-in role may give in the event's status,
as ``lifecycle.allowed_actions`` says (never a list of our own). The next step of the closed loop
is drawn as the primary button, so the officer's eye finds it first."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from commandroom.models.enums import Action
from commandroom.views.common.labels import label

# The step that moves the event on along the loop (drawn as primary); the others are side paths.
FORWARD = frozenset({Action.REGISTER, Action.DISPATCH, Action.ACKNOWLEDGE, Action.START,
                     Action.RESOLVE, Action.VERIFY, Action.CLOSE, Action.EVALUATE,
                     Action.APPROVE_EXTENSION})
PER_ROW = 6


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
        self.buttons: dict[Action, QPushButton] = {}

    def show_actions(self, actions) -> None:
        """One button per action, in the lifecycle table's order; rebuilt only when they change."""
        actions = tuple(actions)
        if actions == self._actions:
            return
        self._actions = actions
        for button in self.buttons.values():
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        for n, action in enumerate(actions):
            button = QPushButton(label(action), self, objectName=f"action_{action.value}")
            button.setProperty("primary", action in FORWARD)
            button.clicked.connect(lambda _checked=False, a=action: self.sig_action.emit(a))
            self._layout.addWidget(button, n // PER_ROW, n % PER_ROW)
            self.buttons[action] = button
        self._layout.setColumnStretch(PER_ROW, 1)  # buttons keep their size, packed to the left
        self.setVisible(bool(actions))

    def actions_shown(self) -> tuple[Action, ...]:
        return self._actions

    def set_busy(self, busy: bool) -> None:
        """While a command is on its way the buttons wait (no double dispatch by a second click)."""
        for button in self.buttons.values():
            button.setEnabled(not busy)
