"""Translated labels of the domain's enums.

The Chinese labels are the domain's own names (``enums.py``); they are repeated here as
literals inside ``QT_TRANSLATE_NOOP`` because lupdate only sees literal strings. A test checks
that each literal equals the enum's own label, so the two cannot drift apart.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from commandroom.models.enums import Priority, Role, Source, Status

CONTEXT = "Labels"

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
}

# Translated on first use (the translator must be installed first), then cached per language.
_cache: dict[Enum, str] = {}


def label(member: Enum) -> str:
    """The member's label in the interface language (its Chinese name if untranslated)."""
    text = _cache.get(member)
    if text is None:
        source = _LABELS.get(member) or getattr(member, "label", str(member))
        text = _cache[member] = QCoreApplication.translate(CONTEXT, source)
    return text


def clear_cache() -> None:
    """Forget the cached labels (call after installing or removing a translator)."""
    _cache.clear()


def source_literals() -> dict[Enum, str]:
    """The literal each member is translated from (for the test that guards against drift)."""
    return dict(_LABELS)
