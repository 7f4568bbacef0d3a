"""Indicators on the portal (issue 13; docs/indicators.md «Portal»): a municipality's, the whole
region's or one provider's figures from the portal's tables, by the rules of
``pfdo_desktop.domain.indicators``.

**Whose rows** (the domain takes the scope from the rows it is given):

* **certificates** — a municipality's: the numbers with its digits («<region><municipality>…»,
  ``population.code``); the region's: the numbers with the region's digits; a provider's: every
  certificate of its children (a membership or an application at it). The registry keeps no issue
  date, so every certificate counts as issued before the date asked.
* **the territory's children** — holders of the territory's certificates, and children with no
  certificate of the region who study at the territory's providers (a child without a certificate
  has no other address on the portal); **their enrolments at any provider** feed the certificates
  (used, on 1/2/3+ programmes) and coverage. A provider: its own enrolments.
* **enrolments** are the memberships (the facts of studying: every enrolled application made one,
  and a membership entered on the portal without an application counts too); the applications are
  counted by status, not again as enrolments.
* **programmes, groups, places** — the territory's providers' (``providers.municipality``) cards and
  groups, with every enrolment in those groups whoever the child is (a child of the next district
  occupies a place here).
* **applications** — to the territory's providers, made in the period (the day of ``created_at``
  in UTC, as the portal stores it).
* **money** — the territory's providers' contracts (the provider's municipality pays them):
  a line per contract and month with the certificate's monthly amount
  (``payment.monthly_amount`` over ``payment_rows.contract_period``, i.e. ``money.contract_rows``
  without the lessons: the amount does not depend on them); a month whose invoice was accepted or
  paid takes each contract's payment from the invoice's own lines (what was billed), plus the
  corrections of that month carried by later accepted invoices; any other month is still reserved.
  Advances: the advance requests that stand (sent, accepted, paid).
* **attendance** — the territory's providers' groups: lessons by ``payment_rows.group_lessons``
  (as ``money.group_rows``), the journal's marks.

**Two paths, one set of rules.** ``domain_indicators`` loads the plain rows above and calls the
domain's section functions — the reference, used by the tests. ``sql_indicators`` — what the
command and the endpoint run — gets the heavy counts from set-based SQL (GROUP BY, COUNT DISTINCT:
certificates, used, 1/2/3+, coverage, directions, applications, money, marks) and assembles the
domain's figures with the domain's ``share``; the ages, «in force», the statuses, the split of a
contract into months, the lessons and the completeness are the domain's own functions or constants
(the age band becomes two birth dates found with ``in_age_band`` itself). A test requires both
paths to give the same JSON on the demo district.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Connection,
    Date,
    Float,
    Integer,
    Numeric,
    Select,
    and_,
    cast,
    distinct,
    exists,
    func,
    literal,
    or_,
    select,
    type_coerce,
    union,
)
from sqlalchemy.sql.elements import ColumnElement

from pfdo_desktop.domain import indicators as ind
from pfdo_desktop.domain import payment as pay
from pfdo_desktop.domain import payment_rows as rows_rule
from pfdo_desktop.domain.applications import APPLICATION_STATUSES_RU
from pfdo_desktop.domain.attendance import AttendanceCode
from pfdo_desktop.domain.catalog import CERT_ACCOUNTING, CERT_PF, DIRECTIONS, NOMINAL_UNITS
from pfdo_desktop.domain.money import to_money
from pfdo_desktop.domain.payment_month import GroupRow
from pfdo_desktop.domain.pricing import YearMonth, months_between

from . import db, money
from .region import MUNICIPALITY_CODE, REGION_CODE

SCOPE_REGION = "region"
SCOPE_MUNICIPALITY = "municipality"
SCOPE_PROVIDER = "provider"
REGION_TITLE = "Регион"
ZERO = ind.ZERO
INVOICED = (money.ST_ACCEPTED, money.ST_PAID)  # an invoice whose month is billed
IN_FORCE = sorted(ind.IN_FORCE_STATUSES)


class IndicatorsError(ValueError):
    """A request the indicators cannot answer (a Russian message)."""


@dataclass(frozen=True, slots=True)
class Scope:
    """Whose figures: the region, a municipality (its providers' ``municipality`` name and the
    certificate prefix «<region><municipality>»), or one provider."""

    kind: str
    title: str
    municipality: str = ""
    prefix: str = REGION_CODE
    provider_id: int | None = None


# --- population -----------------------------------------------------------------------------------


def set_population(conn: Connection, municipality: str, year: int, children: int,
                   code: str | None = None) -> str:
    """Enter (or replace) a municipality's children 5–18 for a year; returns its code. ``code``: its
    two digits in the certificates' numbers; by default the one entered before for it, else the
    portal's own (``region.MUNICIPALITY_CODE``) when no other municipality has it."""
    name = municipality.strip()
    if not name:
        raise IndicatorsError("укажите муниципалитет (--municipality)")
    if not 2000 <= year <= 2099:
        raise IndicatorsError(f"год должен быть от 2000 до 2099, а не {year}")
    if children < 0:
        raise IndicatorsError(f"численность детей не может быть отрицательной: {children}")
    pc = db.population.c
    known = conn.execute(select(pc.code).where(pc.municipality == name)).scalar()
    if code is not None:
        code = code.strip()
        if len(code) != 2 or not code.isdigit():
            raise IndicatorsError(f"код муниципалитета — две цифры номера сертификата, а не «{code}»")
    code = code or known or MUNICIPALITY_CODE
    other = conn.execute(select(pc.municipality).where(pc.code == code, pc.municipality != name)).scalar()
    if other is not None:
        raise IndicatorsError(f"код {code} уже у муниципалитета «{other}»: укажите код этого "
                              "муниципалитета в номерах сертификатов (--code)")
    conn.execute(db.population.delete().where(pc.municipality == name, pc.year == year))
    conn.execute(db.population.update().where(pc.municipality == name).values(code=code))
    conn.execute(db.population.insert().values(municipality=name, year=year, code=code, children=children,
                                               entered_at=datetime.now(UTC)))
    return code


