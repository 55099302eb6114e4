"""From a drop (or D + Enter) to the commands given, and their answers told in words.

The plan (``drop_plan``) is made first: an off-duty unit, a card the command does not apply to,
are refused here, before anything is sent. Then the officer is asked what only a person can say
(a unit that does not answer for the category: go ahead?; a reassignment or a recall: why?),
with window-modal dialogs opened with ``open()`` so the board keeps following the feed. Then
one ``CommandRequest`` per card goes to the command runner, off the GUI thread.

When another console got there first the runner answers "stale", with the event's newest log
row read by the refusing transaction. The board then says who did what: the refusal's own
words, then e.g. "李明（console-2）09:12 签收，现为「已签收」". If the feed has not brought that
change to the board yet, the answer waits for it (at most ``STALE_WAIT_MS``), so "now" is never
a guess.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from commandroom.models.enums import Lane
from commandroom.models.enums import Action, Role
from commandroom.services.command_request import CommandOutcome, CommandRequest, Refusal
from commandroom.views.board.board_cards import BoardCards
from commandroom.views.board.drop_plan import COMMAND, Plan, Step, plan_recall, plan_unit_drop, takes
from commandroom.views.board.reason_dialog import ReasonDialog
from commandroom.views.board.unit_model import UnitModel
from commandroom.views.common.labels import label

STALE_WAIT_MS = 3000


class DispatchFlow(QObject):
    # --- Signals ---------------------------------------------------------------------------
    sig_message = Signal(str, bool)
    """Something to tell the officer on the board's message line: (text, is it a refusal)."""

    sig_submitted = Signal(object)
    """A ``CommandRequest`` handed to the command runner."""

    def __init__(self, cards: BoardCards, units: UnitModel, host: QWidget):
        super().__init__(host)
        self.cards = cards
        self.units = units
        self.host = host  # the dialogs' parent
        self.runner = None
        self.role = Role.DUTY_OFFICER
        self._pending: dict[int, Step] = {}  # request id -> what it was for
        self._stale: dict[int, tuple[Step, CommandOutcome]] = {}  # event id -> a refusal to explain

    def set_runner(self, runner) -> None:
        self.runner = runner
        runner.sig_finished.connect(self._on_finished)

    # --- What the officer did ---------------------------------------------------------------------
    def verdict(self, ids: list[int], unit_id: int, ctrl: bool) -> bool:
        unit = self.units.unit(unit_id)
        return unit is not None and takes(self._cards(ids), unit, ctrl, self.role)

    def drop_on_unit(self, ids: list[int], unit_id: int, ctrl: bool) -> None:
        unit = self.units.unit(unit_id)
        cards = self._cards(ids)
        if unit is None or not cards:
            return
        self._go(plan_unit_drop(cards, unit, ctrl, self.role))

    def drop_on_lane(self, ids: list[int], lane: Lane) -> None:
        if lane == Lane.TO_DISPATCH:
            self._go(plan_recall(self._cards(ids), self.role))

    def _cards(self, ids: list[int]) -> list[BoardCard]:
        return [self.cards.cards[i] for i in ids if i in self.cards.cards]

    # --- Asking, then sending -----------------------------------------------------------------------
    def _go(self, plan: Plan) -> None:
        if plan.refused:
            self.sig_message.emit("；".join(plan.refused), True)
        if not plan.steps:
            return
        if plan.not_handled:
            self._confirm_categories(plan)
        else:
            self._ask_reason(plan)

    def _confirm_categories(self, plan: Plan) -> None:
        unit = plan.steps[0].unit
        cats = "、".join(dict.fromkeys(c.category_name or c.category_code for c in plan.not_handled))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("确认派遣"), self.tr(
            "「{unit}」不负责「{categories}」类事件。\n仍要交给它吗？").format(unit=unit.name, categories=cats),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.host)
        box.setObjectName("categoryConfirm")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("仍然派遣"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("取消"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(result: int) -> None:
            if result == QMessageBox.StandardButton.Yes:
                self._ask_reason(plan)
            else:
                self.sig_message.emit(self.tr("已取消，未发送任何命令"), False)

        box.finished.connect(answered)
        box.open()

    def _ask_reason(self, plan: Plan) -> None:
        action = plan.needs_reason
        if action is None:
            self._send(plan, "")
            return
        codes = [s.card.code for s in plan.steps if s.action == action]
        what = "、".join(codes[:3]) + (self.tr(" 等 {n} 件").format(n=len(codes)) if len(codes) > 3 else "")
        if action == Action.REASSIGN:
            what += self.tr(" 给「{unit}」").format(unit=plan.steps[0].unit.name)
        dialog = ReasonDialog(action, what, self.host)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._send(plan, dialog.text()))
        dialog.rejected.connect(lambda: self.sig_message.emit(self.tr("已取消，未发送任何命令"), False))
        dialog.open()

    def _send(self, plan: Plan, reason: str) -> None:
        if self.runner is None:
            self.sig_message.emit(self.tr("值班台尚未连接命令通道，未发送任何命令"), True)
            return
        for step in plan.steps:
            request = CommandRequest.on(COMMAND[step.action], step.card.id, step.card.version, **_args(step, reason))
            self._pending[request.id] = step
            self.runner.submit(request)
            self.sig_submitted.emit(request)

    # --- Answers ------------------------------------------------------------------------------------
    @Slot(object)
    def _on_finished(self, outcome: CommandOutcome) -> None:
        step = self._pending.pop(outcome.request_id, None)
        if step is None:  # another dock's command
            return
        if outcome.ok:
            self.sig_message.emit(self._done(step), False)
        elif outcome.refusal == Refusal.STALE:
            self._stale[step.card.id] = (step, outcome)
            if not self._explain(step.card.id):
                QTimer.singleShot(STALE_WAIT_MS, self, lambda: self._explain(step.card.id, final=True))
        else:
            self.sig_message.emit(outcome.message, True)

    def board_changed(self, touched: list[int]) -> None:
        """The feed brought fresh cards: a stale refusal waiting for them can now be explained."""
        for event_id in [i for i in touched if i in self._stale]:
            self._explain(event_id)

    def _explain(self, event_id: int, final: bool = False) -> bool:
        """Tell who got there first, once the feed shows it (or, ``final``, with what is known)."""
        if event_id not in self._stale:
            return True
        step, outcome = self._stale[event_id]
        card, last = self.cards.cards.get(event_id), outcome.last
        caught_up = card is None or card.version > step.card.version
        if not caught_up and not final:
            return False
        del self._stale[event_id]
        if not caught_up or last is None:
            self.sig_message.emit(outcome.message, True)
            return True
        who = self.tr("{name}（{console}）{time} {action}").format(
            name=last.actor_name, console=last.console or "—", time=last.at.strftime("%H:%M"),
            action=label(last.action))
        if card is None:
            now = self.tr("事件已离开看板")
        elif card.lead_unit_name:
            now = self.tr("现为「{status}」，主办 {unit}").format(status=label(card.status), unit=card.lead_unit_name)
        else:
            now = self.tr("现为「{status}」").format(status=label(card.status))
        self.sig_message.emit(self.tr("{refusal}：{who}，{now}。看板已是最新状态。").format(
            refusal=outcome.message, who=who, now=now), True)
        return True

    def _done(self, step: Step) -> str:
        code, unit = step.card.code, step.unit.name if step.unit else ""
        if step.action == Action.DISPATCH:
            return self.tr("已派遣 {code} 给「{unit}」").format(code=code, unit=unit)
        if step.action == Action.REASSIGN:
            return self.tr("已改派 {code} 给「{unit}」").format(code=code, unit=unit)
        if step.action == Action.ADD_ASSIST:
            return self.tr("已增加「{unit}」协办 {code}").format(code=code, unit=unit)
        return self.tr("已召回 {code}，退回待派遣").format(code=code)


def _args(step: Step, reason: str) -> dict:
    if step.action == Action.DISPATCH:
        return {"lead_unit_id": step.unit.id}
    if step.action == Action.REASSIGN:
        return {"lead_unit_id": step.unit.id, "reason": reason}
    if step.action == Action.ADD_ASSIST:
        return {"unit_id": step.unit.id}
    return {"reason": reason}
