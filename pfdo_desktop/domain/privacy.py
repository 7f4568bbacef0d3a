"""Who may see a child's personal data, and what a certificate number proves (152-ФЗ, issue 10 §1).

The portal decides with these functions; the desktop's pre-check calls the same ones.

1. **Disclosure.** A provider sees a child's personal data (card, guardians, certificates, their
   changes, candidates of an ambiguous match) only when it has a *link* the rules recognise:

   a. its PC created the child's record as the authorised organisation — a new-child request whose
      outcome is «created» (``child.create`` with no match, or ``child.resolve`` → «новый ребёнок»);
   b. the child has or had an application or a contract/membership with this provider, in any
      status (also a rejected one: a device's application is stored only after the certificate
      number was verified — rule 3).

   Sending a matching ФИО + date of birth is **not** a link (``LINKING_REQUEST_OUTCOMES``).
2. **Matching a new child** against a child the provider has no link to answers
   ``MATCH_REGISTERED`` («ребёнок уже есть в реестре»): no child id, no names, no date of birth, no
   certificate number, no candidates (``disclose_match``). The candidates of an ambiguous answer
   are only linked children; when every match is unlinked the answer is «registered». A certificate
   number in ``child.create`` that belongs to an unlinked child never makes it a candidate.

   b. **A СНИЛС tells namesakes apart** («это другой ребёнок»). A СНИЛС is the strongest identity a
      request carries: when the request has a valid СНИЛС and an unlinked child with the same ФИО +
      date of birth has a different valid one, they are different people (``told_apart_by_snils``)
      — that child is no match, and the request is «created» when nothing else matches. When the
      request has no СНИЛС, the «registered» answer says to add it and send the request again
      (``registered_message``). The registry child's own СНИЛС, or a registry child without one,
      answers «registered» exactly as before: the answer never tells which of the two it was.
      What this discloses: the operator who knows a child's ФИО + date of birth learns whether a
      СНИЛС they hold is *not* that child's — one bit per request, each wrong one leaving a new
      child in the registry under the provider's name. Such requests are limited per provider
      (``NAMESAKE_LIMIT`` in ``NAMESAKE_WINDOW``, counted apart from certificate guesses); beyond
      it every request with a СНИЛС that has an unlinked namesake is refused
      (``R_TOO_MANY_NAMESAKES``) whatever the namesake's СНИЛС is, so the refusal is no oracle.
3. **Money.** ``application.create`` from a PC must carry the number of the child's certificate
   (``certificate_number_refusal``):

   * a child the provider is not linked to (a «registered» request): required, and it must be
     the number of one of the children the request matched — that application is then the link;
   * a certified (paid from the certificate) programme: required;
   * a budget or paid programme for a linked child: optional, but when given it must match;
   * a linked child with no certificate at all: not required (the rulebook refuses «нет
     сертификата» on its own).

   A parent's application on the portal and the provider's confirmation of it need no number.
4. **Guesses** — wrong numbers of a provider — are limited to ``GUESS_LIMIT`` in a sliding
   ``GUESS_WINDOW`` (``guess_block``); beyond it every command carrying a certificate number is
   refused with ``R_TOO_MANY_ATTEMPTS`` without checking the number. A malformed number (not 10
   digits) is a mistake of the form, not a guess; an unknown number in ``child.create`` (another
   region's) is not used and not counted.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from pfdo_desktop.domain.applications import (
    MATCH_AMBIGUOUS,
    MATCH_CREATED,
    MATCH_EXISTING,
    MATCH_REGISTERED,
)
from pfdo_desktop.domain.enrolment import CERTIFIED_REGISTRY, Refusal
from pfdo_desktop.domain.identity import snils_digits, snils_error
from pfdo_desktop.domain.said import said

# Refusal codes (stable: sent over the wire; ``sync.protocol`` lists them with the others).
R_CERTIFICATE_REQUIRED = "certificate_required"
R_CERTIFICATE_MISMATCH = "certificate_mismatch"
R_TOO_MANY_ATTEMPTS = "too_many_attempts"
R_TOO_MANY_NAMESAKES = "too_many_namesakes"
# The field these refusals point at (the application's «Номер сертификата»).
F_CERTIFICATE_NUMBER = "certificate_number"

# Wrong certificate numbers a provider may send in GUESS_WINDOW (a typo or two a day is normal;
# walking the registry's million numbers per municipality at 5 an hour is not).
GUESS_LIMIT = 5
GUESS_WINDOW = timedelta(hours=1)

# New children a provider may tell apart from an unlinked namesake by the СНИЛС in NAMESAKE_WINDOW
# (rule 2b): a school meets such a namesake a few times a year, not five times an hour.
NAMESAKE_LIMIT = 5
NAMESAKE_WINDOW = timedelta(hours=1)
# The field the namesake refusal points at.
F_SNILS = "snils"

# A new-child request with one of these outcomes links the provider to its child (rule 1a).
LINKING_REQUEST_OUTCOMES = frozenset({MATCH_CREATED})

# Why the command is refused (the general reason) …
TEXT_RU = {
    R_CERTIFICATE_REQUIRED: said("certificate_number.text.required", "Не указан номер сертификата ребёнка."),
    R_CERTIFICATE_MISMATCH: said("certificate_number.text.mismatch",
                                 "Номер сертификата не совпадает с сертификатом ребёнка в реестре."),
    R_TOO_MANY_ATTEMPTS: said("certificate_number.text.too_many_attempts",
                              "Слишком много неверных номеров сертификатов: портал временно не проверяет "
                              "номера."),
    R_TOO_MANY_NAMESAKES: said("new_child.text.too_many_namesakes",
                               "Слишком много новых детей, которых портал отличил от тёзок в реестре по "
                               "СНИЛС: портал временно не различает тёзок по СНИЛС."),
}
# … and what the operator can do about it.
ADVICE_RU = {
    R_CERTIFICATE_REQUIRED: said("certificate_number.advice.required",
                                 "Возьмите номер сертификата из заявления родителя (10 цифр), укажите его в "
                                 "заявке и подайте заявку снова."),
    R_CERTIFICATE_MISMATCH: said("certificate_number.advice.mismatch",
                                 "Сверьте номер с заявлением родителя или с выпиской из реестра сертификатов "
                                 "и подайте заявку снова с верным номером."),
    R_TOO_MANY_ATTEMPTS: said("certificate_number.advice.too_many_attempts",
                              "Дождитесь времени, которое назвал портал, сверьте номер с заявлением родителя "
                              "и подайте заявку снова."),
    R_TOO_MANY_NAMESAKES: said("new_child.advice.too_many_namesakes",
                               "Дождитесь времени, которое назвал портал, и отправьте запрос снова из "
                               "карточки ребёнка («Отправить запрос снова»)."),
}

REQUIRED_FOR_REGISTERED_RU = said(
    "certificate_number.required_registered",
    "Ребёнок уже есть в реестре: попросите у родителя номер сертификата и укажите его в заявке"
)
REQUIRED_FOR_CERTIFIED_RU = said(
    "certificate_number.required_certified",
    "Программа сертифицированная: для оплаты сертификатом укажите номер сертификата из заявления родителя"
)
MISMATCH_RU = said(
    "certificate_number.mismatch",
    "Номер сертификата не совпадает с сертификатом ребёнка в реестре — проверьте номер в заявлении родителя"
)


@dataclass(frozen=True)
class CertificateRefusal(Refusal):
    """A refusal about the certificate number (its texts live here, not in the enrolment rulebook)."""

    @property
    def text(self) -> str:
        return TEXT_RU[self.code]

    @property
    def advice(self) -> str:
        return ADVICE_RU[self.code]


# --- 1. disclosure --------------------------------------------------------------------------------


def is_linked(*, created_record: bool, has_application: bool, has_membership: bool) -> bool:
    """Rule 1: the provider created the child's record (a request whose outcome is in
    ``LINKING_REQUEST_OUTCOMES``), or the child has or had an application / membership with it."""
    return created_record or has_application or has_membership


# --- 2. matching a new child ----------------------------------------------------------------------


@dataclass(frozen=True)
class Disclosure:
    """What the provider is told about a match, and what the portal keeps to itself."""

    outcome: str
    child_id: int | None  # only for «created» and a linked «existing»
    candidates: tuple[int, ...]  # linked children only
    hidden: tuple[int, ...]  # the unlinked children the request matched: never sent

    @property
    def registered(self) -> bool:
        return self.outcome == MATCH_REGISTERED


def disclose_match(
    outcome: str, child_id: int | None, candidates: Iterable[int], linked: Collection[int]
) -> Disclosure:
    """The registry's match — ``outcome`` created / existing (``child_id``) / ambiguous
    (``candidates``) — as a provider linked to the children ``linked`` may see it (rule 2)."""
    if outcome == MATCH_CREATED:
        return Disclosure(MATCH_CREATED, child_id, (), ())
    if outcome == MATCH_EXISTING:
        if child_id is not None and child_id in linked:
            return Disclosure(MATCH_EXISTING, child_id, (), ())
        return Disclosure(MATCH_REGISTERED, None, (), (child_id,) if child_id is not None else ())
    ids = tuple(dict.fromkeys(candidates))
    shown = tuple(i for i in ids if i in linked)
    hidden = tuple(i for i in ids if i not in linked)
    if shown:
        return Disclosure(MATCH_AMBIGUOUS, None, shown, hidden)
    return Disclosure(MATCH_REGISTERED, None, (), hidden)


def told_apart_by_snils(request_snils: str, registry_snils: str) -> bool:
    """Rule 2b: a request and a registry child with the same ФИО + date of birth are different
    people when both СНИЛС are valid and differ. An empty or malformed one on either side tells
    nothing (a registry without the child's СНИЛС cannot say it is someone else)."""
    given, known = snils_digits(request_snils), snils_digits(registry_snils)
    if len(given) != 11 or len(known) != 11 or snils_error(given) or snils_error(known):
        return False
    return given != known


REGISTERED_RU = (
    "ребёнок с такими ФИО и датой рождения уже есть в реестре портала. Если это тот же ребёнок — "
    "подайте заявку с номером сертификата из заявления родителя: данные о нём придут после заявки с "
    "этим номером. Если это другой ребёнок — укажите его СНИЛС и отправьте запрос снова"
)
REGISTERED_WITH_SNILS_RU = (
    "ребёнок уже есть в реестре портала: совпали ФИО и дата рождения или СНИЛС. Если это тот же "
    "ребёнок — подайте заявку с номером сертификата из заявления родителя: данные о нём придут после "
    "заявки с этим номером. Если это другой ребёнок — сверьте СНИЛС с документом; если он указан "
    "верно, обратитесь в уполномоченную организацию: она проверит запись в реестре"
)


def registered_message(*, request_has_snils: bool) -> str:
    """The «registered» answer's words (rule 2b): what to do for the same child and for another.
    It depends only on what the request carried — never on what the registry holds."""
    return REGISTERED_WITH_SNILS_RU if request_has_snils else REGISTERED_RU


def certificate_guess(*, holder_known: bool, holder_is_described: bool, holder_linked: bool) -> bool:
    """Is the certificate number of a ``child.create`` a wrong guess? Its holder is in this
    registry (``holder_known``; another region's number is not used nor counted), is not the child
    the request describes (ФИО + date of birth) and is not a child of this provider."""
    return holder_known and not holder_is_described and not holder_linked


# --- 3. money -------------------------------------------------------------------------------------


def normalize_certificate_number(text: str | None) -> str:
    """A certificate number as typed («47 18 000123», «4718-000123») → its digits as text."""
    return "".join((text or "").split()).replace("-", "")


def certificate_number_refusal(
    given: str,
    actual: str | None,
    *,
    registry: str,
    linked: bool,
    actual_known: bool = True,
) -> CertificateRefusal | None:
    """Rule 3 for an application a PC makes. ``given``: the (normalised) number it carries, "" for
    none; ``actual``: the number of the child's certificate that pays (None: the child has none);
    ``linked``: the provider is linked to the child; ``actual_known`` False when the caller cannot
    know the number (a PC before the portal's answer) — then a given number is not compared."""
    if not given:
        if not linked:
            return CertificateRefusal(R_CERTIFICATE_REQUIRED, F_CERTIFICATE_NUMBER,
                                      REQUIRED_FOR_REGISTERED_RU)
        if registry == CERTIFIED_REGISTRY and (actual is not None or not actual_known):
            return CertificateRefusal(R_CERTIFICATE_REQUIRED, F_CERTIFICATE_NUMBER,
                                      REQUIRED_FOR_CERTIFIED_RU)
        return None
    if actual_known and given != actual:
        return CertificateRefusal(R_CERTIFICATE_MISMATCH, F_CERTIFICATE_NUMBER, MISMATCH_RU)
    return None


# --- 4. guesses -----------------------------------------------------------------------------------


def guess_block(
    guesses: Sequence[datetime],
    now: datetime,
    *,
    limit: int = GUESS_LIMIT,
    window: timedelta = GUESS_WINDOW,
) -> datetime | None:
    """When a provider whose wrong guesses were made at ``guesses`` may send a number again: None
    when it may now (fewer than ``limit`` in the window ending at ``now``)."""
    recent = sorted(t for t in guesses if t > now - window)
    if len(recent) < limit:
        return None
    # The window must lose len(recent) - limit + 1 of them: the last of those leaves at its time + window.
    return recent[len(recent) - limit] + window


def namesakes_block(
    told_apart: Sequence[datetime], now: datetime
) -> datetime | None:
    """When a provider whose PCs told new children apart from namesakes by the СНИЛС at
    ``told_apart`` may do it again (rule 2b): None when it may now."""
    return guess_block(told_apart, now, limit=NAMESAKE_LIMIT, window=NAMESAKE_WINDOW)


def too_many_namesakes_message(retry_at: datetime, now: datetime) -> str:
    """«… повторите через 38 мин.» for the namesake limit (rule 2b)."""
    minutes = max(1, math.ceil((retry_at - now).total_seconds() / 60))
    span = int(NAMESAKE_WINDOW.total_seconds() // 60)
    return (
        f"Слишком много новых детей, которых портал отличил от тёзок в реестре только по СНИЛС: "
        f"{NAMESAKE_LIMIT} за {span} мин. Портал снова начнёт различать тёзок по СНИЛС "
        f"через {minutes} мин. — "
        "отправьте запрос снова после этого, сверив СНИЛС с документом ребёнка"
    )


def too_many_attempts_message(retry_at: datetime, now: datetime, *, limit: int = GUESS_LIMIT,
                              window: timedelta = GUESS_WINDOW) -> str:
    """«… повторите через 38 мин.»: when to retry, in minutes from the portal's answer."""
    minutes = max(1, math.ceil((retry_at - now).total_seconds() / 60))
    span = int(window.total_seconds() // 60)
    return (
        f"Слишком много неверных номеров сертификатов от вашей организации: {limit} за {span} мин. "
        f"Портал снова начнёт проверять номера через {minutes} мин. — повторите заявку после этого, "
        "сверив номер с заявлением родителя"
    )
