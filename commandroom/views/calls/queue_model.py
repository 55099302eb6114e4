"""The call queue's model: ids of the waiting reports plus a cache of their frozen ``QueueRow``s.

Fed by the feed pump's "queue" read model: the opening rows once (the one reset), then per
change the fresh rows of the touched reports — a known one replaced in place (``dataChanged``
for its row; moved if its priority changed), a new one inserted in its place in the officer's
order (``SortedRowsModel``: the model keeps the order, no sorting proxy), a touched one no longer
returned removed (it left the queue: registered, rejected, merged, answered).

Who may act on a report is judged here, by the console's own clock and the latest heartbeats
(``set_presence``): a lock binds only while its console is alive, and a row loaded an hour ago
does not know that its holder has since gone quiet.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from enum import Enum, IntEnum
from functools import cache, partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor, QFont

from commandroom.models.clock import Clock
from commandroom.models.enums import Priority, Source
from commandroom.models.intake_limits import intake_state
from commandroom.views.calls.source_icons import source_icon
from commandroom.views.common import palette, timefmt
from commandroom.views.common.labels import label
from commandroom.views.common.named_columns import Index
from commandroom.views.common.one_call import OneCallPerCell
from commandroom.views.common.runs import runs
from commandroom.views.common.sorted_rows import SortedRowsModel

ROW_ROLE = Qt.ItemDataRole.UserRole + 2
"""The row's ``QueueRow`` snapshot."""

HIGHLIGHT = timedelta(seconds=12)  # how long a new report's row glows, fading out
# The glow fades in steps of this: a glowing row is drawn again at each step, not every second
# (under a storm the top rows all glow, and each painted cell is a call into Python).
GLOW_STEP = timedelta(seconds=3)
_NEW = QColor("#fff3c4")  # the glow at its strongest (a warm yellow, readable under black text)
_MINE = QColor("#e3f0ff")
_LOCKED = QColor("#8a9099")


# What the heartbeats and the advice change: how a row looks, never where it stands.
_LOOKS = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole]


class Col(IntEnum):
    SOURCE = 0
    WAITING = 1
    PRIORITY = 2
    REPORT = 3
    CALLER = 4
    SUGGESTED = 5
    GRID = 6
    HOLDER = 7


HEADERS = {
    Col.SOURCE: QT_TRANSLATE_NOOP("CallQueueModel", "来源"),
    Col.WAITING: QT_TRANSLATE_NOOP("CallQueueModel", "等待"),
    Col.PRIORITY: QT_TRANSLATE_NOOP("CallQueueModel", "紧急程度"),
    Col.CALLER: QT_TRANSLATE_NOOP("CallQueueModel", "反映人"),
    Col.REPORT: QT_TRANSLATE_NOOP("CallQueueModel", "反映内容"),
    Col.SUGGESTED: QT_TRANSLATE_NOOP("CallQueueModel", "建议类别"),
    Col.GRID: QT_TRANSLATE_NOOP("CallQueueModel", "网格"),
    Col.HOLDER: QT_TRANSLATE_NOOP("CallQueueModel", "接手"),
}


_COLUMNS = tuple(Col)  # by number, without an Enum call per cell
_CENTRED = frozenset((Col.WAITING, Col.PRIORITY))


class Hold(Enum):
    FREE = "free"
    MINE = "mine"  # this console holds it: its decisions are this officer's
    OTHER = "other"  # another live console holds it: nothing may be done here
    LAPSED = "lapsed"  # its holder went quiet: anyone may take it


_URGENCY = {priority: n for n, priority in enumerate(Priority)}  # the most urgent first


def _order(row) -> tuple:
    """The order the officer works in: the most urgent first, then the longest waiting. A gas
    leak reported a minute ago stands above nine ordinary reports, however long they waited."""
    return _URGENCY[row.priority], row.received_at, row.id