def population_of(conn: Connection, scope: Scope, year: int) -> int | None:
    """Children 5–18 entered for the year: the municipality's, the region's sum of those entered
    (None when none was); a provider has none."""
    pc = db.population.c
    if scope.kind == SCOPE_PROVIDER:
        return None
    q = select(func.sum(pc.children), func.count()).where(pc.year == year)
    if scope.kind == SCOPE_MUNICIPALITY:
        q = q.where(pc.municipality == scope.municipality)
    total, rows = conn.execute(q).one()
    return int(total) if rows else None


# --- scopes ---------------------------------------------------------------------------------------


def region_scope() -> Scope:
    return Scope(SCOPE_REGION, REGION_TITLE)


def municipality_scope(conn: Connection, name: str) -> Scope:
    """A municipality by name: its code from ``population``; a municipality of the providers that
    has no population entered yet gets the portal's own code when that is nobody else's."""
    name = name.strip()
    pc, pv = db.population.c, db.providers.c
    code = conn.execute(select(pc.code).where(pc.municipality == name)).scalar()
    if code is None:
        if conn.execute(select(pv.id).where(pv.municipality == name).limit(1)).first() is None:
            known = sorted({*conn.execute(select(pv.municipality).distinct()).scalars(),
                            *conn.execute(select(pc.municipality).distinct()).scalars()} - {""})
            listed = ", ".join(f"«{m}»" for m in known) or "нет ни одного"
            raise IndicatorsError(f"муниципалитета «{name}» нет на портале (есть: {listed})")
        taken = conn.execute(select(pc.municipality).where(pc.code == MUNICIPALITY_CODE)).scalar()
        if taken is not None:
            raise IndicatorsError(f"у муниципалитета «{name}» не известен код в номерах сертификатов: "
                                  "внесите численность детей с кодом (pfdo-portal population --code)")
        code = MUNICIPALITY_CODE
    return Scope(SCOPE_MUNICIPALITY, name, municipality=name, prefix=REGION_CODE + code)


def provider_scope(conn: Connection, provider_id: int) -> Scope:
    pv = db.providers.c
    row = conn.execute(select(pv.name, pv.short_name).where(pv.id == provider_id)).first()
    if row is None:
        raise IndicatorsError(f"нет организации с номером {provider_id}")
    return Scope(SCOPE_PROVIDER, row.short_name or row.name, provider_id=provider_id)


def period_start(on: date) -> date:
    """The default period: from the 1st of September of the academic year the date is in."""
    return ind.academic_year_start(on)


# --- what each scope selects (SQL shared by both paths) ------------------------------------------------


def _provider_ids(scope: Scope) -> Select[Any]:
    pv = db.providers.c
    q = select(pv.id)
    if scope.kind == SCOPE_MUNICIPALITY:
        q = q.where(pv.municipality == scope.municipality)
    elif scope.kind == SCOPE_PROVIDER:
        q = q.where(pv.id == scope.provider_id)
    return q


def _certificate_filter(scope: Scope) -> ColumnElement[bool]:
    c = db.certificates.c
    if scope.kind == SCOPE_PROVIDER:
        return c.child_id.in_(_provider_children(scope))
    return c.number.like(scope.prefix + "%")


