"""«Экспорт в Excel…» of the lists people keep in Excel (issue 13): the journal of a month, the
children with their certificates, the applications, the programme catalogue. Each reads what its
screen reads — the same service, the same filters — and writes it with ``services.xlsx`` (openpyxl
write-only: a frozen bold header, widths, a filter; text as text, dates as dates, numbers as numbers).

The long lists stream: children and applications are read from the database a batch at a time
(``yield_per``) and written as they come, so 100 k rows never sit in a list (benchmarks/exports_bench.py).

Decisions (docs in README «Выгрузка в Excel»):

* **Journal**: a sheet per group (the group's name, made a valid sheet name). The rows are the
  screen's children in its order, the columns the screen's lessons of the month (a moved lesson on
  its new date, a cancelled one kept: «×» in its cells). A cell holds the **letter the screen and
  the printed journal show** (+ был, н не был, б болел, у уважительная причина), not the portal's
  code 1–4: a sum over a range of codes would mean nothing, and the letters read like the paper
  journal. The totals per child are numbers: «Был», «Не был», «Болел», «Уваж. причина» and
  «Проведено занятий» — held lessons while the child was in the group, future ones not counted
  (``domain.attendance.counts_in_totals``, as the screen's «Итого»); «Присутствовали» per lesson
  below. A lesson's state (cancelled, moved, off the schedule) is explained under the table.
  Without a group: every group whose dates touch the month and that has lessons or children in it.
* **Children**: registry children and open new-child requests matching the screen's search (all
  of them: the screen shows the first 200), by name and date of birth. The СНИЛС as the screen
  shows it (the whole formatted number: the PC holds only the children the portal disclosed to
  this provider, ``domain.privacy`` rule 1; candidates of an ambiguous match, shown by their tail
  only, are not in the list). The certificate's nominal, balance and reserve as of the last sync.
* **Applications**: the screen's list with its filters, one line per application, newest first.
* **Programmes**: the catalogue with the screen's filters; hours and price are the sums over the
  programme's live modules (the «Модули» sheet has each module); the «Группы» sheet the live
  groups of the programmes listed.
"""

from __future__ import annotations

import heapq
import logging
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from pfdo_desktop.domain.applications import APPLICATION_STATUSES_RU
from pfdo_desktop.domain.attendance import AttendanceCode, counts_in_totals
from pfdo_desktop.domain.catalog import (
    CERTIFICATE_STATUSES,
    DIRECTIONS,
    NOMINAL_UNITS,
    PROGRAM_STATUSES,
    REGISTRIES,
)
from pfdo_desktop.domain.schedule import month_bounds
from pfdo_desktop.models import Certificate, Child, Database, Module, StudyGroup

from . import applications as application_service
from . import groups as group_service
from . import journal as journal_service
from . import programs as program_service
from .children import _Cols, _conditions, _search_requests, _tokens
from .enrolment_rows import PENDING_TITLES_RU, full_name, last_sync_at, shown_snils
from .errors import NotFound
from .rows import ApplicationRow, ChildRow, GroupRow, Journal, ProgramListRow
from .xlsx import (
    DATE,
    DATETIME,
    INTEGER,
    MONEY,
    SHORT_DATE,
    Column,
    SheetWriter,
    sheet_title,
    workbook,
)

log = logging.getLogger(__name__)

BATCH = 2000  # database rows fetched at a time by a streaming export

MONTHS_RU = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
             "октябрь", "ноябрь", "декабрь")

# --- the journal ----------------------------------------------------------------------------------

CANCELLED_MARK = "×"
JOURNAL_FIXED = (Column("№", INTEGER, 5), Column("ФИО", width=34), Column("Дата рождения", DATE, 12),
                 Column("Сертификат", width=12))
JOURNAL_TOTALS = (Column("Был", INTEGER, 6), Column("Не был", INTEGER, 7), Column("Болел", INTEGER, 7),
                  Column("Уваж. причина", INTEGER, 9), Column("Проведено занятий", INTEGER, 10))
