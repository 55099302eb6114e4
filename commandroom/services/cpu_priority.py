"""A background process's CPU priority: lowered, so an interactive one on the same machine
(the duty officer's console) is answered first when the cores are all busy.

Used by the standalone intake server and the load simulator (``Settings.intake_nice``,
``Settings.simulate_nice``). Lowering is all an unprivileged process may do, and all it needs.
"""

from __future__ import annotations

import logging
import os

log = logging.getLogger(__name__)


def lower_priority(niceness: int) -> int:
    """Add ``niceness`` (0–19) to this process's nice value; the value it runs at now. Windows
    has no ``os.nice``: there the process keeps the priority it was started with."""
    if not hasattr(os, "nice"):
        return 0
    now = os.nice(niceness) if niceness > 0 else os.nice(0)
    log.info("running at nice %d", now)
    return now
