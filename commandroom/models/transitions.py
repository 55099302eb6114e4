"""What each transition does to the tables: one function per domain command, returning a
``Change``. The commands (``models/commands``) and the demo generator (``commandroom/demo``)
both call these, so the generated history and a console's work are written the same way.

The functions decide fields only: who may give a command and in which status is
``lifecycle.RULES``'s business (the caller sets ``status`` from it), and the caller supplies what
it alone can look up (the active assignments, the due times from the category's limits). They
read the event through attributes (``ev.first_dispatched_at``), so an ORM ``Event`` and the
generator's own event record both serve. Times are passed through untouched; only their
difference is taken (``elapsed``), so datetimes and the generator's integer seconds both work.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from commandroom.models.change import Change
from commandroom.models.enums import AssignmentRole, ExtensionDecision

LEAD, ASSIST = AssignmentRole.LEAD.value, AssignmentRole.ASSIST.value


def elapsed(start, end) -> int | None:
    """Whole seconds from ``start`` to ``end`` (datetimes or seconds), None without a start."""
    if start is None:
        return None
    delta = end - start
    return delta if isinstance(delta, int) else int(delta.total_seconds())


# -- intake -------------------------------------------------------------------------------
def receive(*, now, code: str, street_id: int, source: str, priority: str, title: str,
            description: str, address: str, lat: float | None, lon: float | None,
            grid_id: int | None, reporter_name: str, reporter_phone: str,
            external_ref: str, client: str = "", category_hint: str = "", media: str = "",
            reported_at=None, reported_point: tuple[float, float] | None = None) -> Change:
    """受理: the new event's own columns (the rest start as ``change.NEW_EVENT``) and its first
    contact (the contact's ``event_id`` is the new event's, filled in by the caller).

    The contact keeps the report as sent: when it was made (``reported_at``, by default now)
    and the point it gave (``reported_point``, by default the event's), which the event drops
    when it lies outside the street."""
    change = Change(event=dict(
        code=code, street_id=street_id, source=source, priority=priority, title=title,
        description=description, address=address, lat=lat, lon=lon, grid_id=grid_id,
        reporter_name=reporter_name, reporter_phone=reporter_phone, received_at=now))
    c_lat, c_lon = reported_point or (lat, lon)
    change.add_row("contact", street_id=street_id, source=source, external_ref=external_ref,
                   received_at=now if reported_at is None else reported_at,
                   caller_name=reporter_name, caller_phone=reporter_phone,
                   content=description or title, address=address, lat=c_lat, lon=c_lon,
                   client=client, category_hint=category_hint, media=media)
    return change


def register(*, now, category_id: int, priority: str, grid_id: int, lat, lon, address: str) -> Change:
    return Change(event=dict(category_id=category_id, priority=priority, grid_id=grid_id,
                             lat=lat, lon=lon, address=address, registered_at=now))


def reject(*, reason: str) -> Change:
    return Change(event=dict(reject_reason=reason))


def take(*, now, login: str, console: str, taken_from=None) -> Change:
    """接手: the report is locked to this console. ``taken_from``: the quiet console whose
    lapsed lock this take replaces (a ``hold.Holder``), named in the log."""
    change = Change(event=dict(taken_by=login, taken_console=console, taken_at=now))
    if taken_from is not None:
        change.info.update(taken_from=taken_from.login, taken_from_console=taken_from.console)
    return change


# The lock's columns once nobody holds the report.
RELEASED = dict(taken_by="", taken_console="", taken_at=None)


def release() -> Change:
    return Change(event=dict(RELEASED))


def answer(*, now, text: str) -> Change:
    """当场答复: answered by the officer at once and closed, without dispatch."""
    return Change(event=dict(answer=text, closed_at=now))


def merge(*, into_id: int) -> Change:
    """The duplicate's side of a merge: it points at the event that keeps its reports."""
    return Change(event=dict(merged_into_id=into_id))


def attach(target, *, contact_ids: Iterable[int], contact_count: int, merged_from_id: int) -> Change:
    """The surviving event's side of a merge: the duplicate's reports move to it."""
    change = Change(event=dict(contact_count=target.contact_count + contact_count),
                    info=dict(merged_from_id=merged_from_id))
    for contact_id in contact_ids:
        change.set_row("contact", contact_id, event_id=target.id)
    return change


# -- dispatch and the unit's side ------------------------------------------------------------
def dispatch(ev, *, now, lead: int, assists: Iterable[int], active: Iterable[int],
             response_due, handle_due) -> Change:
    """派遣: the current assignments end, the lead (and assisting) units get new ones; the
    response and handling clocks start now (the first dispatch is kept for the measures)."""
    change = Change(event=dict(lead_unit_id=lead, dispatched_at=now, acknowledged_at=None,
                               response_due=response_due, handle_due=handle_due))
    if ev.first_dispatched_at is None:
        change.event["first_dispatched_at"] = now
    for assignment_id in active:
        change.set_row("assignment", assignment_id, active=False)
    for unit_id, role in [(lead, LEAD), *((u, ASSIST) for u in assists)]:
        _assign(change, now=now, unit_id=unit_id, role=role)
    return change


def _assign(change: Change, *, now, unit_id: int, role: str) -> None:
    """A unit's new part in the event (a new row carries every column)."""
    change.add_row("assignment", unit_id=unit_id, role=role, dispatched_at=now,
                   acknowledged_at=None, returned_at=None, return_reason="", withdrawn_at=None,
                   withdraw_reason="", active=True)


def reassign(ev, *, now, lead: int, reason: str, lead_assignments: Iterable[int],
             replaced_assist: int | None, response_due) -> Change:
    """改派: the dispatcher moves the lead (主办) to another unit, in one step counted as a
    transfer (流转). Assisting units keep their parts (an assist that becomes the lead gives its
    assisting part up). The new unit must sign for it by a fresh ``response_due``; the handling
    due time stays: the reporter's clock does not restart because the street chose another unit."""
    change = Change(event=dict(lead_unit_id=lead, dispatched_at=now, acknowledged_at=None,
                               response_due=response_due, transfer_count=ev.transfer_count + 1),
                    info=dict(reason=reason, from_unit_id=ev.lead_unit_id))
    for assignment_id in [*lead_assignments, *([replaced_assist] if replaced_assist else [])]:
        change.set_row("assignment", assignment_id, active=False, withdrawn_at=now,
                       withdraw_reason=reason)
    _assign(change, now=now, unit_id=lead, role=LEAD)
    return change


def recall(ev, *, now, reason: str, active: Iterable[int]) -> Change:
    """召回: the dispatcher takes the event back from its units, to be dispatched again. Like a
    return (退回) it leaves the first unit's hands, so it counts as a transfer (流转)."""
    change = Change(event=dict(lead_unit_id=None, acknowledged_at=None,
                               transfer_count=ev.transfer_count + 1), info=dict(reason=reason))
    for assignment_id in active:
        change.set_row("assignment", assignment_id, active=False, withdrawn_at=now,
                       withdraw_reason=reason)
    return change


def add_assist(*, now, unit_id: int) -> Change:
    """增加协办: one more assisting unit on an event already with its units."""
    change = Change()
    _assign(change, now=now, unit_id=unit_id, role=ASSIST)
    return change


def acknowledge_assist(*, now, assignment_id: int, unit_id: int) -> Change:
    """协办签收: an assisting unit signs for its own part; the event's status is the lead's."""
    change = Change(info=dict(unit_id=unit_id))
    change.set_row("assignment", assignment_id, acknowledged_at=now)
    return change


def escalate(ev, *, now, by: str, department_id: int, place: str, meet_at, confirm_by,
             handle_due, active: Iterable[int]) -> Change:
    """街呼区应: dispatched to the district department, which must confirm by ``confirm_by``."""
    change = dispatch(ev, now=now, lead=department_id, assists=(), active=active,
                      response_due=confirm_by, handle_due=handle_due)
    change.event["escalated"] = True
    change.add_row("escalation", department_id=department_id, raised_at=now, raised_by=by,
                   place=place, meet_at=meet_at, confirm_by=confirm_by, confirmed_at=None,
                   rating=None)
    return change


def acknowledge(ev, *, now, lead_assignments: Iterable[int], open_escalations: Iterable[int]) -> Change:
    """签收 by the lead unit (for an escalated event, the department's confirmation)."""
    change = Change(event=dict(acknowledged_at=now))
    if ev.response_seconds is None:
        change.event["response_seconds"] = elapsed(ev.first_dispatched_at, now)
    for assignment_id in lead_assignments:
        change.set_row("assignment", assignment_id, acknowledged_at=now)
    for escalation_id in open_escalations:
        change.set_row("escalation", escalation_id, confirmed_at=now)
    return change


def return_(ev, *, now, reason: str, active: Iterable[int]) -> Change:
    """退回: back to the dispatcher, counted as a transfer (流转)."""
    change = Change(event=dict(lead_unit_id=None, acknowledged_at=None,
                               transfer_count=ev.transfer_count + 1))
    for assignment_id in active:
        change.set_row("assignment", assignment_id, active=False, returned_at=now,
                       return_reason=reason)
    return change


def start() -> Change:
    return Change()


def resolve(ev, *, now, note: str) -> Change:
    return Change(event=dict(resolved_at=now, handling_seconds=elapsed(ev.first_dispatched_at, now)),
                  info=dict(note=note))


def verify(*, now, note: str) -> Change:
    return Change(event=dict(verified_at=now), info=dict(note=note) if note else {})


def rework(ev, *, reason: str) -> Change:
    return Change(event=dict(resolved_at=None, rework_count=ev.rework_count + 1),
                  info=dict(reason=reason))


def close(ev, *, now) -> Change:
    """结案, recording whether the result came by the (possibly extended) due time."""
    return Change(event=dict(closed_at=now, on_time=ev.resolved_at <= ev.handle_due))


def evaluate(*, satisfaction: str, department_rating: str | None,
             escalations: Iterable[int]) -> Change:
    change = Change(event=dict(satisfaction=satisfaction))
    if department_rating is not None:
        for escalation_id in escalations:
            change.set_row("escalation", escalation_id, rating=department_rating)
    return change


# -- extensions --------------------------------------------------------------------------------
def request_extension(*, now, by: str, new_due, reason: str) -> Change:
    change = Change()
    change.add_row("extension_request", requested_at=now, requested_by=by, new_due=new_due,
                   reason=reason, decision=ExtensionDecision.PENDING.value, decided_at=None,
                   decided_by="", decision_note="")
    return change


def decide_extension(ev, *, now, by: str, request_id: int, approve: bool, new_due, note: str) -> Change:
    """批准 moves the due time and counts the extension; 驳回 only records the decision."""
    decision = ExtensionDecision.APPROVED if approve else ExtensionDecision.DENIED
    change = Change()
    if approve:
        change.event.update(handle_due=new_due, extension_count=ev.extension_count + 1)
    change.set_row("extension_request", request_id, decision=decision.value, decided_at=now,
                   decided_by=by, decision_note=note)
    return change


# -- units -------------------------------------------------------------------------------------
def unit_status(*, unit_id: int, status: str, on_duty: int) -> Change:
    """A unit's duty status and people on duty (the board and the replay read them)."""
    change = Change()
    change.set_row("unit", unit_id, status=status, on_duty=on_duty)
    return change


def decide(*, street_id: int, week: str, event_id: int, kind: str, what: str, who: str, due, by: str,
           now, sequence: int) -> Change:
    """The weekly meeting's decision on an agenda item (models/decisions.py)."""
    change = Change()
    change.add_row("decision", street_id=street_id, week=week, event_id=event_id, kind=kind, what=what,
                   who=who, due=due, decided_by=by, decided_at=now, sequence=sequence)
    return change


def new_rows_of(change: Change, table: str) -> list[dict[str, Any]]:
    return [r.fields for r in change.rows if r.table == table and r.id is None]