JOURNAL_LEGEND = ("Отметки: + был, н не был, б болел, у уважительная причина; «×» — занятие не проведено "
                  "по вине исполнителя. Итоги — по проведённым занятиям, пока ребёнок в группе (будущие "
                  "занятия не считаются).")
TOTAL_CODES = (AttendanceCode.PRESENT, AttendanceCode.ABSENT, AttendanceCode.SICK, AttendanceCode.EXCUSED)


def month_title(month: date) -> str:
    """«ноябрь 2026»."""
    return f"{MONTHS_RU[month.month - 1]} {month.year}"


def journal_groups(db: Database, month: date, group_id: int | None) -> list[GroupRow]:
    """The group asked for (``NotFound`` if this PC has no such group), or every group whose dates
    touch the month, by programme and name."""
    if group_id is not None:
        group = group_service.get_group(db, group_id)
        if group is None:
            raise NotFound(f"группы № {group_id} нет на этом ПК: номера групп — в списке групп "
                           "программы (pfdo-desktop status покажет, что загружено)")
        return [group]
    first, last = month_bounds(month)
    return [g for g in group_service.list_groups(db) if g.date_from <= last and g.date_to >= first]


def export_journal(db: Database, month: date, out: Path, group_id: int | None = None,
                   today: date | None = None) -> int:
    """The month's journal of one group (``group_id``) or of every group with lessons or children
    in the month, a sheet per group; returns the sheets written. ``NotFound`` when there is none."""
    today = today or date.today()
    first, last = month_bounds(month)
    with workbook(out) as book:
        taken: set[str] = set()
        sheets = 0
        for group in journal_groups(db, month, group_id):
            journal = journal_service.load_journal(db, group.id, first, last)
            if group_id is None and not (journal.lessons and journal.children):
                continue
            _journal_sheet(book, sheet_title(group.name, taken), journal, month, today)
            sheets += 1
        if not sheets:
            raise NotFound(f"за {month_title(month)} нет групп с занятиями и детьми: выгружать нечего")
    log.info("journal exported: %d group(s)", sheets)
    return sheets


def _journal_sheet(book: Any, title: str, journal: Journal, month: date, today: date) -> None:
    group = journal.group
    lessons = journal.lessons
    marks = journal.marks
    marked_days = {day for (_child, day) in marks}
    held = [not lesson.cancelled and counts_in_totals(lesson.lesson_date, today,
                                                      marked=lesson.lesson_date in marked_days)
            for lesson in lessons]
    columns = [*JOURNAL_FIXED, *(Column(f"{c.lesson_date:%d.%m}", SHORT_DATE, 6.5) for c in lessons),
               *JOURNAL_TOTALS]
    header = [c.title for c in JOURNAL_FIXED] + [c.lesson_date for c in lessons] + \
        [c.title for c in JOURNAL_TOTALS]
    details = " · ".join(x for x in (group.module_name, group.teacher, group.schedule) if x)
    heading = f"Журнал посещаемости: {group.name} — {group.program_name}, {month_title(month)}"
    sheet = SheetWriter(book, title, columns, above=[heading + (f" ({details})" if details else "")],
                        freeze_columns=2, header_cells=header)
    present_at = [0] * len(lessons)
    for n, child in enumerate(journal.children, 1):
        cells: list[object] = []
        counts = dict.fromkeys(TOTAL_CODES, 0)
        lessons_held = 0
        for i, lesson in enumerate(lessons):
            day = lesson.lesson_date
            code = marks.get((child.child_id, day))
            member = child.is_member_on(day)
            if lesson.cancelled:
                cells.append(CANCELLED_MARK if member else None)
                continue
            cells.append(AttendanceCode(code).short if code in TOTAL_CODES else None)
            if held[i] and member:
                lessons_held += 1
                if code in TOTAL_CODES:
                    counts[AttendanceCode(code)] += 1
            if held[i] and code == AttendanceCode.PRESENT:
                present_at[i] += 1
        sheet.row([n, child.full_name, child.birth_date, child.certificate_number or None, *cells,
                   *counts.values(), lessons_held])
    sheet.line(["", "Присутствовали", None, None,
                *(present_at[i] if held[i] else None for i in range(len(lessons))),
                sum(present_at)])
    sheet.line()
    sheet.line(["", JOURNAL_LEGEND])
    for lesson in lessons:
        note = _lesson_note(lesson)
        if note:
            sheet.line(["", note])
    if not lessons:
        sheet.line(["", "В этом месяце у группы нет занятий по расписанию."])
    sheet.close()


