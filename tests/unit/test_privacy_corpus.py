"""What the wall may show of an address or a text: a corpus of real-looking Chinese addresses and
reports with the expected output of each (tests/data/privacy_corpus.tsv), properties over generated
phone numbers and names, and 10,000 texts and addresses of the demo street."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from commandroom.demo import names
from commandroom.demo.history import History
from commandroom.demo.rand import FastRandom
from commandroom.models.enums import Source
from commandroom.models.privacy import mask_name, public_address, public_text
from commandroom.models.privacy_patterns import COMPOUND_SURNAMES, SURNAMES
from tests.demo.test_reports import _wording

CORPUS = Path(__file__).resolve().parent.parent / "data" / "privacy_corpus.tsv"


def _corpus() -> list[tuple[str, str, str]]:
    rows = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        kind, given_text, shown = line.split("\t")
        rows.append((kind, given_text, shown))
    return rows


CASES = _corpus()


def test_the_corpus_is_large_and_covers_both_kinds():
    kinds = [kind for kind, _, _ in CASES]
    assert len(CASES) >= 80 and kinds.count("address") >= 30 and kinds.count("text") >= 40


@pytest.mark.parametrize("kind, given_text, shown", CASES, ids=[f"{k}-{i}" for i, (k, _, _) in enumerate(CASES)])
def test_corpus(kind, given_text, shown):
    assert (public_address if kind == "address" else public_text)(given_text) == shown


@pytest.mark.parametrize("name, shown", [
    ("张三", "张*"), ("张三丰", "张**"), ("欧阳娜娜", "欧阳**"), ("司马懿", "司马*"), ("诸葛亮", "诸葛*"),
    ("上官婉儿", "上官**"), ("欧阳", "欧*"),  # two characters: surname 欧, given name 阳
    ("John Smith", "J***"), ("li", "l***"), ("王", "王"), ("", ""), ("  李娜 ", "李*"),
])
def test_mask_name(name, shown):
    assert mask_name(name) == shown


# -- properties ----------------------------------------------------------------------------------
# Around the number: characters that might fool a pattern (separators, labels, numerals, letters,
# the ID check letter), but no digits of their own, so every digit left came from the phone.
AROUND = st.text(alphabet=st.sampled_from(list("的了我在楼号室单元电话手机联系人是，。：: -._()+abcXx鲁A一二三幺")),
                 max_size=12)
SEPARATORS = st.sampled_from(["", " ", "-", ".", "  ", " - "])
DIGIT = st.sampled_from("0123456789")


@st.composite
def phones(draw) -> tuple[str, str]:
    """(as typed, its digits): a mobile (11 digits, maybe +86) or a fixed line (area code + 7–8
    digits, maybe bracketed), grouped by any separators."""
    if draw(st.booleans()):
        digits = "1" + draw(st.sampled_from("3456789")) + "".join(draw(st.lists(DIGIT, min_size=9, max_size=9)))
        groups = [digits[:3], digits[3:7], digits[7:]]
        prefix = draw(st.sampled_from(["", "+86", "+86 ", "86-"]))
    else:
        area = "0" + "".join(draw(st.lists(DIGIT, min_size=2, max_size=3)))
        local = draw(st.sampled_from("2345678")) + "".join(draw(st.lists(DIGIT, min_size=6, max_size=7)))
        digits = area + local
        groups = [area, local[:4], local[4:]]
        prefix = ""
        if draw(st.booleans()):
            return f"({area}){local}", digits
    sep = draw(SEPARATORS)
    return prefix + sep.join(groups), digits


def _digit_runs(text: str) -> list[str]:
    return [re.sub(r"\D", "", run) for run in re.findall(r"\d(?:[\s\-.]{0,2}\d)*", text)]


@settings(max_examples=400, deadline=None)
@given(before=AROUND, phone=phones(), after=AROUND)
def test_no_seven_digits_of_a_phone_survive(before, phone, after):
    typed, digits = phone
    shown = public_text(before + typed + after)
    pieces = {digits[i:i + 7] for i in range(len(digits) - 6)}
    assert not any(piece in run for run in _digit_runs(shown) for piece in pieces), shown
    assert not any(piece in run for run in _digit_runs(public_address(before + typed + after)) for piece in pieces)


GIVEN_CHARS = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=3)


@settings(max_examples=300, deadline=None)
@given(surname=st.sampled_from(sorted(SURNAMES | COMPOUND_SURNAMES)), given_name=GIVEN_CHARS)
def test_a_masked_name_keeps_the_surname_only(surname, given_name):
    name = surname + given_name
    # 欧 + 阳娜 reads as 欧阳 + 娜: a name that starts with a compound surname is one.
    assume(len(surname) == 2 or name[:2] not in COMPOUND_SURNAMES)
    shown = mask_name(name)
    assert shown.startswith(surname) and set(shown[len(surname):]) <= {"*"}
    assert len(shown) == len(name)


NAME_CHARS = st.text(alphabet=st.sampled_from(names.GIVEN), min_size=1, max_size=2)


@settings(max_examples=300, deadline=None)
@given(intro=st.sampled_from(["我叫", "联系人：", "联系人", "投诉人", "反映人：", "姓名："]),
       surname=st.sampled_from(sorted(SURNAMES)), given_name=NAME_CHARS,
       rest=st.sampled_from(["，楼下漏水", "，住5号楼", "。", "", " 反映噪音"]))
def test_an_introduced_name_is_masked_in_text(intro, surname, given_name, rest):
    assume((surname + given_name)[:2] not in COMPOUND_SURNAMES)
    shown = public_text(intro + surname + given_name + rest)
    assert shown.startswith(intro + surname + "*" * len(given_name)), shown


def test_a_name_that_is_also_a_word_is_masked_when_introduced_as_a_name():
    """Found by the property above: 雷雨 is a word (我是雷雨天出的门) and a name (我叫雷雨)."""
    assert public_text("我叫雷雨，楼下漏水") == "我叫雷*，楼下漏水"
    assert public_text("联系人：雷雨") == "联系人：雷*"


# -- the demo street's own words -----------------------------------------------------------------
ROOM_NUMBERS = re.compile(r"\d+\s*(?:号楼(?!院)|栋|幢|座|单元|层|楼(?!院)|室|户)|[路街]\d+号|\d+-\d+-\d+")
PHONE_DIGITS = re.compile(r"\d{7,}")


def _demo_texts(count: int):
    """``count`` (address, text, reporter, phone) as the demo generator makes them; the phone
    written into the text as officers do ("联系电话：…", "回电 …") in two of every three."""
    wording, cats, grids = _wording()
    rng = FastRandom(11)
    history = SimpleNamespace(house_no=[rng.randint(1, 320) for _ in grids], rng=rng)
    sources = list(Source)
    for k in range(count):
        g = k % len(grids)
        cat = cats[k % len(cats)]
        _title, text, _ = wording.report(rng, sources[k % len(sources)], cat, g)
        reporter, phone = names.person_name(rng), names.mobile(rng) if k % 2 else names.landline(rng)
        form = k % 3
        if form == 1:
            text = f"{text}来电人{reporter}，联系电话：{phone}"
        elif form == 2:
            text = f"我叫{reporter}，{text}回电 {phone[:3]} {phone[3:7]} {phone[7:]}"
        yield History._address(history, g, grids[g]), text, reporter, phone, form


def test_ten_thousand_demo_texts_show_no_phone_room_or_given_name():
    seen_numbers = 0
    for address, text, reporter, phone, form in _demo_texts(10_000):
        place, shown = public_address(address), public_text(text)
        assert not ROOM_NUMBERS.search(place), (address, place)
        assert not ROOM_NUMBERS.search(shown), (text, shown)
        assert not PHONE_DIGITS.search(re.sub(r"[\s-]", "", shown)), (text, shown)
        digits = re.sub(r"\D", "", phone)
        pieces = {digits[i:i + 7] for i in range(len(digits) - 6)}
        assert not any(piece in run for run in _digit_runs(shown) for piece in pieces), (text, shown)
        if form and len(reporter) > 1:
            assert reporter not in shown and reporter[:2] not in shown, (text, shown)
        seen_numbers += bool(ROOM_NUMBERS.search(text)) + bool(ROOM_NUMBERS.search(address))
    # The texts and addresses did name buildings, floors and house numbers: the checks had something to find.
    assert seen_numbers > 5_000


WORDY = st.text(alphabet=st.sampled_from(list("我叫是姓王张欧阳娜建国联系人电话：，。 号楼单元层室户栋座院路村组区东-#Bx鲁A"
                                              "0123456789一二三十两幺１２")), max_size=40)


@settings(max_examples=500, deadline=None)
@given(text=st.one_of(WORDY, st.text(max_size=60)))
def test_public_text_and_address_are_total_and_settled(text):
    """Any text goes through (no error), and what is public stays as it is when made public again."""
    for public in (public_text, public_address):
        once = public(text)
        assert public(once) == once, (text, once)
