"""The event lifecycle as one table: which command applies in which status, who may give it,
and the status it leads to (DOMAIN.md, 数字城管 / 12345 closed loop). Nothing else in the code
decides whether a transition is legal."""

from __future__ import annotations

from dataclasses import dataclass

from commandroom.models.enums import Action, Role, Status
from commandroom.models.errors import IllegalTransitionError, PermissionDeniedError

S = Status
OPERATORS = frozenset({Role.DUTY_OFFICER, Role.SHIFT_LEADER})
LEADERS = frozenset({Role.SHIFT_LEADER})
INTAKE = OPERATORS | {Role.SYSTEM}
# While a unit holds the event: the phases in which its deadline runs.
HELD = frozenset({S.DISPATCHED, S.ACKNOWLEDGED, S.IN_PROGRESS})


@dataclass(frozen=True)
class Rule:
    sources: frozenset[Status]  # statuses the command applies in (empty: creates the event)
    target: Status | None  # the status it leads to; None keeps the status
    roles: frozenset[Role]


RULES: dict[Action, Rule] = {
    Action.RECEIVE: Rule(frozenset(), S.RECEIVED, INTAKE),
    Action.ATTACH_CONTACT: Rule(
        frozenset({S.RECEIVED, S.REGISTERED} | HELD | {S.RESOLVED, S.VERIFIED}), None, INTAKE
    ),
    Action.REGISTER: Rule(frozenset({S.RECEIVED}), S.REGISTERED, OPERATORS),
    Action.REJECT: Rule(frozenset({S.RECEIVED}), S.REJECTED, OPERATORS),
    Action.MERGE: Rule(frozenset({S.RECEIVED, S.REGISTERED}), S.MERGED, OPERATORS),
    Action.DISPATCH: Rule(frozenset({S.REGISTERED}), S.DISPATCHED, OPERATORS),
    Action.ACKNOWLEDGE: Rule(frozenset({S.DISPATCHED}), S.ACKNOWLEDGED, OPERATORS),
    # A wrong unit hands the event back to the dispatcher (流转), before or after signing for it.
    Action.RETURN: Rule(frozenset({S.DISPATCHED, S.ACKNOWLEDGED}), S.REGISTERED, OPERATORS),
    Action.START: Rule(frozenset({S.ACKNOWLEDGED}), S.IN_PROGRESS, OPERATORS),
    Action.RESOLVE: Rule(frozenset({S.ACKNOWLEDGED, S.IN_PROGRESS}), S.RESOLVED, OPERATORS),
    Action.VERIFY: Rule(frozenset({S.RESOLVED}), S.VERIFIED, OPERATORS),
    Action.REWORK: Rule(frozenset({S.RESOLVED}), S.IN_PROGRESS, OPERATORS),
    Action.CLOSE: Rule(frozenset({S.VERIFIED}), S.CLOSED, LEADERS),
    Action.EVALUATE: Rule(frozenset({S.CLOSED}), S.EVALUATED, OPERATORS),
    Action.REQUEST_EXTENSION: Rule(HELD, None, OPERATORS),
    Action.APPROVE_EXTENSION: Rule(HELD, None, LEADERS),
    Action.DENY_EXTENSION: Rule(HELD, None, LEADERS),
    Action.ESCALATE: Rule(frozenset({S.REGISTERED}) | HELD, S.DISPATCHED, LEADERS),
    # The call queue: a report is taken by one console (locked to it) and released; an
    # answer on the spot closes it without dispatch.
    Action.TAKE: Rule(frozenset({S.RECEIVED}), None, OPERATORS),
    Action.RELEASE: Rule(frozenset({S.RECEIVED}), None, OPERATORS),
    Action.ANSWER: Rule(frozenset({S.RECEIVED}), S.ANSWERED, OPERATORS),
    # The dispatcher moves the lead to another unit (改派, a transfer) or takes the event back
    # (召回); an assisting unit is added, or signs for its own part, without a status change.
    Action.REASSIGN: Rule(HELD, S.DISPATCHED, OPERATORS),
    Action.RECALL: Rule(HELD, S.REGISTERED, OPERATORS),
    Action.ADD_ASSIST: Rule(HELD, None, OPERATORS),
    Action.ACKNOWLEDGE_ASSIST: Rule(HELD, None, OPERATORS),
    # Not an event's transition (no status applies): who may set a unit's duty status.
    Action.UNIT_STATUS: Rule(frozenset(), None, OPERATORS | {Role.ADMIN, Role.SYSTEM}),
    # The weekly meeting's decision on an agenda item: the leaders', in any status of the event.
    Action.DECIDE: Rule(frozenset(), None, frozenset({Role.SHIFT_LEADER, Role.ADMIN})),
    # Not events' transitions either: the accounts and the organisation are the administrator's;
    # a handover is written and acknowledged by the officers who change shift.
    Action.USER_CHANGE: Rule(frozenset(), None, frozenset({Role.ADMIN})),
    Action.ORG_CHANGE: Rule(frozenset(), None, frozenset({Role.ADMIN})),
    Action.HANDOVER: Rule(frozenset(), None, OPERATORS),
    Action.ACKNOWLEDGE_HANDOVER: Rule(frozenset(), None, OPERATORS),
    # Supervision (督办, models/supervision.py): the scheduler raises the ladder's alerts while a
    # unit holds the event; a shift leader lists (挂牌) an open event by hand. Anyone at the
    # console acknowledges an alert; the scheduler clears it once the event has moved past it,
    # whatever the event's status is by then.
    Action.RAISE_ALERT: Rule(HELD | {S.REGISTERED, S.RESOLVED, S.VERIFIED}, None, LEADERS | {Role.SYSTEM}),
    Action.ACKNOWLEDGE_ALERT: Rule(frozenset(Status), None, OPERATORS),
    Action.CLEAR_ALERT: Rule(frozenset(Status), None, LEADERS | {Role.SYSTEM}),
}

