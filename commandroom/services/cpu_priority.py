"""A background process's CPU priority: lowered, so an interactive one on the same machine
(the duty officer's console) is answered first when the cores are all busy.

Used by the standalone intake server and the load simulator (``Settings.intake_nice``,
``Settings.simulate_nice``). Lowering is all an unprivileged process may do, and all it needs.
"""

from __future__ import annotations

import logging
import os
import sys

log = logging.getLogger(__name__)


def lower_priority(niceness: int) -> int:
    """Add ``niceness`` (0–19) to this process's nice value; the value it runs at now. Windows
    has no ``os.nice``: there the process keeps the priority it was started with."""
    if not hasattr(os, "nice"):
        return 0
    now = os.nice(niceness) if niceness > 0 else os.nice(0)
    log.info("running at nice %d", now)
    _lower_session(now)
    return now


def _lower_session(niceness: int) -> None:
    """Linux's autogroup shares the cores between sessions first and only then between the
    processes of a session by their nice values: a gateway started as a service (a session of
    its own) would weigh as much as the officer's whole desktop session, whatever its nice.
    So a process that leads its own session gives the session the same nice value. One that
    does not (started from a shell) leaves it alone: the session is the shell's, shared."""
    if niceness <= 0 or not sys.platform.startswith("linux") or os.getsid(0) != os.getpid():
        return
    try:
        # An empty file: autogroup is off for this task (a container, a cgroup), nothing to lower.
        with open("/proc/self/autogroup", "r+") as f:
            if not f.read().strip():
                return
            f.seek(0)
            f.write(str(niceness))
    except OSError:  # no autogroup (cgroups decide, e.g. a systemd unit's CPUWeight=)
        return
    log.info("its session running at nice %d", niceness)
