"""Refusals of the intake, each naming what is wrong, in the dialect's own form and the
client's language (``Accept-Language: en`` for English; Chinese otherwise).

Native: ``{"errors": [{"field": "text", "message": "…"}]}``. Open311 GeoReport v2: a JSON
array of ``{"code": <HTTP status>, "description": "…"}``.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request
from fastapi.responses import JSONResponse

from commandroom.models.errors import CommandroomError


@dataclass(frozen=True)
class Problem:
    field: str  # "" when it is the request as a whole
    zh: str
    en: str


class IntakeError(Exception):
    def __init__(self, status: int, *problems: Problem):
        super().__init__(problems[0].en if problems else str(status))
        self.status = status
        self.problems = problems

    @classmethod
    def one(cls, status: int, field: str, zh: str, en: str) -> IntakeError:
        return cls(status, Problem(field, zh, en))

    @classmethod
    def of(cls, exc: CommandroomError, field: str = "", status: int = 400) -> IntakeError:
        return cls(status, Problem(field, exc.zh, exc.en))


def is_english(request: Request) -> bool:
    first = request.headers.get("accept-language", "").split(",")[0].strip().lower()
    return first.startswith("en")


def text_of(problem: Problem, english: bool) -> str:
    message = problem.en if english else problem.zh
    return f"{problem.field}: {message}" if problem.field and english else message


def native_response(request: Request, error: IntakeError) -> JSONResponse:
    english = is_english(request)
    body = {"errors": [{"field": p.field, "message": p.en if english else p.zh} for p in error.problems]}
    return JSONResponse(body, status_code=error.status, headers=_auth_header(error))


def open311_response(request: Request, error: IntakeError) -> JSONResponse:
    english = is_english(request)
    body = [{"code": error.status, "description": text_of(p, english)} for p in error.problems]
    return JSONResponse(body, status_code=error.status)


def _auth_header(error: IntakeError) -> dict[str, str]:
    return {"WWW-Authenticate": "Bearer"} if error.status == 401 else {}


# -- pydantic's refusals, told as a duty officer's colleague would ----------------------------
def from_validation(errors: list[dict]) -> IntakeError:
    return IntakeError(400, *(_problem(e) for e in errors))


def _problem(error: dict) -> Problem:
    loc = [str(part) for part in error.get("loc", ()) if part not in ("body", "query", "path")]
    field = ".".join(loc)
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    name = field or "请求"
    if kind == "missing":
        return Problem(field, f"缺少字段 {name}", "this field is required")
    if kind == "extra_forbidden":
        return Problem(field, f"未知字段 {name}", "unknown field")
    if kind == "string_too_long":
        limit = ctx.get("max_length")
        return Problem(field, f"{name} 过长（最多 {limit} 字）", f"too long (at most {limit} characters)")
    if kind == "too_long":
        limit = ctx.get("max_length")
        return Problem(field, f"{name} 过多（最多 {limit} 项）", f"too many (at most {limit})")
    if kind == "timezone_aware":
        return Problem(field, f"{name} 须带时区偏移，如 2026-11-21T09:30:00+08:00",
                       "needs its UTC offset, e.g. 2026-11-21T09:30:00+08:00")
    if kind.startswith(("datetime", "date")):
        return Problem(field, f"{name} 不是有效的日期时间（如 2026-11-21T09:30:00+08:00）",
                       f"not a valid date and time with offset ({error.get('msg', '')})")
    if kind == "enum" or kind == "literal_error":
        expected = ctx.get("expected", "")
        return Problem(field, f"{name} 的值无效，可选：{expected}", f"invalid value; one of {expected}")
    if kind == "json_invalid":
        return Problem(field, "JSON 格式错误，无法解析", f"malformed JSON ({ctx.get('error', '')})")
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return Problem(field, "请求体应为 JSON 对象", "the body must be a JSON object")
    return Problem(field, f"{name} 的值无效：{error.get('msg', '')}", error.get("msg", "invalid value"))
