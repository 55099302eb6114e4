"""The read models of the event detail and of the shift leader's pending extensions.

Both are loaded by the feed pump, in its thread and its transaction (``feed_pump.ReadModel``):

- ``detail``: the one event the detail dock shows (``DetailWatch.event_id``, set by the GUI
  thread). On every change that
  touches it the pump loads it again; when the officer selects another event the dock asks the
  pump for it (``FeedPump.refresh_view``). The unit cards come along for the forms (dispatch,
  reassign, escalate): their duty status decides which units may be chosen.
- ``pending_extensions``: the street's undecided extension requests (one SELECT), loaded again on
  every change (a decision or a new request is any event's change).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from commandroom.models.board import load_units
from commandroom.models.detail import load_detail, pending_extensions
from commandroom.services.detail_watch import DETAIL, PENDING_EXTENSIONS, DetailView, DetailWatch
from commandroom.services.feed_pump import ReadModel


def load_detail_view(session: Session, event_id: int, now: datetime, street_id: int | None) -> DetailView:
    detail = load_detail(session, event_id, street_id=street_id)
    units = tuple(load_units(session, now, street_id=street_id))
    return DetailView(event_id, detail, units, now)


def detail_read_model(watch: DetailWatch) -> ReadModel:
    def load_ids(session: Session, ids: list[int], now: datetime, street_id: int | None) -> tuple:
        shown = watch.event_id
        if shown is None or shown not in ids:
            return ()
        return (load_detail_view(session, shown, now, street_id),)

    return ReadModel(DETAIL, lambda session, now, street_id: (), load_ids)


def pending_read_model() -> ReadModel:
    def load(session: Session, now: datetime, street_id: int | None) -> tuple:
        return tuple(pending_extensions(session, street_id=street_id))

    return ReadModel(PENDING_EXTENSIONS, load, lambda session, ids, now, street_id: load(session, now, street_id))
