"""Open311 GeoReport v2, as its clients speak it (https://wiki.open311.org/GeoReport_v2):
``GET services.json``, ``POST requests.json`` (form-encoded, with ``api_key``),
``GET requests/{service_request_id}.json`` and ``GET requests.json`` with its filters.

``jurisdiction_id`` names the street (its code) on a district database; it may be left out
when the point, the client's street or the only street decides. A retry is recognised by the
client's own request key, sent as the ``Idempotency-Key`` header (GeoReport v2 has no field for
it): the same key from the same client answers with the first report's id and saves nothing.
Reading (GET) needs no key, as in GeoReport v2, and shows no personal data.
"""

from __future__ import annotations

from datetime import datetime

import orjson
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import AwareDatetime

from commandroom.models.clock import BEIJING
from commandroom.models.intake_status import RequestState, request_state, search_requests
from commandroom.models.enums import Source
from commandroom.services.intake import schemas
from commandroom.services.intake.body import (
    FORM, JSON, Disconnected, parse_form, read_body, require_type)
from commandroom.services.intake.http_errors import IntakeError, is_english, open311_response
from commandroom.services.intake.submit import (
    authenticate, checked, location_of, outside_notice, submit, validated)
from commandroom.services.intake.times import w3c

PREFIX = "/open311/v2"
REQUESTS = "/requests.json"
ERRORS = {status: {"model": list[schemas.Open311Error]} for status in (400, 401, 403, 404, 413, 415, 503)}
IDEMPOTENCY_HEADER = "idempotency-key"


def router(ctx) -> APIRouter:
    api = APIRouter(prefix=PREFIX, tags=["open311"])

    @api.get("/services.json", response_model=list[schemas.Open311Service], responses=ERRORS)
    def services(request: Request, jurisdiction_id: str = ""):
        """The categories of the catalogue, as services."""
        try:
            _street_exists(ctx, jurisdiction_id)
        except IntakeError as error:
            return open311_response(request, error)
        return [schemas.Open311Service(
            service_code=s.code, service_name=s.name, description=f"{s.class_name}：{s.name}",
            metadata=False, type="realtime", keywords="", group=s.class_name)
            for s in ctx.services().values()]

    @api.post(REQUESTS, status_code=201, response_model=list[schemas.Open311Created],
              responses=ERRORS, openapi_extra={"requestBody": {"required": True, "content": {
                  FORM: {"schema": schemas.Open311Request.model_json_schema()}}}})
    async def post_request(request: Request):
        """Create a service request; 201 once it is committed."""
        try:
            require_type(request, FORM)
            form = parse_form(await read_body(request, ctx.max_body))
            client = authenticate(ctx, form.get("api_key"), "api_key")
            data = validated(schemas.Open311Request, {k: v for k, v in form.items() if v != ""
                                                      or k in ("api_key", "service_code")})
            report = checked(**_report_fields(ctx, data, request, client))
            received = await submit(ctx, report, street_field="jurisdiction_id",
                                    category_field="service_code")
        except IntakeError as error:
            return open311_response(request, error)
        except Disconnected:
            return Response(status_code=400)
        flagged = location_of(received, report) == "outside_street"
        body = schemas.Open311Created(service_request_id=received.ref.code,
                                      service_notice=outside_notice(is_english(request)) if flagged else "")
        headers = {} if received.created else {"Idempotent-Replayed": "true"}
        return Response(orjson.dumps([body.model_dump()]), status_code=201, headers=headers,
                        media_type=JSON)

    @api.get("/requests/{service_request_id}.json", response_model=list[schemas.Open311State],
             responses=ERRORS)
    def get_request(service_request_id: str, request: Request, jurisdiction_id: str = ""):
        """One request: the state of the event it became."""
        try:
            street_id = _street_exists(ctx, jurisdiction_id)
        except IntakeError as error:
            return open311_response(request, error)
        with ctx.db.session() as session:
            state = request_state(session, service_request_id, street_id=street_id)
        if state is None:
            return open311_response(request, IntakeError.one(
                404, "service_request_id", f"没有编号为 {service_request_id} 的服务请求",
                f"no service request {service_request_id}"))
        return [_state(state)]

    @api.get("/requests.json", response_model=list[schemas.Open311State], responses=ERRORS)
    def get_requests(request: Request, jurisdiction_id: str = "", service_request_id: str = "",
                     service_code: str = "", start_date: AwareDatetime | None = Query(None),
                     end_date: AwareDatetime | None = Query(None), status: str = ""):
        """Requests by id (comma-separated), or by service, period and status (open, closed);
        without dates the last 90 days, newest first, at most 1,000."""
        try:
            street_id = _street_exists(ctx, jurisdiction_id)
            if status not in ("", "open", "closed"):
                raise IntakeError.one(400, "status", "status 只能是 open 或 closed", "must be open or closed")
            start = _local(start_date, ctx, "start_date")
            end = _local(end_date, ctx, "end_date")
            if start and end and end < start:
                raise IntakeError.one(400, "end_date", "end_date 早于 start_date", "is before start_date")
        except IntakeError as error:
            return open311_response(request, error)
        codes = [c.strip() for c in service_request_id.split(",") if c.strip()]
        with ctx.db.session() as session:
            states = search_requests(
                session, codes=codes, category_code=service_code, start=start, end=end,
                is_open=None if not status else status == "open", now=ctx.clock.now(),
                street_id=street_id)
        return [_state(s) for s in states]

    return api


