"""A PC synced with a regional «Навигатор» (issue 16, docs/navigator.md) rather than a portal
speaking our protocol: what such a PC leaves to the Navigator to decide.

The Navigator keeps the certificates (the PC sees none of its children's) and has no billed months
of ours; it checks both itself when an order is approved or enrolled, and answers a refusal
(``err_code``) that the PC shows in «Требует внимания». So a decision on a Navigator order is not
refused on the PC for those reasons; the rest of the rulebook (age, group dates, places, a second
enrolment in the group) applies as everywhere."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from .enrolment import (
    R_CERT_ACCOUNTING_ON_CERTIFIED,
    R_CERT_STATUS_UNKNOWN,
    R_NO_CERTIFICATE,
    R_START_IN_CLOSED_PERIOD,
    Refusal,
)
from .privacy import R_CERTIFICATE_MISMATCH, R_CERTIFICATE_REQUIRED

KIND = "navigator"  # a Navigator PC's portal_id and device_id start with «navigator:»

DECIDED_BY_NAVIGATOR = frozenset({
    R_NO_CERTIFICATE, R_CERT_STATUS_UNKNOWN, R_CERT_ACCOUNTING_ON_CERTIFIED,  # its certificates
    R_CERTIFICATE_REQUIRED, R_CERTIFICATE_MISMATCH,  # the number of one: it has it, we do not
    R_START_IN_CLOSED_PERIOD,  # our billed months: it has none
})


def is_navigator(portal_id: str | None) -> bool:
    """Whether a device's ``portal_id`` names a Navigator («navigator:<host>:<organisation>»)."""
    return bool(portal_id) and str(portal_id).startswith(f"{KIND}:")


R = TypeVar("R", bound=Refusal)


def left_to_check(refusals: Iterable[R], *, navigator: bool) -> list[R]:
    """The refusals this PC says itself: all of them, or on a Navigator PC those the Navigator does
    not decide itself."""
    return [r for r in refusals if not (navigator and r.code in DECIDED_BY_NAVIGATOR)]
