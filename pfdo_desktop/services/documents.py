"""What the printed forms say (issue #5): the local database → ``domain.documents`` dataclasses.

Reads only; each function is one read transaction (the journal: the journal screen's own loader,
then one read for the provider and the group) and returns frozen plain values that ``printing``
draws. What the system does not know stays "" / None: the form draws a line to fill by hand.

Decisions where the design is silent:

* **The provider** is the one this PC is enrolled for (``Device.provider_id``); before its row is
  pulled, its name from the enrolment answer; a PC not enrolled with one provider in its cache
  uses that one.
* **The child of a document** is the registry child («c:<id>»), or a new-child request made on this
  PC («r:<uid>») with the data typed into it; a request the portal has answered with a child that
  is already here prints as that child. A request prints without a certificate (the portal has not
  issued or matched one yet: the form leaves the certificate lines blank). The representative is
  the child's first guardian (by id) with the phone and e-mail; addresses are never kept, so they
  are always blank.
* **The certificate**: the child's live certificate (the newest one, as the child card shows it);
  its figures are as of the last successful sync (``as_of``).
* **The contract date** is the day the portal confirmed the application (the оферта is created
  then: the «подтверждена» entry of its history, else ``decided_at``), or the enrolment order's
  date when neither is known; an application not confirmed yet («новая», rejected, …) has none.
* **The contract's end** is the application's ``end_date`` (expelled, transferred, terminated),
  else the group's last day. **Money** is the contract's stored price and split (the portal's
  figures; an ended contract was re-priced by the portal for its shorter period), and the monthly
  schedule splits those parts over the months from the start to the end; a budget programme (no
  price) has neither. A paid programme's application the portal has not priced yet («новая») is
  ``price_pending``: its contract leaves the money as lines, never «бесплатно».
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from pfdo_desktop.domain.applications import (
    APP_ACTIVE,
    APP_CONFIRMED,
    APP_EXPELLED,
    APP_NEW,
    APP_TERMINATED,
    APP_TRANSFERRED,
    APPLICATION_STATUSES_RU,
    DOCUMENT_KINDS_RU,
    END_REASON_TERMINATION,
    END_REASON_TRANSFER,
    END_REASONS_RU,
    RELATIONS_RU,
)
from pfdo_desktop.domain.catalog import BUDGET_REGISTRIES, CERT_ACCOUNTING, CERT_PF, DIRECTIONS, REGISTRIES
from pfdo_desktop.domain.documents import (
    ApplicationDoc,
    CertificateInfo,
    ChildDoc,
    JournalChild,
    JournalDoc,
    PaymentMonth,
    PersonInfo,
    ProviderInfo,
    StudyInfo,
    payment_schedule,
)
from pfdo_desktop.domain.identity import search_name, search_text
from pfdo_desktop.domain.plural import plural_ru
from pfdo_desktop.domain.requisites import Requisites
from pfdo_desktop.domain.said import said
from pfdo_desktop.domain.schedule import WEEKDAYS_RU, month_bounds
from pfdo_desktop.models import (
    Application,
    Certificate,
    Child,
    ChildRequest,
    Database,
    Device,
    Guardian,
    Module,
    Program,
    Provider,
    ScheduleSlot,
    StudyGroup,
)

from . import journal as journal_service
from .enrolment_rows import chunks, last_sync_at, parse_key, shown_snils
from .errors import (
    APPLICATION_NOT_FOUND,
    CHILD_NOT_FOUND,
    GROUP_NOT_FOUND,
    REQUEST_NOT_FOUND,
    NotFound,
    ValidationError,
)

# Applications a group's batch prints: the ones that hold or ask for a place.
LIVE_STATUSES = (APP_NEW, APP_CONFIRMED, APP_ACTIVE)

# A certificate's status as the forms word it («сертификат …»).
CERTIFICATE_STATUSES_RU: dict[str, str] = {
    CERT_PF: "персонифицированного финансирования",
    CERT_ACCOUNTING: "учёта",
}

_END_REASON_BY_STATUS = {APP_TRANSFERRED: END_REASON_TRANSFER, APP_TERMINATED: END_REASON_TERMINATION}

_NO_PROVIDER = said(
    "not_found.provider", "Организация не найдена в локальной базе: подключите ПК к порталу и "
    "синхронизируйте данные.")
_NO_CHILD = CHILD_NOT_FOUND
_NO_REQUEST = REQUEST_NOT_FOUND
_NO_GROUP = GROUP_NOT_FOUND
_NO_APPLICATION = APPLICATION_NOT_FOUND


# --- the parts -----------------------------------------------------------------------------------


def provider_info(db: Database) -> ProviderInfo:
    """The organisation this PC works for, with its requisites as the portal knows them."""
    with db.read() as s:
        return _provider(s)


def _provider(s: Session) -> ProviderInfo:
    device = s.scalar(select(Device))
    row: Provider | None = None
    if device is not None and device.provider_id is not None:
        row = s.get(Provider, device.provider_id)
        if row is None and device.provider_name:  # enrolled, its row not pulled yet
            return ProviderInfo(name=device.provider_name)
    if row is None:
        rows = s.scalars(select(Provider).where(Provider.archived.is_(False)).limit(2)).all()
        if len(rows) != 1:
            raise NotFound(_NO_PROVIDER)
        row = rows[0]
    return ProviderInfo(name=row.name, short_name=row.short_name, inn=row.inn, ogrn=row.ogrn,
                        address=row.address, head_name=row.head_name, municipality=row.municipality,
                        head_position=_head_position(row.name, row.short_name, row.head_position),
                        requisites=Requisites(kpp=row.kpp, bank_name=row.bank_name, bik=row.bik,
                                              account=row.account, corr_account=row.corr_account,
                                              chief_accountant=row.chief_accountant))


_ENTREPRENEUR_NAME = re.compile(r"(?:индивидуальный\s+предприниматель|ип)(?:\s|$)", re.IGNORECASE)


def _head_position(name: str, short_name: str, position: str) -> str:
    """The head's title: an individual entrepreneur, told by the provider's own name («ИП …»,
    «Индивидуальный предприниматель …»), is one whatever else is recorded (no charter, no
    director); otherwise the position the portal sent. A title is never guessed from the kind of
    organisation: "" when the portal has none (the forms say «руководитель»)."""
    if any(_ENTREPRENEUR_NAME.match(n.strip()) for n in (name, short_name)):
        return "индивидуальный предприниматель"
    return " ".join(position.split())


def _local_date(moment: datetime | None) -> date | None:
    """The operator's calendar day of a stored (UTC) moment."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().date()


