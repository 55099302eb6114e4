"""The server as a whole: many posts at once, retries racing each other, a client that goes
away mid-body, keys added, used and revoked, and the OpenAPI document."""

from __future__ import annotations

import asyncio
import json
import socket
from collections import Counter

import httpx
import pytest
from openapi_spec_validator import validate
from sqlalchemy import func, select

from commandroom.models import Contact, Event, EventLog
from commandroom.models.intake_keys import add_client, revoke_client

from tests.services.intake.test_native import REPORT, _counts, _post


def _many(url: str, bodies: list[dict], key: str, in_flight: int = 32) -> list[httpx.Response]:
    async def go():
        limits = httpx.Limits(max_connections=in_flight)
        async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as http:
            return await asyncio.gather(*(http.post(
                "/api/v1/reports", content=json.dumps(b, ensure_ascii=False).encode(),
                headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
                for b in bodies))
    return asyncio.run(go())


def test_many_concurrent_posts_are_all_committed_once(intake):
    bodies = [REPORT | {"external_id": f"JN-{i}", "text": f"第{i}件：路灯不亮"} for i in range(120)]
    replies = _many(intake.url, bodies, intake.key)
    assert Counter(r.status_code for r in replies) == {201: 120}
    codes = [r.json()["id"] for r in replies]
    assert len(set(codes)) == 120
    with intake.db.session() as s:
        assert sorted(s.scalars(select(Event.code))) == sorted(codes)
        assert s.scalar(select(func.count(EventLog.id))) == 120
    assert intake.server.ctx.writer.batches < 120  # they were committed in groups


def test_concurrent_retries_make_one_report(intake):
    replies = _many(intake.url, [REPORT] * 40, intake.key)
    assert {r.status_code for r in replies} == {201}
    assert len({r.json()["id"] for r in replies}) == 1
    assert sum(r.headers.get("Idempotent-Replayed") == "true" for r in replies) == 39
    with intake.db.session() as s:
        assert s.scalar(select(func.count(Contact.id))) == 1


def test_the_same_external_id_from_two_clients_is_two_reports(intake):
    with intake.db.session() as s:
        other = add_client(s, "patrol-app", intake.clock.now())
    with intake.client() as http:
        first, second = _post(http, intake.key, REPORT), _post(http, other, REPORT)
    assert first.json()["id"] != second.json()["id"]


def test_a_client_that_disconnects_mid_body_leaves_nothing(sqlite_intake):
    body = json.dumps(REPORT, ensure_ascii=False).encode()
    head = (f"POST /api/v1/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"Authorization: Bearer {sqlite_intake.key}\r\nContent-Length: {len(body)}\r\n\r\n").encode()
    for _ in range(5):
        with socket.create_connection(("127.0.0.1", sqlite_intake.server.port)) as raw:
            raw.sendall(head + body[: len(body) // 2])
    with sqlite_intake.client() as http:
        assert _counts(sqlite_intake.db) == (0, 0, 0)
        assert _post(http, sqlite_intake.key, REPORT).status_code == 201  # still serving
    assert _counts(sqlite_intake.db) == (1, 1, 1)


def test_keys_added_used_and_revoked(sqlite_intake):
    db, clock = sqlite_intake.db, sqlite_intake.clock
    with db.session() as s:
        key = add_client(s, "photo-app", clock.now())
    with sqlite_intake.client() as http:
        assert _post(http, key, REPORT).status_code == 201
        with db.session() as s:
            revoke_client(s, "photo-app", clock.now())
        refused = _post(http, key, REPORT | {"external_id": "later"})
        assert refused.status_code == 403
        assert _post(http, sqlite_intake.key, REPORT).status_code == 201  # the others still work
    with db.session() as s:
        saved = sorted(s.execute(select(Contact.client, Contact.external_ref)).all())
    assert saved == [("hotline", "JN12345-0001"), ("photo-app", "JN12345-0001")]


def test_the_openapi_document_is_valid_and_names_both_dialects(sqlite_intake):
    with sqlite_intake.client() as http:
        document = http.get("/openapi.json").json()
    validate(document)
    paths = document["paths"]
    assert {"/api/v1/reports", "/open311/v2/services.json", "/open311/v2/requests.json",
            "/open311/v2/requests/{service_request_id}.json"} <= set(paths)
    form = paths["/open311/v2/requests.json"]["post"]["requestBody"]["content"]
    assert "application/x-www-form-urlencoded" in form
    assert "long" in form["application/x-www-form-urlencoded"]["schema"]["properties"]



def test_a_taken_port_is_refused_and_leaves_no_thread(sqlite_intake):
    from commandroom.services.intake.context import IntakeContext
    from commandroom.services.intake.server import IntakeServer

    second = IntakeServer(IntakeContext(sqlite_intake.db, sqlite_intake.clock), port=sqlite_intake.server.port)
    with pytest.raises(OSError, match="could not start"):
        second.start()
    # The fixture's check: no intake thread of the second server is left running.
