"""The supervision ladder (督办, DOMAIN.md): when each alert falls due on a deadline.

For a limit running from ``start`` (the latest dispatch) to ``due``:

- 预警 warning once ``warn_share`` of it is used (``timelimits.due_soon_at``: the rule the live
  list's "due soon" tint follows);
- 催办 reminder when it passes;
- 督办 supervision one grace period later (``grace_share`` of the limit, at least ``grace_min``):
  the shift leader is alerted;
- 挂牌督办 listing after ``listed_graces`` grace periods (or by a shift leader's hand);
- 通报 notice after ``notice_graces`` grace periods, for the weekly report.

Two limits run while a unit holds an event: the response limit (签收 by ``response_due``) while
it is dispatched and not yet signed for, and the handling limit (``handle_due``) until the
result is reported. An approved extension moves ``handle_due``, a return or a reassignment
gives a new ``response_due`` (a new dispatch also a new ``handle_due``): a new deadline is a new
ladder, and the old one's alerts clear. The rules are per category class (大类) and priority.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from commandroom.models.alert_levels import LADDER
from commandroom.models.enums import OPEN_STATUSES, AlertLevel, Status
from commandroom.models.lifecycle import HELD
from commandroom.models.timelimits import WARN_SHARE, due_soon_at

RESPONSE, HANDLING, STALLED, BY_HAND = "response", "handling", "stalled", "by_hand"
ANY = "*"


@dataclass(frozen=True)
class LadderRule:
    warn_share: float = WARN_SHARE
    grace_share: float = 0.5
    grace_min: timedelta = timedelta(hours=1)
    listed_graces: int = 2
    notice_graces: int = 3

    def grace(self, start: datetime, due: datetime) -> timedelta:
        return max((due - start) * self.grace_share, self.grace_min)

    def steps(self, start: datetime, due: datetime) -> list[tuple[AlertLevel, datetime]]:
        """Each ladder level with the instant it falls due, in that order."""
        grace = self.grace(start, due)
        times = (due_soon_at(start, due, self.warn_share), due, due + grace,
                 due + grace * self.listed_graces, due + grace * self.notice_graces)
        return list(zip(LADDER, times))


@dataclass(frozen=True)
class Thresholds:
    """The ladder's rules by (category class, priority value), ``ANY`` matching all; the most
    specific wins: (class, priority), (class, ANY), (ANY, priority), then ``default``."""

    default: LadderRule = LadderRule()
    rules: Mapping[tuple[str, str], LadderRule] = field(default_factory=dict)
    stalled_after: timedelta = timedelta(hours=24)

    def rule_for(self, class_name: str, priority: str) -> LadderRule:
        for key in ((class_name, priority), (class_name, ANY), (ANY, priority)):
            if key in self.rules:
                return self.rules[key]
        return self.default

    def all_rules(self) -> list[LadderRule]:
        return [self.default, *self.rules.values()]

    def earliest(self) -> LadderRule:
        """A rule no later than any of them at each step: the scan's SQL pre-filter uses it, so
        it never skips an event whose own rule has something due."""
        rules = self.all_rules()
        return LadderRule(warn_share=min(r.warn_share for r in rules),
                          grace_share=min(r.grace_share for r in rules),
                          grace_min=min(r.grace_min for r in rules),
                          listed_graces=min(r.listed_graces for r in rules),
                          notice_graces=min(r.notice_graces for r in rules))


@dataclass(frozen=True)
class Due:
    """One alert that is due: what the scan raises."""

    event_id: int
    level: AlertLevel
    kind: str
    deadline: datetime
    due_at: datetime


def deadlines(status: Status, dispatched_at, response_due, handle_due) -> list[tuple[str, datetime]]:
    """The (kind, deadline) pairs whose ladder runs for an event in this state."""
    if status not in HELD or dispatched_at is None:
        return []
    out = []
    if status == Status.DISPATCHED and response_due is not None:
        out.append((RESPONSE, response_due))
    if handle_due is not None:
        out.append((HANDLING, handle_due))
    return out


def due_for(event_id: int, rule: LadderRule, status: Status, dispatched_at, response_due,
            handle_due, now: datetime) -> list[Due]:
    """Every ladder alert due by ``now`` on the event's running limits."""
    out = []
    for kind, deadline in deadlines(status, dispatched_at, response_due, handle_due):
        for level, at in rule.steps(dispatched_at, deadline):
            if at <= now:
                out.append(Due(event_id, level, kind, deadline, at))
    return out


def still_about(kind: str, status: Status, response_due, handle_due, deadline, last_progress) -> bool:
    """Does an alert of this kind on this deadline still describe the event? (False: it clears.)
    The scan's clearing SQL (``supervision._cleared``) says the same for many alerts at once."""
    if kind == RESPONSE:
        return status == Status.DISPATCHED and response_due == deadline
    if kind == HANDLING:
        return status in HELD and handle_due == deadline
    if kind == STALLED:
        return status == Status.IN_PROGRESS and last_progress == deadline
    return status in OPEN_STATUSES  # listed by hand: until the event is finished


KIND_LABEL = {RESPONSE: "签收时限", HANDLING: "处置时限", STALLED: "最后进展", BY_HAND: "带班领导挂牌"}


def reason(kind: str, deadline: datetime) -> str:
    """The alert's stored reason: what it is about, in the room's words."""
    return f"{KIND_LABEL[kind]} {deadline:%m-%d %H:%M}"
