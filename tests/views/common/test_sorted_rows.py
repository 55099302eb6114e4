"""A live list that keeps its own order: a storm's batch in one insert per run, moves, the order."""

from __future__ import annotations

import random
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import Qt

from commandroom.views.common.one_call import OneCallPerCell
from commandroom.views.common.sorted_rows import SortedRowsModel


@dataclass(frozen=True)
class Row:
    id: int
    rank: int
    at: int


class Cols(IntEnum):
    RANK = 0
    AT = 1


class Model(OneCallPerCell, SortedRowsModel):
    COLUMNS = Cols
    HEADERS = {Cols.RANK: "rank", Cols.AT: "at"}
    sort_key = staticmethod(lambda row: (row.rank, row.at, row.id))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return str(row.rank if index.column() == Cols.RANK else row.at)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"#{row.id}"
        return None


def _spy(model):
    inserted, moved = [], []
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    model.rowsMoved.connect(lambda _p, a, b, _d, to: moved.append((a, b, to)))
    return inserted, moved


def test_a_storm_batch_lands_in_one_insert_per_run(qtbot):
    model = Model()
    model.set_rows(Row(i, rank=i % 3, at=i) for i in range(1, 301))  # ranks 0, 1, 2
    inserted, _moved = _spy(model)
    new, changed = model._store([Row(1000 + i, rank=i % 3, at=1000 + i) for i in range(300)])
    assert len(new) == 300 and changed == 0
    # Each rank's newest at the end of its rank, the lowest block first (earlier places hold).
    assert inserted == [(300, 399), (200, 299), (100, 199)]
    keys = [model.sort_key(model.row_at(n)) for n in range(model.rowCount())]
    assert keys == sorted(keys)
    assert all(model.row_of(model.row_at(n).id) == n for n in range(model.rowCount()))


def test_a_row_whose_key_changed_moves_and_the_order_holds(qtbot):
    rng = random.Random(5)
    model = Model()
    model.set_rows(Row(i, rank=rng.randrange(4), at=rng.randrange(1000)) for i in range(200))
    _inserted, moved = _spy(model)
    for _ in range(30):  # batches of new rows and of known rows changed, as the feed brings them
        batch = [Row(rng.randrange(260), rank=rng.randrange(4), at=rng.randrange(1000)) for _ in range(15)]
        model._store(batch)
        keys = [model.sort_key(model.row_at(n)) for n in range(model.rowCount())]
        assert keys == sorted(keys)
        assert all(model.row_of(model.row_at(n).id) == n for n in range(model.rowCount()))
    assert moved  # some known rows changed rank


class Counted(Model):
    def __init__(self):
        super().__init__()
        self.calls = {"data": 0, "multi": 0}

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        self.calls["data"] += 1
        return super().data(index, role)

    def multiData(self, index, roles):  # noqa: N802
        self.calls["multi"] += 1
        return super().multiData(index, roles)


def test_one_call_per_cell_paints_what_data_says(qtbot):
    from PySide6.QtWidgets import QStyledItemDelegate, QTableView

    texts = []

    class Seen(QStyledItemDelegate):
        def initStyleOption(self, option, index):  # noqa: N802
            super().initStyleOption(option, index)
            texts.append((index.row(), index.column(), option.text))

    model = Counted()
    model.set_rows([Row(1, rank=2, at=7), Row(2, rank=1, at=9)])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegate(Seen(view))
    view.resize(400, 200)
    view.show()
    qtbot.waitExposed(view)
    model.calls.update(data=0, multi=0)
    texts.clear()
    view.grab()  # paints every cell in view, now
    assert model.calls["multi"] == 4  # one call from Qt per cell painted
    assert model.calls["data"] >= 4 * 5  # its roles answered by data, within that call
    assert sorted(texts) == [(0, 0, "1"), (0, 1, "9"), (1, 0, "2"), (1, 1, "7")]
