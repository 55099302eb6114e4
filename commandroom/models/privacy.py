"""Personal data as it may be shown.

The queue and the board show a caller's phone partly masked (``mask_phone``): ``138****1234`` is
enough to tell two callers apart and to recognise a number read back on the phone, not enough to
copy it off a screen. The full number stays in the database for the officer's call-back.

The wall screen is seen by visitors and shows less (``mask_name``, ``public_address``,
``public_text``): names masked (张**), no phone number at all, addresses cut to the road and
compound, free text with the same cuts (the corpus in tests/data/privacy_corpus.tsv says what
each kind of text becomes).
"""

from __future__ import annotations

from commandroom.models import privacy_patterns as P

MASK = "*"
# Service numbers (110, 12345, 95598 …) are nobody's personal data: shown as they are.
_SHORTEST_PERSONAL = 7


def mask_phone(phone: str) -> str:
    """The number with its middle digits masked, separators and country code kept as typed.

    - mobile (11 digits from 1, optionally after 86/+86): the 4 after the first 3,
      ``13812341234`` → ``138****1234``;
    - fixed line with its area code (0 + 2 or 3 digits; 010 and 02x are the short ones): the
      local number but its last 4, ``0531-88881234`` → ``0531-****1234``;
    - any other number of 7 digits or more: all but the last 4, ``88881234`` → ``****1234``.
    """
    if len(phone) == 11 and phone[0] == "1" and phone.isascii() and phone.isdigit():
        # A mobile typed as digits alone, nearly every caller: what the rule below makes, without
        # its walk (the feed pump masks every report of a storm's batch; bench_intake --probe).
        return f"{phone[:3]}****{phone[7:]}"
    digits = [i for i, c in enumerate(phone) if c.isdigit()]
    if len(digits) < _SHORTEST_PERSONAL:
        return phone
    numbers = "".join(phone[i] for i in digits)
    country = 2 if numbers.startswith("86") and len(numbers) >= 12 else 0
    rest = numbers[country:]
    if len(rest) == 11 and rest.startswith("1"):
        masked = range(country + 3, country + 7)
    else:
        masked = range(country + _area_code_length(rest, bool(country)), len(numbers) - 4)
    hidden = {digits[k] for k in masked}
    return "".join(MASK if i in hidden else c for i, c in enumerate(phone))


def _area_code_length(number: str, after_country_code: bool) -> int:
    """Digits of the area code a fixed-line number starts with (0 when it has none). Beijing
    (10) and the 2x cities have 2-digit codes, the rest 3; dialled at home with a leading 0."""
    if after_country_code:
        return 2 if number[0] in "12" else 3
    if number.startswith("0") and len(number) >= 10:
        return 3 if number[1] in "12" else 4
    return 0


# ---- the wall screen: what a visitor may read --------------------------------------------------
# The patterns live in privacy_patterns.py; these functions apply them in a fixed order (numbers
# first, so a phone's digits are never read as a room number; names last, on what is left).

# In free text a cut designation leaves a word in its place, so the sentence still reads:
# "电梯卡在12楼不动了" → "电梯卡在某层不动了"; the biggest part of the run names it.
_PLACEHOLDERS = (("号楼", "某号楼"), ("栋", "某栋"), ("幢", "某幢"), ("座", "某座"), ("#", "某号楼"),
                 ("门", "某门"), ("单元", "某单元"), ("层", "某层"), ("楼", "某层"))


def mask_name(name: str) -> str:
    """The surname and one ``*`` per further character: 张三 → 张*, 张三丰 → 张**, 欧阳娜娜 → 欧阳**
    (a two-character compound surname is kept whole when the name is longer than it); a Latin
    name → its first letter and ``***`` (its length not told); "" → ""."""
    name = name.strip()
    if not name:
        return ""
    if name[0].isascii():
        return name[0] + "***"
    keep = 2 if len(name) > 2 and name[:2] in P.COMPOUND_SURNAMES else 1
    return name[:keep] + MASK * (len(name) - keep)


def remove_numbers(text: str) -> str:
    """Phone, ID and other numbers of 7 digits or more, and e-mail addresses, removed with the
    words that introduce them ("联系电话：138 1234 5678" → ""); dates kept."""
    return P.NUMBERS.sub(lambda m: m.group(0) if m.group("date") else "", text.translate(P.FOLD))


