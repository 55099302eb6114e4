"""How an event card looks on the board.

    ┌▌YJ20261121-0042   [紧急]                        ┐
    │▌占道经营 · 燕翔社区1号院                          │
    │▌主办 综合执法中队 ✓已签收   协办 环卫所 ○未签收   │
    └▌剩 5时20分 ▬▬▬▬▬▬▬▬▬▬▬▬▬░░░░░░  or  [⚠ 超时 1时20分] 时限 11-21 08:00 ┘

The left stripe is the priority's colour. The countdown and its bar are coloured by the share of
the limit used (green, amber past half, orange past 80 %, red past the limit). An overdue card
(or one not signed for by its response time) carries instead a badge with a warning icon and
the words, then the limit it passed, so it stands out without colour. Each unit's part shows whether it has signed (✓) or not (○).
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from commandroom.models.enums import Lane
from commandroom.models.enums import AssignmentRole, Priority
from commandroom.views.board import look
from commandroom.views.board.laid_text import LaidText
from commandroom.views.board.lane_model import CARD_ROLE
from commandroom.views.common import palette, timefmt
from commandroom.views.common.labels import label

translate = QCoreApplication.translate

CARD_HEIGHT = 104
PICTURES = 600  # cards kept drawn: a few screens of every lane
MIN_WIDTH = 160
PAD = 8
STRIPE = 5


def limit_share(card: BoardCard, now: datetime) -> float | None:
    """The share of the handling limit used (1.0 at the due time), or None without a limit."""
    if card.dispatched_at is None or card.handle_due is None:
        return None
    total = (card.handle_due - card.dispatched_at).total_seconds()
    if total <= 0:
        return 1.0
    return (now - card.dispatched_at).total_seconds() / total


def late_text(card: BoardCard, now: datetime) -> str:
    """The overdue badge's words, or '' for a card on time."""
    if card.is_overdue(now):
        return translate("BoardCard", "超时 {span}").format(span=timefmt.span((now - card.handle_due).total_seconds()))
    if card.is_response_late(now):
        return translate("BoardCard", "超时未签收")
    return ""


def limit_words(metrics: QFontMetrics | LaidText, due: datetime, now: datetime, room: int) -> str:
    """The limit a late card passed, as its lane's width allows: "时限 11-21 13:00", in a narrow
    lane the time alone, and nothing where not even that fits — never a cut time ("11-21 13:"
    reads as another one); the badge beside it already says how late."""
    width = metrics.width if isinstance(metrics, LaidText) else metrics.horizontalAdvance
    for text in (translate("BoardCard", "时限 {due}").format(due=timefmt.stamp(due, now)), timefmt.stamp(due, now)):
        if width(text) <= room:
            return text
    return ""


