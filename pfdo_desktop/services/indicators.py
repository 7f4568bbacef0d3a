"""The provider's indicators on this PC (issue 13, «Показатели»): the local database → the domain's
plain rows (``domain.indicators``) → ``compute_indicators`` for the chosen month and for the year so
far, and the figures of the tab's charts. Every rule is the domain's; this module reads and hands
over, in one read transaction.

Decisions where the issue is silent (docs/indicators.md «On the desktop»):

* **The scope is this PC's provider**: its programmes and groups, the memberships of its groups,
  the certificates of the children in them, its applications, its month figures (the money cycle,
  ``services.payment``) and its journal. No population (a provider has no territory): the shares
  of children 5–18 are «—».
* **The month** is a calendar month; its figures are «на» its last day (today for the current
  month). **The year so far** is the academic year so far: 1 September … the month's end
  (``indicators.academic_year_start``, the portal's default period too).
* **Money by month** on the chart is what the month brought through the documents: «Аванс» (the
  standing advance request), «Выставлено» (the standing invoice's «подлежит оплате») and
  «Оплачено» (of that, what the payer paid) — as the portal last told this PC. The table's
  nominal / reserved / paid / returned are the domain's (``money_by_month``).
* **Children enrolled by month**: distinct children who were members of one of the provider's
  groups on at least one day of the month.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from pfdo_desktop.domain import indicators as ind
from pfdo_desktop.domain.documents import (
    CHART_BARS,
    CHART_HBARS,
    CHART_LINE,
    CHART_STACKED,
    ChartSpec,
    IndicatorsReportDoc,
    ProviderInfo,
)
from pfdo_desktop.domain.membership import member_during
from pfdo_desktop.domain.payment import (
    Lesson,
    month_first_day,
    month_last_day,
    month_ru,
    month_text,
    next_month,
    parse_month,
)
from pfdo_desktop.domain.payment_month import GroupRow
from pfdo_desktop.domain.pricing import YearMonth
from pfdo_desktop.models import (
    MONEY_PAID,
    MONEY_STANDING,
    Application,
    AttendanceMark,
    Certificate,
    Child,
    Database,
    Membership,
    MoneyDocument,
    Program,
    StudyGroup,
)

from . import documents as document_service
from . import payment as payment_service
from .enrolment_rows import chunks, last_sync_at
from .rows import MoneyBar, ProviderIndicators

ZERO = Decimal("0.00")


def _months(month: YearMonth) -> list[YearMonth]:
    """The months of the academic year up to ``month``: September … ``month``."""
    start = ind.academic_year_start(month_first_day(month))
    out, m = [], (start.year, start.month)
    while m <= month:
        out.append(m)
        m = next_month(m)
    return out


def gather(s: Session, month: YearMonth, today: date) -> ProviderIndicators:
    """The provider's indicators for ``month`` and the year up to it (``today``: the portal's day)."""
    provider = document_service._provider(s)
    pid = payment_service._provider_id(s)
    year_from, last = ind.academic_year_start(month_first_day(month)), month_last_day(month)
    on = min(today, last) if today >= month_first_day(month) else last

    program_q = select(Program.id, Program.direction, Program.status)
    group_q = select(StudyGroup.id, StudyGroup.program_id, StudyGroup.date_from, StudyGroup.date_to,
                     StudyGroup.capacity).where(StudyGroup.archived.is_(False))
    if pid is not None:
        program_q = program_q.where(Program.provider_id == pid)
        group_q = group_q.where(StudyGroup.provider_id == pid)
    programmes = [ind.ProgrammeRow(str(i), direction, status, str(pid or ""))
                  for i, direction, status in s.execute(program_q)]
    group_rows = s.execute(group_q).all()
    groups = [ind.GroupPlaces(str(g.id), str(g.program_id), g.date_from, g.date_to, g.capacity)
              for g in group_rows]
    program_of = {g.id: g.program_id for g in group_rows}
    ids = sorted(program_of)

    spans: list[tuple[int, int, date, date | None, str]] = []
    marks: list[ind.MarkRow] = []
    for part in chunks(ids):
        spans += s.execute(select(Membership.group_id, Membership.child_id, Membership.date_from,
                                  Membership.date_to, Membership.status)
                           .where(Membership.group_id.in_(part), Membership.archived.is_(False))).all()
        marks += [ind.MarkRow(str(gid), str(cid), day, code) for gid, cid, day, code in s.execute(
            select(AttendanceMark.group_id, AttendanceMark.child_id, AttendanceMark.lesson_date,
                   AttendanceMark.code).where(AttendanceMark.group_id.in_(part),
                                              AttendanceMark.lesson_date.between(year_from, last)))]
    child_ids = sorted({cid for _g, cid, *_ in spans})
    born: dict[int, date] = {}
    certificates: list[ind.CertificateRow] = []
    for part in chunks(child_ids):
        born.update((cid, day) for cid, day in s.execute(
            select(Child.id, Child.birth_date).where(Child.id.in_(part))))
        certificates += [ind.CertificateRow(c.number, str(c.child_id), born.get(c.child_id, on), c.status,
                                            c.nominal, c.unit)
                         for c in s.scalars(select(Certificate).where(Certificate.child_id.in_(part),
                                                                      Certificate.archived.is_(False)))]
    enrolments = [ind.EnrolmentRow(str(cid), born[cid], str(program_of[gid]), str(gid), d_from, d_to, status,
                                   str(pid or ""))
                  for gid, cid, d_from, d_to, status in spans if cid in born]

    app_q = select(Application.id, Application.status, Application.created_at).where(
        Application.archived.is_(False))
    if ids:
        app_q = app_q.where(Application.group_id.in_(ids))
    applications = [ind.ApplicationRow(str(a), status, document_service._local_date(at) or on)
                    for a, status, at in s.execute(app_q)]

    docs = s.scalars(select(MoneyDocument).where(MoneyDocument.month.between(
        month_text((year_from.year, year_from.month)), month_text(month)))).all()
    standing = [d for d in docs if d.status in MONEY_STANDING]
    invoiced = {d.month for d in standing if d.kind == "invoice"}
    money: list[ind.MoneyLine] = []
    lessons: dict[str, GroupRow] = {}
    lesson_days: dict[str, dict[date, Lesson]] = defaultdict(dict)
    completeness: tuple[tuple[str, Decimal | None], ...] = ()
    for m in _months(month):
        data = payment_service.gather_month(s, m)
        money += ind.money_lines(data.figures, invoiced=month_text(m) in invoiced)
        for g in data.groups:
            lessons.setdefault(g.group_id, g)
            lesson_days[g.group_id].update((x.lesson_date, x) for x in g.lessons)
        if m == month:
            completeness = tuple((g.name, g.k) for g in data.figures.groups
                                 if g.lessons.planned_lessons or g.contracts)
    with_lessons = [GroupRow(g.group_id, g.name, g.date_from, g.date_to,
                             tuple(sorted(lesson_days[g.group_id].values(), key=lambda x: x.lesson_date)))
                    for g in lessons.values()]
    advances = [ind.AdvanceLine(parse_month(d.month), d.total) for d in standing if d.kind == "advance"]

    def figures(period_from: date) -> ind.Indicators:
        return ind.compute_indicators(
            on, period_from, last, scope=provider.name, certificates=certificates, enrolments=enrolments,
            programmes=programmes, groups=groups, applications=applications, money=money, advances=advances,
            lessons=with_lessons, marks=marks)

    bars = []
    for m in _months(month):
        mine = [d for d in standing if d.month == month_text(m)]
        advance = sum((d.total for d in mine if d.kind == "advance"), ZERO)
        bill = sum((d.to_pay for d in mine if d.kind == "invoice"), ZERO)
        paid = sum((d.to_pay for d in mine if d.kind == "invoice" and d.status == MONEY_PAID), ZERO)
        bars.append(MoneyBar(m, advance, bill, paid))
    enrolled = tuple(
        (m, len({cid for _g, cid, d_from, d_to, _st in spans
                 if member_during(d_from, d_to, month_first_day(m), month_last_day(m))}))
        for m in _months(month))
    return ProviderIndicators(provider.name, month, on, last_sync_at(s), figures(month_first_day(month)),
                              figures(year_from), tuple(bars), enrolled, completeness)


MONTHS_SHORT_RU = ("янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")


def chart_specs(pi: ProviderIndicators) -> tuple[ChartSpec, ...]:
    """What the tab's charts and the printed report show — one definition for both.

    Money by month is a stack of what the month brought: the advance, then the invoice's
    «подлежит оплате» (net of the advance) split into paid and not yet paid — the bar is the
    month's certificate payment once invoiced."""
    months = tuple(MONTHS_SHORT_RU[m[1] - 1] for m, _n in pi.enrolled)
    money = ChartSpec(CHART_STACKED, "Деньги по месяцам", months, (
        ("Аванс", tuple(_figure(b.advance) for b in pi.money)),
        ("Оплачено по счёту", tuple(_figure(b.paid) for b in pi.money)),
        ("Выставлено, не оплачено", tuple(_figure(b.invoiced - b.paid) for b in pi.money)),
    ), unit="₽", decimals=2)
    completeness = ChartSpec(CHART_BARS, f"Объём оказания услуги по группам, {month_ru(pi.month)}",
                             tuple(name for name, _k in pi.completeness),
                             (("Объём услуги", tuple(k for _name, k in pi.completeness)),),
                             unit="%", value_max=100, decimals=2)
    enrolled = ChartSpec(CHART_LINE, "Обучающихся по месяцам", months,
                         (("Детей", tuple(n for _m, n in pi.enrolled)),), unit="детей")
    c = pi.month_figures.certificates
    programmes = ChartSpec(CHART_BARS, "Дети по числу программ", ("1 программа", "2 программы", "3 и более"),
                           (("Детей", (c.on_1, c.on_2, c.on_3_plus)),), unit="детей")
    directions = ChartSpec(CHART_HBARS, "Программы и дети по направлениям",
                           tuple(d.title for d in pi.month_figures.directions), (
                               ("Программ", tuple(d.programmes for d in pi.month_figures.directions)),
                               ("Детей", tuple(d.children for d in pi.month_figures.directions)),
                           ))
    return money, completeness, enrolled, programmes, directions


