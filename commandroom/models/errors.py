"""Errors a duty officer can read: each carries a Chinese message (``str(err)``) and an English one.

The core is Qt-free, so it cannot use ``tr()``; the views pick ``zh`` or ``en`` by language.
"""

from __future__ import annotations


class CommandroomError(Exception):
    def __init__(self, zh: str, en: str):
        super().__init__(zh)
        self.zh = zh
        self.en = en

    def message(self, lang: str = "zh") -> str:
        return self.en if lang.startswith("en") else self.zh


class ConfigError(CommandroomError):
    """A setting, URL or command-line value that cannot be used."""


class ValidationError(CommandroomError):
    """An input that is refused, with the reason (nothing was written)."""


class NotFoundError(CommandroomError):
    """The event, unit, category or user named does not exist."""


class IllegalTransitionError(CommandroomError):
    """The command does not apply to the event in its current status."""


class PermissionDeniedError(CommandroomError):
    """The actor's role may not perform the command."""


class StaleEventError(CommandroomError):
    """Someone else changed the event since it was read: reload and try again. ``last`` is who
    did (a ``last_change.LastChange``), when the refusing transaction could read it."""

    def __init__(self, zh: str, en: str, last=None):
        super().__init__(zh, en)
        self.last = last


class HeldError(CommandroomError):
    """The report is taken by another console: the message names who holds it."""
