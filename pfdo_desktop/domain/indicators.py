"""Indicators (issue 13; domain.md «Indicators»; docs/indicators.md): the figures a district or a
provider reports, computed once from plain rows, so the portal (a municipality's view) and the PC
(a provider's view) print the same numbers from the same data.

The caller chooses the scope by the rows it passes: a municipality passes the certificates of its
children, their enrolments at any provider, its providers' programmes and groups…; a provider
passes its own. Nothing here reads a database or knows Qt.

* **Head counts on a date** ``on``: certificates issued (ПФ / учёт, total nominal), used, children
  on exactly 1, 2, 3 and more programmes, coverage (охват), programmes / places / children by
  direction.
* **Flows over a period** ``period_from … period_to``: applications created in it by status, money
  by month, attendance and lessons cancelled by the provider per group and month.
* **Shares** (``share``): per cent with one decimal, rounded half up from the exact counts (integer
  arithmetic, never float); a zero base gives no share (``None``, printed «—»). ``format_share``
  prints one («12,5 %», or «12.5» plain), ``share_number`` gives it as a JSON/XLSX number.
* **Ages** (``in_age_band``): «5–18» and «5–17» are the same children — from the 5th birthday
  (inclusive) up to the day before the 18th birthday (inclusive), i.e. 5 to 17 full years
  (``ages.age_on``); a certificate is valid «до достижения 18 лет» (``validation.birth_date_error``).
* **In force** (``in_force_on``): an enrolment or contract that was enrolled (``payment.PAYING_STATUSES``:
  active, or ended after study) whose period contains the date, both ends included
  (``membership.member_on``). A confirmed offer not yet enrolled is not in force.

``compute_indicators`` assembles every section into one ``Indicators``; each section has its own
function too. Money is ``Decimal`` (``money``); months are ``(year, month)`` (``pricing.YearMonth``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from pfdo_desktop.domain.ages import MAX_AGE, MIN_AGE, age_on
from pfdo_desktop.domain.applications import APPLICATION_STATUSES_RU
from pfdo_desktop.domain.attendance import AttendanceCode, counts_in_totals, parse_code
from pfdo_desktop.domain.catalog import CERT_ACCOUNTING, CERT_PF, DIRECTIONS, NOMINAL_UNITS
from pfdo_desktop.domain.membership import member_on
from pfdo_desktop.domain.money import NARROW_NBSP, format_rub, to_money
from pfdo_desktop.domain.payment import PAYING_STATUSES, group_month, month_ru, month_text
from pfdo_desktop.domain.payment_month import Correction, GroupRow, MonthFigures
from pfdo_desktop.domain.pricing import YearMonth, months_between

ZERO = Decimal("0.00")
NO_SHARE = "—"
PUBLISHED = "published"  # the programme status counted (catalog.PROGRAM_STATUSES)
AGE_FROM = MIN_AGE  # 5: counted from the 5th birthday
AGE_BELOW = MAX_AGE  # 18: no longer counted from the 18th birthday
IN_FORCE_STATUSES = PAYING_STATUSES  # active, expelled, transferred, terminated: enrolled once

# --- shares ---------------------------------------------------------------------------------------


def share(part: int, base: int) -> Decimal | None:
    """``part`` as a per cent of ``base``, one decimal, rounded half up (12.25 → 12.3, 12.24… →
    12.2), computed exactly in integers; ``None`` when the base is 0. Above 100 is possible
    (more certificates than the population entered)."""
    if part < 0 or base < 0:
        raise ValueError(f"доля из отрицательных чисел: {part} из {base}")
    if base == 0:
        return None
    tenths, rest = divmod(part * 1000, base)
    if 2 * rest >= base:
        tenths += 1
    return Decimal(tenths).scaleb(-1)


def format_share(value: Decimal | None, *, plain: bool = False) -> str:
    """A share as people read it: «12,5 %» («—» with no share); ``plain``: «12.5» (empty with no
    share) — the same digits with a point and no sign, for a CSV cell or a JSON text."""
    if value is None:
        return "" if plain else NO_SHARE
    digits = f"{value:.1f}"
    return digits if plain else digits.replace(".", ",") + " %"


def share_number(value: Decimal | None) -> float | None:
    """A share as a JSON / XLSX number (12.5), ``None`` (null, an empty cell) with no share. One
    decimal, so the float's shortest form is exactly the printed digits."""
    return None if value is None else float(value)


