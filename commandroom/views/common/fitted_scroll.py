"""A scroll area as tall as its content at the width it has, when its dock has the room.

Word-wrapped labels need more height the narrower they are. Qt's dock layout does not ask a
dock for the height its content needs at its width: a dock shorter than that squeezes the
labels and cuts their last lines. Asking for that height as a minimum instead would hold the
whole window taller than the screen. So the content sits in a scroll area that hints at its
content's height for the present width: laid out whole where the dock has room (the part below
it, a stretching table, takes the rest), scrolling where it has not, never cut. Where it
scrolls, its bottom edge fades out while more lies below: a line cut by the edge reads as "more
below", not as a broken screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPalette
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

# However tall the content, the scroll area yields down to this many text lines.
_MIN_LINES = 6


class FittedScroll(QScrollArea):
    def __init__(self, content: QWidget, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)
        content.installEventFilter(self)
        self.fade = _Fade(self)
        self.verticalScrollBar().rangeChanged.connect(self.fade.update)
        self.verticalScrollBar().valueChanged.connect(self.fade.update)

    def more_below(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() < bar.maximum()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        view = self.viewport().geometry()
        height = min(view.height(), self.fontMetrics().height() * 3 // 2)
        self.fade.setGeometry(view.left(), view.bottom() + 1 - height, view.width(), height)

    def sizeHint(self) -> QSize:
        content = self.widget()
        width = self.viewport().width() if self.isVisible() else content.sizeHint().width()
        height = content.heightForWidth(width) if content.hasHeightForWidth() else -1
        if height < 0:
            height = content.sizeHint().height()
        return QSize(content.sizeHint().width(), height + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        """The content's own narrowest width (no horizontal scrolling), and a few lines' height."""
        content = self.widget()
        lines = _MIN_LINES * self.fontMetrics().height()
        return QSize(content.minimumSizeHint().width() + 2 * self.frameWidth(),
                     min(lines, self.sizeHint().height()))

    def eventFilter(self, watched, event) -> bool:
        # The content laid out anew (new texts, another arrangement): the height it needs changed.
        if watched is self.widget() and event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize):
            self.updateGeometry()
        return super().eventFilter(watched, event)


class _Fade(QWidget):
    """The scroll area's bottom edge, fading into the background while more lies below. Never
    hidden (showing a widget lays out every layout above it): it paints nothing when all is seen."""

    def __init__(self, area: FittedScroll):
        super().__init__(area)
        self.area = area
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self.area.more_below():
            return
        solid = self.area.viewport().palette().color(QPalette.ColorRole.Window)
        clear = QColor(solid)
        clear.setAlpha(0)
        gradient = QLinearGradient(0, 0, 0, self.height())
        gradient.setColorAt(0, clear)
        gradient.setColorAt(0.8, solid)  # the last pixels wholly background: no glyph's foot left
        QPainter(self).fillRect(self.rect(), gradient)
