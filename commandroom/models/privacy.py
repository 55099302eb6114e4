"""Personal data as it may be shown: a caller's phone number partly masked.

The queue, the board and the wall screen show ``138****1234``: enough to tell two callers apart
and to recognise a number read back on the phone, not enough to copy it off a screen a visitor
can see. The full number stays in the database for the officer's call-back.
"""

from __future__ import annotations

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
