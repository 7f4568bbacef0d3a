"""The portal's answers to pushed ops: each result leaves the outbox with what it says applied.

- a mark that lost a conflict or was refused takes the portal's record of the cell (``MarkRecord``),
  the PC's value kept in the audit trail (``models.marks.apply_marks``);
- a command's answer replaces the local record: ``ChildMatch`` for child ops, ``ApplicationRecord``
  for application ops, ``services.programs.apply_result`` for cards and groups; a refusal also goes
  to «Требует внимания». Never retried: the op leaves the outbox with its result;
- a record that does not fit the protocol is dropped with an issue (``issues.answer_unreadable``);
  the download of the same run brings the portal's state.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pfdo_desktop.domain.applications import (
    APP_REJECTED,
    MATCH_AMBIGUOUS,
    MATCH_CREATED,
    MATCH_EXISTING,
    MATCH_REGISTERED,
    MATCH_RESULTS_RU,
)
from pfdo_desktop.domain.attendance import mark_id
from pfdo_desktop.domain.lessons import LessonState
from pfdo_desktop.models import (
    AUDIT_CONFLICT_LOST,
    AUDIT_REJECTED,
    OUTBOX_HELD,
    REQUEST_AMBIGUOUS,
    REQUEST_REJECTED,
    Application,
    Certificate,
    Child,
    ChildRequest,
    OutboxOp,
    SyncIssue,
    utcnow,
)
from pfdo_desktop.models.marks import apply_marks, stored_mark
from pfdo_desktop.services import lesson_states, lesson_themes, money_documents
from pfdo_desktop.services import programs as program_service
from pfdo_desktop.services.certificates import entity_key as entity_key_of_certificate
from pfdo_desktop.services.outbox import queued_payload

from . import protocol as p
from .context import SyncReport
from .issues import (
    GARBAGE_ANSWER_RU,
    answer_unreadable,
    op_refused,
    rejection_message,
    request_who,
    sanity_issue,
)
from .rows import master_row


def record_results(s: Session, report: SyncReport, results: list[p.OpResult]) -> None:
    """Apply a pushed batch's results (in order) in the caller's transaction and count them."""
    ops = {op.op_id: op for op in s.scalars(
        select(OutboxOp).where(OutboxOp.op_id.in_([r.op_id for r in results])))}
    for result in results:
        op = ops.get(result.op_id)
        if op is None:
            continue
        if result.status == p.HELD:
            report.held += 1
            op.state = OUTBOX_HELD
            continue
        if result.status == p.APPLIED:
            report.applied += 1
        elif result.status == p.DUPLICATE:
            report.duplicates += 1
        elif result.status == p.CONFLICT:
            report.conflicts += 1
        elif result.status == p.REJECTED:
            report.rejected += 1
        if op.kind in p.CHILD_KINDS:
            _child_result(s, op, result)
        elif op.kind in p.PROGRAM_KINDS:
            _program_result(s, op, result)
        elif op.kind in p.APPLICATION_KINDS:
            _application_result(s, op, result)
        elif op.kind in p.LESSON_KINDS:
            _lesson_state_result(s, op, result)
        elif op.kind in p.THEME_KINDS:
            _lesson_theme_result(s, op, result)
        elif op.kind in p.MONEY_KINDS:
            _money_result(s, op, result)
        elif op.kind in p.CERTIFICATE_KINDS:
            _certificate_result(s, op, result)
        else:
            _mark_result(s, op, result)
        s.delete(op)


# --- marks ----------------------------------------------------------------------------------------


def _mark_result(s: Session, op: OutboxOp, result: p.OpResult) -> None:
    """A conflict: the portal has a later edit of the cell — take it, keep ours in the audit trail.
    A refusal: the portal's value stands (e.g. a billed month), ours stays in the audit trail."""
    if result.status not in (p.CONFLICT, p.REJECTED):
        return
    if result.server_record:
        record = p.read_record(p.MarkRecord, result.server_record)
        if record is None or mark_id(record.group_id, record.child_id, record.lesson_date) != op.entity_key:
            answer_unreadable(s, op)  # not this cell's record: the pull brings the portal's value
        elif result.status == p.REJECTED:
            _take_server_mark(s, record, AUDIT_REJECTED)
        elif s.scalar(select(OutboxOp.id).where(OutboxOp.entity_key == op.entity_key,
                                                OutboxOp.id != op.id)) is None:
            # (when the operator edited the cell again since, that edit goes out next instead)
            _take_server_mark(s, record, AUDIT_CONFLICT_LOST)
    if result.status == p.REJECTED:
        op_refused(s, op, result)


