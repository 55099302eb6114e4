"""How a unit card looks in the units panel: name and type, status, people on duty, open load
and overdue count; an off-duty unit is greyed and says so in words. While cards are dragged over
it, the card under the pointer is outlined: blue if it takes the drop, red if it refuses."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from commandroom.models.enums import UnitStatus, UnitType
from commandroom.views.board import look
from commandroom.views.board.unit_model import UNIT_ROLE
from commandroom.views.common import palette

translate = QCoreApplication.translate

UNIT_SIZE = QSize(176, 70)  # two columns beside five readable lanes at 1920 px

# lupdate reads literals only: the types' and statuses' labels, spelled out.
_TYPES = {
    UnitType.OFFICE: QT_TRANSLATE_NOOP("UnitCard", "街道办公室"),
    UnitType.SERVICE_CENTRE: QT_TRANSLATE_NOOP("UnitCard", "服务中心"),
    UnitType.RESIDENT_UNIT: QT_TRANSLATE_NOOP("UnitCard", "派驻机构"),
    UnitType.DISTRICT_DEPARTMENT: QT_TRANSLATE_NOOP("UnitCard", "区级部门"),
    UnitType.COMMUNITY_COMMITTEE: QT_TRANSLATE_NOOP("UnitCard", "社区居委会"),
}
_STATUSES = {
    UnitStatus.ON_DUTY: QT_TRANSLATE_NOOP("UnitCard", "在岗"),
    UnitStatus.BUSY: QT_TRANSLATE_NOOP("UnitCard", "繁忙"),
    UnitStatus.OFF_DUTY: QT_TRANSLATE_NOOP("UnitCard", "离岗"),
}


def status_text(status: UnitStatus) -> str:
    return translate("UnitCard", _STATUSES[status])


def type_text(kind: UnitType) -> str:
    return translate("UnitCard", _TYPES[kind])


class UnitDelegate(QStyledItemDelegate):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.hover: tuple[int, bool] | None = None  # (unit id under a drag, whether it takes it)
        self._bold = QFont(QApplication.font())
        self._bold.setBold(True)

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        return UNIT_SIZE

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        unit: UnitCard = index.data(UNIT_ROLE)
        if unit is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(option.rect).adjusted(3, 3, -3, -3)
        off = unit.status == UnitStatus.OFF_DUTY
        border, width = look.CARD_BORDER, 1
        if self.hover is not None and self.hover[0] == unit.id:
            border, width = (look.DROP_TARGET if self.hover[1] else look.REFUSED_TARGET), 3
        elif option.state & QStyle.StateFlag.State_Selected:
            border, width = look.SELECTED_BORDER, 2
        painter.setPen(QPen(border, width))
        painter.setBrush(look.OFF_DUTY_FILL if off else look.CARD_FILL)
        painter.drawRoundedRect(rect, 4, 4)

        inner = rect.toRect().adjusted(8, 5, -8, -5)
        line = inner.height() // 3
        status_colour = look.UNIT_STATUS[unit.status]
        fm = QFontMetrics(self._bold)
        status = status_text(unit.status)
        status_w = QFontMetrics(option.font).horizontalAdvance(status) + 12
        painter.setFont(self._bold)
        painter.setPen(look.MUTED if off else look.TEXT)
        painter.drawText(QRect(inner.left(), inner.top(), inner.width() - status_w, line), Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(unit.name, Qt.TextElideMode.ElideRight, inner.width() - status_w))
        look.paint_chip(painter, QRectF(inner.right() - status_w + 4, inner.top() + 2, status_w - 4, line - 4),
                        status, status_colour, option.font)
        painter.setFont(option.font)

        painter.setPen(look.MUTED)
        kind = type_text(unit.type)
        painter.drawText(QRect(inner.left(), inner.top() + line, inner.width(), line), Qt.AlignmentFlag.AlignVCenter,
                         translate("UnitCard", "{type} · 在岗 {n} 人").format(type=kind, n=unit.on_duty))
        load = translate("UnitCard", "在办 {n}").format(n=unit.open_load)
        painter.setPen(look.TEXT if not off else look.MUTED)
        third = QRect(inner.left(), inner.top() + 2 * line, inner.width(), line)
        painter.drawText(third, Qt.AlignmentFlag.AlignVCenter, load)
        if unit.overdue:
            painter.setPen(palette.OVERDUE_TEXT)
            painter.setFont(self._bold)
            x = inner.left() + QFontMetrics(option.font).horizontalAdvance(load) + 14
            painter.drawText(QRect(x, third.top(), inner.right() - x, line), Qt.AlignmentFlag.AlignVCenter,
                             translate("UnitCard", "⚠ 超时 {n}").format(n=unit.overdue))
        painter.restore()
