"""The enrolment rulebook (domain.md, «Enrolment»): may this child be enrolled in this group?

The desktop runs ``check_application`` as an instant pre-check while the operator fills in an
application; the portal runs the same function for the decision. It returns **every** refusal at
once (an empty list means the child is eligible), each with a code, the field it concerns, a
concrete Russian message and what to do about it (``REFUSAL_TEXT_RU`` / ``REFUSAL_ADVICE_RU``).

The rules:

1. **Age.** The child's age in full months on the start date (``ages.age_in_months``) lies inside
   the programme's range, both bounds included: ``age_from_months <= age <= age_to_months``.
2. **Free place.** ``occupied < capacity``; ``occupied`` counts the group's live enrolments
   (not counting this application).
3. **Certificate fits the registry.** Budget registries (предпрофессиональные, значимые,
   общеразвивающие) take a сертификат учёта or a ПФ certificate (a ПФ certificate *pays* only for
   certified programmes, but admits to budget ones like a сертификат учёта); the certified registry
   takes a ПФ certificate (учёт is switched to ПФ by the authorised body first; whether the
   portal should switch it itself on enrolment, as domain.md hints, is open for the product owner).
   A programme of the paid registry is
   outside the certificate system: no certificate is required and none is checked.
   A missing certificate on a budget or certified programme is a refusal of its own.
   The balance is not a reason to refuse: for a certified programme the parent pays what the
   certificate does not cover (``pricing.contract_cost``).
4. **Start date.** Inside the group's dates (``date_from <= start <= date_to``) and inside the open
   period. *Open period (domain.md is silent; our choice):* the start date may not be earlier than
   the 1st day of the current month of ``today`` — the current month is still open (attendance and
   invoices for it are not closed yet), earlier months are closed. Any future date up to the
   group's end is allowed.
5. **No duplicate.** The child has no *live* enrolment in the same group. Live is every status
   that is not in ``ENDED_STATUSES`` (отчислен, отклонена, расторгнут, истекла): an unknown status
   is treated as live, so a duplicate is never let through by accident.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from pfdo_desktop.domain.ages import age_in_months
from pfdo_desktop.domain.catalog import CERT_ACCOUNTING, CERT_PF, REGISTRIES
from pfdo_desktop.domain.plural import plural_ru
from pfdo_desktop.domain.said import said, term

CERTIFIED_REGISTRY = "certified"
PAID_REGISTRY = "paid"

# Refusal codes (stable: stored with a declined application and sent over the wire).
R_AGE_TOO_YOUNG = "age_too_young"
R_AGE_TOO_OLD = "age_too_old"
R_GROUP_FULL = "group_full"
R_NO_CERTIFICATE = "no_certificate"
R_CERT_ACCOUNTING_ON_CERTIFIED = "cert_accounting_on_certified"
R_CERT_STATUS_UNKNOWN = "cert_status_unknown"
R_START_BEFORE_GROUP = "start_before_group"
R_START_AFTER_GROUP = "start_after_group"
R_START_IN_CLOSED_PERIOD = "start_in_closed_period"
R_DUPLICATE_ENROLMENT = "duplicate_enrolment"

# Why the application is refused (the general reason; ``Refusal.message`` adds the figures) …
REFUSAL_TEXT_RU = {
    R_AGE_TOO_YOUNG: said("enrolment.text.age_too_young",
                          "Ребёнок младше возраста, на который рассчитана программа."),
    R_AGE_TOO_OLD: said("enrolment.text.age_too_old",
                        "Ребёнок старше возраста, на который рассчитана программа."),
    R_GROUP_FULL: said("enrolment.text.group_full", "В группе нет свободных мест."),
    R_NO_CERTIFICATE: said("enrolment.text.no_certificate",
                           "У ребёнка нет сертификата дополнительного образования."),
    R_CERT_ACCOUNTING_ON_CERTIFIED: said("enrolment.text.cert_accounting_on_certified",
                                         "Сертификат в статусе «учёт» не даёт права на сертифицированную "
                                         "программу: её оплачивает только сертификат ПФ."),
    R_CERT_STATUS_UNKNOWN: said("enrolment.text.cert_status_unknown", "Неизвестный статус сертификата."),
    R_START_BEFORE_GROUP: said("enrolment.text.start_before_group",
                               "Дата начала обучения раньше начала занятий группы."),
    R_START_AFTER_GROUP: said("enrolment.text.start_after_group",
                              "Дата начала обучения позже окончания занятий группы."),
    R_START_IN_CLOSED_PERIOD: said("enrolment.text.start_in_closed_period",
                                   "Дата начала обучения приходится на закрытый период (прошлый месяц)."),
    R_DUPLICATE_ENROLMENT: said("enrolment.text.duplicate_enrolment",
                                "Ребёнок уже зачислен в эту группу или уже подал в неё заявку."),
}

# … and what the operator can do about it.
REFUSAL_ADVICE_RU = {
    R_AGE_TOO_YOUNG: said("enrolment.advice.age_too_young",
                          "Проверьте дату рождения по документу. Если она верна — выберите группу с более "
                          "поздней датой начала или программу для младшего возраста."),
    R_AGE_TOO_OLD: said("enrolment.advice.age_too_old",
                        "Проверьте дату рождения по документу. Если она верна — предложите программу для "
                        "старшего возраста."),
    R_GROUP_FULL: said("enrolment.advice.group_full",
                       "Выберите другую группу этого модуля или дождитесь, когда место освободится."),
    R_NO_CERTIFICATE: said("enrolment.advice.no_certificate",
                           "Сначала оформите сертификат: заявление о включении в систему подаёт родитель "
                           "(или ребёнок с 14 лет) в уполномоченной организации или на портале."),
    R_CERT_ACCOUNTING_ON_CERTIFIED: said("enrolment.advice.cert_accounting_on_certified",
                                         "Попросите родителя перевести сертификат в статус ПФ (через "
                                         "портал или уполномоченную организацию) и подайте заявку снова, "
                                         "либо выберите бюджетную программу."),
    R_CERT_STATUS_UNKNOWN: said("enrolment.advice.cert_status_unknown",
                                "Синхронизируйте данные с порталом; если статус не появится — обратитесь в "
                                "уполномоченную организацию."),
    R_START_BEFORE_GROUP: said("enrolment.advice.start_before_group",
                               "Поставьте дату начала не раньше первого дня занятий группы."),
    R_START_AFTER_GROUP: said("enrolment.advice.start_after_group",
                              "Группа к этой дате уже закончит занятия: выберите более раннюю дату или "
                              "другую группу."),
    R_START_IN_CLOSED_PERIOD: said("enrolment.advice.start_in_closed_period",
                                   "Прошлые месяцы закрыты. Поставьте дату начала не раньше 1-го числа "
                                   "текущего месяца."),
    R_DUPLICATE_ENROLMENT: said("enrolment.advice.duplicate_enrolment",
                                "Откройте существующую заявку или зачисление ребёнка в этой группе; новую "
                                "заявку можно подать только после отчисления или отклонения прежней."),
}

# Fields a refusal points at (the form highlights this field).
F_BIRTH_DATE = "child_birth_date"
F_START_DATE = "start_date"
F_GROUP = "group"
F_CERTIFICATE = "certificate"

# Statuses of applications / memberships / contracts that no longer hold a place.
ENDED_STATUSES = frozenset(
    {"expelled", "rejected", "declined", "terminated", "expired", "cancelled", "withdrawn", "transferred"}
)


@dataclass(frozen=True)
class Refusal:
    code: str
    field: str
    message: str  # concrete, with the figures of this application

    @property
    def text(self) -> str:
        """The general reason for the code."""
        return REFUSAL_TEXT_RU[self.code]

    @property
    def advice(self) -> str:
        """What the operator can do about it."""
        return REFUSAL_ADVICE_RU[self.code]


@dataclass(frozen=True)
class ProgramTerms:
    age_from_months: int
    age_to_months: int
    registry: str  # a key of catalog.REGISTRIES


@dataclass(frozen=True)
class GroupTerms:
    date_from: date
    date_to: date
    capacity: int
    occupied: int  # live enrolments now, not counting this application
    group_id: int | None = None


@dataclass(frozen=True)
class CertificateState:
    status: str  # catalog.CERT_ACCOUNTING or catalog.CERT_PF
    balance: Decimal = Decimal("0.00")  # free balance (остаток minus reserve), roubles
    number: str = ""


@dataclass(frozen=True)
class ExistingEnrolment:
    """Another application/enrolment of the same child (any group)."""

    group_id: int | None
    status: str  # e.g. "new", "confirmed", "active", "expelled", "rejected"

    @property
    def live(self) -> bool:
        return self.status not in ENDED_STATUSES


@dataclass(frozen=True)
class Application:
    child_birth_date: date
    start_date: date
    certificate: CertificateState | None = None
    existing: tuple[ExistingEnrolment, ...] = ()  # the child's other applications/enrolments


def _ru_date(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def _ru_age(months: int) -> str:
    years, rest = divmod(months, 12)
    word = plural_ru(years, "год", "года", "лет")
    return said("age.years_months", f"{years} {word} {rest} мес.", years=years, months=rest, word=word)


def open_period_start(today: date) -> date:
    """The earliest start date accepted today: the 1st day of the current month."""
    return today.replace(day=1)


def check_age(program: ProgramTerms, birth_date: date, start_date: date) -> list[Refusal]:
    age = age_in_months(birth_date, start_date)
    on = _ru_date(start_date)
    if age < program.age_from_months:
        return [Refusal(
            R_AGE_TOO_YOUNG, F_BIRTH_DATE,
            said("enrolment.age_too_young",
                 f"На дату начала обучения {on} ребёнку будет {_ru_age(max(age, 0))}, а программа — "
                 f"с {_ru_age(program.age_from_months)}",
                 on=start_date, age=_ru_age(max(age, 0)), bound=_ru_age(program.age_from_months)),
        )]
    if age > program.age_to_months:
        return [Refusal(
            R_AGE_TOO_OLD, F_BIRTH_DATE,
            said("enrolment.age_too_old",
                 f"На дату начала обучения {on} ребёнку будет {_ru_age(age)}, а программа — "
                 f"до {_ru_age(program.age_to_months)}",
                 on=start_date, age=_ru_age(age), bound=_ru_age(program.age_to_months)),
        )]
    return []


def check_place(group: GroupTerms) -> list[Refusal]:
    if group.occupied >= group.capacity:
        return [Refusal(
            R_GROUP_FULL, F_GROUP,
            said("enrolment.group_full", f"В группе занято {group.occupied} мест из {group.capacity}",
                 occupied=group.occupied, capacity=group.capacity),
        )]
    return []


def check_certificate(program: ProgramTerms, certificate: CertificateState | None) -> list[Refusal]:
    if program.registry == PAID_REGISTRY:
        return []
    registry = REGISTRIES.get(program.registry, program.registry)
    if certificate is None:
        return [Refusal(
            R_NO_CERTIFICATE, F_CERTIFICATE,
            said("enrolment.no_certificate",
                 f"Для программы из реестра «{registry}» нужен сертификат дополнительного образования",
                 registry=term("Registry", registry)),
        )]
    if certificate.status not in (CERT_ACCOUNTING, CERT_PF):
        return [Refusal(
            R_CERT_STATUS_UNKNOWN, F_CERTIFICATE,
            said("enrolment.cert_status_unknown", f"Статус сертификата «{certificate.status}» неизвестен",
                 status=certificate.status),
        )]
    if program.registry == CERTIFIED_REGISTRY and certificate.status == CERT_ACCOUNTING:
        return [Refusal(
            R_CERT_ACCOUNTING_ON_CERTIFIED, F_CERTIFICATE,
            said("enrolment.cert_accounting_on_certified",
                 "Программа сертифицированная, а сертификат в статусе «учёт»"),
        )]
    # A ПФ certificate also does everything a сертификат учёта does: it *pays* only for certified
    # programmes, but it admits to budget ones (no money moves there), as in the regional portals.
    return []


def check_start_date(group: GroupTerms, start_date: date, today: date) -> list[Refusal]:
    refusals: list[Refusal] = []
    on = _ru_date(start_date)
    if start_date < group.date_from:
        refusals.append(Refusal(
            R_START_BEFORE_GROUP, F_START_DATE,
            said("enrolment.start_before_group",
                 f"Дата начала {on} раньше начала занятий группы {_ru_date(group.date_from)}",
                 start=start_date, group_from=group.date_from),
        ))
    if start_date > group.date_to:
        refusals.append(Refusal(
            R_START_AFTER_GROUP, F_START_DATE,
            said("enrolment.start_after_group",
                 f"Дата начала {on} позже окончания занятий группы {_ru_date(group.date_to)}",
                 start=start_date, group_to=group.date_to),
        ))
    earliest = open_period_start(today)
    if start_date < earliest:
        refusals.append(Refusal(
            R_START_IN_CLOSED_PERIOD, F_START_DATE,
            said("enrolment.start_in_closed_period",
                 f"Дата начала {on} раньше {_ru_date(earliest)}: прошлые месяцы закрыты",
                 start=start_date, earliest=earliest),
        ))
    return refusals


def check_duplicate(group: GroupTerms, existing: Iterable[ExistingEnrolment]) -> list[Refusal]:
    if group.group_id is None:  # a group not saved yet cannot have enrolments
        return []
    for other in existing:
        if other.live and other.group_id == group.group_id:
            return [Refusal(
                R_DUPLICATE_ENROLMENT, F_GROUP,
                said("enrolment.duplicate_enrolment",
                     "У ребёнка уже есть действующая заявка или зачисление в эту группу"),
            )]
    return []


def check_application(
    program: ProgramTerms, group: GroupTerms, application: Application, today: date
) -> list[Refusal]:
    """Every reason to refuse the application, in form order; an empty list means eligible."""
    return [
        *check_age(program, application.child_birth_date, application.start_date),
        *check_certificate(program, application.certificate),
        *check_start_date(group, application.start_date, today),
        *check_place(group),
        *check_duplicate(group, application.existing),
    ]


def is_eligible(program: ProgramTerms, group: GroupTerms, application: Application, today: date) -> bool:
    return not check_application(program, group, application, today)
