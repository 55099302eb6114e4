"""The transition table against the lifecycle of DOMAIN.md, written out here independently."""

import pytest

from commandroom.models.enums import Action, Role, Status
from commandroom.models.errors import IllegalTransitionError, PermissionDeniedError
from commandroom.models.lifecycle import RULES, allowed_actions, check_role, check_transition

S = Status
HELD = {S.DISPATCHED, S.ACKNOWLEDGED, S.IN_PROGRESS}
EXPECTED = {  # action: ({statuses it applies in}, status after)
    Action.REGISTER: ({S.RECEIVED}, S.REGISTERED),
    Action.REJECT: ({S.RECEIVED}, S.REJECTED),
    Action.MERGE: ({S.RECEIVED, S.REGISTERED}, S.MERGED),
    Action.DISPATCH: ({S.REGISTERED}, S.DISPATCHED),
    Action.ACKNOWLEDGE: ({S.DISPATCHED}, S.ACKNOWLEDGED),
    Action.RETURN: ({S.DISPATCHED, S.ACKNOWLEDGED}, S.REGISTERED),
    Action.START: ({S.ACKNOWLEDGED}, S.IN_PROGRESS),
    Action.RESOLVE: ({S.ACKNOWLEDGED, S.IN_PROGRESS}, S.RESOLVED),
    Action.VERIFY: ({S.RESOLVED}, S.VERIFIED),
    Action.REWORK: ({S.RESOLVED}, S.IN_PROGRESS),
    Action.CLOSE: ({S.VERIFIED}, S.CLOSED),
    Action.EVALUATE: ({S.CLOSED}, S.EVALUATED),
    Action.REQUEST_EXTENSION: (HELD, None),
    Action.APPROVE_EXTENSION: (HELD, None),
    Action.DENY_EXTENSION: (HELD, None),
    Action.ESCALATE: ({S.REGISTERED} | HELD, S.DISPATCHED),
    Action.TAKE: ({S.RECEIVED}, None),
    Action.RELEASE: ({S.RECEIVED}, None),
    Action.ANSWER: ({S.RECEIVED}, S.ANSWERED),
    Action.REASSIGN: (HELD, S.DISPATCHED),
    Action.RECALL: (HELD, S.REGISTERED),
    Action.ADD_ASSIST: (HELD, None),
    Action.ACKNOWLEDGE_ASSIST: (HELD, None),
}


@pytest.mark.parametrize("action", list(EXPECTED))
@pytest.mark.parametrize("status", list(Status))
def test_every_transition(action, status):
    sources, target = EXPECTED[action]
    if status in sources:
        assert check_transition(action, "E1", status) == (target or status)
    else:
        with pytest.raises(IllegalTransitionError) as err:
            check_transition(action, "E1", status)
        assert status.label in str(err.value) and action.label in str(err.value)


def test_terminal_statuses_accept_nothing():
    for status in (S.REJECTED, S.MERGED, S.EVALUATED, S.ANSWERED):
        for role in Role:
            assert allowed_actions(status, role) == []


@pytest.mark.parametrize(
    "action, role, allowed",
    [
        (Action.REGISTER, Role.DUTY_OFFICER, True),
        (Action.CLOSE, Role.DUTY_OFFICER, False),
        (Action.CLOSE, Role.SHIFT_LEADER, True),
        (Action.APPROVE_EXTENSION, Role.DUTY_OFFICER, False),
        (Action.ESCALATE, Role.DUTY_OFFICER, False),
        (Action.RECEIVE, Role.SYSTEM, True),
        (Action.DISPATCH, Role.SYSTEM, False),
        (Action.DISPATCH, Role.DISPLAY, False),
        (Action.RESOLVE, Role.ADMIN, False),
        (Action.TAKE, Role.DUTY_OFFICER, True),
        (Action.TAKE, Role.SYSTEM, False),
        (Action.ANSWER, Role.DISPLAY, False),
        (Action.REASSIGN, Role.SHIFT_LEADER, True),
        (Action.ACKNOWLEDGE_ASSIST, Role.ADMIN, False),
    ],
)
def test_roles(action, role, allowed):
    if allowed:
        check_role(action, role)
    else:
        with pytest.raises(PermissionDeniedError) as err:
            check_role(action, role)
        assert role.label in str(err.value)


def test_display_may_do_nothing():
    assert all(Role.DISPLAY not in rule.roles for rule in RULES.values())
