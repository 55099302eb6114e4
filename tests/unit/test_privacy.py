"""Phone numbers as the screens show them: mobile, fixed line, with the country code, service numbers."""

import pytest

from commandroom.models.privacy import mask_phone


@pytest.mark.parametrize("phone, shown", [
    ("13812341234", "138****1234"),
    ("138 1234 1234", "138 **** 1234"),
    ("+86 13812341234", "+86 138****1234"),
    ("8613812341234", "86138****1234"),
    ("0531-88881234", "0531-****1234"),
    ("053188881234", "0531****1234"),
    ("010-12345678", "010-****5678"),
    ("02112345678", "021****5678"),
    ("0531-8888123", "0531-***8123"),
    ("+86 531 8888 1234", "+86 531 **** 1234"),
    ("88881234", "****1234"),
    ("12345", "12345"),  # the hotline itself
    ("110", "110"),
    ("", ""),
])
def test_mask_phone(phone, shown):
    assert mask_phone(phone) == shown


@pytest.mark.parametrize("phone", ["13812341234", "0531-88881234", "88881234", "+86 13812341234"])
def test_the_last_four_digits_stay_and_at_least_four_are_hidden(phone):
    shown = mask_phone(phone)
    assert shown[-4:] == phone[-4:] and shown.count("*") >= 4 and len(shown) == len(phone)


def test_a_bare_mobile_is_masked_as_the_general_rule_masks_it():
    """The short way for 11 bare digits from 1 gives what the rule gives the same digits with a
    separator (which goes the long way): the mask lands on the same digits."""
    for phone in ("13812341234", "19900001111", "10000000000"):
        spaced = f"{phone[:3]} {phone[3:7]} {phone[7:]}"
        assert mask_phone(phone) == mask_phone(spaced).replace(" ", "")
