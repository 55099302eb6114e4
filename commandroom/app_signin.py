"""Who the console acts as: the composition root's sign-in step and the sign-out at the end.

- the wall (``Settings.wall_login``) signs in as its display user, no dialog;
- ``--user`` acts as that user without a password, only on a demo database (the CLI refuses it
  elsewhere);
- otherwise the first run asks for the first administrator, then the sign-in dialog (the last
  user of this console filled in), then the previous shift's handover to acknowledge.

On the way out the File menu's 交班签退 signs an operator out with a handover note; however the
window closes, the sign-out is logged once.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from commandroom.config import Settings

LAST_LOGIN_KEY = "signin/last"


def sign_in(db, settings: Settings, *, user_given: bool, ui_state_path: Path, takes_shift: bool = True):
    """(settings with the signed-in user, the gate), or None when nobody signed in.
    ``takes_shift`` False (the weekly meeting): an operator signs in without taking the shift over."""
    from PySide6.QtCore import QSettings

    from commandroom.models.errors import CommandroomError
    from commandroom.models.signin import SignInPolicy
    from commandroom.models.streets import resolve_street
    from commandroom.services.shift_gate import GateOptions, ShiftGate
    from commandroom.views import dialogs
    from commandroom.views.admin.first_admin_dialog import FirstAdminDialog
    from commandroom.views.admin.handover_dialogs import TakeOverDialog
    from commandroom.views.admin.sign_in_dialog import SignInDialog

    with db.session() as session:
        street = resolve_street(session, settings.street)
    options = GateOptions(console=settings.console, street_id=street.id if street else None, lang=settings.lang,
                          policy=SignInPolicy(settings.signin_max_failures, settings.signin_lock_minutes),
                          shift_hours=settings.shift_hours)
    gate = ShiftGate(db, options)
    try:
        if settings.wall_login:
            actor = gate.sign_in_wall(settings.wall_login)
        elif user_given:
            actor = gate.sign_in_demo(settings.user)
        else:
            if gate.needs_first_admin() and FirstAdminDialog(gate).exec() != FirstAdminDialog.DialogCode.Accepted:
                return None
            if gate.actor is None:
                state = QSettings(str(ui_state_path), QSettings.Format.IniFormat)
                dialog = SignInDialog(gate, street_name=street.name if street else "",
                                      last_login=str(state.value(LAST_LOGIN_KEY, "")))
                if dialog.exec() != SignInDialog.DialogCode.Accepted:
                    return None
                state.setValue(LAST_LOGIN_KEY, gate.actor.login)
                state.sync()
            actor = gate.actor
            note = gate.pending_handover() if takes_shift else None
            if note is not None and TakeOverDialog(gate, note).exec() != TakeOverDialog.DialogCode.Accepted:
                gate.sign_out()
                return None
    except CommandroomError as exc:
        dialogs.show_error("commandroom", gate.message(exc))
        return None
    return replace(settings, user=actor.login), gate


def attach(console, gate) -> None:
    """The File menu's 交班签退 and the sign-out when the window closes."""
    from commandroom.views.admin.sign_out import install_sign_out

    install_sign_out(console.window, gate)
