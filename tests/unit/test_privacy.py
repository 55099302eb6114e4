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
