"""A table view that does not repaint what it shows when rows come or go out of its sight.

Qt lays a ``QTableView`` out again after every insert or removal of rows (its delayed
``doItemsLayout``) and then repaints the whole viewport, whatever the rows' place. Under an
intake storm the call queue takes a batch of new reports twice a second, nearly all of them
below what the officer sees (the queue is ordered by urgency, then by waiting time): each batch
repainted every visible cell, each cell a call into Python that must take the interpreter back
from the console's busy workers (``bench/bench_intake.py --probe``: the GUI's longest waits).

``QuietTable`` notes where the rows changed; the layout then updates the geometry (the scroll
bar's range) and repaints only from the first changed row down: nothing when every change lay
below the last visible row, the rows from an urgent report's place down when it came into
view; a row moved counts as a change from the higher of its two places (the event list's
events change place as their status or limit changes, mostly far below the view). Anything
else (a change above the view, a reset, a layout change, new columns, a layout asked for by Qt
itself) lays out and repaints as Qt does.

What it repaints it repaints in bands of ``BAND_ROWS`` rows, one band a turn of the event loop,
top first (``repaint_in_bands``; the queue's second tick too): a repaint of the whole view is
one turn of 20 to 30 ms on a busy machine (each cell a call into Python, its text laid out), in
which nothing else the officer does is answered; a band is a few milliseconds. The rows below
show their previous look for those few turns.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QPainter, QRegion
from PySide6.QtWidgets import QTableView

from commandroom.views.common import palette

_FULL = "full"
BAND_ROWS = 4  # rows repainted per turn of the event loop


class QuietTable(QTableView):
    def __init__(self, parent=None, **kwargs):
        super().__init__(parent, **kwargs)
        self._pending: int | str | None = None  # the first row changed since the last layout, or _FULL
        self._connections: list = []
        self._holding = False  # more of the same batch is coming: no repaint yet (``hold``)
        self._held: int | None = None  # the first row changed in view while holding
        self._queued = QRegion()  # what is still to be repainted, band by band
        self._band = QTimer(self, singleShot=True, interval=0)
        self._band.timeout.connect(self._next_band)
        self._placeholder = ""

    def set_placeholder(self, text: str) -> None:
        """What the table says while it has no rows, drawn in its viewport. A label beside it,
        hidden as the first row comes, would lay the dock out again and repaint the whole view
        in the first turn of a storm."""
        self._placeholder = text
        self.viewport().update()

    def placeholder_shown(self) -> str:
        """The placeholder as shown now: empty while the table has rows."""
        if not self._placeholder:  # most tables: no call into the model at every paint
            return ""
        model = self.model()
        return self._placeholder if model is None or model.rowCount() == 0 else ""

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        text = self.placeholder_shown()
        if text:
            painter = QPainter(self.viewport())
            painter.setPen(palette.FINISHED_TEXT)
            painter.drawText(self.viewport().rect().adjusted(12, 12, -12, -12),
                             Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, text)
            painter.end()

    def setModel(self, model) -> None:  # noqa: N802 - Qt's name
        for connection in self._connections:
            self.disconnect(connection)
        super().setModel(model)
        if model is None:
            self._connections = []
            return
        self._connections = [model.rowsInserted.connect(self._note_rows),
                             model.rowsRemoved.connect(self._note_rows),
                             model.rowsMoved.connect(self._note_move)]
        self._connections += [signal.connect(self._note_other) for signal in (
            model.modelReset, model.layoutChanged, model.columnsInserted,
            model.columnsRemoved, model.columnsMoved)]

    def _note_rows(self, parent, first: int, last: int) -> None:
        """After the rows changed (the header already counts them): from which row down does
        the view show something else? Rows above those in view shift every one of them."""
        if not parent.isValid() and self.model().rowCount() == last - first + 1:
            # The first rows of an empty table (a reset before it, however recent, showed
            # nothing): painted from the top in bands, as rows coming into view are.
            self._pending = first
            return
        top = self.rowAt(0)
        if parent.isValid() or self._pending == _FULL or top < 0 or first < top:
            self._pending = _FULL
        else:
            self._pending = first if self._pending is None else min(self._pending, first)

    def _note_move(self, parent, start: int, _end: int, destination, row: int) -> None:
        """A row moved (the event list's row changed its sort key): the rows from the higher of
        its two places down show something else, those above it nothing."""
        if destination.isValid():
            self._pending = _FULL
        self._note_rows(parent, min(start, row), start)

    def _note_other(self, *_args) -> None:
        self._pending = _FULL

    def hold(self, holding: bool) -> None:
        """While a batch is taken in slices (``views/common/slices.py``), one per turn of the
        event loop, the rows it brings into view are repainted once, after its last slice, not
        after each: ``hold(True)`` before a slice when more follow, ``hold(False)`` after the
        last. Rows that moved in view meanwhile show their old texts for those few turns."""
        self._holding = holding
        if not holding and self._held is not None:
            self._pending = self._held if self._pending is None else self._pending
            if self._pending != _FULL:
                self._pending = min(self._pending, self._held)
            self._held = None
            self.scheduleDelayedItemsLayout()

    def doItemsLayout(self) -> None:  # noqa: N802 - Qt's name
        pending, self._pending = self._pending, None
        if pending is None or pending == _FULL:
            self._held = None  # the whole view is painted again
            super().doItemsLayout()
            return
        # What Qt's layout does, but the repaint of the rows above the change.
        self.updateGeometries()
        if not self.verticalHeader().updatesEnabled():  # QTableView holds it off after a removal
            self.verticalHeader().setUpdatesEnabled(True)
        if self._holding:
            self._held = pending if self._held is None else min(self._held, pending)
            return
        viewport = self.viewport()
        rows = self.model().rowCount()
        if pending < rows:
            y = self.rowViewportPosition(pending)
        else:  # the last rows went: from below what is left
            y = self.rowViewportPosition(rows - 1) + self.rowHeight(rows - 1) if rows else 0
        y = max(y, 0)  # a row partly above the top (scrolled by pixels, or since it was noted)
        if y < viewport.height():
            self.repaint_in_bands(QRegion(0, y, viewport.width(), viewport.height() - y))

    def repaint_in_bands(self, region: QRegion) -> None:
        """Repaint this part of the viewport: its first band now, the rest a band a turn."""
        self._queued += region
        if not self._band.isActive():
            self._next_band()

    def _next_band(self) -> None:
        # What lies outside the viewport (it has narrowed since: a scroll bar came) needs no paint.
        self._queued = self._queued.intersected(self.viewport().rect())
        if self._queued.isEmpty():
            return
        bounds = self._queued.boundingRect()
        band = QRect(bounds.left(), bounds.top(), bounds.width(),
                     BAND_ROWS * self.verticalHeader().defaultSectionSize())
        self.viewport().update(self._queued.intersected(band))
        self._queued -= QRegion(band)
        if not self._queued.isEmpty():
            self._band.start()
