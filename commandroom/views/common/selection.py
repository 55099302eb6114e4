"""The console's one selection: the events the officer is working on, shared by every dock.

The main window owns one ``Selection`` and hands it to each dock. A dock that the officer clicks
in calls ``select(ids, source=self)``; every dock follows ``sig_selected`` and shows the same
events selected (the list scrolls to them, the board highlights their cards, the detail shows
the first). A dock ignores an announcement it made itself (``source``) and never re-announces
what it is told, so docks cannot ping-pong: ``select`` with the ids already selected is silent.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal


class Selection(QObject):
    # --- Signals ---------------------------------------------------------------------------
    sig_selected = Signal(list)
    """The selected event ids changed (in the order selected; empty: nothing selected).
    ``source`` names the dock that selected them while the signal is being delivered."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._ids: tuple[int, ...] = ()
        self._source: object | None = None

    @property
    def ids(self) -> tuple[int, ...]:
        return self._ids

    @property
    def current(self) -> int | None:
        """The event shown in the detail: the first selected, or None."""
        return self._ids[0] if self._ids else None

    @property
    def source(self) -> object | None:
        """Who made the latest selection (a dock, or None for the program itself)."""
        return self._source

    def select(self, ids: Iterable[int], source: object | None = None) -> bool:
        """Select these events everywhere; returns False if they already were (nothing sent)."""
        ids = tuple(dict.fromkeys(int(i) for i in ids))  # each once, first place kept
        if ids == self._ids:
            return False
        self._ids, self._source = ids, source
        self.sig_selected.emit(list(ids))
        return True

    def clear(self, source: object | None = None) -> bool:
        return self.select((), source)

    def is_from(self, who: object) -> bool:
        """Did ``who`` make the selection being announced? (A dock skips its own.)"""
        return self._source is who