def _lesson_note(lesson: Any) -> str:
    day = f"{lesson.lesson_date:%d.%m.%Y}"
    reason = f": {lesson.reason}" if lesson.reason else ""
    if lesson.cancelled:
        return f"{day} — занятие не проведено по вине исполнителя{reason}"
    if lesson.moved_from is not None:
        return f"{day} — занятие перенесено с {lesson.moved_from:%d.%m.%Y}{reason}"
    if lesson.off_schedule:
        return f"{day} — занятия нет в новом расписании; оставлено, потому что есть отметки"
    return ""


# --- children -------------------------------------------------------------------------------------

CHILD_COLUMNS = (
    Column("ФИО", width=34), Column("Дата рождения", DATE, 13), Column("СНИЛС", width=15),
    Column("Сертификат", width=12), Column("Вид сертификата", width=10), Column("Номинал", MONEY, 12),
    Column("Остаток", MONEY, 12), Column("Резерв", MONEY, 12), Column("Единица", width=8),
    Column("Состояние", width=26),
)
REQUEST_STATES_RU = {  # as the children list says them (ui/common/texts.request_state_text)
    "pending": "ждёт ответа портала",
    "ambiguous": "выберите ребёнка",
    "rejected": "отклонён порталом",
    "registered": "уже есть в реестре",
}


def iter_children(s: Any, query: str = "") -> Iterator[tuple[object, ...]]:
    """The children list's lines for ``query`` (all, not the screen's first 200), by ФИО and date of
    birth: registry children with their live certificate (the newest, as the screen picks it), and
    the new-child requests the screen shows, merged in by name."""
    tokens = _tokens(query)
    latest = (select(Certificate.child_id, func.max(Certificate.id).label("cert_id"))
              .where(Certificate.archived.is_(False)).group_by(Certificate.child_id).subquery())
    cert = aliased(Certificate)
    number = func.coalesce(cert.number, "")
    cols = _Cols(Child.search_name, Child.birth_date, Child.snils, number)
    registry = (
        select(Child.search_name, Child.birth_date, Child.id, Child.last_name, Child.first_name,
               Child.middle_name, Child.snils, cert.number, cert.status, cert.nominal, cert.balance,
               cert.reserve, cert.unit)
        .outerjoin(latest, latest.c.child_id == Child.id)
        .outerjoin(cert, cert.id == latest.c.cert_id)
        .where(Child.archived.is_(False), *_conditions(cols, tokens))
        .order_by(Child.search_name, Child.birth_date, Child.id)
        .execution_options(yield_per=BATCH)
    )
    children = ((r[0], r[1], f"c:{r[2]}", r) for r in s.execute(registry))
    asked = _search_requests(s, tokens, 10**9)  # a handful: requests wait for the next sync
    requests = sorted(((name, row.birth_date, row.key, row) for name, row in asked), key=lambda x: x[:3])
    for _name, _born, _key, row in heapq.merge(children, requests, key=lambda x: x[:3]):
        if isinstance(row, ChildRow):
            yield _request_line(row)
        else:
            yield _child_line(row)


def _child_line(r: Any) -> tuple[object, ...]:
    (_name, born, _cid, last, first, middle, snils, number, status, nominal, balance, reserve, unit) = r
    return (full_name(last, first, middle), born, shown_snils(snils), number,
            CERTIFICATE_STATUSES.get(status, status) if status else None, nominal, balance, reserve,
            NOMINAL_UNITS.get(unit, unit) if unit else None, None)


def _request_line(row: ChildRow) -> tuple[object, ...]:
    state = REQUEST_STATES_RU.get(row.state, row.state)
    if row.pending_action:
        state = f"ожидает отправки: {PENDING_TITLES_RU.get(row.pending_action, row.pending_action)}"
    return (row.full_name, row.birth_date, row.snils, row.certificate_number, None, None, None, None, None,
            f"запрос на нового ребёнка: {state}")