def _mask_plate(match) -> str:
    return match.group("keep") + match.group("sep") + MASK * len(match.group("rest"))


def _settled(one_pass):
    """``one_pass`` repeated until it changes nothing: a cut can join what stood on either side
    of it into something that must be cut in turn ("0一室栋" → "0栋" → "")."""
    def public(text: str) -> str:
        for _ in range(_PASSES):
            done = one_pass(text)
            if done == text:
                break
            text = done
        return text
    public.__doc__, public.__name__ = one_pass.__doc__, one_pass.__name__
    return public


_PASSES = 5  # a real text settles in two; the bound only keeps a pathological one finite


@_settled
def public_address(address: str) -> str:
    """The address without its house, building, unit, floor and room numbers: the road and the
    compound are left. ``…小区3号楼2单元502室`` → ``…小区``, ``XX路12号`` → ``XX路``, ``XX花园B座1203``
    → ``XX花园``, ``3-2-502`` forms too. Kept: compounds and their parts (小区, 东区, 二期, 3号院,
    3号楼院 — an L4 grid's name), villages and village groups (XX村5组: a group is a hamlet of many
    households), and places (附近, 东侧). Numbers of 7 digits or more are removed, plates and
    introduced names masked, as in ``public_text``."""
    text = remove_numbers(address)
    text = P.PLATE.sub(_mask_plate, text)
    text = P.INTRODUCED.sub(_mask_introduced, P.ADDRESS_NUMBERS.sub("", text))
    previous = None
    while previous != text:  # "（3号楼）" leaves "（）", which leaves a trailing space …
        previous, text = text, P.LEFTOVER.sub(lambda m: " " if m.group(0).startswith("  ") else "", text)
    return text.strip()


def _placeholder(match) -> str:
    found = match.group(0)
    if found[0].isdigit() and match.start() > 0 and match.string[match.start() - 1] in "路街巷道弄里村组" \
            and "号" in found and not any(kind in found for kind, _ in _PLACEHOLDERS):
        return ""  # 经十路12号 → 经十路: the road alone says where
    for kind, word in _PLACEHOLDERS:
        if kind in found:
            return word
    return "某户"  # a room (502室), a dashed number (3-2-502) or a bare house number


def _mask_introduced(match) -> str:
    name = match.group("name")
    if name[0].isascii():
        return match.group("intro") + mask_name(name)
    keep = 2 if name[:2] in P.COMPOUND_SURNAMES else 1
    given = name[keep:]
    stops = P.GIVEN_STOPS | (P.NUMERAL_STOPS if match.group("intro") == "我是" else set())
    for i, char in enumerate(given):  # the given name ends where the sentence goes on
        if char in stops:
            given = given[:i]
            break
    # After 我叫, 姓名 or 联系人 a name follows whatever it looks like (雷雨 is someone's name);
    # after 我是 or 业主 it may be a word (我是高龄老人), so the words that are not names stay.
    named = match.group("intro").startswith(P.NAMING_INTROS)
    if not given or (not named and name[:keep + 2] in P.NOT_NAMES) or given.startswith(P.TITLES):
        return match.group(0)
    rest = name[keep + len(given):]
    return match.group("intro") + mask_name(name[:keep] + given) + rest


@_settled
def public_text(text: str) -> str:
    """Free text as the wall may show it: phone numbers (mobile, fixed line, any separators),
    ID numbers and other long numbers removed entirely, never masked; plates masked (鲁A*****);
    house, building, unit, floor and room numbers cut as in ``public_address`` but leaving a word
    in their place (某号楼, 某栋, 某单元, 某层, 某户) so the sentence reads; a name after 我叫 / 我是 / 姓 /
    姓名 / 联系人 (and 来电人, 反映人 …) masked as ``mask_name`` does (王先生 stays: no given name).
    The result is plain text: the wall never interprets it (no rich text)."""
    text = remove_numbers(text)
    text = P.PLATE.sub(_mask_plate, text)
    text = P.TEXT_NUMBERS.sub(_placeholder, text)
    text = P.INTRODUCED.sub(_mask_introduced, text)
    return P.DOUBLED.sub(lambda m: " " if m.group(0).startswith("  ") and m.start() else "", text).strip()
