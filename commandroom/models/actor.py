"""Who performs a command, and from which console: written into every ``event_log`` row."""

from __future__ import annotations

from dataclasses import dataclass

from commandroom.models.enums import Role


@dataclass(frozen=True)
class Actor:
    login: str
    role: Role
    console: str = ""
    name: str = ""


SYSTEM = Actor(login="system", role=Role.SYSTEM, console="system", name="系统")
