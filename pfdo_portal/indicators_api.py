"""``GET /indicators`` (docs/sync-protocol.md «GET /indicators»): a PC reads the indicators of its
provider — or the aggregates of its provider's municipality — as ``Indicators.to_json`` gives them.

What a device may read (docs/indicators.md «Portal»): its own provider's figures (its children's
certificates, its enrolments, programmes, groups, applications, money and per-group attendance);
its municipality's **aggregates** — counts, shares and money by month, which name no child and no
other provider — without the per-group attendance table (other providers' groups). Another
provider's figures are refused (403), as in ``/pull``.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Engine

from . import db, indicators
from .common import ApiError, Device

SCOPES = ("provider", "municipality")
Scope = Literal["provider", "municipality"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class IndicatorsCertificates(_Strict):
    """Certificates on the date (docs/indicators.md «Certificates»); shares in per cent, one decimal."""

    issued: int
    issued_share: float | None
    pf: int
    pf_share: float | None
    accounting: int
    accounting_share: float | None
    nominal_rub: str
    nominal_hours: str
    used: int
    used_share: float | None
    on_1: int
    on_1_share: float | None
    on_2: int
    on_2_share: float | None
    on_3_plus: int
    on_3_plus_share: float | None


class IndicatorsCoverage(_Strict):
    children: int
    percent: float | None


class IndicatorsDirection(_Strict):
    direction: str
    title: str
    programmes: int
    programmes_share: float | None
    groups: int
    places: int
    occupied: int
    occupancy: float | None
    children: int


class IndicatorsPlaces(_Strict):
    programmes: int
    groups: int
    places: int
    occupied: int
    occupancy: float | None
    children: int


class IndicatorsStatus(_Strict):
    status: str
    title: str
    count: int
    share: float | None


class IndicatorsMonth(_Strict):
    """Money of a month: decimal strings with kopecks."""

    month: str
    nominal: str
    reserved: str
    paid: str
    returned: str
    advance: str
    lines: int


class IndicatorsAttendance(_Strict):
    group_id: str
    name: str
    month: str
    planned_lessons: int
    held_lessons: int
    cancelled_lessons: int
    cancelled_hours: str
    k: str | None
    marks: int
    present: int
    present_share: float | None


class IndicatorsResponse(_Strict):
    """``Indicators.to_json`` (docs/indicators.md «JSON»)."""

    scope: str
    on: date
    period_from: date
    period_to: date
    children_5_18: int | None
    certificates: IndicatorsCertificates
    coverage: IndicatorsCoverage
    directions: list[IndicatorsDirection]
    places: IndicatorsPlaces
    applications: list[IndicatorsStatus]
    money: list[IndicatorsMonth]
    attendance: list[IndicatorsAttendance]
    lessons_cancelled: int


def device_indicators(engine: Engine, device: Device, scope: Scope, on: date,
                      provider: int | None = None) -> IndicatorsResponse:
    """The device's provider's figures (``scope="provider"``) or its municipality's aggregates."""
    if provider is not None and provider != device.provider_id:
        raise ApiError(403, "forbidden",
                       "Этот компьютер подключён к другой организации: её показатели недоступны.")
    if not 2000 <= on.year <= 2099:
        raise ApiError(400, "bad_request", "Неверный запрос (date: дата должна быть в 2000–2099 годах).")
    with db.read_tx(engine) as conn:
        try:
            result = indicators.for_device(conn, device.provider_id, on, municipality=scope == "municipality")
        except ValueError as exc:  # IndicatorsError included: a Russian message
            raise ApiError(400, "bad_request", f"Показатели недоступны: {exc}.") from None
    return IndicatorsResponse.model_validate(result.to_json())
