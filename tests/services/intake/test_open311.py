"""Open311 GeoReport v2 over real HTTP, with a plain client, the spec's field names and its
form encoding: services, a request posted and read back (open, then closed with the unit's
notes), the list with its filters, and the spec's error form."""

from __future__ import annotations

import re
import pytest
from sqlalchemy import func, select

from commandroom.models import Contact, Event, Unit
from commandroom.models.actor import Actor
from commandroom.models.commands import Commands
from commandroom.models.enums import Role

W3C = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$")


def _form(intake, **extra):
    lat, lon = intake.tiny.inside
    return {"api_key": intake.key, "jurisdiction_id": "370102005", "service_code": "CG01",
            "lat": str(lat), "long": str(lon), "address_string": "舜华园小区南门",
            "description": "小区门口有流动摊贩占道经营，早高峰影响通行", "first_name": "芳",
            "last_name": "王", "phone": "13800138000", "email": "wangfang@example.cn",
            "media_url": "https://img.example/2.jpg"} | extra


def _close(db, clock, code):
    """The event through its whole life, so its request reads closed with the unit's note."""
    officer = Commands(db, Actor("zhangwei", Role.DUTY_OFFICER, "c1", "张伟"), clock)
    leader = Commands(db, Actor("liming", Role.SHIFT_LEADER, "c1", "李明"), clock)
    with db.session() as s:
        event = s.scalar(select(Event).where(Event.code == code))
        unit_id = s.scalar(select(Unit.id).where(Unit.name == "综合执法中队"))
    ref = officer.register(event.id, event.version, category_code="CG01")
    ref = officer.dispatch(ref.id, ref.version, lead_unit_id=unit_id)
    ref = officer.acknowledge(ref.id, ref.version)
    ref = officer.resolve(ref.id, ref.version, note="已劝离摊贩，现场恢复通行")
    ref = officer.verify(ref.id, ref.version)
    leader.close(ref.id, ref.version)


def test_an_open311_round_trip(intake):
    with intake.client() as http:
        services = http.get("/open311/v2/services.json", params={"jurisdiction_id": "370102005"})
        assert services.status_code == 200
        assert {"service_code": "CG01", "service_name": "占道经营", "metadata": False,
                "type": "realtime"}.items() <= services.json()[0].items()

        posted = http.post("/open311/v2/requests.json", data=_form(intake),
                           headers={"Idempotency-Key": "app-42"})
        assert posted.status_code == 201, posted.text
        assert posted.headers["content-type"].startswith("application/json")
        (created,) = posted.json()
        code = created["service_request_id"]

        (state,) = http.get(f"/open311/v2/requests/{code}.json").json()
        assert state["status"] == "open" and state["service_code"] == "CG01"
        assert state["service_name"] == "占道经营" and state["media_url"] == "https://img.example/2.jpg"
        assert W3C.match(state["requested_datetime"]) and state["requested_datetime"].startswith("2026-11-16T09:00")
        assert "13800138000" not in posted.text + str(state)  # no personal data goes out

        intake.clock.advance(hours=2)
        _close(intake.db, intake.clock, code)
        (state,) = http.get(f"/open311/v2/requests/{code}.json").json()
        assert state["status"] == "closed" and state["status_notes"] == "已劝离摊贩，现场恢复通行"
        assert state["agency_responsible"] == "综合执法中队"
        assert state["updated_datetime"] == "2026-11-16T11:00:00+08:00"

        listed = http.get("/open311/v2/requests.json", params={
            "service_request_id": code, "status": "closed"}).json()
        assert [r["service_request_id"] for r in listed] == [code]
        assert http.get("/open311/v2/requests.json", params={"status": "open"}).json() == []
        window = http.get("/open311/v2/requests.json", params={
            "service_code": "CG01", "start_date": "2026-11-16T00:00:00+08:00",
            "end_date": "2026-11-15T18:00:00-08:00"}).json()  # the same instant, another offset
        assert [r["service_request_id"] for r in window] == [code]
    with intake.db.session() as s:
        contact = s.scalar(select(Contact).where(Contact.external_ref == "app-42"))
    assert contact.client == "hotline" and contact.caller_name == "王芳"
    assert "wangfang@example.cn" in contact.content


