"""Table cells painted from laid-out texts kept between paints: the event list's and the call
queue's.

Qt's ``QStyledItemDelegate`` makes a cell anew at every paint: seven roles fetched from Python,
a style option filled, then the style's ``CE_ItemViewItem`` lays the text out with a fresh
``QTextLayout`` (font fallback for every CJK glyph) and elides it — ~130 µs a cell: 35 rows × 8
columns at every frame of the meeting's replay (~40 ms, the frame rate's bound), and the call
queue's repaint as a storm's reports come into view (30 to 40 ms of the GUI thread in one turn,
``bench/bench_intake.py --probe``). Here a cell's look comes from the model in one Python call
(the model's ``look(place, column)``: text, text colour or None, background or None, bold,
centred) and its text is laid out once per (text, width, weight) into a ``QStaticText`` that is
only drawn afterwards: a repaint of unchanged cells lays out nothing, a changed cell lays out
only its new text.

It draws what the style drew: the selection (the palette's highlight behind, its highlighted
text colour), the model's background and text colour, bold where the model says, centred or left
as the model aligns, elided on the right within the style's cell margins, the focus frame of the
current cell. The alternating stripes are the view's (drawn before the delegate), tooltips the
model's (``helpEvent`` is the base class's). A column with an icon (the queue's source) is left
to the style (``styled``): its icon's place is the style's to say, and it is one cell a row.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF, QPalette, QStaticText, QTransform
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionFocusRect

from commandroom.views.common.style import CELL_MARGIN

# Texts kept laid out; past this (countdowns of a long replay, filters typed) they are all let go
# and laid out again as painted: a screenful is a few hundred.
_KEPT = 20_000
_PAD = CELL_MARGIN + 1  # QCommonStyle's text margin: PM_FocusFrameHMargin + 1 on each side
# The states as plain ints: a flag enum's ``&`` runs in Python, four times a cell.
_SELECTED, _ACTIVE, _ENABLED, _FOCUS = (flag.value for flag in (
    QStyle.StateFlag.State_Selected, QStyle.StateFlag.State_Active, QStyle.StateFlag.State_Enabled,
    QStyle.StateFlag.State_HasFocus))
_NORMAL, _INACTIVE, _DISABLED = QPalette.ColorGroup.Normal, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled
_HIGHLIGHT, _HIGHLIGHTED_TEXT, _TEXT = (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText,
                                        QPalette.ColorRole.Text)


class LaidCellDelegate(QStyledItemDelegate):
    """Paints the cells of a model with ``look`` (the view's own model, no proxy between); the
    columns in ``styled`` as Qt's delegate does."""

    def __init__(self, model, parent=None, styled: frozenset[int] = frozenset()):
        super().__init__(parent)
        self._model = model
        self._styled = styled
        self._texts: dict[tuple, tuple[QStaticText, float, float]] = {}  # (text, width, bold) -> (laid out, w, h)
        self._fonts: tuple | None = None  # the view's font, then (font, metrics) plain and bold

    def paint(self, painter, option, index) -> None:
        column = index.column()  # asked once: each call into Qt is paid per painted cell
        if column in self._styled:
            super().paint(painter, option, index)
            return
        text, foreground, background, bold, centred = self._model.look(index.row(), column)
        rect, state, palette = option.rect, option.state.value, option.palette
        group = (_NORMAL if state & _ACTIVE else _INACTIVE) if state & _ENABLED else _DISABLED
        selected = state & _SELECTED
        if selected:
            painter.fillRect(rect, palette.brush(group, _HIGHLIGHT))
        elif background is not None:
            painter.fillRect(rect, background)
        if text:
            font, metrics, advances = self._font(option.font, bold)
            width = rect.width() - 2 * _PAD
            static, w, h = self._laid_out(text, width, bold, font, metrics, advances)
            x = rect.x() + _PAD + ((width - w) / 2 if centred else 0)
            painter.setFont(font)
            painter.setPen(palette.color(group, _HIGHLIGHTED_TEXT) if selected
                           else foreground or palette.color(group, _TEXT))
            painter.drawStaticText(QPointF(x, rect.y() + (rect.height() - h) / 2), static)
        if state & _FOCUS:
            self._focus_frame(painter, option)

    def _font(self, font: QFont, bold: bool) -> tuple[QFont, QFontMetrics, QFontMetricsF]:
        if self._fonts is None or self._fonts[0] != font:
            font = QFont(font)  # a copy: the option's own dies with the option
            heavy = QFont(font)
            heavy.setBold(True)
            self._fonts = (font, (font, QFontMetrics(font), QFontMetricsF(font)),
                           (heavy, QFontMetrics(heavy), QFontMetricsF(heavy)))
            self._texts.clear()  # laid out in another font
        return self._fonts[2 if bold else 1]

    def _laid_out(self, text: str, width: int, bold: bool, font: QFont, metrics: QFontMetrics,
                  advances: QFontMetricsF):
        key = (text, width, bold)
        known = self._texts.get(key)
        if known is None:
            if len(self._texts) >= _KEPT:
                self._texts.clear()
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(width, 0))
            static = QStaticText(shown)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(QTransform(), font)
            # Centred by its advance, as the style's text layout centres a line (the laid-out
            # size may be a pixel wider: the glyphs' extent, rounded out).
            known = self._texts[key] = (static, advances.horizontalAdvance(shown), static.size().height())
        return known

    @staticmethod
    def _focus_frame(painter, option) -> None:
        """The current cell's frame, as ``CE_ItemViewItem`` draws it (the style's own look)."""
        widget = option.widget
        if widget is None:
            return
        frame = QStyleOptionFocusRect()
        frame.initFrom(widget)
        frame.rect, frame.state = option.rect, option.state | QStyle.StateFlag.State_KeyboardFocusChange
        frame.backgroundColor = option.palette.color(_HIGHLIGHT if option.state.value & _SELECTED
                                                     else QPalette.ColorRole.Window)
        widget.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, frame, painter, widget)

    def laid_out_count(self) -> int:
        """How many texts are kept laid out (for tests: a repaint of unchanged cells adds none)."""
        return len(self._texts)
