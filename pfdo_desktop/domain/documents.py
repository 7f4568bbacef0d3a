"""What the printed forms say: plain values, gathered by ``services.documents`` from the local
database and drawn by ``printing`` (which never reads the database).

An empty string (or ``None``) means «the system does not know it»: the form draws a line to fill
by hand, never a guess. Money is ``Decimal`` roubles with kopecks; dates are ``date``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from pfdo_desktop.domain.money import split_months
from pfdo_desktop.domain.pricing import months_between
from pfdo_desktop.domain.requisites import Requisites

# --- the forms -----------------------------------------------------------------------------------

FORM_CERTIFICATE_APPLICATION = "certificate-application"  # заявление о предоставлении сертификата
FORM_CERTIFICATE_EXTRACT = "certificate-extract"  # выписка из реестра сертификатов
FORM_ENROLMENT_APPLICATION = "enrolment-application"  # заявление о зачислении
FORM_CONTRACT = "contract"  # договор об образовании (оферта)
FORM_CONSENT = "consent"  # согласие на обработку персональных данных
FORM_JOURNAL = "journal"  # журнал посещаемости группы за месяц
FORM_TERMINATION = "termination"  # уведомление о расторжении договора
FORM_INVOICE = "invoice"  # счёт за месяц с приложением (issue 12)
FORM_ADVANCE = "advance"  # заявка на аванс за месяц
FORM_CONTRACTS_REGISTER = "contracts-register"  # реестр договоров за месяц
FORM_INDICATORS = "indicators"  # отчёт о показателях организации за месяц (issue 13)

# Form → its Russian title (the menu item, the CLI's help, the PDF's title).
FORMS_RU: dict[str, str] = {
    FORM_CERTIFICATE_APPLICATION: "Заявление о предоставлении сертификата",
    FORM_CERTIFICATE_EXTRACT: "Выписка из реестра сертификатов",
    FORM_ENROLMENT_APPLICATION: "Заявление о зачислении",
    FORM_CONTRACT: "Договор об образовании (оферта)",
    FORM_CONSENT: "Согласие на обработку персональных данных",
    FORM_JOURNAL: "Журнал посещаемости",
    FORM_TERMINATION: "Уведомление о расторжении договора",
    FORM_INVOICE: "Счёт на оплату за месяц с приложением",
    FORM_ADVANCE: "Заявка на аванс",
    FORM_CONTRACTS_REGISTER: "Реестр договоров за месяц",
    FORM_INDICATORS: "Отчёт о показателях за месяц",
}

# What each form is printed for: a child (ChildDoc), an application (ApplicationDoc) or a group's
# month (JournalDoc).
CHILD_FORMS = (FORM_CERTIFICATE_APPLICATION, FORM_CERTIFICATE_EXTRACT, FORM_CONSENT)
APPLICATION_FORMS = (FORM_ENROLMENT_APPLICATION, FORM_CONTRACT, FORM_CONSENT, FORM_TERMINATION)
GROUP_FORMS = (FORM_JOURNAL,)
# A provider's month for one payer (InvoiceDoc, AdvanceDoc, ContractsRegisterDoc).
MONEY_FORMS = (FORM_INVOICE, FORM_ADVANCE, FORM_CONTRACTS_REGISTER)


# --- the parts -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProviderInfo:
    """The organisation (its requisites as the portal knows them)."""

    name: str
    short_name: str = ""
    inn: str = ""
    ogrn: str = ""
    address: str = ""
    head_name: str = ""  # руководитель: «Фамилия Имя Отчество»
    municipality: str = ""
    # The head's position as the charter names it («директор», «заведующая», «индивидуальный
    # предприниматель»); "" — not known: the forms say «руководитель».
    head_position: str = ""
    # Bank requisites and the chief accountant (the invoice and the advance request print them).
    requisites: Requisites = Requisites()


@dataclass(frozen=True, slots=True)
class PersonInfo:
    """A child or a legal representative."""

    last_name: str
    first_name: str
    middle_name: str = ""
    birth_date: date | None = None
    snils: str = ""  # «112-233-445 95»
    doc_kind: str = ""  # Russian name of the identity document («Свидетельство о рождении»)
    doc_number: str = ""
    relation: str = ""  # a representative's: «мать», «отец», «законный представитель»
    phone: str = ""
    email: str = ""
    address: str = ""  # not kept by the system: always a line to fill

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.middle_name) if p)


@dataclass(frozen=True, slots=True)
class CertificateInfo:
    number: str  # 10 digits, as text
    status: str  # domain.catalog certificate status key («pf» | «uchet»)
    status_ru: str  # «персонифицированного финансирования» / «учёта»
    nominal: Decimal
    balance: Decimal
    reserve: Decimal
    as_of: date | None = None  # the day of the last sync («по данным на»)
    unit: str = "rub"  # what nominal/balance/reserve count (domain.catalog NOMINAL_UNITS: «rub», «hours»)


@dataclass(frozen=True, slots=True)
class StudyInfo:
    """Where the child studies: programme, module, group."""

    program_name: str
    direction_ru: str  # «техническая», …
    registry_ru: str  # «сертифицированные программы», …
    module_name: str
    hours: int
    group_name: str
    teacher: str
    group_from: date
    group_to: date
    schedule: str = ""  # «Пн, Ср 15:00–15:45, каб. 12»
    address: str = ""  # where lessons take place


@dataclass(frozen=True, slots=True)
class PaymentMonth:
    """One line of the monthly payment schedule."""

    year: int
    month: int
    certificate: Decimal
    parent: Decimal


def payment_schedule(start: date, end: date, certificate_part: Decimal,
                     parent_part: Decimal) -> tuple[PaymentMonth, ...]:
    """The contract's parts split by the months from ``start`` to ``end`` (the first month takes the
    kopecks' remainder, as ``pricing.contract_cost`` splits them); empty if ``end < start``."""
    if end < start:
        return ()
    months = months_between(start, end)
    cert = split_months(certificate_part, len(months))
    parent = split_months(parent_part, len(months))
    return tuple(PaymentMonth(y, m, c, p) for (y, m), c, p in zip(months, cert, parent, strict=True))


