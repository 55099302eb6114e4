"""Checks on what people type, each failing with a ValidationError that says why."""

from __future__ import annotations

import math
import re

from commandroom.models.errors import ValidationError

PHONE = re.compile(r"^\+?[0-9][0-9\- ]{5,18}[0-9]$")


# Control characters but tab and line breaks: invisible on screen, and PostgreSQL refuses NUL.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def text(value: str | None, zh_name: str, en_name: str, *, max_len: int, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ValidationError(f"请填写{zh_name}", f"{en_name} is required")
    if CONTROL.search(value):
        raise ValidationError(f"{zh_name}含有不可见的控制字符，请重新输入",
                              f"{en_name} contains invisible control characters; type it again")
    if len(value) > max_len:
        raise ValidationError(
            f"{zh_name}过长（{len(value)} 字，最多 {max_len} 字）",
            f"{en_name} is too long ({len(value)} characters, at most {max_len})",
        )
    return value


def phone(value: str | None) -> str:
    value = (value or "").strip()
    if value and not PHONE.match(value):
        raise ValidationError(f"电话号码格式不对：{value}", f"Not a phone number: {value}")
    return value


def coordinates(lat: float | None, lon: float | None) -> tuple[float, float] | None:
    """Both or neither; finite; WGS-84 ranges."""
    if lat is None and lon is None:
        return None
    if lat is None or lon is None:
        raise ValidationError("经纬度须同时提供", "Latitude and longitude go together")
    try:
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError):
        raise ValidationError(f"经纬度不是数字：{lat}, {lon}", f"Not a coordinate: {lat}, {lon}") from None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValidationError(f"经纬度超出范围：{lat}, {lon}", f"Coordinates out of range: {lat}, {lon}")
    return lat, lon


def enum_value(enum_cls, value, zh_name: str, en_name: str):
    try:
        return enum_cls(value)
    except ValueError:
        choices = "、".join(m.label for m in enum_cls)
        raise ValidationError(
            f"{zh_name}「{value}」无效，可选：{choices}",
            f"Invalid {en_name} {value!r}; one of: " + ", ".join(m.value for m in enum_cls),
        ) from None