def export_children(db: Database, out: Path, query: str = "") -> int:
    """The children list (``query``: the screen's search) to XLSX; returns the lines written."""
    with workbook(out) as book:
        sheet = SheetWriter(book, "Дети и сертификаты", CHILD_COLUMNS, freeze_columns=1)
        with db.read() as s:
            sheet.write(iter_children(s, query))
            synced = last_sync_at(s)
        if synced is not None:
            sheet.line()
            sheet.line([f"Сертификаты — по данным синхронизации {synced.astimezone():%d.%m.%Y %H:%M}"])
        count = sheet.close()
    log.info("children exported: %d line(s)", count)
    return count


# --- applications ---------------------------------------------------------------------------------

APPLICATION_COLUMNS = (
    Column("№ заявки", width=12), Column("Ребёнок", width=32), Column("Дата рождения", DATE, 13),
    Column("Сертификат", width=12), Column("Программа", width=34), Column("Группа", width=22),
    Column("Начало", DATE, 11), Column("Статус", width=16), Column("Ожидает отправки", width=22),
    Column("Причина отклонения", width=26), Column("Приказ №", width=10), Column("Дата приказа", DATE, 12),
    Column("Окончание", DATE, 11), Column("№ договора", width=12), Column("Стоимость", MONEY, 12),
    Column("Из сертификата", MONEY, 13), Column("Родитель", MONEY, 12), Column("Реестр", width=18),
    Column("Создана", DATETIME, 16),
)


def _application_line(row: ApplicationRow) -> tuple[object, ...]:
    born = row.child_birth_date if row.child_birth_date != date.min else None
    pending = PENDING_TITLES_RU.get(row.pending_action, row.pending_action) if row.pending_action else None
    return (row.number or None, row.child_name, born, row.certificate_number or None, row.program_name,
            row.group_name, row.start_date, APPLICATION_STATUSES_RU.get(row.status, row.status), pending,
            row.reason_text or None, row.order_number or None, row.order_date, row.end_date,
            row.contract_number or None, row.price_total, row.certificate_part, row.parent_part,
            REGISTRIES.get(row.registry, row.registry) if row.registry else None, row.created_at)


def export_applications(db: Database, out: Path, *, status: str | None = None, group_id: int | None = None,
                        query: str = "") -> int:
    """The applications list with the screen's filters to XLSX; returns the lines written."""
    with workbook(out) as book:
        sheet = SheetWriter(book, "Заявки", APPLICATION_COLUMNS, freeze_columns=2)
        with db.read() as s:
            rows = application_service.iter_applications(s, status=status, group_id=group_id, query=query,
                                                          batch=BATCH)
            sheet.write(_application_line(row) for row in rows)
        count = sheet.close()
    log.info("applications exported: %d line(s)", count)
    return count


# --- programmes -----------------------------------------------------------------------------------

PROGRAM_COLUMNS = (
    Column("Программа", width=40), Column("Краткое название", width=20), Column("Направленность", width=24),
    Column("Реестр", width=22), Column("Возраст от", INTEGER, 9), Column("Возраст до", INTEGER, 9),
    Column("Статус", width=24), Column("Педагоги", width=28), Column("Модулей", INTEGER, 9),
    Column("Групп", INTEGER, 8), Column("Часов", INTEGER, 8), Column("Стоимость", MONEY, 13),
)
MODULE_COLUMNS = (
    Column("Программа", width=40), Column("Модуль", width=30), Column("Часов", INTEGER, 8),
    Column("Стоимость", MONEY, 13), Column("Нормативная стоимость", MONEY, 14),
    Column("Детей от", INTEGER, 9), Column("Детей до", INTEGER, 9), Column("Групп", INTEGER, 8),
)
GROUP_COLUMNS = (
    Column("Группа", width=24), Column("Программа", width=40), Column("Модуль", width=26),
    Column("Педагог", width=22), Column("Начало", DATE, 11), Column("Окончание", DATE, 11),
    Column("Мест", INTEGER, 7), Column("Детей", INTEGER, 7), Column("Расписание", width=36),
)


