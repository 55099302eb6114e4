"""A real drag through the widgets: the mouse is pressed on a card, moved past the drag distance
so the lane view starts its own ``QDrag`` (the lane model's mime data, the view's actions), then,
inside that drag's event loop, moved over the target and released there (Ctrl held on release
for an assisting unit).

The platform's drag does the rest, as it does for an officer's mouse: it finds the window under
the pointer and hands it drag enter, move and drop events, which the window routes to the widget
under the point that accepts drops. The offscreen platform has no drag (``QDrag.exec`` returns at
once, nothing delivered), so these run on Qt's "minimal" platform, whose drag is Qt's own
``QSimpleDrag`` driven by mouse events (``test_board_drag_runner.py`` starts that process).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

PLATFORM = "minimal"
ON_PLATFORM = os.environ.get("QT_QPA_PLATFORM") == PLATFORM


def real_drag(source: QWidget, press_at: QPoint, target: QWidget, drop_at: QPoint, *, ctrl: bool = False,
              hovering: Callable[[], object] = lambda: None):
    """Drag with the mouse from ``press_at`` in ``source`` to ``drop_at`` in ``target`` (both
    viewports). Returns what ``hovering()`` said just before the release (the target's feedback),
    once the drag is over; fails if the view never started its drag."""
    top = source.window()
    window = top.windowHandle()
    seen: dict = {}
    mods = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier

    def in_window(widget: QWidget, pos: QPoint) -> QPoint:
        return widget.mapTo(top, pos)

    def during_drag() -> None:
        # Inside QDrag.exec: the platform's drag reads these mouse events, not the widgets.
        end = in_window(target, drop_at)
        for pos in ((in_window(source, press_at) + end) / 2, end + QPoint(1, 0), end):
            QTest.mouseMove(window, pos)
        seen["hover"] = hovering()
        QTest.mouseRelease(window, Qt.MouseButton.LeftButton, mods, end)

    QTest.mousePress(source, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, press_at)
    QTimer.singleShot(0, during_drag)
    # Past the drag distance: the view starts its QDrag here, and this returns when it is over.
    QTest.mouseMove(source, press_at + QPoint(QApplication.startDragDistance() + 4, 0))
    assert "hover" in seen, "the view did not start a drag"
    return seen["hover"]
