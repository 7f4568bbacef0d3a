"""The provider's month on this PC (issue 12, «Оплата»): the local database → the domain's plain rows
(``domain.payment_month.GroupRow`` / ``ContractRow``, ``domain.payment_closing.LessonMarks``) →
``compute_month`` / ``closing_blockers`` / ``build_invoice`` / ``build_advance`` → the screen's rows
and the printed documents (``InvoiceDoc``, ``AdvanceDoc``, ``ContractsRegisterDoc``), and the
month's XLSX for the accountant. Every rule is the domain's: this module only reads and hands over.

One read transaction per call, a handful of bulk queries (no query per group or contract).

Decisions where the issue is silent (docs/payment.md «On the desktop»):

* **The groups** are the provider's groups whose dates touch the month; **their lessons** are built
  by the rule the portal builds them by (``domain.payment_rows.group_lessons``: the schedule's
  lesson days — not the journal's lesson rows, which keep days of an older schedule —, an hour per
  weekly slot that weekday, a group scheduled by dates 1 a date), each in the state the local
  lesson row keeps (cancelled by the provider / moved).
* **The contracts** are the local applications that were enrolled (``PAYING_STATUSES``) with the
  portal's price (a budget programme has no contract money and is left out); their period, date
  and attendance follow ``domain.payment_rows`` (the enrolment's first day … the end date or the
  group's last day, inside the group's dates; the date of the portal's confirmation); the parts
  are the portal's stored ones; the certificate is the child's live certificate.
  **The payment order** of the parent's part is not kept by the PC yet: fixed (× k).
* **The payer** is the provider's municipality (one payer per provider on this PC).
* **The invoice** printed, previewed and exported is the one ``money_documents`` sends (or the one
  the portal holds, once it stands there): the advance requested for the month, the corrections
  of closed months. **The advance request** is at the region's percentage the portal sends with
  the provider's record (80 % until it has).
* ``attended`` counts the child's «был» marks at the held lessons of the month inside the contract.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from pfdo_desktop.domain import payment_rows as rows_rule
from pfdo_desktop.domain.applications import APP_NEW
from pfdo_desktop.domain.attendance import AttendanceCode
from pfdo_desktop.domain.documents import (
    AdvanceContractLine,
    AdvanceDoc,
    ContractsRegisterDoc,
    InvoiceCorrection,
    InvoiceDoc,
    InvoiceLine,
    PayerInfo,
    ProviderInfo,
    RegisterRow,
)
from pfdo_desktop.domain.membership import member_on_any
from pfdo_desktop.domain.payment import (
    DEFAULT_ADVANCE_PERCENT,
    LESSON_CANCELLED,
    LESSON_HELD,
    LESSON_MOVED,
    PAYING_STATUSES,
    Lesson,
    advance_request_from,
    invoice_issue_from,
    k_text,
    month_first_day,
    month_last_day,
    month_lessons,
    month_ru,
    month_text,
)
from pfdo_desktop.domain.payment_closing import LessonMarks, closing_blockers
from pfdo_desktop.domain.payment_month import (
    AdvanceRequest,
    ContractRow,
    GroupRow,
    Invoice,
    MonthFigures,
    build_advance,
    compute_month,
)
from pfdo_desktop.domain.pricing import YearMonth
from pfdo_desktop.domain.said import said
from pfdo_desktop.models import (
    Application,
    AttendanceMark,
    Database,
    Device,
    Membership,
    Program,
    Provider,
    ScheduleSlot,
    StudyGroup,
)
from pfdo_desktop.models import Lesson as LessonRecord

from . import documents as document_service
from . import xlsx
from .enrolment_rows import chunks
from .errors import NotFound, ValidationError
from .rows import MonthBlocker, MonthGroup, MonthView

PRESENT = int(AttendanceCode.PRESENT)
NO_CONTRACTS = ("В месяце {month} нет договоров, оплачиваемых по сертификатам: счёт и заявку на аванс "
                "формировать не по чему. Синхронизируйте данные, если договоры заключены на портале.")


@dataclass(frozen=True, slots=True)
class _Contract:
    """What the forms need of a contract besides the domain's row."""

    child_name: str
    program_name: str
    group_name: str


