"""Intake commands: receive a report, attach another report, register, reject, merge."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from commandroom.models import transitions, validate
from commandroom.models.catalog import Category
from commandroom.models.change import Change
from commandroom.models.commands.base import CommandBase, EventRef, new_command_id
from commandroom.models.commands.register_location import locate_for_register
from commandroom.models.commands.receive_rows import ToWrite, write_received
from commandroom.models.enums import Action, Priority, Source, Status
from commandroom.models.errors import CommandroomError, NotFoundError, ValidationError
from commandroom.models.events import Contact, Event
from commandroom.models.incoming import IncomingReport, OutsidePoint
from commandroom.models.lifecycle import check_role, check_transition
from commandroom.models.org import Street


@dataclass(frozen=True)
class _Street:
    id: int
    code: str
    abbr: str


@dataclass(frozen=True)
class Received:
    """A report received: its event; ``created`` False when the client had sent it before (a
    retry); ``flagged`` when its point lay outside the street and was set aside."""

    ref: EventRef
    created: bool
    flagged: bool = False


def _outside_note(point: tuple[float, float]) -> str:
    return f"【上报坐标（{point[0]:.6f}, {point[1]:.6f}）不在本街道网格内，已按地址受理，请核实位置】"


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
        **intake,
    ) -> EventRef:
        """受理: a report becomes a new event (and its first contact). ``intake``: the intake
        server's further fields (``IncomingReport``: client, category_hint, media, reported_at,
        street_code, outside). A client's report it has sent before is not saved again: its
        first event is answered."""
        report = IncomingReport.checked(
            source=source, title=title, description=description, address=address, lat=lat,
            lon=lon, reporter_name=reporter_name, reporter_phone=reporter_phone,
            priority=priority, external_ref=external_ref, **intake)
        outcome = self.receive_batch([report])[0]
        if isinstance(outcome, CommandroomError):
            raise outcome
        return outcome.ref

    def receive_batch(self, reports: Sequence[IncomingReport]) -> list[Received | CommandroomError]:
        """Receive several reports in one transaction (the intake's group commit). Each is
        checked before anything of it is written, so a refused one (its error in its place)
        leaves the others; all are committed together, or none when the transaction fails. A
        report whose client and external id were seen before is answered with its event
        (``receive_rows``: the unique index decides, not a lookup that two retries could pass)."""
        check_role(Action.RECEIVE, self.actor.role)
        now = self.clock.now()
        outcomes: list[Received | CommandroomError | None] = []
        ready: list[tuple[int, ToWrite, bool]] = []  # (position, its rows, flagged)
        with self.db.writing() as session:
            located = self._located(session, reports)
            for report in reports:
                try:
                    to_write, flagged = self._prepared(session, report, now, located)
                except CommandroomError as exc:
                    outcomes.append(exc)
                    continue
                ready.append((len(outcomes), to_write, flagged))
                outcomes.append(None)
            written = write_received(session, self.actor, now, [w for _, w, _ in ready])
            for (i, _, flagged), done in zip(ready, written):
                ref = EventRef(done.event_id, done.code, done.version, done.status)
                outcomes[i] = Received(ref, created=done.created, flagged=done.created and flagged)
        return outcomes

    def _located(self, session: Session, reports: Sequence[IncomingReport]) -> dict:
        """The L4 grid (or None) of every report's point in every street, found with one query
        per street for the whole batch (``GridLocator.locate_many``); empty when a point is
        not one a locator takes, each report then located (and refused) on its own."""
        points = list(dict.fromkeys(r.point for r in reports if r.point is not None))
        located: dict[tuple[int, tuple[float, float]], int | None] = {}
        if not points:
            return located
        try:
            for street_id in self._streets(session):
                chains = self._locator(session, street_id).locate_many(points)
                located.update(((street_id, p), None if c is None else c.l4.id)
                               for p, c in zip(points, chains))
        except ValidationError:
            return {}
        return located

    def _prepared(self, session: Session, report: IncomingReport, now: datetime,
                  located: dict) -> tuple[ToWrite, bool]:
        """A report's street, grid and category hint decided, its change made; and whether its
        point lay outside the street and was set aside (flagged)."""
        street, grid_id = self._intake_street(session, report, located)
        hint = self._category_hint(session, report.category_hint)
        point, description = report.point, report.description
        if point is not None and grid_id is None:
            try:
                grid_id = self._grid_for(session, street.id, point, located)
            except ValidationError:
                if report.outside is OutsidePoint.REFUSE:
                    raise
                point = None
                description = _outside_note(report.point) + description
        lat, lon = point or (None, None)
        change = transitions.receive(
            now=now, code="", street_id=street.id, source=report.source,
            priority=report.priority, title=report.title, description=description,
            address=report.address, lat=lat, lon=lon, grid_id=grid_id,
            reporter_name=report.reporter_name, reporter_phone=report.reporter_phone,
            external_ref=report.external_ref, client=report.client, category_hint=hint,
            media="\n".join(report.media), reported_at=report.reported_at,
            reported_point=report.point)
        flagged = report.point is not None and point is None
        return ToWrite(street.abbr, change, new_command_id()), flagged

    def _intake_street(self, session: Session, report: IncomingReport,
                       located: dict) -> tuple[_Street, int | None]:
        """The street a report goes to: the one it names (Open311's jurisdiction_id), else the
        one whose grids hold its point (with that grid), else its client's, else the room's (or
        the only one)."""
        streets = self._streets(session)
        if report.street_code:
            street = next((s for s in streets.values() if s.code == report.street_code), None)
            if street is None or self.street_id not in (None, street.id):
                raise NotFoundError(f"没有编码为「{report.street_code}」的街道",
                                    f"No street with the code {report.street_code!r}")
            return street, None
        if self.street_id is not None:
            return self._found(streets.get(self.street_id), f"找不到街道 #{self.street_id}",
                               f"No street #{self.street_id}"), None
        if report.point is not None:
            for street in streets.values():
                try:
                    return street, self._grid_for(session, street.id, report.point, located)
                except ValidationError:
                    continue
        if report.client_street_id in streets:
            return streets[report.client_street_id], None
        if report.client and len(streets) > 1:
            raise ValidationError("数据库有多个街道，请注明街道编码（jurisdiction_id）或提供街道内的坐标",
                                  "The database holds several streets: name the street "
                                  "(jurisdiction_id) or give a point inside one")
        return self._found(next(iter(streets.values()), None), "数据库里还没有街道，请先导入或生成演示街道",
                           "The database has no street yet"), None

    def _streets(self, session: Session) -> dict[int, _Street]:
        """The streets, read once per commands object (a long-lived intake keeps them)."""
        cache = self.__dict__.setdefault("_street_cache", {})
        if not cache:
            for id_, code, abbr in session.execute(select(Street.id, Street.code, Street.abbr)
                                                   .order_by(Street.id)):
                cache[id_] = _Street(id_, code, abbr)
        return cache

    def _category_hint(self, session: Session, code: str) -> str:
        """A hint must name a category of the catalogue (cached: it rarely changes)."""
        if not code:
            return ""
        known = self.__dict__.setdefault("_category_codes", set())
        if code not in known:
            known.update(session.scalars(select(Category.code)))
        if code not in known:
            raise NotFoundError(f"没有编码为「{code}」的事件类别", f"No category with the code {code!r}")
        return code

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
