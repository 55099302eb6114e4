"""The intake's ASGI application (FastAPI): both dialects, their refusals in their own forms,
the OpenAPI document at ``/openapi.json``, and the writer started and stopped with it."""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError

from commandroom.services.intake import native, open311
from commandroom.services.intake.context import IntakeContext
from commandroom.services.intake.direct import DirectPosts, post_handlers
from commandroom.services.intake.http_errors import (
    IntakeError, from_validation, native_response, open311_response)

TITLE = "commandroom intake (街道综合信息指挥室 接入系统)"
# The posts that carry the reports: dispatched without FastAPI's layers (``direct``).
REPORT_POSTS = (native.PREFIX + native.REPORTS, open311.PREFIX + open311.REQUESTS)
# No OpenTelemetry in the room: FastAPI would otherwise ask on every request whether it is set up.
NO_TELEMETRY = {"tracing": False, "metrics": False, "logs": False}


def create_app(ctx: IntakeContext) -> DirectPosts:
    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        ctx.writer.start()
        try:
            yield
        finally:
            ctx.writer.stop()

    app = FastAPI(title=TITLE, version="1", lifespan=lifespan, docs_url=None, redoc_url=None,
                  telemetry=NO_TELEMETRY,
                  description="Reports from the 12345 platform, grid patrol and photo apps: a native "
                              "JSON dialect (/api/v1) and Open311 GeoReport v2 (/open311/v2).")
    app.state.intake = ctx
    routers = (native.router(ctx), open311.router(ctx))
    for router in routers:
        app.include_router(router)

    @app.exception_handler(RequestValidationError)
    async def refused(request: Request, exc: RequestValidationError):
        """A bad query or path parameter, in the dialect's own form (not FastAPI's 422)."""
        return _respond(request, from_validation(list(exc.errors())))

    @app.exception_handler(IntakeError)
    async def intake_error(request: Request, exc: IntakeError):
        return _respond(request, exc)

    return DirectPosts(app, post_handlers(routers, REPORT_POSTS))


def _respond(request: Request, error: IntakeError):
    if request.url.path.startswith(open311.PREFIX):
        return open311_response(request, error)
    return native_response(request, error)