@dataclass(frozen=True, slots=True)
class MonthData:
    """A month gathered from the local database: the domain's rows and figures, the facts the
    blockers are computed from, and what the documents print."""

    month: YearMonth
    provider: ProviderInfo
    groups: tuple[GroupRow, ...]
    contracts: tuple[ContractRow, ...]
    figures: MonthFigures
    lessons: tuple[LessonMarks, ...]
    undecided_since: tuple[date, ...]
    extra: dict[str, _Contract]
    programs: dict[str, str]  # group id → programme name
    advance_percent: Decimal = DEFAULT_ADVANCE_PERCENT  # the region's, as the portal sent it

    def advance(self, payer: str) -> AdvanceRequest:
        """The month's advance request for ``payer`` at the region's percentage."""
        return build_advance(self.month, self.contracts, payer, self.advance_percent)


# --- reading -------------------------------------------------------------------------------------


def _provider_id(s: Session) -> int | None:
    device = s.scalar(select(Device))
    if device is not None and device.provider_id is not None:
        return device.provider_id
    ids = list(s.scalars(select(Provider.id).where(Provider.archived.is_(False)).limit(2)))
    return ids[0] if len(ids) == 1 else None


def _group_lessons(s: Session, groups: dict[int, tuple[str, date, date, str]], month: YearMonth
                   ) -> dict[int, tuple[Lesson, ...]]:
    """The groups' lessons around the month by the rule the portal uses too
    (``payment_rows.group_lessons``: the schedule's lesson days, an hour per weekly slot that
    weekday, a group scheduled by dates 1 a date), each in the state the local lesson row keeps
    (cancelled by the provider, moved; a state this version does not know counts as held)."""
    ids = sorted(groups)
    first, last = rows_rule.lesson_window(month)
    slots: dict[int, dict[int, int]] = {}
    dates: dict[int, tuple[set[date], set[date]]] = {}
    states: dict[int, dict[date, tuple[str, date | None]]] = {}
    for part in chunks(ids):
        for gid, weekday in s.execute(select(ScheduleSlot.group_id, ScheduleSlot.weekday).where(
                ScheduleSlot.group_id.in_(part), ScheduleSlot.archived.is_(False))):
            per_day = slots.setdefault(gid, {})
            per_day[weekday] = per_day.get(weekday, 0) + 1
        for gid, explicit_iso, cancelled_iso in s.execute(
                select(StudyGroup.id, StudyGroup.explicit_dates, StudyGroup.cancelled_dates)
                .where(StudyGroup.id.in_(part))):
            dates[gid] = ({date.fromisoformat(str(d)) for d in explicit_iso or ()},
                          {date.fromisoformat(str(d)) for d in cancelled_iso or ()})
        for gid, day, state, moved_to in s.execute(
                select(LessonRecord.group_id, LessonRecord.lesson_date, LessonRecord.state,
                       LessonRecord.moved_to).where(
                    LessonRecord.group_id.in_(part), LessonRecord.state != LESSON_HELD,
                    LessonRecord.lesson_date.between(first, last))):
            if state in (LESSON_CANCELLED, LESSON_MOVED) and not (state == LESSON_MOVED and moved_to is None):
                states.setdefault(gid, {})[day] = (state, moved_to)
    out: dict[int, tuple[Lesson, ...]] = {}
    for gid, (_name, g_from, g_to, _program) in groups.items():
        explicit, cancelled = dates.get(gid, (set(), set()))
        out[gid] = rows_rule.group_lessons(first, last, group_from=g_from, group_to=g_to,
                                           weekday_slots=slots.get(gid, {}), explicit_dates=explicit,
                                           cancelled_dates=cancelled, states=states.get(gid))
    return out


def _local_day(moment: datetime | None) -> date | None:
    if moment is None:
        return None
    return document_service._local_date(moment)


