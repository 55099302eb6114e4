"""The detail's fields in a dock of any width: three pairs a row where they fit, fewer where
they do not, and never a value cut at the dock's edge."""

import pytest
from PySide6.QtWidgets import QLabel, QTableWidget, QVBoxLayout, QWidget

from commandroom.views.common.fitted_scroll import FittedScroll
from commandroom.views.detail.detail_header import MOST_FIELDS, DetailHeader

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


@pytest.mark.parametrize("width", [240, 320, 380, 420, 470, 700])
def test_no_value_is_cut_and_the_rows_hold_what_fits(qtbot, header, width):
    _dock, header = header
    header.setGeometry(0, 0, width, 560)
    # Measured with this machine's fonts: three pairs need 412 px, two 281, one 189; at 420 px
    # three would wrap to 471 px of height where two take 308 (the shorter is chosen); at 470
    # they take the same (the more a row).
    expected = {240: 1, 320: 2, 380: 2, 420: 2, 470: 3, 700: 3}[width]
    qtbot.waitUntil(lambda: pairs_in_first_row(header) == expected)
    qtbot.waitUntil(lambda: all(label.geometry().right() < width for label in header.values.values()))


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


@pytest.mark.parametrize("height", [900, 300])
def test_a_squeezed_dock_cuts_no_wrapped_value(qtbot, height):
    """Under the fields the timeline's tabs take what is left. A dock with room shows the
    fields whole; a dock without scrolls them; neither cuts the third line of an address, and
    neither holds the window taller than the dock."""
    dock = QWidget()
    qtbot.addWidget(dock)
    layout = QVBoxLayout(dock)
    header = DetailHeader()
    header._fill(PAIRS)
    fields = FittedScroll(header)
    layout.addWidget(fields)
    layout.addWidget(QTableWidget(20, 3), 1)
    dock.resize(330, height)
    dock.show()
    qtbot.waitExposed(dock)
    qtbot.waitUntil(lambda: pairs_in_first_row(header) == 2)
    for caption in ("社区/网格", "地址", "描述"):
        value = header.values[caption]
        qtbot.waitUntil(lambda value=value: value.height() >= value.heightForWidth(value.width()))
    needed = header.heightForWidth(header.width())
    assert dock.height() == height and dock.minimumSizeHint().height() < needed
    if height >= 900:  # room: laid out whole, nothing to scroll
        qtbot.waitUntil(lambda: fields.height() >= needed)
        assert fields.verticalScrollBar().maximum() == 0
        assert not fields.more_below()
    else:
        assert fields.verticalScrollBar().maximum() > 0
        assert fields.more_below()


def test_a_line_cut_by_the_bottom_edge_fades_out_while_more_lies_below(qtbot):
    """The fields scroll in a short dock: the line the edge cuts fades into the background (it
    reads as "more below"), and the fade is gone once the officer has scrolled to the end."""
    header = DetailHeader()
    header._fill(PAIRS)
    fields = FittedScroll(header)
    qtbot.addWidget(fields)
    fields.resize(330, 120)
    fields.show()
    qtbot.waitExposed(fields)
    address = header.values["地址"]
    qtbot.waitUntil(lambda: fields.verticalScrollBar().maximum() > 0 and address.height() > 0)
    # The address's first line right across the bottom edge.
    middle = address.mapTo(header, address.rect().topLeft()).y() + address.fontMetrics().height() // 2
    fields.verticalScrollBar().setValue(middle - fields.viewport().height())
    background = fields.fade.palette().color(fields.fade.backgroundRole()).rgb()

    def bottom_row() -> set:
        image = fields.grab().toImage()
        x0 = address.mapTo(fields, address.rect().topLeft()).x()
        return {image.pixel(x, fields.viewport().geometry().bottom()) for x in range(x0, x0 + 60)}

    assert fields.more_below()
    assert bottom_row() == {background}
    fields.fade.hide()  # without it, the same edge cuts through the address's glyphs
    assert bottom_row() != {background}
    fields.fade.show()
    fields.verticalScrollBar().setValue(fields.verticalScrollBar().maximum())
    assert not fields.more_below()  # all seen: the fade paints nothing


def test_another_kind_of_event_reuses_the_labels_made_before(qtbot, header):
    """The labels of as many fields as an event has are made and styled with the header (a
    new label is styled at its first showing: ~1 ms each, a storm's first call's worth in all);
    a click on an event with other fields places them anew."""
    _dock, header = header
    made = set(header.findChildren(QLabel))  # held: the wrappers keep their identity
    assert len([label for label in made if label.objectName() == "fieldName"]) == MOST_FIELDS
    header._fill(PAIRS[:5] + [("接手", "吴强（console-2）")] + PAIRS[5:])  # one field more
    header._fill(PAIRS[:3])  # far fewer
    assert set(header.findChildren(QLabel)) == made
    shown = [label for label in header.findChildren(QLabel) if label.isVisibleTo(header)
             and label.objectName() in ("fieldName", "fieldValue")]
    assert sorted(label.text() for label in shown) == sorted([c for c, _v in PAIRS[:3]] + [v for _c, v in PAIRS[:3]])