def _figure(amount: Decimal) -> Decimal | None:
    """A month with no document of the kind has no figure (no bar, «—»), not a bar of 0,00 ₽."""
    return amount or None


def report_document(pi: ProviderIndicators, provider: ProviderInfo, printed_on: date) -> IndicatorsReportDoc:
    """The one-page report for the head of the organisation to sign."""
    as_of = document_service._local_date(pi.synced_at) or printed_on
    return IndicatorsReportDoc(provider, pi.month[0], pi.month[1], as_of, printed_on, tuple(pi.table()),
                               chart_specs(pi))


def indicators_report(db: Database, month: YearMonth, today: date) -> IndicatorsReportDoc:
    with db.read() as s:
        pi = gather(s, month, today)
        return report_document(pi, document_service._provider(s), today)


def export_indicators(db: Database, month: YearMonth, out: Path, today: date) -> int:
    """The «Показатели» tab to XLSX (openpyxl write-only, ``services.xlsx``): a sheet per table —
    the main table (the month's and the year's values and shares as numbers), money by month,
    attendance per group and month, the directions, the children by month. Returns the sheets."""
    from . import xlsx

    with db.read() as s:
        pi = gather(s, month, today)
    book = xlsx.new_book()
    above = [f"{pi.provider}: показатели за {month_ru(month)}",
             f"на {pi.on:%d.%m.%Y}; с начала учебного года — с {pi.year_figures.period_from:%d.%m.%Y}"]
    year = {v.key: v for v in pi.year_figures.table_values()}
    main = xlsx.SheetWriter(book, "Показатели", [
        xlsx.Column("Показатель", width=52), xlsx.Column("За месяц", xlsx.NUMBER, 14),
        xlsx.Column("Доля за месяц, %", xlsx.NUMBER, 12), xlsx.Column("С начала года", xlsx.NUMBER, 14),
        xlsx.Column("Доля с начала года, %", xlsx.NUMBER, 12)], above=above)
    main.write((v.title, v.value, v.share, year[v.key].value, year[v.key].share)
               for v in pi.month_figures.table_values() if v.key in year)
    main.close()
    money = xlsx.SheetWriter(book, "Деньги по месяцам", [
        xlsx.Column("Месяц", width=16), *(xlsx.Column(t, xlsx.MONEY, 16) for t in ind.MONEY_HEADERS_RU[1:]),
        xlsx.Column("Выставлено к оплате, ₽", xlsx.MONEY, 16),
        xlsx.Column("Оплачено по счёту, ₽", xlsx.MONEY, 16)], above=above)
    bars = {b.month: (b.invoiced, b.paid) for b in pi.money}
    money.write((month_ru(m.month), m.nominal, m.reserved, m.paid, m.returned, m.advance,
                 *bars.get(m.month, (None, None))) for m in pi.year_figures.money)
    money.close()
    attendance = xlsx.SheetWriter(book, "Посещаемость", [
        xlsx.Column("Группа", width=30), xlsx.Column("Месяц", width=14),
        xlsx.Column("Занятий по плану", xlsx.INTEGER), xlsx.Column("Проведено", xlsx.INTEGER),
        xlsx.Column("Не проведено по вине исполнителя", xlsx.INTEGER, 18),
        xlsx.Column("Объём услуги, %", xlsx.PERCENT), xlsx.Column("Отметок", xlsx.INTEGER),
        xlsx.Column("«Был»", xlsx.INTEGER), xlsx.Column("Доля «был», %", xlsx.NUMBER)], above=above)
    attendance.write((a.name or a.group_id, month_ru(a.month), a.planned_lessons, a.held_lessons,
                      a.cancelled_lessons, a.k, a.marks, a.present, a.present_share)
                     for a in pi.year_figures.attendance)
    attendance.close()
    directions = xlsx.SheetWriter(book, "По направлениям", [
        xlsx.Column("Направленность", width=28), xlsx.Column("Программ", xlsx.INTEGER),
        xlsx.Column("Доля программ, %", xlsx.NUMBER), xlsx.Column("Групп", xlsx.INTEGER),
        xlsx.Column("Мест", xlsx.INTEGER), xlsx.Column("Занято", xlsx.INTEGER),
        xlsx.Column("Наполняемость, %", xlsx.NUMBER), xlsx.Column("Детей", xlsx.INTEGER)], above=above)
    directions.write((d.title, d.programmes, d.programmes_share, d.groups, d.places, d.occupied, d.occupancy,
                      d.children) for d in pi.month_figures.directions)
    directions.close()
    enrolled = xlsx.SheetWriter(book, "Обучающиеся по месяцам", [
        xlsx.Column("Месяц", width=16), xlsx.Column("Детей", xlsx.INTEGER)], above=above)
    enrolled.write((month_ru(m), n) for m, n in pi.enrolled)
    enrolled.close()
    book.save(out)
    return 5


def provider_indicators(db: Database, month: YearMonth, today: date) -> ProviderIndicators:
    with db.read() as s:
        return gather(s, month, today)


__all__ = ["MoneyBar", "ProviderIndicators", "chart_specs", "export_indicators", "gather",
           "indicators_report", "provider_indicators", "report_document"]