def program_status_ru(row: ProgramListRow) -> str:
    """The catalogue's status cell in words (ui/programs/texts.status_text, without Qt)."""
    status, draft, comment = row.status, row.draft_state, row.comment
    title = PROGRAM_STATUSES.get(status, status) if status else ""
    if draft == "returned" or (status == "returned" and draft in ("", "returned")):
        return f"на доработке: {comment}" if comment else PROGRAM_STATUSES["returned"]
    if draft == "submitted":
        if status in ("published", "returned"):
            return f"{title} · новая редакция на модерации"
        return PROGRAM_STATUSES["moderation"]
    if draft == "conflict":
        return f"{title} · изменена на портале: сверьте черновик"
    if draft == "draft":
        text = "черновик на ПК" if status in ("", "draft") else f"{title} · черновик на ПК"
        return text + (f" · портал не принял: {comment}" if comment else "")
    return title


def export_programs(db: Database, out: Path, *, direction: str | None = None, age: int | None = None,
                    registry: str | None = None, status: str | None = None, teacher: str | None = None,
                    text: str = "") -> int:
    """The programme catalogue with the screen's filters to XLSX (programmes, their modules, their
    groups); returns the programmes written."""
    catalogue = program_service.catalogue(db, direction=direction, age=age, registry=registry,
                                          status=status, teacher=teacher, text=text)
    ids = {row.program_id for row in catalogue.rows if row.program_id is not None}
    modules: dict[int, list[Any]] = {}
    with db.read() as s:
        group_counts = dict(s.execute(select(StudyGroup.module_id, func.count())
                                      .where(StudyGroup.archived.is_(False))
                                      .group_by(StudyGroup.module_id)).all())
        for module in s.execute(select(Module.program_id, Module.id, Module.name, Module.hours, Module.price,
                                       Module.normative_price, Module.min_children, Module.max_children)
                                .where(Module.archived.is_(False)).order_by(Module.program_id, Module.id)):
            if module.program_id in ids:
                modules.setdefault(module.program_id, []).append(module)
    with workbook(out) as book:
        programs = SheetWriter(book, "Программы", PROGRAM_COLUMNS, freeze_columns=1)
        for row in catalogue.rows:
            own = modules.get(row.program_id, []) if row.program_id is not None else []
            hours = sum(m.hours for m in own) if own else None
            price = sum((Decimal(m.price) for m in own), Decimal(0)) if own else None
            programs.row((row.name, row.short_name or None,
                          DIRECTIONS.get(row.direction, row.direction) or None,
                          REGISTRIES.get(row.registry, row.registry) or None, row.age_from_years,
                          row.age_to_years, program_status_ru(row), row.teachers or None, row.modules,
                          row.groups, hours, price))
        count = programs.close()
        names = {row.program_id: row.name for row in catalogue.rows if row.program_id is not None}
        module_sheet = SheetWriter(book, "Модули", MODULE_COLUMNS, freeze_columns=2)
        for row in catalogue.rows:
            for m in modules.get(row.program_id, []) if row.program_id is not None else []:
                module_sheet.row((row.name, m.name, m.hours, m.price, m.normative_price, m.min_children,
                                  m.max_children, group_counts.get(m.id, 0)))
        module_sheet.close()
        group_sheet = SheetWriter(book, "Группы", GROUP_COLUMNS, freeze_columns=1)
        for g in group_service.list_groups(db):
            if g.program_id in names:
                group_sheet.row((g.name, g.program_name, g.module_name, g.teacher or None, g.date_from,
                                 g.date_to, g.capacity, g.children, g.schedule or None))
        group_sheet.close()
    log.info("programmes exported: %d", count)
    return count


__all__ = [
    "APPLICATION_COLUMNS",
    "CHILD_COLUMNS",
    "export_applications",
    "export_children",
    "export_journal",
    "export_programs",
    "iter_children",
    "journal_groups",
    "month_title",
    "program_status_ru",
]
