"""The Qt-free domain core: tables, lifecycle rules, limits, measures, geo lookup, demo street."""

from commandroom.models.base import Base
from commandroom.models.catalog import Category, CategoryLimit
from commandroom.models.codes import CodeCounter
from commandroom.models.decisions import Decision
from commandroom.models.events import (
    Alert,
    Assignment,
    Contact,
    Escalation,
    Event,
    ExtensionRequest,
)
from commandroom.models.handover_table import Handover
from commandroom.models.intake_keys import IntakeClient
from commandroom.models.log import EventLog
from commandroom.models.org import Grid, GridStaff, Street, Unit, User, unit_category
from commandroom.models.presence import ConsolePresence

__all__ = [
    "Alert",
    "Assignment",
    "Base",
    "Category",
    "CategoryLimit",
    "CodeCounter",
    "ConsolePresence",
    "Decision",
    "Contact",
    "Escalation",
    "Event",
    "EventLog",
    "ExtensionRequest",
    "Grid",
    "Handover",
    "GridStaff",
    "IntakeClient",
    "Street",
    "Unit",
    "User",
    "unit_category",
]
