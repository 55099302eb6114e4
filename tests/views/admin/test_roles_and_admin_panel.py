"""The window shows only what the role may do; the administrator's dock makes the daily changes
through the real command runner, and they reach the database with their log row."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from commandroom.app import Console
from commandroom.config import Settings
from commandroom.models import EventLog, Unit
from commandroom.models.enums import Action, Role
from commandroom.views.admin.admin_panel import AdminPanel
from commandroom.views.main_window import MainWindow
from tests.views.conftest import NOW


def window_for(qtbot, ui_state, role):
    from commandroom.models.clock import FrozenClock
    from commandroom.models.queries import RECENT_DAYS

    window = MainWindow(street_name="姚家街道", database="sqlite:///x", ui_state=ui_state, clock=FrozenClock(NOW),
                        recent_days=RECENT_DAYS, role=role)
    qtbot.addWidget(window)
    window.restore_layout((1280, 800))
    window.show()
    return window


def test_each_role_sees_its_own_docks(qtbot, ui_state):
    officer = window_for(qtbot, ui_state, Role.DUTY_OFFICER)
    assert officer.docks["calls"].isVisible() and "admin" not in officer.docks
    wall = window_for(qtbot, ui_state, Role.DISPLAY)
    assert not wall.docks["calls"].isVisible() and not wall.docks["calls"].toggleViewAction().isVisible()
    assert "admin" not in wall.docks and wall.extensions is None
    admin = window_for(qtbot, ui_state, Role.ADMIN)
    assert isinstance(admin.docks["admin"].widget(), AdminPanel) and not admin.docks["calls"].isVisible()


def test_the_admin_changes_a_units_phone_and_adds_a_category(qtbot, room, tmp_path, monkeypatch):
    settings = Settings(db_url=room.url, user="admin", console="console-1", feed_poll_ms=50)
    console = Console(room, settings, tmp_path / "console.ini")
    qtbot.addWidget(console.window)
    panel = console.window.admin
    console.start((1600, 1000))
    qtbot.waitUntil(lambda: panel.units.model.rowCount() == 4, timeout=10_000)
    assert panel.staff.model.rowCount() == 0 and panel.categories.model.rowCount() == 2

    panel.units.filter.setText("环卫")
    assert panel.units.proxy.rowCount() == 1
    panel.units.table.selectRow(0)
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getText", lambda *a, **k: ("0531-88886666", True))
    qtbot.mouseClick(panel.units.findChild(QPushButton, "editPhoneButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.message.text() == "已保存", timeout=10_000)
    qtbot.waitUntil(lambda: panel.units.selected().duty_phone == "0531-88886666", timeout=10_000)

    from commandroom.views.admin.category_form import CategoryForm

    def fill(form):
        form.code.setText("CG09")
        form.class_name.setText("市容环境")
        form.name.setText("乱贴小广告")
        return CategoryForm.DialogCode.Accepted

    monkeypatch.setattr(CategoryForm, "exec", fill)
    panel.add_category()
    qtbot.waitUntil(lambda: panel.categories.model.rowCount() == 3, timeout=10_000)
    monkeypatch.setattr(CategoryForm, "exec", fill)  # the same code again: refused, named
    panel.add_category()
    qtbot.waitUntil(lambda: "已存在" in panel.message.text(), timeout=10_000)
    console.window.close()
    with room.session() as s:
        assert s.scalar(select(Unit.duty_phone).where(Unit.code == "HW")) == "0531-88886666"
        whats = [p["info"]["what"] for p in s.scalars(select(EventLog.payload).where(EventLog.action == Action.ORG_CHANGE))]
    assert whats == ["unit_phone", "category_added"]