def test_the_request_key_makes_a_retry_safe(intake):
    with intake.client() as http:
        first = http.post("/open311/v2/requests.json", data=_form(intake), headers={"Idempotency-Key": "k-1"})
        again = http.post("/open311/v2/requests.json", data=_form(intake), headers={"Idempotency-Key": "k-1"})
        other = http.post("/open311/v2/requests.json", data=_form(intake), headers={"Idempotency-Key": "k-2"})
    assert first.json() == again.json() != other.json()
    with intake.db.session() as s:
        assert s.scalar(select(func.count(Event.id))) == 2


BAD = [
    ("no api_key", {"api_key": ""}, 401, "api_key"),
    ("wrong api_key", {"api_key": "cr_wrong"}, 403, "api_key"),
    ("unknown service", {"service_code": "ZZ99"}, 400, "service_code"),
    ("no service", {"service_code": ""}, 400, "service_code"),
    ("unknown field", {"colour": "red"}, 400, "colour"),
    ("lat without long", {"long": ""}, 400, "long"),
    ("no location", {"lat": "", "long": "", "address_string": ""}, 400, "lat"),
    ("lat not a number", {"lat": "north"}, 400, "lat"),
    ("description too long", {"description": "长" * 4001}, 400, "description"),
    ("unknown jurisdiction", {"jurisdiction_id": "999"}, 400, "jurisdiction_id"),
]


@pytest.mark.parametrize("case", BAD, ids=[c[0] for c in BAD])
def test_bad_requests_get_the_spec_error_form(sqlite_intake, case):
    _name, change, status, field = case
    form = {k: v for k, v in (_form(sqlite_intake) | change).items() if v != "" or k in change}
    with sqlite_intake.client() as http:
        reply = http.post("/open311/v2/requests.json", data=form, headers={"Accept-Language": "en"})
        assert reply.status_code == status, reply.text
        errors = reply.json()
        assert isinstance(errors, list) and errors[0]["code"] == status
        assert errors[0]["description"].startswith(f"{field}:")
        assert http.post("/open311/v2/requests.json", data=_form(sqlite_intake)).status_code == 201
    with sqlite_intake.db.session() as s:
        assert s.scalar(select(func.count(Event.id))) == 1  # only the good one


@pytest.mark.parametrize("content, ctype, status", [
    (b"api_key=x&service_code=%FF%FE", "application/x-www-form-urlencoded", 400),
    (b"api_key=x&service_code", "application/x-www-form-urlencoded", 400),
    (b"api_key=a&api_key=b", "application/x-www-form-urlencoded", 400),
    (b'{"service_code": "CG01"}', "application/json", 415),
])
def test_malformed_forms_and_wrong_types(sqlite_intake, content, ctype, status):
    with sqlite_intake.client() as http:
        reply = http.post("/open311/v2/requests.json", content=content, headers={"Content-Type": ctype})
    assert reply.status_code == status and reply.json()[0]["code"] == status


def test_reading_errors(sqlite_intake):
    with sqlite_intake.client() as http:
        missing = http.get("/open311/v2/requests/YJ20990101-0001.json")
        bad_date = http.get("/open311/v2/requests.json", params={"start_date": "2026-02-30T00:00:00+08:00"})
        no_offset = http.get("/open311/v2/requests.json", params={"start_date": "2026-11-16T00:00:00"})
        bad_status = http.get("/open311/v2/requests.json", params={"status": "pending"})
    assert missing.status_code == 404 and missing.json()[0]["code"] == 404
    for reply in (bad_date, no_offset, bad_status):
        assert reply.status_code == 400 and reply.json()[0]["code"] == 400