def _as_of(s: Session) -> date | None:
    return _local_date(last_sync_at(s))


def _child_person(child: Child) -> PersonInfo:
    return PersonInfo(
        last_name=child.last_name, first_name=child.first_name, middle_name=child.middle_name,
        birth_date=child.birth_date, snils=shown_snils(child.snils),
        doc_kind=DOCUMENT_KINDS_RU.get(child.doc_kind, child.doc_kind), doc_number=child.doc_number)


def _request_person(req: ChildRequest) -> PersonInfo:
    return PersonInfo(
        last_name=req.last_name, first_name=req.first_name, middle_name=req.middle_name,
        birth_date=req.birth_date, snils=shown_snils(req.snils),
        doc_kind=DOCUMENT_KINDS_RU.get(req.doc_kind, req.doc_kind), doc_number=req.doc_number)


def _guardian_person(g: Guardian) -> PersonInfo:
    return PersonInfo(last_name=g.last_name, first_name=g.first_name, middle_name=g.middle_name,
                      relation=RELATIONS_RU.get(g.relation, g.relation), phone=g.phone, email=g.email)


def _request_guardian(req: ChildRequest) -> PersonInfo | None:
    if not (req.guardian_last_name or req.guardian_first_name):
        return None
    return PersonInfo(last_name=req.guardian_last_name, first_name=req.guardian_first_name,
                      middle_name=req.guardian_middle_name,
                      relation=RELATIONS_RU.get(req.guardian_relation, req.guardian_relation),
                      phone=req.phone, email=req.email)


def _certificate_info(cert: Certificate, as_of: date | None) -> CertificateInfo:
    return CertificateInfo(number=cert.number, status=cert.status,
                           status_ru=CERTIFICATE_STATUSES_RU.get(cert.status, cert.status),
                           nominal=cert.nominal, balance=cert.balance, reserve=cert.reserve, as_of=as_of,
                           unit=cert.unit)


def _first_guardians(s: Session, child_ids: Iterable[int]) -> dict[int, Guardian]:
    """Each child's first live guardian (by id)."""
    out: dict[int, Guardian] = {}
    for part in chunks(sorted(set(child_ids))):
        for g in s.scalars(select(Guardian).where(Guardian.child_id.in_(part), Guardian.archived.is_(False))
                           .order_by(Guardian.id)):
            out.setdefault(g.child_id, g)
    return out


