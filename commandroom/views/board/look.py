"""The board's own colours (the shared cues — priority, status, overdue red — come from
``views/common/palette.py``)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter

from commandroom.models.enums import UnitStatus

CARD_FILL = QColor("#ffffff")
LATE_FILL = QColor("#fdecec")  # an overdue card, besides its badge
CARD_BORDER = QColor("#c9d1db")
SELECTED_FILL = QColor("#e3efff")
SELECTED_BORDER = QColor("#1e6fd9")
TEXT = QColor("#1d2733")
MUTED = QColor("#7a8591")
ON_COLOUR = QColor("#ffffff")
SIGNED = QColor("#2e7d32")
UNSIGNED = QColor("#b26a00")
ESCALATED = QColor("#6a1b9a")
BAR_TRACK = QColor("#e3e7ec")
DROP_TARGET = QColor("#1e6fd9")
REFUSED_TARGET = QColor("#c62828")

UNIT_STATUS = {
    UnitStatus.ON_DUTY: QColor("#2e7d32"),
    UnitStatus.BUSY: QColor("#e65100"),
    UnitStatus.OFF_DUTY: QColor("#8a9099"),
}
OFF_DUTY_FILL = QColor("#eceff2")

# The lanes' scroll bars: flat, drawn by the style sheet in ~0.05 ms where Fusion's gradients
# take ~1 ms each, and all five are drawn again whenever a filter or a feed batch changes how
# many cards the lanes hold.
LANE_SCROLL_BAR = """
QScrollBar:vertical { background: #eef1f4; width: 10px; margin: 0; border: none; }
QScrollBar::handle:vertical { background: #b3bcc7; min-height: 28px; border-radius: 4px; margin: 1px; }
QScrollBar::handle:vertical:hover, QScrollBar::handle:vertical:pressed { background: #8a96a3; }
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; border: none; background: none; }
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: none; }
"""

# The share of the handling limit used: green, amber past half, orange past 80 %, red past it.
_SHARES = ((1.0, QColor("#c62828")), (0.8, QColor("#e65100")), (0.5, QColor("#b26a00")))
_FRESH = QColor("#2e7d32")


def share_colour(share: float) -> QColor:
    for threshold, colour in _SHARES:
        if share >= threshold:
            return colour
    return _FRESH


def paint_chip(painter: QPainter, chip: QRectF, text: str, colour: QColor, font: QFont) -> None:
    """A small rounded label in white on a colour (a priority, a unit's status)."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(chip, 3, 3)
    painter.setPen(ON_COLOUR)
    painter.setFont(font)
    painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