def count_text(n: int) -> str:
    """«12 480»: a count with the Russian grouping (a narrow no-break space, as ``money.format_rub``)."""
    digits = str(abs(n))
    groups: list[str] = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return ("-" if n < 0 else "") + NARROW_NBSP.join(groups)


def _money_json(amount: Decimal) -> str:
    return f"{to_money(amount):.2f}"


# --- the rules of a head count ------------------------------------------------------------------


def academic_year_start(on: date) -> date:
    """The 1st of September of the academic year ``on`` is in: where «the year so far» of the
    indicators starts on both sides (a district reports by academic year)."""
    return date(on.year if on.month >= 9 else on.year - 1, 9, 1)


def in_age_band(birth_date: date, on: date) -> bool:
    """Is a child counted among «дети 5–18 лет» (and «5–17» for coverage) on ``on``? From the 5th
    birthday to the day before the 18th, both included: 5 ≤ full years < 18."""
    return AGE_FROM <= age_on(birth_date, on) < AGE_BELOW


# --- input rows -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CertificateRow:
    """A certificate of the registry: its holder (``child_id``: the same id the enrolments use, so
    a child is one child across providers), the holder's date of birth, ``status``
    (``catalog.CERT_PF`` / ``CERT_ACCOUNTING``, as it is now), the nominal for the period in its
    ``unit`` (``catalog.NOMINAL_UNITS``), and the day it was issued if known (None: before any
    date asked)."""

    number: str
    child_id: str
    birth_date: date
    status: str
    nominal: Decimal = ZERO
    unit: str = "rub"
    issued_on: date | None = None


@dataclass(frozen=True, slots=True)
class EnrolmentRow:
    """A child's enrolment or contract in a group of a programme (an application or a membership):
    ``date_from … date_to`` its period (``date_to`` the last day, None open), ``status``
    (``applications.APP_*``; a membership's «active» / «expelled» are the same words)."""

    child_id: str
    birth_date: date
    programme_id: str
    group_id: str
    date_from: date
    date_to: date | None
    status: str = "active"
    provider_id: str = ""


@dataclass(frozen=True, slots=True)
class ProgrammeRow:
    """A programme card: its direction (``catalog.DIRECTIONS`` key) and status
    (``catalog.PROGRAM_STATUSES`` key; only ``published`` cards are counted as programmes)."""

    programme_id: str
    direction: str
    status: str = PUBLISHED
    provider_id: str = ""


@dataclass(frozen=True, slots=True)
class GroupPlaces:
    """A group's places: its programme, its dates (both included) and capacity."""

    group_id: str
    programme_id: str
    date_from: date
    date_to: date
    capacity: int


@dataclass(frozen=True, slots=True)
class ApplicationRow:
    """An application: its status now (``applications.APP_*``) and the day it was made."""

    application_id: str
    status: str
    created_on: date


@dataclass(frozen=True, slots=True)
class MoneyLine:
    """A certificate's money for a contract's month (the monthly cycle's line): ``amount`` the
    certificate's monthly amount (the part of the nominal the contract takes that month),
    ``paid`` what the accepted invoice paid for it (None: not invoiced yet — the amount is still
    reserved on the certificate). A correction of a closed month is a line of that month with
    ``amount`` 0 and ``paid`` the correction (±). ``money_lines`` / ``correction_lines`` build them."""

    month: YearMonth
    amount: Decimal
    paid: Decimal | None = None
    contract_id: str = ""
    certificate_number: str = ""


@dataclass(frozen=True, slots=True)
class AdvanceLine:
    """An advance requested for a month (``payment_month.AdvanceRequest.amount``)."""

    month: YearMonth
    amount: Decimal


@dataclass(frozen=True, slots=True)
class MarkRow:
    """A journal mark: a child at a group's lesson on a date, its code (``attendance.AttendanceCode``)."""

    group_id: str
    child_id: str
    lesson_date: date
    code: int