def _certificates(s: Session, child_ids: Iterable[int]) -> dict[int, Certificate]:
    """Each child's live certificate (the newest, as the child card shows it)."""
    out: dict[int, Certificate] = {}
    for part in chunks(sorted(set(child_ids))):
        for c in s.scalars(select(Certificate).where(Certificate.child_id.in_(part),
                                                     Certificate.archived.is_(False))
                           .order_by(Certificate.id.desc())):
            out.setdefault(c.child_id, c)
    return out


def _children(s: Session, child_ids: Iterable[int]) -> dict[int, Child]:
    out: dict[int, Child] = {}
    for part in chunks(sorted(set(child_ids))):
        out.update((c.id, c) for c in s.scalars(select(Child).where(Child.id.in_(part))))
    return out


def _requests(s: Session, uids: Iterable[str]) -> dict[str, ChildRequest]:
    out: dict[str, ChildRequest] = {}
    for part in chunks(sorted(set(uids))):
        out.update((r.uid, r) for r in s.scalars(select(ChildRequest).where(ChildRequest.uid.in_(part))))
    return out


# --- study: programme, module, group -------------------------------------------------------------


def schedule_text(slots: Sequence[tuple[int, str, str, str]], explicit_dates: int = 0) -> str:
    """«Пн, Ср 15:00–15:45, каб. 12; Пт 16:00–16:45» from (weekday, from, to, room) slots; a schedule
    by dates: «по отдельным датам: 12 занятий»."""
    if explicit_dates:
        word = plural_ru(explicit_dates, "занятие", "занятия", "занятий")
        return f"по отдельным датам: {explicit_dates} {word}"
    same: dict[tuple[str, str, str], list[int]] = {}
    for weekday, t_from, t_to, room in sorted(slots):
        days = same.setdefault((t_from, t_to, room.strip()), [])
        if weekday not in days:
            days.append(weekday)
    parts = []
    for (t_from, t_to, room), days in same.items():
        text = f"{', '.join(WEEKDAYS_RU[d - 1] for d in days if 1 <= d <= 7)} {t_from}–{t_to}"
        parts.append(f"{text}, {room}" if room else text)
    return "; ".join(parts)


def _studies(s: Session, group_ids: Iterable[int]) -> dict[int, StudyInfo]:
    """Programme, module and group of each group (missing groups are left out)."""
    ids = sorted(set(group_ids))
    out: dict[int, StudyInfo] = {}
    for part in chunks(ids):
        rows = s.execute(
            select(StudyGroup, Program, Module)
            .join(Program, Program.id == StudyGroup.program_id)
            .join(Module, Module.id == StudyGroup.module_id)
            .where(StudyGroup.id.in_(part))
        ).all()
        slots: dict[int, list[tuple[int, str, str, str]]] = {}
        for gid, weekday, t_from, t_to, room in s.execute(
                select(ScheduleSlot.group_id, ScheduleSlot.weekday, ScheduleSlot.time_from,
                       ScheduleSlot.time_to, ScheduleSlot.room)
                .where(ScheduleSlot.group_id.in_(part), ScheduleSlot.archived.is_(False))):
            slots.setdefault(gid, []).append((weekday, t_from, t_to, room or ""))
        for group, program, module in rows:
            registry = REGISTRIES.get(program.registry_code, program.registry_code)
            out[group.id] = StudyInfo(
                program_name=program.name,
                direction_ru=DIRECTIONS.get(program.direction, program.direction),
                registry_ru=f"{registry} программы" if registry else "",
                module_name=module.name,
                hours=module.hours,
                group_name=group.name,
                teacher=group.teacher,
                group_from=group.date_from,
                group_to=group.date_to,
                schedule=schedule_text(slots.get(group.id, []), len(group.explicit_dates or [])),
                address=next((a for a in (program.addresses or []) if isinstance(a, str) and a.strip()), ""),
            )
    return out


# --- a child's documents -------------------------------------------------------------------------


def child_document(db: Database, key: str, today: date) -> ChildDoc:
    """A child's forms (certificate application, registry extract, consent) for «c:<id>» or a
    new-child request «r:<uid>»."""
    child_id, uid = parse_key(key)
    with db.read() as s:
        provider = _provider(s)
        if uid is not None:
            req = s.get(ChildRequest, uid)
            if req is None:
                raise NotFound(_NO_REQUEST)
            if req.child_id is None or s.get(Child, req.child_id) is None:
                return ChildDoc(provider=provider, child=_request_person(req),
                                guardian=_request_guardian(req), certificate=None, printed_on=today,
                                registry_as_of=_as_of(s), in_registry=False)
            child_id = req.child_id
        assert child_id is not None
        child = s.get(Child, child_id)
        if child is None:
            raise NotFound(_NO_CHILD)
        guardian = _first_guardians(s, [child_id]).get(child_id)
        cert = _certificates(s, [child_id]).get(child_id)
        as_of = _as_of(s)
        return ChildDoc(
            provider=provider,
            child=_child_person(child),
            guardian=_guardian_person(guardian) if guardian is not None else None,
            certificate=_certificate_info(cert, as_of) if cert is not None else None,
            printed_on=today,
            registry_as_of=as_of,
        )


