"""The live event list's model: frozen ``EventRow`` snapshots, kept in the order of the sorted
column and through the filter bar's filter (``views/common/ordered_rows.py``: no sorting proxy).

Changes arrive as fresh snapshots from the feed pump (or the meeting's replay cursor). A known
event is replaced in place (``dataChanged``, or moved if its key changed); a new one is inserted
at its sorted place. Only the opening load resets the model, so selections, scroll position and
sorting survive every live change.
"""

from __future__ import annotations

from enum import IntEnum
from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFont

from commandroom.models.enums import Priority, Status
from commandroom.models.lifecycle import HELD
from commandroom.models.urgency import seconds, urgency_key
from commandroom.views.common import palette, timefmt
from commandroom.views.common.labels import label
from commandroom.views.common.one_call import OneCallPerCell
from commandroom.views.common.named_columns import Index
from commandroom.views.common.ordered_rows import OrderedRowsModel
from commandroom.views.events.event_filter import EventFilter

ROW_ROLE = Qt.ItemDataRole.UserRole + 2
"""The row's ``EventRow`` snapshot (for filters and, later, the detail pane)."""

_STATUS_ORDER = {status: n for n, status in enumerate(Status)}
_PRIORITY_ORDER = {priority: n for n, priority in enumerate(Priority)}  # the most urgent first
_NO_DUE = 10**12  # sorts events without a limit after every limited one


class Col(IntEnum):
    CODE = 0
    PRIORITY = 1
    STATUS = 2
    TITLE = 3
    CATEGORY = 4
    COMMUNITY = 5
    GRID = 6
    ADDRESS = 7
    SOURCE = 8
    LEAD_UNIT = 9
    RECEIVED = 10
    DUE = 11
    REMAINING = 12


HEADERS = {
    Col.CODE: QT_TRANSLATE_NOOP("EventTableModel", "事件编号"),
    Col.PRIORITY: QT_TRANSLATE_NOOP("EventTableModel", "紧急程度"),
    Col.STATUS: QT_TRANSLATE_NOOP("EventTableModel", "状态"),
    Col.TITLE: QT_TRANSLATE_NOOP("EventTableModel", "标题"),
    Col.CATEGORY: QT_TRANSLATE_NOOP("EventTableModel", "事件类别"),
    Col.COMMUNITY: QT_TRANSLATE_NOOP("EventTableModel", "社区"),
    Col.GRID: QT_TRANSLATE_NOOP("EventTableModel", "网格"),
    Col.ADDRESS: QT_TRANSLATE_NOOP("EventTableModel", "地址"),
    Col.SOURCE: QT_TRANSLATE_NOOP("EventTableModel", "来源"),
    Col.LEAD_UNIT: QT_TRANSLATE_NOOP("EventTableModel", "主办单位"),
    Col.RECEIVED: QT_TRANSLATE_NOOP("EventTableModel", "受理时间"),
    Col.DUE: QT_TRANSLATE_NOOP("EventTableModel", "处置时限"),
    Col.REMAINING: QT_TRANSLATE_NOOP("EventTableModel", "剩余时间"),
}

_DISPLAY, _FOREGROUND, _BACKGROUND, _FONT, _ALIGNMENT, _TOOLTIP = (role.value for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ToolTipRole))
_CENTRE = Qt.AlignmentFlag.AlignCenter
_COLS = tuple(Col)  # a column's number to its member: a tuple lookup, not Col(n) per cell
CLOCK_COLUMNS = (Col.RECEIVED, Col.DUE, Col.REMAINING)  # texts that read the model's clock
_CENTRED = {Col.PRIORITY, Col.STATUS, Col.RECEIVED, Col.DUE, Col.REMAINING}
_BOLD = QFont()
_BOLD.setBold(True)


def _group(row, now) -> int:
    """The urgency group: 0 overdue, 1 due soon, 2 other open, 3 finished."""
    if row.is_overdue(now):
        return 0
    if row.is_due_soon(now):
        return 1
    return 2 if row.is_open else 3


def _regrouped(row, before, now) -> bool:
    """``_group(row, before) != _group(row, now)`` for a row whose status did not change, found
    with a comparison or two for most rows: the minute's tick asks it of every row held (tens of
    thousands after a storm's reports: ~20 ms of the GUI thread when it was asked of each by
    computing both groups). A row changes group only when its limit is running and it passes
    the instant it turns overdue (after ``handle_due``) or due soon (``due_soon_from``)."""
    due = row.handle_due
    if due is None or due < before or row.status not in HELD:
        return False  # no limit, or overdue already at ``before`` (it stays so), or not running
    if due < now:
        return True  # it went overdue
    soon = row.due_soon_from()
    return soon is not None and before < soon <= now


