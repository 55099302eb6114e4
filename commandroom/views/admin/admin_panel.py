"""The administrator's dock: the small daily changes to the street's organisation — a unit's
duty phone, a member of the grid staff who has left, a new event category. Each is a domain
command given through the console's command runner (logged, replayable); bulk changes are the
imports' (``commandroom import …``)."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Slot
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QTableView, QTabWidget, QVBoxLayout, QWidget)

from commandroom.services.command_request import CommandRequest
from commandroom.views.admin.category_form import CategoryForm
from commandroom.views.admin.org_models import CategoriesModel, OrgTableModel, StaffModel, UnitsModel

# The feed pump's read model this dock shows (models/orgdata/view.py, wired in app.py).
READ_MODEL = "org"


class OrgTab(QWidget):
    """A filterable table and the buttons that act on its selected row."""

    def __init__(self, model: OrgTableModel, name: str, parent: QWidget):
        super().__init__(parent)
        self.model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setFilterKeyColumn(-1)
        self.filter = QLineEdit(self, objectName=f"{name}Filter", placeholderText=self.tr("筛选…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView(self, objectName=f"{name}Table")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.filter, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.buttons)
        layout.addWidget(self.table)

    def button(self, text: str, name: str, slot, needs_row: bool = True) -> QPushButton:
        button = QPushButton(text, self, objectName=name)
        button.clicked.connect(slot)
        self.buttons.addWidget(button)
        if needs_row:
            button.setEnabled(False)
            self.table.selectionModel().selectionChanged.connect(
                lambda *_: button.setEnabled(self.selected() is not None))
        return button

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row())


class AdminPanel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("adminPanel")
        self.runner = None
        self._mine: set[int] = set()  # ids of the requests this panel submitted
        self.tabs = QTabWidget(self)
        self.units = OrgTab(UnitsModel(parent=self), "units", self)
        self.staff = OrgTab(StaffModel(parent=self), "staff", self)
        self.categories = OrgTab(CategoriesModel(parent=self), "categories", self)
        self.units.button(self.tr("修改值班电话…"), "editPhoneButton", self.edit_phone)
        self.staff.button(self.tr("登记离岗…"), "staffLeftButton", self.staff_left)
        self.categories.button(self.tr("新增类别…"), "addCategoryButton", self.add_category, needs_row=False)
        self.tabs.addTab(self.units, self.tr("处置单位"))
        self.tabs.addTab(self.staff, self.tr("网格人员"))
        self.tabs.addTab(self.categories, self.tr("事件类别"))
        self.message = QLabel(self, objectName="adminMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)

    def set_commands(self, runner) -> None:
        self.runner = runner
        runner.sig_finished.connect(self._finished)

    # --- Fed by the feed pump ------------------------------------------------------------------
    @Slot(str, object)
    def on_view_loaded(self, name: str, data) -> None:
        if name == READ_MODEL and data is not None:
            self.show_org(data)

    @Slot(str, list, object)
    def on_view_changed(self, name: str, _ids: list, data) -> None:
        self.on_view_loaded(name, data)

    def show_org(self, view) -> None:
        self.units.model.sync(view.units)
        self.staff.model.sync(view.staff)
        self.categories.model.sync(view.categories)

    # --- The daily changes ---------------------------------------------------------------------
    @Slot()
    def edit_phone(self) -> None:
        unit = self.units.selected()
        if unit is None:
            return
        phone, ok = QInputDialog.getText(self, self.tr("值班电话"), self.tr("{name}的值班电话：").format(name=unit.name),
                                         text=unit.duty_phone)
        if ok:
            self.submit(CommandRequest.new("set_unit_phone", unit_id=unit.id, duty_phone=phone))

    @Slot()
    def staff_left(self) -> None:
        person = self.staff.selected()
        if person is None:
            return
        asked = QMessageBox.question(self, self.tr("登记离岗"), self.tr(
            "{name}（{grid}）离开网格，从网格人员中删除？").format(name=person.name, grid=person.grid_name))
        if asked == QMessageBox.StandardButton.Yes:
            self.submit(CommandRequest.new("remove_staff", staff_id=person.id))

    @Slot()
    def add_category(self) -> None:
        form = CategoryForm(self)
        if form.exec() == CategoryForm.DialogCode.Accepted:
            self.submit(CommandRequest.new("add_category", **form.values()))

    def submit(self, request: CommandRequest) -> None:
        if self.runner is None:
            return
        self._mine.add(request.id)
        self.message.setText(self.tr("正在保存…"))
        self.runner.submit(request)

    @Slot(object)
    def _finished(self, outcome) -> None:
        if outcome.request_id not in self._mine:
            return
        self._mine.discard(outcome.request_id)
        self.message.setText(self.tr("已保存") if outcome.ok else outcome.message)
        self.message.setProperty("refused", not outcome.ok)
        self.message.style().polish(self.message)
