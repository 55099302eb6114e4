"""The live event list's model: event ids in arrival order plus a cache of frozen row snapshots.

Changes arrive as fresh ``EventRow`` snapshots from the feed pump. A known event is replaced in
place and announced with ``dataChanged`` for its row; a new one is appended between
``beginInsertRows``/``endInsertRows``. Only the opening load resets the model, so selections,
scroll position and sorting survive every live change.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFont

from commandroom.models.enums import Priority, Status
from commandroom.models.lifecycle import HELD
from commandroom.views.common import palette, timefmt
from commandroom.views.common.labels import label
from commandroom.views.common.runs import runs
from commandroom.views.common.live_rows import Index, LiveRowsModel
from commandroom.views.common.runs import runs

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""A key that sorts the column by meaning (lifecycle order, urgency, time), not by its text."""
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
"""The row's ``EventRow`` snapshot (for filters and, later, the detail pane)."""

_STATUS_ORDER = {status: n for n, status in enumerate(Status)}
_PRIORITY_ORDER = {priority: n for n, priority in enumerate(Priority)}  # the most urgent first
_NO_DUE = 10**12  # sorts events without a limit after every limited one
_SPAN = 10**10  # seconds: wider than any time left or any timestamp (the urgency key's groups)


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


class EventTableModel(LiveRowsModel):
    COLUMNS = Col
    HEADERS = HEADERS

    # --- Feeding the model -----------------------------------------------------------------
    def upsert(self, rows: Iterable) -> tuple[int, int]:
        """Replace known rows in place, append new ones; returns (inserted, changed)."""
        new, changed = self._store(rows)
        return len(new), changed

    def tick(self) -> None:
        """Move the model's clock on: countdowns and overdue tints follow when painted
        (``LiveRowsModel._tick``). Only the rows whose urgency group changed (come due soon,
        gone overdue) get a dataChanged, so the proxy re-sorts and re-filters those alone:
        within a group the order does not change with time (every countdown moves alike), and
        re-sorting a storm's tens of thousands of rows through Python each minute held the GUI
        for seconds."""
        before = self._now
        self._tick()
        moved = [self._pos[i] for i, row in self._rows.items()
                 if row.handle_due is not None and row.status in HELD  # a limit is running
                 and _group(row, before) != _group(row, self._now)]
        last_col = len(Col) - 1
        for first, last in runs(moved):
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_col))

    def follow_clock(self, regrouped: Iterable[int] = ()) -> None:
        """A replay's clock moved (many times a second). No dataChanged for the time cells:
        the view re-reads the cells it paints (the caller repaints it), and a dataChanged over
        every row would have the proxy filter every row again, in Python, at every frame. Only
        the ``regrouped`` rows (moved into another urgency group by the clock) are said to
        change, so the proxy re-sorts those; within a group the keys all shift alike."""
        self._now = self._clock.now()
        last = len(self.COLUMNS) - 1
        for first, end in runs(self._pos[i] for i in regrouped if i in self._pos):
            self.dataChanged.emit(self.index(first, 0), self.index(end, last))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[self._ids[index.row()]]
        col = Col(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col)
        if role == SORT_ROLE:
            return self._sort_key(row, col)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, col)
        if role == Qt.ItemDataRole.BackgroundRole:
            return palette.OVERDUE_ROW if row.is_overdue(self._now) else None
        if role == Qt.ItemDataRole.FontRole:
            urgent = row.priority == Priority.URGENT and row.is_open
            return _BOLD if (urgent and col in (Col.PRIORITY, Col.CODE)) or col == Col.STATUS else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in _CENTRED:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def sort_key_at(self, row: int, column: int):
        return self._sort_key(self._rows[self._ids[row]], Col(column))

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

    def _sort_key(self, row, col: Col):
        match col:
            case Col.PRIORITY:
                return _PRIORITY_ORDER[row.priority]
            case Col.STATUS:
                return _STATUS_ORDER[row.status]
            case Col.RECEIVED:
                return row.received_at.isoformat()
            case Col.DUE:
                if row.handle_due is None or not row.is_open:
                    return _NO_DUE
                return int((row.handle_due - self._now).total_seconds())
            case Col.REMAINING:
                return self._urgency(row)
        return self._text(row, col)

    def _urgency(self, row) -> int:
        """What needs action first (the list's opening order, ascending): overdue events, the
        longest overdue first; then those due soon, the soonest first; then the other open
        events, newest first; then the finished ones, newest first. One integer per row, so the
        proxy compares numbers: the group in the high digits, the order within it below."""
        group = _group(row, self._now)
        if group < 2:
            within = int((row.handle_due - self._now).total_seconds()) + _SPAN
        else:
            within = _SPAN - int(row.received_at.timestamp())  # newer: smaller
        return group * 2 * _SPAN + within

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

    def _tooltip(self, row, col: Col) -> str | None:
        if col == Col.CATEGORY and row.category_code:
            return f"{row.category_class} / {row.category_name}（{row.category_code}）"
        if col in (Col.TITLE, Col.ADDRESS):
            return f"{row.title}\n{row.address}"
        if col in (Col.DUE, Col.REMAINING) and row.handle_due is not None:
            return self.tr("处置时限：{due}").format(due=row.handle_due.strftime("%Y-%m-%d %H:%M"))
        return None
