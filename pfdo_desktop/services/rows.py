"""Frozen rows returned by the services: plain values, safe to hand to any thread."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from pfdo_desktop.domain.membership import member_on

if TYPE_CHECKING:  # the rows' field types only: the journal's start does not load the indicators' rules
    from pfdo_desktop.domain import indicators as ind
    from pfdo_desktop.domain.pricing import YearMonth
    from pfdo_desktop.domain.program_card import ProgramCard


@dataclass(frozen=True, slots=True)
class ProgramRow:
    id: int
    name: str
    direction: str


@dataclass(frozen=True, slots=True)
class GroupRow:
    id: int
    name: str
    program_id: int
    program_name: str
    direction: str
    module_name: str
    teacher: str
    date_from: date
    date_to: date
    capacity: int
    children: int
    schedule: str  # «Пн 15:00–15:45, Ср 15:00–15:45»
    # the same as (ISO weekday, from, to): the screens say the weekdays in the UI's language
    slots: tuple[tuple[int, str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class LessonColumn:
    lesson_date: date
    time_from: str
    theme: str
    off_schedule: bool = False  # left the schedule but kept: children have marks on it
    # Its state (issue 12, domain.lessons): «held», «cancelled_by_provider» (the column is shown
    # struck through, its cells take no marks; ``reason`` says why) — a moved lesson is shown on
    # its new date (``lesson_date``) with ``moved_from``, its own date, and ``reason``.
    state: str = "held"
    reason: str = ""
    moved_from: date | None = None

    @property
    def cancelled(self) -> bool:
        return self.state == "cancelled_by_provider"

    @property
    def own_date(self) -> date:
        """The lesson's own date (the one its state is set on): for a moved lesson, the date it
        was moved from."""
        return self.moved_from or self.lesson_date


@dataclass(frozen=True, slots=True)
class JournalChild:
    child_id: int
    full_name: str
    birth_date: date
    certificate_number: str
    member_from: date
    member_to: date | None

    def is_member_on(self, day: date) -> bool:
        return member_on(self.member_from, self.member_to, day)


@dataclass(frozen=True, slots=True)
class Journal:
    group: GroupRow
    date_from: date
    date_to: date
    lessons: tuple[LessonColumn, ...]
    children: tuple[JournalChild, ...]
    # (child_id, lesson_date) → code
    marks: dict[tuple[int, date], int] = field(default_factory=dict)
    # First days of the period's months the portal has billed: their cells are not changed any more.
    billed_months: frozenset[date] = frozenset()

    def is_billed(self, day: date) -> bool:
        return day.replace(day=1) in self.billed_months


@dataclass(frozen=True, slots=True)
class MarkChange:
    child_id: int
    code: int | None  # None clears the cell


@dataclass(frozen=True, slots=True)
class AuditRow:
    lesson_date: date
    child_id: int
    old_code: int | None
    new_code: int | None
    changed_at: datetime
    changed_by: str
    reason: str


@dataclass(frozen=True, slots=True)
class SyncIssueRow:
    id: int
    created_at: datetime
    code: str
    title: str  # what happened, for the «Требует внимания» list
    message: str  # the server's reason
    advice: str  # what to do


@dataclass(frozen=True, slots=True)
class Status:
    enrolled: bool
    portal_url: str | None
    provider_name: str | None
    providers: int
    programs: int
    groups: int
    lessons: int
    children: int
    marks: int
    pending_ops: int
    open_issues: int
    last_sync_at: datetime | None
    last_sync_status: str | None
    last_sync_error: str | None
    clock_offset_s: float | None = None  # the portal's clock − this PC's, at the last sync (None: none yet)

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            out[name] = value.isoformat() if isinstance(value, datetime) else value
        return out


@dataclass(frozen=True, slots=True)
class PortalCheck:
    """«Проверить соединение»: the portal that answered at ``url``, its protocol, the round trip."""

    url: str
    portal_name: str
    protocol: int
    milliseconds: int


# --- children, certificates, applications (issue 3) ---------------------------------------------


@dataclass(frozen=True, slots=True)
class ChildRow:
    """One line of the children list: a registry child, or a new-child request not yet answered.

    ``key`` is "c:<child id>" for a child the portal knows, "r:<request uid>" for a request.
    Namesakes are told apart by date of birth and certificate number, always shown beside the name.
    """

    key: str
    child_id: int | None
    request_uid: str | None
    full_name: str  # «Иванов Иван Иванович»
    birth_date: date
    snils: str  # formatted «XXX-XXX-XXX YY» or ""
    certificate_number: str
    certificate_status: str  # catalog.CERT_* or ""
    state: str  # "" for a registry child; a request: "pending" | "ambiguous" | "rejected"
    namesakes: int  # other children with the same ФИО (0 = none)
    pending_action: str = ""  # a request's op kind waiting for the portal (child.create / child.resolve)


@dataclass(frozen=True, slots=True)
class GuardianRow:
    id: int | None
    full_name: str
    relation: str  # applications.RELATIONS_RU key
    phone: str
    email: str


@dataclass(frozen=True, slots=True)
class PeriodRow:
    """The certificate period of a certificate's municipality (``domain.certificate_periods``), as
    the last sync brought it."""

    municipality: str
    date_from: date
    date_to: date
    nominal: Decimal
    unit: str  # catalog.NOMINAL_UNITS key
    quota: int
    status: str  # certificate_periods.PERIOD_OPEN | PERIOD_CLOSED


@dataclass(frozen=True, slots=True)
class CertificateRow:
    number: str
    status: str  # catalog.CERT_ACCOUNTING | catalog.CERT_PF
    nominal: Decimal
    balance: Decimal
    reserve: Decimal
    unit: str
    as_of: datetime | None  # the last successful sync: figures are «as of» then
    period: PeriodRow | None = None  # its municipality's period (None: the portal sent none)
    activation_pending: bool = False  # «Запросить ПФ» queued, not answered yet


@dataclass(frozen=True, slots=True)
class HistoryRow:
    at: datetime
    status: str
    note: str
    pending: bool = False  # a local command not yet answered by the portal


@dataclass(frozen=True, slots=True)
class ApplicationRow:
    uid: str
    number: str  # the portal's number, "" until the portal has it
    child_key: str  # ChildRow.key
    child_name: str
    child_birth_date: date
    certificate_number: str
    group_id: int
    group_name: str
    program_name: str
    start_date: date
    status: str  # applications.APP_*
    source: str  # "device" | "portal"
    pending_action: str  # the op kind sent and not yet answered, "" when in step with the portal
    reason_code: str
    reason_text: str
    order_number: str
    order_date: date | None
    end_date: date | None
    contract_number: str
    price_total: Decimal | None
    certificate_part: Decimal | None
    parent_part: Decimal | None
    created_at: datetime
    registry: str = ""  # the programme's registry (a budget one is free: «бесплатно» on screen)


@dataclass(frozen=True, slots=True)
class ChildCard:
    child: ChildRow
    middle_name: str
    last_name: str
    first_name: str
    doc_kind: str
    doc_number: str
    guardians: tuple[GuardianRow, ...]
    certificate: CertificateRow | None
    applications: tuple[ApplicationRow, ...]  # newest first; enrolments are applications too
    history: dict[str, tuple[HistoryRow, ...]]  # application uid → its history, oldest first
    memberships: tuple[tuple[str, date, date | None, str], ...]  # (group name, from, to, status)
    candidates: tuple[ChildRow, ...] = ()  # an «ambiguous» request: the portal's candidates
    message: str = ""  # a request's state in words
    pending_action: str = ""  # a request's op kind waiting for the portal ("" = none)


@dataclass(frozen=True, slots=True)
class NewChild:
    """What the operator types into «Новый ребёнок» (validated by services.children.request_child)."""

    last_name: str
    first_name: str
    middle_name: str
    birth_date: date | None
    snils: str
    doc_kind: str
    doc_number: str
    guardian_last_name: str
    guardian_first_name: str
    guardian_middle_name: str
    guardian_relation: str
    phone: str
    email: str
    certificate_number: str = ""


@dataclass(frozen=True, slots=True)
class Precheck:
    """The instant pre-check of an application: every refusal, and the contract cost when eligible."""

    refusals: tuple[Any, ...]  # domain.enrolment.Refusal
    cost: Any | None  # domain.pricing.ContractCost (certified programmes), else None
    registry: str
    free_places: int
    capacity: int
    # The certificate number the application carries (normalised; "" none), whether the rule
    # requires one here (domain.privacy, rule 3) and whether this PC could compare it with the
    # number of the child's certificate it knows (else the portal compares it).
    certificate_number: str = ""
    certificate_number_required: bool = False
    certificate_number_compared: bool = False


# --- programme cards (issue 4) ------------------------------------------------------------------


class ProgramListRow(NamedTuple):
    """One line of the programme catalogue (a named tuple: 2,000 of them are built per keystroke).

    ``key`` is "p:<program id>" for a programme the portal knows (its local draft, if any, is named
    by ``draft_state``), "d:<draft uid>" for a new programme not yet known to the portal.
    """

    key: str
    program_id: int | None
    name: str
    short_name: str
    direction: str  # catalog.DIRECTIONS key ("" for a draft without one)
    registry: str  # catalog.REGISTRIES key
    age_from_years: int
    age_to_years: int
    status: str  # program_card.ST_* (a new programme's draft: draft / moderation / returned)
    teachers: str  # «Петрова А. А., Сидоров Б. В.»
    modules: int
    groups: int
    draft_state: str  # "" (no local draft) | models.DRAFT_* state
    comment: str  # the moderator's comment of a returned card, or why the portal refused it


@dataclass(frozen=True, slots=True)
class Catalogue:
    rows: tuple[ProgramListRow, ...]
    counts: dict[str, int]  # direction → programmes matching every filter but the direction
    total: int  # programmes matching every filter but the direction (the «все» count)


@dataclass(frozen=True, slots=True)
class CardView:
    """A card opened in the editor: the local draft when there is one, else the portal's card."""

    key: str  # the key it was opened by, normalised ("p:<id>" or "d:<uid>")
    card: ProgramCard  # groups: the live ones, and those waiting to be sent in their saved form
    status: str  # program_card.ST_*
    revision: int  # the portal's revision (a draft: the revision it was started from)
    editable: bool
    why_not: str  # the reason when not editable (shown above the form)
    comment: str  # the moderator's comment (returned) or the portal's refusal
    conflict_card: ProgramCard | None  # the portal's card when it changed under the draft
    draft_uid: str | None
    pending: str  # «ожидает отправки: …» while a submit waits in the outbox, else ""
    pending_groups: tuple[str, ...] = ()  # programs.group_key of groups whose group.save waits