def _provider_children(scope: Scope) -> Any:
    m, g, a = db.memberships.c, db.groups.c, db.applications.c
    return union(
        select(m.child_id).join(db.groups, g.id == m.group_id).where(g.provider_id == scope.provider_id),
        select(a.child_id).where(a.provider_id == scope.provider_id),
    )


def _territory_enrolment(scope: Scope) -> ColumnElement[bool]:
    """Which memberships are the scope's children's (for certificates and coverage)."""
    m, g, c = db.memberships.c, db.groups.c, db.certificates.c
    if scope.kind == SCOPE_REGION:
        return literal(True)
    if scope.kind == SCOPE_PROVIDER:
        return m.group_id.in_(select(g.id).where(g.provider_id == scope.provider_id))
    holders = select(c.child_id).where(c.number.like(scope.prefix + "%"))
    in_region = exists().where(c.child_id == m.child_id, c.number.like(REGION_CODE + "%"))
    studying_here = (select(db.memberships.c.child_id).join(db.groups, g.id == db.memberships.c.group_id)
                     .where(g.provider_id.in_(_provider_ids(scope))))
    return or_(m.child_id.in_(holders), and_(~in_region, m.child_id.in_(studying_here)))


def _in_force(on: date) -> ColumnElement[bool]:
    """``indicators.in_force_on`` in SQL: an enrolled status and the date inside the period."""
    m = db.memberships.c
    return and_(m.status.in_(IN_FORCE), m.date_from <= on, or_(m.date_to.is_(None), m.date_to >= on))


def birth_dates_in_band(on: date) -> tuple[date, date]:
    """The earliest and the latest birth date counted among the children 5–18 on ``on``, found with
    ``indicators.in_age_band`` itself (so SQL can say ``birth_date BETWEEN …``)."""
    inside = date(on.year - 10, on.month, 1).toordinal()  # 9 or 10 years old: in the band
    assert ind.in_age_band(date.fromordinal(inside), on)

    def counted(day: int) -> bool:
        return ind.in_age_band(date.fromordinal(day), on)

    lo, hi = inside - 20 * 366, inside  # the first counted day: not counted at lo, counted at hi
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (lo, mid) if counted(mid) else (mid, hi)
    earliest = hi
    lo, hi = inside, on.toordinal() + 1  # the last counted day: counted at lo, not at hi
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (mid, hi) if counted(mid) else (lo, mid)
    latest = lo
    return date.fromordinal(earliest), date.fromordinal(latest)


def _kopecks(conn: Connection, column: Any) -> Any:
    """Decimal text → whole kopecks, exactly (PostgreSQL NUMERIC; SQLite: ×100 rounded, exact for
    kopecks)."""
    if conn.dialect.name == "postgresql":
        return cast(func.round(cast(column, Numeric) * 100), BigInteger)
    return cast(func.round(cast(column, Float) * 100), Integer)


def _rub(kopecks: Any) -> Decimal:
    return to_money(Decimal(int(kopecks or 0)).scaleb(-2))


def _greatest(conn: Connection, a: Any, b: Any) -> Any:
    fn = func.greatest if conn.dialect.name == "postgresql" else func.max
    return type_coerce(fn(a, b), Date)


def _least(conn: Connection, a: Any, b: Any) -> Any:
    fn = func.least if conn.dialect.name == "postgresql" else func.min
    return type_coerce(fn(a, b), Date)


def _month_of(conn: Connection, column: Any) -> Any:
    if conn.dialect.name == "postgresql":
        return func.to_char(column, "YYYY-MM")
    return func.substr(column, 1, 7)


def _ym(text: str) -> YearMonth:
    return int(text[:4]), int(text[5:7])


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC)


def _contracts(conn: Connection, scope: Scope, *where: ColumnElement[bool]) -> Any:
    """The scope's contracts as ``money.contract_rows`` reads them, one row each: provider, id,
    certificate part, the period (``payment_rows.contract_period`` and ``enrolment_first_day`` in
    SQL). A subquery."""
    a, g, m = db.applications.c, db.groups.c, db.memberships.c
    member_from = (
        select(func.min(m.date_from))
        .where(m.group_id == a.group_id, m.child_id == a.child_id, m.date_from >= a.start_date,
               or_(a.end_date.is_(None), m.date_from <= a.end_date))
        .scalar_subquery()
    )
    return (
        select(
            a.provider_id,
            a.id.label("contract_id"),
            a.certificate_part.label("part"),
            _greatest(conn, func.coalesce(member_from, a.start_date), g.date_from).label("date_from"),
            _least(conn, func.coalesce(a.end_date, g.date_to), g.date_to).label("date_to"),
        )
        .select_from(db.applications.join(db.groups, g.id == a.group_id))
        .where(a.provider_id.in_(_provider_ids(scope)), a.status.in_(sorted(pay.PAYING_STATUSES)),
               a.certificate_part.is_not(None), a.certificate_part != "", *where)
        .subquery()
    )


