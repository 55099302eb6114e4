"""新增事件类别: the fields of a categories sheet row, as a form. The command checks them as the
import does; its refusal names every bad field."""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit,
                               QSpinBox, QWidget)

from commandroom.models.enums import Priority, UnitType
from commandroom.models.orgdata.columns import LIMIT_MAX, NO, YES
from commandroom.views.common.labels import label

DEFAULT_LIMITS = {Priority.URGENT: (10, 120), Priority.HIGH: (30, 1440), Priority.NORMAL: (60, 4320)}


class CategoryForm(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("categoryForm")
        self.setWindowTitle(self.tr("新增事件类别"))
        form = QFormLayout(self)
        self.code = QLineEdit(self, objectName="categoryCode", maxLength=16)
        self.class_name = QLineEdit(self, objectName="categoryClass", maxLength=32)
        self.name = QLineEdit(self, objectName="categoryName", maxLength=64)
        self.lead = QComboBox(self, objectName="categoryLead")
        for unit_type in UnitType:
            self.lead.addItem(label(unit_type), unit_type.value)
        self.territorial = QCheckBox(self.tr("可「街呼区应」的属地管理事项"), self)
        form.addRow(self.tr("编码"), self.code)
        form.addRow(self.tr("大类"), self.class_name)
        form.addRow(self.tr("小类"), self.name)
        form.addRow(self.tr("主办单位类型"), self.lead)
        form.addRow(self.tr("属地管理"), self.territorial)
        self.limits: dict[str, QSpinBox] = {}
        for priority, (response, handling) in DEFAULT_LIMITS.items():
            for kind, value, text in (("response", response, self.tr("{p}响应时限（分钟）")),
                                      ("handling", handling, self.tr("{p}处置时限（分钟）"))):
                box = QSpinBox(self, minimum=1, maximum=LIMIT_MAX, value=value)
                self.limits[f"{kind}_{priority.value}"] = box
                form.addRow(text.format(p=label(priority)), box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, str]:
        """The fields as a sheet row has them (text), for the ``add_category`` command."""
        values = dict(code=self.code.text().strip(), class_name=self.class_name.text().strip(),
                      name=self.name.text().strip(), lead_unit_type=self.lead.currentData(),
                      territorial=YES if self.territorial.isChecked() else NO)
        values.update({field: str(box.value()) for field, box in self.limits.items()})
        return values
