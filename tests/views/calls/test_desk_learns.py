"""In a running console the change feed teaches the desk's suggester each 立案 (the wiring)."""

from __future__ import annotations


def test_another_consoles_register_reaches_the_suggester(qtbot, open_console, receive, other, sqlite_street):
    lat, lon = sqlite_street.tiny.inside
    waiting = receive(title="小区门口垃圾堆放")
    console = open_console()
    calls, desk = console.window.calls, console.desk
    qtbot.waitUntil(lambda: waiting.id in calls._advice, timeout=10_000)  # trained on the first advice
    assert desk.learnt == 0
    ref = receive(title="楼顶违章搭建彩钢房", lat=lat, lon=lon)
    other.register(ref.id, ref.version, category_code="CG02")
    qtbot.waitUntil(lambda: desk.learnt == 1, timeout=5_000)
    assert desk._suggester.size == 1
