"""Shared pieces of the children and applications services: keys, row builders, pending texts."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.orm import Session, aliased

from pfdo_desktop.domain.identity import format_snils
from pfdo_desktop.domain.ops import (
    OP_APP_CONFIRM,
    OP_APP_CREATE,
    OP_APP_ENROL,
    OP_APP_EXPEL,
    OP_APP_REJECT,
    OP_APP_TERMINATE,
    OP_APP_TRANSFER,
    OP_APP_WITHDRAW,
    OP_CERTIFICATE_ACTIVATE,
    OP_CHILD_CREATE,
    OP_CHILD_RESOLVE,
    OP_LESSON_STATE,
    OP_LESSON_THEME,
    OP_MONTH_ADVANCE,
    OP_MONTH_INVOICE,
)
from pfdo_desktop.domain.said import said, term
from pfdo_desktop.models import (
    OUTBOX_SENT,
    Application,
    Certificate,
    Child,
    ChildRequest,
    OutboxOp,
    Program,
    StudyGroup,
    SyncRun,
)

from .errors import NotFound
from .rows import ApplicationRow, HistoryRow

CHILD_PREFIX = "c:"
REQUEST_PREFIX = "r:"

# What a queued command is, for «ожидает отправки: …».
PENDING_TITLES_RU: dict[str, str] = {
    OP_CHILD_CREATE: "новый ребёнок",
    OP_CHILD_RESOLVE: "выбор ребёнка",
    OP_APP_CREATE: "подача заявки",
    OP_APP_CONFIRM: "подтверждение заявки",
    OP_APP_REJECT: "отклонение заявки",
    OP_APP_WITHDRAW: "отзыв заявки",
    OP_APP_ENROL: "зачисление",
    OP_APP_EXPEL: "отчисление",
    OP_APP_TRANSFER: "перевод в другую группу",
    OP_APP_TERMINATE: "расторжение договора",
    OP_LESSON_STATE: "состояние занятия",
    OP_LESSON_THEME: "тема занятия",
    OP_MONTH_ADVANCE: "заявка на аванс",
    OP_MONTH_INVOICE: "счёт за месяц",
    OP_CERTIFICATE_ACTIVATE: "запрос ПФ",
}


def child_key(child_id: int) -> str:
    return f"{CHILD_PREFIX}{child_id}"


def request_key(uid: str) -> str:
    return f"{REQUEST_PREFIX}{uid}"


def application_entity_key(uid: str) -> str:
    """The outbox ``entity_key`` of an application's commands (also how a pull skips the row)."""
    return f"application:{uid}"


def request_entity_key(uid: str) -> str:
    return f"child_request:{uid}"


def parse_key(key: str) -> tuple[int | None, str | None]:
    """"c:12" → (12, None); "r:<uid>" → (None, uid). Anything else is ``NotFound``."""
    if key.startswith(CHILD_PREFIX) and key[2:].isdigit():
        return int(key[2:]), None
    if key.startswith(REQUEST_PREFIX) and len(key) > 2:
        return None, key[2:]
    raise NotFound(said("not_found.child_refresh", "Ребёнок не найден: обновите список детей."))


def full_name(last: str, first: str, middle: str = "") -> str:
    return " ".join(p for p in (last, first, middle) if p)


def shown_snils(snils: str) -> str:
    return format_snils(snils) if snils else ""


def last_sync_at(s: Session) -> datetime | None:
    return s.scalar(
        select(SyncRun.finished_at).where(SyncRun.status == "ok").order_by(SyncRun.id.desc()).limit(1)
    )


def pending_note(s: Session, entity_key: str, action: str) -> str:
    title = PENDING_TITLES_RU.get(action, action)
    sent = s.scalar(select(OutboxOp.id).where(OutboxOp.entity_key == entity_key,
                                               OutboxOp.state == OUTBOX_SENT).limit(1))
    if sent is not None:
        return said("pending.sent", f"отправлено на портал: {title} — ждёт ответа",
                    command=term("PendingAction", title))
    return said("pending.waiting", f"ожидает отправки: {title}", command=term("PendingAction", title))