def in_force_on(row: EnrolmentRow, on: date) -> bool:
    """Is an enrolment (contract) in force on ``on``? Enrolled (``IN_FORCE_STATUSES``) and ``on``
    inside its period, both ends included. An expired or ended one is not; a confirmed offer not
    yet enrolled is not."""
    return row.status in IN_FORCE_STATUSES and member_on(row.date_from, row.date_to, on)


# --- certificates ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CertificateFigures:
    """Certificates on a date. ``issued``: certificates issued by then whose holder is 5–18
    (``in_age_band``), a share of ``population``; ``pf`` / ``accounting``: of them ПФ / учёт,
    shares of issued; ``nominal_rub`` / ``nominal_hours``: their total nominal by unit; ``used``:
    distinct holders with at least one enrolment in force, a share of issued; ``on_1`` / ``on_2`` /
    ``on_3_plus``: of the used, the holders on exactly 1, exactly 2, 3 or more distinct programmes
    (across every provider given: each child once), shares of issued. on_1 + on_2 + on_3_plus =
    used."""

    population: int | None
    issued: int
    issued_share: Decimal | None
    pf: int
    pf_share: Decimal | None
    accounting: int
    accounting_share: Decimal | None
    nominal_rub: Decimal
    nominal_hours: Decimal
    used: int
    used_share: Decimal | None
    on_1: int
    on_1_share: Decimal | None
    on_2: int
    on_2_share: Decimal | None
    on_3_plus: int
    on_3_plus_share: Decimal | None


def _population(population: int | None) -> int | None:
    if population is not None and population < 0:
        raise ValueError(f"численность детей не может быть отрицательной: {population}")
    return population


def programmes_by_child(enrolments: Iterable[EnrolmentRow], on: date) -> dict[str, set[str]]:
    """Child → the distinct programmes the child studies on ``on`` (enrolments in force), across
    every provider given."""
    result: dict[str, set[str]] = {}
    for row in enrolments:
        if in_force_on(row, on):
            result.setdefault(row.child_id, set()).add(row.programme_id)
    return result


def certificate_figures(certificates: Iterable[CertificateRow], enrolments: Iterable[EnrolmentRow],
                        on: date, population: int | None = None) -> CertificateFigures:
    """The certificates' figures on ``on`` (``CertificateFigures``); ``population``: the children
    5–18 of the territory entered for the year (None for a provider: no share of it)."""
    population = _population(population)
    numbers: set[str] = set()
    holders: set[str] = set()
    pf = accounting = 0
    nominal = {unit: Decimal(0) for unit in NOMINAL_UNITS}
    for cert in certificates:
        if cert.status not in (CERT_PF, CERT_ACCOUNTING):
            raise ValueError(f"сертификат № {cert.number}: неизвестный статус {cert.status!r} "
                             f"(ожидается {CERT_PF} или {CERT_ACCOUNTING})")
        if cert.unit not in nominal:
            raise ValueError(f"сертификат № {cert.number}: неизвестная единица номинала {cert.unit!r}")
        if isinstance(cert.nominal, float):
            raise TypeError("номинал передаётся как Decimal, не float")
        counted = (cert.issued_on is None or cert.issued_on <= on) and in_age_band(cert.birth_date, on)
        if not counted or cert.number in numbers:
            continue
        numbers.add(cert.number)
        holders.add(cert.child_id)
        if cert.status == CERT_PF:
            pf += 1
        else:
            accounting += 1
        nominal[cert.unit] += Decimal(cert.nominal)
    studying = programmes_by_child(enrolments, on)
    counts = [len(studying[child]) for child in holders if child in studying]
    issued = len(numbers)
    on_1 = sum(1 for n in counts if n == 1)
    on_2 = sum(1 for n in counts if n == 2)
    on_3 = sum(1 for n in counts if n >= 3)
    return CertificateFigures(
        population=population,
        issued=issued,
        issued_share=share(issued, population) if population is not None else None,
        pf=pf,
        pf_share=share(pf, issued),
        accounting=accounting,
        accounting_share=share(accounting, issued),
        nominal_rub=to_money(nominal["rub"]),
        nominal_hours=nominal["hours"],
        used=len(counts),
        used_share=share(len(counts), issued),
        on_1=on_1,
        on_1_share=share(on_1, issued),
        on_2=on_2,
        on_2_share=share(on_2, issued),
        on_3_plus=on_3,
        on_3_plus_share=share(on_3, issued),
    )


