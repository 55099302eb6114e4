"""Everything the meeting window shows of one week, read once: the week's report (measures,
agenda, decisions; ``weekly.py``), the replay of the week under the slider, the names the
replayed rows need, the activity histogram, and what the map and the board draw besides the
events. Qt-free; services/ builds it off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from commandroom.models import board, map_view, replay_views, weekly
from commandroom.models.board import UnitCard
from commandroom.models.board_view import BoardData
from commandroom.models.map_view import MapChanges, MapSnapshot
from commandroom.models.queries import RECENT_DAYS, CategoryChoice, GridChoice, LiveSnapshot, list_categories, list_grids
from commandroom.models.changefeed import LogEntry
from commandroom.models.enums import Action
from commandroom.models.replay import Replay, read_log
from commandroom.models.replay_cursor import RowsCursor
from commandroom.models.replay_rows import Names
from commandroom.models.weekly import WeeklyReport

HISTOGRAM_BUCKET = timedelta(hours=1)


@dataclass(frozen=True)
class MeetingData:
    report: WeeklyReport
    replay: Replay  # from Monday 00:00 to the week's end, or to now in the current week
    names: Names
    activity: list[int]  # log rows per hour of the replay window
    categories: tuple[CategoryChoice, ...]  # the event list's filter vocabularies
    grids: tuple[GridChoice, ...]
    # The agenda's events' rows from before the week: their timelines start with their report.
    earlier: dict[int, list[LogEntry]] = field(default_factory=dict)
    # The event list under the slider, moved by differences (what the window draws); made in
    # the loading thread, since its opening rows are the street's whole list.
    cursor: RowsCursor | None = None
    # What the map and the board show besides the events, read once: the grids, where the units
    # are drawn, the units' cards (their loads and duty status follow the slider).
    map_base: MapSnapshot | None = None
    unit_cards: tuple[UnitCard, ...] = ()

    def board_at(self, ids: set[int] | None = None) -> BoardData:
        """The board at the cursor's instant: whole (``ids`` None) or for the events changed."""
        return replay_views.board_at(self.cursor, self.unit_cards, ids)

    def map_at(self, ids: set[int] | None = None) -> MapSnapshot | MapChanges:
        """The map at the cursor's instant: whole (``ids`` None) or for the events changed."""
        return replay_views.map_at(self.cursor, self.map_base, ids)

    def snapshot(self, rows=()) -> LiveSnapshot:
        """An opening snapshot with the filter vocabularies and ``rows``."""
        return LiveSnapshot(0, tuple(rows), self.categories, self.grids, self.report.street, None)

    def timeline(self, event_id: int, until: datetime) -> tuple[list[LogEntry], bool]:
        """The event's rows up to ``until``, and whether rows from before the week are missing
        (an event off the agenda received before Monday)."""
        within = self.replay.entries_of(event_id, until)
        earlier = self.earlier.get(event_id)
        if earlier is not None:
            return earlier + within, False
        missing = bool(within) and within[0].action is not Action.RECEIVE
        return within, missing


def load(session: Session, street_id: int, week: str, now: datetime) -> MeetingData:
    report = weekly.build(session, street_id, week, now)
    replay = Replay(session, street_id, report.start, min(report.end, max(now, report.start)))
    earlier: dict[int, list[LogEntry]] = {item.event_id: [] for item in report.agenda}
    for entry in read_log(session, street_id, until=report.start, event_ids=sorted(earlier)):
        earlier[entry.event_id].append(entry)
    names = Names.load(session)
    grids, locator = map_view.load_grids(session, street_id)
    map_base = MapSnapshot(tuple(grids), (), (), tuple(map_view.load_units(session, street_id, grids)), (), locator)
    cursor = RowsCursor(replay, names, RECENT_DAYS)
    cursor.warm()
    return MeetingData(report, replay, names, replay.activity(HISTOGRAM_BUCKET),
                       tuple(list_categories(session)), tuple(list_grids(session, street_id=street_id)),
                       earlier, cursor, map_base,
                       tuple(board.load_units(session, report.start, street_id=street_id)))