def _take_server_mark(s: Session, record: p.MarkRecord, reason: str) -> None:
    """Make the local cell equal the portal's record (code None: no mark), audited."""
    apply_marks(s, [stored_mark(record.group_id, record.child_id, record.lesson_date, record.code,
                                record.changed_at, record.changed_by[:64])], reason)


# --- lesson states (issue 12) ---------------------------------------------------------------------


def _lesson_state_result(s: Session, op: OutboxOp, result: p.OpResult) -> None:
    """A conflict or a refusal: the portal's state of the lesson stands and is taken (a refusal
    also goes to «Требует внимания»), unless the operator changed the lesson again since."""
    if result.status not in (p.CONFLICT, p.REJECTED):
        return
    if result.server_record:
        record = p.read_record(p.LessonStateRecord, result.server_record)
        if record is None or lesson_states.entity_key(record.group_id, record.lesson_date) != op.entity_key:
            answer_unreadable(s, op)
        elif s.scalar(select(OutboxOp.id).where(OutboxOp.entity_key == op.entity_key,
                                                OutboxOp.id != op.id)) is None:
            lesson_states.store_state(
                s, record.group_id, record.lesson_date,
                LessonState(record.state, record.moved_to, record.reason), record.changed_at,
                record.changed_by)
    if result.status == p.REJECTED:
        op_refused(s, op, result)


# --- lesson themes (issue 16) --------------------------------------------------------------------


def _lesson_theme_result(s: Session, op: OutboxOp, result: p.OpResult) -> None:
    """A conflict or a refusal: the portal's theme of the lesson stands and is taken (a refusal also
    goes to «Требует внимания»), unless the operator changed the theme again since."""
    if result.status not in (p.CONFLICT, p.REJECTED):
        return
    if result.server_record:
        record = p.read_record(p.LessonThemeRecord, result.server_record)
        if record is None or lesson_themes.entity_key(record.group_id, record.lesson_date) != op.entity_key:
            answer_unreadable(s, op)
        elif s.scalar(select(OutboxOp.id).where(OutboxOp.entity_key == op.entity_key,
                                                OutboxOp.id != op.id)) is None:
            lesson_themes.store_theme(
                s, record.group_id, record.lesson_date, record.theme,
                reason=AUDIT_REJECTED if result.status == p.REJECTED else AUDIT_CONFLICT_LOST,
                changed_at=record.changed_at, changed_by=record.changed_by)
    if result.status == p.REJECTED:
        op_refused(s, op, result)


# --- the month's money documents (issue 12) -------------------------------------------------------


def _money_result(s: Session, op: OutboxOp, result: p.OpResult) -> None:
    """``month.advance`` / ``month.invoice``: applied — the portal's document (``InvoiceRecord``,
    «отправлен») replaces the draft; refused ``already_invoiced`` — the standing document (maybe
    another PC's) replaces it; any other refusal (``figures_differ``, ``too_early``) leaves the
    draft with the portal's words, to be sent again. A refusal also goes to «Требует внимания»."""
    uid = op.entity_key.removeprefix(f"{money_documents.ENTITY}:")
    record = p.read_record(p.InvoiceRecord, result.server_record) if result.server_record else None
    if result.server_record and record is None:
        answer_unreadable(s, op)
    if record is not None:
        if record.uid != uid:
            money_documents.drop_draft(s, uid)
        money_documents.store_record(s, record.model_dump())
    elif result.status == p.REJECTED:
        money_documents.refused(s, uid, result.code or p.R_INVALID,
                                rejection_message(result.code or p.R_INVALID, result))
    if result.status == p.REJECTED:
        op_refused(s, op, result)


# --- a certificate's ПФ status (issue 17 §1) -------------------------------------------------------


