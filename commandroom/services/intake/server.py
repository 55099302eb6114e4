"""Running the intake: under uvicorn, headless in the foreground (``commandroom intake``) or in
a thread beside the console and the tests (``IntakeServer``), on 127.0.0.1 unless told."""

from __future__ import annotations

import errno
import socket
import threading
import time

import uvicorn

from commandroom.models.errors import ConfigError
from commandroom.services.intake.app import create_app
from commandroom.services.intake.context import IntakeContext

DEFAULT_HOST = "127.0.0.1"  # this machine only: another address is a deliberate choice
START_TIMEOUT = 60.0


def _config(ctx: IntakeContext, host: str, port: int) -> uvicorn.Config:
    # No access log: a storm would spend its time writing lines nobody reads. No proxy headers:
    # the intake is reached directly (a proxy in front is not how the room runs it), so there
    # is nothing to rewrite and no layer to pass on every request.
    return uvicorn.Config(create_app(ctx), host=host, port=port, log_level="warning",
                          access_log=False, proxy_headers=False, server_header=False,
                          lifespan="on", timeout_graceful_shutdown=5)


def serve(ctx: IntakeContext, sock: socket.socket) -> None:
    """Serve on ``sock`` (from ``listening``) until Ctrl-C or SIGTERM (uvicorn's own handlers stop
    it gracefully)."""
    host, port = sock.getsockname()[:2]
    with sock:
        uvicorn.Server(_config(ctx, host, port)).run(sockets=[sock])


def listening(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port``, or a refusal in words: bound here, before uvicorn, which
    would log an English line and exit 3 on a port already taken."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: restart at once
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        if error.errno == errno.EADDRINUSE:
            raise ConfigError(f"接入服务无法监听 {host}:{port}：端口已被占用（另一个接入服务，或带 --intake 的值班台？）",
                              f"the intake cannot listen on {host}:{port}: the port is taken "
                              "(another intake server, or a console run with --intake?)") from error
        raise ConfigError(f"接入服务无法监听 {host}:{port}：{error.strerror}",
                          f"the intake cannot listen on {host}:{port}: {error.strerror}") from error
    return sock


class IntakeServer:
    """The server in a thread of its own: ``start`` returns once it listens (``port`` 0 takes a
    free port; ``port`` then tells which), ``stop`` waits until it has finished."""

    def __init__(self, ctx: IntakeContext, host: str = DEFAULT_HOST, port: int = 0):
        self.ctx = ctx
        self.host = host
        self._server = uvicorn.Server(_config(ctx, host, port))
        self._thread: threading.Thread | None = None
        self.port = port

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="intake-server", daemon=True)
        self._thread.start()
        waited = threading.Event()
        deadline = time.monotonic() + START_TIMEOUT
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:  # could not bind, or hung
                self.stop()
                raise OSError(f"the intake server could not start on {self.host}:{self.port}")
            waited.wait(0.01)
        self.port = self._server.servers[0].sockets[0].getsockname()[1]

    def _run(self) -> None:
        try:
            self._server.run()
        except SystemExit:  # uvicorn's way of saying it could not start (it has logged why)
            pass

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def stop(self) -> None:
        if self._thread is not None:
            self._server.should_exit = True
            self._thread.join()
            self._thread = None