def _report_fields(ctx, data: schemas.Open311Request, request: Request, client) -> dict:
    service = ctx.service(data.service_code)
    if service is None:
        raise IntakeError.one(400, "service_code", f"未知的服务代码「{data.service_code}」",
                              f"unknown service_code {data.service_code!r}")
    if (data.lat is None) != (data.long is None):
        raise IntakeError.one(400, "long" if data.long is None else "lat",
                              "lat 与 long 须同时提供", "lat and long go together")
    if data.lat is None and not data.address_string and not data.address_id:
        raise IntakeError.one(400, "lat", "须提供位置：lat/long、address_string 或 address_id",
                              "a location is required: lat/long, address_string or address_id")
    text = data.description
    if data.email:  # no column of its own; kept where the officer reads the report
        text = f"{text}\n（邮箱：{data.email}）".strip()
    key = request.headers.get(IDEMPOTENCY_HEADER, "").strip()
    if len(key) > 64:
        raise IntakeError.one(400, "Idempotency-Key", "Idempotency-Key 过长（至多 64 个字符）",
                              "too long (at most 64 characters)")
    return dict(
        source=Source.PHOTO_APP, title=(data.description[:40] or service.name), description=text,
        address=data.address_string or data.address_id, lat=data.lat, lon=data.long,
        reporter_name=f"{data.last_name}{data.first_name}", reporter_phone=data.phone,
        external_ref=key, client=client.name, category_hint=data.service_code,
        media=[data.media_url] if data.media_url else [], street_code=data.jurisdiction_id,
        client_street_id=client.street_id)


def _street_exists(ctx, jurisdiction_id: str) -> int | None:
    if not jurisdiction_id:
        return None
    street_id = ctx.street_id(jurisdiction_id)
    if street_id is None:
        raise IntakeError.one(404, "jurisdiction_id", f"未知的 jurisdiction_id「{jurisdiction_id}」",
                              f"unknown jurisdiction_id {jurisdiction_id!r}")
    return street_id


def _local(value: datetime | None, ctx, field: str) -> datetime | None:
    """A query's bound as street time (a bound in the future is fine here)."""
    return None if value is None else value.astimezone(BEIJING).replace(tzinfo=None)


def _state(state: RequestState) -> schemas.Open311State:
    return schemas.Open311State(
        service_request_id=state.code, status="open" if state.is_open else "closed",
        status_notes=state.notes, service_name=state.category_name,
        service_code=state.category_code, description=state.description,
        agency_responsible=state.agency, service_notice="", requested_datetime=w3c(state.received_at),
        updated_datetime=w3c(state.updated_at), expected_datetime=w3c(state.expected_at),
        address=state.address, address_id="", zipcode="", lat=state.lat, long=state.lon,
        media_url=state.media_url)
