"""Every common character drawn once, out of sight, while a console that has just opened is idle.

Qt rasterises a glyph the first time it is drawn in a font and keeps it in its glyph cache:
~50 µs a Chinese character on this machine's class. A console just opened has drawn few of
them, and a storm's first screenfuls of reports, mostly in characters new to it, spent 20-40 ms
of the GUI thread rasterising on top of laying them out (``bench/bench_intake.py --probe``: the
call queue's first full repaint 43 ms, 25 ms with the cache warm; the event list's 27, then 8).
So the 3,755 hanzi of GB 2312's first level (the common ones: nearly all of running text), its
punctuation and ASCII are drawn in the tables' font, plain and bold, a slice a turn of the event
loop: ~0.4 s of the GUI thread in all, never more than a few milliseconds at once.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPixmap
from PySide6.QtWidgets import QApplication

from commandroom.views.common.slices import Slices

PER_TURN = 100  # characters drawn a turn of the event loop: ~5 ms


@cache
def common_characters() -> str:
    """Printable ASCII, then GB 2312's punctuation and full-width forms (rows 0xA1 and 0xA3:
    "，。、：（）【】《》" and the like), then its first level of hanzi (rows 0xB0-0xD7, 94 cells
    each; the last row ends at 0xF9). Read through Python's own codec, not typed out."""
    def row(first: int, last: int = 0xFE) -> str:
        return "".join(bytes((first, cell)).decode("gb2312") for cell in range(0xA1, last + 1))

    ascii_ = "".join(map(chr, range(0x21, 0x7F)))
    return ascii_ + row(0xA1) + row(0xA3) + "".join(row(r, 0xF9 if r == 0xD7 else 0xFE) for r in range(0xB0, 0xD8))


class GlyphWarmup(QObject):
    # --- Signals ---------------------------------------------------------------------------
    sig_done = Signal()
    """Every common character has been drawn in every font."""

    def __init__(self, fonts: list[QFont] | None = None, parent=None):
        super().__init__(parent)
        if fonts is None:
            bold = QFont(QApplication.font())
            bold.setBold(True)
            fonts = [QApplication.font(), bold]
        self.fonts = fonts
        self.done = False
        self._started = False
        self._slices = Slices(self._draw, size=1, parent=self)
        # Opaque, in the screen's own format, as a window's backing store; wide enough for a
        # whole turn's characters (a glyph outside the canvas might never be rasterised).
        self._canvas = QPixmap(PER_TURN * 24, 48)
        self._canvas.fill(Qt.GlobalColor.white)

    def start(self) -> None:
        """Once: a later call (the docks filled again after a reload) does nothing."""
        if self._started:
            return
        self._started = True
        text = common_characters()
        self._slices.feed([(font, text[at:at + PER_TURN]) for font in self.fonts
                           for at in range(0, len(text), PER_TURN)])

    def _draw(self, chunks: list[tuple[QFont, str]]) -> None:
        painter = QPainter(self._canvas)
        for font, text in chunks:
            painter.setFont(font)
            painter.drawText(0, 40, text)
        painter.end()
        if self._slices.pending == 0:
            self.done = True
            self._canvas = QPixmap()
            self.sig_done.emit()
