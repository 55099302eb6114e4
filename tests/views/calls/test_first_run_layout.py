"""The first run's layout: the queue left of the list, the board below taller than both, two
columns of unit cards, and the detail's width its own: choosing an event with a long address
and text must not widen it (a main window without a central widget gave it every spare pixel,
taking them from the queue and the board on each selection)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def _settle(qtbot, window):
    before = None
    for _ in range(20):  # the dock layout follows content changes over a few turns
        QApplication.processEvents()
        now = {k: d.geometry().getRect() for k, d in window.docks.items()}
        if now == before:
            return now
        before = now
        qtbot.waitUntil(lambda: True, timeout=50)
    return before


def test_first_run_layout_and_a_detail_that_keeps_its_width(qtbot, open_console, receive, sqlite_street):
    lat, lon = sqlite_street.tiny.inside
    receive(title="井盖缺失", lat=lat, lon=lon)
    long = receive(title="历下区文化东路150号姚家小区1号院4号楼北侧绿化带被踩踏毁坏严重影响环境",
                   description="市民来电反映：" + "绿化带被踩踏、毁绿种菜，已多次反映，请督促落实。" * 6,
                   address="历下区文化东路150号姚家小区1号院4号楼北侧绿化带东段靠近地下车库出入口处",
                   lat=lat, lon=lon)
    console = open_console(size=(1920, 1080))  # the size the layout was judged at
    window = console.window
    docks = window.docks
    qtbot.waitUntil(lambda: window.detail.event_id is not None, timeout=5_000)  # the first report, shown
    _settle(qtbot, window)
    assert docks["calls"].geometry().x() < docks["events"].geometry().x()  # the queue first
    assert docks["board"].height() > 1.5 * docks["calls"].height()
    board = window.board
    assert board.units_box.width() >= board.units_width()  # two columns of unit cards
    width = docks["detail"].width()

    window.selection.select([long.id])
    qtbot.waitUntil(lambda: window.detail.event_id == long.id and window.detail.view is not None
                    and window.detail.view.detail is not None, timeout=5_000)
    _settle(qtbot, window)
    assert abs(docks["detail"].width() - width) <= 2