def gather_month(s: Session, month: YearMonth) -> MonthData:
    """The provider's month from the local database, computed by ``compute_month``."""
    first, last = month_first_day(month), month_last_day(month)
    provider = document_service._provider(s)
    pid = _provider_id(s)
    percent = None if pid is None else s.scalar(select(Provider.advance_percent).where(Provider.id == pid))
    group_query = select(StudyGroup.id, StudyGroup.name, StudyGroup.date_from, StudyGroup.date_to,
                         Program.name).join(Program, Program.id == StudyGroup.program_id).where(
        StudyGroup.archived.is_(False), StudyGroup.date_from <= last, StudyGroup.date_to >= first)
    if pid is not None:
        group_query = group_query.where(StudyGroup.provider_id == pid)
    groups = {gid: (name, g_from, g_to, program)
              for gid, name, g_from, g_to, program in s.execute(group_query)}
    ids = sorted(groups)
    lessons = _group_lessons(s, groups, month)

    apps: list[Application] = []
    for part in chunks(ids):
        apps += s.scalars(select(Application).where(
            Application.group_id.in_(part), Application.archived.is_(False),
            Application.status.in_(PAYING_STATUSES)))
    apps = [a for a in apps if rows_rule.counts_as_contract(a.certificate_part)]
    child_ids = sorted({a.child_id for a in apps if a.child_id is not None})
    children = document_service._children(s, child_ids)
    certificates = document_service._certificates(s, child_ids)
    requests = document_service._requests(s, (a.child_request_uid for a in apps
                                              if a.child_id is None and a.child_request_uid))

    spans: dict[tuple[int, int], list[tuple[date, date | None]]] = {}
    marks: dict[tuple[int, date], dict[int, int]] = {}
    for part in chunks(ids):
        for gid, cid, m_from, m_to in s.execute(
                select(Membership.group_id, Membership.child_id, Membership.date_from, Membership.date_to)
                .where(Membership.group_id.in_(part), Membership.archived.is_(False),
                       Membership.date_from <= last)):
            spans.setdefault((gid, cid), []).append((m_from, m_to))
        for gid, cid, day, code in s.execute(
                select(AttendanceMark.group_id, AttendanceMark.child_id, AttendanceMark.lesson_date,
                       AttendanceMark.code).where(AttendanceMark.group_id.in_(part),
                                                  AttendanceMark.lesson_date.between(first, last))):
            marks.setdefault((gid, day), {})[cid] = code

    group_rows = tuple(GroupRow(str(gid), name, g_from, g_to, tuple(lessons.get(gid, ())))
                       for gid, (name, g_from, g_to, _program) in groups.items())
    contracts: list[ContractRow] = []
    extra: dict[str, _Contract] = {}
    payer = rows_rule.payer_of_provider(provider.municipality)
    held = {gid: rows_rule.held_days(lessons.get(gid, ()), month, g_from, g_to)
            for gid, (_name, g_from, g_to, _program) in groups.items()}
    for app in apps:
        name, g_from, g_to, program = groups[app.group_id]
        member_from = rows_rule.enrolment_first_day(
            spans.get((app.group_id, app.child_id), ()) if app.child_id is not None else (),
            app.start_date, app.end_date)
        start, end = rows_rule.contract_period(member_from, app.start_date, app.end_date, g_from, g_to)
        attended = 0
        cert_number = ""
        child_name = ""
        if app.child_id is not None:
            present_days = (day for (gid, day), codes in marks.items()
                            if gid == app.group_id and codes.get(app.child_id) == PRESENT)
            attended = rows_rule.attended_count(present_days, held[app.group_id], (start, end))
            cert = certificates.get(app.child_id)
            cert_number = cert.number if cert is not None else ""
            child = children.get(app.child_id)
            if child is not None:
                child_name = " ".join(p for p in (child.last_name, child.first_name, child.middle_name) if p)
        elif app.child_request_uid and (req := requests.get(app.child_request_uid)) is not None:
            child_name = " ".join(p for p in (req.last_name, req.first_name, req.middle_name) if p)
            cert_number = req.certificate_number
        contracts.append(ContractRow(
            contract_id=app.id, number=app.contract_number or app.number, group_id=str(app.group_id),
            signed_on=rows_rule.contract_date(app.history or (), app.order_date, app.start_date),
            date_from=start, date_to=end, certificate_part=app.certificate_part or Decimal("0.00"),
            parent_part=app.parent_part or Decimal("0.00"),
            certificate_number=rows_rule.contract_certificate_number(
                app.certificate_part or Decimal("0.00"), cert_number),
            payer=payer,
            status=app.status, attended=attended))
        extra[app.id] = _Contract(child_name, program, name)

    lesson_marks: list[LessonMarks] = []
    members_of: dict[int, list[tuple[int, list[tuple[date, date | None]]]]] = {}
    for (gid, cid), child_spans in spans.items():
        members_of.setdefault(gid, []).append((cid, child_spans))
    for gid, group_lessons in lessons.items():
        _name, g_from, g_to, _program = groups[gid]
        for lesson in month_lessons(group_lessons, month, g_from, g_to):  # the month's, by held day
            day = lesson.held_on
            present = [cid for cid, child_spans in members_of.get(gid, ()) if member_on_any(child_spans, day)]
            day_marks = marks.get((gid, day), {})
            lesson_marks.append(LessonMarks(str(gid), groups[gid][0], day, len(present),
                                            sum(1 for cid in present if cid in day_marks), lesson.cancelled))
    undecided_query = select(Application.created_at).where(Application.archived.is_(False),
                                                           Application.status == APP_NEW)
    if pid is not None:
        undecided_query = undecided_query.join(StudyGroup, StudyGroup.id == Application.group_id).where(
            StudyGroup.provider_id == pid)
    undecided = tuple(d for d in (_local_day(at) for at in s.scalars(undecided_query)) if d is not None)
    figures = compute_month(month, group_rows, contracts)
    return MonthData(month, provider, group_rows, tuple(contracts), figures, tuple(lesson_marks), undecided,
                     extra, {str(gid): g[3] for gid, g in groups.items()},
                     percent if percent is not None else DEFAULT_ADVANCE_PERCENT)


