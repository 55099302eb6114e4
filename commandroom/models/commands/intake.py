"""Intake commands: receive a report, attach another report, register, reject, merge."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models import transitions, validate
from commandroom.models.change import NEW_EVENT, Change
from commandroom.models.codes import next_code
from commandroom.models.commands.base import CommandBase, EventRef, new_command_id
from commandroom.models.commands.register_location import locate_for_register
from commandroom.models.enums import Action, Priority, Source, Status
from commandroom.models.errors import ValidationError
from commandroom.models.events import Contact, Event
from commandroom.models.lifecycle import RULES, check_role, check_transition


class IntakeCommands(CommandBase):
    def receive(
        self,
        *,
        source: Source | str,
        title: str,
        description: str = "",
        address: str = "",
        lat: float | None = None,
        lon: float | None = None,
        reporter_name: str = "",
        reporter_phone: str = "",
        priority: Priority | str = Priority.NORMAL,
        external_ref: str = "",
    ) -> EventRef:
        """受理: a report becomes a new event (and its first contact)."""
        check_role(Action.RECEIVE, self.actor.role)
        source = validate.enum_value(Source, source, "来源", "source")
        priority = validate.enum_value(Priority, priority, "紧急程度", "priority")
        fields = dict(
            title=validate.text(title, "标题", "Title", max_len=120),
            description=validate.text(description, "描述", "Description", max_len=4000, required=False),
            address=validate.text(address, "地址", "Address", max_len=200, required=False),
            reporter_name=validate.text(reporter_name, "反映人", "Reporter", max_len=32, required=False),
            reporter_phone=validate.phone(reporter_phone),
        )
        external_ref = validate.text(external_ref, "外部编号", "External ref", max_len=64, required=False)
        point = validate.coordinates(lat, lon)
        now = self.clock.now()
        with self.db.writing() as session:
            street = self._street(session)
            grid_id = self._grid_for(session, street.id, point) if point else None
            lat, lon = point or (None, None)
            change = transitions.receive(
                now=now, code=next_code(session, street.abbr, now), street_id=street.id,
                source=source, priority=priority, lat=lat, lon=lon, grid_id=grid_id,
                external_ref=external_ref, **fields)
            change.event["status"] = RULES[Action.RECEIVE].target
            event = Event(**(NEW_EVENT | change.event), version=1)
            self._record(session, event, Action.RECEIVE, now, change, new_command_id())
            return EventRef.of(event)

    def register(
        self,
        event_id: int,
        version: int,
        *,
        category_code: str,
        priority: Priority | str | None = None,
        lat: float | None = None,
        lon: float | None = None,
        address: str | None = None,
        grid_code: str | None = None,
        description: str | None = None,
    ) -> EventRef:
        """立案: verified, categorised and located (a location given here replaces the report's).

        The location is a point (its L4 grid follows from it), or an L4 grid by its code (the
        report's point is kept if it lies in that grid, else dropped: the grid and the address
        then say where), or both, which must agree. ``description`` replaces the report's text."""
        point = validate.coordinates(lat, lon)
        if priority is not None:
            priority = validate.enum_value(Priority, priority, "紧急程度", "priority")
        if address is not None:
            address = validate.text(address, "地址", "Address", max_len=200, required=False)
        if description is not None:
            description = validate.text(description, "事件描述", "Description", max_len=2000, required=False)

        def decide(session: Session, event: Event, now: datetime) -> Change:
            category = self._category(session, category_code)
            grid_id, (lat, lon) = locate_for_register(self, session, event, point, grid_code)
            change = transitions.register(
                now=now, category_id=category.id, priority=priority or event.priority,
                grid_id=grid_id, lat=lat, lon=lon,
                address=event.address if address is None else address)
            if description is not None:
                change.event["description"] = description
            return change

        return self._apply(Action.REGISTER, event_id, version, decide)

    def reject(self, event_id: int, version: int, *, reason: str) -> EventRef:
        """不予立案, with the reason the reporter will be told."""
        reason = validate.text(reason, "不予立案理由", "Reason", max_len=200)

        return self._apply(Action.REJECT, event_id, version,
                           lambda session, event, now: transitions.reject(reason=reason))

    def merge(self, event_id: int, version: int, *, into_id: int) -> EventRef:
        """Merge a duplicate report into another event, which keeps every source."""

        command_id = new_command_id()

        def decide(session: Session, event: Event, now: datetime) -> Change:
            target = self._event(session, into_id)
            if target.id == event.id:
                raise ValidationError("不能把事件合并到它自己", "An event cannot be merged into itself")
            check_transition(Action.ATTACH_CONTACT, target.code, target.status)
            if target.status == Status.RECEIVED:  # another console is deciding on it
                self._check_not_held(session, target, now)
            moved = session.scalars(select(Contact.id).where(Contact.event_id == event.id)).all()
            attach = transitions.attach(target, contact_ids=moved, contact_count=event.contact_count,
                                        merged_from_id=event.id)
            # The surviving event gets its own log row, tied to this one by the command id.
            self._record(session, target, Action.ATTACH_CONTACT, now, attach, command_id)
            return transitions.merge(into_id=target.id)

        return self._apply(Action.MERGE, event_id, version, decide, command_id=command_id)
