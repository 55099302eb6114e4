"""The native dialect: ``POST /api/v1/reports`` (JSON, ``Authorization: Bearer KEY``),
``GET /api/v1/reports/{id}``, ``GET /api/v1/categories``."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from commandroom.models.intake_status import request_state
from commandroom.services.intake import schemas
from commandroom.services.intake.body import JSON, Disconnected, read_body, require_type
from commandroom.services.intake.http_errors import IntakeError, is_english, native_response
from commandroom.services.intake.submit import (
    authenticate, checked, location_of, outside_notice, street_time, submit, validated)
from commandroom.services.intake.times import w3c

PREFIX = "/api/v1"
REPORTS = "/reports"
ERRORS = {status: {"model": schemas.NativeErrors} for status in (400, 401, 403, 404, 413, 415, 503)}


def router(ctx) -> APIRouter:
    api = APIRouter(prefix=PREFIX, tags=["native"])

    @api.post(REPORTS, status_code=201, response_model=schemas.NativeAccepted,
              responses=ERRORS, openapi_extra={"requestBody": {"required": True, "content": {
                  JSON: {"schema": schemas.NativeReport.model_json_schema()}}}})
    async def post_report(request: Request):
        """Receive a report; 201 once it is committed. A retry (same key, same external_id)
        answers with the first report's event and saves nothing."""
        try:
            require_type(request, JSON)
            body = await read_body(request, ctx.max_body)
            client = authenticate(ctx, _bearer(request), "Authorization")
            data = validated(schemas.NativeReport, body)
            report = checked(
                source=data.source, title=data.title or data.text[:40], description=data.text,
                address=data.address, lat=data.lat, lon=data.lon, reporter_name=data.caller_name,
                reporter_phone=data.caller_phone, priority=data.priority,
                external_ref=data.external_id, client=client.name, category_hint=data.category,
                media=data.photo_urls, reported_at=street_time(data.received_at, ctx, "received_at"),
                street_code=data.street, client_street_id=client.street_id)
            received = await submit(ctx, report, street_field="street", category_field="category")
        except IntakeError as error:
            return native_response(request, error)
        except Disconnected:
            return Response(status_code=400)  # nobody is there to read it
        location = location_of(received, report)
        body = schemas.NativeAccepted(
            id=received.ref.code, status=received.ref.status.value, location=location,
            notice=outside_notice(is_english(request)) if location == "outside_street" else "")
        headers = {"Location": f"{PREFIX}/reports/{received.ref.code}"}
        if not received.created:
            headers["Idempotent-Replayed"] = "true"
        return Response(body.model_dump_json(), status_code=201, headers=headers, media_type=JSON)

    @api.get("/reports/{report_id}", response_model=schemas.NativeState, responses=ERRORS)
    def get_report(report_id: str, request: Request):
        """The state of the event the report became (followed through a merge)."""
        try:
            authenticate(ctx, _bearer(request), "Authorization")
        except IntakeError as error:
            return native_response(request, error)
        with ctx.db.session() as session:
            state = request_state(session, report_id)
        if state is None:
            return native_response(request, IntakeError.one(
                404, "id", f"没有编号为 {report_id} 的报告", f"no report {report_id}"))
        return schemas.NativeState(
            id=state.code, status=state.status.value, open=state.is_open, notes=state.notes,
            category=state.category_code, agency=state.agency, received_at=w3c(state.received_at),
            updated_at=w3c(state.updated_at), expected_at=w3c(state.expected_at))

    @api.get("/categories", response_model=list[schemas.NativeCategory])
    def categories():
        """The catalogue: codes a report may suggest as its ``category``."""
        return [schemas.NativeCategory(code=s.code, name=s.name, class_name=s.class_name)
                for s in ctx.services().values()]

    return api


def _bearer(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None