def load_month(db: Database, month: YearMonth) -> MonthData:
    with db.read() as s:
        return gather_month(s, month)


# --- the screen ----------------------------------------------------------------------------------


def month_view(db: Database, month: YearMonth, today: date) -> MonthView:
    """The «Оплата» screen's month: per group its lessons, k, contracts and sums; what blocks closing."""
    data = load_month(db, month)
    return view_of(data, today)


def view_of(data: MonthData, today: date) -> MonthView:
    figures = data.figures
    groups = tuple(
        MonthGroup(int(g.group_id), g.name, data.programs.get(g.group_id, ""), g.lessons.planned_lessons,
                   g.lessons.held_lessons, g.lessons.cancelled_lessons, g.k, g.contracts,
                   g.certificate_payment, g.parent_payment)
        for g in figures.groups if g.lessons.planned_lessons or g.contracts)
    blockers = tuple(
        MonthBlocker(b.code, b.text, int(b.group_id) if b.group_id is not None else None, b.lesson_date,
                     b.count, b.group_name, b.days, b.since)
        for b in closing_blockers(data.month, today, data.lessons, data.undecided_since))
    return MonthView(
        month=data.month, today=today, groups=groups, blockers=blockers,
        payers=tuple(p.payer for p in figures.payers),
        contracts=len(figures.contracts),
        certificate_amount=sum((p.certificate_amount for p in figures.payers), Decimal("0.00")),
        certificate_total=sum((p.certificate_payment for p in figures.payers), Decimal("0.00")),
        parent_total=sum((p.parent_payment for p in figures.payers), Decimal("0.00")),
        invoice_from=invoice_issue_from(data.month),
        advance_from=advance_request_from(data.month),
    )


# --- the documents -------------------------------------------------------------------------------


def _payer(data: MonthData, payer: str | None) -> str:
    known = sorted({c.payer for c in data.figures.contracts})
    if payer is not None:
        if payer not in known:
            raise ValidationError("payer", said(
                "payment.payer_unknown",
                f"В месяце {month_ru(data.month)} нет договоров плательщика "
                f"«{payer}». Плательщики месяца: {', '.join(known) or 'нет'}.", month=month_ru(data.month),
                payer=payer, payers=", ".join(known) or said("payment.no_payers", "нет")))
        return payer
    if not known:
        raise NotFound(said("payment.no_contracts", NO_CONTRACTS.format(month=month_ru(data.month)),
                            month=month_ru(data.month)))
    if len(known) > 1:
        raise ValidationError("payer", said(
            "payment.payers_several",
            f"В месяце {month_ru(data.month)} несколько плательщиков: {', '.join(known)}. Укажите одного.",
            month=month_ru(data.month), payers=", ".join(known)))
    return known[0]


