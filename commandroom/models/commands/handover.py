"""Sign-out, with or without a handover note, and the next officer's acknowledgement: each a
log row (``event_id`` NULL). The open items are listed by ``models/handover.py``."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from commandroom.models.change import Change
from commandroom.models.commands.base import CommandBase, new_command_id
from commandroom.models.enums import Action
from commandroom.models.errors import NotFoundError, ValidationError
from commandroom.models.handover import open_items
from commandroom.models.handover_table import Handover
from commandroom.models.lifecycle import check_role

NOTE_MAX = 4000


class HandoverCommands(CommandBase):
    def sign_out(self) -> None:
        """Off duty without a handover note (the window closed, the wall switched off)."""
        now = self.clock.now()
        with self.db.writing() as session:
            self._log_shift(session, Action.SIGN_OUT, now, {})

    def hand_over(self, *, note: str, shift_hours: int = 12) -> int:
        """Sign out with a handover note; the open items are listed here, at this instant."""
        check_role(Action.HANDOVER, self.actor.role)
        note = note.strip()
        if len(note) > NOTE_MAX:
            raise ValidationError(f"交班说明过长（至多 {NOTE_MAX} 字）", f"The note is too long (at most {NOTE_MAX})")
        now = self.clock.now()
        with self.db.writing() as session:
            street_id = self._street(session).id
            items = open_items(session, self.actor.login, street_id, now, shift_hours)
            row = Handover(street_id=street_id, login=self.actor.login, console=self.actor.console,
                           at=now, note=note, items=items.as_json())
            session.add(row)
            session.flush()
            self._log_shift(session, Action.HANDOVER, now, {"handover": row.id, "note": note,
                                                      "counts": items.counts})
            self._log_shift(session, Action.SIGN_OUT, now, {"handover": row.id})
            return row.id

    def acknowledge_handover(self, handover_id: int) -> None:
        check_role(Action.ACKNOWLEDGE_HANDOVER, self.actor.role)
        now = self.clock.now()
        with self.db.writing() as session:
            row = session.get(Handover, handover_id)
            if row is None or self.street_id not in (None, row.street_id):
                raise NotFoundError(f"找不到交班记录 #{handover_id}", f"No handover #{handover_id}")
            if row.acknowledged_at is not None:
                raise ValidationError(f"该交班已由 {row.acknowledged_by} 接班",
                                      f"{row.acknowledged_by} already acknowledged this handover")
            row.acknowledged_by, row.acknowledged_at = self.actor.login, now
            self._log_shift(session, Action.ACKNOWLEDGE_HANDOVER, now, {"handover": row.id, "from": row.login})

    def _log_shift(self, session: Session, action: Action, now: datetime, info: dict) -> None:
        street_id = self.street_id if self.street_id is not None else self._street(session).id
        self._record(session, None, action, now, Change(info=info), new_command_id(), street_id=street_id)
