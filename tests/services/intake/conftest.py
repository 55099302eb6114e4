"""A real intake server (uvicorn on a free port) over the tiny street, and an API key."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import httpx
import pytest

from commandroom.models.intake_keys import add_client
from commandroom.services.intake.context import IntakeContext
from commandroom.services.intake.server import IntakeServer
from tests.street_fixture import build


@dataclass
class Running:
    db: object
    server: IntakeServer
    key: str
    tiny: object
    clock: object

    @property
    def url(self) -> str:
        return self.server.url

    def client(self, **kwargs) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30, **kwargs)


@pytest.fixture(autouse=True)
def no_leaked_intake_threads():
    yield
    left = [t.name for t in threading.enumerate() if t.name.startswith("intake-")]
    assert not left, f"intake threads left running: {left}"


def start(db, clock, **options) -> Running:
    tiny = build(db)
    with db.session() as session:
        key = add_client(session, "hotline", clock.now())
    server = IntakeServer(IntakeContext(db, clock, key_ttl=0, **options), port=0)
    server.start()
    return Running(db, server, key, tiny, clock)


@pytest.fixture
def intake(db, clock):
    running = start(db, clock)
    yield running
    running.server.stop()


@pytest.fixture
def sqlite_intake(sqlite_db, clock):
    running = start(sqlite_db, clock)
    yield running
    running.server.stop()


@pytest.fixture
def live_intake(sqlite_db):
    """On the real clock: the simulator stamps its reports with the time it sends them."""
    from commandroom.models.clock import Clock

    running = start(sqlite_db, Clock())
    yield running
    running.server.stop()