def _dt(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed


def history_rows(s: Session, app: Application) -> tuple[HistoryRow, ...]:
    """The portal's history of an application, oldest first, and the pending local command."""
    rows: list[HistoryRow] = []
    for item in app.history or []:
        if not isinstance(item, dict):
            continue
        at = _dt(item.get("at"))
        if at is None:
            continue
        rows.append(HistoryRow(at=at, status=str(item.get("status") or ""), note=str(item.get("note") or "")))
    if app.pending_action:
        rows.append(HistoryRow(
            at=app.pending_at or app.created_at,
            status=app.status,
            note=pending_note(s, application_entity_key(app.id), app.pending_action),
            pending=True,
        ))
    return tuple(rows)


def application_rows(s: Session, *where: ColumnElement[bool]) -> list[ApplicationRow]:
    """Applications with their child (or new-child request), group and programme, newest first."""
    return list(iter_application_rows(s, *where))


def iter_application_rows(s: Session, *where: ColumnElement[bool],
                          batch: int = 0) -> Iterator[ApplicationRow]:
    """``application_rows`` one at a time; ``batch`` > 0 fetches that many database rows at a time
    (an export of 100 k applications never holds them all)."""
    cert = aliased(Certificate)
    query = (
        select(Application, StudyGroup.name, Program.name, Child, ChildRequest, cert.number,
               Program.registry_code)
        .outerjoin(StudyGroup, StudyGroup.id == Application.group_id)
        .outerjoin(Program, Program.id == StudyGroup.program_id)
        .outerjoin(Child, Child.id == Application.child_id)
        .outerjoin(ChildRequest, ChildRequest.uid == Application.child_request_uid)
        .outerjoin(cert, and_(cert.child_id == Application.child_id, cert.archived.is_(False)))
        .where(Application.archived.is_(False), *where)
        .order_by(Application.created_at.desc(), Application.id.desc())
    )
    if batch:
        query = query.execution_options(yield_per=batch)
    previous = None
    for app, group_name, program_name, child, request, number, registry in s.execute(query):
        if app.id == previous:  # a child with two live certificates: one line per application
            continue  # (its rows are adjacent: the order ends with the application's id)
        previous = app.id
        yield application_row(app, group_name, program_name, child, request, number, registry)


def application_row(app: Application, group_name: str | None, program_name: str | None,
                    child: Child | None, request: ChildRequest | None,
                    certificate_number: str | None, registry: str | None = None) -> ApplicationRow:
    if child is not None:
        key = child_key(child.id)
        name = full_name(child.last_name, child.first_name, child.middle_name)
        born = child.birth_date
        number = certificate_number or ""
    elif request is not None:
        key = child_key(request.child_id) if request.child_id is not None else request_key(request.uid)
        name = full_name(request.last_name, request.first_name, request.middle_name)
        born = request.birth_date
        number = certificate_number or request.certificate_number
    else:  # a portal row whose child has not arrived yet
        key = child_key(app.child_id) if app.child_id is not None else ""
        name = f"ребёнок №{app.child_id}" if app.child_id is not None else "ребёнок не определён"
        born = date.min
        number = certificate_number or ""
    return ApplicationRow(
        uid=app.id,
        number=app.number,
        child_key=key,
        child_name=name,
        child_birth_date=born,
        certificate_number=number,
        group_id=app.group_id,
        group_name=group_name or f"группа №{app.group_id}",
        program_name=program_name or "",
        start_date=app.start_date,
        status=app.status,
        source=app.source,
        pending_action=app.pending_action,
        reason_code=app.reason_code,
        reason_text=app.reason_text,
        order_number=app.order_number,
        order_date=app.order_date,
        end_date=app.end_date,
        contract_number=app.contract_number,
        price_total=app.price_total,
        certificate_part=app.certificate_part,
        parent_part=app.parent_part,
        created_at=app.created_at,
        registry=registry or "",
    )


def chunks(values: list[Any], size: int = 500) -> Iterable[list[Any]]:
    for i in range(0, len(values), size):
        yield values[i:i + size]
