"""A label whose text changes often (a clock each second, a count each feed batch) without
laying the window out again each time.

``QLabel.setText`` asks every layout above the label to lay out again whenever the label may
change size, and under a storm that was a whole main window's layout a second (docks, tab
widgets repainted whole with every cell of their tables: ``bench/bench_intake.py --probe``). A
widget of a fixed size asks nothing: so the label is fixed at its text's size, and grown (never
shrunk) when a new text needs more.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def set_steady_text(label: QLabel, text: str) -> None:
    label.setText(text)
    hint = label.sizeHint()
    if hint.width() > label.minimumWidth() or hint.height() != label.minimumHeight():
        label.setFixedSize(max(hint.width(), label.minimumWidth()), hint.height())
