"""The detail's fields in a dock of any width: three pairs a row where they fit, fewer where
they do not, and never a value cut at the dock's edge."""

import pytest
from PySide6.QtWidgets import QWidget

from commandroom.views.detail.detail_header import PAIRS_PER_ROW, DetailHeader

PAIRS = [("来源", "12345热线"), ("类别", "未立案"), ("社区/网格", "燕翔社区 / 历山名郡小区2号院"),
         ("地址", "历下区千佛山东路258号历山名郡"), ("反映人", "苏磊婷 139****4242"), ("处置单位", "—"),
         ("受理", "2026-11-23 01:47"), ("派遣", "—"), ("签收", "—"), ("反馈", "—"), ("核查", "—"),
         ("结案", "—"), ("流转/返工/延期", "0 / 0 / 0"), ("来源报告", "1"), ("满意度", "—"),
         ("描述", "来电反映，公交站那边有人在空地上搭棚子，影响通行，希望尽快处理。" * 2)]


@pytest.fixture
def header(qtbot):
    dock = QWidget()
    qtbot.addWidget(dock)
    dock.resize(900, 600)
    header = DetailHeader(dock)
    header._fill(PAIRS)
    dock.show()
    qtbot.waitExposed(dock)
    return dock, header  # the dock held here: pytest-qt keeps only a weak reference


def pairs_in_first_row(header) -> int:
    first = header.values["来源"].y()
    return sum(1 for label in header.values.values() if label.y() == first)


@pytest.mark.parametrize("width", [240, 320, 380, 470, 700])
def test_no_value_is_cut_and_the_rows_hold_what_fits(qtbot, header, width):
    _dock, header = header
    header.setGeometry(0, 0, width, 560)
    fits = [n for n in range(1, PAIRS_PER_ROW + 1) if header._width_for(n) <= width]
    qtbot.waitUntil(lambda: pairs_in_first_row(header) == (max(fits) if fits else 1))
    qtbot.waitUntil(lambda: all(label.geometry().right() < width for label in header.values.values()))
    # Measured: three pairs need 412 px, two 281, one 189 (the fonts of this machine).
    assert pairs_in_first_row(header) == {240: 1, 320: 2, 380: 2, 470: 3, 700: 3}[width]


def test_narrowing_keeps_the_labels_and_widening_brings_three_back(qtbot, header):
    _dock, header = header
    header.setGeometry(0, 0, 700, 560)
    qtbot.waitUntil(lambda: pairs_in_first_row(header) == 3)
    labels = dict(header.values)
    header.setGeometry(0, 0, 300, 560)
    qtbot.waitUntil(lambda: pairs_in_first_row(header) < 3)
    header.setGeometry(0, 0, 700, 560)
    qtbot.waitUntil(lambda: pairs_in_first_row(header) == 3)
    assert header.values == labels and all(a is b for a, b in zip(header.values.values(), labels.values()))