# --- coverage -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Coverage:
    """Охват on a date: ``children`` — distinct children 5–17 (``in_age_band``) with at least one
    enrolment in force, whatever its programme or certificate; ``percent`` — of ``population``."""

    children: int
    population: int | None
    percent: Decimal | None


def coverage(enrolments: Iterable[EnrolmentRow], on: date, population: int | None = None) -> Coverage:
    """Coverage on ``on``: distinct children 5–17 with an enrolment in force / population × 100."""
    population = _population(population)
    children = {row.child_id for row in enrolments
                if in_force_on(row, on) and in_age_band(row.birth_date, on)}
    percent = share(len(children), population) if population is not None else None
    return Coverage(len(children), population, percent)


# --- programmes, places and children by direction ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class DirectionFigures:
    """One of the six directions on a date: published ``programmes`` (and their share of all
    published ones), ``places`` in its groups running that day, ``occupied`` by enrolments in
    force (``occupancy`` = occupied / places), distinct ``children`` studying in it."""

    direction: str
    title: str
    programmes: int
    programmes_share: Decimal | None
    groups: int
    places: int
    occupied: int
    occupancy: Decimal | None
    children: int


@dataclass(frozen=True, slots=True)
class PlacesFigures:
    """All directions together: ``children`` counts each child once even when in two directions."""

    programmes: int
    groups: int
    places: int
    occupied: int
    occupancy: Decimal | None
    children: int


def direction_figures(programmes: Iterable[ProgrammeRow], groups: Iterable[GroupPlaces],
                      enrolments: Iterable[EnrolmentRow],
                      on: date) -> tuple[tuple[DirectionFigures, ...], PlacesFigures]:
    """Programmes, places, occupancy and children by direction on ``on``, in ``catalog.DIRECTIONS``
    order (all six, zeros included), and their totals. A group runs on ``on`` when its dates
    contain it; occupied = enrolments in force in it. Enrolments of programmes not given (outside
    the scope) are left out; a group of a programme not given is a ``ValueError``."""
    direction_of: dict[str, str] = {}
    published = dict.fromkeys(DIRECTIONS, 0)
    for prog in programmes:
        if prog.direction not in DIRECTIONS:
            raise ValueError(f"программа {prog.programme_id}: неизвестная направленность {prog.direction!r}")
        direction_of[prog.programme_id] = prog.direction
        if prog.status == PUBLISHED:
            published[prog.direction] += 1
    occupied_in: dict[str, int] = {}
    children_in: dict[str, set[str]] = {d: set() for d in DIRECTIONS}
    for row in enrolments:
        # A municipality's child studying at a provider of another territory: in its certificates'
        # and coverage figures, not in the directions of this scope's programmes.
        if not in_force_on(row, on) or row.programme_id not in direction_of:
            continue
        occupied_in[row.group_id] = occupied_in.get(row.group_id, 0) + 1
        children_in[direction_of[row.programme_id]].add(row.child_id)
    group_count = dict.fromkeys(DIRECTIONS, 0)
    places = dict.fromkeys(DIRECTIONS, 0)
    occupied = dict.fromkeys(DIRECTIONS, 0)
    for group in groups:
        if group.programme_id not in direction_of:
            raise ValueError(f"группа {group.group_id}: нет данных о программе {group.programme_id!r}")
        if group.capacity < 0:
            raise ValueError(f"группа {group.group_id}: число мест не может быть отрицательным")
        if not group.date_from <= on <= group.date_to:
            continue
        direction = direction_of[group.programme_id]
        group_count[direction] += 1
        places[direction] += group.capacity
        occupied[direction] += occupied_in.get(group.group_id, 0)
    total_programmes = sum(published.values())
    rows = tuple(
        DirectionFigures(
            direction=d,
            title=title,
            programmes=published[d],
            programmes_share=share(published[d], total_programmes),
            groups=group_count[d],
            places=places[d],
            occupied=occupied[d],
            occupancy=share(occupied[d], places[d]),
            children=len(children_in[d]),
        )
        for d, title in DIRECTIONS.items()
    )
    all_children = set[str]().union(*children_in.values())
    total_places, total_occupied = sum(places.values()), sum(occupied.values())
    totals = PlacesFigures(total_programmes, sum(group_count.values()), total_places, total_occupied,
                           share(total_occupied, total_places), len(all_children))
    return rows, totals


