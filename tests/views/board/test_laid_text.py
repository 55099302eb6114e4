"""Texts shaped once and drawn again: measured, cut and placed as QFontMetrics and drawText do."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QApplication

from commandroom.views.board.laid_text import LaidText

TEXT = "主办 姚家综合执法中队 ✓已签收"


def picture(draw) -> QImage:
    image = QImage(300, 40, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    with QPainter(image) as painter:
        painter.setPen(QColor("black"))
        draw(painter)
    return image


def inked_columns(image: QImage) -> set[int]:
    return {x for x in range(image.width()) for y in range(image.height()) if image.pixelColor(x, y) != QColor("white")}


def test_widths_and_cuts_are_the_font_metrics_own(qtbot):
    font = QApplication.font()
    laid, metrics = LaidText(font), QFontMetrics(font)
    assert laid.width(TEXT) == metrics.horizontalAdvance(TEXT)
    for width in (40, 90, 400):
        assert laid.elided(TEXT, width) == metrics.elidedText(TEXT, Qt.TextElideMode.ElideRight, width)
        assert laid.elided(TEXT, width) == laid.elided(TEXT, width)  # the kept one


def test_a_text_is_drawn_where_draw_text_puts_it_and_clipped_to_its_box(qtbot):
    laid = LaidText(QApplication.font())
    box = QRect(10, 5, 280, 30)
    shaped = picture(lambda p: laid.draw(p, box, TEXT))
    plain = picture(lambda p: (p.setFont(laid.font), p.drawText(box, Qt.AlignmentFlag.AlignVCenter, TEXT)))
    assert inked_columns(shaped) and inked_columns(shaped) == inked_columns(plain)
    narrow = QRect(10, 5, 60, 30)
    cut = inked_columns(picture(lambda p: laid.draw(p, narrow, TEXT)))
    assert cut and max(cut) <= narrow.right()
