"""The small forms an action needs before it is given: a reason, a note, a satisfaction, a new
due time, units, a department with place and time. Declared as data (``Field`` lists built per
action from the event shown), drawn by one dialog; an action with no fields is given at once.

The form only asks; the command decides (a refusal comes back in words). OK stays disabled until
every required field is filled, so the officer cannot send an empty reason by accident.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from commandroom.models.enums import Action, Priority, Satisfaction, UnitStatus, UnitType
from commandroom.views.common.labels import label

TEXT, LINE, WHEN, CHOICE, UNITS, HOURS = "text", "line", "when", "choice", "units", "hours"


# lupdate reads only literal strings: each call spells out its context.
translate = QCoreApplication.translate


@dataclass(frozen=True)
class Field:
    key: str  # the command's keyword argument
    kind: str  # TEXT (several lines), LINE, WHEN, CHOICE, UNITS (several), HOURS
    caption: str
    required: bool = True
    default: object = None
    choices: tuple[tuple[str, object, bool], ...] = ()  # (text, value, enabled)


@dataclass(frozen=True)
class FormContext:
    """What the forms are built from: the event shown, the street's units, the categories, now."""

    detail: object  # EventDetail
    units: tuple = ()
    categories: tuple = ()
    now: datetime | None = None


def _unit_choices(ctx: FormContext, wanted: Callable[[object], bool]) -> tuple:
    """Units that answer for the event's category first; off-duty ones shown but not choosable."""
    code = ctx.detail.category_code
    units = sorted((u for u in ctx.units if wanted(u)), key=lambda u: (code not in u.category_codes, u.code))
    choices = []
    for u in units:
        off = u.status == UnitStatus.OFF_DUTY
        text = u.name + (translate("ActionForms", "（离岗）") if off else "") + ("" if code in u.category_codes else translate("ActionForms", "（非本类）"))
        choices.append((text, u.id, not off))
    return tuple(choices)


def _street_units(ctx: FormContext) -> tuple:
    return _unit_choices(ctx, lambda u: u.type != UnitType.DISTRICT_DEPARTMENT and u.id != ctx.detail.lead_unit_id)


def _active_units(ctx: FormContext) -> set[int]:
    return {p.unit_id for p in ctx.detail.parts if p.active}


def _enum_choices(enum, members=None) -> tuple:
    return tuple((label(m), m.value, True) for m in (members or enum))


def _reason(caption: str, key: str = "reason") -> list[Field]:
    return [Field(key, TEXT, caption)]


def _hour(at: datetime) -> datetime:
    return at.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)


def _register(ctx):
    cats = tuple((f"{c.name}（{c.class_name}）", c.code, True) for c in ctx.categories)
    return [Field("category_code", CHOICE, translate("ActionForms", "事件类别"), choices=cats, default=ctx.detail.category_code),
            Field("priority", CHOICE, translate("ActionForms", "紧急程度"), choices=_enum_choices(Priority),
                  default=ctx.detail.priority.value)]


def _dispatch(ctx):
    return [Field("lead_unit_id", CHOICE, translate("ActionForms", "主办单位"), choices=_street_units(ctx)),
            Field("assist_unit_ids", UNITS, translate("ActionForms", "协办单位"), required=False, choices=_street_units(ctx))]


def _reassign(ctx):
    return [Field("lead_unit_id", CHOICE, translate("ActionForms", "改派给"), choices=_street_units(ctx)),
            Field("reason", TEXT, translate("ActionForms", "改派原因"))]


def _add_assist(ctx):
    busy = _active_units(ctx)
    return [Field("unit_id", CHOICE, translate("ActionForms", "协办单位"),
                  choices=tuple(c for c in _street_units(ctx) if c[1] not in busy))]


def _acknowledge_assist(ctx):
    waiting = tuple((p.unit_name, p.unit_id, True) for p in ctx.detail.parts
                    if p.active and p.role.value == "assist" and p.acknowledged_at is None)
    return [Field("unit_id", CHOICE, translate("ActionForms", "签收的协办单位"), choices=waiting)]


def _evaluate(ctx):
    fields = [Field("satisfaction", CHOICE, translate("ActionForms", "反映人满意度"), choices=_enum_choices(Satisfaction))]
    if ctx.detail.escalated:
        fields.append(Field("department_rating", CHOICE, translate("ActionForms", "区级部门评价"), choices=_enum_choices(Satisfaction)))
    return fields


def _request_extension(ctx):
    due = ctx.detail.handle_due or ctx.now or datetime.now()
    return [Field("new_due", WHEN, translate("ActionForms", "延期至"), default=due + timedelta(days=1)),
            Field("reason", TEXT, translate("ActionForms", "延期理由"))]


def _escalate(ctx):
    now = ctx.now or datetime.now()
    departments = _unit_choices(ctx, lambda u: u.type == UnitType.DISTRICT_DEPARTMENT)
    return [Field("department_id", CHOICE, translate("ActionForms", "区级部门"), choices=departments),
            Field("place", LINE, translate("ActionForms", "到场地点"), default=ctx.detail.address),
            Field("meet_at", WHEN, translate("ActionForms", "到场时间"), default=_hour(now)),
            Field("confirm_within_hours", HOURS, translate("ActionForms", "确认时限（小时）"), default=2.0)]


def _event_code(caption: str) -> Callable[[FormContext], list[Field]]:
    return lambda ctx: [Field("code", LINE, caption)]


