"""Texts laid out once and drawn many times: what the board's cards repeat (unit names,
categories, grids, chips, this minute's countdowns).

Drawing a card the first time is mostly shaping its Chinese text (``QPainter.drawText`` shapes
every call; ``QFontMetrics`` measures by shaping again). A card a filter keystroke brings into
view is drawn inside that keystroke, so its text is kept shaped here, as ``QStaticText`` (only
the glyphs are drawn) with its width, and the elided forms the lanes' widths ask for.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QStaticText

KEPT = 4000  # texts kept per font: far more than the distinct texts of a few screens of cards


class LaidText:
    """One font's laid-out texts, the least recently drawn forgotten past ``KEPT``."""

    def __init__(self, font: QFont):
        self.font = QFont(font)
        self.metrics = QFontMetrics(self.font)
        self._laid: OrderedDict[str, QStaticText] = OrderedDict()
        self._widths: dict[str, int] = {}
        self._elided: dict[tuple[str, int], str] = {}

    def width(self, text: str) -> int:
        width = self._widths.get(text)
        if width is None:
            if len(self._widths) >= KEPT:
                self._widths.clear()
            width = self._widths[text] = self.metrics.horizontalAdvance(text)
        return width

    def elided(self, text: str, width: int) -> str:
        """The text cut with "…" to fit ``width`` (itself when it fits)."""
        key = (text, width)
        cut = self._elided.get(key)
        if cut is None:
            if len(self._elided) >= KEPT:
                self._elided.clear()
            cut = self._elided[key] = self.metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        return cut

    def draw(self, painter: QPainter, box: QRect, text: str, centred: bool = False) -> None:
        """Draw the text in the painter's pen, left-aligned (or centred) and vertically centred
        in ``box``, clipped to it as ``drawText`` would."""
        laid = self._laid.get(text)
        if laid is None:
            laid = QStaticText(text)
            laid.setTextFormat(Qt.TextFormat.PlainText)
            laid.prepare(font=self.font)
            self._laid[text] = laid
            if len(self._laid) > KEPT:
                self._laid.popitem(last=False)
        else:
            self._laid.move_to_end(text)
        size = laid.size()
        x = box.left() + (box.width() - size.width()) / 2 if centred else box.left()
        y = box.top() + (box.height() - size.height()) / 2
        painter.setFont(self.font)
        if size.width() > box.width():  # rare: a text not elided to its box
            painter.save()
            painter.setClipRect(box)
            painter.drawStaticText(QPointF(x, y), laid)
            painter.restore()
        else:
            painter.drawStaticText(QPointF(x, y), laid)