# --- the documents -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChildDoc:
    """A child's forms: the certificate application, the registry extract, the consent."""

    provider: ProviderInfo
    child: PersonInfo
    guardian: PersonInfo | None  # None: the system knows no representative (lines to fill)
    certificate: CertificateInfo | None  # None: no certificate yet (the application asks for one)
    printed_on: date
    registry_as_of: date | None = None  # the last sync: what the PC knows of the registry is of then
    in_registry: bool = True  # False: a new-child request the portal has not registered yet


@dataclass(frozen=True, slots=True)
class ApplicationDoc:
    """An application and its contract: the enrolment application, the contract, the consent,
    the termination notice."""

    provider: ProviderInfo
    child: PersonInfo
    guardian: PersonInfo | None
    certificate: CertificateInfo | None
    study: StudyInfo
    number: str  # the application's number on the portal ("" while not sent)
    status_ru: str
    created: date
    start_date: date
    end_date: date  # the contract's last day (the group's end unless ended earlier)
    contract_number: str = ""
    contract_date: date | None = None
    price_total: Decimal | None = None  # None: budget programme (no money) — unless price_pending
    certificate_part: Decimal | None = None
    parent_part: Decimal | None = None
    schedule: tuple[PaymentMonth, ...] = ()
    order_number: str = ""  # приказ о зачислении
    order_date: date | None = None
    end_order_number: str = ""
    end_order_date: date | None = None
    end_reason_ru: str = ""  # why the contract ended (termination notice)
    printed_on: date = field(default_factory=date.today)
    # A paid programme (certified or paid registry) whose price the portal has not set yet (the
    # application is not confirmed): the money is not known, the forms leave lines for it.
    price_pending: bool = False

    @property
    def free(self) -> bool:
        """A budget programme: no money at all (not a price still to come)."""
        return self.price_total is None and not self.price_pending


@dataclass(frozen=True, slots=True)
class JournalChild:
    full_name: str
    codes: tuple[int | None, ...]  # one per lesson of JournalDoc.lessons (None: no mark)
    inactive: tuple[bool, ...]  # True where the child was not a member on that lesson's day


@dataclass(frozen=True, slots=True)
class JournalDoc:
    """A group's attendance journal for one month."""

    provider: ProviderInfo
    study: StudyInfo
    year: int
    month: int
    lessons: tuple[date, ...]  # the month's lessons (cancelled ones left out), in order
    children: tuple[JournalChild, ...]  # sorted by name
    printed_on: date


# --- the month's money (issue 12) -----------------------------------------------------------------
# The figures come from the month's computation (``domain.payment``): these documents only carry
# them to paper. The forms refuse a document whose totals are not the sums of its lines.


@dataclass(frozen=True, slots=True)
class PayerInfo:
    """Who pays for the certificates: the municipality's body (its name as the registry writes it)."""

    name: str
    inn: str = ""
    address: str = ""


