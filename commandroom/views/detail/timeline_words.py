"""One timeline entry in the words a duty officer reads at a glance.

The log row says what the command set (``changes``: event columns as logged, times as ISO text)
and what lives only in the log (``details``: a reason, a note). The rows a command added (an
assisting unit's part, an extension request, an escalation) are found in the detail by their
time: a command's rows carry the same instant as its log row. Unit names come from the event's
parts and the street's unit cards.

    张伟 派遣 → 综合执法中队（主办）、环卫所（协办），响应时限 10:40，处置时限 11-17 09:00
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from commandroom.models.enums import Action, AlertLevel, AssignmentRole, Priority, Satisfaction
from commandroom.views.common.labels import label

_SEP = "、"


# lupdate reads only literal strings: each call spells out its context.
translate = QCoreApplication.translate


def _time(value, now: datetime | None = None) -> str:
    """An ISO time from the log (or a datetime) as 10:40 / 11-17 09:00."""
    if not value:
        return ""
    at = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    if now is not None and at.date() == now.date():
        return at.strftime("%H:%M")
    return at.strftime("%m-%d %H:%M")


class TimelineWords:
    """Describes the entries of one event's detail (``EventDetail``) with its street's units."""

    def __init__(self, detail, units=()):
        self.detail = detail
        self.names: dict[int, str] = {u.id: u.name for u in units}
        self.names.update({p.unit_id: p.unit_name for p in detail.parts})
        self.names.update({e.department_id: e.department_name for e in detail.escalations})

    def unit(self, unit_id) -> str:
        if unit_id is None:
            return ""
        return self.names.get(int(unit_id), translate("Timeline", "单位 #{id}").format(id=unit_id))

    def describe(self, entry) -> str:
        """The action, then what it did: units, times, reasons."""
        what = label(entry.action)
        rest = _WORDS.get(entry.action, lambda self, e: "")(self, entry)
        return f"{what} {rest}".strip() if rest.startswith("→") else (
            f"{what}：{rest}" if rest else what)

    # --- The rows a command added, found by its instant -----------------------------------
    def _parts_at(self, at: datetime, role: AssignmentRole | None = None) -> list:
        return [p for p in self.detail.parts if p.dispatched_at == at and (role is None or p.role == role)]

    def _dispatch(self, entry) -> str:
        c = entry.changes
        units = [translate("Timeline", "{unit}（主办）").format(unit=self.unit(c.get("lead_unit_id")))]
        units += [translate("Timeline", "{unit}（协办）").format(unit=p.unit_name)
                  for p in self._parts_at(entry.at, AssignmentRole.ASSIST)]
        text = "→ " + _SEP.join(units)
        if c.get("response_due"):
            text += translate("Timeline", "，响应时限 {at}").format(at=_time(c["response_due"], entry.at))
        if c.get("handle_due"):
            text += translate("Timeline", "，处置时限 {at}").format(at=_time(c["handle_due"], entry.at))
        return text

    def _reassign(self, entry) -> str:
        return translate("Timeline", "→ 由 {old} 改派 {new}（主办）：{reason}").format(
            old=self.unit(entry.details.get("from_unit_id")),
            new=self.unit(entry.changes.get("lead_unit_id")), reason=entry.details.get("reason", ""))

    def _escalate(self, entry) -> str:
        raised = next((e for e in self.detail.escalations if e.raised_at == entry.at), None)
        if raised is None:
            return "→ " + self.unit(entry.changes.get("lead_unit_id"))
        return translate("Timeline", "→ {dept}，{meet} 到 {place}，{confirm} 前确认").format(
            dept=raised.department_name, meet=_time(raised.meet_at, entry.at), place=raised.place,
            confirm=_time(raised.confirm_by, entry.at))

    def _unit_that(self, entry, field: str) -> str:
        """The unit whose part got ``field`` (acknowledged_at, returned_at) at this instant."""
        return _SEP.join(p.unit_name for p in self.detail.parts if getattr(p, field) == entry.at)

    def _acknowledge(self, entry) -> str:
        return self._unit_that(entry, "acknowledged_at")

    def _return(self, entry) -> str:
        part = next((p for p in self.detail.parts if p.returned_at == entry.at), None)
        if part is None:
            return ""
        return translate("Timeline", "{unit}，{reason}").format(unit=part.unit_name, reason=part.return_reason)

    def _extension(self, entry) -> str:
        asked = next((x for x in self.detail.extensions if x.requested_at == entry.at), None)
        if asked is None:
            return ""
        return translate("Timeline", "至 {due}，{reason}").format(due=_time(asked.new_due), reason=asked.reason)

    def _decision(self, entry) -> str:
        decided = next((x for x in self.detail.extensions if x.decided_at == entry.at), None)
        if decided is None:
            return ""
        if entry.action == Action.APPROVE_EXTENSION:
            text = translate("Timeline", "新的处置时限 {due}").format(due=_time(decided.new_due))
            return text + (f"（{decided.decision_note}）" if decided.decision_note else "")
        return decided.decision_note

    def _register(self, entry) -> str:
        parts = []
        if self.detail.category_name and entry.changes.get("category_id") is not None:
            parts.append(self.detail.category_name)
        if entry.changes.get("priority"):
            parts.append(label(Priority(entry.changes["priority"])))
        return _SEP.join(parts)

    def _close(self, entry) -> str:
        on_time = entry.changes.get("on_time")
        if on_time is None:
            return ""
        return translate("Timeline", "按期办结") if on_time else translate("Timeline", "超期办结")

    def _evaluate(self, entry) -> str:
        value = entry.changes.get("satisfaction")
        return label(Satisfaction(value)) if value else ""

    def _take(self, entry) -> str:
        text = translate("Timeline", "锁定在 {console}").format(console=entry.console)
        if entry.details.get("taken_from"):
            text += translate("Timeline", "（{login} 的值班台已离线）").format(login=entry.details["taken_from"])
        return text


def _alert(entry, key: str) -> str:
    """督办 rows: the level, then what it was about (or the acknowledging note)."""
    level = entry.details.get("level")
    words = label(AlertLevel(level)) if level else ""
    extra = entry.details.get(key) or ""
    return f"{words}（{extra}）" if words and extra else words or extra


def _detail(key: str) -> Callable[[TimelineWords, object], str]:
    return lambda self, entry: str(entry.details.get(key, "") or "")


def _change(key: str) -> Callable[[TimelineWords, object], str]:
    return lambda self, entry: str(entry.changes.get(key, "") or "")


_WORDS: dict[Action, Callable[[TimelineWords, object], str]] = {
    Action.RECEIVE: _change("title"),
    Action.REGISTER: TimelineWords._register,
    Action.REJECT: _change("reject_reason"),
    Action.MERGE: lambda self, e: translate("Timeline", "并入事件 #{id}").format(id=e.changes.get("merged_into_id")),
    Action.ATTACH_CONTACT: lambda self, e: translate("Timeline", "由事件 #{id} 并入").format(id=e.details["merged_from_id"])
    if e.details.get("merged_from_id") else "",
    Action.DISPATCH: TimelineWords._dispatch,
    Action.ACKNOWLEDGE: TimelineWords._acknowledge,
    Action.RETURN: TimelineWords._return,
    Action.RESOLVE: _detail("note"),
    Action.VERIFY: _detail("note"),
    Action.REWORK: _detail("reason"),
    Action.CLOSE: TimelineWords._close,
    Action.EVALUATE: TimelineWords._evaluate,
    Action.REQUEST_EXTENSION: TimelineWords._extension,
    Action.APPROVE_EXTENSION: TimelineWords._decision,
    Action.DENY_EXTENSION: TimelineWords._decision,
    Action.ESCALATE: TimelineWords._escalate,
    Action.TAKE: TimelineWords._take,
    Action.ANSWER: _change("answer"),
    Action.REASSIGN: TimelineWords._reassign,
    Action.RECALL: _detail("reason"),
    Action.ADD_ASSIST: lambda self, e: _SEP.join(p.unit_name for p in self._parts_at(e.at, AssignmentRole.ASSIST)),
    Action.ACKNOWLEDGE_ASSIST: lambda self, e: self.unit(e.details.get("unit_id")),
    Action.RAISE_ALERT: lambda self, e: _alert(e, "reason"),
    Action.ACKNOWLEDGE_ALERT: lambda self, e: _alert(e, "note"),
    Action.CLEAR_ALERT: lambda self, e: _alert(e, "reason"),
}
