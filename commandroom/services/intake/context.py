"""What every intake handler shares: the database, the writer, the keys and the catalogue.

Keys are checked against the database and remembered for ``key_ttl`` seconds (a revoked key
stops working within that time; 0 checks every request). The catalogue of services is read
once and again when a code is not found in it, at most every ``CATALOGUE_RETRY`` seconds.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from sqlalchemy import select

from commandroom.models.actor import Actor
from commandroom.models.catalog import Category
from commandroom.models.clock import Clock
from commandroom.models.commands import Commands
from commandroom.models.db import Database
from commandroom.models.enums import Role
from commandroom.models.intake_keys import ClientInfo, client_for_key
from commandroom.models.org import Street
from commandroom.services.intake.writer import ReportWriter

CATALOGUE_RETRY = 10.0
INTAKE_LOGIN = "intake"


@dataclass(frozen=True)
class Service:
    code: str
    name: str
    class_name: str


@dataclass
class IntakeContext:
    db: Database
    clock: Clock
    console: str = "intake"
    key_ttl: float = 1.0
    max_body: int = 65536
    max_batch: int = 200
    commit_delay: float = 0.0  # seconds the writer waits to gather a batch (``ReportWriter``)
    writer: ReportWriter = field(init=False)
    _keys: dict[str, tuple[float, ClientInfo | None]] = field(default_factory=dict, init=False)
    _services: dict[str, Service] = field(default_factory=dict, init=False)
    _services_read: float = field(default=0.0, init=False)
    _streets: dict[str, int] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        # The intake acts as "system" (lifecycle.INTAKE), from its own console name.
        actor = Actor(login=INTAKE_LOGIN, role=Role.SYSTEM, console=self.console, name="接入系统")
        self.writer = ReportWriter(Commands(self.db, actor, self.clock), max_batch=self.max_batch,
                                   commit_delay=self.commit_delay)

    def client(self, key: str) -> ClientInfo | None:
        now = time.monotonic()
        cached = self._keys.get(key)
        if cached is not None and now - cached[0] < self.key_ttl:
            return cached[1]
        with self.db.session() as session:
            info = client_for_key(session, key)
        if len(self._keys) > 10_000:  # someone trying keys: forget them rather than grow
            self._keys.clear()
        self._keys[key] = (now, info)
        return info

    def street_id(self, code: str) -> int | None:
        """The id of the street with this code (Open311's jurisdiction_id)."""
        if code not in self._streets:
            with self.db.session() as session:
                found = session.scalar(select(Street.id).where(Street.code == code))
            if found is None:
                return None
            self._streets[code] = found
        return self._streets[code]

    def services(self) -> dict[str, Service]:
        if not self._services:
            self._read_services()
        return self._services

    def service(self, code: str) -> Service | None:
        if code not in self.services() and time.monotonic() - self._services_read > CATALOGUE_RETRY:
            self._read_services()
        return self._services.get(code)

    def _read_services(self) -> None:
        with self.db.session() as session:
            rows = session.execute(select(Category.code, Category.name, Category.class_name)
                                   .order_by(Category.code)).all()
        self._services = {code: Service(code, name, cls) for code, name, cls in rows}
        self._services_read = time.monotonic()