@dataclass(frozen=True, slots=True)
class InvoiceLine:
    """One line of the invoice's annex: a contract's certificate payment for the month."""

    contract_number: str  # «Д-000123», printed as written
    contract_date: date | None
    certificate_number: str  # «5201003001», as text
    completeness: Decimal  # объём оказания услуги, % (k, to 0.01)
    amount: Decimal  # к оплате, руб.


@dataclass(frozen=True, slots=True)
class InvoiceCorrection:
    """A correction of a closed month (корректировка), flowing into this invoice: ± a sum."""

    contract_number: str
    contract_date: date | None
    certificate_number: str
    year: int  # the month corrected
    month: int
    amount: Decimal  # + to pay more, − to pay less


@dataclass(frozen=True, slots=True)
class InvoiceDoc:
    """Счёт за месяц M and its annex (приложение к счёту).

    ``total`` = Σ ``lines`` + Σ ``corrections``; ``due`` («подлежит оплате») = ``total`` − ``advance``
    (negative: the advance exceeded the services, the form says «подлежит возврату»).
    """

    provider: ProviderInfo
    payer: PayerInfo
    year: int
    month: int
    number: str  # the invoice's number
    invoice_date: date
    lines: tuple[InvoiceLine, ...]
    total: Decimal
    advance: Decimal
    due: Decimal
    corrections: tuple[InvoiceCorrection, ...] = ()
    chief_accountant: str = ""  # «Фамилия Имя Отчество»; "" — a line to fill by hand
    # Why this paper is only a draft («ПРОЕКТ»): it cannot be issued on its date (the month is not
    # over); "" — a document that may be sent (or the portal's own).
    draft_note: str = ""


@dataclass(frozen=True, slots=True)
class AdvanceContractLine:
    """A contract in force on the 1st of the month and its certificate monthly amount."""

    contract_number: str
    contract_date: date | None
    certificate_number: str
    monthly_amount: Decimal


@dataclass(frozen=True, slots=True)
class AdvanceGroupLine:
    """A group's contracts in force on the 1st of the month, summed."""

    program_name: str
    group_name: str
    contracts: int
    monthly_amount: Decimal


@dataclass(frozen=True, slots=True)
class AdvanceDoc:
    """Заявка на аванс за месяц M: ``base`` = Σ the lines' monthly amounts, ``amount`` = the advance
    (``base`` × ``percent`` / 100 as ``domain.payment`` rounds it). The lines are all per contract
    or all per group."""

    provider: ProviderInfo
    payer: PayerInfo
    year: int
    month: int
    request_date: date
    lines: tuple[AdvanceContractLine, ...] | tuple[AdvanceGroupLine, ...]
    base: Decimal
    percent: Decimal  # a, ≤ 80
    amount: Decimal
    number: str = ""  # "" — a line to fill
    chief_accountant: str = ""
    draft_note: str = ""  # as InvoiceDoc's: why the paper is only a draft


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """A contract in the month's register."""

    contract_number: str
    contract_date: date | None
    child_name: str  # «Фамилия Имя Отчество»
    certificate_number: str
    program_name: str
    group_name: str
    start_date: date
    end_date: date
    certificate_monthly: Decimal  # the certificate's monthly amount
    parent_monthly: Decimal  # the parent's monthly amount (0 when none)


@dataclass(frozen=True, slots=True)
class ContractsRegisterDoc:
    """Реестр договоров за месяц M (the contracts in force in the month); the totals are the sums
    of the rows."""

    provider: ProviderInfo
    payer: PayerInfo
    year: int
    month: int
    rows: tuple[RegisterRow, ...]
    printed_on: date


# --- the indicators' report (issue 13) -------------------------------------------------------------

CHART_BARS = "bars"
CHART_STACKED = "stacked"
CHART_LINE = "line"
CHART_HBARS = "hbars"


@dataclass(frozen=True, slots=True)
class ChartSpec:
    """What one chart shows, drawn alike on the screen (Qt) and on paper (ReportLab): its kind
    (``CHART_*``), title, categories and series (name, a figure per category, None — no figure),
    the unit of its figures («₽», «%», «детей») and the top of its scale (None: from the data)."""

    kind: str
    title: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[Decimal | int | None, ...]], ...]
    unit: str = ""
    value_max: Decimal | int | None = None
    decimals: int = 0


@dataclass(frozen=True, slots=True)
class IndicatorsReportDoc:
    """Отчёт о показателях организации за месяц: the main table (indicator, the month's value and
    share, the year's), the charts, the head's signature."""

    provider: ProviderInfo
    year: int
    month: int
    as_of: date  # «по данным на»: the last sync's day (or the report's day before any)
    printed_on: date
    table: tuple[tuple[str, str, str, str, str], ...]
    charts: tuple[ChartSpec, ...]