# --- applications --------------------------------------------------------------------------------


def _contract_date(app: Application) -> date | None:
    """The day the portal confirmed the application (the оферта), else the enrolment order's date;
    None for an application never confirmed."""
    confirmed = [item.get("at") for item in app.history or []
                 if isinstance(item, dict) and item.get("status") == APP_CONFIRMED]
    for at in confirmed:
        try:
            return _local_date(datetime.fromisoformat(str(at).replace("Z", "+00:00")))
        except ValueError:
            continue
    if app.status in (APP_CONFIRMED, APP_ACTIVE, APP_EXPELLED, APP_TRANSFERRED, APP_TERMINATED):
        return _local_date(app.decided_at) or app.order_date
    return None


def _end_reason(app: Application) -> str:
    code = app.end_reason or _END_REASON_BY_STATUS.get(app.status, "")
    return END_REASONS_RU.get(code, "")


def _application_docs(s: Session, apps: Sequence[Application], today: date) -> list[ApplicationDoc]:
    """The documents of ``apps`` (in their order), built with a few bulk queries."""
    if not apps:
        return []
    provider = _provider(s)
    studies = _studies(s, (a.group_id for a in apps))
    requests = _requests(s, (a.child_request_uid for a in apps if a.child_request_uid))
    ids = {a.child_id for a in apps if a.child_id is not None}
    ids |= {r.child_id for r in requests.values() if r.child_id is not None}
    children = _children(s, ids)
    guardians = _first_guardians(s, children)
    certificates = _certificates(s, children)
    as_of = _as_of(s) if certificates else None
    paid_groups = _paid_groups(s, (a.group_id for a in apps))
    out: list[ApplicationDoc] = []
    for app in apps:
        study = studies.get(app.group_id)
        if study is None:
            raise NotFound(said("not_found.application_group",
                                "Группа заявки не найдена в локальной базе: синхронизируйте данные."))
        child = children.get(app.child_id) if app.child_id is not None else None
        req = requests.get(app.child_request_uid) if app.child_request_uid else None
        if child is None and req is not None and req.child_id is not None:
            child = children.get(req.child_id)
        guardian: PersonInfo | None = None
        certificate: CertificateInfo | None = None
        if child is not None:
            person = _child_person(child)
            g = guardians.get(child.id)
            guardian = _guardian_person(g) if g is not None else None
            cert = certificates.get(child.id)
            certificate = _certificate_info(cert, as_of) if cert is not None else None
        elif req is not None:
            person = _request_person(req)
            guardian = _request_guardian(req)
        else:
            raise NotFound(said("not_found.application_child",
                                "Ребёнок заявки ещё не загружен с портала: синхронизируйте данные."))
        end = app.end_date or study.group_to
        schedule: tuple[PaymentMonth, ...] = ()
        if app.certificate_part is not None and app.parent_part is not None:
            schedule = payment_schedule(app.start_date, end, app.certificate_part, app.parent_part)
        out.append(ApplicationDoc(
            provider=provider,
            child=person,
            guardian=guardian,
            certificate=certificate,
            study=study,
            number=app.number,
            status_ru=APPLICATION_STATUSES_RU.get(app.status, app.status),
            created=_local_date(app.created_at) or today,
            start_date=app.start_date,
            end_date=end,
            contract_number=app.contract_number,
            contract_date=_contract_date(app),
            price_total=app.price_total,
            certificate_part=app.certificate_part,
            parent_part=app.parent_part,
            schedule=schedule,
            order_number=app.order_number,
            order_date=app.order_date,
            end_order_number=app.end_order_number,
            end_order_date=app.end_order_date,
            end_reason_ru=_end_reason(app),
            printed_on=today,
            price_pending=app.price_total is None and app.group_id in paid_groups,
        ))
    return out


def _paid_groups(s: Session, group_ids: Iterable[int]) -> set[int]:
    """The groups whose programme is paid for (certified or paid registry), not from the budget."""
    out: set[int] = set()
    for part in chunks(sorted(set(group_ids))):
        out.update(s.scalars(
            select(StudyGroup.id).join(Program, Program.id == StudyGroup.program_id)
            .where(StudyGroup.id.in_(part), Program.registry_code.not_in(BUDGET_REGISTRIES))))
    return out


