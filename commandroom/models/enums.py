"""The closed vocabularies of the domain (DOMAIN.md).

Values are stable English identifiers stored in the database; the Chinese labels here are
the domain's own names, used by the CLI and as the source strings the views translate.
"""

from __future__ import annotations

from enum import StrEnum


class Labelled(StrEnum):
    """A StrEnum whose members carry a Chinese label: ``Member = ("value", "标签")``."""

    def __new__(cls, value: str, label: str = ""):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label or value
        return obj


class Status(Labelled):
    RECEIVED = ("received", "受理")
    REGISTERED = ("registered", "立案")
    REJECTED = ("rejected", "不予立案")
    DISPATCHED = ("dispatched", "已派遣")
    ACKNOWLEDGED = ("acknowledged", "已签收")
    IN_PROGRESS = ("in_progress", "处置中")
    RESOLVED = ("resolved", "已反馈")
    VERIFIED = ("verified", "已核查")
    CLOSED = ("closed", "已结案")
    EVALUATED = ("evaluated", "已回访")
    MERGED = ("merged", "已合并")
    # 当场答复: a consultation the officer answered at once; closed without dispatch, never 立案.
    ANSWERED = ("answered", "当场答复")


OPEN_STATUSES = frozenset(
    {
        Status.RECEIVED,
        Status.REGISTERED,
        Status.DISPATCHED,
        Status.ACKNOWLEDGED,
        Status.IN_PROGRESS,
        Status.RESOLVED,
        Status.VERIFIED,
    }
)
DONE_STATUSES = frozenset({Status.CLOSED, Status.EVALUATED})


# Declared most urgent first: lists that sort by urgency follow this order.
class Priority(Labelled):
    URGENT = ("urgent", "紧急")
    HIGH = ("high", "较急")
    NORMAL = ("normal", "一般")


class Source(Labelled):
    HOTLINE_12345 = ("hotline_12345", "12345热线")
    GRID_PATROL = ("grid_patrol", "网格巡查")
    PHOTO_APP = ("photo_app", "随手拍")
    WALK_IN = ("walk_in", "来电来访")
    MICRO_WISH = ("micro_wish", "微心愿")
    DISTRICT_ORDER = ("district_order", "区级派单")


class Role(Labelled):
    DUTY_OFFICER = ("duty_officer", "值班员")
    SHIFT_LEADER = ("shift_leader", "带班领导")
    DISPLAY = ("display", "大屏")
    ADMIN = ("admin", "管理员")
    # Not a login: the intake server, the scheduler and the demo generator act as "system".
    SYSTEM = ("system", "系统")


class UnitType(Labelled):
    OFFICE = ("office", "街道办公室")
    SERVICE_CENTRE = ("service_centre", "服务中心")
    RESIDENT_UNIT = ("resident_unit", "派驻机构")
    DISTRICT_DEPARTMENT = ("district_department", "区级部门")
    COMMUNITY_COMMITTEE = ("community_committee", "社区居委会")


class UnitStatus(Labelled):
    ON_DUTY = ("on_duty", "在岗")
    BUSY = ("busy", "繁忙")
    OFF_DUTY = ("off_duty", "离岗")


class Committee(Labelled):
    PARTY_BUILDING = ("party_building", "基层党建专委")
    SOCIAL_AFFAIRS = ("social_affairs", "社会事务专委")
    URBAN_MANAGEMENT = ("urban_management", "城市管理专委")
    SOCIAL_GOVERNANCE = ("social_governance", "社会治理专委")
    ECONOMIC_DEVELOPMENT = ("economic_development", "经济发展专委")


class StaffRole(Labelled):
    CHIEF = ("chief", "网格长")
    WORKER = ("worker", "网格员")
    INSPECTOR = ("inspector", "督察员")
    INFORMANT = ("informant", "信息员")
    PATROLLER = ("patroller", "巡查员")
    LIAISON = ("liaison", "联络员")


class GridLevel(Labelled):
    STREET = ("1", "街道")
    AREA = ("2", "管区")
    COMMUNITY = ("3", "社区")
    UNIT_GRID = ("4", "单元网格")