def _billed(conn: Connection, scope: Scope, months: Sequence[YearMonth]) -> set[tuple[int, YearMonth]]:
    """Provider × month with an accepted or paid invoice."""
    d = db.money_documents.c
    rows = conn.execute(
        select(d.provider_id, d.month).where(
            d.provider_id.in_(_provider_ids(scope)), d.kind == money.KIND_INVOICE, d.status.in_(INVOICED),
            d.month.in_([pay.month_first_day(m) for m in months]))
    )
    return {(pid, (day.year, day.month)) for pid, day in rows}


def _advances(conn: Connection, scope: Scope, months: Sequence[YearMonth]) -> list[ind.AdvanceLine]:
    d = db.money_documents.c
    rows = conn.execute(
        select(d.month, d.total).where(
            d.provider_id.in_(_provider_ids(scope)), d.kind == money.KIND_ADVANCE,
            d.status.in_(money.LIVE_STATUSES), d.month.in_([pay.month_first_day(m) for m in months]))
    )
    return [ind.AdvanceLine((day.year, day.month), to_money(total)) for day, total in rows]


def _lesson_groups(conn: Connection, scope: Scope, period_from: date, period_to: date) -> list[GroupRow]:
    """The scope's groups with their lessons around the period (``money.group_rows``' rule for a
    window of several months)."""
    g, s = db.groups.c, db.schedule_slots.c
    groups = conn.execute(
        select(g.id, g.name, g.date_from, g.date_to, g.explicit_dates, g.cancelled_dates)
        .where(g.provider_id.in_(_provider_ids(scope)), g.date_from <= period_to + timedelta(days=62),
               g.date_to >= period_from - timedelta(days=62))
        .order_by(g.id)
    ).all()
    ids = select(g.id).where(g.provider_id.in_(_provider_ids(scope)))
    slots: dict[int, dict[int, int]] = defaultdict(dict)
    for group_id, weekday, n in conn.execute(
        select(s.group_id, s.weekday, func.count()).where(s.group_id.in_(ids)).group_by(s.group_id, s.weekday)
    ):
        slots[group_id][weekday] = n
    ls = db.lesson_states.c
    states: dict[int, dict[date, tuple[str, date | None]]] = defaultdict(dict)
    for group_id, day, state, moved_to in conn.execute(
        select(ls.group_id, ls.lesson_date, ls.state, ls.moved_to)
        .where(ls.group_id.in_(ids), ls.state != pay.LESSON_HELD)
    ):
        states[group_id][day] = (state, moved_to)
    start, end = period_from - timedelta(days=62), period_to + timedelta(days=62)
    out: list[GroupRow] = []
    for row in groups:
        lessons = rows_rule.group_lessons(
            start, end, group_from=row.date_from, group_to=row.date_to, weekday_slots=slots.get(row.id, {}),
            explicit_dates={date.fromisoformat(d) for d in json.loads(row.explicit_dates or "[]")},
            cancelled_dates={date.fromisoformat(d) for d in json.loads(row.cancelled_dates or "[]")},
            states=states.get(row.id, {}))
        out.append(GroupRow(str(row.id), row.name, row.date_from, row.date_to, lessons))
    return out


def _check(scope: Scope, on: date, period_from: date, period_to: date) -> None:
    if period_to < period_from:
        raise IndicatorsError(f"период задан неверно: {period_from:%d.%m.%Y} позже {period_to:%d.%m.%Y}")


# --- the reference: plain rows into the domain -------------------------------------------------------