def invoice_document(data: MonthData, invoice: Invoice, today: date, number: str = "") -> InvoiceDoc:
    """Счёт за месяц with its annex from the invoice as it is sent (``money_documents.month_invoice``:
    the advance the portal holds, the corrections of closed months)."""
    lines = tuple(InvoiceLine(line.contract_number, line.contract_date, line.certificate_number, line.k,
                              line.amount) for line in invoice.lines)
    corrections = tuple(InvoiceCorrection(c.contract_number, c.contract_date, c.certificate_number,
                                          c.month[0], c.month[1], c.amount) for c in invoice.corrections)
    return InvoiceDoc(
        provider=data.provider, payer=PayerInfo(invoice.payer), year=data.month[0], month=data.month[1],
        number=number, invoice_date=today, lines=lines, total=invoice.total, advance=invoice.advance,
        due=invoice.total - invoice.advance, corrections=corrections,
        chief_accountant=data.provider.requisites.chief_accountant)


def advance_document(data: MonthData, today: date, payer: str | None = None, number: str = "") -> AdvanceDoc:
    """Заявка на аванс за месяц: a line per contract in force with its certificate monthly amount."""
    who = _payer(data, payer)
    advance = data.advance(who)
    lines = tuple(AdvanceContractLine(c.number, c.signed_on, c.certificate_number, c.certificate_amount)
                  for c in data.figures.for_payer(who) if c.certificate_amount > 0)
    return AdvanceDoc(
        provider=data.provider, payer=PayerInfo(who), year=data.month[0], month=data.month[1],
        request_date=today, lines=lines, base=advance.base, percent=advance.percent, amount=advance.amount,
        number=number, chief_accountant=data.provider.requisites.chief_accountant)


def register_document(data: MonthData, today: date, payer: str | None = None) -> ContractsRegisterDoc:
    """Реестр договоров за месяц: the contracts the certificate pays for in the month (as the advance
    and the invoice list them) with their monthly amounts; a contract the parent pays alone is not
    a contract «по сертификату»."""
    who = _payer(data, payer)
    rows_by_id = {c.contract_id: c for c in data.contracts}
    rows = []
    for c in data.figures.for_payer(who):
        if c.certificate_amount <= 0:
            continue
        row, extra = rows_by_id[c.contract_id], data.extra[c.contract_id]
        rows.append(RegisterRow(c.number, c.signed_on, extra.child_name, c.certificate_number,
                                extra.program_name, extra.group_name, row.date_from, row.date_to,
                                c.certificate_amount, c.parent_amount))
    return ContractsRegisterDoc(provider=data.provider, payer=PayerInfo(who), year=data.month[0],
                                month=data.month[1], rows=tuple(rows), printed_on=today)


# --- the accountant's XLSX -----------------------------------------------------------------------

ANNEX_SHEET = "Приложение к счёту"
CONTRACTS_SHEET = "Договоры"
GROUPS_SHEET = "Группы"
ANNEX_COLUMNS = ("№ п/п", "№ договора", "Дата договора", "№ сертификата", "Объём оказания услуги, %",
                 "К оплате, руб.")
CONTRACT_COLUMNS = ("№ договора", "Дата договора", "№ сертификата", "Обучающийся", "Программа", "Группа",
                    "Плательщик", "Объём оказания услуги, %", "Сертификат в месяц, руб.",
                    "Оплата по сертификату, руб.", "Возврат на сертификат, руб.", "Родитель в месяц, руб.",
                    "Оплата родителя, руб.", "Проведено занятий", "Посещено занятий")
GROUP_COLUMNS = ("Группа", "Программа", "Запланировано занятий", "Проведено", "Не проведено по вине "
                 "исполнителя", "Объём оказания услуги, %", "Договоров", "По сертификатам, руб.",
                 "Родители, руб.")
# What each column holds (services.xlsx formats it) and its width in characters.
ANNEX_KINDS = ((xlsx.INTEGER, 7), (xlsx.TEXT, 12), (xlsx.DATE, 12), (xlsx.TEXT, 13), (xlsx.PERCENT, 14),
               (xlsx.MONEY, 14))
