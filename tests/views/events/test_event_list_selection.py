"""The event list and the shared selection: a click selects everywhere, another dock's choice is
shown here (and scrolled to), and neither echoes back."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QObject

from commandroom.views.events.event_table_model import Col
from tests.views.conftest import make_row, make_snapshot


def test_clicking_a_row_selects_it_everywhere(qtbot, make_window):
    window = make_window()
    window.on_loaded(make_snapshot([make_row(n) for n in range(1, 6)]))
    table, model = window.events.table, window.events.model
    wanted = next(r for r in range(model.rowCount())
                  if model.index(r, Col.CODE).data() == "YJ20261116-0004")
    with qtbot.waitSignal(window.selection.sig_selected) as blocker:
        table.selectRow(wanted)
    assert blocker.args == [[4]]
    assert window.selection.is_from(window.events)


def test_another_docks_choice_is_selected_here_without_echo(qtbot, make_window):
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    window.on_loaded(make_snapshot([make_row(n) for n in range(1, 300)]))
    other = QObject()
    sent = []
    window.selection.sig_selected.connect(sent.append)
    window.selection.select([250, 7], source=other)
    assert window.events.selected_ids() in ([250, 7], [7, 250])
    assert sent == [[250, 7]]  # the list followed without announcing again
    assert window.selection.is_from(other)
    table = window.events.table
    current = table.selectionModel().currentIndex()
    assert current.isValid() and table.visualRect(current).intersects(table.viewport().rect())


def test_a_filter_hiding_the_row_keeps_the_shared_selection(qtbot, make_window):
    window = make_window()
    window.on_loaded(make_snapshot([make_row(1), make_row(2, title="井盖缺失")]))
    window.selection.select([1], source=None)
    window.events.table.selectionModel().select(
        window.events.model.index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
    window.events.filters.search.setText("井盖")
    assert window.selection.ids == (1,)


def test_a_row_brought_into_view_is_whole_and_so_is_the_top_row(qtbot, make_window):
    """Scrolled to from another dock: the row whole in view, the top on a row's edge (scrollTo by
    pixels left the top row cut in half); a row already in view scrolls nothing."""
    window = make_window()
    window.resize(1400, 700)
    window.show()
    qtbot.waitExposed(window)
    window.on_loaded(make_snapshot([make_row(n) for n in range(1, 300)]))
    table, model = window.events.table, window.events.model
    bar, height = table.verticalScrollBar(), table.rowHeight(0)
    assert table.viewport().height() % height  # a page that is not whole rows: the case to see
    for event_id in (150, 280, 20, 21):
        window.selection.select([event_id], source=QObject())
        rect = table.visualRect(model.index(model.row_of(event_id), 0))
        assert table.viewport().rect().contains(rect), event_id
        assert bar.value() % height == 0 or bar.value() == bar.maximum()
    before = bar.value()
    window.selection.select([22], source=QObject())  # just below 21: already whole in view
    assert bar.value() == before
