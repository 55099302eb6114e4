"""Everything the meeting window shows of one week, read once: the week's report (measures,
agenda, decisions; ``weekly.py``), the replay of the week under the slider, the names the
replayed rows need and the activity histogram. Qt-free; services/ builds it off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from commandroom.models import weekly
from commandroom.models.queries import CategoryChoice, EventRow, GridChoice, LiveSnapshot, list_categories, list_grids
from commandroom.models.changefeed import LogEntry
from commandroom.models.enums import Action
from commandroom.models.replay import Replay, read_log
from commandroom.models.replay_rows import Names, event_rows
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
    _rows: dict = field(default_factory=dict, compare=False, repr=False)  # event_rows' cache

    def rows_at(self, at: datetime, recent_days: int) -> list[EventRow]:
        """The event list as a console opened at ``at`` would have shown it."""
        return event_rows(self.replay.state_at(at), self.names, at, recent_days, self._rows)

    def empty_snapshot(self) -> LiveSnapshot:
        """An opening snapshot with the filter vocabularies and no rows (``rows_at`` brings them)."""
        return LiveSnapshot(0, (), self.categories, self.grids, self.report.street, None)

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
    return MeetingData(report, replay, Names.load(session), replay.activity(HISTOGRAM_BUCKET),
                       tuple(list_categories(session)), tuple(list_grids(session, street_id=street_id)),
                       earlier)