CONTRACT_KINDS = ((xlsx.TEXT, 12), (xlsx.DATE, 12), (xlsx.TEXT, 13), (xlsx.TEXT, 30), (xlsx.TEXT, 30),
                  (xlsx.TEXT, 20), (xlsx.TEXT, 24), (xlsx.PERCENT, 12), (xlsx.MONEY, 14), (xlsx.MONEY, 14),
                  (xlsx.MONEY, 14), (xlsx.MONEY, 14), (xlsx.MONEY, 14), (xlsx.INTEGER, 11),
                  (xlsx.INTEGER, 11))
GROUP_KINDS = ((xlsx.TEXT, 24), (xlsx.TEXT, 34), (xlsx.INTEGER, 13), (xlsx.INTEGER, 11), (xlsx.INTEGER, 14),
               (xlsx.PERCENT, 12), (xlsx.INTEGER, 11), (xlsx.MONEY, 15), (xlsx.MONEY, 14))


def _columns(titles: Sequence[str], kinds: Sequence[tuple[str, float]]) -> list[xlsx.Column]:
    return [xlsx.Column(title, kind, width) for title, (kind, width) in zip(titles, kinds, strict=True)]


def export_month(data: MonthData, invoices: Sequence[Invoice], out: Path) -> int:
    """The month for the accountant (``services.xlsx``: openpyxl write-only, the header frozen): the
    annex of each payer's invoice as it is sent (``money_documents.month_invoices``: its lines, the
    corrections of closed months, the advance the portal holds), every contract's sums, every
    group's lessons. Numbers are numbers (money to the kopeck), dates are dates, certificate and
    contract numbers are text. Returns the contracts written."""
    with xlsx.workbook(out) as book:
        title = f"Приложение к счёту за {month_ru(data.month)} ({month_text(data.month)})"
        annex = xlsx.SheetWriter(book, ANNEX_SHEET, _columns(ANNEX_COLUMNS, ANNEX_KINDS), above=[title],
                                 autofilter=False)
        for invoice in invoices:
            annex.row([f"Плательщик: {invoice.payer}"])
            for line in invoice.lines:
                annex.row((line.n, line.contract_number, line.contract_date, line.certificate_number, line.k,
                           line.amount))
            if invoice.corrections:
                annex.row(["Корректировки за прошлые периоды (закрытые месяцы)"])
            for fix in invoice.corrections:
                annex.row((fix.n, fix.contract_number, fix.contract_date, fix.certificate_number,
                           f"за {month_ru(fix.month)}", fix.amount))
            annex.row(("", "", "", "", "Итого", invoice.total))
            annex.row(("", "", "", "", "Аванс", invoice.advance))
            annex.row(("", "", "", "", "Подлежит оплате", invoice.to_pay))
            if invoice.advance_excess:
                annex.row(("", "", "", "", "Подлежит возврату (аванс превышает стоимость услуг)",
                           invoice.advance_excess))
            annex.row(())
        annex.close()

        contracts = xlsx.SheetWriter(book, CONTRACTS_SHEET, _columns(CONTRACT_COLUMNS, CONTRACT_KINDS),
                                     freeze_columns=1)
        for c in data.figures.contracts:
            extra = data.extra[c.contract_id]
            contracts.row((c.number, c.signed_on, c.certificate_number, extra.child_name, extra.program_name,
                           extra.group_name, c.payer, c.k, c.certificate_amount, c.certificate_payment,
                           c.certificate_unpaid, c.parent_amount, c.parent_payment, c.held, c.attended))
        contracts.close()

        groups = xlsx.SheetWriter(book, GROUPS_SHEET, _columns(GROUP_COLUMNS, GROUP_KINDS), freeze_columns=1)
        for g in data.figures.groups:
            if not (g.lessons.planned_lessons or g.contracts):
                continue
            groups.row((g.name, data.programs.get(g.group_id, ""), g.lessons.planned_lessons,
                        g.lessons.held_lessons, g.lessons.cancelled_lessons, g.k, g.contracts,
                        g.certificate_payment, g.parent_payment))
        groups.close()
    return len(data.figures.contracts)


__all__ = [
    "MonthData",
    "advance_document",
    "export_month",
    "gather_month",
    "invoice_document",
    "k_text",
    "load_month",
    "month_view",
    "register_document",
    "view_of",
]
