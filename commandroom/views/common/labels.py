"""Translated labels of the domain's enums.

The Chinese labels are the domain's own names (``enums.py``); they are repeated here as
literals inside ``QT_TRANSLATE_NOOP`` because lupdate only sees literal strings. A test checks
that each literal equals the enum's own label, so the two cannot drift apart.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from commandroom.models.enums import (
    AgendaKind,
    Action,
    AlertLevel,
    AssignmentRole,
    ExtensionDecision,
    Priority,
    Role,
    Satisfaction,
    Source,
    Status,
)

CONTEXT = "Labels"
# Actions are verbs on buttons and in the timeline ("立案" the action is "Register", the status
# "Registered"): their own context keeps the two translations apart.
ACTION_CONTEXT = "Actions"

_LABELS: dict[Enum, str] = {
    Status.RECEIVED: QT_TRANSLATE_NOOP("Labels", "受理"),
    Status.REGISTERED: QT_TRANSLATE_NOOP("Labels", "立案"),
    Status.REJECTED: QT_TRANSLATE_NOOP("Labels", "不予立案"),
    Status.DISPATCHED: QT_TRANSLATE_NOOP("Labels", "已派遣"),
    Status.ACKNOWLEDGED: QT_TRANSLATE_NOOP("Labels", "已签收"),
    Status.IN_PROGRESS: QT_TRANSLATE_NOOP("Labels", "处置中"),
    Status.RESOLVED: QT_TRANSLATE_NOOP("Labels", "已反馈"),
    Status.VERIFIED: QT_TRANSLATE_NOOP("Labels", "已核查"),
    Status.CLOSED: QT_TRANSLATE_NOOP("Labels", "已结案"),
    Status.EVALUATED: QT_TRANSLATE_NOOP("Labels", "已回访"),
    Status.MERGED: QT_TRANSLATE_NOOP("Labels", "已合并"),
    Status.ANSWERED: QT_TRANSLATE_NOOP("Labels", "当场答复"),
    Priority.URGENT: QT_TRANSLATE_NOOP("Labels", "紧急"),
    Priority.HIGH: QT_TRANSLATE_NOOP("Labels", "较急"),
    Priority.NORMAL: QT_TRANSLATE_NOOP("Labels", "一般"),
    Source.HOTLINE_12345: QT_TRANSLATE_NOOP("Labels", "12345热线"),
    Source.GRID_PATROL: QT_TRANSLATE_NOOP("Labels", "网格巡查"),
    Source.PHOTO_APP: QT_TRANSLATE_NOOP("Labels", "随手拍"),
    Source.WALK_IN: QT_TRANSLATE_NOOP("Labels", "来电来访"),
    Source.MICRO_WISH: QT_TRANSLATE_NOOP("Labels", "微心愿"),
    Source.DISTRICT_ORDER: QT_TRANSLATE_NOOP("Labels", "区级派单"),
    Role.DUTY_OFFICER: QT_TRANSLATE_NOOP("Labels", "值班员"),
    Role.SHIFT_LEADER: QT_TRANSLATE_NOOP("Labels", "带班领导"),
    Role.DISPLAY: QT_TRANSLATE_NOOP("Labels", "大屏"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Labels", "管理员"),
    Role.SYSTEM: QT_TRANSLATE_NOOP("Labels", "系统"),
    Action.RECEIVE: QT_TRANSLATE_NOOP("Actions", "受理"),
    Action.ATTACH_CONTACT: QT_TRANSLATE_NOOP("Actions", "追加来源"),
    Action.REGISTER: QT_TRANSLATE_NOOP("Actions", "立案"),
    Action.REJECT: QT_TRANSLATE_NOOP("Actions", "不予立案"),
    Action.DISPATCH: QT_TRANSLATE_NOOP("Actions", "派遣"),
    Action.ACKNOWLEDGE: QT_TRANSLATE_NOOP("Actions", "签收"),
    Action.RETURN: QT_TRANSLATE_NOOP("Actions", "退回"),
    Action.START: QT_TRANSLATE_NOOP("Actions", "开始处置"),
    Action.RESOLVE: QT_TRANSLATE_NOOP("Actions", "反馈"),
    Action.VERIFY: QT_TRANSLATE_NOOP("Actions", "核查通过"),
    Action.REWORK: QT_TRANSLATE_NOOP("Actions", "返工"),
    Action.CLOSE: QT_TRANSLATE_NOOP("Actions", "结案"),
    Action.EVALUATE: QT_TRANSLATE_NOOP("Actions", "回访评价"),
    Action.REQUEST_EXTENSION: QT_TRANSLATE_NOOP("Actions", "申请延期"),
    Action.APPROVE_EXTENSION: QT_TRANSLATE_NOOP("Actions", "批准延期"),
    Action.DENY_EXTENSION: QT_TRANSLATE_NOOP("Actions", "驳回延期"),
    Action.MERGE: QT_TRANSLATE_NOOP("Actions", "合并"),
    Action.ESCALATE: QT_TRANSLATE_NOOP("Actions", "街呼区应"),
    Action.RAISE_ALERT: QT_TRANSLATE_NOOP("Actions", "督办提醒"),
    Action.UNIT_STATUS: QT_TRANSLATE_NOOP("Actions", "单位状态"),
    Action.TAKE: QT_TRANSLATE_NOOP("Actions", "接手"),
    Action.RELEASE: QT_TRANSLATE_NOOP("Actions", "放手"),
    Action.ANSWER: QT_TRANSLATE_NOOP("Actions", "当场答复"),
    Action.REASSIGN: QT_TRANSLATE_NOOP("Actions", "改派"),
    Action.RECALL: QT_TRANSLATE_NOOP("Actions", "召回"),
    Action.ADD_ASSIST: QT_TRANSLATE_NOOP("Actions", "增加协办"),
    Action.ACKNOWLEDGE_ASSIST: QT_TRANSLATE_NOOP("Actions", "协办签收"),
    Action.DECIDE: QT_TRANSLATE_NOOP("Actions", "例会决定"),
    AgendaKind.LISTED: QT_TRANSLATE_NOOP("Labels", "挂牌督办"),
    AgendaKind.SUPERVISED: QT_TRANSLATE_NOOP("Labels", "督办"),
    AgendaKind.OVERDUE_CLOSED: QT_TRANSLATE_NOOP("Labels", "超期办结"),
    AgendaKind.TRANSFERRED: QT_TRANSLATE_NOOP("Labels", "多次流转"),
    AgendaKind.REWORKED: QT_TRANSLATE_NOOP("Labels", "返工"),
    AgendaKind.DISSATISFIED: QT_TRANSLATE_NOOP("Labels", "不满意"),
    AgendaKind.ESCALATED: QT_TRANSLATE_NOOP("Labels", "街呼区应"),
    AgendaKind.RECURRING: QT_TRANSLATE_NOOP("Labels", "反复出现"),
    Action.SIGN_IN: QT_TRANSLATE_NOOP("Actions", "签到"),
    Action.SIGN_IN_FAILED: QT_TRANSLATE_NOOP("Actions", "签到失败"),
    Action.SIGN_OUT: QT_TRANSLATE_NOOP("Actions", "签退"),
    Action.HANDOVER: QT_TRANSLATE_NOOP("Actions", "交班"),
    Action.ACKNOWLEDGE_HANDOVER: QT_TRANSLATE_NOOP("Actions", "接班"),
    Action.USER_CHANGE: QT_TRANSLATE_NOOP("Actions", "用户变更"),
    Action.ORG_CHANGE: QT_TRANSLATE_NOOP("Actions", "组织变更"),
    Action.ACKNOWLEDGE_ALERT: QT_TRANSLATE_NOOP("Actions", "知悉督办"),
    Action.CLEAR_ALERT: QT_TRANSLATE_NOOP("Actions", "解除督办"),
    AlertLevel.WARNING: QT_TRANSLATE_NOOP("Labels", "预警"),
    AlertLevel.REMINDER: QT_TRANSLATE_NOOP("Labels", "催办"),
    AlertLevel.SUPERVISION: QT_TRANSLATE_NOOP("Labels", "督办"),
    AlertLevel.LISTED: QT_TRANSLATE_NOOP("Labels", "挂牌督办"),
    AlertLevel.NOTICE: QT_TRANSLATE_NOOP("Labels", "通报"),
    AlertLevel.STALLED: QT_TRANSLATE_NOOP("Labels", "停滞"),
    AssignmentRole.LEAD: QT_TRANSLATE_NOOP("Labels", "主办"),
    AssignmentRole.ASSIST: QT_TRANSLATE_NOOP("Labels", "协办"),
    Satisfaction.SATISFIED: QT_TRANSLATE_NOOP("Labels", "满意"),
    Satisfaction.BASICALLY: QT_TRANSLATE_NOOP("Labels", "基本满意"),
    Satisfaction.DISSATISFIED: QT_TRANSLATE_NOOP("Labels", "不满意"),
    ExtensionDecision.PENDING: QT_TRANSLATE_NOOP("Labels", "待审批"),
    ExtensionDecision.APPROVED: QT_TRANSLATE_NOOP("Labels", "已批准"),
    ExtensionDecision.DENIED: QT_TRANSLATE_NOOP("Labels", "已驳回"),
}

# Translated on first use (the translator must be installed first), then cached per language.
_cache: dict[Enum, str] = {}


def label(member: Enum) -> str:
    """The member's label in the interface language (its Chinese name if untranslated)."""
    text = _cache.get(member)
    if text is None:
        source = _LABELS.get(member) or getattr(member, "label", str(member))
        context = ACTION_CONTEXT if isinstance(member, Action) else CONTEXT
        text = _cache[member] = QCoreApplication.translate(context, source)
    return text


def clear_cache() -> None:
    """Forget the cached labels (call after installing or removing a translator)."""
    _cache.clear()


def source_literals() -> dict[Enum, str]:
    """The literal each member is translated from (for the test that guards against drift)."""
    return dict(_LABELS)
