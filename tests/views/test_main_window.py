"""The console window: title, menus, docks, status bar, saved layout, live updates from snapshots."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QLabel

from commandroom.models.enums import Status
from commandroom.views.events.event_table_model import Col
from tests.views.conftest import NOW, make_row, make_snapshot


def test_title_menus_and_status_bar(make_window):
    window = make_window()
    assert window.windowTitle() == "姚家街道综合信息指挥室 — 值班台"
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["文件(&F)", "视图(&V)", "帮助(&H)"]
    assert window.findChild(QLabel, "databaseLabel").text() == "sqlite:////data/c.sqlite3"
    assert window.findChild(QLabel, "clockLabel").text().startswith("2026-11-16 ")
    assert "正在连接" in window.findChild(QLabel, "connectionState").text()
    window.on_connection(False, "database is locked")
    state = window.findChild(QLabel, "connectionState")
    assert "连接中断" in state.text() and "database is locked" in state.toolTip()


def test_snapshot_fills_the_list_and_names_the_user(qtbot, make_window):
    window = make_window()
    with qtbot.waitSignal(window.events.sig_populated) as populated:
        window.on_loaded(make_snapshot([make_row(1), make_row(2)], street="窑头街道"))
    assert populated.args == [2]
    assert window.windowTitle().startswith("窑头街道")
    assert window.findChild(QLabel, "userLabel").text() == "值班员：张伟（duty）"
    assert window.events.filters.count.text() == "显示 2 / 共 2 件"


def test_live_rows_insert_update_and_announce(qtbot, make_window):
    window = make_window()
    window.on_loaded(make_snapshot([make_row(1)]))
    with qtbot.waitSignal(window.events.sig_new_events):
        window.on_rows_changed([make_row(1, status=Status.CLOSED), make_row(7, title="井盖缺失")])
    model = window.events.model
    assert model.ids() == (7, 1)  # the open event above the closed one (what needs action first)
    assert model.data(model.index(model.row_of(1), Col.STATUS)) == "已结案"
    assert window.statusBar().currentMessage() == "新事件 YJ20261116-0007：井盖缺失"


def test_filter_bar_drives_the_list(make_window):
    window = make_window()
    window.on_loaded(make_snapshot([make_row(1), make_row(2, status=Status.CLOSED, community_id=20)]))
    bar = window.events.filters
    bar.status.setCurrentIndex(bar.status.findData("closed"))
    assert window.events.model.rowCount() == 1
    bar.status.setCurrentIndex(bar.status.findData("open"))
    assert window.events.model.rowCount() == 1 and bar.count.text() == "显示 1 / 共 2 件"
    bar.status.setCurrentIndex(0)
    bar.place.setCurrentIndex(bar.place.findData("community:20"))
    assert window.events.model.rowCount() == 1
    assert [bar.place.itemText(i).strip("\u3000") for i in range(bar.place.count())] == \
        ["全部社区", "燕翔社区", "燕翔社区1号院", "窑头社区", "窑头社区东区"]
    bar.search.setText("不存在的事")
    assert window.events.model.rowCount() == 0 and bar.count.text() == "显示 0 / 共 2 件"


def test_docks_toggle_and_reset(qtbot, make_window):
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    dock = window.findChild(QDockWidget, "eventsDock")
    toggle = next(a for a in window.view_menu.actions() if a.objectName() == "eventsToggleAction")
    assert toggle.text() == "事件列表" and dock.isVisible()
    toggle.trigger()
    assert not dock.isVisible()
    window.findChild(type(toggle), "resetLayoutAction").trigger()
    assert dock.isVisible()


def test_layout_and_columns_survive_a_restart(qtbot, make_window, ui_state, tmp_path):
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    window.events.table.setColumnWidth(Col.LEAD_UNIT, 333)
    window.events.table.sortByColumn(Col.PRIORITY, Qt.SortOrder.AscendingOrder)
    window.findChild(QDockWidget, "eventsDock").hide()
    window.close()  # saves the layout

    again = make_window(QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat))
    again.show()
    qtbot.waitExposed(again)
    assert again.events.table.columnWidth(Col.LEAD_UNIT) == 333
    assert again.events.table.horizontalHeader().sortIndicatorSection() == Col.PRIORITY
    assert not again.findChild(QDockWidget, "eventsDock").isVisible()


def test_quit_action_closes_and_announces(qtbot, make_window):
    window = make_window()
    window.show()
    with qtbot.waitSignal(window.sig_closing):
        window.findChild(type(window.menuBar().actions()[0]), "quitAction").trigger()
    assert not window.isVisible()


def test_finished_events_age_out_of_a_long_running_console(make_window):
    from datetime import timedelta

    window = make_window()
    window.on_loaded(make_snapshot([
        make_row(1),
        make_row(2, status=Status.CLOSED, closed_at=NOW - timedelta(days=8),
                 finished_at=NOW - timedelta(days=8)),
        make_row(3, status=Status.CLOSED, closed_at=NOW - timedelta(days=2),
                 finished_at=NOW - timedelta(days=2)),
        make_row(4, status=Status.REJECTED, finished_at=NOW - timedelta(days=9)),
    ]))
    assert window.events.prune_finished(7) == 2
    assert window.events.model.ids() == (1, 3)
    assert window.events.filters.count.text() == "显示 2 / 共 2 件"


def test_a_label_set_anew_in_a_panel_does_not_repaint_its_dock(qtbot, make_window):
    """A panel's count changing under a storm repaints the panel's part only: a dock's own
    paint decodes its title buttons' icons anew each time (the docks' panels are opaque)."""
    from PySide6.QtCore import QEvent, QObject

    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    window.on_loaded(make_snapshot([make_row(1), make_row(2)]))
    qtbot.wait(50)  # the opening's paints done

    class Paints(QObject):
        count = 0

        def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                Paints.count += 1
            return False

    paints = Paints()
    for dock in window.findChildren(QDockWidget):
        dock.installEventFilter(paints)
    count = window.events.filters.count
    for n in range(3, 8):
        window.on_rows_changed([make_row(n)])  # the count label says another number each time
        qtbot.waitUntil(lambda n=n: f"共 {n} 件" in count.text(), timeout=2_000)
        count.repaint()
    assert Paints.count == 0
