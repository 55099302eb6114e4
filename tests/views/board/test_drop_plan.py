"""What a drop means, decided before anything is sent (the lifecycle table says what applies)."""

from __future__ import annotations

from dataclasses import replace

from commandroom.models.enums import Action, Role, Status, UnitStatus
from commandroom.views.board.drop_plan import plan_recall, plan_unit_drop
from tests.views.board.cards import card, unit

OFFICER = Role.DUTY_OFFICER


def test_a_waiting_card_is_dispatched_a_held_one_reassigned_or_assisted():
    waiting, held = card(1, Status.REGISTERED), card(2, Status.IN_PROGRESS)  # led by unit 3
    target = unit(1, category_codes=("CG01", "CG02", "HJ01", "SZ01"))
    assert [(s.action, s.card.id) for s in plan_unit_drop([waiting, held], target, False, OFFICER).steps] == [
        (Action.DISPATCH, 1), (Action.REASSIGN, 2)]
    plan = plan_unit_drop([waiting, held], target, True, OFFICER)
    assert [(s.action, s.card.id) for s in plan.steps] == [(Action.ADD_ASSIST, 2)]
    assert plan.refused == [f"事件 {waiting.code} 尚未派遣：先不按 Ctrl 拖到主办单位"]
    assert plan_unit_drop([held], target, False, OFFICER).needs_reason == Action.REASSIGN


def test_refusals_in_words_from_the_lifecycle_and_the_parts():
    resolved = card(4, Status.RESOLVED)
    target = unit(1, category_codes=("SZ01",))
    plan = plan_unit_drop([resolved], target, False, OFFICER)
    assert plan.steps == [] and plan.refused == [f"事件 {resolved.code} 当前为「已反馈」，不能改派"]
    own_lead = unit(resolved.lead_unit_id)
    dispatched = replace(card(4, Status.DISPATCHED))
    assert plan_unit_drop([dispatched], own_lead, False, OFFICER).refused == [
        f"「{own_lead.name}」已是事件 {dispatched.code} 的主办单位"]
    assert plan_unit_drop([dispatched], own_lead, True, OFFICER).refused == [
        f"「{own_lead.name}」是事件 {dispatched.code} 的主办单位，不能同时协办"]
    assert plan_unit_drop([dispatched], target, False, Role.DISPLAY).steps == []  # the wall may not


def test_off_duty_refuses_everything_and_a_foreign_category_asks():
    cards = [card(1, Status.REGISTERED), card(2, Status.REGISTERED)]  # CG02, HJ01
    off = unit(1, status=UnitStatus.OFF_DUTY)
    plan = plan_unit_drop(cards, off, False, OFFICER)
    assert plan.steps == [] and plan.refused == [f"「{off.name}」当前离岗，不能接收事件；未发送任何命令"]
    plan = plan_unit_drop(cards, unit(1, category_codes=("CG02",)), False, OFFICER)
    assert [c.id for c in plan.not_handled] == [2] and len(plan.steps) == 2


def test_recall_takes_back_held_cards_only():
    plan = plan_recall([card(1, Status.REGISTERED), card(2, Status.ACKNOWLEDGED), card(3, Status.VERIFIED)], OFFICER)
    assert [(s.action, s.card.id) for s in plan.steps] == [(Action.RECALL, 2)]
    assert plan.refused == [f"事件 {card(3).code} 当前为「已核查」，不能召回"] and plan.needs_reason == Action.RECALL
