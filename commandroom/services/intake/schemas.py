"""The shapes of the intake's bodies (pydantic): what is checked on the way in, and what the
OpenAPI document at ``/openapi.json`` publishes. Unknown fields are refused, not ignored: a
client that misspells ``lat`` must hear so, not lose its location."""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from commandroom.models.enums import Priority, Source
from commandroom.models.incoming import MAX_MEDIA, MAX_TEXT

_STRICT = ConfigDict(extra="forbid", str_strip_whitespace=True)


class NativeReport(BaseModel):
    """A report in the native dialect (``POST /api/v1/reports``, bearer key)."""

    model_config = _STRICT
    source: Source = Field(description="hotline_12345, grid_patrol, photo_app, walk_in, micro_wish, district_order")
    external_id: str = Field(min_length=1, max_length=64,
                             description="the sender's own id of the report; a retry with the same id is not saved twice")
    received_at: AwareDatetime = Field(description="when the sender took the report, with its UTC offset")
    caller_name: str = Field("", max_length=32)
    caller_phone: str = Field("", max_length=20)
    title: str = Field("", max_length=120, description="default: the start of the text")
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    lat: float | None = Field(None, description="WGS-84")
    lon: float | None = Field(None, description="WGS-84")
    address: str = Field("", max_length=200)
    category: str = Field("", max_length=16, description="a category code (see /api/v1/categories) the sender suggests")
    priority: Priority = Priority.NORMAL
    photo_urls: list[str] = Field(default_factory=list, max_length=MAX_MEDIA)
    street: str = Field("", max_length=32, description="the street's code when the database holds several")


class NativeAccepted(BaseModel):
    id: str = Field(description="the event's code: the report's id from now on")
    status: str
    location: Literal["grid", "outside_street", "none"]
    notice: str = ""


class NativeProblem(BaseModel):
    field: str
    message: str


class NativeErrors(BaseModel):
    errors: list[NativeProblem]


class NativeCategory(BaseModel):
    code: str
    name: str
    class_name: str


class NativeState(BaseModel):
    id: str
    status: str
    open: bool
    notes: str
    category: str
    agency: str
    received_at: str
    updated_at: str
    expected_at: str | None


class Open311Request(BaseModel):
    """``POST requests.json``, form-encoded, as GeoReport v2 names its fields."""

    model_config = _STRICT
    api_key: str = Field(min_length=1)
    jurisdiction_id: str = Field("", max_length=32)
    service_code: str = Field(min_length=1, max_length=16)
    lat: float | None = None
    long: float | None = None
    address_string: str = Field("", max_length=200)
    address_id: str = Field("", max_length=64)
    email: str = Field("", max_length=100)
    device_id: str = Field("", max_length=64)
    account_id: str = Field("", max_length=64)
    first_name: str = Field("", max_length=16)
    last_name: str = Field("", max_length=16)
    phone: str = Field("", max_length=20)
    description: str = Field("", max_length=MAX_TEXT)
    media_url: str = Field("", max_length=500)


class Open311Service(BaseModel):
    service_code: str
    service_name: str
    description: str
    metadata: bool
    type: str
    keywords: str
    group: str


class Open311Created(BaseModel):
    service_request_id: str
    service_notice: str
    account_id: str | None = None


class Open311State(BaseModel):
    service_request_id: str
    status: Literal["open", "closed"]
    status_notes: str
    service_name: str
    service_code: str
    description: str
    agency_responsible: str
    service_notice: str
    requested_datetime: str
    updated_datetime: str
    expected_datetime: str | None
    address: str
    address_id: str
    zipcode: str
    lat: float | None
    long: float | None
    media_url: str


class Open311Error(BaseModel):
    code: int
    description: str
