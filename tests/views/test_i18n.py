"""Translations: every interface string has finished English, the compiled catalogue follows
the source one, the enum labels match the domain's, and the English console speaks English."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from commandroom.models.enums import (
    Action,
    AlertLevel,
    AssignmentRole,
    ExtensionDecision,
    Priority,
    Role,
    Satisfaction,
    Source,
    Status,
)
from commandroom.views.common import labels
from commandroom.views.events.event_table_model import Col
from commandroom.views.i18n import install_translators, remove_translators
from commandroom.views.resources import resource
from tests.views.conftest import make_row, make_snapshot


def _update_ts():
    path = resource("i18n", "update_ts.py")
    spec = importlib.util.spec_from_file_location("update_ts", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_string_in_the_code_has_finished_english():
    """lupdate over the sources into a copy of the catalogue: nothing new, nothing unfinished.

    Fix with: .venv/bin/python resources/i18n/update_ts.py, translate, run it again.
    """
    assert _update_ts().check() == []


def test_compiled_catalogue_is_up_to_date(tmp_path):
    tool = _update_ts()
    fresh = tmp_path / "fresh.qm"
    tool.lrelease(tool.TS, fresh)
    assert fresh.read_bytes() == Path(tool.QM).read_bytes(), "run resources/i18n/update_ts.py"


def test_label_literals_match_the_domain():
    literals = labels.source_literals()
    for enum in (Status, Priority, Source, Role, Action, AssignmentRole, Satisfaction, ExtensionDecision,
                 AlertLevel):
        for member in enum:
            assert literals[member] == member.label, member


@pytest.fixture
def english(qapp):
    translators = install_translators(qapp, "en")
    yield
    remove_translators(qapp, translators)


def test_english_window(english, make_window):
    window = make_window()
    window.on_loaded(make_snapshot([make_row(1, status=Status.IN_PROGRESS)]))
    assert window.windowTitle() == "姚家街道 Integrated Information Command Room — Duty Console"
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&View", "&Help"]
    assert window.findChild(QDockWidget, "eventsDock").windowTitle() == "Events"
    model = window.events.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in (Col.CODE, Col.STATUS, Col.REMAINING)]
    assert headers == ["Event no.", "Status", "Time left"]
    assert model.data(model.index(0, Col.STATUS)) == "In progress"
    assert model.data(model.index(0, Col.REMAINING)) == "4h 0m left"
    assert window.events.filters.count.text() == "1 of 1 shown"
    assert window.status.user.text() == "Duty officer: 张伟 (duty)"


def test_chinese_needs_no_catalogue(qapp):
    translators = install_translators(qapp, "zh_CN")
    try:
        assert labels.label(Status.IN_PROGRESS) == "处置中"
        assert all("commandroom" not in t.filePath() for t in translators)
    finally:
        remove_translators(qapp, translators)