class EventTableModel(OneCallPerCell, OrderedRowsModel):
    COLUMNS = Col
    HEADERS = HEADERS
    DEFAULT_SORT = (Col.REMAINING, Qt.SortOrder.AscendingOrder)  # what needs action first

    def __init__(self, clock=None, parent=None):
        super().__init__(clock, parent)
        self.filter = EventFilter()

    # --- Feeding the model -----------------------------------------------------------------
    def tick(self) -> None:
        """Move the model's clock on: countdowns and overdue tints follow when painted (the
        panel repaints its viewport). Only the rows whose urgency group changed (come due soon,
        gone overdue) are placed and filtered again: within a group the order does not change
        with time (the keys are instants, not time left)."""
        before = self._now
        self._now = self._clock.now()
        now = self._now
        # No limit, or overdue since before ``before``: asked inline, no call for most rows.
        self._settle([i for i, row in self._rows.items()
                      if row.handle_due is not None and row.handle_due >= before and _regrouped(row, before, now)])

    def accepts(self, row) -> bool:
        return self.filter.accepts(row, self._now)

    def filtering(self) -> bool:
        return self.filter.active

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        return self._cell(self._rows[self._ids[index.row()]], _COLS[index.column()], role)

    def cell_answer(self, index: Index):
        """A painted cell's row and column looked up once for all its roles (``one_call.py``:
        in the console the feed pump's thread holds the GIL, each call into Python waits)."""
        return partial(self._cell, self._rows[self._ids[index.row()]], _COLS[index.column()])

    def look(self, place: int, column: int) -> tuple:
        """What the painted cell at (``place``, ``column``) shows, in one call (the table's
        delegate, ``views/common/laid_cells.py``): (text, text colour or None, background or None, bold,
        centred) — the same answers as ``data``'s roles."""
        row, col = self._rows[self._ids[place]], _COLS[column]
        return (self._text(row, col), self._foreground(row, col),
                palette.OVERDUE_ROW if row.is_overdue(self._now) else None,
                self._bold(row, col), col in _CENTRED)

    def _cell(self, row, col: Col, role: int):
        # Roles as plain ints: compared for every role of every painted cell.
        if role == _DISPLAY:
            return self._text(row, col)
        if role == _FOREGROUND:
            return self._foreground(row, col)
        if role == _BACKGROUND:
            return palette.OVERDUE_ROW if row.is_overdue(self._now) else None
        if role == _FONT:
            return _BOLD if self._bold(row, col) else None
        if role == _ALIGNMENT:
            return _CENTRE if col in _CENTRED else None
        if role == ROW_ROLE:
            return row
        if role == _TOOLTIP:
            return self._tooltip(row, col)
        return None

    # --- Cells -----------------------------------------------------------------------------
    def _text(self, row, col: Col) -> str:
        match col:
            case Col.CODE:
                return row.code
            case Col.PRIORITY:
                return label(row.priority)
            case Col.STATUS:  # with the supervision alert, if any: "处置中 · 督办"
                return f"{label(row.status)} · {label(row.alert_level)}" if row.alert_level else label(row.status)
            case Col.TITLE:
                if row.contact_count > 1:  # merged reports: how many times it was raised
                    return row.title + self.tr("（{n}次反映）").format(n=row.contact_count)
                return row.title
            case Col.CATEGORY:
                return row.category_name or self.tr("待立案")
            case Col.COMMUNITY:
                return row.community_name
            case Col.GRID:
                return row.grid_name
            case Col.ADDRESS:
                return row.address
            case Col.SOURCE:
                return label(row.source)
            case Col.LEAD_UNIT:
                return row.lead_unit_name
            case Col.RECEIVED:
                return timefmt.stamp(row.received_at, self._now)
            case Col.DUE:
                return timefmt.stamp(row.handle_due, self._now)
            case Col.REMAINING:
                return timefmt.countdown(row.handle_due, self._now) if row.is_open else ""
        return ""

    def sort_key(self, row, column: int):
        """A column's key by meaning (lifecycle order, urgency, instants), not by its text.
        Instants, not time left: a key stays right as the clock moves (see ``tick``)."""
        match column:
            case Col.PRIORITY:
                return _PRIORITY_ORDER[row.priority]
            case Col.STATUS:
                return _STATUS_ORDER[row.status]
            case Col.RECEIVED:
                return seconds(row.received_at)
            case Col.DUE:
                if row.handle_due is None or not row.is_open:
                    return _NO_DUE
                return seconds(row.handle_due)
            case Col.REMAINING:
                return self._urgency(row)
        return self._text(row, Col(column))

    def key_function(self, column: int):
        if column == Col.REMAINING:
            return self._urgency
        return super().key_function(column)

    def _urgency(self, row) -> int:
        """What needs action first (the list's opening order, ascending): overdue events, the
        longest overdue first; then those due soon, the soonest first; then the other open
        events, newest first; then the finished ones, newest first. One integer per row: the
        group in the high digits, the order within it below (the limit's instant, or the
        reception's, newer smaller), so only a change of group moves a row as the clock runs."""
        return self._urgency_key(row)[0]

    def full_key_function(self, column: int, order: Qt.SortOrder):
        if column == Col.REMAINING and order == Qt.SortOrder.AscendingOrder:
            return self._urgency_key  # the opening order: a seek keys thousands of rows by it
        return None

    def _urgency_key(self, row) -> tuple:
        """The row's whole key (urgency, id) in the opening order (``models/urgency.py``: its
        instant-free parts kept with the row, only the group chosen at each call)."""
        return urgency_key(row, self._now)

    def _foreground(self, row, col: Col):
        if col == Col.STATUS:
            return palette.ALERT[row.alert_level] if row.alert_level else palette.STATUS[row.status]
        if col == Col.PRIORITY:
            return palette.PRIORITY[row.priority]
        if col == Col.REMAINING:
            if row.is_overdue(self._now):
                return palette.OVERDUE_TEXT
            if row.is_due_soon(self._now):
                return palette.DUE_SOON_TEXT
        if not row.is_open:
            return palette.FINISHED_TEXT
        return None

    @staticmethod
    def _bold(row, col: Col) -> bool:
        if col == Col.STATUS:
            return True
        return col in (Col.PRIORITY, Col.CODE) and row.priority == Priority.URGENT and row.is_open

    def _tooltip(self, row, col: Col) -> str | None:
        if col == Col.CATEGORY and row.category_code:
            return f"{row.category_class} / {row.category_name}（{row.category_code}）"
        if col in (Col.TITLE, Col.ADDRESS):
            return f"{row.title}\n{row.address}"
        if col in (Col.DUE, Col.REMAINING) and row.handle_due is not None:
            return self.tr("处置时限：{due}").format(due=row.handle_due.strftime("%Y-%m-%d %H:%M"))
        return None
