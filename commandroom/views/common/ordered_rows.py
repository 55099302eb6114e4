"""A live list that keeps its own sorted and filtered order: no sorting proxy in front of it.

A ``QSortFilterProxyModel`` over a long live list re-sorts through Python: every inserted or
changed row is compared through ``data``/``lessThan`` O(log n) times, and every move or layout
change of its source re-filters every row (19,200 rows of a busy week: ~50 ms a frame of the
meeting's replay). Here each row's sort key is computed once, when the row (or the clock's
urgency group, or the sort column) changes, and kept in a list parallel to the shown ids, so a
row finds its place by bisection: a changed row moves (``beginMoveRows``, selection and scroll
survive), new rows go in by contiguous runs, leaving rows go out by runs. Only a header click,
a filter change or a batch changing a large share of the rows lays the list out again at once
(``layoutChanged``, persistent indexes carried over: the selection stays). Never a reset but
the opening load.

A subclass names its columns (``COLUMNS``, an IntEnum; ``HEADERS``, their ``QT_TRANSLATE_NOOP``
titles in its own context), says what a cell shows (``data``), a column's sort key
(``sort_key``: a number or a text, collated by the locale) and whether a row is shown
(``accepts``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCollator, QLocale, QModelIndex, Qt

from commandroom.models.clock import Clock
from commandroom.views.common.named_columns import NamedColumnsModel
from commandroom.views.common.runs import runs

# A batch moving more than this share of the shown rows is laid out again at once: one sort
# of the kept keys costs less than thousands of single moves, each shifting the view's rows.
_RELAYOUT_SHARE = 16


class _Collated:
    """A text's place by the locale's collation (pinyin for Chinese), either way round."""

    __slots__ = ("key", "descending")

    def __init__(self, key, descending: bool):
        self.key, self.descending = key, descending

    def __lt__(self, other: _Collated) -> bool:
        return other.key < self.key if self.descending else self.key < other.key

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Collated) and not self.key < other.key and not other.key < self.key

    __hash__ = None


class OrderedRowsModel(NamedColumnsModel):
    DEFAULT_SORT: tuple[int, Qt.SortOrder]

    def __init__(self, clock: Clock | None = None, parent=None):
        super().__init__(clock, parent)  # self._rows: every row held, shown or filtered out
        self._key: dict[int, tuple] = {}  # id -> (sort key, id) of each shown row
        # … and of rows the filter hides, as long as they are right: a filter keystroke that
        # shows them again finds their keys, not every hidden row's key made again.
        self._hidden: dict[int, tuple] = {}
        # self._ids: the shown rows in order …
        self._keys: list[tuple] = []  # … and their keys, ascending (parallel lists)
        self._column, self._order = self.DEFAULT_SORT
        self._set_key_functions()
        # The street's texts are Chinese whatever the interface's language: by pinyin.
        self._collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))

    # --- What a subclass says ----------------------------------------------------------------
    def sort_key(self, row, column: int):
        """The row's key in this column: a number, or a text (collated)."""
        raise NotImplementedError

    def key_function(self, column: int):
        """The column's key as a function of the row (a subclass may hand over a method of its
        own for a column keyed often: one call a row, not a dispatch on the column each)."""
        return lambda row: self.sort_key(row, column)

    def full_key_function(self, column: int, order: Qt.SortOrder):
        """A function giving a row's whole key, (key, id), in this column and order, or None for
        the general way (``key_function``, collated, negated). A subclass may hand one over for
        the column a seek keys thousands of rows by: one call a row, its tuples kept."""
        return None

    def accepts(self, row) -> bool:
        """Whether the row is shown (the filter)."""
        return True

    def filtering(self) -> bool:
        """Whether ``accepts`` may refuse a row (if not, a layout skips asking every row)."""
        return False

    # --- Feeding the model -----------------------------------------------------------------
    def set_rows(self, rows: Iterable) -> None:
        """The opening load (or a full reload): the one place the model is reset."""
        self.beginResetModel()
        self._rows = {row.id: row for row in rows}
        self._now = self._clock.now()
        self._key, self._hidden = {}, {}
        self._lay_out()
        self.endResetModel()

    def upsert(self, rows: Iterable) -> tuple[int, int]:
        """Replace known rows, add new ones, each in its sorted place; returns (new, changed)."""
        touched, new = [], 0
        for row in rows:
            old = self._rows.get(row.id)
            if old is None:
                new += 1
            elif old == row:
                continue
            self._rows[row.id] = row
            touched.append(row.id)
        self._settle(touched)
        return new, len(touched) - new

    def remove_ids(self, ids: Iterable[int]) -> int:
        """Drop rows from the list; returns how many were held."""
        gone = {i for i in ids if i in self._rows}
        self._settle(list(gone), gone)
        return len(gone)

    def apply(self, rows: Iterable = (), removed: Iterable[int] = (), regrouped: Iterable[int] = ()) -> None:
        """One step of a replay, in one go: the clock read again, rows changed or new, rows
        gone, and ``regrouped`` rows whose key or filter the clock alone changed."""
        self._now = self._clock.now()
        gone = {i for i in removed if i in self._rows}
        touched = list(gone)
        for row in rows:
            self._rows[row.id] = row
            touched.append(row.id)
        touched.extend(regrouped)
        self._settle(touched, gone)

    def take(self, rows: dict, order: list[tuple]) -> bool:
        """A seek of the meeting's slider, if the list can take it whole: every row held
        afterwards (``rows``, by id: copied) and their whole keys in the default sort at the
        clock's instant, ascending (``order``: the model's afterwards). Taken as they are while
        the list shows that sort unfiltered: no key made, no sort, one layout change (the
        selection and the current row carried by their ids). False otherwise, nothing done:
        the caller hands the rows that changed to ``apply``."""
        if ((self._column, self._order) != self.DEFAULT_SORT or self.filtering()
                or self._full_key == self._general_key or len(order) != len(rows)):
            return False
        self._now = self._clock.now()
        self._relayout(rows=rows, keys=order)
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click (the view asks its model): every key again, laid out at once."""
        if (column, order) == (self._column, self._order) and self._key:
            return
        self._column, self._order = column, order
        self._set_key_functions()
        self._key, self._hidden = {}, {}
        self._relayout()

    def refilter(self) -> None:
        """The filter's settings changed: which rows are shown again, laid out at once."""
        self._relayout()

    # --- Keeping the order -------------------------------------------------------------------
    def _set_key_functions(self) -> None:
        self._key_of = self.key_function(self._column)
        self._full_key = self.full_key_function(self._column, self._order) or self._general_key

    def _general_key(self, row) -> tuple:
        key = self._key_of(row)
        if isinstance(key, str):
            key = _Collated(self._collator.sortKey(key), self._order == Qt.SortOrder.DescendingOrder)
        elif self._order == Qt.SortOrder.DescendingOrder:
            key = -key
        return key, row.id  # unique: a row is found by bisection; ties keep the arrival order

    def _settle(self, ids: Sequence[int], dropped: set[int] = frozenset()) -> None:
        """Rows of ``ids`` changed, came or went (``dropped``, still held until they leave the
        view: Qt may read them while told they are about to go): move, insert, remove them."""
        if not ids:
            return
        if len(ids) * _RELAYOUT_SHARE > max(len(self._ids), 1024):
            self._relayout(ids, dropped)
            return
        gone, moved, came, kept = [], [], [], []
        for event_id in dict.fromkeys(ids):
            row = None if event_id in dropped else self._rows.get(event_id)
            self._hidden.pop(event_id, None)  # changed: its key is made again when shown
            old = self._key.get(event_id)
            new = self._full_key(row) if row is not None and self.accepts(row) else None
            if old is None:
                if new is not None:
                    came.append(new)
            elif new is None:
                gone.append(old)
            elif new == old:
                kept.append(old)
            else:
                moved.append((old, new))
        self._take_out(gone, dropped)
        for event_id in dropped:
            self._rows.pop(event_id, None)  # those the filter hid (the shown went in _take_out)
        for old, new in moved:
            self._move(old, new)
        self._put_in(came)
        last = self._columns - 1
        for first, end in runs(bisect_left(self._keys, key) for key in kept + [new for _, new in moved]):
            self.dataChanged.emit(self.index(first, 0), self.index(end, last))

    def _take_out(self, keys: list[tuple], dropped: set[int]) -> None:
        """Shown rows out of the view by runs; the ``dropped`` ones no longer held either (by
        the time Qt says they are gone: the count read then is right)."""
        for first, last in reversed(runs(bisect_left(self._keys, key) for key in keys)):
            self.beginRemoveRows(QModelIndex(), first, last)
            for event_id in self._ids[first:last + 1]:
                del self._key[event_id]
                if event_id in dropped:
                    del self._rows[event_id]
            del self._ids[first:last + 1], self._keys[first:last + 1]
            self.endRemoveRows()

    def _put_in(self, keys: list[tuple]) -> None:
        """New keys, by the runs they make: all that fall between the same two shown rows."""
        at: dict[int, list[tuple]] = {}
        for key in sorted(keys):
            at.setdefault(bisect_left(self._keys, key), []).append(key)
        for place in sorted(at, reverse=True):  # from the bottom: the places above stay
            run = at[place]
            self.beginInsertRows(QModelIndex(), place, place + len(run) - 1)
            self._keys[place:place] = run
            self._ids[place:place] = [key[1] for key in run]
            self._key.update((key[1], key) for key in run)
            self.endInsertRows()

    def _move(self, old: tuple, new: tuple) -> None:
        here = bisect_left(self._keys, old)
        del self._keys[here]
        there = bisect_left(self._keys, new)
        event_id = self._ids[here]
        self._key[event_id] = new
        if there == here:  # its place holds: only its key changed
            self._keys.insert(here, new)
            return
        self._keys.insert(here, old)  # Qt must see the old order until told of the move
        self.beginMoveRows(QModelIndex(), here, here, QModelIndex(), there if there < here else there + 1)
        del self._ids[here], self._keys[here]
        self._ids.insert(there, event_id)
        self._keys.insert(there, new)
        self.endMoveRows()

    def _lay_out(self, ids: Iterable[int] = ()) -> None:
        """The shown rows in order, from the keys kept (made again for ``ids`` and the missing)."""
        whole = self._full_key != self._general_key and not self.filtering()
        for event_id in () if whole else ids:
            self._key.pop(event_id, None)
            self._hidden.pop(event_id, None)
        shown, hidden = self._key.get, self._hidden.get
        if whole:
            # The subclass's whole key keeps its tuples with the row: made for every row at
            # once costs less than looking up which were kept (a seek changes most of them).
            keys = list(map(self._full_key, self._rows.values()))
            self._hidden = {}
        elif self.filtering():
            keys, self._hidden = [], {}
            for row in self._rows.values():
                key = shown(row.id) or hidden(row.id)
                if self.accepts(row):
                    keys.append(key or self._full_key(row))
                elif key is not None:
                    self._hidden[row.id] = key
        else:
            keys = [shown(row.id) or hidden(row.id) or self._full_key(row) for row in self._rows.values()]
            self._hidden = {}
        keys.sort()
        self._keys = keys
        self._ids = [key[1] for key in keys]
        self._key = dict(zip(self._ids, keys))

    def _relayout(self, ids: Iterable[int] = (), dropped: set[int] = frozenset(), *,
                  rows: dict | None = None, keys: list[tuple] | None = None) -> None:
        """Everything at once, the selection and the current row carried to their new places;
        ``rows`` and ``keys``: every row and the shown rows' keys in order, handed over
        (``take``), not made here."""
        self.layoutAboutToBeChanged.emit()
        for event_id in dropped:
            del self._rows[event_id]
        before = self._ids
        if keys is None:
            self._lay_out(ids)
        else:
            self._rows, self._keys, self._hidden = dict(rows), keys, {}
            self._ids = [key[1] for key in keys]
            self._key = dict(zip(self._ids, keys))
        persistent = self.persistentIndexList()
        if persistent:  # a few (the selection, the current row): each found by its key
            moved = []
            for index in persistent:
                key = self._key.get(before[index.row()]) if index.row() < len(before) else None
                moved.append(self.index(bisect_left(self._keys, key), index.column()) if key is not None
                             else QModelIndex())
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    # --- Reading ---------------------------------------------------------------------------
    def row_of(self, event_id: int) -> int | None:
        """Where the row is shown, or None (not held, or filtered out)."""
        key = self._key.get(event_id)
        return None if key is None else bisect_left(self._keys, key)

    def ids(self) -> Sequence[int]:
        """The shown rows' ids, in order."""
        return tuple(self._ids)

    def holds(self, event_id: int) -> bool:
        """Whether the row is held (shown or filtered out)."""
        return event_id in self._rows

    def held(self) -> Iterable:
        """Every row held, shown or filtered out."""
        return self._rows.values()

    def total(self) -> int:
        return len(self._rows)

    def sort_order(self) -> tuple[int, Qt.SortOrder]:
        return self._column, self._order

