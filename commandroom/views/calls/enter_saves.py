"""Enter in a text box saves its form; Shift+Enter starts a new line.

A report or a reason is one or two sentences typed during a call: the officer's hand goes to
Enter, as in every line of the form. A text box takes Enter before any shortcut sees it (its
ShortcutOverride), so this is an event filter on the box.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QPlainTextEdit


class EnterSaves(QObject):
    def __init__(self, box: QPlainTextEdit, save: Callable[[], None]):
        super().__init__(box)
        self._save = save
        box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self._save()
            return True
        return super().eventFilter(watched, event)
