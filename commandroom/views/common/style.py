"""The console's widget style: Fusion (the same on every platform), refined by console.qss.

Item views place cell text ``PM_FocusFrameHMargin + 1`` pixels (Fusion: 3) from the cell's
edge, which is cramped for a list read all day. The style sheet pads items by
``CELL_MARGIN - 2`` more (``QAbstractItemView::item``). It used to be a Python ``QProxyStyle``
answering that one metric: but then every ``pixelMetric`` Qt asks for (hundreds in one layout
of the main window, one per painted cell) was a call into Python that must take the
interpreter from the console's busy workers: a main-window layout took 3.4 ms of CPU instead
of 0.6, and longer under a storm, waiting for the interpreter (bench/bench_intake.py --probe).
"""

from __future__ import annotations

from PySide6.QtWidgets import QStyle, QStyleFactory

CELL_MARGIN = 6  # a cell's text from its edge, less 1 (the style's own "+ 1")


def console_style() -> QStyle:
    return QStyleFactory.create("Fusion")
