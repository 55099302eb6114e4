"""The console's door: sign-in (password, the wall's display user, a demo's ``--user``), the
first administrator, and the shift handover at both ends. The views get this object from the
composition root and call it; they never import the database layer themselves.

Its calls are short and made from modal dialogs before the console starts or as it closes
(one argon2 check, one transaction each), so they run in the calling thread. Refusals are
``CommandroomError`` with both languages; ``message`` picks the console's.
"""

from __future__ import annotations

from dataclasses import dataclass

from commandroom.models.actor import Actor
from commandroom.models.clock import Clock
from commandroom.models.commands import Commands
from commandroom.models.commands.users import first_admin
from commandroom.models.db import Database
from commandroom.models.enums import Role
from commandroom.models.errors import CommandroomError
from commandroom.models.handover import HandoverNote, OpenItems, open_items, pending_handover
from commandroom.models.lifecycle import OPERATORS
from commandroom.models.signin import (
    SignInPolicy,
    is_demo,
    known_logins,
    needs_first_admin,
    sign_in,
    sign_in_without_password,
)


@dataclass(frozen=True)
class GateOptions:
    console: str
    street_id: int | None
    lang: str = "zh_CN"
    policy: SignInPolicy = SignInPolicy()
    shift_hours: int = 12


class ShiftGate:
    def __init__(self, db: Database, options: GateOptions, clock: Clock | None = None):
        self.db = db
        self.options = options
        self.clock = clock or Clock()
        self.actor: Actor | None = None  # who is signed in at this console
        self.signed_out = False

    def message(self, error: CommandroomError) -> str:
        return error.message(self.options.lang)

    # -- before the console opens -----------------------------------------------------------
    def known_logins(self) -> list[str]:
        with self.db.session() as session:
            return known_logins(session)

    def needs_first_admin(self) -> bool:
        with self.db.session() as session:
            return needs_first_admin(session)

    def is_demo(self) -> bool:
        with self.db.session() as session:
            return is_demo(session, self.options.street_id)

    def create_first_admin(self, login: str, name: str, password: str) -> None:
        first_admin(self.db, login=login, name=name, password=password, console=self.options.console,
                    clock=self.clock)

    def sign_in(self, login: str, password: str) -> Actor:
        self.actor = sign_in(self.db, login, password, console=self.options.console,
                             street_id=self.options.street_id, clock=self.clock, policy=self.options.policy)
        return self.actor

    def sign_in_wall(self, login: str) -> Actor:
        self.actor = sign_in_without_password(self.db, login, console=self.options.console,
                                              street_id=self.options.street_id, method="wall",
                                              role=Role.DISPLAY, clock=self.clock)
        return self.actor

    def sign_in_demo(self, login: str) -> Actor:
        self.actor = sign_in_without_password(self.db, login, console=self.options.console,
                                              street_id=self.options.street_id, method="demo",
                                              clock=self.clock)
        return self.actor

    def pending_handover(self) -> HandoverNote | None:
        """The note waiting for this officer (only an operator takes over a shift)."""
        if self.actor is None or self.actor.role not in OPERATORS:
            return None
        with self.db.session() as session:
            return pending_handover(session, self.options.street_id, self.actor.login)

    def acknowledge(self, handover_id: int) -> None:
        self._commands().acknowledge_handover(handover_id)

    # -- as the console closes ------------------------------------------------------------------
    @property
    def hands_over(self) -> bool:
        """An operator signs out with a handover; the wall and the administrator just sign out."""
        return self.actor is not None and self.actor.role in OPERATORS

    def open_items(self) -> OpenItems:
        with self.db.session() as session:
            return open_items(session, self.actor.login, self.options.street_id, self.clock.now(),
                              self.options.shift_hours)

    def hand_over(self, note: str) -> None:
        self._commands().hand_over(note=note, shift_hours=self.options.shift_hours)
        self.signed_out = True

    def sign_out(self) -> None:
        """Once, whichever way the console closes; a handover already signed out."""
        if self.actor is None or self.signed_out:
            return
        self.signed_out = True
        self._commands().sign_out()

    def _commands(self) -> Commands:
        return Commands(self.db, self.actor, self.clock, street_id=self.options.street_id)