class AssignmentRole(Labelled):
    LEAD = ("lead", "主办")
    ASSIST = ("assist", "协办")


class Satisfaction(Labelled):
    SATISFIED = ("satisfied", "满意")
    BASICALLY = ("basically", "基本满意")
    DISSATISFIED = ("dissatisfied", "不满意")


class ExtensionDecision(Labelled):
    PENDING = ("pending", "待审批")
    APPROVED = ("approved", "已批准")
    DENIED = ("denied", "已驳回")


class AlertLevel(Labelled):
    WARNING = ("warning", "预警")
    REMINDER = ("reminder", "催办")
    SUPERVISION = ("supervision", "督办")
    LISTED = ("listed", "挂牌督办")
    NOTICE = ("notice", "通报")
    # Beside the ladder: in progress with no log row for too long (停滞).
    STALLED = ("stalled", "停滞")


class Action(Labelled):
    """Every kind of ``event_log`` row; one per domain command."""

    RECEIVE = ("receive", "受理")
    ATTACH_CONTACT = ("attach_contact", "追加来源")
    REGISTER = ("register", "立案")
    REJECT = ("reject", "不予立案")
    DISPATCH = ("dispatch", "派遣")
    ACKNOWLEDGE = ("acknowledge", "签收")
    RETURN = ("return", "退回")
    START = ("start", "开始处置")
    RESOLVE = ("resolve", "反馈")
    VERIFY = ("verify", "核查通过")
    REWORK = ("rework", "返工")
    CLOSE = ("close", "结案")
    EVALUATE = ("evaluate", "回访评价")
    REQUEST_EXTENSION = ("request_extension", "申请延期")
    APPROVE_EXTENSION = ("approve_extension", "批准延期")
    DENY_EXTENSION = ("deny_extension", "驳回延期")
    MERGE = ("merge", "合并")
    ESCALATE = ("escalate", "街呼区应")
    RAISE_ALERT = ("raise_alert", "督办提醒")
    UNIT_STATUS = ("unit_status", "单位状态")
    TAKE = ("take", "接手")
    RELEASE = ("release", "放手")
    ANSWER = ("answer", "当场答复")
    REASSIGN = ("reassign", "改派")
    RECALL = ("recall", "召回")
    ADD_ASSIST = ("add_assist", "增加协办")
    ACKNOWLEDGE_ASSIST = ("acknowledge_assist", "协办签收")
    DECIDE = ("decide", "例会决定")
    # Sign-in and the organisation (no event: ``event_id`` is NULL, like UNIT_STATUS).
    SIGN_IN = ("sign_in", "签到")
    SIGN_IN_FAILED = ("sign_in_failed", "签到失败")
    SIGN_OUT = ("sign_out", "签退")
    HANDOVER = ("handover", "交班")
    ACKNOWLEDGE_HANDOVER = ("acknowledge_handover", "接班")
    USER_CHANGE = ("user_change", "用户变更")
    ORG_CHANGE = ("org_change", "组织变更")
    ACKNOWLEDGE_ALERT = ("acknowledge_alert", "知悉督办")
    CLEAR_ALERT = ("clear_alert", "解除督办")


class Lane(Labelled):
    """The board's columns, in the order an event moves through them."""

    TO_DISPATCH = ("to_dispatch", "待派遣")
    TO_ACKNOWLEDGE = ("to_acknowledge", "待签收")
    HANDLING = ("handling", "处置中")
    TO_VERIFY = ("to_verify", "待核查")
    TO_CLOSE = ("to_close", "待结案")


class AgendaKind(Labelled):
    """Why an event is on the agenda, in the order the meeting takes them."""

    LISTED = ("listed", "挂牌督办")
    SUPERVISED = ("supervised", "督办")
    OVERDUE_CLOSED = ("overdue_closed", "超期办结")
    TRANSFERRED = ("transferred", "多次流转")
    REWORKED = ("reworked", "返工")
    DISSATISFIED = ("dissatisfied", "不满意")
    ESCALATED = ("escalated", "街呼区应")
    RECURRING = ("recurring", "反复出现")  # 未诉先办: a grid where a category kept coming back
