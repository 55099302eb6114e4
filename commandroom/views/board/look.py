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