def domain_indicators(conn: Connection, scope: Scope, on: date, period_from: date,
                      period_to: date) -> ind.Indicators:
    """Every row of the scope loaded and handed to the domain's functions (the reference path)."""
    _check(scope, on, period_from, period_to)
    c, ch, m, g, pr = (db.certificates.c, db.children.c, db.memberships.c, db.groups.c, db.programs.c)
    population = population_of(conn, scope, on.year)
    certificates = [
        ind.CertificateRow(r.number, str(r.child_id), r.birth_date, r.status, to_money(r.nominal), r.unit)
        for r in conn.execute(
            select(c.number, c.child_id, ch.birth_date, c.status, c.nominal, c.unit)
            .join(db.children, ch.id == c.child_id).where(_certificate_filter(scope)))
    ]

    def enrolments(where: ColumnElement[bool]) -> list[ind.EnrolmentRow]:
        return [
            ind.EnrolmentRow(str(r.child_id), r.birth_date, str(r.program_id), str(r.group_id), r.date_from,
                             r.date_to, r.status, str(r.provider_id))
            for r in conn.execute(
                select(m.child_id, ch.birth_date, g.program_id, m.group_id, m.date_from, m.date_to, m.status,
                       g.provider_id)
                .join(db.groups, g.id == m.group_id).join(db.children, ch.id == m.child_id).where(where))
        ]

    territory = enrolments(_territory_enrolment(scope))
    in_places = enrolments(g.provider_id.in_(_provider_ids(scope)))
    programmes = [ind.ProgrammeRow(str(r.id), r.direction, r.status, str(r.provider_id))
                  for r in conn.execute(select(pr.id, pr.direction, pr.status, pr.provider_id)
                                        .where(pr.provider_id.in_(_provider_ids(scope))))]
    groups = [ind.GroupPlaces(str(r.id), str(r.program_id), r.date_from, r.date_to, r.capacity)
              for r in conn.execute(select(g.id, g.program_id, g.date_from, g.date_to, g.capacity)
                                    .where(g.provider_id.in_(_provider_ids(scope))))]
    a = db.applications.c
    applications = [ind.ApplicationRow(r.id, r.status, _utc_day(r.created_at))
                    for r in conn.execute(select(a.id, a.status, a.created_at)
                                          .where(a.provider_id.in_(_provider_ids(scope))))]
    months = months_between(period_from, period_to)
    mk = db.marks.c
    marks = [ind.MarkRow(str(r.group_id), str(r.child_id), r.lesson_date, r.code)
             for r in conn.execute(select(mk.group_id, mk.child_id, mk.lesson_date, mk.code).where(
                 mk.provider_id.in_(_provider_ids(scope)), mk.code.is_not(None),
                 mk.lesson_date >= period_from, mk.lesson_date <= period_to))]
    directions, places = ind.direction_figures(programmes, groups, in_places, on)
    return ind.Indicators(
        scope=scope.title, on=on, period_from=period_from, period_to=period_to,
        population=population,
        certificates=ind.certificate_figures(certificates, territory, on, population),
        coverage=ind.coverage(territory, on, population),
        directions=directions, places=places,
        applications=ind.applications_by_status(applications, period_from, period_to),
        money=ind.money_by_month(_domain_money_lines(conn, scope, months), period_from, period_to,
                                 _advances(conn, scope, months)),
        attendance=ind.attendance_by_group(_lesson_groups(conn, scope, period_from, period_to), marks,
                                           period_from, period_to, on),
    )


def _utc_day(value: datetime) -> date:
    return (value if value.tzinfo is None else value.astimezone(UTC)).date()


def _domain_money_lines(conn: Connection, scope: Scope, months: Sequence[YearMonth]) -> list[ind.MoneyLine]:
    """The monthly cycle's lines per provider and month: ``money.compute`` (the portal's month) for
    the amounts, the accepted invoice's lines for what was paid, its later corrections."""
    billed = _billed(conn, scope, months)
    d, ln = db.money_documents.c, db.money_lines.c
    invoiced: dict[tuple[int, YearMonth], dict[str, Decimal]] = defaultdict(dict)
    corrections: list[ind.MoneyLine] = []
    for pid, doc_month, contract_id, amount, corrects in conn.execute(
        select(d.provider_id, d.month, ln.application_id, ln.amount, ln.corrects_month)
        .join(db.money_documents, d.id == ln.document_id)
        .where(d.provider_id.in_(_provider_ids(scope)), d.kind == money.KIND_INVOICE, d.status.in_(INVOICED))
    ):
        if corrects is not None:
            corrections.append(ind.MoneyLine((corrects.year, corrects.month), ZERO, to_money(amount),
                                             contract_id))
        else:
            key = (pid, (doc_month.year, doc_month.month))
            invoiced[key][contract_id] = invoiced[key].get(contract_id, ZERO) + to_money(amount)
    lines: list[ind.MoneyLine] = list(corrections)
    for pid in conn.execute(_provider_ids(scope)).scalars():
        for month in months:
            figures = money.compute(conn, pid, month).figures
            paid = invoiced.get((pid, month), {})
            is_billed = (pid, month) in billed
            seen: set[str] = set()
            for c in figures.contracts:
                if c.certificate_amount > 0:
                    seen.add(c.contract_id)
                    lines.append(ind.MoneyLine(month, c.certificate_amount,
                                               paid.get(c.contract_id, ZERO) if is_billed else None,
                                               c.contract_id, c.certificate_number))
            lines += [ind.MoneyLine(month, ZERO, amount, contract_id)
                      for contract_id, amount in paid.items() if contract_id not in seen]
    return lines


# --- what runs: the heavy counts in SQL ---------------------------------------------------------------


