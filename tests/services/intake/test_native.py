"""The native dialect over real HTTP: a report committed and in the database, its retry
answered without a second report, and each bad input refused with its field named."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from commandroom.models import Contact, Event, EventLog
from commandroom.models.enums import Action, Status

REPORT = {
    "source": "hotline_12345", "external_id": "JN12345-0001",
    "received_at": "2026-11-16T08:55:00+08:00", "caller_name": "王芳", "caller_phone": "13800138000",
    "text": "市民来电反映：舜华园小区门口流动摊贩占道经营，影响通行，请尽快处理。",
    "address": "舜华园小区南门", "category": "CG01", "photo_urls": ["https://img.example/1.jpg"],
}


def _post(client, key, body, **headers):
    return client.post("/api/v1/reports", content=json.dumps(body, ensure_ascii=False).encode(),
                       headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json",
                                **headers})


def _counts(db):
    with db.session() as s:
        return (s.scalar(select(func.count(Event.id))), s.scalar(select(func.count(Contact.id))),
                s.scalar(select(func.count(EventLog.id))))


def test_a_report_is_committed_with_its_client_and_hint(intake):
    lat, lon = intake.tiny.inside
    with intake.client() as http:
        reply = _post(http, intake.key, REPORT | {"lat": lat, "lon": lon})
    assert reply.status_code == 201, reply.text
    body = reply.json()
    assert body["location"] == "grid" and body["status"] == "received"
    assert reply.headers["Location"] == f"/api/v1/reports/{body['id']}"
    with intake.db.session() as s:
        event = s.scalar(select(Event).where(Event.code == body["id"]))
        contact = s.scalar(select(Contact).where(Contact.event_id == event.id))
        log = s.scalars(select(EventLog).where(EventLog.event_id == event.id)).all()
    assert event.status is Status.RECEIVED and event.grid_id is not None
    assert (contact.client, contact.external_ref, contact.category_hint) == ("hotline", "JN12345-0001", "CG01")
    assert contact.media == "https://img.example/1.jpg"
    assert contact.received_at.isoformat() == "2026-11-16T08:55:00"
    assert [row.action for row in log] == [Action.RECEIVE]
    assert log[0].payload["rows"][0][2]["client"] == "hotline"


def test_a_retry_answers_the_same_and_saves_nothing(intake):
    with intake.client() as http:
        first = _post(http, intake.key, REPORT)
        counts = _counts(intake.db)
        again = _post(http, intake.key, REPORT)
    assert first.status_code == again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    assert again.headers["Idempotent-Replayed"] == "true"
    assert _counts(intake.db) == counts


def test_a_point_outside_the_street_is_kept_by_address_and_flagged(intake):
    lat, lon = intake.tiny.outside
    with intake.client() as http:
        reply = _post(http, intake.key, REPORT | {"lat": lat, "lon": lon})
    assert reply.status_code == 201
    assert reply.json()["location"] == "outside_street" and reply.json()["notice"]
    with intake.db.session() as s:
        event = s.scalar(select(Event).where(Event.code == reply.json()["id"]))
        contact = s.scalar(select(Contact).where(Contact.event_id == event.id))
    assert event.lat is None and event.grid_id is None and event.address == "舜华园小区南门"
    assert event.description.startswith("【上报坐标")
    assert (contact.lat, contact.lon) == (lat, lon)  # the report as it was sent


BAD = [
    ("malformed JSON", b'{"source": "hotline_12345", ', {}, 400, ""),
    ("missing text", {k: v for k, v in REPORT.items() if k != "text"}, {}, 400, "text"),
    ("unknown field", REPORT | {"lattitude": 36.6}, {}, 400, "lattitude"),
    ("text too long", REPORT | {"text": "长" * 4001}, {}, 400, "text"),
    ("no offset", REPORT | {"received_at": "2026-11-16T08:55:00"}, {}, 400, "received_at"),
    ("wrong offset", REPORT | {"received_at": "2026-11-16T08:55:00+25:00"}, {}, 400, "received_at"),
    ("impossible date", REPORT | {"received_at": "2026-02-30T08:55:00+08:00"}, {}, 400, "received_at"),
    ("future date", REPORT | {"received_at": "2027-11-16T08:55:00+08:00"}, {}, 400, "received_at"),
    ("unknown category", REPORT | {"category": "XX99"}, {}, 400, "category"),
    ("unknown source", REPORT | {"source": "fax"}, {}, 400, "source"),
    ("latitude alone", REPORT | {"lat": 36.6}, {}, 400, ""),
    ("bad phone", REPORT | {"caller_phone": "call me"}, {}, 400, ""),
    ("unknown street", REPORT | {"street": "999"}, {}, 400, "street"),
    ("a list body", [REPORT], {}, 400, ""),
    ("wrong content type", REPORT, {"Content-Type": "text/plain"}, 415, "Content-Type"),
    ("oversized body", REPORT | {"title": "x" * 70000}, {}, 413, ""),
]


@pytest.mark.parametrize("case", BAD, ids=[c[0] for c in BAD])
def test_bad_input_is_refused_naming_what_is_wrong(sqlite_intake, case):
    _name, body, headers, status, field = case
    counts = _counts(sqlite_intake.db)
    content = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
    with sqlite_intake.client() as http:
        reply = http.post("/api/v1/reports", content=content, headers={
            "Authorization": f"Bearer {sqlite_intake.key}", "Content-Type": "application/json",
            "Accept-Language": "en", **headers})
        assert reply.status_code == status, reply.text
        errors = reply.json()["errors"]
        assert errors and all(e["message"] for e in errors)
        if field:
            assert field in [e["field"] for e in errors]
        assert _counts(sqlite_intake.db) == counts  # nothing partial
        assert _post(http, sqlite_intake.key, REPORT).status_code == 201  # still serving


def test_errors_are_chinese_unless_english_is_asked(sqlite_intake):
    with sqlite_intake.client() as http:
        reply = _post(http, sqlite_intake.key, REPORT | {"text": "长" * 4001})
    assert reply.json()["errors"][0]["message"] == "text 过长（最多 4000 字）"


@pytest.mark.parametrize("auth, status", [(None, 401), ("Bearer nope", 403), ("Basic abc", 401)])
def test_no_or_a_wrong_key_is_refused(sqlite_intake, auth, status):
    headers = {"Content-Type": "application/json"} | ({"Authorization": auth} if auth else {})
    with sqlite_intake.client() as http:
        reply = http.post("/api/v1/reports", content=json.dumps(REPORT).encode(), headers=headers)
    assert reply.status_code == status
    assert reply.json()["errors"][0]["field"] == "Authorization"
    assert _counts(sqlite_intake.db)[0] == 0


def test_a_report_is_read_back_with_the_key(sqlite_intake):
    with sqlite_intake.client() as http:
        code = _post(http, sqlite_intake.key, REPORT).json()["id"]
        state = http.get(f"/api/v1/reports/{code}", headers={"Authorization": f"Bearer {sqlite_intake.key}"})
        unknown = http.get("/api/v1/reports/YJ20990101-0001", headers={"Authorization": f"Bearer {sqlite_intake.key}"})
        keyless = http.get(f"/api/v1/reports/{code}")
    assert state.status_code == 200
    assert state.json() | {"updated_at": ""} == {
        "id": code, "status": "received", "open": True, "notes": "受理", "category": "CG01",
        "agency": "", "received_at": "2026-11-16T09:00:00+08:00", "updated_at": "", "expected_at": None}
    assert unknown.status_code == 404 and unknown.json()["errors"][0]["field"] == "id"
    assert keyless.status_code == 401