# --- the month's money (issue 12, «Оплата») --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MonthGroup:
    """A group's month on the «Оплата» screen."""

    group_id: int
    name: str
    program_name: str
    planned: int  # lessons planned in the month
    held: int
    cancelled: int  # cancelled by the provider
    k: Decimal | None  # completeness, % (None: nothing planned)
    contracts: int  # contracts paying this month
    certificate_sum: Decimal
    parent_sum: Decimal


@dataclass(frozen=True, slots=True)
class MonthBlocker:
    """A reason the month cannot be closed yet, and where to fix it (a group's lesson, or none)."""

    code: str
    text: str
    group_id: int | None = None
    lesson_date: date | None = None
    # the text's parts (domain.payment_closing.Blocker), for a screen in another language
    count: int = 1
    group_name: str = ""
    days: int = 0
    since: date | None = None


@dataclass(frozen=True, slots=True)
class MonthView:
    """The provider's month as this PC computes it (services.payment)."""

    month: tuple[int, int]  # (year, month)
    today: date
    groups: tuple[MonthGroup, ...]
    blockers: tuple[MonthBlocker, ...]
    payers: tuple[str, ...]
    contracts: int
    certificate_amount: Decimal  # Σ certificate monthly amounts (the advance's base)
    certificate_total: Decimal  # Σ certificate payments (the invoice's lines)
    parent_total: Decimal
    invoice_from: date  # the invoice may be issued from
    advance_from: date  # the advance may be requested from