FORMS: dict[Action, Callable[[FormContext], list[Field]]] = {
    Action.REGISTER: _register,
    Action.REJECT: lambda ctx: _reason(translate("ActionForms", "不予立案理由")),
    Action.MERGE: _event_code(translate("ActionForms", "并入的事件编号")),
    Action.ATTACH_CONTACT: _event_code(translate("ActionForms", "并入本事件的报告编号")),
    Action.ANSWER: lambda ctx: _reason(translate("ActionForms", "答复内容"), "text"),
    Action.DISPATCH: _dispatch,
    Action.RETURN: lambda ctx: _reason(translate("ActionForms", "退回理由")),
    Action.RESOLVE: lambda ctx: _reason(translate("ActionForms", "处置结果"), "note"),
    Action.VERIFY: lambda ctx: [Field("note", TEXT, translate("ActionForms", "核查意见"), required=False)],
    Action.REWORK: lambda ctx: _reason(translate("ActionForms", "返工原因")),
    Action.EVALUATE: _evaluate,
    Action.REQUEST_EXTENSION: _request_extension,
    Action.APPROVE_EXTENSION: lambda ctx: [Field("note", TEXT, translate("ActionForms", "审批意见"), required=False)],
    Action.DENY_EXTENSION: lambda ctx: _reason(translate("ActionForms", "驳回理由"), "note"),
    Action.ESCALATE: _escalate,
    Action.REASSIGN: _reassign,
    Action.RECALL: lambda ctx: _reason(translate("ActionForms", "召回原因")),
    Action.ADD_ASSIST: _add_assist,
    Action.ACKNOWLEDGE_ASSIST: _acknowledge_assist,
}


def fields_for(action: Action, ctx: FormContext) -> list[Field]:
    """The fields an action asks for (none: it is given at once)."""
    build = FORMS.get(action)
    return build(ctx) if build else []


class ActionDialog(QDialog):
    """One form: a caption naming the event, the fields, OK (the action's name) and Cancel."""

    def __init__(self, action: Action, fields: list[Field], code: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("actionDialog")
        self.setWindowTitle(translate("ActionForms", "{action} — {code}").format(action=label(action), code=code))
        self.fields = fields
        self.editors: dict[str, QWidget] = {}
        form = QFormLayout()
        for field in fields:
            editor = self._editor(field)
            editor.setObjectName(f"field_{field.key}")
            self.editors[field.key] = editor
            form.addRow(field.caption + ("" if field.required else translate("ActionForms", "（可选）")), editor)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(label(action))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        title = QLabel(translate("ActionForms", "事件 {code}").format(code=code))
        title.setObjectName("actionDialogCaption")
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self._check()

    def _editor(self, field: Field) -> QWidget:
        if field.kind == TEXT:
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)
            editor.setFixedHeight(editor.fontMetrics().lineSpacing() * 4 + 12)
            editor.setPlainText(str(field.default or ""))
            editor.textChanged.connect(self._check)
        elif field.kind == LINE:
            editor = QLineEdit(str(field.default or ""))
            editor.textChanged.connect(self._check)
        elif field.kind == WHEN:
            editor = QDateTimeEdit(QDateTime(field.default))
            editor.setDisplayFormat("yyyy-MM-dd HH:mm")
            editor.setCalendarPopup(True)
        elif field.kind == HOURS:
            editor = QDoubleSpinBox()
            editor.setRange(0.5, 72)
            editor.setSingleStep(0.5)
            editor.setValue(float(field.default or 2))
        elif field.kind == UNITS:
            editor = QListWidget()
            for text, value, enabled in field.choices:
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, value)
                item.setFlags(Qt.ItemFlag.ItemIsUserCheckable
                              | (Qt.ItemFlag.ItemIsEnabled if enabled else Qt.ItemFlag.NoItemFlags))
                item.setCheckState(Qt.CheckState.Unchecked)
                editor.addItem(item)
            editor.setFixedHeight(editor.sizeHintForRow(0) * 5 + 8 if field.choices else 40)
        else:
            editor = self._combo(field)
        return editor

    def _combo(self, field: Field) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(len(field.choices) > 12)  # long lists: type part of a name
        for text, value, enabled in field.choices:
            combo.addItem(text, value)
            if not enabled:
                combo.model().item(combo.count() - 1).setEnabled(False)
        if combo.isEditable():
            combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
            combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        found = combo.findData(field.default) if field.default is not None else -1
        if found < 0:  # the first choosable entry
            found = next((i for i, c in enumerate(field.choices) if c[2]), -1)
        combo.setCurrentIndex(found)
        combo.currentIndexChanged.connect(self._check)
        return combo

    def _check(self) -> None:
        self.ok.setEnabled(all(self._filled(f) for f in self.fields if f.required))

    def _filled(self, field: Field) -> bool:
        value = self.value(field)
        return value not in (None, "")

    def value(self, field: Field):
        editor = self.editors[field.key]
        if field.kind == TEXT:
            return editor.toPlainText().strip()
        if field.kind == LINE:
            return editor.text().strip()
        if field.kind == WHEN:
            return editor.dateTime().toPython().replace(second=0, microsecond=0)
        if field.kind == HOURS:
            return editor.value()
        if field.kind == UNITS:
            return [editor.item(i).data(Qt.ItemDataRole.UserRole) for i in range(editor.count())
                    if editor.item(i).checkState() == Qt.CheckState.Checked]
        return editor.currentData() if editor.currentIndex() >= 0 else None

    def values(self) -> dict:
        """The command's keyword arguments (optional fields left empty are left out)."""
        out = {}
        for field in self.fields:
            value = self.value(field)
            if value not in (None, "", []):
                out[field.key] = value
        return out
