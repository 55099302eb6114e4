"""The alerts dock (督办提醒): the street's uncleared supervision alerts, most serious first and
the oldest first within a level; filtered by unit and level; acknowledged with a note; a shift
leader lists (挂牌督办) the selected event by hand. Choosing an alert selects its event in every
dock (the shared ``Selection``).

Fed by the feed pump's ``alerts`` read model (``models/alert_rows.py``): the opening list, then
the alerts of the events each change touched, so an alert raised by any console's scheduler or
by a district server arrives the same way. A new 督办 or higher draws the eye (a red banner)
and sounds (``AlertSound``, distinct from a new report's chime). The scheduler's own results come
by ``on_scanned`` (queued from its pool thread): the dock says when the last scan ran.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Signal, Slot
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from commandroom.models.alert_levels import LOUD, ORDER, RANK
from commandroom.models.enums import AlertLevel, Role
from commandroom.services.command_request import CommandOutcome, CommandRequest
from commandroom.views.alerts.alert_sound import AlertSound
from commandroom.views.common import palette, timefmt
from commandroom.views.common.labels import label
from commandroom.views.common.selection import Selection
from commandroom.views.detail import detail_tables as tables
from commandroom.views.detail.rows_model import ROW_ROLE, Column, RowsModel

ALERTS = "alerts"  # the read model's name
ALL = None


def order_key(row):
    """Most serious first; within a level the oldest (longest due) first."""
    return (-RANK[row.level], row.due_at or row.raised_at, row.id)


class AlertFilter(QSortFilterProxyModel):
    """Rows of one unit and/or one level (None: all)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.unit_id = ALL
        self.level = ALL

    def set_filter(self, unit_id, level) -> None:
        # Qt 6.10+: the state changes between begin and end (as events/event_filter.py does).
        self.beginFilterChange()
        try:
            self.unit_id, self.level = unit_id, level
        finally:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        row = self.sourceModel().row_at(source_row)
        return ((self.unit_id is ALL or row.unit_id == self.unit_id)
                and (self.level is ALL or row.level == self.level))