class CallQueueModel(OneCallPerCell, SortedRowsModel):
    COLUMNS = Col
    HEADERS = HEADERS
    sort_key = staticmethod(_order)  # kept by the model: a report made urgent moves up at once

    def __init__(self, console: str, clock: Clock | None = None, parent=None):
        super().__init__(clock, parent)
        self.console = console
        self._arrived: dict[int, datetime] = {}  # id -> when it came in live (for the glow)
        self._hints: dict[int, str] = {}  # id -> the suggested category's name
        self._seen: dict[str, datetime] | None = None  # console -> last heartbeat, once known
        self._quiet_after: timedelta | None = None
        # Which is newer, a row or the heartbeats: a counter bumped by every store of either.
        self._stored: dict[int, int] = {}  # id -> when its row was stored
        self._seen_at = 0  # when the heartbeats were
        self._generation = 0
        self._ticked_from = self._now  # the clock before the last tick
        for source in Source:  # drawn with the queue, not at the paint of its first call
            source_icon(source)

    # --- Feeding the model -----------------------------------------------------------------
    def _reset_extras(self) -> None:
        self._stored = dict.fromkeys(self._rows, self._next())
        self._arrived.clear()

    def _forget(self, event_id: int) -> None:
        self._arrived.pop(event_id, None)
        self._hints.pop(event_id, None)
        self._stored.pop(event_id, None)

    def apply(self, touched: Iterable[int], rows: Sequence) -> list:
        """A change: ``rows`` are the touched reports still waiting; any other touched id left
        the queue. Returns the rows that are new to the queue."""
        fresh = {row.id: row for row in rows}
        self.remove_ids(i for i in touched if i not in fresh)
        self._stored.update(dict.fromkeys(fresh, self._next()))
        self._now = self._clock.now()
        new, _changed = self._store(fresh.values())
        self._arrived.update(dict.fromkeys((row.id for row in new), self._now))
        return new

    def set_presence(self, seen: dict[str, datetime], quiet_after: timedelta) -> None:
        """The latest heartbeats: a lock whose console stopped beating shows as lapsed."""
        self._seen, self._quiet_after = dict(seen), quiet_after
        self._seen_at = self._next()
        held = [self._pos[i] for i, row in self._rows.items() if row.taken_console]
        for first, last in runs(held):
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(Col) - 1), _LOOKS)

    def set_hint(self, event_id: int, category_name: str) -> None:
        pos = self._pos.get(event_id)
        if pos is not None and self._hints.get(event_id) != category_name:
            self._hints[event_id] = category_name
            self.dataChanged.emit(self.index(pos, Col.SUGGESTED), self.index(pos, Col.SUGGESTED), _LOOKS)

    def tick(self) -> None:
        """Once a second: the waiting times, the fading glow and lapsing locks follow the clock
        (``looks_ticked`` says which rows' whole look changed). Costs the rows that stopped
        glowing, not the whole queue: arrivals are kept in order of arrival."""
        self._ticked_from = self._now
        self._tick()
        ended = []
        for event_id, at in self._arrived.items():  # a glow that ends is drawn once more first
            if self._ticked_from - at < HIGHLIGHT:
                break
            ended.append(event_id)
        for event_id in ended:
            del self._arrived[event_id]

    def looks_ticked(self, event_id: int) -> bool:
        """Whether the last tick changed how the report's whole row looks: its glow took a step
        (or ended), or it is held (a lock lapses by the clock). The waiting column reads the clock
        in every row."""
        row = self._rows.get(event_id)
        if row is not None and row.taken_console:
            return True
        at = self._arrived.get(event_id)
        return at is not None and _glow(at, self._ticked_from) != _glow(at, self._now)

    def _next(self) -> int:
        self._generation += 1
        return self._generation

    # --- Reading ---------------------------------------------------------------------------
    def get(self, event_id: int):
        return self._rows.get(event_id)

    def hint(self, event_id: int) -> str:
        return self._hints.get(event_id, "")

    def hold(self, row) -> Hold:
        """Who may act on the report, as this console sees it now."""
        if not row.taken_console:
            return Hold.FREE
        if row.taken_console == self.console:
            return Hold.MINE
        if self._seen is None:  # no heartbeat read yet: as the row was loaded
            quiet = row.holder_quiet
        else:
            seen = self._seen.get(row.taken_console)
            if seen is None and self._seen_at > self._stored.get(row.id, 0):
                quiet = True  # gone from the heartbeats read after the row: it signed off
            else:  # the newer of the two: a take read after the heartbeats is a beat too
                beats = [t for t in (seen, row.holder_seen_at) if t is not None]
                quiet = not beats or self._now - max(beats) > self._quiet_after
        return Hold.LAPSED if quiet else Hold.OTHER

    def glow(self, event_id: int) -> float:
        """1.0 as a report arrives, fading to 0 over ``HIGHLIGHT`` in steps of ``GLOW_STEP``."""
        at = self._arrived.get(event_id)
        return 0.0 if at is None else _glow(at, self._now)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        return self.cell_answer(index)(role)

    def cell_answer(self, index: Index):
        # The row and the column looked up once for all the roles a painted cell is asked.
        return partial(self._cell, self._rows[self._ids[index.row()]], _COLUMNS[index.column()])

    def look(self, place: int, column: int) -> tuple:
        """What the painted cell at (``place``, ``column``) shows, in one call (the table's
        delegate, ``views/common/laid_cells.py``): (text, text colour or None, background or
        None, bold, centred) — the same answers as ``data``'s roles."""
        row, col = self._rows[self._ids[place]], _COLUMNS[column]
        return (self._text(row, col), self._foreground(row, col), self._background(row),
                self._font(row, col) is not None, col in _CENTRED)

    def _cell(self, row, col: Col, role: int):
        # One dictionary look-up finds what a role asks (or that the cell has nothing for it):
        # Qt's delegate asks seven roles of each painted cell, most of them answered by nothing.
        answer = _ANSWERS.get(role)
        return None if answer is None else answer(self, row, col)

    # --- Cells -----------------------------------------------------------------------------
    def _text(self, row, col: Col) -> str:
        match col:
            case Col.SOURCE:
                return label(row.source)
            case Col.WAITING:
                return waiting(row.received_at, self._now)
            case Col.PRIORITY:
                return label(row.priority)
            case Col.CALLER:
                return " ".join(part for part in (row.caller_name, row.caller_phone_shown) if part)
            case Col.REPORT:
                text = row.title if not row.text else f"{row.title} — {row.text}"
                if row.contact_count > 1:
                    text = self.tr("（{n}次反映）").format(n=row.contact_count) + text
                return " ".join(text.split())  # one line: newlines in a report would hide the rest
            case Col.SUGGESTED:
                return self._hints.get(row.id, "")
            case Col.GRID:
                return row.grid_name or self.tr("未定位")
            case Col.HOLDER:
                return self._holder_text(row)
        return ""

    def _decoration(self, row, col: Col):
        return source_icon(row.source) if col == Col.SOURCE else None

    def _font(self, row, col: Col):
        if col == Col.WAITING or (col == Col.PRIORITY and row.priority == Priority.URGENT):
            return _bold()
        return None

    def _alignment(self, _row, col: Col):
        return Qt.AlignmentFlag.AlignCenter if col in _CENTRED else None

    def _holder_text(self, row) -> str:
        hold = self.hold(row)
        if hold == Hold.FREE:
            return ""
        if hold == Hold.MINE:
            return self.tr("本台接手")
        who = f"{row.taken_by_name}（{row.taken_console}）"
        if hold == Hold.LAPSED:
            return self.tr("{who} 已离线").format(who=who)
        return self.tr("{who} 处理中").format(who=who)

    def _background(self, row, _col: Col | None = None):
        glow = self.glow(row.id)
        if glow > 0:
            colour = QColor(_NEW)
            colour.setAlphaF(glow)
            return colour
        if self.hold(row) == Hold.MINE:
            return _MINE
        return None

    def _foreground(self, row, col: Col):
        hold = self.hold(row)
        if hold == Hold.OTHER:
            return _LOCKED  # not this officer's to act on: it recedes
        if col == Col.PRIORITY:
            return palette.PRIORITY[row.priority]
        if col == Col.WAITING:
            state = intake_state(row.priority, self._now - row.received_at)
            if state:  # past (or half through) the 立案+派遣 limit: 10 min urgent, 30 otherwise
                return palette.OVERDUE_TEXT if state == "overdue" else palette.DUE_SOON_TEXT
        if col == Col.HOLDER and hold == Hold.LAPSED:
            return palette.DUE_SOON_TEXT
        if col == Col.SUGGESTED:
            return QColor("#5c6bc0")
        return None

    def _tooltip(self, row, col: Col) -> str | None:
        if col == Col.REPORT:
            return f"{row.code}\n{row.title}\n{row.text}\n{row.address}".strip()
        if col == Col.GRID and row.grid_name:
            return " / ".join(p for p in (row.community_name, row.grid_name, row.address) if p)
        if col == Col.HOLDER and row.taken_at is not None:
            return self.tr("{time} 接手").format(time=row.taken_at.strftime("%H:%M:%S"))
        if col == Col.WAITING:
            return self.tr("受理时间：{time}").format(time=row.received_at.strftime("%Y-%m-%d %H:%M:%S"))
        return None


