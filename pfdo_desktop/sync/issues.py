"""What a sync writes to «Требует внимания» (``sync_issue``): refused ops, answers the PC could not
read, and problems of the downloaded data. Each entry says what it is about in the operator's
words, never with a child's personal data beyond the name the journal already shows."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pfdo_desktop.models import Application, Child, ChildRequest, OutboxOp, StudyGroup, SyncIssue, utcnow
from pfdo_desktop.services.enrolment_rows import PENDING_TITLES_RU
from pfdo_desktop.services.outbox import queued_payload

from . import protocol as p

log = logging.getLogger(__name__)

# The issue code of an answer or a pulled row the PC could not read (never stored).
GARBAGE = "garbage"
GARBAGE_ANSWER_RU = (
    "Ответ портала на это действие не удалось прочитать: запись в нём неполная или повреждена, "
    "поэтому на ПК она не сохранена. Настоящее состояние придёт с портала при следующей загрузке "
    "данных.")
GARBAGE_ADVICE_RU = (
    "Синхронизируйте данные ещё раз и проверьте запись. Если ошибка повторяется, сообщите в "
    "поддержку портала.")
# What a child op's issue keeps of its payload: never ФИО, СНИЛС, the document or contacts.
_CHILD_ISSUE_FIELDS = {"uid", "child_id", "request_certificate"}


def sanity_issue(s: Session, code: str, entity_key: str, message: str, title: str, advice: str) -> None:
    """One open issue per problem: a repeat refreshes it instead of piling up duplicates."""
    issue = s.scalar(select(SyncIssue).where(SyncIssue.code == code, SyncIssue.entity_key == entity_key,
                                             SyncIssue.resolved_at.is_(None)))
    if issue is None:
        issue = SyncIssue(kind="sanity", code=code, entity_key=entity_key, op_id=None)
        s.add(issue)
    issue.message = message
    issue.details = {"title": title, "advice": advice}
    issue.created_at = utcnow()


def op_refused(s: Session, op: OutboxOp, result: p.OpResult) -> None:
    """The portal refused ``op``: an issue with the reason, what to do and what was sent."""
    code = result.code or p.R_INVALID
    details: dict[str, Any] = {
        "title": describe_op(s, op),
        "advice": p.rejection_advice(op.kind, code),
        "text": p.rejection_text(op.kind, code),
        "field_errors": result.field_errors,
        "payload": issue_payload(op),
    }
    s.add(SyncIssue(op_id=op.op_id, kind=op.kind, entity_key=op.entity_key, code=code,
                    message=rejection_message(code, result), details=details, created_at=utcnow()))
    log.warning("op %s (%s) rejected by the portal: %s", op.op_id, op.kind, code)


def answer_unreadable(s: Session, op: OutboxOp) -> None:
    """The portal's record in the answer does not fit the protocol: it is not stored, the op
    leaves the outbox anyway (never retried) and the operator is told."""
    log.warning("op %s (%s): the portal's record is unreadable; dropped", op.op_id, op.kind)
    title = PENDING_TITLES_RU.get(op.kind, op.kind)
    s.add(SyncIssue(op_id=op.op_id, kind=op.kind, entity_key=op.entity_key, code=GARBAGE,
                    message=GARBAGE_ANSWER_RU,
                    details={"title": describe_op(s, op, head=f"Ответ портала не прочитан ({title})"),
                             "advice": GARBAGE_ADVICE_RU, "payload": issue_payload(op)},
                    created_at=utcnow()))


def rejection_message(code: str, result: p.OpResult) -> str:
    """The portal's message of a refusal (its general text when it sent none)."""
    message = result.message or p.REJECTION_TEXT_RU.get(code, code)
    head = p.REJECTION_TEXT_RU[p.R_INVALID]
    if code == p.R_INVALID and message.startswith(head + " "):
        # «… неверными. ребёнок: Этого …»: the field list after the first sentence starts a sentence.
        rest = message[len(head) + 1:]
        message = f"{head} {rest[:1].upper()}{rest[1:]}"
    return message


def issue_payload(op: OutboxOp) -> dict[str, Any]:
    """What of an op's payload an issue keeps (issues are kept indefinitely): a child op's personal
    data (ФИО, СНИЛС, document, phone, e-mail) stays out — the request row has it."""
    sent = queued_payload(op)
    if op.kind in p.CHILD_KINDS:
        return sent.model_dump(mode="json", include=_CHILD_ISSUE_FIELDS) if sent is not None else {}
    return p.payload_json(sent) if sent is not None else dict(op.payload or {})


