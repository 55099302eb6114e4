"""Children shown and hidden in one go, behind their parent.

A widget shown in a shown window lays out every layout above it at once, up to the main
window's (Qt's ``QWidgetPrivate::setVisible`` activates each visible ancestor's layout), and
its own ``updateGeometry`` has just invalidated them: seven buttons shown one by one cost seven
layouts of the whole console, ~30 ms, where shown behind their hidden parent they cost one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QWidget


@contextmanager
def out_of_sight(parent: QWidget) -> Iterator[None]:
    """``parent`` hidden, if it is on screen, while its children are shown or hidden; then shown."""
    on_screen = parent.isVisible()
    if on_screen:
        parent.hide()
    try:
        yield
    finally:
        if on_screen:
            parent.show()