# Commands that record a fact about the event without changing it: its version stays, so an
# alert raised between an officer's read and write never makes that write stale, and replay
# does not count their log rows in the version (docs/ARCHITECTURE.md, "Alerts and versions").
UNVERSIONED = frozenset({Action.RAISE_ALERT, Action.ACKNOWLEDGE_ALERT, Action.CLEAR_ALERT})


# What a report taken by one console is locked against: the others' decisions on it. A lock only
# matters while the report waits in the queue (RECEIVED); ``models/hold.py`` says who holds it.
LOCKED_BY_TAKE = frozenset({Action.REGISTER, Action.REJECT, Action.MERGE, Action.ANSWER})


def allowed_actions(status: Status, role: Role) -> list[Action]:
    """The commands a role may give on an event in this status (for menus and buttons). The
    alerts' own commands are given from the alerts dock, on an alert, not from the event's."""
    return [a for a, r in RULES.items() if status in r.sources and role in r.roles and a not in UNVERSIONED]


def check_role(action: Action, role: Role) -> None:
    rule = RULES[action]
    if role not in rule.roles:
        allowed = "、".join(r.label for r in sorted(rule.roles))
        raise PermissionDeniedError(
            f"「{role.label}」无权执行「{action.label}」，须由{allowed}操作",
            f"A {role.value} may not {action.value}; it needs: "
            + ", ".join(sorted(r.value for r in rule.roles)),
        )


def check_transition(action: Action, code: str, status: Status) -> Status:
    """The status after ``action``; raises if the command does not apply in ``status``."""
    rule = RULES[action]
    if status not in rule.sources:
        raise IllegalTransitionError(
            f"事件 {code} 当前为「{status.label}」，不能执行「{action.label}」",
            f"Event {code} is {status.value}; it cannot be given '{action.value}'",
        )
    return rule.target or status
