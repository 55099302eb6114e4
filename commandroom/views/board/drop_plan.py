"""What a drop means, decided before anything is sent.

Cards dropped on a unit: a card waiting for dispatch is dispatched to it (lead); a card already
with a unit is reassigned to it (改派), or with Ctrl held gets it as an assisting unit (协办).
Cards dropped on 待派遣 are recalled (召回). Whether each command applies is asked of the
lifecycle table (``allowed_actions``), never of a second list. An off-duty unit refuses the
whole drop; a card the command does not apply to is refused in words and the others go ahead;
a unit that does not answer for a card's category asks first; a reassignment or a recall asks
for its reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from commandroom.models.enums import Action, AssignmentRole, Role, UnitStatus
from commandroom.models.lifecycle import allowed_actions
from commandroom.views.common.labels import label

translate = QCoreApplication.translate

# The command each action is given by (``Commands`` method names).
COMMAND = {Action.DISPATCH: "dispatch", Action.REASSIGN: "reassign", Action.ADD_ASSIST: "add_assist",
           Action.RECALL: "recall"}
NEEDS_REASON = frozenset({Action.REASSIGN, Action.RECALL})


@dataclass(frozen=True)
class Step:
    """One command to give: the action on a card (at the version the officer saw)."""

    action: Action
    card: BoardCard
    unit: UnitCard | None = None


@dataclass
class Plan:
    steps: list[Step] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # why a card (or the whole drop) was refused
    not_handled: list[BoardCard] = field(default_factory=list)  # categories the unit does not answer for

    @property
    def needs_reason(self) -> Action | None:
        return next((s.action for s in self.steps if s.action in NEEDS_REASON), None)


def off_duty_refusal(unit: UnitCard) -> str:
    return translate("DropPlan", "「{unit}」当前离岗，不能接收事件；未发送任何命令").format(unit=unit.name)


def plan_unit_drop(cards: list[BoardCard], unit: UnitCard, ctrl: bool, role: Role) -> Plan:
    plan = Plan()
    if unit.status == UnitStatus.OFF_DUTY:
        plan.refused.append(off_duty_refusal(unit))
        return plan
    for card in cards:
        action, why = _unit_action(card, unit, ctrl)
        if action is not None and action not in allowed_actions(card.status, role):
            action, why = None, translate("DropPlan", "事件 {code} 当前为「{status}」，不能{action}").format(
                code=card.code, status=label(card.status), action=label(_asked(card, ctrl)))
        if action is None:
            plan.refused.append(why)
            continue
        plan.steps.append(Step(action, card, unit))
        if card.category_code and card.category_code not in unit.category_codes:
            plan.not_handled.append(card)
    return plan


def plan_recall(cards: list[BoardCard], role: Role) -> Plan:
    plan = Plan()
    for card in cards:
        if not card.parts:  # already waiting for dispatch: nothing to take back
            continue
        if Action.RECALL in allowed_actions(card.status, role):
            plan.steps.append(Step(Action.RECALL, card))
        else:
            plan.refused.append(translate("DropPlan", "事件 {code} 当前为「{status}」，不能召回").format(
                code=card.code, status=label(card.status)))
    return plan


def takes(cards: list[BoardCard], unit: UnitCard, ctrl: bool, role: Role) -> bool:
    """Whether a drop of these cards on the unit would send anything (the hover's colour)."""
    return bool(cards) and bool(plan_unit_drop(cards, unit, ctrl, role).steps)


def _asked(card: BoardCard, ctrl: bool) -> Action:
    if ctrl:
        return Action.ADD_ASSIST
    return Action.REASSIGN if card.parts else Action.DISPATCH


def _unit_action(card: BoardCard, unit: UnitCard, ctrl: bool) -> tuple[Action | None, str]:
    """The action a drop asks for on this card, or None with the reason it cannot be."""
    parts = {part.unit_id: part.role for part in card.parts}
    if ctrl:
        if not card.parts:
            return None, translate("DropPlan", "事件 {code} 尚未派遣：先不按 Ctrl 拖到主办单位").format(code=card.code)
        if parts.get(unit.id) == AssignmentRole.LEAD:
            return None, translate("DropPlan", "「{unit}」是事件 {code} 的主办单位，不能同时协办").format(
                unit=unit.name, code=card.code)
        if unit.id in parts:
            return None, translate("DropPlan", "「{unit}」已在协办事件 {code}").format(unit=unit.name, code=card.code)
        return Action.ADD_ASSIST, ""
    if not card.parts:
        return Action.DISPATCH, ""
    if card.lead_unit_id == unit.id:
        return None, translate("DropPlan", "「{unit}」已是事件 {code} 的主办单位").format(unit=unit.name, code=card.code)
    return Action.REASSIGN, ""
