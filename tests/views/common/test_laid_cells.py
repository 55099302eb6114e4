"""The tables' own cell painter (``laid_cells.py``), on the event list and the call queue: what
the model says a cell looks like is what is painted (overdue tint, selection), a changed text is
laid out and painted anew while a repaint of unchanged cells lays out nothing, a text too wide
is elided with the whole of it left to the tooltip, and every cell looks as Qt's own delegate
painted it."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QStyledItemDelegate

from commandroom.models.clock import FrozenClock
from commandroom.models.enums import Priority
from commandroom.views.common import palette
from commandroom.app import _stylesheet
from commandroom.views.common.style import console_style
from commandroom.views.common.laid_cells import LaidCellDelegate
from commandroom.views.events.event_list import EventListPanel
from commandroom.views.events.event_table_model import Col
from tests.views.conftest import NOW, make_row, make_snapshot


@pytest.fixture
def panel(qtbot):
    panel = EventListPanel(FrozenClock(NOW))
    qtbot.addWidget(panel)
    panel.resize(1400, 500)
    overdue = make_row(1, handle_due=NOW - timedelta(hours=1), overdue=True)
    panel.load(make_snapshot([overdue, make_row(2), make_row(3)]))
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _picture(panel):
    return panel.table.viewport().grab().toImage()


def _cell_colour(panel, event_id: int, col: Col):
    """The colour at the right end of the cell, past its text (its background)."""
    table, row = panel.table, panel.model.row_of(event_id)
    x = table.columnViewportPosition(col) + table.columnWidth(col) - 3
    return _picture(panel).pixelColor(x, table.rowViewportPosition(row) + table.rowHeight(row) // 2)


def test_the_table_paints_with_its_own_delegate(panel):
    assert isinstance(panel.table.itemDelegate(), LaidCellDelegate)


def test_an_overdue_row_is_tinted_and_a_selected_row_highlighted(panel):
    assert _cell_colour(panel, 1, Col.TITLE) == palette.OVERDUE_ROW
    assert _cell_colour(panel, 2, Col.TITLE) != palette.OVERDUE_ROW
    index = panel.model.index(panel.model.row_of(2), 0)
    panel.table.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                        | QItemSelectionModel.SelectionFlag.Rows)
    highlight = panel.table.palette().color(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight)
    active = panel.table.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    assert _cell_colour(panel, 2, Col.TITLE) in (highlight, active)


def test_a_changed_text_is_painted_anew_and_unchanged_cells_lay_out_nothing(panel):
    delegate = panel.table.itemDelegate()
    before = _picture(panel)
    kept = delegate.laid_out_count()
    assert kept > 0
    assert _picture(panel) == before and delegate.laid_out_count() == kept  # nothing laid out again
    panel.model.upsert([replace(panel.model.row_at(panel.model.row_of(2)), title="新的标题：井盖缺失", version=9)])
    after = _picture(panel)
    assert after != before
    assert any(key[0] == "新的标题：井盖缺失" for key in delegate._texts)
    assert delegate.laid_out_count() == kept + 1  # the one changed cell


def test_a_text_too_wide_is_elided_and_whole_in_the_tooltip(panel):
    long_title = "燕翔路与经十路交叉口东北角人行道上长期有流动摊贩占道经营影响通行" * 2
    panel.model.upsert([replace(panel.model.row_at(panel.model.row_of(3)), title=long_title, version=9)])
    panel.table.horizontalHeader().setSectionResizeMode(Col.TITLE, panel.table.horizontalHeader().ResizeMode.Fixed)
    panel.table.setColumnWidth(Col.TITLE, 120)
    _picture(panel)
    delegate = panel.table.itemDelegate()
    static = next(known[0] for key, known in delegate._texts.items() if key[0] == long_title)
    assert static.text().endswith("…") and len(static.text()) < len(long_title)
    index = panel.model.index(panel.model.row_of(3), Col.TITLE)
    assert long_title in panel.model.data(index, Qt.ItemDataRole.ToolTipRole)


@pytest.mark.parametrize("width", [100, 101, 124])
def test_cells_look_as_qts_own_delegate_painted_them(panel, width):
    """Pixel for pixel: texts placed, centred, coloured, tinted and elided as the style did
    (odd and even column widths: a centred text lands on the same half pixel)."""
    table = panel.table
    table.setStyle(console_style())
    panel.setStyleSheet(_stylesheet())  # the app's look: its cells' padding is the delegate's margin
    table.setColumnWidth(Col.STATUS, width)
    table.selectRow(panel.model.row_of(3))
    ours = _picture(panel)
    mine = table.itemDelegate()
    table.setItemDelegate(QStyledItemDelegate(table))
    try:
        assert _picture(panel) == ours
    finally:
        table.setItemDelegate(mine)


@pytest.fixture
def queue(qtbot):
    """A shown call queue: an urgent report that just came (it glows, its priority bold), one
    held by this console, one by another (its text receding), one plain."""
    from commandroom.views.calls.call_queue import CallQueuePanel
    from tests.views.calls.test_queue_model import NOW as QUEUE_NOW, queue_row

    panel = CallQueuePanel("console-1", FrozenClock(QUEUE_NOW), muted=True)
    qtbot.addWidget(panel)
    panel.resize(1400, 400)
    panel.show()
    qtbot.waitExposed(panel)
    panel.on_view_loaded(panel.view_name, [
        queue_row(10, taken_by="duty", taken_by_name="张伟", taken_console="console-1", holder_seen_at=QUEUE_NOW),
        queue_row(20, taken_by="lina", taken_by_name="李娜", taken_console="console-2",
                  holder_seen_at=QUEUE_NOW),
        queue_row(30, title="燕翔路与经十路交叉口东北角人行道上长期有流动摊贩占道经营影响通行" * 3)])
    panel.on_view_changed(panel.view_name, [5], [queue_row(5, received_at=QUEUE_NOW, priority=Priority.URGENT)])
    return panel


def test_the_queue_paints_with_it_and_its_icons_as_the_style_places_them(queue):
    delegate = queue.table.itemDelegate()
    assert isinstance(delegate, LaidCellDelegate)
    queue.table.viewport().grab()
    assert delegate.laid_out_count() > 0


@pytest.mark.parametrize("width", [100, 101])
def test_queue_cells_look_as_qts_own_delegate_painted_them(queue, width):
    from commandroom.views.calls.queue_model import Col as QueueCol

    table = queue.table
    table.setStyle(console_style())
    queue.setStyleSheet(_stylesheet())
    table.setColumnWidth(QueueCol.PRIORITY, width)
    table.selectRow(2)
    ours = table.viewport().grab().toImage()
    mine = table.itemDelegate()
    table.setItemDelegate(QStyledItemDelegate(table))
    try:
        assert table.viewport().grab().toImage() == ours
    finally:
        table.setItemDelegate(mine)