def sql_indicators(conn: Connection, scope: Scope, on: date, period_from: date, period_to: date, *,
                   attendance: bool = True) -> ind.Indicators:
    """The same figures as ``domain_indicators``, the counts made by the database (see the module's
    docstring). ``attendance=False`` leaves the per-group table out."""
    _check(scope, on, period_from, period_to)
    population = population_of(conn, scope, on.year)
    months = months_between(period_from, period_to)
    directions, places = _sql_directions(conn, scope, on)
    return ind.Indicators(
        scope=scope.title, on=on, period_from=period_from, period_to=period_to,
        population=population,
        certificates=_sql_certificates(conn, scope, on, population),
        coverage=_sql_coverage(conn, scope, on, population),
        directions=directions, places=places,
        applications=_sql_applications(conn, scope, period_from, period_to),
        money=_sql_money(conn, scope, months),
        attendance=_sql_attendance(conn, scope, on, period_from, period_to) if attendance else (),
    )


def _sql_certificates(conn: Connection, scope: Scope, on: date,
                      population: int | None) -> ind.CertificateFigures:
    c, ch, m, g = db.certificates.c, db.children.c, db.memberships.c, db.groups.c
    earliest, latest = birth_dates_in_band(on)
    counted = and_(_certificate_filter(scope), ch.birth_date >= earliest, ch.birth_date <= latest)
    pf = accounting = 0
    nominal = {unit: Decimal(0) for unit in NOMINAL_UNITS}  # as certificate_figures adds them
    for status, unit, n, kopecks in conn.execute(
        select(c.status, c.unit, func.count(), func.sum(_kopecks(conn, c.nominal)))
        .join(db.children, ch.id == c.child_id).where(counted).group_by(c.status, c.unit)
    ):
        if status not in (CERT_PF, CERT_ACCOUNTING) or unit not in nominal:
            raise IndicatorsError(f"в реестре сертификат со статусом «{status}» и единицей «{unit}»: "
                                  "ожидаются pf/uchet и rub/hours")
        if status == CERT_PF:
            pf += n
        else:
            accounting += n
        nominal[unit] += _rub(kopecks)
    holders = select(c.child_id).join(db.children, ch.id == c.child_id).where(counted)
    per_child = (
        select(m.child_id, func.count(distinct(g.program_id)).label("n"))
        .join(db.groups, g.id == m.group_id)
        .where(_in_force(on), m.child_id.in_(holders), _territory_enrolment(scope))
        .group_by(m.child_id).subquery()
    )
    by_n: dict[int, int] = {n: k for n, k in conn.execute(
        select(per_child.c.n, func.count()).group_by(per_child.c.n))}
    on_1, on_2 = by_n.get(1, 0), by_n.get(2, 0)
    on_3 = sum(v for k, v in by_n.items() if k >= 3)
    issued, used = pf + accounting, on_1 + on_2 + on_3
    share = ind.share
    return ind.CertificateFigures(
        population=population, issued=issued,
        issued_share=share(issued, population) if population is not None else None,
        pf=pf, pf_share=share(pf, issued), accounting=accounting, accounting_share=share(accounting, issued),
        nominal_rub=to_money(nominal["rub"]), nominal_hours=nominal["hours"],
        used=used, used_share=share(used, issued), on_1=on_1, on_1_share=share(on_1, issued),
        on_2=on_2, on_2_share=share(on_2, issued), on_3_plus=on_3, on_3_plus_share=share(on_3, issued),
    )


def _sql_coverage(conn: Connection, scope: Scope, on: date, population: int | None) -> ind.Coverage:
    m, ch = db.memberships.c, db.children.c
    earliest, latest = birth_dates_in_band(on)
    children = conn.execute(
        select(func.count(distinct(m.child_id))).join(db.children, ch.id == m.child_id)
        .where(_in_force(on), ch.birth_date >= earliest, ch.birth_date <= latest, _territory_enrolment(scope))
    ).scalar_one()
    percent = ind.share(children, population) if population is not None else None
    return ind.Coverage(children, population, percent)