def _by_child_name(docs: list[ApplicationDoc], apps: Sequence[Application]) -> list[ApplicationDoc]:
    """Sorted by the child's name (casefolded, «ё» as «е»), then date of birth, then start date."""
    keyed = [(search_name(d.child.last_name, d.child.first_name, d.child.middle_name),
              d.child.birth_date or date.min, d.start_date, a.id, d) for d, a in zip(docs, apps, strict=True)]
    keyed.sort(key=lambda k: k[:4])
    return [k[4] for k in keyed]


def _live_apps(s: Session, *where: ColumnElement[bool]) -> list[Application]:
    return list(s.scalars(select(Application).where(
        Application.archived.is_(False), Application.status.in_(LIVE_STATUSES), *where)))


def application_document(db: Database, uid: str, today: date) -> ApplicationDoc:
    """One application and its contract (enrolment application, contract, consent, termination)."""
    with db.read() as s:
        app = s.get(Application, uid)
        if app is None or app.archived:
            raise NotFound(_NO_APPLICATION)
        return _application_docs(s, [app], today)[0]


def group_application_documents(db: Database, group_id: int, today: date) -> list[ApplicationDoc]:
    """Every live application of a group («новая», «подтверждена», «обучается»), by child name."""
    with db.read() as s:
        if s.get(StudyGroup, group_id) is None:
            raise NotFound(_NO_GROUP)
        apps = _live_apps(s, Application.group_id == group_id)
        return _by_child_name(_application_docs(s, apps, today), apps)


def child_application_documents(db: Database, key: str, today: date) -> list[ApplicationDoc]:
    """Every live application of a child («c:<id>») or of a new-child request («r:<uid>»), by
    start date."""
    child_id, uid = parse_key(key)
    with db.read() as s:
        conds: list[ColumnElement[bool]] = []
        if uid is not None:
            req = s.get(ChildRequest, uid)
            if req is None:
                raise NotFound(_NO_REQUEST)
            conds.append(Application.child_request_uid == uid)
            child_id = req.child_id
        if child_id is not None:
            if uid is None and s.get(Child, child_id) is None:
                raise NotFound(_NO_CHILD)
            conds.append(Application.child_id == child_id)
            # made here for a new-child request that has since become this child
            conds.append(Application.child_request_uid.in_(
                select(ChildRequest.uid).where(ChildRequest.child_id == child_id)))
        apps = sorted(_live_apps(s, or_(*conds)), key=lambda a: (a.start_date, a.created_at, a.id))
        return _application_docs(s, apps, today)


# --- the journal ---------------------------------------------------------------------------------


def journal_document(db: Database, group_id: int, year: int, month: int, today: date) -> JournalDoc:
    """A group's attendance journal for a month: what the journal screen shows for it (its lessons,
    cancelled ones left out; its children; their marks), children by name; a cell is inactive where
    the child was not a member of the group that day and has no mark."""
    try:
        first, last = month_bounds(date(year, month, 1))
    except ValueError:
        raise ValidationError("month", said(
            "documents.no_such_month", f"Нет такого месяца: {month:02d}.{year}",
            month=f"{month:02d}.{year}")) from None
    journal = journal_service.load_journal(db, group_id, first, last)
    with db.read() as s:
        provider = _provider(s)
        study = _studies(s, [group_id]).get(group_id)
    if study is None:
        raise NotFound(_NO_GROUP)
    days = tuple(lesson.lesson_date for lesson in journal.lessons)
    rows = []
    for child in journal.children:
        codes = tuple(journal.marks.get((child.child_id, day)) for day in days)
        inactive = tuple(code is None and not child.is_member_on(day) for code, day in zip(codes, days,
                                                                                           strict=True))
        rows.append((search_text(child.full_name), child.birth_date, child.child_id,
                     JournalChild(full_name=child.full_name, codes=codes, inactive=inactive)))
    rows.sort(key=lambda r: r[:3])
    return JournalDoc(provider=provider, study=study, year=year, month=month, lessons=days,
                      children=tuple(r[3] for r in rows), printed_on=today)


__all__ = [
    "CERTIFICATE_STATUSES_RU",
    "LIVE_STATUSES",
    "application_document",
    "child_application_documents",
    "child_document",
    "group_application_documents",
    "journal_document",
    "provider_info",
    "schedule_text",
]
