"""A table view that does not repaint what it shows when rows come or go out of its sight.

Qt lays a ``QTableView`` out again after every insert or removal of rows (its delayed
``doItemsLayout``) and then repaints the whole viewport, whatever the rows' place. Under an
intake storm the call queue takes a batch of new reports twice a second, nearly all of them
below what the officer sees (the queue is ordered by urgency, then by waiting time): each batch
repainted every visible cell, each cell a call into Python that must take the interpreter back
from the console's busy workers (``bench/bench_intake.py --probe``: the GUI's longest waits).

``QuietTable`` notes where the rows changed; when every change since the last layout lay
below the last visible row, the layout only updates the geometry (the scroll bar's range), and
the cells on screen, unchanged, are not painted again. Anything else (a change in view, a reset,
a move, new columns, a layout asked for by Qt itself) lays out and repaints as Qt does.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

_BELOW, _FULL = "below", "full"


class QuietTable(QTableView):
    def __init__(self, parent=None, **kwargs):
        super().__init__(parent, **kwargs)
        self._pending: str | None = None  # what the next layout is for, since the last one
        self._connections: list = []

    def setModel(self, model) -> None:  # noqa: N802 - Qt's name
        for connection in self._connections:
            self.disconnect(connection)
        super().setModel(model)
        if model is None:
            self._connections = []
            return
        self._connections = [model.rowsInserted.connect(self._note_rows),
                             model.rowsRemoved.connect(self._note_rows)]
        self._connections += [signal.connect(self._note_other) for signal in (
            model.modelReset, model.layoutChanged, model.rowsMoved, model.columnsInserted,
            model.columnsRemoved, model.columnsMoved)]

    def _note_rows(self, parent, first: int, _last: int) -> None:
        """After the rows changed (the header already counts them): below the last row in view?"""
        bottom = self.rowAt(self.viewport().height() - 1)
        below = not parent.isValid() and 0 <= bottom < first
        self._pending = _BELOW if below and self._pending in (None, _BELOW) else _FULL

    def _note_other(self, *_args) -> None:
        self._pending = _FULL

    def doItemsLayout(self) -> None:  # noqa: N802 - Qt's name
        pending, self._pending = self._pending, None
        if pending != _BELOW:
            super().doItemsLayout()
            return
        # What Qt's layout does, but the viewport's repaint: the scroll bars follow the count.
        self.updateGeometries()
        if not self.verticalHeader().updatesEnabled():  # QTableView holds it off after a removal
            self.verticalHeader().setUpdatesEnabled(True)