def _sql_directions(conn: Connection, scope: Scope,
                    on: date) -> tuple[tuple[ind.DirectionFigures, ...], ind.PlacesFigures]:
    pr, g, m = db.programs.c, db.groups.c, db.memberships.c
    mine = pr.provider_id.in_(_provider_ids(scope))
    unknown = conn.execute(select(pr.direction).distinct().where(mine, pr.direction.not_in(list(DIRECTIONS))))
    for (direction,) in unknown:
        raise IndicatorsError(f"у программы неизвестная направленность «{direction}»")
    published: dict[str, int] = dict(conn.execute(
        select(pr.direction, func.count()).where(mine, pr.status == ind.PUBLISHED).group_by(pr.direction)
    ).all())
    running = and_(mine, g.date_from <= on, g.date_to >= on)
    group_rows = {d: (n, int(places or 0)) for d, n, places in conn.execute(
        select(pr.direction, func.count(), func.sum(g.capacity)).join(db.programs, pr.id == g.program_id)
        .where(running).group_by(pr.direction))}
    occupied: dict[str, int] = dict(conn.execute(
        select(pr.direction, func.count()).select_from(
            db.memberships.join(db.groups, g.id == m.group_id).join(db.programs, pr.id == g.program_id))
        .where(running, _in_force(on)).group_by(pr.direction)
    ).all())
    studying = (select(pr.direction, m.child_id).select_from(
        db.memberships.join(db.groups, g.id == m.group_id).join(db.programs, pr.id == g.program_id))
        .where(mine, _in_force(on)))
    children = _children_by_direction(conn, studying)
    all_children = conn.execute(
        select(func.count(distinct(m.child_id))).select_from(
            db.memberships.join(db.groups, g.id == m.group_id).join(db.programs, pr.id == g.program_id))
        .where(mine, _in_force(on))
    ).scalar_one()
    total_programmes = sum(published.values())
    rows = tuple(
        ind.DirectionFigures(
            direction=d, title=title, programmes=published.get(d, 0),
            programmes_share=ind.share(published.get(d, 0), total_programmes),
            groups=group_rows.get(d, (0, 0))[0], places=group_rows.get(d, (0, 0))[1],
            occupied=occupied.get(d, 0),
            occupancy=ind.share(occupied.get(d, 0), group_rows.get(d, (0, 0))[1]),
            children=children.get(d, 0),
        )
        for d, title in DIRECTIONS.items()
    )
    total_places, total_occupied = sum(r.places for r in rows), sum(r.occupied for r in rows)
    totals = ind.PlacesFigures(total_programmes, sum(r.groups for r in rows), total_places, total_occupied,
                               ind.share(total_occupied, total_places), all_children)
    return rows, totals


def _children_by_direction(conn: Connection, studying: Select[Any]) -> dict[str, int]:
    sub = studying.subquery()
    return {d: n for d, n in conn.execute(
        select(sub.c.direction, func.count(distinct(sub.c.child_id))).group_by(sub.c.direction))}


def _sql_applications(conn: Connection, scope: Scope, period_from: date,
                      period_to: date) -> tuple[ind.StatusCount, ...]:
    a = db.applications.c
    counts = dict.fromkeys(APPLICATION_STATUSES_RU, 0)
    for status, n in conn.execute(
        select(a.status, func.count()).where(
            a.provider_id.in_(_provider_ids(scope)), a.created_at >= _day_start(period_from),
            a.created_at < _day_start(period_to + timedelta(days=1))).group_by(a.status)
    ):
        if status not in counts:
            raise IndicatorsError(f"у заявки неизвестный статус «{status}»")
        counts[status] = n
    total = sum(counts.values())
    return tuple(ind.StatusCount(s, APPLICATION_STATUSES_RU[s], n, ind.share(n, total))
                 for s, n in counts.items())


