"""The console running the intake (``--intake``): a report posted over HTTP by an Open311 client
reaches the call queue through the change feed, with its chime, its category suggested
first, and keeps its client."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from commandroom.app import Console
from commandroom.config import Settings
from commandroom.models import Contact
from commandroom.models.enums import Source
from commandroom.models.intake_keys import add_client
from commandroom.models.clock import Clock


def test_a_posted_report_reaches_the_call_queue(qtbot, street_db, tmp_path):
    with street_db.session() as s:
        key = add_client(s, "photo-app", Clock().now())
    settings = Settings(db_url=street_db.url, user="duty", feed_poll_ms=50, sound=False,
                        intake=True, intake_port=0, intake_key_ttl=0)
    console = Console(street_db, settings, tmp_path / "console.ini")
    qtbot.addWidget(console.window)
    status = console.window.status
    try:
        with qtbot.waitSignal(console.window.events.sig_populated, timeout=20_000):
            console.start((1280, 800))
        qtbot.waitUntil(lambda: status.intake.isVisible() and "http://" in status.intake.text(),
                        timeout=20_000)
        url = status.intake.text().split()[-1]
        lat, lon = street_db.tiny.inside
        with qtbot.waitSignal(console.window.calls.sig_new_reports, timeout=20_000) as arrived:
            reply = httpx.post(f"{url}/open311/v2/requests.json", timeout=30, data={
                "api_key": key, "service_code": "CG02", "lat": lat, "long": lon,
                "description": "燕翔路18号院内私自搭建彩钢房", "phone": "13912345678"})
            assert reply.status_code == 201, reply.text
        code = reply.json()[0]["service_request_id"]
        (row,) = arrived.args[0]
        assert (row.code, row.source) == (code, Source.PHOTO_APP)
        model = console.window.calls.model
        assert model.row_at(model.row_of(row.id)).text == "燕翔路18号院内私自搭建彩钢房"
        # The sender's category comes first among the suggestions (the register form's default).
        qtbot.waitUntil(lambda: model.hint(row.id) == "违章搭建", timeout=20_000)
    finally:
        console.stop()
    with street_db.session() as s:
        assert s.scalar(select(Contact.client).where(Contact.event_id == row.id)) == "photo-app"
