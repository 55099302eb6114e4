"""The posts a storm is made of, handed straight to their handlers.

``POST /api/v1/reports`` and ``POST /open311/v2/requests.json`` are what the hotline platform
sends hundreds of a second. Through FastAPI each passed seven ASGI layers (error middleware,
telemetry, body limit, exception middleware, exit stack, the router and its included routers'
matching) and the dependency solver, for handlers that take nothing but the ``Request`` and
return a finished ``Response``: that was more of the server's CPU per report than the handler
itself (cProfile with a CPU clock, bench/bench_intake.py). Here an exact (method, path) match
calls the same handler FastAPI would have called — the route stays declared there, so the
OpenAPI document describes it — and everything else goes to FastAPI untouched.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable

from fastapi import APIRouter, FastAPI, Request
from fastapi.routing import APIRoute
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

Handler = Callable[[Request], Awaitable[Response]]


class DirectPosts:
    """An ASGI application: FastAPI's, with the chosen posts dispatched directly."""

    def __init__(self, app: FastAPI, handlers: dict[str, Handler]):
        self.app = app
        self.handlers = handlers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST":
            handler = self.handlers.get(scope["path"])
            if handler is not None:
                response = await handler(Request(scope, receive, send))
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def post_handlers(routers: Iterable[APIRouter], paths: Iterable[str]) -> dict[str, Handler]:
    """The endpoints of the routers' POST routes at these paths (each must be one, taking only
    the request)."""
    wanted = set(paths)
    found = {route.path: route.endpoint for router in routers for route in router.routes
             if isinstance(route, APIRoute) and route.path in wanted and route.methods == {"POST"}}
    missing = wanted - found.keys()
    if missing:
        raise LookupError(f"no POST route at {sorted(missing)}")
    return found