class CardDelegate(QStyledItemDelegate):
    def __init__(self, now, parent=None):
        super().__init__(parent)
        self._now = now  # a callable: the board's clock
        base = QApplication.font()
        self._bold = QFont(base)
        self._bold.setBold(True)
        self._small = QFont(base)
        self._small.setPointSizeF(base.pointSizeF() * 0.9)
        self._pictures: OrderedDict[tuple, QPixmap] = OrderedDict()  # the most recently drawn cards
        # What cards share, made once: their texts shaped (per font), their frames, chips and
        # the warning icon drawn (a card's first drawing is then mostly glyphs and copies).
        self._texts: dict[str, LaidText] = {}
        self._bold_text, self._small_text = LaidText(self._bold), LaidText(self._small)
        self._pieces: dict[tuple, QPixmap] = {}
        self.drawn = 0  # cards drawn so far, not copied from their pictures (the bench counts them)

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        # A list in list mode stretches each item to its viewport: the width here is a minimum.
        return QSize(MIN_WIDTH, CARD_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        card: BoardCard = index.data(CARD_ROLE)
        if card is None:
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        picture = self._picture(card, option, selected, painter.device().devicePixelRatioF())
        painter.drawPixmap(option.rect.topLeft(), picture)

    def warm(self, view, rows: range) -> None:
        """Draw the pictures of these rows of ``view`` that are not drawn yet (an idle turn's
        work: the rows a narrower filter or a scroll brings into view next)."""
        model, selection = view.model(), view.selectionModel()
        option = QStyleOptionViewItem()
        option.font = view.font()
        ratio = view.viewport().devicePixelRatioF()
        for row in rows:
            index = model.index(row, 0)
            card = index.data(CARD_ROLE)
            if card is not None:
                option.rect = view.visualRect(index)
                self._picture(card, option, selection is not None and selection.isSelected(index), ratio)

    def _picture(self, card: BoardCard, option: QStyleOptionViewItem, selected: bool, ratio: float) -> QPixmap:
        """The card drawn at the option's size. Drawing a card's Chinese text costs ~1 ms; a card
        repainted unchanged (scrolling, a neighbour's change, a drag passing over, a filter that
        shows it again) is drawn from its picture instead."""
        now = self._now()
        key = (card, option.rect.width(), option.rect.height(), selected, now.replace(second=0, microsecond=0), ratio)
        picture = self._pictures.get(key)
        if picture is None:
            picture = QPixmap((QSizeF(option.rect.size()) * ratio).toSize())
            picture.setDevicePixelRatio(ratio)
            picture.fill(Qt.GlobalColor.transparent)
            with QPainter(picture) as inner:
                local = QStyleOptionViewItem(option)
                local.rect = QRect(QPoint(0, 0), option.rect.size())
                self._draw(inner, card, local, now, selected)
            self._pictures[key] = picture
            self.drawn += 1
            if len(self._pictures) > PICTURES:
                self._pictures.popitem(last=False)
        else:
            self._pictures.move_to_end(key)
        return picture

    def _text(self, font: QFont) -> LaidText:
        laid = self._texts.get(font.key())
        if laid is None:
            laid = self._texts[font.key()] = LaidText(font)
        return laid

    def _piece(self, key: tuple, size: QSize, ratio: float, draw) -> QPixmap:
        """A drawn piece many cards share (a frame, a chip), made once: ``draw(painter, rect)``."""
        piece = self._pieces.get(key)
        if piece is None:
            if len(self._pieces) > PICTURES:
                self._pieces.clear()
            piece = self._pieces[key] = QPixmap((QSizeF(size) * ratio).toSize())
            piece.setDevicePixelRatio(ratio)
            piece.fill(Qt.GlobalColor.transparent)
            with QPainter(piece) as inner:
                inner.setRenderHint(QPainter.RenderHint.Antialiasing)
                draw(inner, QRectF(0, 0, size.width(), size.height()))
        return piece

    def _frame(self, painter: QPainter, card, rect: QRect, selected: bool, late: bool) -> None:
        """The card's rounded frame and its priority stripe (one copy of a shared picture)."""
        def draw(inner: QPainter, whole: QRectF) -> None:
            body = whole.adjusted(4, 3, -4, -3)
            inner.setPen(QPen(look.SELECTED_BORDER if selected else look.CARD_BORDER, 2 if selected else 1))
            inner.setBrush(look.SELECTED_FILL if selected else (look.LATE_FILL if late else look.CARD_FILL))
            inner.drawRoundedRect(body, 4, 4)
            inner.fillRect(QRectF(body.left(), body.top(), STRIPE, body.height()), palette.PRIORITY[card.priority])

        ratio = painter.device().devicePixelRatioF()
        key = ("frame", rect.width(), rect.height(), selected, late, card.priority, ratio)
        painter.drawPixmap(rect.topLeft(), self._piece(key, rect.size(), ratio, draw))

    def _draw(self, painter: QPainter, card, option: QStyleOptionViewItem, now: datetime, selected: bool) -> None:
        painter.save()
        late = late_text(card, now)
        self._frame(painter, card, option.rect, selected, bool(late))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)  # the badge and the countdown's bar
        rect = QRectF(option.rect).adjusted(4, 3, -4, -3)
        inner = rect.toRect().adjusted(STRIPE + PAD, PAD - 2, -PAD, -PAD + 2)
        line = self._bold_text.metrics.height() + 3
        self._first_line(painter, card, QRect(inner.left(), inner.top(), inner.width(), line))
        painter.setPen(look.TEXT)
        what = f"{card.category_name or translate('BoardCard', '未分类')} · {card.grid_name or card.community_name}"
        text = self._text(option.font)
        text.draw(painter, QRect(inner.left(), inner.top() + line, inner.width(), line), text.elided(what, inner.width()))
        self._parts(painter, card, QRect(inner.left(), inner.top() + 2 * line, inner.width(), line))
        self._countdown(painter, card, now, QRect(inner.left(), inner.top() + 3 * line, inner.width(), line), late)
        painter.restore()

    # --- Pieces ---------------------------------------------------------------------------------
    def _first_line(self, painter: QPainter, card: BoardCard, box: QRect) -> None:
        painter.setPen(look.TEXT)
        self._bold_text.draw(painter, box, card.code)
        x = box.left() + self._bold_text.width(card.code) + 8
        if card.priority != Priority.NORMAL:
            x = self._chip(painter, x, box, label(card.priority), palette.PRIORITY[card.priority])
        if card.escalated:
            x = self._chip(painter, x, box, translate("BoardCard", "街呼区应"), look.ESCALATED)
        if card.alert_level:  # the scheduler's supervision level (预警 / 催办 / 督办 …)
            x = self._chip(painter, x, box, label(card.alert_level), palette.ALERT[card.alert_level])

    def _chip(self, painter: QPainter, x: int, box: QRect, text: str, colour: QColor) -> int:
        size = QSize(self._small_text.width(text) + 10, box.height() - 4)
        ratio = painter.device().devicePixelRatioF()
        chip = self._piece(("chip", text, colour.rgba(), size.height(), ratio), size, ratio,
                           lambda inner, rect: look.paint_chip(inner, rect, text, colour, self._small))
        painter.drawPixmap(QPoint(x, box.top() + 2), chip)
        return x + size.width() + 6

    def _badge(self, painter: QPainter, box: QRect, text: str) -> int:
        """The overdue mark: a warning icon and the words on a red badge; returns its right end."""
        icon_size = box.height() - 4
        width = self._small_text.width(text) + icon_size + 14
        badge = QRectF(box.left(), box.top() + 1, width, box.height() - 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.OVERDUE_TEXT)
        painter.drawRoundedRect(badge, 3, 3)
        ratio = painter.device().devicePixelRatioF()
        icon = self._piece(("warning", icon_size, ratio), QSize(icon_size, icon_size), ratio,
                           lambda inner, rect: QApplication.style().standardIcon(
                               QStyle.StandardPixmap.SP_MessageBoxWarning).paint(inner, rect.toRect()))
        painter.drawPixmap(QPoint(int(badge.left()) + 4, box.top() + 2), icon)
        painter.setPen(look.ON_COLOUR)
        self._small_text.draw(painter, badge.adjusted(icon_size + 8, 0, -4, 0).toRect(), text)
        return int(badge.right())

    def _parts(self, painter: QPainter, card: BoardCard, box: QRect) -> None:
        small = self._small_text
        if not card.parts:
            painter.setPen(look.MUTED)
            small.draw(painter, box, small.elided(translate("BoardCard", "待派遣：拖到右侧单位，或按 D"), box.width()))
            return
        x = box.left()
        for part in card.parts:
            role = translate("BoardCard", "主办") if part.role == AssignmentRole.LEAD else translate("BoardCard", "协办")
            mark = translate("BoardCard", "✓已签收") if part.acknowledged else translate("BoardCard", "○未签收")
            text = f"{role} {part.unit_name} {mark}"
            width = small.width(text)
            if x == box.left() and width > box.width():  # a narrow lane: the lead's unit, cut, not a bare "…"
                painter.setPen(look.SIGNED if part.acknowledged else look.UNSIGNED)
                small.draw(painter, box, small.elided(text, box.width()))
                break
            if x + width > box.right():
                painter.setPen(look.MUTED)
                small.draw(painter, QRect(x, box.top(), box.right() - x, box.height()), "…")
                break
            painter.setPen(look.SIGNED if part.acknowledged else look.UNSIGNED)
            small.draw(painter, QRect(x, box.top(), width + 1, box.height()), text)
            x += width + 12

    def _countdown(self, painter: QPainter, card: BoardCard, now: datetime, box: QRect, late: str) -> None:
        share = limit_share(card, now)
        small = self._small_text
        if late:  # the badge, then the limit it passed
            x = self._badge(painter, box, late) + 8
            painter.setPen(palette.OVERDUE_TEXT)
            due = card.handle_due if card.is_overdue(now) else card.response_due
            text = limit_words(small, due, now, box.right() - x)
            if text:
                small.draw(painter, QRect(x, box.top(), max(box.right() - x, 0), box.height()), text)
            return
        if share is None or card.lane in (Lane.TO_VERIFY, Lane.TO_CLOSE):
            # Off the unit's clock (with the room again): no countdown; transfers still tell.
            if card.transfer_count:
                painter.setPen(look.MUTED)
                small.draw(painter, box, translate("BoardCard", "流转 {n} 次").format(n=card.transfer_count))
            return
        colour = look.share_colour(share)
        text = timefmt.countdown(card.handle_due, now)
        painter.setPen(colour)
        small.draw(painter, box, text)
        bar_left = box.left() + max(small.width(text) + 10, 90)
        bar = QRectF(bar_left, box.center().y() - 3, max(box.right() - bar_left, 10), 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(look.BAR_TRACK)
        painter.drawRoundedRect(bar, 3, 3)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(bar.left(), bar.top(), bar.width() * min(max(share, 0.0), 1.0), bar.height()), 3, 3)
