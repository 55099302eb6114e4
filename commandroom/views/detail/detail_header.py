"""The top of the detail: what the event is and where it stands, then every field.

The first line is read at a glance: code, status, urgency and the time left — overdue said in
words and with a mark, not by colour alone. The fields below are label/value pairs in three
columns (two or one in a narrow dock); long texts (description, result) wrap.
"""

from __future__ import annotations

from datetime import datetime
from html import escape

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from commandroom.models.enums import Status
from commandroom.models.lifecycle import HELD
from commandroom.models.privacy import mask_phone
from commandroom.views.common import palette, timefmt
from commandroom.views.common.labels import label
from commandroom.views.common.out_of_sight import out_of_sight

PAIRS_PER_ROW = 3  # at most: fewer in a narrow dock
MOST_FIELDS = 19  # an event's fields at most (``_pairs``: 15 always, 4 when it has them)


def _full(at: datetime | None) -> str:
    return at.strftime("%Y-%m-%d %H:%M") if at else "—"


class DetailHeader(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("detailHeader")
        self.headline = QLabel(self, objectName="detailHeadline")
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self.title = QLabel(self, objectName="detailTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.clock_line = QLabel(self, objectName="detailClock")
        self.clock_line.setTextFormat(Qt.TextFormat.RichText)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(3)
        self.values: dict[str, QLabel] = {}
        self._shape: list[tuple[str, bool]] = []  # (caption, long) of the labels shown
        self._cells: list[tuple[QLabel, QLabel, bool]] = []  # (name, value, long), in order
        # Every label pair made so far, reused for the next event's fields: a new label costs
        # its creation and its style's polish at its first showing, a click's worth of the GUI.
        self._pool: list[tuple[QLabel, QLabel]] = []
        for _ in range(MOST_FIELDS):  # made and styled with the dock, not at its first event
            self._pool.append(self._pair())
        self._refit = QTimer(self, singleShot=True, interval=0)
        self._refit.timeout.connect(lambda: self._fit_pairs(self.width()))
        self._per_row = PAIRS_PER_ROW  # pairs a row as placed
        self._needs: dict[int, int] = {}  # pairs a row -> the header's minimum width so
        self._fitted_width: int | None = None  # the width the arrangement was chosen for
        # Per set of fields: their minimum widths and the arrangement chosen at each width, so
        # the next event of the same kind is shown without measuring again (a click in a storm).
        self._memo: dict[tuple, tuple[dict[int, int], dict[int, int]]] = {}
        self._choices: dict[int, int] = {}  # width -> pairs a row, for the fields shown
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(4)
        layout.addWidget(self.headline)
        layout.addWidget(self.title)
        layout.addWidget(self.clock_line)
        layout.addLayout(self.grid)

    def _pair(self) -> tuple[QLabel, QLabel]:
        """A field's name and value labels, out of sight until placed."""
        name = QLabel(self, objectName="fieldName")
        text = QLabel(self, objectName="fieldValue")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for widget in (name, text):
            widget.hide()
            widget.ensurePolished()
        return name, text

    def show_loading(self) -> None:
        self.headline.setText(self.tr("正在读取…"))
        self.title.clear()
        self.clock_line.clear()

    def show_gone(self, event_id: int) -> None:
        self.headline.setText(self.tr("事件 #{id} 已不在本街道").format(id=event_id))
        self.title.clear()
        self.clock_line.clear()
        self._fill([])

    def show_detail(self, d, now: datetime) -> None:
        status_colour = palette.STATUS.get(d.status)
        prio_colour = palette.PRIORITY[d.priority]
        self.headline.setText(
            f"<span style='font-size:15pt; font-weight:bold'>{escape(d.code)}</span>"
            f"&nbsp;&nbsp;<span style='color:{status_colour.name() if status_colour else '#455a64'};"
            f" font-weight:bold'>{escape(label(d.status))}</span>"
            f"&nbsp;&nbsp;<span style='color:{prio_colour.name()}'>{escape(label(d.priority))}</span>"
            + (f"&nbsp;&nbsp;<span style='color:#6a1b9a'>{escape(self.tr('街呼区应'))}</span>" if d.escalated else ""))
        self.title.setText(d.title)
        clock = self._clock_text(d, now)
        self.clock_line.setText(clock)
        if self.clock_line.isHidden() == bool(clock):  # empty (a report not yet registered): no gap
            self.clock_line.setVisible(bool(clock))
        self._fill(self._pairs(d))

    def _clock_text(self, d, now: datetime) -> str:
        if d.status in HELD and d.handle_due is not None:
            if now > d.handle_due:
                text = self.tr("⚠ 已超期 {span}（处置时限 {due}）").format(
                    span=timefmt.span((now - d.handle_due).total_seconds()), due=_full(d.handle_due))
                return f"<b style='color:{palette.OVERDUE_TEXT.name()}'>{escape(text)}</b>"
            text = self.tr("处置时限 {due}，{left}").format(due=_full(d.handle_due),
                                                        left=timefmt.countdown(d.handle_due, now))
            if d.status == Status.DISPATCHED and d.response_due is not None:
                text += self.tr("；须在 {due} 前签收").format(due=_full(d.response_due))
            return escape(text)
        if d.closed_at is not None:
            verdict = "" if d.on_time is None else (self.tr("，按期") if d.on_time else self.tr("，超期"))
            return escape(self.tr("办结于 {at}{verdict}").format(at=_full(d.closed_at), verdict=verdict))
        return ""

    def _pairs(self, d) -> list[tuple[str, str]]:
        units = "、".join(f"{p.unit_name}（{label(p.role)}）" for p in d.parts if p.active)
        reporter = " ".join(x for x in (d.reporter_name, mask_phone(d.reporter_phone)) if x)
        pairs = [
            (self.tr("来源"), label(d.source)),
            (self.tr("类别"), d.category_name or self.tr("未立案")),
            (self.tr("社区/网格"), " / ".join(x for x in (d.community_name, d.grid_name) if x) or "—"),
            (self.tr("地址"), d.address or "—"),
            (self.tr("反映人"), reporter or "—"),
            (self.tr("处置单位"), units or "—"),
            (self.tr("受理"), _full(d.received_at)),
            (self.tr("派遣"), _full(d.dispatched_at)),
            (self.tr("签收"), _full(d.acknowledged_at)),
            (self.tr("反馈"), _full(d.resolved_at)),
            (self.tr("核查"), _full(d.verified_at)),
            (self.tr("结案"), _full(d.closed_at)),
            (self.tr("流转/返工/延期"), f"{d.transfer_count} / {d.rework_count} / {d.extension_count}"),
            (self.tr("来源报告"), str(d.contact_count)),
            (self.tr("满意度"), label(d.satisfaction) if d.satisfaction else "—"),
        ]
        if d.taken_by:
            pairs.append((self.tr("接手"), f"{d.taken_by}（{d.taken_console}）"))
        if d.reject_reason:
            pairs.append((self.tr("不予立案理由"), d.reject_reason))
        if d.answer:
            pairs.append((self.tr("答复"), d.answer))
        if d.description and d.description != d.title:
            pairs.append((self.tr("描述"), d.description))
        return pairs

    def _fill(self, pairs: list[tuple[str, str]]) -> None:
        """The pairs' labels: their texts set in place when the same fields come in the same
        shape (the watched event touched again: a report added, a step taken), placed anew only
        when the fields change, from labels made before where there are enough. Each new label
        is shown by a posted call that lays the whole dock out again: ~30 of them took 100 ms
        and more of the GUI thread in a storm."""
        shape = [(caption, len(value) > 40) for caption, value in pairs]
        if shape == self._shape:
            for caption, value in pairs:
                self.values[caption].setText(value)
            return
        self._shape = shape
        self.values = {}
        with out_of_sight(self):
            for name, text, _long in self._cells:
                self.grid.removeWidget(name)
                self.grid.removeWidget(text)
            while len(self._pool) < len(pairs):
                self._pool.append(self._pair())
            self._cells = []
            for (name, text), (caption, value) in zip(self._pool, pairs):
                name.setText(caption)
                text.setText(value)
                self._cells.append((name, text, len(value) > 40))
                self.values[caption] = text
            for name, text in self._pool[len(pairs):]:  # out of the grid: out of sight
                name.hide()
                text.hide()
            self._needs, self._choices = self._memo.setdefault(tuple(shape), ({}, {}))
            self._fitted_width = None
            self._place(self._choices.get(self.width(), self._per_row))
        # A new set of fields is measured one turn later, not in the call that shows the event
        # (a storm's first report: the showing is the longest stall of the GUI).
        self._refit.start()
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        """As narrow as one pair a row: the dock may be made that narrow, and the pairs follow
        (the arrangement shown now would hold the dock at three pairs' width)."""
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self._needs.get(1, hint.width())), hint.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # Fitted a turn later, once for the width the resizes end at: one layout pass resizes the
        # header several times (the scroll bar comes and goes), and each measure is milliseconds.
        self._refit.start()

    def _fit_pairs(self, width: int) -> None:
        """Of the arrangements that fit the width (a narrow dock: two or one pair a row, never a
        clipped value), the shortest: three narrow columns can wrap an address over five lines
        where two columns take three. Judged by Qt's own measures of each arrangement."""
        if width == self._fitted_width or not self._cells:
            return
        self._fitted_width = width
        best = self._choices.get(width) or self._choose(width)
        if best != self._per_row:
            self._place(best)

    def _choose(self, width: int) -> int:
        fits = [n for n in range(PAIRS_PER_ROW, 0, -1) if self._width_for(n) <= width] or [1]
        best, line = fits[0], self.fontMetrics().height()
        if len(fits) > 1:
            best_height = self._height_for(best, width)
            for n in fits[1:]:  # fewer a row only to save a line at least
                height = self._height_for(n, width)
                if height < best_height - line:
                    best, best_height = n, height
        self._choices[width] = best
        return best

    def _width_for(self, per_row: int) -> int:
        """The header's minimum width with ``per_row`` pairs a row, once for each set of fields."""
        if per_row not in self._needs:
            self._arrange(per_row)
            self._needs[per_row] = self.layout().minimumSize().width()
        return self._needs[per_row]

    def _height_for(self, per_row: int, width: int) -> int:
        self._arrange(per_row)
        return self.layout().heightForWidth(width)

    def _arrange(self, per_row: int) -> None:
        """Placed so, to be measured: the layout's cached sizes are the last arrangement's until
        it is invalidated."""
        if per_row != self._per_row:
            self._place(per_row)
        self.layout().invalidate()

    def _place(self, per_row: int) -> None:
        """The labels into the grid, ``per_row`` pairs a row; a long value takes a row of its own."""
        self._per_row = per_row
        for name, text, _long in self._cells:
            self.grid.removeWidget(name)
            self.grid.removeWidget(text)
        row = col = 0
        for name, text, long in self._cells:
            if long and col:
                row, col = row + 1, 0
            if name.isHidden():  # pooled labels out of the grid were hidden
                name.show()
                text.show()
            self.grid.addWidget(name, row, col * 2, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
            self.grid.addWidget(text, row, col * 2 + 1, 1, per_row * 2 - 1 if long else 1, Qt.AlignmentFlag.AlignTop)
            if long:
                row, col = row + 1, 0
            else:
                col += 1
                if col == per_row:
                    row, col = row + 1, 0
        for c in range(PAIRS_PER_ROW):
            self.grid.setColumnStretch(c * 2 + 1, 1 if c < per_row else 0)
