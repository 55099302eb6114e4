"""The category picker: the suggestion first, pinyin initials, arrows from the line."""

from __future__ import annotations

from PySide6.QtCore import Qt

from commandroom.models.queries import CategoryChoice
from commandroom.views.calls.category_picker import CategoryPicker

CATEGORIES = (
    CategoryChoice("CG01", "城市管理", "占道经营"),
    CategoryChoice("HJ03", "环境卫生", "垃圾堆放"),
    CategoryChoice("MD01", "矛盾纠纷", "邻里纠纷"),
    CategoryChoice("ZS02", "城市管理", "噪音扰民"),
)


def test_the_suggestion_comes_first_and_pinyin_initials_find_a_category(qtbot):
    picker = CategoryPicker(CATEGORIES, [("ZS02", 0.61), ("MD01", 0.2)])
    qtbot.addWidget(picker)
    assert picker.code() == "ZS02"  # the officer who agrees only confirms
    assert picker.list.item(0).text() == "噪音扰民　城市管理 · ZS02　（建议 61%）"
    assert picker.list.item(1).data(Qt.ItemDataRole.UserRole + 1) == "MD01"

    qtbot.keyClicks(picker.edit, "ljdf")
    assert picker.code() == "HJ03"
    picker.edit.clear()
    qtbot.keyClicks(picker.edit, "cs")  # 城市管理: both of its items, by the class
    assert {picker.list.item(n).data(Qt.ItemDataRole.UserRole + 1)
            for n in range(picker.list.count())} == {"CG01", "ZS02"}
    first = picker.code()
    qtbot.keyClick(picker.edit, Qt.Key.Key_Down)  # the arrows move the list from the line
    assert picker.code() != first
    picker.edit.clear()
    qtbot.keyClicks(picker.edit, "xyz")
    assert picker.code() == ""