def _certificate_result(s: Session, op: OutboxOp, result: p.OpResult) -> None:
    """``certificate.activate``: the portal's certificate after it (ПФ with the period's nominal, or
    учёт as it was) replaces the local one; a refusal (quota exhausted, no open period) also goes to
    «Требует внимания». The request is never sent again on its own."""
    record = p.read_record(p.CertificateRecord, result.server_record) if result.server_record else None
    if result.server_record and record is None:
        answer_unreadable(s, op)
    elif record is not None:
        if entity_key_of_certificate(record.id) != op.entity_key:
            answer_unreadable(s, op)  # not this certificate: the pull brings the portal's rows
        elif s.get(Child, record.child_id) is not None:
            row = master_row("certificate", record.model_dump(exclude_unset=True))
            stmt = sqlite_insert(Certificate).values(**row)
            s.execute(stmt.on_conflict_do_update(index_elements=["id"],
                                                 set_={k: stmt.excluded[k] for k in row if k != "id"}))
    if result.status == p.REJECTED:
        op_refused(s, op, result)


# --- programme cards and groups -------------------------------------------------------------------


def _program_result(s: Session, op: OutboxOp, result: p.OpResult) -> None:
    """A card submitted for moderation or a group saved (issue 4): see services/programs.py.
    A refusal — also a «conflict» answer about a card changed on the portal — is shown in
    «Требует внимания»; the draft itself is kept."""
    try:
        with s.begin_nested():  # an unreadable record changes nothing and stops nothing
            program_service.apply_result(s, op, result)
    except (ValueError, TypeError, KeyError, AttributeError, IntegrityError):
        answer_unreadable(s, op)
    if result.status == p.REJECTED or (result.status == p.CONFLICT and result.code):
        op_refused(s, op, result)


# --- applications ---------------------------------------------------------------------------------


def _application_result(s: Session, op: OutboxOp, result: p.OpResult) -> None:
    sent = queued_payload(op)
    uid = getattr(sent, "uid", "") if sent is not None else op.entity_key.removeprefix("application:")
    record = p.read_record(p.ApplicationRecord, result.server_record)
    row = None
    if result.server_record and record is None:  # unreadable: dropped; the pull brings the portal's row
        answer_unreadable(s, op)
    elif record is not None and record.id == uid:  # another application's record says nothing of this one
        row = master_row("application", record.model_dump(exclude_unset=True))
        stmt = sqlite_insert(Application).values(**row)
        s.execute(stmt.on_conflict_do_update(
            index_elements=["id"], set_={c: stmt.excluded[c] for c in row if c != "id"}))
    app = s.get(Application, uid)
    if record is not None and row is not None and app is not None and record.child_id is not None:
        _registered_child_known(s, app, record.child_id)
    if result.status == p.REJECTED:
        code = result.code or p.R_INVALID
        if app is not None and op.kind == p.OP_APP_CREATE and row is None:
            # The portal did not keep the application (or its record was unreadable): its
            # refusal is the decision; a row it kept arrives with the pull and replaces this.
            app.status, app.reason_code = APP_REJECTED, code
            app.reason_text = rejection_message(code, result)
            app.decided_at = utcnow()
        if not (code == p.R_ALREADY_EXISTS and row is not None):  # a replay of an accepted create
            op_refused(s, op, result)
    if app is not None:
        following = s.scalar(select(OutboxOp.kind).where(
            OutboxOp.entity_key == op.entity_key, OutboxOp.id != op.id).order_by(OutboxOp.id).limit(1))
        app.pending_action = following or ""
        if not following:
            app.pending_at = None
            app.expected_certificate_part = None


def _registered_child_known(s: Session, app: Application, child_id: int) -> None:
    """An application with the certificate number for a request the portal answered «уже есть в
    реестре» names the child now: the request leads to it (its data arrive with the pull)."""
    if not app.child_request_uid:
        return
    req = s.get(ChildRequest, app.child_request_uid)
    if req is not None and req.state == MATCH_REGISTERED and req.child_id is None:
        req.child_id = child_id


# --- children -------------------------------------------------------------------------------------


def _checked_match(result: p.OpResult, uid: str) -> p.ChildMatch | None:
    """A child op's server_record as a ``ChildMatch`` about request ``uid``; None when there is
    none or it does not fit (also: «created»/«existing» without the child)."""
    match = p.read_record(p.ChildMatch, result.server_record or None)
    if match is None or match.uid != uid:
        return None
    if match.outcome in (MATCH_CREATED, MATCH_EXISTING) and match.child_id is None:
        return None
    return match


