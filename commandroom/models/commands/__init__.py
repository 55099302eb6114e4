"""Domain commands: the only way the event tables change.

Each command runs in its own session; checks the actor's role, the row version the caller saw
(optimistic locking) and the transition (``lifecycle.RULES``); makes the change and appends
its ``event_log`` row in one transaction — all of it or nothing.

    cmds = Commands(db, actor)
    ref = cmds.receive(source=Source.HOTLINE_12345, title="…")
    ref = cmds.register(ref.id, ref.version, category_code="CG01")
"""

from commandroom.models.commands.alerts import AlertCommands, RaisedAlert
from commandroom.models.commands.assignments import AssignmentCommands
from commandroom.models.commands.base import EventRef
from commandroom.models.commands.escalation import EscalationCommands
from commandroom.models.commands.extensions import ExtensionCommands
from commandroom.models.commands.intake import IntakeCommands
from commandroom.models.commands.meeting import MeetingCommands
from commandroom.models.commands.reports import ReportCommands, TakeRef
from commandroom.models.commands.org import OrgCommands
from commandroom.models.commands.units import UnitCommands
from commandroom.models.commands.users import UserCommands
from commandroom.models.commands.handover import HandoverCommands


class Commands(IntakeCommands, ReportCommands, EscalationCommands, AssignmentCommands,
               ExtensionCommands, UnitCommands, OrgCommands, UserCommands, HandoverCommands,
               MeetingCommands, AlertCommands):
    """Every domain command, acting as one actor on one database."""


__all__ = ["Commands", "EventRef", "RaisedAlert", "TakeRef"]
