"""Changing a unit from its card (right-click): its duty status and its people on duty. Each is
the ``set_unit_status`` command through the command runner, so it has a log row (the replay and
every other console see it) and the units panel shows it when the feed brings it back."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt, Signal, Slot
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from commandroom.models.enums import UnitStatus
from commandroom.services.command_request import CommandOutcome, CommandRequest
from commandroom.views.board.unit_delegate import status_text
from commandroom.views.board.unit_model import UnitModel

# The box's upper end; the command itself checks the real bound (it needs the database layer).
ON_DUTY_MAX = 999


class UnitActions(QObject):
    # --- Signals ---------------------------------------------------------------------------
    sig_message = Signal(str, bool)
    """What became of a change: (text, is it a refusal)."""

    def __init__(self, units: UnitModel, host: QWidget):
        super().__init__(host)
        self.units = units
        self.host = host
        self.runner = None
        self._pending: dict[int, str] = {}  # request id -> the words to say when it is done
        self._connected = None

    def popup(self, unit_id: int | None, at: QPoint) -> None:
        menu = self.menu_for(unit_id)
        if menu is not None:
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(at)

    def menu_for(self, unit_id: int | None) -> QMenu | None:
        """The unit card's menu: each duty status, and the people on duty."""
        unit = self.units.unit(unit_id) if unit_id is not None else None
        if unit is None:
            return None
        menu = QMenu(self.host)
        menu.setObjectName("unitMenu")
        for status in UnitStatus:
            action = menu.addAction(self.tr("设为{status}").format(status=status_text(status)))
            action.setEnabled(status != unit.status)
            action.triggered.connect(lambda _checked=False, s=status: self.set_status(unit, s, unit.on_duty))
        menu.addSeparator()
        people = menu.addAction(self.tr("修改在岗人数…"))
        people.triggered.connect(lambda: self.ask_people(unit))
        return menu

    def ask_people(self, unit: UnitCard) -> None:
        dialog = QInputDialog(self.host, objectName="onDutyDialog")
        dialog.setWindowTitle(self.tr("在岗人数"))
        dialog.setLabelText(self.tr("「{unit}」现在在岗人数：").format(unit=unit.name))
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setIntRange(0, ON_DUTY_MAX)
        dialog.setIntValue(unit.on_duty)
        dialog.intValueSelected.connect(lambda n: self.set_status(unit, unit.status, n))
        dialog.open()

    def set_status(self, unit: UnitCard, status: UnitStatus, on_duty: int) -> None:
        if self.runner is None:
            self.sig_message.emit(self.tr("值班台尚未连接命令通道，未发送任何命令"), True)
            return
        if self._connected is not self.runner:
            self.runner.sig_finished.connect(self._on_finished)
            self._connected = self.runner
        request = CommandRequest.new("set_unit_status", unit_id=unit.id, status=status.value, on_duty=on_duty)
        self._pending[request.id] = self.tr("「{unit}」已设为{status}，在岗 {n} 人").format(
            unit=unit.name, status=status_text(status), n=on_duty)
        self.runner.submit(request)

    @Slot(object)
    def _on_finished(self, outcome: CommandOutcome) -> None:
        done = self._pending.pop(outcome.request_id, None)
        if done is not None:
            self.sig_message.emit(done if outcome.ok else outcome.message, not outcome.ok)
