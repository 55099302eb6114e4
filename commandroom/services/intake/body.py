"""Reading a request body: its content type, its size (refused as it arrives, not after), a
client that goes away before the end, and form decoding."""

from __future__ import annotations

from urllib.parse import parse_qsl

from fastapi import Request
from starlette.requests import ClientDisconnect

from commandroom.services.intake.http_errors import IntakeError

JSON = "application/json"
FORM = "application/x-www-form-urlencoded"


class Disconnected(Exception):
    """The client went away before its body was complete: nothing is written, nothing sent."""


def require_type(request: Request, expected: str) -> None:
    given = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if given != expected:
        raise IntakeError.one(415, "Content-Type", f"内容类型应为 {expected}（收到「{given or '无'}」）",
                              f"Content-Type must be {expected} (got {given or 'none'!r})")


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, refused with 413 once it passes ``limit`` bytes (a declared length over
    it is refused before anything is read)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    chunks, size = [], 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise _too_large(limit)
            chunks.append(chunk)
    except ClientDisconnect:
        raise Disconnected from None
    return b"".join(chunks)


def _too_large(limit: int) -> IntakeError:
    return IntakeError.one(413, "", f"请求体过大（至多 {limit} 字节）", f"Request body too large (at most {limit} bytes)")


def parse_form(body: bytes) -> dict[str, str]:
    """``application/x-www-form-urlencoded`` as Open311 clients send it; a field given twice,
    undecodable bytes or a malformed pair are refused rather than guessed at."""
    try:
        text = body.decode("utf-8")
        pairs = parse_qsl(text, keep_blank_values=True, strict_parsing=bool(text),
                          encoding="utf-8", errors="strict")
    except (UnicodeDecodeError, ValueError):
        raise IntakeError.one(400, "", "表单编码错误，无法解析（应为 UTF-8 的 application/x-www-form-urlencoded）",
                              "Malformed form body (UTF-8 application/x-www-form-urlencoded expected)") from None
    form: dict[str, str] = {}
    for key, value in pairs:
        if key in form:
            raise IntakeError.one(400, key, f"字段 {key} 重复出现", "given more than once")
        form[key] = value
    return form
