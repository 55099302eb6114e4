"""Each shipped layout at its own resolution: the panels tile the screen without overlapping,
and no text is clipped — every label's text fits its width and its height, inside its panel,
in every panel of every rotation — and no text is smaller than 28 px at 1080p (scaled)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLabel, QWidget

from commandroom.models.errors import ConfigError
from commandroom.views.wall import layout as layouts
from commandroom.views.wall.theme import MIN_TEXT_PX

SHIPPED = ("1080p", "4k", "wall-3x2")


def _rect_in_window(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def _misplaced_cells(window) -> list[str]:
    """Cells whose size is not their share of the grid (a panel's minimum size won over the
    layout file): within 5% of the grid's size."""
    spec, grid = window.layout_spec, window.grid.geometry()
    problems = []
    for cell, rect in zip(spec.cells, (_rect_in_window(c, window) for c in window.cells)):
        want_w, want_h = grid.width() * cell.columns / spec.columns, grid.height() * cell.rows / spec.rows
        if abs(rect.width() - want_w) > grid.width() * 0.05 or abs(rect.height() - want_h) > grid.height() * 0.05:
            problems.append(f"{cell.panels}: {rect.width()}×{rect.height()}, its share {want_w:.0f}×{want_h:.0f}")
    return problems


def _clipped_labels(window) -> list[str]:
    problems = []
    for label in window.findChildren(QLabel):
        if not label.isVisibleTo(window) or not label.text():
            continue
        metrics = label.fontMetrics()
        room = label.contentsRect()
        where = f"{label.text()!r} in {type(label.parent()).__name__}"
        if metrics.horizontalAdvance(label.text()) > room.width():
            problems.append(f"too wide: {where}")
        if metrics.height() > room.height():
            problems.append(f"too tall: {where} ({metrics.height()} > {room.height()})")
        if not window.rect().contains(_rect_in_window(label, window)):
            problems.append(f"outside the window: {where}")
        if label.font().pixelSize() < MIN_TEXT_PX * window.theme.scale:
            problems.append(f"smaller than {MIN_TEXT_PX} px at 1080p: {where}")
    return problems


def test_the_shipped_layouts_are_the_three_screens():
    assert set(SHIPPED) <= set(layouts.available())
    assert [layouts.load(n).size for n in SHIPPED] == [(1920, 1080), (3840, 2160), (5760, 2160)]


@pytest.mark.parametrize("name", SHIPPED)
def test_layout_fills_its_screen_without_overlap_or_clipping(make_wall, qtbot, name):
    window = make_wall(name)
    assert window.size().toTuple() == window.layout_spec.size  # nothing pushed it larger
    cells = [_rect_in_window(cell, window) for cell in window.cells]
    for i, a in enumerate(cells):
        assert window.rect().contains(a), name
        for b in cells[i + 1:]:
            assert not a.intersects(b), (name, a, b)
    for widget in (window.header, window.ticker):
        r = _rect_in_window(widget, window)
        assert window.rect().contains(r) and not any(r.intersects(c) for c in cells)
    assert not _misplaced_cells(window)
    # Every panel of every rotation, in its turn.
    every = set()
    for cell in window.cells:
        for index in range(cell.count()):
            cell.setCurrentIndex(index)
            window.layout().activate()
            every.add(cell.currentWidget())
            assert not _clipped_labels(window), (name, _clipped_labels(window))
    assert every == set(window.panels.values())
    assert set(window.panels) == set(layouts.PANELS)  # each layout shows every panel


@pytest.mark.parametrize("name", SHIPPED)
def test_lists_show_what_fits_and_count_the_rest(make_wall, name):
    window = make_wall(name)
    overdue = window.panels["overdue"]
    window.cells[[c.indexOf(overdue) >= 0 for c in window.cells].index(True)].setCurrentWidget(overdue)
    window.layout().activate()
    shown = sum(row.isVisibleTo(overdue) for row in overdue.rows)
    assert 2 <= shown < 20
    assert overdue.more.full_text == f"另有 {20 - shown} 条"


def test_the_stale_banner_covers_no_panel(make_wall):
    window = make_wall("1080p")
    window.show_stale("connection refused")
    banner = _rect_in_window(window.banner, window)
    assert window.banner.isVisible()
    assert not any(banner.intersects(_rect_in_window(c, window)) for c in window.cells)
    assert not _clipped_labels(window)


@pytest.mark.parametrize(("size", "expected"), [((1920, 1080), "1080p"), ((1366, 768), "1080p"),
                                                ((3840, 2160), "4k"), ((5760, 2160), "wall-3x2"),
                                                ((7680, 2160), "wall-3x2")])
def test_the_layout_follows_the_screen(size, expected):
    assert layouts.for_screen(*size).name == expected


@pytest.mark.parametrize(("cells", "words"), [
    ([{"at": [0, 0, 2, 2], "panels": ["map"]}, {"at": [1, 1, 1, 1], "panels": ["units"]}], "重叠"),
    ([{"at": [0, 0, 3, 1], "panels": ["map"]}], "超出"),
    ([{"at": [0, 0, 1, 1], "panels": ["weather"]}], "未知的面板"),
    ([{"at": [0, 0, 1, 1], "panels": ["map", "units"], "seconds": 1}], "至少"),
    ([{"at": [0, 0], "panels": ["map"]}], "无效"),
])
def test_a_bad_layout_is_refused_in_words(cells, words):
    with pytest.raises(ConfigError) as refused:
        layouts.parse({"size": [1920, 1080], "columns": 2, "rows": 2, "cell": cells}, "bad.toml")
    assert words in refused.value.zh and "bad.toml" in refused.value.en


def test_an_unknown_layout_names_the_known_ones():
    with pytest.raises(ConfigError) as refused:
        layouts.load("8k")
    assert "1080p" in refused.value.zh and "wall-3x2" in refused.value.en


def test_the_check_sees_a_layout_that_squeezes_its_panels(qtbot, tmp_path):
    """The same checks fail a layout that gives the figures too little room (the test can fail)."""
    from commandroom.models.clock import FrozenClock
    from commandroom.views.wall.theme import Theme
    from commandroom.views.wall.window import WallWindow
    from tests.views.wall.snapshots import NOW, snapshot

    squeezed = layouts.parse({"size": [1920, 1080], "columns": 12, "rows": 12, "cell": [
        {"at": [0, 0, 10, 12], "panels": ["units"]}, {"at": [10, 0, 2, 12], "panels": ["figures"]}]}, "squeezed")
    window = WallWindow(squeezed, Theme(1.0), FrozenClock(NOW), confirm_exit=False)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    window.show_snapshot(snapshot())
    window.layout().activate()
    assert window.size().toTuple() != (1920, 1080) or _clipped_labels(window) or _misplaced_cells(window)
