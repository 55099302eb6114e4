"""立案: the register form, prefilled from the report.

    事件类别  [ljdf ▸ 垃圾堆放 …]  (pinyin type-ahead, the history's suggestion first)
    紧急程度  [一般 ▾]
    所在网格  [姚家社区 / 1号院 ▾]  (type part of a name; "由坐标确定" when a point decides it)
    地址      [……]
    坐标      [36.651200, 117.120500]   (typed, or set from the map: ``set_point``)
    事件描述  [the report's text, to be completed]

The location is a grid, a point, or both (the command checks they agree); a point set here
(typed or from the map's right-click) makes the grid follow from it unless the officer picks
one. Enter saves from every line; Shift+Enter starts a new line in the description.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QPlainTextEdit

from commandroom.models.enums import Priority
from commandroom.views.calls.category_picker import CategoryPicker
from commandroom.views.calls.decision_forms import DecisionForm
from commandroom.views.calls.enter_saves import EnterSaves
from commandroom.views.common.labels import label

BY_POINT = "@point"  # the grid box's first choice: the grid follows from the point


def grid_choices(grids) -> list[tuple[str, str]]:
    """(shown text, grid code) of every L4 grid, by community then name."""
    names = {g.id: g.name for g in grids}
    rows = [(f"{names.get(g.parent_id, '')} / {g.name}".strip(" /"), g.code) for g in grids if g.level == 4]
    return sorted(rows)


class RegisterForm(DecisionForm):
    """立案, prefilled from the report; the category the history suggests comes first."""

    def __init__(self, row, categories, suggested=(), parent=None, *, grids=()):
        super().__init__(row, self.tr("立案 — {code}").format(code=row.code), self.tr("立案"), parent)
        self.setObjectName("registerForm")
        self.picker = CategoryPicker(categories, list(suggested), self)
        self.priority = QComboBox(self, objectName="priorityBox")
        for priority in Priority:
            self.priority.addItem(label(priority), priority)
        self.priority.setCurrentIndex(self.priority.findData(row.priority))
        self.grid = self._grid_box(grids)
        self.address = QLineEdit(row.address, self, objectName="addressEdit")
        self.point = QLineEdit(self, objectName="pointEdit")
        self.point.setPlaceholderText(self.tr("纬度, 经度（如 36.6512, 117.1205）；或在地图上右键设点"))
        if row.lat is not None and row.lon is not None:
            self.point.setText(f"{row.lat:.6f}, {row.lon:.6f}")
        self._given_point = self.point.text()
        self._given_grid = self.grid.currentData()
        self.description = QPlainTextEdit(row.text, self, objectName="descriptionEdit")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(72)
        EnterSaves(self.description, self._try_accept)
        self.form.addRow(self.tr("事件类别(&C)"), self.picker)
        self.form.addRow(self.tr("紧急程度(&P)"), self.priority)
        self.form.addRow(self.tr("所在网格(&G)"), self.grid)
        self.form.addRow(self.tr("地址(&A)"), self.address)
        self.form.addRow(self.tr("坐标(&L)"), self.point)
        self.form.addRow(self.tr("事件描述(&D)"), self.description)
        self.point.textEdited.connect(self._point_typed)
        self.picker.sig_chosen.connect(lambda code: self.ok.setEnabled(bool(code)))
        self.ok.setEnabled(bool(self.picker.code()))
        self.picker.edit.setFocus()

    def _grid_box(self, grids) -> QComboBox:
        box = QComboBox(self, objectName="gridBox")
        box.setEditable(True)  # type part of a community's or grid's name
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.addItem(self.tr("由坐标确定"), BY_POINT)
        for text, code in grid_choices(grids):
            box.addItem(text, code)
        completer = QCompleter(box.model(), box)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        box.setCompleter(completer)
        at = box.findData(self._code_of(grids, self.row.grid_id))
        box.setCurrentIndex(max(at, 0))
        return box

    @staticmethod
    def _code_of(grids, grid_id) -> str | None:
        return next((g.code for g in grids if g.id == grid_id), None)

    # --- Slots ----------------------------------------------------------------------------------
    @Slot(float, float)
    def open(self) -> None:
        """Not modal: the map stays usable while the form is open (a right-click sets the point)."""
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.show()

    def set_point(self, lat: float, lon: float, where: str = "") -> None:
        """A point chosen elsewhere (the map's right-click, which also names its grid in
        ``where``): it decides the grid from now on."""
        self.point.setText(f"{lat:.6f}, {lon:.6f}")
        self._point_typed()
        if where:  # say which grid the point falls in, as the map found it
            self.grid.setItemText(self.grid.findData(BY_POINT), self.tr("由坐标确定：{0}").format(where))

    def _point_typed(self, *_args) -> None:
        # A new point: its own grid, not the report's (unless the officer picks one after).
        at = self.grid.findData(BY_POINT)
        self.grid.setItemText(at, self.tr("由坐标确定"))
        self.grid.setCurrentIndex(at)

    # --- Reading --------------------------------------------------------------------------------
    def _parsed_point(self) -> tuple[float, float] | None:
        text = self.point.text().replace("，", ",").strip()
        if not text:
            return None
        lat, lon = (float(part) for part in text.split(","))
        return lat, lon

    def _grid_at(self) -> int:
        """The row of the grid chosen in the box: picked, typed in full, or the one grid whose
        name holds what was typed (-1: none or several)."""
        typed = self.grid.currentText().strip()
        at = self.grid.findText(typed)
        if at >= 0 or not typed:
            return at
        hits = [n for n in range(1, self.grid.count()) if typed in self.grid.itemText(n)]
        return hits[0] if len(hits) == 1 else -1

    def _grid_code(self) -> str | None:
        at = self._grid_at()
        data = self.grid.itemData(at) if at >= 0 else None
        return None if data in (None, BY_POINT) else data

    def check(self) -> str:
        if not self.picker.code():
            return self.tr("请选择事件类别")
        try:
            point = self._parsed_point()
        except ValueError:
            return self.tr("坐标格式应为「纬度, 经度」，如 36.6512, 117.1205")
        typed = self.grid.currentText().strip()
        if typed and self._grid_at() < 0:
            return self.tr("没有唯一名为「{name}」的网格，请从列表中选择").format(name=typed)
        if point is None and self._grid_code() is None:
            return self.tr("请选择所在网格，或填写坐标")
        return ""

    def arguments(self) -> dict:
        args = dict(category_code=self.picker.code(), priority=str(self.priority.currentData()))
        if self.address.text().strip() != self.row.address:
            args["address"] = self.address.text().strip()
        point = self._parsed_point()
        if self.point.text() != self._given_point and point is not None:  # replaces the report's
            args["lat"], args["lon"] = point
        code = self._grid_code()
        if code is not None and (code != self._given_grid or "lat" in args):
            args["grid_code"] = code
        text = self.description.toPlainText().strip()
        if text != self.row.text.strip():
            args["description"] = text
        return args