# --- applications -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StatusCount:
    """Applications made in the period that are now in ``status``; ``share`` of all of them."""

    status: str
    title: str
    count: int
    share: Decimal | None


def applications_by_status(applications: Iterable[ApplicationRow], period_from: date,
                           period_to: date) -> tuple[StatusCount, ...]:
    """Applications made in ``period_from … period_to`` (both included) by their status now, in
    ``applications.APPLICATION_STATUSES_RU`` order, zeros included."""
    _check_period(period_from, period_to)
    counts = dict.fromkeys(APPLICATION_STATUSES_RU, 0)
    for app in applications:
        if app.status not in counts:
            raise ValueError(f"заявка {app.application_id}: неизвестный статус {app.status!r}")
        if period_from <= app.created_on <= period_to:
            counts[app.status] += 1
    total = sum(counts.values())
    return tuple(StatusCount(s, APPLICATION_STATUSES_RU[s], n, share(n, total)) for s, n in counts.items())


def _check_period(period_from: date, period_to: date) -> None:
    if period_to < period_from:
        raise ValueError(f"период задан неверно: {period_from:%d.%m.%Y} позже {period_to:%d.%m.%Y}")


# --- money by month ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MonthMoney:
    """A month's certificate money, each figure the sum of the month's lines: ``nominal`` — Σ
    monthly amounts (what the contracts take of the certificates' nominal that month);
    ``reserved`` — of it, not invoiced yet; ``paid`` — paid by accepted invoices (corrections
    included); ``returned`` — returned to the certificates (amount − paid of invoiced lines);
    nominal = reserved + paid + returned. ``advance``: Σ advances requested for the month."""

    month: YearMonth
    nominal: Decimal
    reserved: Decimal
    paid: Decimal
    returned: Decimal
    advance: Decimal
    lines: int


def money_by_month(lines: Iterable[MoneyLine], period_from: date, period_to: date,
                   advances: Iterable[AdvanceLine] = ()) -> tuple[MonthMoney, ...]:
    """Every month the period touches (zeros for a month without lines), in order; lines of other
    months are left out."""
    _check_period(period_from, period_to)
    months = months_between(period_from, period_to)
    by_month: dict[YearMonth, list[MoneyLine]] = {m: [] for m in months}
    for line in lines:
        if line.month in by_month:
            by_month[line.month].append(line)
    advance = dict.fromkeys(months, ZERO)
    for adv in advances:
        if adv.month in advance:
            advance[adv.month] += to_money(adv.amount)
    result: list[MonthMoney] = []
    for month in months:
        mine = by_month[month]
        invoiced = [line for line in mine if line.paid is not None]
        paid = _sum(to_money(line.paid) for line in invoiced if line.paid is not None)
        result.append(MonthMoney(
            month=month,
            nominal=_sum(to_money(line.amount) for line in mine),
            reserved=_sum(to_money(line.amount) for line in mine if line.paid is None),
            paid=paid,
            returned=_sum(to_money(line.amount) for line in invoiced) - paid,
            advance=advance[month],
            lines=len(mine),
        ))
    return tuple(result)


def _sum(amounts: Iterable[Decimal]) -> Decimal:
    return sum(amounts, ZERO)


def money_lines(figures: MonthFigures, *, invoiced: bool) -> list[MoneyLine]:
    """The lines of a provider's month (``payment_month.compute_month``): one per contract with a
    certificate amount; ``invoiced`` — the month's invoice was accepted (its payments are paid),
    else the amounts are still reserved."""
    return [
        MoneyLine(figures.month, c.certificate_amount, c.certificate_payment if invoiced else None,
                  c.contract_id, c.certificate_number)
        for c in figures.contracts if c.certificate_amount > 0
    ]


def correction_lines(corrections: Iterable[Correction]) -> list[MoneyLine]:
    """Corrections carried by accepted invoices, as lines of the months they correct."""
    return [MoneyLine(c.month, ZERO, to_money(c.amount), c.contract_id, c.certificate_number)
            for c in corrections]


