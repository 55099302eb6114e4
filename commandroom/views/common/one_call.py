"""Every role of a cell in one call from Qt into Python (``QAbstractItemModel.multiData``).

Qt's item delegate asks a cell for seven roles (display, decoration, font, alignment, colours,
check state) when it paints it; without ``multiData`` each is its own ``data()`` call from C++
into Python, and each must take the GIL. While the feed pump or the call desk compute in their
threads the GIL is theirs, and each call waits up to the interpreter's switch interval for it:
a storm's repaint of a full table was ~600 such waits (stalls of hundreds of ms,
bench/bench_intake.py --probe). One call per cell asks seven times less often.
"""

from __future__ import annotations


class OneCallPerCell:
    """Mixed into a ``QAbstractItemModel`` subclass (before it in the bases) whose ``data`` says
    what a cell shows: ``multiData`` answers every role asked, from that same ``data``."""

    def multiData(self, index, roles) -> None:  # noqa: N802 - Qt's name
        if not index.isValid():
            return
        data = self.data
        for role_data in roles:
            role_data.setData(data(index, role_data.role()))
