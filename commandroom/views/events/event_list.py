"""The live event list: filter bar, sortable table, shown/total count.

It is fed snapshots (``load`` once, then ``apply_changes``) and keeps the duty officer's place:
selection, scroll position, sort and filters survive every live change.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QItemSelection, QItemSelectionModel, Qt, Signal, Slot
from PySide6.QtGui import QFont, QFontMetrics, QRegion
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QVBoxLayout, QWidget

from commandroom.models.clock import Clock
from commandroom.models.enums import Priority, Source, Status
from commandroom.views.common.labels import label
from commandroom.views.common.laid_cells import LaidCellDelegate
from commandroom.views.common.quiet_table import QuietTable
from commandroom.views.common.selection import Selection
from commandroom.views.common.slices import Slices
from commandroom.views.common.style import CELL_MARGIN
from commandroom.views.events.event_table_model import CLOCK_COLUMNS, Col, EventTableModel
from commandroom.views.events.filter_bar import FilterBar

# Opening widths in pixels at 96 dpi, sized for the texts they hold; the header remembers the
# officer's own widths between runs.
_WIDTHS = {
    Col.CODE: 132, Col.PRIORITY: 72, Col.STATUS: 124, Col.TITLE: 250, Col.CATEGORY: 118,
    Col.COMMUNITY: 96, Col.GRID: 130, Col.ADDRESS: 230, Col.SOURCE: 86, Col.LEAD_UNIT: 130,
    Col.RECEIVED: 96, Col.DUE: 96, Col.REMAINING: 100,
}

_ENUM_COLUMNS = {Col.STATUS: Status, Col.PRIORITY: Priority, Col.SOURCE: Source}


class EventListPanel(QWidget):
    # --- Signals ---------------------------------------------------------------------------
    sig_populated = Signal(int)
    """The opening snapshot is in the table (with the number of events); the list is usable."""

    sig_new_events = Signal(list)
    """Events that were not in the list before arrived from the feed (their ``EventRow``s)."""

    def __init__(self, clock: Clock | None = None, parent=None, *, selection: Selection | None = None):
        super().__init__(parent)
        self.setObjectName("eventList")
        self.selection = selection or Selection(self)
        self.model = EventTableModel(clock, self)
        self._slices = Slices(self._apply_slice, parent=self)
        self.filters = FilterBar(self.model, self)
        # A storm's new reports land mostly below what the officer sees: no repaint for them.
        self.table = QuietTable(self, objectName="eventTable")
        self.loaded = False
        self._setup_table()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)

        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset,
                       self.model.layoutChanged):
            signal.connect(self._update_count)
        self._update_count()
        self._following = False  # True while showing the shared selection (do not echo it)
        self.table.selectionModel().selectionChanged.connect(self._table_selection_changed)
        self.selection.sig_selected.connect(self._follow_selection)

    def _setup_table(self) -> None:
        table = self.table
        table.setModel(self.model)  # it sorts and filters itself: no proxy (ordered_rows.py)
        table.setItemDelegate(LaidCellDelegate(self.model, table))  # texts laid out once
        table.setSortingEnabled(True)  # a header click asks the model to sort
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setShowGrid(False)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(max(24, table.fontMetrics().height() + 10))
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for col, width in _WIDTHS.items():
            table.setColumnWidth(col, max(width, self._needed_width(col)))
        # Title and address share whatever width is left: the texts that are read, not scanned.
        for col in (Col.TITLE, Col.ADDRESS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        # What needs action first: overdue, then due soon, then the newest open events, finished
        # ones last (the time-left column sorts by urgency; see EventTableModel._urgency).
        table.sortByColumn(Col.REMAINING, Qt.SortOrder.AscendingOrder)

    def _needed_width(self, col: Col) -> int:
        """Wide enough for the header and, for enum columns, every label (in this language)."""
        bold = QFont(self.table.font())
        bold.setBold(True)
        texts = [self.model.headerData(col, Qt.Orientation.Horizontal)]
        texts += [label(member) for member in _ENUM_COLUMNS.get(col, ())]
        widest = max(QFontMetrics(bold).horizontalAdvance(text) for text in texts)
        return widest + 2 * CELL_MARGIN + 22  # room for the sort arrow

    # --- Feeding ---------------------------------------------------------------------------
    def load(self, snapshot) -> None:
        """The opening ``LiveSnapshot`` (or a reload): vocabularies first, then the rows."""
        self.filters.set_vocabularies(snapshot.categories, snapshot.grids)
        self._slices.clear()  # the snapshot is newer than any change still waiting
        self.table.hold(False)  # … and repaints all it shows
        self.model.set_rows(snapshot.rows)
        self.loaded = True
        self.sig_populated.emit(len(snapshot.rows))

    def apply_changes(self, rows: list) -> None:
        """Fresh snapshots from the feed: new events are appended, known ones updated (a big
        batch in slices, between turns of the event loop: ``views/common/slices.py``)."""
        self._slices.feed(rows)

    def _apply_slice(self, rows: list) -> None:
        new = [row for row in rows if not self.model.holds(row.id)]
        self.table.hold(self._slices.pending > 0)  # the batch's rows in view painted once, at its end
        self.model.upsert(rows)
        if new:
            self.sig_new_events.emit(new)

    def tick(self) -> None:
        """Once a minute: countdowns and overdue tints follow the clock."""
        self.model.tick()
        # The cells that read the clock: the whole view, a band a turn (one whole-view repaint is
        # a 20-30 ms turn under a storm, in which the officer's keys wait).
        self.table.repaint_in_bands(QRegion(self.table.viewport().rect()))
        self._update_count()

    def repaint_clock_cells(self) -> None:
        """The cells that read the clock painted again (countdowns; the stamps' date part):
        their columns only. The tints and the order follow the model's own signals (a row that
        turned overdue or due soon is changed or moved); the other cells stay as painted."""
        table = self.table
        viewport = table.viewport()
        for col in CLOCK_COLUMNS:
            if not table.isColumnHidden(col):  # out of sight to the side: clipped away
                viewport.update(table.columnViewportPosition(col), 0, table.columnWidth(col), viewport.height())

    def prune_finished(self, recent_days: int) -> int:
        """Drop finished events older than the live window (the console may run for weeks)."""
        now = self.model.now
        old = [row.id for row in self.model.held() if row.has_aged_out(now, recent_days)]
        return self.model.remove_ids(old)

    def find_code(self, code: str):
        """The ``EventRow`` of the event with this code (as typed: case and spaces forgiven)."""
        wanted = code.strip().upper()
        return next((row for row in self.model.held() if row.code.upper() == wanted), None)

    # --- The shared selection --------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        """The events selected in the table, top to bottom as the officer sees them."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda index: index.row())
        return [self.model.row_at(index.row()).id for index in rows]

    def _table_selection_changed(self) -> None:
        # An empty table selection is not the officer's choice but a filter or a prune hiding
        # the rows: the other docks keep showing the event.
        ids = self.selected_ids()
        if ids and not self._following:
            self.selection.select(ids, source=self)

    @Slot(list)
    def _follow_selection(self, ids: list) -> None:
        """Another dock selected events: select their rows here and bring the first into view."""
        if self.selection.is_from(self):
            return
        wanted = QItemSelection()
        first = None
        for event_id in ids:
            pos = self.model.row_of(event_id)
            if pos is None:
                continue  # not in the list, or hidden by a filter
            index = self.model.index(pos, 0)
            wanted.select(index, index)
            first = first or index
        self._following = True
        try:
            flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)
            self.table.selectionModel().select(wanted, flags)
            if first is not None:  # scrolled first: the current row's own scrollTo has nothing left to do
                self._bring_into_view(first.row())
                self.table.selectionModel().setCurrentIndex(
                    first, QItemSelectionModel.SelectionFlag.NoUpdate)
        finally:
            self._following = False

    def _bring_into_view(self, row: int) -> None:
        """Scroll just enough for the row to be whole in view, the view's top on a row's edge.
        (``scrollTo`` by pixels put the row at the very bottom: the top row showed cut in half.)
        The rows are all one height (``Fixed``)."""
        self.table.updateGeometries()  # the scroll range of rows just added (a layout may be pending)
        bar, height = self.table.verticalScrollBar(), self.table.rowHeight(row)
        top, page, y = bar.value(), self.table.viewport().height(), row * height
        if top <= y and y + height <= top + page:
            return  # already whole in view: the officer's scrolling is kept
        whole_rows = max(1, page // height)
        bar.setValue(y if y < top else y - (whole_rows - 1) * height)

    # --- Header state (kept by the window's settings) -----------------------------------------
    def header_state(self) -> QByteArray:
        return self.table.horizontalHeader().saveState()

    def restore_header(self, state: QByteArray | None) -> None:
        if state:
            self.table.horizontalHeader().restoreState(state)

    def _update_count(self) -> None:
        self.filters.show_count(self.model.rowCount(), self.model.total())