# --- attendance -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GroupAttendance:
    """A group's month: lessons planned / held / cancelled by the provider (``payment.group_month``,
    with its completeness ``k``), the journal's ``marks`` at lessons up to the date (codes 1–4) and
    of them ``present`` («был»); ``present_share`` = present / marks (unmarked cells are not in the
    base)."""

    group_id: str
    name: str
    month: YearMonth
    planned_lessons: int
    held_lessons: int
    cancelled_lessons: int
    cancelled_hours: Decimal
    k: Decimal | None
    marks: int
    present: int
    present_share: Decimal | None


def attendance_by_group(groups: Iterable[GroupRow], marks: Iterable[MarkRow], period_from: date,
                        period_to: date, on: date) -> tuple[GroupAttendance, ...]:
    """Per group (by name) and month of the period: lessons and marks. Marks at lessons after
    ``on`` do not count yet (``attendance.counts_in_totals``); a group's month with no planned
    lesson and no mark is left out; a mark of a group not given is a ``ValueError``."""
    _check_period(period_from, period_to)
    months = months_between(period_from, period_to)
    by_id = {g.group_id: g for g in groups}
    tally: dict[tuple[str, YearMonth], list[int]] = {}
    for mark in marks:
        if mark.group_id not in by_id:
            raise ValueError(f"отметка в группе {mark.group_id!r}: нет данных о группе")
        code = parse_code(mark.code)
        month = (mark.lesson_date.year, mark.lesson_date.month)
        if month not in months or not counts_in_totals(mark.lesson_date, on, marked=True):
            continue
        counts = tally.setdefault((mark.group_id, month), [0, 0])
        counts[0] += 1
        counts[1] += int(code is AttendanceCode.PRESENT)
    result: list[GroupAttendance] = []
    for group in sorted(by_id.values(), key=lambda g: (g.name, g.group_id)):
        for month in months:
            lessons = group_month(group.lessons, month, group.date_from, group.date_to)
            n_marks, present = tally.get((group.group_id, month), [0, 0])
            if lessons.planned_lessons == 0 and n_marks == 0:
                continue
            result.append(GroupAttendance(
                group.group_id, group.name, month, lessons.planned_lessons, lessons.held_lessons,
                lessons.cancelled_lessons, lessons.cancelled_hours, lessons.k, n_marks, present,
                share(present, n_marks)))
    return tuple(result)