_ANSWERS = {
    Qt.ItemDataRole.DisplayRole: CallQueueModel._text,
    ROW_ROLE: lambda _model, row, _col: row,
    Qt.ItemDataRole.DecorationRole: CallQueueModel._decoration,
    Qt.ItemDataRole.BackgroundRole: CallQueueModel._background,
    Qt.ItemDataRole.ForegroundRole: CallQueueModel._foreground,
    Qt.ItemDataRole.FontRole: CallQueueModel._font,
    Qt.ItemDataRole.ToolTipRole: CallQueueModel._tooltip,
    Qt.ItemDataRole.TextAlignmentRole: CallQueueModel._alignment,
}


@cache
def _bold() -> QFont:
    """The waiting time's and an urgent priority's font (made once, after the application)."""
    font = QFont()
    font.setBold(True)
    return font


def _glow(arrived: datetime, now: datetime) -> float:
    return max(0.0, 1.0 - (now - arrived) // GLOW_STEP * GLOW_STEP / HIGHLIGHT)


def waiting(since: datetime, now: datetime) -> str:
    """How long a report has waited: ``4:05`` under an hour (the seconds count on a call),
    then hours and minutes."""
    seconds = max(0, int((now - since).total_seconds()))
    if seconds < 3600:
        return f"{seconds // 60}:{seconds % 60:02d}"
    return timefmt.span(seconds)
