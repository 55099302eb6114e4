"""Intake commands: receive a report, attach another report, register, reject, merge."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models import validate
from commandroom.models.codes import next_code
from commandroom.models.commands.base import CommandBase, EventRef
from commandroom.models.enums import Action, Priority, Source, Status
from commandroom.models.errors import ValidationError
from commandroom.models.events import Contact, Event
from commandroom.models.lifecycle import check_role, check_transition


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
            return self._receive(session, now, source, priority, point, external_ref, fields)

    def _receive(self, session: Session, now, source, priority, point, external_ref, fields) -> EventRef:
        street = self._street(session)
        grid_id = self._grid_for(session, street.id, point) if point else None
        lat, lon = point or (None, None)
        event = Event(
            code=next_code(session, street.abbr, now),
            street_id=street.id,
            status=Status.RECEIVED,
            source=source,
            priority=priority,
            lat=lat,
            lon=lon,
            grid_id=grid_id,
            received_at=now,
            version=1,
            **fields,
        )
        contact = Contact(
            street_id=street.id,
            source=source,
            external_ref=external_ref,
            received_at=now,
            caller_name=fields["reporter_name"],
            caller_phone=fields["reporter_phone"],
            content=fields["description"] or fields["title"],
            address=fields["address"],
            lat=lat,
            lon=lon,
            event=event,
        )
        session.add_all([event, contact])
        session.flush()
        self._log(
            session, event, Action.RECEIVE, now, bump=False,
            status=event.status, code=event.code, source=source, title=event.title,
            address=event.address, lat=lat, lon=lon, grid_id=grid_id, priority=priority,
            received_at=now, contact_id=contact.id,
        )
        session.flush()
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
    ) -> EventRef:
        """立案: verified, categorised and located (a location given here replaces the report's)."""
        point = validate.coordinates(lat, lon)
        if priority is not None:
            priority = validate.enum_value(Priority, priority, "紧急程度", "priority")
        if address is not None:
            address = validate.text(address, "地址", "Address", max_len=200, required=False)

        def mutate(session: Session, event: Event, now: datetime) -> dict:
            category = self._category(session, category_code)
            if point:
                event.grid_id = self._grid_for(session, event.street_id, point)
                event.lat, event.lon = point
            if address is not None:
                event.address = address
            if event.grid_id is None:
                raise ValidationError(
                    f"事件 {event.code} 还没有位置，立案前请在地图上定位",
                    f"Event {event.code} has no location; locate it before registering",
                )
            event.category_id = category.id
            event.priority = priority or event.priority
            event.registered_at = now
            return dict(category_id=category.id, priority=event.priority, grid_id=event.grid_id,
                        lat=event.lat, lon=event.lon, registered_at=now)

        return self._apply(Action.REGISTER, event_id, version, mutate)

    def reject(self, event_id: int, version: int, *, reason: str) -> EventRef:
        """不予立案, with the reason the reporter will be told."""
        reason = validate.text(reason, "不予立案理由", "Reason", max_len=200)

        def mutate(session: Session, event: Event, now: datetime) -> dict:
            event.reject_reason = reason
            return dict(reject_reason=reason)

        return self._apply(Action.REJECT, event_id, version, mutate)

    def merge(self, event_id: int, version: int, *, into_id: int) -> EventRef:
        """Merge a duplicate report into another event, which keeps every source."""

        def mutate(session: Session, event: Event, now: datetime) -> dict:
            target = self._event(session, into_id)
            if target.id == event.id:
                raise ValidationError("不能把事件合并到它自己", "An event cannot be merged into itself")
            check_transition(Action.ATTACH_CONTACT, target.code, target.status)
            moved = session.scalars(select(Contact).where(Contact.event_id == event.id)).all()
            for contact in moved:
                contact.event_id = target.id
            target.contact_count += event.contact_count
            event.merged_into_id = target.id
            self._log(session, target, Action.ATTACH_CONTACT, now,
                      contact_ids=[c.id for c in moved], contact_count=target.contact_count,
                      merged_from_id=event.id)
            return dict(merged_into_id=target.id)

        return self._apply(Action.MERGE, event_id, version, mutate)

