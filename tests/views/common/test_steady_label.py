"""A label set each second asks no layout above it to lay out again unless it must grow."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from commandroom.views.common.steady_label import set_steady_text


class _Layouts(QObject):
    def __init__(self):
        super().__init__()
        self.asked = 0

    def eventFilter(self, _watched, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LayoutRequest:
            self.asked += 1
        return False


def test_a_steady_label_grows_but_never_asks_for_a_layout_at_a_same_or_shorter_text(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    label = QLabel()
    QHBoxLayout(window).addWidget(label)
    window.show()
    texts = [f"2026-11-22 周日 10:00:{s}{s}" for s in range(10)]  # proportional digits may differ
    for text in texts:
        set_steady_text(label, text)
    qtbot.waitUntil(lambda: label.width() >= label.sizeHint().width())
    qtbot.wait(20)  # the layout the growth asked for is done
    layouts = _Layouts()
    window.installEventFilter(layouts)
    size = label.size()
    for text in reversed(texts):  # each second a text no wider than the widest seen
        set_steady_text(label, text)
        qtbot.wait(1)
    assert layouts.asked == 0 and label.size() == size
    set_steady_text(label, "2026-11-22 周日 10:00:00 and more")  # longer: it grows, once
    assert label.width() >= label.sizeHint().width() > size.width()
    qtbot.waitUntil(lambda: layouts.asked == 1)
    assert label.text().endswith("and more")
