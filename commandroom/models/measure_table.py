"""The measures' rows (``MeasureRow``, the rates as properties) and their tables as text: what
the CLI prints and the weekly report lays out. Free of the database, so the views may use it;
``measures.py`` computes the rows (the counting rules are written there).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


class _Rate:
    """A read-only attribute: one count field ÷ another, None (never an error) when the
    denominator is 0. Not a dataclass field, so rows compare and print by their counts."""

    def __init__(self, part: str, whole: str):
        self.part, self.whole = part, whole

    def __get__(self, row, owner=None) -> float | None:
        if row is None:
            return self
        whole = getattr(row, self.whole)
        return getattr(row, self.part) / whole if whole else None


@dataclass(frozen=True)
class MeasureRow:
    """The measures of one group (or of the whole period when the grouping is None)."""

    key: int | str | None  # unit/grid/category id or source value; None: total, or "not set"
    label: str | None
    received: int
    rejected: int
    answered: int  # 当场答复
    registered: int
    dispatched: int
    closed: int
    closed_on_time: int
    transferred: int
    reworked: int
    extended: int
    evaluated: int
    satisfied: int  # 满意 + 基本满意
    mean_response_seconds: float | None
    mean_handling_seconds: float | None
    overdue_open: int | None = None  # None when no ``now`` was given

    # The rates, as in the module docstring: numerator field ÷ denominator field.
    completion_rate = _Rate("closed", "registered")
    on_time_rate = _Rate("closed_on_time", "closed")
    transfer_rate = _Rate("transferred", "dispatched")
    rework_rate = _Rate("reworked", "closed")
    extension_rate = _Rate("extended", "dispatched")
    satisfaction_rate = _Rate("satisfied", "evaluated")


# ---- the plain-text table (CLI, logs, the weekly report's appendix) ----

_GROUP_HEADER = {
    None: ("范围", "Scope"),
    "unit": ("主办单位", "Lead unit"),
    "grid": ("网格（社区/单元网格）", "Grid (community/unit)"),
    "category": ("类别（大类/小类）", "Category (class/item)"),
    "source": ("来源", "Source"),
}
_NONE_LABEL = {None: ("合计", "Total"), "group": ("（未指定）", "(none)")}


def percent(rate: float | None) -> str:
    """A rate as the reports print it: "97.50%", or "-" when there is none."""
    return "-" if rate is None else f"{rate * 100:.2f}%"


def _hours_minutes(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    hours, minutes = divmod(round(seconds / 60), 60)
    return f"{hours}:{minutes:02d}"


# (Chinese header, English header, cell text); the label column comes first and is left-aligned.
_COLUMNS = (
    ("受理", "Received", lambda r: str(r.received)),
    ("不予立案", "Rejected", lambda r: str(r.rejected)),
    ("当场答复", "Answered", lambda r: str(r.answered)),
    ("立案", "Registered", lambda r: str(r.registered)),
    ("派遣", "Dispatched", lambda r: str(r.dispatched)),
    ("办结", "Closed", lambda r: str(r.closed)),
    ("超期未办结", "Overdue", lambda r: "-" if r.overdue_open is None else str(r.overdue_open)),
    ("办结率", "Completion", lambda r: percent(r.completion_rate)),
    ("按期办结率", "On time", lambda r: percent(r.on_time_rate)),
    ("流转率", "Transfer", lambda r: percent(r.transfer_rate)),
    ("返工率", "Rework", lambda r: percent(r.rework_rate)),
    ("延期率", "Extension", lambda r: percent(r.extension_rate)),
    ("满意率", "Satisfaction", lambda r: percent(r.satisfaction_rate)),
    ("平均响应(时:分)", "Mean response (h:mm)", lambda r: _hours_minutes(r.mean_response_seconds)),
    ("平均处置(时:分)", "Mean handling (h:mm)", lambda r: _hours_minutes(r.mean_handling_seconds)),
)


def display_width(text: str) -> int:
    """Terminal columns: wide and full-width (CJK) characters take two, combining marks none."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, left: bool) -> str:
    fill = " " * (width - display_width(text))
    return text + fill if left else fill + text


def table_cells(rows: list[MeasureRow], by: str | None, lang: str = "zh_CN") -> tuple[list[str], list[list[str]]]:
    """(header, body) of the measures table as text cells: Chinese headers, English when
    ``lang`` starts with "en". The overdue column only appears when the rows carry it
    (``compute(..., now=...)``). The CLI, the weekly report's PDF and its XLSX all show these."""
    en = lang.startswith("en")
    columns = [c for c in _COLUMNS if c[0] != "超期未办结" or any(r.overdue_open is not None for r in rows)]
    none_label = _NONE_LABEL[None if by is None else "group"][en]
    header = [_GROUP_HEADER[by][en]] + [c[en] for c in columns]
    return header, [[row.label or none_label] + [c[2](row) for c in columns] for row in rows]


def format_table(rows: list[MeasureRow], by: str | None, lang: str = "zh_CN") -> str:
    """An aligned plain-text table of ``table_cells``."""
    en = lang.startswith("en")
    header, body = table_cells(rows, by, lang)
    widths = [max(display_width(line[i]) for line in [header, *body]) for i in range(len(header))]

    def render(cells: list[str]) -> str:
        return "  ".join(_pad(cell, widths[i], left=i == 0) for i, cell in enumerate(cells)).rstrip()

    lines = [render(header), "  ".join("-" * w for w in widths)]
    lines += [render(cells) for cells in body] or [("无事件", "No events")[en]]
    return "\n".join(lines)
