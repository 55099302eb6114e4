"""The shift leader's dock: the street's extension requests waiting for a decision, oldest
first, with approve and deny. Fed by the pump's ``pending_extensions`` read model; a request
decided at any console leaves the list in place (``RowsModel.sync``). Choosing a request selects
its event in every dock, so its detail and timeline are one glance away."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from commandroom.models.enums import Action
from commandroom.services.command_request import CommandOutcome, CommandRequest
from commandroom.services.detail_watch import PENDING_EXTENSIONS
from commandroom.views.common import palette, timefmt
from commandroom.views.common.labels import label
from commandroom.views.common.selection import Selection
from commandroom.views.detail import detail_tables as tables
from commandroom.views.detail.action_forms import ActionDialog, FormContext, fields_for
from commandroom.views.detail.rows_model import Column, RowsModel


class PendingExtensionsPanel(QWidget):
    # --- Signals ---------------------------------------------------------------------------
    sig_count = Signal(int)
    """How many requests wait (for the dock's title)."""

    def __init__(self, selection: Selection, clock, parent=None):
        super().__init__(parent)
        self.setObjectName("pendingExtensions")
        self.selection = selection
        self.clock = clock
        self.commands = None
        self._waiting: set[int] = set()
        now = self.clock.now
        self.model = RowsModel([
            Column(self.tr("事件"), lambda r: r.code, tooltip=lambda r: r.title),
            Column(self.tr("主办单位"), lambda r: r.lead_unit_name),
            Column(self.tr("申请人"), lambda r: r.requested_by_name),
            Column(self.tr("现时限"), lambda r: timefmt.stamp(r.handle_due, now()),
                   foreground=lambda r: palette.OVERDUE_TEXT if r.handle_due and now() > r.handle_due else None),
            Column(self.tr("延期至"), lambda r: timefmt.stamp(r.new_due, now())),
            Column(self.tr("理由"), lambda r: r.reason),
        ], key=lambda r: r.request_id, parent=self)
        self.table = tables.table_for(self.model, "pendingTable", 5, self)
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        self.approve = QPushButton(label(Action.APPROVE_EXTENSION), self, objectName="approveExtension")
        self.approve.setProperty("primary", True)
        self.deny = QPushButton(label(Action.DENY_EXTENSION), self, objectName="denyExtension")
        self.approve.clicked.connect(lambda: self.decide(Action.APPROVE_EXTENSION))
        self.deny.clicked.connect(lambda: self.decide(Action.DENY_EXTENSION))
        self.notice = QLabel(self, objectName="detailNotice")
        self.notice.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(8, 4, 8, 4)
        buttons.addWidget(self.approve)
        buttons.addWidget(self.deny)
        buttons.addWidget(self.notice, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._enable()

    def set_commands(self, runner) -> None:
        self.commands = runner
        runner.sig_finished.connect(self._finished)

    @Slot(str, object)
    def on_view_loaded(self, name: str, data) -> None:
        if name == PENDING_EXTENSIONS:
            self.model.sync(data)
            self._enable()
            self.sig_count.emit(self.model.rowCount())

    @Slot(str, list, object)
    def on_view_changed(self, name: str, _ids: list, data) -> None:
        self.on_view_loaded(name, data)

    def current(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _chosen(self) -> None:
        self._enable()
        row = self.current()
        if row is not None:
            self.selection.select([row.event_id], source=self)

    def _enable(self) -> None:
        ready = self.current() is not None and self.commands is not None and not self._waiting
        self.approve.setEnabled(ready)
        self.deny.setEnabled(ready)

    def decide(self, action: Action) -> None:
        row = self.current()
        if row is None or self.commands is None:
            return
        dialog = ActionDialog(action, fields_for(action, FormContext(None)), row.code, self)
        if self.open_form(dialog) != ActionDialog.DialogCode.Accepted:
            return
        request = CommandRequest.on(action.value, row.event_id, row.version, **dialog.values())
        self._waiting.add(request.id)
        self._enable()
        self.commands.submit(request)

    def open_form(self, dialog: ActionDialog) -> int:
        return dialog.exec()

    @Slot(object)
    def _finished(self, outcome: CommandOutcome) -> None:
        if outcome.request_id not in self._waiting:
            return
        self._waiting.discard(outcome.request_id)
        self.notice.setText(outcome.message if not outcome.ok else
                            self.tr("已{action}：{code}").format(action=label(Action(outcome.request.command)),
                                                               code=outcome.ref.code))
        self.notice.setProperty("refused", not outcome.ok)
        self.notice.style().unpolish(self.notice)
        self.notice.style().polish(self.notice)
        self._enable()