def _sql_money(conn: Connection, scope: Scope, months: Sequence[YearMonth]) -> tuple[ind.MonthMoney, ...]:
    """Contracts grouped by (provider, part, period) in SQL; each group's monthly amount by
    ``payment.monthly_amount`` × its count; payments summed by the database."""
    contracts = _contracts(conn, scope)
    billed = _billed(conn, scope, months)
    nominal = dict.fromkeys(months, ZERO)
    reserved = dict.fromkeys(months, ZERO)
    billed_nominal = dict.fromkeys(months, ZERO)
    paid = dict.fromkeys(months, ZERO)
    lines = dict.fromkeys(months, 0)
    first, last = pay.month_first_day(months[0]), pay.month_last_day(months[-1])
    cc = contracts.c
    for pid, part, date_from, date_to, n in conn.execute(
        select(cc.provider_id, cc.part, cc.date_from, cc.date_to, func.count())
        .where(cc.date_from <= last, cc.date_to >= first)
        .group_by(cc.provider_id, cc.part, cc.date_from, cc.date_to)
    ):
        for month in months:
            amount = pay.monthly_amount(part, date_from, date_to, month)
            if amount <= 0:
                continue
            nominal[month] += amount * n
            lines[month] += n
            if (pid, month) in billed:
                billed_nominal[month] += amount * n
            else:
                reserved[month] += amount * n
    d, ln = db.money_documents.c, db.money_lines.c
    invoices = (d.provider_id.in_(_provider_ids(scope)), d.kind == money.KIND_INVOICE, d.status.in_(INVOICED))
    # What each accepted invoice paid for its month; a line whose contract has no amount in the month
    # now (its period changed since) is a line of its own (amount 0). Only the billed contracts'
    # periods are computed again.
    billed_lines = (select(ln.application_id).join(db.money_documents, d.id == ln.document_id)
                    .where(*invoices, ln.corrects_month.is_(None), d.month >= first, d.month <= last))
    billed_contracts = _contracts(conn, scope, db.applications.c.id.in_(billed_lines))
    bc = billed_contracts.c
    for doc_month, part, date_from, date_to, n, kopecks in conn.execute(
        select(d.month, bc.part, bc.date_from, bc.date_to, func.count(), func.sum(_kopecks(conn, ln.amount)))
        .select_from(db.money_lines.join(db.money_documents, d.id == ln.document_id)
                     .outerjoin(billed_contracts, bc.contract_id == ln.application_id))
        .where(*invoices, ln.corrects_month.is_(None), d.month >= first, d.month <= last)
        .group_by(d.month, bc.part, bc.date_from, bc.date_to)
    ):
        month = (doc_month.year, doc_month.month)
        paid[month] += _rub(kopecks)
        if part is None or pay.monthly_amount(part, date_from, date_to, month) <= 0:
            lines[month] += n
    for fixed, n, kopecks in conn.execute(
        select(ln.corrects_month, func.count(), func.sum(_kopecks(conn, ln.amount)))
        .join(db.money_documents, d.id == ln.document_id)
        .where(*invoices, ln.corrects_month >= first, ln.corrects_month <= last).group_by(ln.corrects_month)
    ):
        month = (fixed.year, fixed.month)
        paid[month] += _rub(kopecks)
        lines[month] += n
    advance = dict.fromkeys(months, ZERO)
    for line in _advances(conn, scope, months):
        advance[line.month] += line.amount
    return tuple(
        ind.MonthMoney(month=m, nominal=nominal[m], reserved=reserved[m], paid=paid[m],
                       returned=billed_nominal[m] - paid[m], advance=advance[m], lines=lines[m])
        for m in months
    )


def _sql_attendance(conn: Connection, scope: Scope, on: date, period_from: date,
                    period_to: date) -> tuple[ind.GroupAttendance, ...]:
    """Marks counted per group and month by the database (up to the date: ``counts_in_totals`` of a
    marked lesson is ``lesson_date ≤ on``); lessons and completeness by the domain."""
    mk = db.marks.c
    month = _month_of(conn, mk.lesson_date)
    present = func.sum(func.cast(mk.code == int(AttendanceCode.PRESENT), Integer))
    tally: dict[tuple[str, YearMonth], tuple[int, int]] = {}
    for group_id, ym, n, p in conn.execute(
        select(mk.group_id, month, func.count(), present).where(
            mk.provider_id.in_(_provider_ids(scope)), mk.code.is_not(None), mk.lesson_date >= period_from,
            mk.lesson_date <= min(period_to, on)).group_by(mk.group_id, month)
    ):
        tally[(str(group_id), _ym(ym))] = (int(n), int(p or 0))
    months = months_between(period_from, period_to)
    groups = _lesson_groups(conn, scope, period_from, period_to)
    known = {grp.group_id for grp in groups}
    if any(gid not in known for gid, _m in tally):
        raise IndicatorsError("отметки в группе, которой нет среди групп организаций")
    out: list[ind.GroupAttendance] = []
    for grp in sorted(groups, key=lambda x: (x.name, x.group_id)):
        for m in months:
            lessons = pay.group_month(grp.lessons, m, grp.date_from, grp.date_to)
            n_marks, n_present = tally.get((grp.group_id, m), (0, 0))
            if lessons.planned_lessons == 0 and n_marks == 0:
                continue
            out.append(ind.GroupAttendance(
                grp.group_id, grp.name, m, lessons.planned_lessons, lessons.held_lessons,
                lessons.cancelled_lessons, lessons.cancelled_hours, lessons.k, n_marks, n_present,
                ind.share(n_present, n_marks)))
    return tuple(out)


# --- what the command and the endpoint call -------------------------------------------------------------


def for_device(conn: Connection, provider_id: int, on: date, period_from: date | None = None, *,
               municipality: bool = False) -> ind.Indicators:
    """A PC's view: its provider's own figures, or (``municipality``) its municipality's aggregates
    — counts, shares and money by month only: the per-group attendance (other providers' groups)
    is left out."""
    if municipality:
        pv = db.providers.c
        name = conn.execute(select(pv.municipality).where(pv.id == provider_id)).scalar()
        if not name:
            raise IndicatorsError("у организации не указан муниципалитет")
        scope = municipality_scope(conn, name)
    else:
        scope = provider_scope(conn, provider_id)
    return sql_indicators(conn, scope, on, period_from or period_start(on), on, attendance=not municipality)
