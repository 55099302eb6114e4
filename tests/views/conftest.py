"""Fixtures for the view tests: fake ``EventRow`` snapshots, and the services fixtures (a
street on a SQLite file, a feed pump, the check that no worker thread is left running)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QSettings

from commandroom.models.clock import FrozenClock
from commandroom.models.enums import Priority, Role, Source, Status
from commandroom.models.queries import (
    RECENT_DAYS,
    CategoryChoice,
    EventRow,
    GridChoice,
    LiveSnapshot,
    UserInfo,
)
from commandroom.views.main_window import MainWindow
from commandroom.views.map.map_panel import MapPanel
from tests.services.conftest import dispatcher, no_leaked_workers, start_pump, street_db  # noqa: F401

NOW = datetime(2026, 11, 16, 9, 0)

CATEGORIES = (
    CategoryChoice("CG01", "城市管理", "占道经营"),
    CategoryChoice("CG02", "城市管理", "违章搭建"),
    CategoryChoice("MD01", "矛盾纠纷", "邻里纠纷"),
)
GRIDS = (
    GridChoice(10, 3, "S-1-A", "燕翔社区", 2),
    GridChoice(20, 3, "S-1-B", "窑头社区", 2),
    GridChoice(11, 4, "A1", "燕翔社区1号院", 10),
    GridChoice(21, 4, "B1", "窑头社区东区", 20),
)


def make_row(event_id: int, **fields) -> EventRow:
    """A plausible dispatched event received ``event_id`` minutes before NOW."""
    row = EventRow(
        id=event_id, code=f"YJ20261116-{event_id:04d}", status=Status.DISPATCHED,
        priority=Priority.NORMAL, source=Source.HOTLINE_12345, title=f"占道经营{event_id}",
        address=f"燕翔路{event_id}号", category_code="CG01", category_class="城市管理",
        category_name="占道经营", grid_id=11, grid_name="燕翔社区1号院", community_id=10,
        community_name="燕翔社区", lead_unit_name="综合执法中队",
        received_at=NOW - timedelta(minutes=event_id), response_due=None,
        handle_due=NOW + timedelta(hours=4), closed_at=None, finished_at=None, contact_count=1,
        escalated=False, version=3, overdue=False, dispatched_at=NOW - timedelta(hours=4))
    return replace(row, **fields)


def make_snapshot(rows, street="姚家街道") -> LiveSnapshot:
    return LiveSnapshot(last_log_id=len(rows), rows=tuple(rows), categories=CATEGORIES, grids=GRIDS,
                        street_name=street, user=UserInfo("duty", "张伟", Role.DUTY_OFFICER))


@pytest.fixture(autouse=True)
def release_map_pages(qapp):
    """Each map's web page goes before the test ends: QtWebEngine releases its profile at exit,
    and a page still alive then crashes the interpreter (a console test that fed its map)."""
    yield
    for widget in qapp.allWidgets():
        if isinstance(widget, MapPanel):
            widget.release_page()


@pytest.fixture
def ui_state(tmp_path):
    return QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, ui_state):
    def make(state=ui_state):
        window = MainWindow(street_name="姚家街道", database="sqlite:////data/c.sqlite3",
                            ui_state=state, clock=FrozenClock(NOW), recent_days=RECENT_DAYS)
        qtbot.addWidget(window)
        window.restore_layout((1280, 800))
        return window

    return make
