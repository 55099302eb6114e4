"""The shared selection: one announcement per change, none for the same ids, the source known."""

from __future__ import annotations

from PySide6.QtCore import QObject

from commandroom.views.common.selection import Selection


def test_select_announces_once_and_names_its_source(qtbot):
    selection = Selection()
    dock = QObject()
    seen = []
    selection.sig_selected.connect(lambda ids: seen.append((ids, selection.is_from(dock))))
    assert selection.select([3, 5, 3], source=dock)
    assert not selection.select((3, 5), source=None)  # the same events: nothing sent again
    assert seen == [([3, 5], True)]
    assert selection.ids == (3, 5) and selection.current == 3
    assert selection.clear()
    assert seen[-1] == ([], False) and selection.current is None
