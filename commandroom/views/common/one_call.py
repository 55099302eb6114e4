"""Every role of a cell in one call from Qt into Python (``QAbstractItemModel.multiData``).

Qt's item delegate asks a cell for seven roles (display, decoration, font, alignment, colours,
check state) when it paints it; without ``multiData`` each is its own ``data()`` call from C++
into Python, and each must take the GIL. While the feed pump or the call desk compute in their
threads the GIL is theirs, and each call waits up to the interpreter's switch interval for it:
a storm's repaint of a full table was ~600 such waits (stalls of hundreds of ms,
bench/bench_intake.py --probe). One call per cell asks seven times less often.
"""

from __future__ import annotations

from functools import partial


class OneCallPerCell:
    """Mixed into a ``QAbstractItemModel`` subclass (before it in the bases) whose ``data`` says
    what a cell shows: ``multiData`` answers every role asked, through ``cell_answer``."""

    def multiData(self, index, roles) -> None:  # noqa: N802 - Qt's name
        if not index.isValid():
            return
        answer = self.cell_answer(index)
        for role_data in roles:
            role_data.setData(answer(role_data.role()))

    def cell_answer(self, index):
        """What the cell says for a role, as a function of the role: ``data`` by default; a
        model may look up the cell's row and column once here, for all the roles asked."""
        return partial(self.data, index)
