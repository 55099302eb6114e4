"""The live event list's filter: the filter bar's choices, asked of each row by the list's model
(``EventTableModel.accepts``) when the row changes or the choices do.

Choices are given as small strings (``"class:城市管理"``, ``"grid:12"``) so the combo boxes can
carry them as item data unchanged. A setter only records the choice; the model's ``refilter``
applies it (the filter bar calls both).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from commandroom.models.enums import Status

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


class EventFilter:
    def __init__(self) -> None:
        self._statuses: frozenset[Status] | None = None
        self._category: tuple[str, str] | None = None
        self._place: tuple[str, str] | None = None
        self._needle = ""
        self._overdue_only = False

    # --- The filter's settings --------------------------------------------------------------
    def set_statuses(self, statuses: Iterable[Status] | None) -> None:
        self._statuses = None if statuses is None else frozenset(statuses)

    def set_category(self, key: str | None) -> None:
        """None for every category, ``choice(CATEGORY_CLASS, name)`` or ``choice(CATEGORY_ITEM, code)``."""
        self._category = _split(key)

    def set_place(self, key: str | None) -> None:
        """None for everywhere, ``choice(COMMUNITY, id)`` or ``choice(GRID, id)``."""
        self._place = _split(key)

    def set_text(self, text: str) -> None:
        """Case-insensitive search in the code, title and address."""
        self._needle = text.strip().casefold()

    def set_overdue_only(self, on: bool) -> None:
        self._overdue_only = on

    # --- Asking ---------------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        """Whether any row may be left out (if not, the list skips asking row by row)."""
        return bool(self._statuses is not None or self._category or self._place or self._needle
                    or self._overdue_only)

    def accepts(self, row, now: datetime) -> bool:
        if self._statuses is not None and row.status not in self._statuses:
            return False
        if self._overdue_only and not row.is_overdue(now):
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

