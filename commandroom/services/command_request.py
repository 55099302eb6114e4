"""What a view hands the command runner, and what it gets back.

Plain frozen values with no Qt and no SQLAlchemy, so the views (which may not import the
database layer) can build requests and read outcomes; ``command_runner`` does the rest.

    request = CommandRequest.on("dispatch", row.id, row.version, lead_unit_id=unit_id)
    runner.submit(request)          # later: sig_finished(CommandOutcome) with request.id
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

_ids = itertools.count(1)  # next() on a count is atomic under the GIL: ids never repeat


class Refusal(StrEnum):
    """Why a command was refused, so a view can choose how to show it (reload on stale …)."""

    STALE = "stale"  # someone else changed the event first: reload and retry
    HELD = "held"  # another console has taken the report: the message says who
    ILLEGAL = "illegal"  # the command does not apply in the event's status
    NOT_PERMITTED = "not_permitted"  # the signed-in user's role may not give it
    INVALID = "invalid"  # an argument was refused (the message says which, and why)
    NOT_FOUND = "not_found"  # the event, unit or category is gone, or of another street
    UNAVAILABLE = "unavailable"  # the database could not be reached; nothing was written
    INTERNAL = "internal"  # a fault in the program: logged with its traceback


def _frozen(value: Any) -> Any:
    # A list argument (assist units) would let the caller change a request after submitting it.
    return tuple(value) if isinstance(value, (list, set, frozenset)) else value


@dataclass(frozen=True)
class CommandRequest:
    """One domain command to give: its name (a ``Commands`` method), the event and the version
    the officer saw (None for a command that creates an event, like ``receive``), its keyword
    arguments, and an id unique in this process that comes back with the outcome."""

    command: str
    event_id: int | None = None
    version: int | None = None
    args: tuple[tuple[str, Any], ...] = ()
    id: int = field(default_factory=lambda: next(_ids))

    @classmethod
    def on(cls, command: str, event_id: int, version: int, **args: Any) -> CommandRequest:
        """A command on an existing event, at the version the officer saw."""
        return cls(command, event_id, version, _pairs(args))

    @classmethod
    def new(cls, command: str, **args: Any) -> CommandRequest:
        """A command that makes a new event (``receive``)."""
        return cls(command, None, None, _pairs(args))

    def kwargs(self) -> dict[str, Any]:
        return dict(self.args)


def _pairs(args: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple((key, _frozen(value)) for key, value in sorted(args.items()))


@dataclass(frozen=True)
class CommandOutcome:
    """The answer to one request: the ``EventRef`` it produced, or why it was refused, in the
    console's language (``message`` is empty on success)."""

    request: CommandRequest
    ref: Any = None  # an EventRef (models.commands): id, code, version, status
    refusal: Refusal | None = None
    message: str = ""
    last: Any = None  # on a stale refusal: who got there first (a models.last_change.LastChange)

    @property
    def ok(self) -> bool:
        return self.refusal is None

    @property
    def request_id(self) -> int:
        return self.request.id