class AlertsPanel(QWidget):
    # --- Signals ---------------------------------------------------------------------------
    sig_count = Signal(int)
    """How many uncleared alerts the street has (for the dock's title)."""

    sig_loud = Signal(object)
    """A new 督办 or higher arrived (its row): the dock is raised and the sound plays."""

    def __init__(self, selection: Selection, clock, muted: bool = False, parent=None):
        super().__init__(parent)
        self.setObjectName("alertsPanel")
        self.selection = selection
        self.clock = clock
        self.commands = None
        self.role: Role | None = None
        self.sound = AlertSound(muted, self)
        self._rows: dict[int, object] = {}  # alert id -> row
        self._loaded = False
        self._waiting: set[int] = set()
        now = self.clock.now
        self.model = RowsModel([
            Column(self.tr("级别"), lambda r: label(r.level), foreground=lambda r: palette.ALERT[r.level]),
            Column(self.tr("事件"), lambda r: r.event_code, tooltip=lambda r: r.event_title),
            Column(self.tr("主办单位"), lambda r: r.unit_name),
            Column(self.tr("已过"), lambda r: timefmt.span((now() - (r.due_at or r.raised_at)).total_seconds())),
            Column(self.tr("应于"), lambda r: timefmt.stamp(r.due_at, now()) + (self.tr("（补报）") if r.late else ""),
                   tooltip=lambda r: self.tr("扫描时已过期，按实际应报时间补报") if r.late else ""),
            Column(self.tr("知悉"), lambda r: (f"{r.acknowledged_by}：{r.acknowledge_note}".rstrip("：")
                                              if r.acknowledged_at else ""),
                   foreground=lambda r: None if r.acknowledged_at else palette.OVERDUE_TEXT),
            Column(self.tr("事由"), lambda r: r.reason, tooltip=lambda r: f"{r.event_title}\n{r.reason}"),
        ], key=lambda r: r.id, parent=self)
        self.proxy = AlertFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = tables.table_for(self.proxy, "alertsTable", 6, self)
        # One line per alert: a narrow dock shows more of them; the full reason is the tooltip.
        self.table.setWordWrap(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.selectionModel().selectionChanged.connect(self._chosen)

        self.level_box = QComboBox(self, objectName="alertLevelFilter")
        self.level_box.addItem(self.tr("全部级别"), ALL)
        for level in reversed(ORDER):
            self.level_box.addItem(label(level), level)
        self.unit_box = QComboBox(self, objectName="alertUnitFilter")
        self.unit_box.addItem(self.tr("全部单位"), ALL)
        self.level_box.currentIndexChanged.connect(self._filter)
        self.unit_box.currentIndexChanged.connect(self._filter)
        self.last_scan = QLabel(self, objectName="alertsLastScan")
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 4, 8, 4)
        bar.addWidget(self.level_box)
        bar.addWidget(self.unit_box)
        bar.addStretch(1)
        bar.addWidget(self.last_scan)

        self.banner = QLabel(self, objectName="alertBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(f"background: {palette.ALERT_BANNER.name()}; color: "
                                  f"{palette.ALERT[AlertLevel.SUPERVISION].name()}; font-weight: bold; padding: 6px;")
        self.banner.hide()

        self.acknowledge = QPushButton(self.tr("知悉…"), self, objectName="acknowledgeAlert")
        self.acknowledge.setProperty("primary", True)
        self.acknowledge.clicked.connect(self.acknowledge_current)
        self.list_button = QPushButton(self.tr("挂牌督办…"), self, objectName="listEvent")
        self.list_button.clicked.connect(self.list_current)
        self.notice = QLabel(self, objectName="detailNotice")
        self.notice.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(8, 4, 8, 4)
        buttons.addWidget(self.acknowledge)
        buttons.addWidget(self.list_button)
        buttons.addWidget(self.notice, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        selection.sig_selected.connect(lambda _ids: self._enable())
        self._enable()

    # --- Wiring ----------------------------------------------------------------------------
    def set_commands(self, runner) -> None:
        self.commands = runner
        runner.sig_finished.connect(self._finished)
        self._enable()

    def set_role(self, role: Role | None) -> None:
        """Listing by hand is the shift leader's decision: the button is theirs alone."""
        self.role = role
        self.list_button.setVisible(role == Role.SHIFT_LEADER)
        self._enable()

    # --- Fed by the services ---------------------------------------------------------------
    @Slot(str, object)
    def on_view_loaded(self, name: str, data) -> None:
        if name != ALERTS:
            return
        self._rows = {r.id: r for r in data.rows}
        self._loaded = True
        self._show()

    @Slot(str, list, object)
    def on_view_changed(self, name: str, _ids: list, data) -> None:
        if name != ALERTS or not self._loaded:
            return
        touched = set(data.event_ids or ())
        new = [r for r in data.rows if r.id not in self._rows]
        self._rows = {i: r for i, r in self._rows.items() if r.event_id not in touched}
        self._rows.update((r.id, r) for r in data.rows)
        self._show()
        loud = sorted((r for r in new if r.level in LOUD), key=order_key)
        if loud:
            self._draw_eye(loud[0], len(loud))

    @Slot(object)
    def on_scanned(self, result) -> None:
        """The console's scheduler ran a scan (queued from its thread)."""
        self.last_scan.setText(self.tr("上次扫描 {time}，新提醒 {n} 条").format(
            time=result.at.strftime("%H:%M:%S"), n=len(result.raised)))

    # --- Reading ---------------------------------------------------------------------------
    def rows(self) -> tuple:
        """The rows as shown (filtered, in order)."""
        return tuple(self.proxy.index(n, 0).data(ROW_ROLE) for n in range(self.proxy.rowCount()))

    def current(self):
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    # --- Actions ---------------------------------------------------------------------------
    def acknowledge_current(self) -> None:
        row = self.current()
        if row is None or self.commands is None:
            return
        note = self.ask(self.tr("知悉督办提醒"), self.tr("{code} {level}：处理说明（可空）").format(
            code=row.event_code, level=label(row.level)), required=False)
        if note is not None:
            self._submit(CommandRequest.new("acknowledge_alert", alert_id=row.id, note=note))

    def list_current(self) -> None:
        event_id = self._target_event()
        if event_id is None or self.commands is None:
            return
        reason = self.ask(self.tr("挂牌督办"), self.tr("挂牌督办理由（上大屏并列入例会议程）："), required=True)
        if reason is not None:
            self._submit(CommandRequest.new("list_event", event_id=event_id, reason=reason))

    def ask(self, title: str, prompt: str, *, required: bool) -> str | None:
        """The note or reason typed, or None if cancelled (tests replace this)."""
        while True:
            text, ok = QInputDialog.getText(self, title, prompt, QLineEdit.EchoMode.Normal, "")
            if not ok:
                return None
            if text.strip() or not required:
                return text.strip()

    # --- Inner workings ---------------------------------------------------------------------
    def _show(self) -> None:
        rows = sorted(self._rows.values(), key=order_key)
        self.model.sync(rows)
        self._units(rows)
        self.sig_count.emit(len(rows))
        self._enable()

    def _units(self, rows) -> None:
        units = sorted({(r.unit_id, r.unit_name) for r in rows if r.unit_id is not None}, key=lambda u: u[1])
        shown = [self.unit_box.itemData(i) for i in range(1, self.unit_box.count())]
        if shown == [u for u, _ in units]:
            return
        chosen = self.unit_box.currentData()
        self.unit_box.blockSignals(True)
        self.unit_box.clear()
        self.unit_box.addItem(self.tr("全部单位"), ALL)
        for unit_id, name in units:
            self.unit_box.addItem(name, unit_id)
        index = self.unit_box.findData(chosen) if chosen is not None else 0
        self.unit_box.setCurrentIndex(max(index, 0))
        self.unit_box.blockSignals(False)
        self._filter()

    def _filter(self) -> None:
        self.proxy.set_filter(self.unit_box.currentData(), self.level_box.currentData())

    def _draw_eye(self, row, count: int) -> None:
        text = self.tr("新{level}：{code} {title}（{reason}）").format(
            level=label(row.level), code=row.event_code, title=row.event_title, reason=row.reason)
        if count > 1:
            text += self.tr(" 等 {n} 条").format(n=count)
        self.banner.setText(text)
        self.banner.show()
        self.sound.play()
        self.sig_loud.emit(row)

    def _chosen(self) -> None:
        self._enable()
        row = self.current()
        if row is not None:
            self.banner.hide()  # seen
            self.selection.select([row.event_id], source=self)

    def _target_event(self) -> int | None:
        row = self.current()
        return row.event_id if row is not None else self.selection.current

    def _enable(self) -> None:
        idle = self.commands is not None and not self._waiting
        row = self.current()
        self.acknowledge.setEnabled(idle and row is not None and row.acknowledged_at is None)
        self.list_button.setEnabled(idle and self.role == Role.SHIFT_LEADER and self._target_event() is not None)

    def _submit(self, request: CommandRequest) -> None:
        self._waiting.add(request.id)
        self._enable()
        self.commands.submit(request)

    @Slot(object)
    def _finished(self, outcome: CommandOutcome) -> None:
        if outcome.request_id not in self._waiting:
            return
        self._waiting.discard(outcome.request_id)
        done = self.tr("已挂牌督办") if outcome.request.command == "list_event" else self.tr("已知悉")
        self.notice.setText(done if outcome.ok else outcome.message)
        self.notice.setProperty("refused", not outcome.ok)
        self.notice.style().unpolish(self.notice)
        self.notice.style().polish(self.notice)
        self._enable()