# --- everything together ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    """A line of the printed table: its JSON key, what it is (Russian), the value and the share, as
    text («—» with no share)."""

    key: str
    title: str
    value: str
    share: str


@dataclass(frozen=True, slots=True)
class IndicatorValue:
    """A line of the main table as values: ``value`` a count (``unit`` ""), roubles («₽») or hours
    («ч»), None when not known (a provider's population); ``share`` per cent with one decimal, None
    with no base; ``shared``: the line has a share column at all."""

    key: str
    title: str
    value: int | Decimal | None
    share: Decimal | None
    unit: str = ""
    shared: bool = True

    @property
    def text(self) -> str:
        if self.value is None:
            return NO_SHARE
        if self.unit == "₽":
            return format_rub(Decimal(self.value))
        if self.unit == "ч":
            return f"{self.value}".replace(".", ",")
        return count_text(int(self.value))

    @property
    def share_text(self) -> str:
        if not self.shared:
            return ""
        return NO_SHARE if self.share is None else format_share(self.share)


MONEY_HEADERS_RU = ("Месяц", "Номинал на месяц, ₽", "Зарезервировано, ₽", "Оплачено, ₽",
                    "Возвращено на сертификаты, ₽", "Аванс, ₽")
ATTENDANCE_HEADERS_RU = ("Группа", "Месяц", "Занятий по плану", "Проведено",
                         "Не проведено по вине исполнителя", "Объём услуги, %", "Отметок", "«Был»",
                         "Доля «был»")


@dataclass(frozen=True, slots=True)
class Indicators:
    """Every indicator of a scope (a municipality or a provider, named ``scope``) on ``on`` and for
    ``period_from … period_to``. ``population``: children 5–18 entered for the territory and year
    (None for a provider). Render it with ``table_rows`` / ``money_rows`` / ``attendance_rows``
    (text) or ``to_json`` (numbers as numbers, money as decimal strings, shares as numbers with one
    decimal or null)."""

    scope: str
    on: date
    period_from: date
    period_to: date
    population: int | None
    certificates: CertificateFigures
    coverage: Coverage
    directions: tuple[DirectionFigures, ...]
    places: PlacesFigures
    applications: tuple[StatusCount, ...]
    money: tuple[MonthMoney, ...]
    attendance: tuple[GroupAttendance, ...]

    @property
    def lessons_cancelled(self) -> int:
        """Lessons cancelled by the provider in the period, over every group."""
        return sum(a.cancelled_lessons for a in self.attendance)

    def table_values(self) -> list[IndicatorValue]:
        """The main table as values (numbers for a spreadsheet): children, certificates, coverage,
        directions, places, applications."""
        c = self.certificates
        rows = [
            IndicatorValue("children_5_18", "Детей 5–18 лет в территории", self.population, None,
                           shared=False),
            IndicatorValue("certificates.issued", "Выдано сертификатов (доля от детей 5–18 лет)", c.issued,
                           c.issued_share),
            IndicatorValue("certificates.pf", "из них ПФ", c.pf, c.pf_share),
            IndicatorValue("certificates.accounting", "из них учёта", c.accounting, c.accounting_share),
            IndicatorValue("certificates.nominal_rub", "Номинал сертификатов", c.nominal_rub, None, unit="₽",
                           shared=False),
        ]
        if c.nominal_hours:
            rows.append(IndicatorValue("certificates.nominal_hours", "Номинал сертификатов, ч",
                                       c.nominal_hours, None, unit="ч", shared=False))
        rows += [
            IndicatorValue("certificates.used", "Используются (доля от выданных)", c.used, c.used_share),
            IndicatorValue("certificates.on_1", "Обучаются на 1 программе", c.on_1, c.on_1_share),
            IndicatorValue("certificates.on_2", "Обучаются на 2 программах", c.on_2, c.on_2_share),
            IndicatorValue("certificates.on_3_plus", "Обучаются на 3 и более программах", c.on_3_plus,
                           c.on_3_plus_share),
            IndicatorValue("coverage", "Охват детей 5–17 лет (доля от детей 5–18 лет)",
                           self.coverage.children, self.coverage.percent),
        ]
        rows += [IndicatorValue(f"directions.{d.direction}.programmes", f"Программ: {d.title}", d.programmes,
                                d.programmes_share) for d in self.directions]
        rows += [IndicatorValue(f"directions.{d.direction}.children", f"Детей: {d.title}", d.children, None,
                                shared=False) for d in self.directions]
        p = self.places
        rows += [
            IndicatorValue("places.places", "Мест в группах", p.places, None, shared=False),
            IndicatorValue("places.occupied", "Занято мест (наполняемость)", p.occupied, p.occupancy),
        ]
        rows += [IndicatorValue(f"applications.{a.status}", f"Заявок: {a.title}", a.count, a.share)
                 for a in self.applications]
        return rows

    def table_rows(self) -> list[IndicatorRow]:
        """The main table as printed text (``table_values`` formatted)."""
        return [IndicatorRow(v.key, v.title, v.text, v.share_text) for v in self.table_values()]

    def money_rows(self) -> list[tuple[str, ...]]:
        """The money table (``MONEY_HEADERS_RU``), a row per month and «Итого»."""
        rows = [(month_ru(m.month), *(format_rub(v) for v in _money_values(m))) for m in self.money]
        totals = [_sum(_money_values(m)[i] for m in self.money) for i in range(5)]
        rows.append(("Итого", *(format_rub(v) for v in totals)))
        return rows

    def attendance_rows(self) -> list[tuple[str, ...]]:
        """The attendance table (``ATTENDANCE_HEADERS_RU``), a row per group and month."""
        return [
            (a.name or a.group_id, month_ru(a.month),
             str(a.planned_lessons), str(a.held_lessons), str(a.cancelled_lessons),
             "—" if a.k is None else f"{a.k:.2f}".replace(".", ","), str(a.marks), str(a.present),
             format_share(a.present_share))
            for a in self.attendance
        ]

    def to_json(self) -> dict[str, object]:
        """The indicators as JSON-ready values (docs/indicators.md «JSON»)."""
        c = self.certificates
        return {
            "scope": self.scope,
            "on": self.on.isoformat(),
            "period_from": self.period_from.isoformat(),
            "period_to": self.period_to.isoformat(),
            "children_5_18": self.population,
            "certificates": {
                "issued": c.issued, "issued_share": share_number(c.issued_share),
                "pf": c.pf, "pf_share": share_number(c.pf_share),
                "accounting": c.accounting, "accounting_share": share_number(c.accounting_share),
                "nominal_rub": _money_json(c.nominal_rub), "nominal_hours": str(c.nominal_hours),
                "used": c.used, "used_share": share_number(c.used_share),
                "on_1": c.on_1, "on_1_share": share_number(c.on_1_share),
                "on_2": c.on_2, "on_2_share": share_number(c.on_2_share),
                "on_3_plus": c.on_3_plus, "on_3_plus_share": share_number(c.on_3_plus_share),
            },
            "coverage": {"children": self.coverage.children, "percent": share_number(self.coverage.percent)},
            "directions": [
                {"direction": d.direction, "title": d.title, "programmes": d.programmes,
                 "programmes_share": share_number(d.programmes_share), "groups": d.groups,
                 "places": d.places, "occupied": d.occupied, "occupancy": share_number(d.occupancy),
                 "children": d.children}
                for d in self.directions
            ],
            "places": {"programmes": self.places.programmes, "groups": self.places.groups,
                       "places": self.places.places, "occupied": self.places.occupied,
                       "occupancy": share_number(self.places.occupancy), "children": self.places.children},
            "applications": [{"status": a.status, "title": a.title, "count": a.count,
                              "share": share_number(a.share)} for a in self.applications],
            "money": [
                {"month": month_text(m.month), "nominal": _money_json(m.nominal),
                 "reserved": _money_json(m.reserved), "paid": _money_json(m.paid),
                 "returned": _money_json(m.returned), "advance": _money_json(m.advance), "lines": m.lines}
                for m in self.money
            ],
            "attendance": [
                {"group_id": a.group_id, "name": a.name, "month": month_text(a.month),
                 "planned_lessons": a.planned_lessons, "held_lessons": a.held_lessons,
                 "cancelled_lessons": a.cancelled_lessons, "cancelled_hours": str(a.cancelled_hours),
                 "k": None if a.k is None else f"{a.k:.2f}", "marks": a.marks, "present": a.present,
                 "present_share": share_number(a.present_share)}
                for a in self.attendance
            ],
            "lessons_cancelled": self.lessons_cancelled,
        }


def _money_values(m: MonthMoney) -> tuple[Decimal, Decimal, Decimal, Decimal, Decimal]:
    return m.nominal, m.reserved, m.paid, m.returned, m.advance


def compute_indicators(
    on: date,
    period_from: date,
    period_to: date,
    *,
    scope: str = "",
    population: int | None = None,
    certificates: Iterable[CertificateRow] = (),
    enrolments: Iterable[EnrolmentRow] = (),
    programmes: Iterable[ProgrammeRow] = (),
    groups: Iterable[GroupPlaces] = (),
    applications: Iterable[ApplicationRow] = (),
    money: Iterable[MoneyLine] = (),
    advances: Iterable[AdvanceLine] = (),
    lessons: Iterable[GroupRow] = (),
    marks: Iterable[MarkRow] = (),
) -> Indicators:
    """Every indicator of a scope from its plain rows (see the section functions for each rule).
    ``lessons``: the groups with their lessons (``payment_month.GroupRow``) for attendance."""
    _check_period(period_from, period_to)
    enrolment_rows = tuple(enrolments)
    directions, places = direction_figures(programmes, groups, enrolment_rows, on)
    return Indicators(
        scope=scope,
        on=on,
        period_from=period_from,
        period_to=period_to,
        population=_population(population),
        certificates=certificate_figures(certificates, enrolment_rows, on, population),
        coverage=coverage(enrolment_rows, on, population),
        directions=directions,
        places=places,
        applications=applications_by_status(applications, period_from, period_to),
        money=money_by_month(money, period_from, period_to, advances),
        attendance=attendance_by_group(lessons, marks, period_from, period_to, on),
    )

