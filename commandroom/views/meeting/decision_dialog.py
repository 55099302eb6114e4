"""The form for a meeting decision on an agenda item: what, who, by when."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from commandroom.models.week import AgendaItem
from commandroom.views.common.labels import label


class DecisionDialog(QDialog):
    def __init__(self, item: AgendaItem, week_end: date, parent=None):
        super().__init__(parent)
        self.setObjectName("decisionDialog")
        self.setWindowTitle(self.tr("记录例会决定"))
        self.what = QLineEdit(objectName="decisionWhat")
        self.what.setMaxLength(500)
        self.what.setPlaceholderText(self.tr("如：约谈主办单位负责人，限期整改"))
        self.who = QLineEdit(objectName="decisionWho")
        self.who.setMaxLength(64)
        self.due = QDateEdit(objectName="decisionDue")
        self.due.setCalendarPopup(True)
        self.due.setDate(QDate(week_end + timedelta(days=7)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(f"【{label(item.kind)}】{item.code}  {item.title}"))
        form.addRow(self.tr("决定事项"), self.what)
        form.addRow(self.tr("责任单位/人"), self.who)
        form.addRow(self.tr("完成时限"), self.due)
        form.addRow(buttons)

    def values(self) -> dict:
        return {"what": self.what.text(), "who": self.who.text(), "due": self.due.date().toPython()}
