"""The steps every posted report takes, whatever its dialect: the key, the report checked,
handed to the writer, and the outcome told back."""

from __future__ import annotations

from datetime import datetime, timedelta

from pydantic import ValidationError as PydanticError

from commandroom.models.clock import BEIJING
from commandroom.models.commands.intake import Received
from commandroom.models.errors import CommandroomError, NotFoundError
from commandroom.models.incoming import IncomingReport, OutsidePoint
from commandroom.models.intake_keys import ClientInfo
from commandroom.services.intake.context import IntakeContext
from commandroom.services.intake.http_errors import IntakeError, from_validation

# A sender's clock may run a little ahead of ours; more than this is a wrong date or offset.
CLOCK_SKEW = timedelta(minutes=5)


def authenticate(ctx: IntakeContext, key: str | None, field: str) -> ClientInfo:
    if not key:
        raise IntakeError.one(401, field, "缺少 API 密钥", "API key missing")
    client = ctx.client(key)
    if client is None:
        raise IntakeError.one(403, field, "API 密钥无效或已吊销", "API key invalid or revoked")
    return client


def validated(model, data):
    try:
        return model.model_validate(data) if isinstance(data, dict) else model.model_validate_json(data)
    except PydanticError as exc:
        raise from_validation(exc.errors(include_url=False)) from None


def street_time(value: datetime, ctx: IntakeContext, field: str) -> datetime:
    """An aware time as the street's wall-clock time (Beijing), refused when in the future."""
    local = value.astimezone(BEIJING).replace(tzinfo=None)
    if local > ctx.clock.now() + CLOCK_SKEW:
        raise IntakeError.one(400, field, f"{field} 晚于当前时间（时区偏移是否有误？）",
                              "lies in the future (is its UTC offset right?)")
    return local


def checked(field_of_error: str = "", **fields) -> IncomingReport:
    try:
        return IncomingReport.checked(outside=OutsidePoint.FLAG, **fields)
    except CommandroomError as exc:
        raise IntakeError.of(exc, field_of_error) from None


async def submit(ctx: IntakeContext, report: IncomingReport, *, street_field: str,
                 category_field: str) -> Received:
    if report.category_hint and ctx.service(report.category_hint) is None:
        raise IntakeError.one(400, category_field, f"未知的事件类别编码「{report.category_hint}」",
                              f"unknown category code {report.category_hint!r}")
    outcome = await ctx.writer.submit(report)
    if isinstance(outcome, Received):
        return outcome
    if isinstance(outcome, NotFoundError):
        raise IntakeError.of(outcome, street_field if report.street_code else "")
    if isinstance(outcome, CommandroomError):
        raise IntakeError.of(outcome)
    raise IntakeError.one(503, "", "暂时无法保存报告，请稍后重试（未保存任何内容）",
                          "The report could not be saved now; retry later (nothing was saved)")


def location_of(received: Received, report: IncomingReport) -> str:
    if received.flagged:
        return "outside_street"
    return "grid" if report.point is not None else "none"


def outside_notice(english: bool) -> str:
    return ("The point lies outside the street; the report was accepted by its address and "
            "flagged for the duty officer" if english else "坐标不在本街道范围内，已按地址受理并提示值班员核实")
