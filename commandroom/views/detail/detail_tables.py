"""The detail's tables as column lists: the timeline, the reports merged into the event, the
units' parts with their due times, the extension requests and the escalations. Each is a
``RowsModel`` (updated in place) shown in a plain read-only ``QTableView``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from commandroom.models.enums import ExtensionDecision
from commandroom.models.privacy import mask_phone
from commandroom.views.common import palette, timefmt
from commandroom.views.common.labels import label
from commandroom.views.detail.rows_model import Column, RowsModel


# lupdate reads only literal strings: each call spells out its context.
translate = QCoreApplication.translate


def _full(at: datetime | None) -> str:
    return at.strftime("%Y-%m-%d %H:%M") if at else ""


@dataclass(frozen=True)
class TimelineLine:
    """One timeline row as shown: the words are made once, when the detail arrives."""

    log_id: int
    at: datetime
    who: str
    what: str
    console: str


def timeline_model(parent) -> RowsModel:
    return RowsModel([
        Column(translate("DetailTables", "时间"), lambda r: r.at.strftime("%m-%d %H:%M"), tooltip=lambda r: _full(r.at)),
        Column(translate("DetailTables", "操作人"), lambda r: r.who),
        Column(translate("DetailTables", "事项"), lambda r: r.what),
        Column(translate("DetailTables", "值班台"), lambda r: r.console),
    ], key=lambda r: r.log_id, parent=parent)


def contacts_model(parent) -> RowsModel:
    return RowsModel([
        Column(translate("DetailTables", "来源"), lambda c: label(c.source)),
        Column(translate("DetailTables", "时间"), lambda c: _full(c.received_at)),
        Column(translate("DetailTables", "反映人"), lambda c: " ".join(x for x in (c.caller_name, mask_phone(c.caller_phone)) if x)),
        Column(translate("DetailTables", "内容"), lambda c: c.content, tooltip=lambda c: f"{c.content}\n{c.address}"),
    ], key=lambda c: c.id, parent=parent)


def _part_state(p) -> str:
    if p.withdrawn_at:
        return translate("DetailTables", "已撤回 {at}：{reason}").format(at=_full(p.withdrawn_at), reason=p.withdraw_reason)
    if p.returned_at:
        return translate("DetailTables", "已退回 {at}：{reason}").format(at=_full(p.returned_at), reason=p.return_reason)
    if p.acknowledged_at:
        return translate("DetailTables", "已签收 {at}").format(at=_full(p.acknowledged_at))
    return translate("DetailTables", "待签收")


def parts_model(parent, now) -> RowsModel:
    def due(p) -> str:
        if p.handle_due is None:
            return ""
        return f"{_full(p.handle_due)}（{timefmt.countdown(p.handle_due, now())}）"

    return RowsModel([
        Column(translate("DetailTables", "单位"), lambda p: p.unit_name),
        Column(translate("DetailTables", "角色"), lambda p: label(p.role)),
        Column(translate("DetailTables", "派遣"), lambda p: _full(p.dispatched_at)),
        Column(translate("DetailTables", "状态"), _part_state,
               foreground=lambda p: palette.FINISHED_TEXT if not p.active else
               (palette.DUE_SOON_TEXT if p.acknowledged_at is None else None)),
        Column(translate("DetailTables", "签收时限"), lambda p: _full(p.response_due) if p.acknowledged_at is None else ""),
        Column(translate("DetailTables", "处置时限"), due,
               foreground=lambda p: palette.OVERDUE_TEXT if p.handle_due and now() > p.handle_due else None),
    ], key=lambda p: p.id, parent=parent)


def extensions_model(parent) -> RowsModel:
    def decision(x) -> str:
        text = label(x.decision)
        if x.decision != ExtensionDecision.PENDING:
            text += f" {_full(x.decided_at)} {x.decided_by}"
            if x.decision_note:
                text += f"：{x.decision_note}"
        return text

    return RowsModel([
        Column(translate("DetailTables", "申请时间"), lambda x: _full(x.requested_at)),
        Column(translate("DetailTables", "申请人"), lambda x: x.requested_by),
        Column(translate("DetailTables", "延期至"), lambda x: _full(x.new_due)),
        Column(translate("DetailTables", "理由"), lambda x: x.reason),
        Column(translate("DetailTables", "审批"), decision,
               foreground=lambda x: palette.DUE_SOON_TEXT if x.decision == ExtensionDecision.PENDING else None),
    ], key=lambda x: x.id, parent=parent)


def escalations_model(parent) -> RowsModel:
    return RowsModel([
        Column(translate("DetailTables", "区级部门"), lambda e: e.department_name),
        Column(translate("DetailTables", "发起"), lambda e: f"{_full(e.raised_at)} {e.raised_by}"),
        Column(translate("DetailTables", "到场"), lambda e: f"{_full(e.meet_at)} {e.place}"),
        Column(translate("DetailTables", "确认"), lambda e: _full(e.confirmed_at) if e.confirmed_at
               else translate("DetailTables", "须在 {at} 前确认").format(at=_full(e.confirm_by))),
        Column(translate("DetailTables", "评价"), lambda e: label(e.rating) if e.rating else ""),
    ], key=lambda e: e.id, parent=parent)


def table_for(model: RowsModel, name: str, stretch: int, parent=None) -> QTableView:
    """A read-only table: whole rows, no grid, the ``stretch`` column takes the width left and
    wraps, so a long reason or note is read in full."""
    view = QTableView(parent, objectName=name)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(True)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = view.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setHighlightSections(False)
    for col in range(model.columnCount()):
        mode = QHeaderView.ResizeMode.Stretch if col == stretch else QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(col, mode)
    return view
