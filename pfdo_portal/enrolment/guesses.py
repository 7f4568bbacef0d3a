"""Wrong certificate numbers (``domain.privacy``, rule 4): a provider's commands that carry a
certificate number (or a new child's СНИЛС, rule 2b) run one at a time, and past the limit of wrong
numbers every command carrying one is refused unchecked. Neither the number nor the child is kept:
only the moment of a wrong guess.

Decisions where docs/enrolment.md is silent:

* ``certificate_required`` / ``certificate_mismatch`` / ``too_many_attempts`` store nothing: no
  application row, no reserve, no link; a wrong number is counted after the command's rollback.
"""

from __future__ import annotations

import logging

from pydantic import BaseModel
from sqlalchemy import select, text

from pfdo_desktop.domain import privacy
from pfdo_desktop.domain.identity import certificate_number_error, snils_digits
from pfdo_desktop.sync import protocol as p

from .. import db
from ..common import Ctx, as_utc
from ..refusals import CommandRefused

log = logging.getLogger(__name__)

_GUESS_LOCK = 0x5047  # the advisory-lock namespace of a provider's certificate-number guesses (PostgreSQL)


def certificate_number_of(pl: BaseModel) -> str:
    """The certificate number a command carries (normalised; "" for none)."""
    return privacy.normalize_certificate_number(getattr(pl, "certificate_number", None))


def snils_of(pl: BaseModel) -> str:
    """The СНИЛС digits of a ``child.create`` ("" for none or another command): its namesake limit
    (privacy rule 2b) is counted under the same provider lock as certificate guesses."""
    if not isinstance(pl, p.ChildCreatePayload):
        return ""
    return snils_digits(pl.snils)


def checked_certificate_number(pl: BaseModel) -> str:
    """The number of the command; one that is not 10 digits is refused as invalid (a mistake of the
    form, not a guess)."""
    number = certificate_number_of(pl)
    if number and (error := certificate_number_error(number)):
        raise CommandRefused(p.R_INVALID, field_errors={"certificate_number": error})
    return number


def lock_guesses(ctx: Ctx) -> None:
    """Serialise a provider's commands that carry a certificate number or a new child's СНИЛС
    (PostgreSQL; SQLite serialises writers), so two portal processes never both let the last allowed
    guess (or namesake told apart, privacy rule 2b) through."""
    if ctx.conn.dialect.name == "postgresql":
        ctx.conn.execute(text("SELECT pg_advisory_xact_lock(:ns, :provider)"),
                         {"ns": _GUESS_LOCK, "provider": ctx.provider_id})


def refuse_when_guessing(ctx: Ctx) -> None:
    """Beyond the limit of wrong numbers every command carrying a number is refused, unchecked."""
    gc = db.certificate_guesses.c
    since = ctx.now - privacy.GUESS_WINDOW
    times = [
        as_utc(t)
        for t in ctx.conn.execute(
            select(gc.at).where(gc.provider_id == ctx.provider_id, gc.at > since)
        ).scalars()
    ]
    retry_at = privacy.guess_block(times, ctx.now)
    if retry_at is None:
        return
    message = privacy.too_many_attempts_message(retry_at, ctx.now)
    raise CommandRefused(p.R_TOO_MANY_ATTEMPTS, message, {privacy.F_CERTIFICATE_NUMBER: message},
                         with_record=False)


def record_guess(ctx: Ctx) -> None:
    """Count a wrong certificate number of the provider (neither the number nor the child is kept)."""
    ctx.conn.execute(
        db.certificate_guesses.insert().values(
            provider_id=ctx.provider_id, device_id=ctx.device_id, at=ctx.now
        )
    )
    log.info("device %s: a wrong certificate number", ctx.device_id)
