"""The intake server inside the console (setting ``intake``, off by default): started and
stopped with the console, off the GUI thread (a ``WorkerThread`` runs ``start`` and ``stop``).
Reports it receives reach the docks the way every change does, through the change feed."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, Slot

from commandroom.models.clock import Clock
from commandroom.services.intake.context import IntakeContext
from commandroom.services.intake.server import IntakeServer

log = logging.getLogger(__name__)


class IntakeService(QObject):
    # -- signals ---------------------------------------------------------------------------
    sig_state = Signal(bool, str)
    """(listening, its URL or why it could not start)."""

    def __init__(self, db, *, host: str, port: int, key_ttl: float, max_body: int,
                 console: str, clock: Clock | None = None, commit_delay: float = 0.0):
        super().__init__()
        self._ctx = IntakeContext(db, clock or Clock(), console=f"{console}/intake",
                                  key_ttl=key_ttl, max_body=max_body, commit_delay=commit_delay)
        self._host, self._port = host, port
        self.server: IntakeServer | None = None

    @Slot()
    def start(self) -> None:
        server = IntakeServer(self._ctx, self._host, self._port)
        try:
            server.start()
        except OSError as exc:  # the port is taken, or the address is not this machine's
            log.warning("intake not started: %s", exc)
            self.sig_state.emit(False, f"{self._host}:{self._port}")
            return
        self.server = server
        self.sig_state.emit(True, server.url)

    @Slot()
    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None
