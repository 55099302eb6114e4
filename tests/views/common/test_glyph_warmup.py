"""The common characters are drawn once after a console opens, a slice a turn of the event
loop, so a storm's first calls are not the first to be drawn in them."""

import unicodedata

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont

from commandroom.views.common.glyph_warmup import PER_TURN, GlyphWarmup, common_characters


def test_the_common_characters_are_ascii_and_gb2312s_punctuation_and_first_level():
    text = common_characters()
    assert len(text) == len(set(text)) == 94 + 94 + 94 + 3755
    assert text[:3] == "!\"#" and "，" in text and "。" in text and "【" in text and "《" in text
    hanzi = text[-3755:]
    assert hanzi[:4] == "啊阿埃挨" and hanzi[-1] == "座"  # the level's first and last, in pinyin order
    assert all(unicodedata.name(c).startswith("CJK UNIFIED IDEOGRAPH") for c in hanzi)


def test_each_turn_draws_a_slice_until_every_font_has_every_character(qtbot):
    fonts = [QFont(), QFont()]
    fonts[1].setBold(True)
    warmup = GlyphWarmup(fonts)
    drawn: list[tuple[QFont, str]] = []
    turns = []
    original = warmup._draw

    def draw(chunks):
        drawn.extend(chunks)
        turns.append(len(chunks))
        original(chunks)

    warmup._draw = draw
    warmup._slices._apply = draw
    ticks = []  # a 0 ms timer of another part of the console keeps its turns meanwhile
    other = QTimer(interval=0)
    other.timeout.connect(lambda: ticks.append(len(turns)))
    other.start()
    with qtbot.waitSignal(warmup.sig_done, timeout=30_000):
        warmup.start()
        assert not warmup.done and turns == [1]  # the first slice at once, the rest later
    other.stop()
    assert warmup.done and set(turns) == {1}
    assert all(len(text) <= PER_TURN for _font, text in drawn)
    for font in fonts:
        assert "".join(text for f, text in drawn if f is font) == common_characters()
    assert len(set(ticks)) > len(turns) // 2  # the other timer ran between the slices
    warmup.start()  # the docks filled again after a reload: nothing drawn again
    qtbot.wait(50)
    assert len(turns) == 2 * -(-len(common_characters()) // PER_TURN)