def request_who(req: ChildRequest) -> str:
    return f"{req.last_name} {req.first_name}, {req.birth_date:%d.%m.%Y}"


def describe_op(s: Session, op: OutboxOp, head: str | None = None) -> str:
    """The issue's title: what the op was about, in the operator's words."""
    sent = queued_payload(op)
    if isinstance(sent, p.MarkSetPayload | p.MarkClearPayload):
        group = s.get(StudyGroup, sent.group_id)
        child = s.get(Child, sent.child_id)
        who = f"{child.last_name} {child.first_name}" if child else f"ребёнок №{sent.child_id}"
        group_name = group.name if group else sent.group_id
        return f"Отметка не принята: {who}, группа «{group_name}», {sent.lesson_date:%d.%m.%Y}"
    if isinstance(sent, p.LessonThemePayload):
        group = s.get(StudyGroup, sent.group_id)
        group_name = group.name if group else sent.group_id
        return f"{head or 'Тема занятия не принята'}: группа «{group_name}», {sent.lesson_date:%d.%m.%Y}"
    if isinstance(sent, p.ChildCreatePayload | p.ChildResolvePayload):
        req = s.get(ChildRequest, sent.uid)
        who = request_who(req) if req is not None else "ребёнок"
        if head is None:
            head = "Выбор ребёнка не принят" if op.kind == p.OP_CHILD_RESOLVE else "Новый ребёнок не принят"
        return f"{head}: {who}"
    if op.kind in p.APPLICATION_KINDS:
        return _describe_application_op(s, op, sent, head)
    if isinstance(sent, p.ProgramSubmitPayload):
        return f"{head or 'Карточка программы не принята'}: «{sent.card.name}»"
    if isinstance(sent, p.GroupSavePayload):
        return f"{head or 'Группа не сохранена на портале'}: «{sent.group.name}»"
    if isinstance(sent, p.CertificateActivatePayload):
        child = s.get(Child, sent.child_id)
        who = f"{child.last_name} {child.first_name}" if child else f"ребёнок №{sent.child_id}"
        number = f", сертификат № {sent.certificate_number}" if sent.certificate_number else ""
        return f"{head or 'Запрос ПФ не принят'}: {who}{number}"
    if isinstance(sent, p.MonthInvoicePayload):
        return f"{head or 'Счёт не принят порталом'}: за {sent.month[5:]}.{sent.month[:4]}, {sent.payer}"
    if isinstance(sent, p.MonthAdvancePayload):
        return (f"{head or 'Заявка на аванс не принята порталом'}: за {sent.month[5:]}.{sent.month[:4]}, "
                f"{sent.payer}")
    return f"{head or 'Изменение не принято'} ({op.kind})"


_APPLICATION_OP_TITLES = {
    p.OP_APP_CREATE: "Заявка не принята",
    p.OP_APP_CONFIRM: "Подтверждение заявки не принято",
    p.OP_APP_REJECT: "Отклонение заявки не принято",
    p.OP_APP_WITHDRAW: "Отзыв заявки не принят",
    p.OP_APP_ENROL: "Зачисление не принято",
    p.OP_APP_EXPEL: "Отчисление не принято",
    p.OP_APP_TRANSFER: "Перевод не принят",
    p.OP_APP_TERMINATE: "Расторжение договора не принято",
}


def _describe_application_op(s: Session, op: OutboxOp, sent: p.OpPayload | None, head: str | None) -> str:
    """«Заявка не принята: Иванов Иван, группа «Роботы-1», с 01.12.2025»."""
    head = head or _APPLICATION_OP_TITLES.get(op.kind, "Действие с заявкой не принято")
    app = s.get(Application, getattr(sent, "uid", None)) if sent is not None else None
    if app is None:
        return head
    who = "ребёнок"
    child = s.get(Child, app.child_id) if app.child_id is not None else None
    if child is not None:
        who = f"{child.last_name} {child.first_name}"
    elif app.child_request_uid and (req := s.get(ChildRequest, app.child_request_uid)) is not None:
        who = f"{req.last_name} {req.first_name}"
    group_id, day = app.group_id, app.start_date
    if isinstance(sent, p.ApplicationTransferPayload):
        group_id, day = sent.to_group_id, sent.date
    group = s.get(StudyGroup, group_id)
    group_name = group.name if group else f"№{group_id}"
    return f"{head}: {who}, группа «{group_name}», с {day:%d.%m.%Y}"
