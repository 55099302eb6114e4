"""Filtering and sorting the live event list without touching its model.

The proxy reads each row's ``EventRow`` snapshot (``ROW_ROLE``) and sorts by ``SORT_ROLE`` keys,
so a changed row is re-filtered and re-sorted on its own (dynamic sort/filter) as the feed updates
it. Choices are given as small strings (``"class:城市管理"``, ``"grid:12"``) so the combo boxes can
carry them as item data unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from commandroom.models.enums import Status
from commandroom.views.events.event_table_model import SORT_ROLE

# The kinds of choice the category and place filters understand.
CATEGORY_CLASS, CATEGORY_ITEM = "class", "item"
COMMUNITY, GRID = "community", "grid"


def choice(kind: str, value: object) -> str:
    return f"{kind}:{value}"


def _split(key: str | None) -> tuple[str, str] | None:
    if not key:
        return None
    kind, _, value = key.partition(":")
    return kind, value


class EventFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        # Chinese text sorts by the locale's collation (pinyin), not by code point.
        self.setSortLocaleAware(True)
        self._statuses: frozenset[Status] | None = None
        self._category: tuple[str, str] | None = None
        self._place: tuple[str, str] | None = None
        self._needle = ""
        self._overdue_only = False

    # --- The filter's settings (each re-filters once) ---------------------------------------
    def set_statuses(self, statuses: Iterable[Status] | None) -> None:
        with self._rows_filter_change():
            self._statuses = None if statuses is None else frozenset(statuses)

    def set_category(self, key: str | None) -> None:
        """None for every category, ``choice(CATEGORY_CLASS, name)`` or ``choice(CATEGORY_ITEM, code)``."""
        with self._rows_filter_change():
            self._category = _split(key)

    def set_place(self, key: str | None) -> None:
        """None for everywhere, ``choice(COMMUNITY, id)`` or ``choice(GRID, id)``."""
        with self._rows_filter_change():
            self._place = _split(key)

    def set_text(self, text: str) -> None:
        """Case-insensitive search in the code, title and address."""
        with self._rows_filter_change():
            self._needle = text.strip().casefold()

    def set_overdue_only(self, on: bool) -> None:
        with self._rows_filter_change():
            self._overdue_only = on

    @contextmanager
    def _rows_filter_change(self) -> Iterator[None]:
        # Qt 6.10+: the filter's state changes between begin and end (invalidateRowsFilter is
        # deprecated), and only rows are re-filtered.
        self.beginFilterChange()
        try:
            yield
        finally:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    # --- QSortFilterProxyModel ------------------------------------------------------------------
    def lessThan(self, left, right) -> bool:
        """Numbers and times (the time left, the limit, priority, status, received) compared
        straight from the model: the default reads both keys through ``data`` for each of the
        O(log n) comparisons a new row costs. Text keeps the locale's collation."""
        model = self.sourceModel()
        column = left.column()
        a = model.sort_key_at(left.row(), column)
        b = model.sort_key_at(right.row(), column)
        if isinstance(a, str) or isinstance(b, str):
            return super().lessThan(left, right)
        return a < b

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if source_row >= model.rowCount():
            return False
        row = model.row_at(source_row)  # straight from the model: asked for every new row
        if self._statuses is not None and row.status not in self._statuses:
            return False
        if self._overdue_only and not row.is_overdue(model.now):
            return False
        if self._category and not _category_matches(row, *self._category):
            return False
        if self._place and not _place_matches(row, *self._place):
            return False
        if self._needle:
            haystack = f"{row.code}\n{row.title}\n{row.address}".casefold()
            return self._needle in haystack
        return True


def _category_matches(row, kind: str, value: str) -> bool:
    if kind == CATEGORY_CLASS:
        return row.category_class == value
    return row.category_code == value


def _place_matches(row, kind: str, value: str) -> bool:
    wanted = int(value)
    if kind == COMMUNITY:
        return row.community_id == wanted
    return row.grid_id == wanted

