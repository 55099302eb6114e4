"""Icons of the report sources, drawn with QPainter: a coloured disc with a white pictograph.

Drawn, not shipped: six shapes of a few strokes each, sharp at any size and screen scale, and
nothing to package. Colour and shape both differ, so a source reads without colour vision.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from commandroom.models.enums import Source

COLOURS = {
    Source.HOTLINE_12345: QColor("#c62828"),
    Source.GRID_PATROL: QColor("#2e7d32"),
    Source.PHOTO_APP: QColor("#6a1b9a"),
    Source.WALK_IN: QColor("#1565c0"),
    Source.MICRO_WISH: QColor("#d81b60"),
    Source.DISTRICT_ORDER: QColor("#e65100"),
}

_SIZES = (16, 20, 24, 32, 48, 64)  # drawn on a 1-unit grid at each: small icons at 1x and 2x


def _handset(p: QPainter) -> None:
    path = QPainterPath()
    path.moveTo(0.30, 0.26)
    path.cubicTo(0.22, 0.34, 0.26, 0.52, 0.40, 0.64)
    path.cubicTo(0.52, 0.76, 0.66, 0.80, 0.74, 0.72)
    p.setPen(QPen(Qt.GlobalColor.white, 0.11, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawPath(path)


def _grid(p: QPainter) -> None:
    p.setPen(QPen(Qt.GlobalColor.white, 0.05))
    p.drawRect(QRectF(0.28, 0.28, 0.44, 0.44))
    for t in (0.28 + 0.44 / 3, 0.28 + 0.88 / 3):
        p.drawLine(QPointF(t, 0.28), QPointF(t, 0.72))
        p.drawLine(QPointF(0.28, t), QPointF(0.72, t))


def _camera(p: QPainter) -> None:
    p.setPen(QPen(Qt.GlobalColor.white, 0.06))
    p.drawRoundedRect(QRectF(0.24, 0.36, 0.52, 0.34), 0.06, 0.06)
    p.drawRect(QRectF(0.40, 0.29, 0.20, 0.07))
    p.drawEllipse(QPointF(0.50, 0.53), 0.10, 0.10)


def _person(p: QPainter) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(Qt.GlobalColor.white)
    p.drawEllipse(QPointF(0.50, 0.36), 0.11, 0.11)
    body = QPainterPath()
    body.moveTo(0.28, 0.76)
    body.cubicTo(0.28, 0.50, 0.72, 0.50, 0.72, 0.76)
    body.closeSubpath()
    p.drawPath(body)


def _heart(p: QPainter) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(Qt.GlobalColor.white)
    path = QPainterPath()
    path.moveTo(0.50, 0.74)
    path.cubicTo(0.18, 0.52, 0.26, 0.26, 0.50, 0.40)
    path.cubicTo(0.74, 0.26, 0.82, 0.52, 0.50, 0.74)
    p.drawPath(path)


def _order(p: QPainter) -> None:
    p.setPen(QPen(Qt.GlobalColor.white, 0.05))
    p.drawRect(QRectF(0.32, 0.24, 0.36, 0.50))
    for y in (0.38, 0.48, 0.58):
        p.drawLine(QPointF(0.39, y), QPointF(0.61, y))


_GLYPHS = {
    Source.HOTLINE_12345: _handset,
    Source.GRID_PATROL: _grid,
    Source.PHOTO_APP: _camera,
    Source.WALK_IN: _person,
    Source.MICRO_WISH: _heart,
    Source.DISTRICT_ORDER: _order,
}


@cache
def source_icon(source: Source) -> QIcon:
    """The icon of a source (made once per source, after the application exists), drawn at
    each size a table or a button asks for: none is scaled from another at its first paint."""
    icon = QIcon()
    for size in _SIZES:
        icon.addPixmap(_drawn(source, size))
    return icon


def _drawn(source: Source, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size, size)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(COLOURS[source])
    painter.drawEllipse(QRectF(0.02, 0.02, 0.96, 0.96))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    _GLYPHS[source](painter)
    painter.end()
    return pixmap
