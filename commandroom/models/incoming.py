"""A report as it arrives (from the console's manual entry or the intake server), checked.

``IncomingReport.checked(...)`` refuses what no database could accept (a missing title, a text
over 4,000 characters, a bad phone, a point off the globe) with a ``ValidationError``, before a
transaction is opened; what needs the database (the street, the grid, the category hint, a
duplicate of an earlier report) is decided by ``IntakeCommands.receive_batch``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from commandroom.models import validate
from commandroom.models.enums import Priority, Source
from commandroom.models.errors import ValidationError

MAX_TEXT = 4000
MAX_MEDIA = 10


class OutsidePoint(StrEnum):
    """What receive does with coordinates outside every grid of the street."""

    REFUSE = "refuse"  # the console's manual entry: the officer can correct the point at once
    FLAG = "flag"  # the intake: keep the report, drop the point, tell the officer (why: intake.md)


@dataclass(frozen=True)
class IncomingReport:
    source: Source
    title: str
    description: str = ""
    address: str = ""
    point: tuple[float, float] | None = None  # (lat, lon), WGS-84
    reporter_name: str = ""
    reporter_phone: str = ""
    priority: Priority = Priority.NORMAL
    external_ref: str = ""
    client: str = ""  # the intake client (API key name); "" in the room
    category_hint: str = ""  # a category code the sender suggests
    media: tuple[str, ...] = ()
    reported_at: datetime | None = None  # street wall-clock time the sender took it
    street_code: str = ""  # Open311 jurisdiction_id / native "street": "" lets receive decide
    client_street_id: int | None = None  # the client's own street, when it has one
    outside: OutsidePoint = OutsidePoint.REFUSE

    @classmethod
    def checked(cls, *, source: Source | str, title: str, description: str = "",
                address: str = "", lat: float | None = None, lon: float | None = None,
                reporter_name: str = "", reporter_phone: str = "",
                priority: Priority | str = Priority.NORMAL, external_ref: str = "",
                client: str = "", category_hint: str = "", media=(),
                reported_at: datetime | None = None, street_code: str = "",
                client_street_id: int | None = None,
                outside: OutsidePoint = OutsidePoint.REFUSE) -> IncomingReport:
        media = tuple(media or ())
        if len(media) > MAX_MEDIA:
            raise ValidationError(f"照片至多 {MAX_MEDIA} 张（收到 {len(media)} 张）",
                                           f"At most {MAX_MEDIA} photos ({len(media)} sent)")
        return cls(
            source=validate.enum_value(Source, source, "来源", "source"),
            priority=validate.enum_value(Priority, priority, "紧急程度", "priority"),
            title=validate.text(title, "标题", "Title", max_len=120),
            description=validate.text(description, "描述", "Description", max_len=MAX_TEXT,
                                      required=False),
            address=validate.text(address, "地址", "Address", max_len=200, required=False),
            reporter_name=validate.text(reporter_name, "反映人", "Reporter", max_len=32,
                                        required=False),
            reporter_phone=validate.phone(reporter_phone),
            external_ref=validate.text(external_ref, "外部编号", "External ref", max_len=64,
                                       required=False),
            client=client, category_hint=(category_hint or "").strip(),
            media=tuple(validate.text(m, "照片地址", "Photo URL", max_len=500) for m in media),
            point=validate.coordinates(lat, lon), reported_at=reported_at,
            street_code=(street_code or "").strip(), client_street_id=client_street_id,
            outside=outside,
        )
