"""No command can be given from the wall, twice over:
- the domain refuses the wall's actor (the display role it signs in as) every action;
- the wall offers none: no action, menu, button, editable text, shortcut, drop target or context
  menu anywhere in its widget tree; its map cannot be touched and its clicks go nowhere; and no
  module of the wall can reach the command runner or the domain commands."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QComboBox, QGraphicsView,
    QLabel, QLineEdit, QMenu, QMenuBar, QMessageBox, QPlainTextEdit, QTabBar, QTextEdit, QToolBar, QWidget)

import commandroom
from commandroom.config import Settings
from commandroom.models.commands import Commands
from commandroom.models.enums import Priority, Role, Source, Status
from commandroom.models.errors import ConfigError, PermissionDeniedError
from commandroom.models.lifecycle import allowed_actions
from commandroom.models.org import User
from commandroom.wall_mode import _sign_in

GIVERS = (QAbstractButton, QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox, QMenu, QMenuBar,
          QToolBar, QAbstractItemView, QAbstractSlider, QTabBar)
PACKAGE = Path(commandroom.__file__).parent
WALL_MODULES = [*sorted((PACKAGE / "views" / "wall").glob("*.py")), PACKAGE / "wall_mode.py",
                PACKAGE / "services" / "wall_feed.py", PACKAGE / "cli_wall.py"]


def _add_display_user(db, login="wall"):
    with db.session() as s:
        s.add(User(login=login, name="大屏", role=Role.DISPLAY))


def test_the_walls_actor_is_refused_every_command(street_db):
    _add_display_user(street_db)
    gate = _sign_in(street_db, Settings(db_url=street_db.url), None)
    assert gate.actor.role is Role.DISPLAY and gate.actor.login == "wall"
    assert all(allowed_actions(status, gate.actor.role) == [] for status in Status)
    with pytest.raises(PermissionDeniedError):
        Commands(street_db, gate.actor).receive(source=Source.HOTLINE_12345, title="燕翔路井盖缺失",
                                                address="历下区燕翔路18号", priority=Priority.URGENT)


@pytest.mark.parametrize("logins", [[], ["wall", "wall2"]])
def test_the_wall_needs_exactly_one_display_user_or_a_named_one(street_db, logins):
    for login in logins:
        _add_display_user(street_db, login)
    with pytest.raises(ConfigError) as refused:
        _sign_in(street_db, Settings(db_url=street_db.url), None)
    assert ("--wall-login" in refused.value.en) == bool(logins)
    if logins:
        assert _sign_in(street_db, Settings(db_url=street_db.url, wall_login="wall2"), None).actor.login == "wall2"


def test_a_non_display_user_cannot_be_the_wall(street_db):
    with pytest.raises(PermissionDeniedError):
        _sign_in(street_db, Settings(db_url=street_db.url, wall_login="duty"), None)


def _walk(window) -> list[QWidget]:
    return [window, *window.findChildren(QWidget)]


@pytest.mark.parametrize("name", ["1080p", "4k", "wall-3x2"])
def test_the_window_offers_nothing_to_do(make_wall, name):
    window = make_wall(name)
    window.map.on_view_loaded("map", _tiny_map())  # the web view exists, as on a live wall
    assert window.findChildren(QAction) == [] and window.findChildren(QShortcut) == []
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    for widget in _walk(window):
        kind = type(widget).__name__
        # (a chart's scroll bars exist, hidden: nothing can be done with a hidden widget)
        assert not (isinstance(widget, GIVERS) and widget.isVisibleTo(window) and widget.isEnabled()), kind
        assert widget.actions() == [], kind
        assert not widget.acceptDrops() or not widget.isEnabled(), kind  # disabled: gets no drop
        assert widget.contextMenuPolicy() not in (Qt.ContextMenuPolicy.ActionsContextMenu,
                                                  Qt.ContextMenuPolicy.CustomContextMenu), kind
        if isinstance(widget, QLabel):
            assert widget.textFormat() == Qt.TextFormat.PlainText, widget.text()
            assert widget.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
            assert widget.openExternalLinks() is False
        if isinstance(widget, QGraphicsView):  # the pyqtgraph charts: no mouse, no menu
            item = widget.getPlotItem()
            assert not item.vb.menuEnabled() and not any(item.vb.state["mouseEnabled"])
            assert widget.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    view = window.map.view
    assert not view.isEnabled() and view.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    bridge = window.map.bridge
    for gesture in ("sig_marker_clicked(int)", "sig_grid_clicked(int)", "sig_point_picked(double,double)"):
        assert bridge.receivers(f"2{gesture}") == 0, gesture  # a click on the page reaches nothing


def test_no_wall_module_reaches_a_command():
    reached = {}
    for path in WALL_MODULES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                if "command_runner" in name or name.startswith("commandroom.models.commands"):
                    reached[path.name] = name
    assert len(WALL_MODULES) > 15 and reached == {}


def test_escape_asks_before_leaving(make_wall, qtbot, monkeypatch):
    window = make_wall("1080p")
    window.confirm_exit = True
    answers = []

    def answer(reply):
        def question(*_args, **_kwargs):
            answers.append(reply)
            return reply
        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert answers == [QMessageBox.StandardButton.No] and window.isVisible()
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(window.sig_closing):
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_the_cursor_hides_when_still_and_returns_when_moved(make_wall, qtbot, monkeypatch):
    from commandroom.views.wall import window as module

    window = make_wall("1080p")
    where = [module.QCursor.pos()]
    monkeypatch.setattr(module.QCursor, "pos", staticmethod(lambda: where[0]))
    for _ in range(module.CURSOR_HIDE_MS // module.CURSOR_POLL_MS):
        window._watch_pointer()
    assert window.cursor_hidden
    where[0] = where[0] + type(where[0])(5, 5)
    window._watch_pointer()
    assert not window.cursor_hidden


def _tiny_map():
    from commandroom.models.geo import GridLocator
    from commandroom.models.map_view import MapSnapshot

    return MapSnapshot(grids=(), markers=(), loads=(), units=(), recurring=(), locator=GridLocator([]))