def _child_result(s: Session, op: OutboxOp, result: p.OpResult) -> None:
    sent = queued_payload(op)
    uid = getattr(sent, "uid", "") if sent is not None else op.entity_key.removeprefix("child_request:")
    req = s.get(ChildRequest, uid)
    match = _checked_match(result, uid)
    unreadable = bool(result.server_record) and match is None
    if unreadable:
        answer_unreadable(s, op)
    outcome = match.outcome if match is not None else None
    decided = match is not None and outcome in (MATCH_CREATED, MATCH_EXISTING)
    registered = match is not None and outcome == MATCH_REGISTERED
    if result.status == p.REJECTED:
        op_refused(s, op, result)
        if not decided and not registered:
            if req is not None and op.kind == p.OP_CHILD_RESOLVE:
                _choice_refused(req, match, rejection_message(result.code or p.R_INVALID, result))
            elif req is not None:
                req.state = REQUEST_REJECTED
                req.message = rejection_message(result.code or p.R_INVALID, result)
            return
    if req is None:
        return
    if unreadable:
        if op.kind == p.OP_CHILD_RESOLVE:  # the operator may choose again: the portal's answer
            _choice_refused(req, None, GARBAGE_ANSWER_RU)  # then tells what it decided
        else:
            req.state = REQUEST_REJECTED
            req.message = (
                "Ответ портала на этот запрос не удалось прочитать. Если ребёнок появится в "
                "списке после синхронизации, работайте с его карточкой; если нет — сообщите в "
                "поддержку портала.")
        return
    if registered:
        # The child is in the registry, but this provider has no link to it: the portal sent
        # nothing about it. The request stays a request until an application carries the number.
        req.state, req.child_id, req.candidates = MATCH_REGISTERED, None, []
        req.message = result.message or MATCH_RESULTS_RU[MATCH_REGISTERED]
        _resolve_ambiguity_issue(s, op.entity_key)
        return
    if outcome == MATCH_AMBIGUOUS or (result.status == p.CONFLICT and outcome is None):
        req.state = REQUEST_AMBIGUOUS
        if match is not None:
            req.candidates = [c.model_dump(mode="json") for c in match.candidates]
        req.message = result.message or MATCH_RESULTS_RU[MATCH_AMBIGUOUS]
        sanity_issue(s, "child_ambiguous", op.entity_key,
                     f"{MATCH_RESULTS_RU[MATCH_AMBIGUOUS].capitalize()}: {request_who(req)}.",
                     "Найдено несколько похожих детей — выберите нужного в карточке",
                     "Откройте карточку ребёнка (список «Дети», отметка «выберите ребёнка»), сверьте "
                     "дату рождения, номер сертификата и последние цифры СНИЛС с документами и "
                     "выберите нужного — или «Новый ребёнок», если это никто из них.")
        return
    if decided and match is not None and match.child_id is not None:
        child_id = match.child_id
        req.state, req.child_id, req.candidates = str(outcome), child_id, []
        req.message = result.message or MATCH_RESULTS_RU[str(outcome)]
        if not req.certificate_number and match.certificate_number:
            req.certificate_number = match.certificate_number[:10]
        s.execute(update(Application).where(Application.child_request_uid == uid,
                                            Application.child_id.is_(None)).values(child_id=child_id))
        _resolve_ambiguity_issue(s, op.entity_key)


def _resolve_ambiguity_issue(s: Session, entity_key: str) -> None:
    s.execute(update(SyncIssue).where(SyncIssue.entity_key == entity_key,
                                      SyncIssue.code == "child_ambiguous",
                                      SyncIssue.resolved_at.is_(None)).values(resolved_at=utcnow()))


def _choice_refused(req: ChildRequest, match: p.ChildMatch | None, why: str) -> None:
    """A choice among the candidates that the portal did not take: the request is ambiguous
    again (with the portal's current candidates when it sent them) and the operator chooses
    anew. Never «rejected»: the request itself stands."""
    req.state = REQUEST_AMBIGUOUS
    if match is not None and match.outcome == MATCH_AMBIGUOUS and match.candidates:
        req.candidates = [c.model_dump(mode="json") for c in match.candidates]
    req.message = f"Портал не принял выбор: {why}"