# --- the provider's indicators (issue 13, services/indicators.py) ----------------------------------


@dataclass(frozen=True, slots=True)
class MoneyBar:
    """A month of the money chart (the documents as the portal last told this PC)."""

    month: YearMonth
    advance: Decimal
    invoiced: Decimal  # the standing invoice's «подлежит оплате» (0 when none)
    paid: Decimal  # of the invoice, what the payer paid


@dataclass(frozen=True, slots=True)
class ProviderIndicators:
    """The «Показатели» tab's figures: the month's and the year's indicators, and the charts'."""

    provider: str
    month: YearMonth
    on: date
    synced_at: datetime | None  # «по данным на»: the last good sync, None before the first
    month_figures: ind.Indicators
    year_figures: ind.Indicators
    money: tuple[MoneyBar, ...]  # January … the month
    enrolled: tuple[tuple[YearMonth, int], ...]  # January … the month: distinct children
    completeness: tuple[tuple[str, Decimal | None], ...]  # the month: group name → k

    def table(self) -> list[tuple[str, str, str, str, str]]:
        """The main table: indicator, the month's value and share, the year's value and share."""
        year = {row.key: row for row in self.year_figures.table_rows()}
        return [(row.title, row.value, row.share, year[row.key].value, year[row.key].share)
                for row in self.month_figures.table_rows() if row.key in year]
