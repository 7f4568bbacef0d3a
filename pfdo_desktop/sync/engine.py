"""One sync run: info → push the outbox → pull `master` → pull `own` → check counts.

Durability rules:
- an op leaves the outbox only in the transaction that records its result;
- an op is marked ``sent`` before it goes on the wire, and ``sent`` ops are sent again (same op_id)
  until a result arrives, so a lost answer or a crash never duplicates or loses a change;
- a pending op dated provisionally (no measured anchor of its boot) is re-dated from this run's
  anchor before it is first marked ``sent``; a sent op is never edited (models/clock.py);
- a pulled page and its cursor are applied in one transaction (bulk SQL), so a crash mid-pull
  resumes at the last applied page;
- a pulled row never overwrites a local row that has an unsent op;
- request-level failures (network, 5xx, garbage, 401, 426, 429) change nothing local.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from pydantic import ValidationError
from sqlalchemy import func, or_, select, text, update
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
from pfdo_desktop.domain.clock import InfoSample, anchor_from, wants_another_sample
from pfdo_desktop.domain.identity import search_name
from pfdo_desktop.models import (
    AUDIT_CONFLICT_LOST,
    AUDIT_PULLED,
    AUDIT_REJECTED,
    OUTBOX_PENDING,
    OUTBOX_SENT,
    REQUEST_AMBIGUOUS,
    REQUEST_REJECTED,
    UTC_TEXT_FORMAT,
    Application,
    AttendanceMark,
    Certificate,
    Child,
    ChildRequest,
    Database,
    Device,
    Guardian,
    MarkAudit,
    Membership,
    Module,
    OutboxOp,
    Program,
    Provider,
    ScheduleSlot,
    StudyGroup,
    SyncCursor,
    SyncIssue,
    SyncRun,
    utcnow,
)
from pfdo_desktop.models.clock import anchor_of, redate_pending, store_anchor
from pfdo_desktop.services import programs as program_service
from pfdo_desktop.services.enrolment_rows import PENDING_TITLES_RU
from pfdo_desktop.services.lessons import regenerate_lessons

from . import portal_identity
from . import protocol as p
from .client import AuthFailed, Cancelled, PortalClient, ResetRequired, ServerFailure, SyncError

log = logging.getLogger(__name__)

ProgressFn = Callable[[str, int, int | None], None]

MASTER_MODELS: dict[str, Any] = {
    "provider": Provider,
    "program": Program,
    "module": Module,
    "group": StudyGroup,
    "schedule_slot": ScheduleSlot,
    "child": Child,
    "guardian": Guardian,
    "certificate": Certificate,
    "membership": Membership,
    "application": Application,
}


class SyncBusy(SyncError):
    pass


SyncCancelled = Cancelled

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
_CHILD_ISSUE_FIELDS = ("uid", "child_id", "request_certificate")


@dataclass
class SyncReport:
    pushed: int = 0
    applied: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: int = 0
    held: int = 0
    pulled: int = 0
    requests: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    seconds: float = 0.0
    pulled_by_entity: dict[str, int] = field(default_factory=dict)

    def summary_ru(self) -> str:
        return (f"отправлено {self.pushed}, получено {self.pulled}, отклонено {self.rejected}")


@dataclass
class _Context:
    device: Device
    report: SyncReport


class SyncEngine:
    def __init__(
        self,
        db: Database,
        lock_path: Path,
        client: PortalClient,
        progress: ProgressFn | None = None,
        cancel: threading.Event | None = None,
        pull_limit: int = p.DEFAULT_PULL_LIMIT,
    ) -> None:
        self.db = db
        self.client = client
        self.lock = FileLock(str(lock_path))
        self.progress = progress or (lambda stage, done, total: None)
        self.cancel = cancel or client.cancel
        self.pull_limit = pull_limit

    # --- the run --------------------------------------------------------------------------------

    def run(self) -> SyncReport:
        try:
            self.lock.acquire(timeout=0)
        except Timeout:
            raise SyncBusy("Синхронизация уже идёт (в этом окне или в другой программе на этом ПК).",
                           "busy") from None
        try:
            return self._recorded_run()
        finally:
            self.lock.release()  # on every path, even when the run could not be recorded

    def _recorded_run(self) -> SyncReport:
        """The run, with its row in ``sync_run`` (ok or failed, with the reason)."""
        started = time.perf_counter()
        report = SyncReport()
        with self.db.write() as s:
            run = SyncRun(started_at=utcnow(), status="running")
            s.add(run)
            s.flush()
            run_id = run.id
        error: SyncError | None = None
        try:
            self._run(report)
        except SyncError as exc:
            error = exc
            raise
        except Exception as exc:  # a bug: still record the run, keep everything local
            # A storage problem (full disk, damaged database) carries its own Russian message.
            error = SyncError(getattr(exc, "message", None)
                              or f"Внутренняя ошибка синхронизации: {type(exc).__name__}",
                              str(getattr(exc, "code", "") or "internal"))
            raise
        finally:
            report.seconds = time.perf_counter() - started
            stats = self.client.stats
            report.requests, report.bytes_sent, report.bytes_received = (
                stats.requests, stats.bytes_sent, stats.bytes_received)
            with self.db.write() as s:
                finished = s.get(SyncRun, run_id)
                assert finished is not None
                run = finished
                run.finished_at = utcnow()
                run.status = "failed" if error else "ok"
                run.error = error.message if error else None
                run.pushed, run.pulled, run.rejected = report.pushed, report.pulled, report.rejected
                run.requests, run.bytes_sent, run.bytes_received = (
                    report.requests, report.bytes_sent, report.bytes_received)
        return report

    def _run(self, report: SyncReport) -> None:
        with self.db.read() as s:
            device = s.scalar(select(Device))
            if device is None or not device.device_id:
                raise SyncError("ПК не подключён к порталу: сначала подключите его кодом.",
                                "not_enrolled")
            s.expunge(device)
        self.progress("info", 0, None)
        try:
            info = self._sample_portal_clock()
        except AuthFailed:  # the address may now answer as another portal: say so, not «enrol again»
            portal_identity.explain_rejected_token(self.db, self.client.base_url, self.client.settings)
            raise
        with self.db.write() as s:
            # The region's price cap checks a card before it goes to moderation (issue 4).
            program_service.store_price_cap(s, getattr(info, "price_cap_ratio", None))
        ctx = _Context(device=device, report=report)
        self._push(ctx, min(info.max_ops_per_push, p.MAX_OPS_PER_PUSH))
        limit = min(self.pull_limit, info.max_pull_limit)
        for stream in p.STREAMS:
            self._pull(ctx, stream, limit)

    def _sample_portal_clock(self) -> p.InfoResponse:
        """``GET /info``, and the portal-clock anchor that dates the edits made from now on
        (domain/clock.py). Ops already queued carry their own time and are not touched. One
        request on a fast link; while every answer is slow (a 1–2 s answer would date edits up to
        a second off) a few more, and the shortest round trip gives the anchor."""
        clock = self.db.clock
        samples: list[InfoSample] = []
        while True:
            sent = clock.read()
            info = self.client.info()
            samples.append(InfoSample(sent=sent, received=clock.read(), server_time=info.server_time))
            portal_identity.check_portal(self.db, self.client.base_url, info)  # before its clock is used
            if not info.protocol_min <= p.PROTOCOL_VERSION <= info.protocol_max:
                raise SyncError("Портал использует другую версию протокола. Обновите программу.",
                                "protocol_unsupported")
            if not wants_another_sample(samples):
                break
        anchor = anchor_from(samples)
        with self.db.write() as s:
            device = s.scalar(select(Device))
            assert device is not None
            store_anchor(device, anchor)
        log.info("portal clock sampled %d time(s), best round trip %.3f s", len(samples),
                 anchor.round_trip or 0.0)
        return info

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise Cancelled()

    # --- push -----------------------------------------------------------------------------------

    def _push(self, ctx: _Context, batch_size: int) -> None:
        with self.db.write() as s:
            # Ops dated before this boot had a measured anchor take the fresh one of this run's
            # /info, before anything is marked sent: a sent op is never edited (domain/clock.py).
            device = s.scalar(select(Device))
            anchor = anchor_of(device) if device is not None else None
            if anchor is not None and (redated := redate_pending(s, anchor)):
                log.info("%d provisional op time(s) re-dated on the fresh anchor", redated)
        with self.db.read() as s:
            total = s.scalar(select(func.count()).select_from(OutboxOp)
                             .where(OutboxOp.state.in_((OUTBOX_PENDING, OUTBOX_SENT)))) or 0
        done = 0
        after_id = 0
        while True:
            self._check_cancel()
            self.progress("push", done, total)
            with self.db.write() as s:
                ops = s.scalars(
                    select(OutboxOp)
                    .where(OutboxOp.state.in_((OUTBOX_PENDING, OUTBOX_SENT)), OutboxOp.id > after_id)
                    .order_by(OutboxOp.id)
                    .limit(batch_size)
                ).all()
                if not ops:
                    return
                for op in ops:  # marked before the wire: a crash after this re-sends, never edits
                    op.state = OUTBOX_SENT
                    op.attempts += 1
                # An op carries its time on the portal's clock, fixed when the edit was made.
                wire = [p.Op(op_id=op.op_id, kind=op.kind, payload=op.payload) for op in ops]
                after_id = ops[-1].id
            request = p.PushRequest(device_id=ctx.device.device_id or "",
                                    batch_id=p.new_op_id(), ops=wire)
            response = self.client.push(request)
            results = {r.op_id: r for r in response.results}
            if set(results) != {op.op_id for op in wire}:
                raise ServerFailure("Портал ответил не на все отправленные изменения. Они будут "
                                    "отправлены снова при следующей синхронизации.", "garbage")
            with self.db.write() as s:
                self._record_results(s, ctx, [results[op.op_id] for op in wire])
            done += len(wire)
            ctx.report.pushed += len(wire)

    def _record_results(self, s: Session, ctx: _Context, results: list[p.OpResult]) -> None:
        ops = {op.op_id: op for op in s.scalars(
            select(OutboxOp).where(OutboxOp.op_id.in_([r.op_id for r in results])))}
        report = ctx.report
        for result in results:
            op = ops.get(result.op_id)
            if op is None:
                continue
            if result.status == p.HELD:
                report.held += 1
                op.state = "held"
                continue
            if result.status == p.APPLIED:
                report.applied += 1
            elif result.status == p.DUPLICATE:
                report.duplicates += 1
            elif result.status == p.CONFLICT:
                report.conflicts += 1
                if result.server_record and op.kind in p.MARK_KINDS:
                    self._lose_conflict(s, op, result.server_record)
            elif result.status == p.REJECTED:
                report.rejected += 1
            if op.kind in p.COMMAND_KINDS:
                self._command_result(s, op, result)
            elif result.status == p.REJECTED:
                self._record_rejection(s, op, result)
            s.delete(op)

    def _lose_conflict(self, s: Session, op: OutboxOp, record: dict[str, Any]) -> None:
        """The portal has a later edit of the cell: take it, keep ours in the audit trail."""
        newer_local = s.scalar(select(OutboxOp.id).where(
            OutboxOp.entity_key == op.entity_key, OutboxOp.id != op.id))
        if newer_local is not None:
            return  # the operator edited the cell again since: that edit goes out next
        self._take_server_mark(s, record, AUDIT_CONFLICT_LOST)

    def _take_server_mark(self, s: Session, record: dict[str, Any], reason: str) -> None:
        """Make the local cell equal the portal's record (code None: no mark), audited."""
        row = _mark_row(record)
        mark = s.get(AttendanceMark, row["id"])
        old = mark.code if mark is not None else None
        if row["code"] is None:
            if mark is not None:
                s.delete(mark)
        elif mark is None:
            s.add(AttendanceMark(**row))
        else:
            mark.code, mark.changed_at, mark.changed_by = row["code"], row["changed_at"], row["changed_by"]
        s.add(MarkAudit(mark_id=row["id"], group_id=row["group_id"], child_id=row["child_id"],
                        lesson_date=row["lesson_date"], old_code=old, new_code=row["code"],
                        changed_at=row["changed_at"], changed_by=row["changed_by"],
                        reason=reason, recorded_at=utcnow()))

    def _record_rejection(self, s: Session, op: OutboxOp, result: p.OpResult) -> None:
        code = result.code or p.R_INVALID
        if result.server_record is not None and op.kind in (p.OP_MARK_SET, p.OP_MARK_CLEAR):
            # The portal's value stands (e.g. a billed month); ours stays in the audit trail.
            self._take_server_mark(s, result.server_record, AUDIT_REJECTED)
        details: dict[str, Any] = {
            "title": _describe_op(s, op),
            "advice": p.rejection_advice(op.kind, code),
            "text": p.rejection_text(op.kind, code),
            "field_errors": result.field_errors,
            "payload": _issue_payload(op),
        }
        s.add(SyncIssue(op_id=op.op_id, kind=op.kind, entity_key=op.entity_key, code=code,
                        message=_rejection_message(code, result),
                        details=details, created_at=utcnow()))
        log.warning("op %s (%s) rejected by the portal: %s", op.op_id, op.kind, code)

    # --- command results (child.*, application.*) ---------------------------------------------

    def _command_result(self, s: Session, op: OutboxOp, result: p.OpResult) -> None:
        """The portal's answer to a command replaces the local record; a refusal also goes to
        «Требует внимания». Never retried: the op leaves the outbox with its result."""
        if op.kind in p.CHILD_KINDS:
            self._child_result(s, op, result)
        elif op.kind in p.PROGRAM_KINDS:
            self._program_result(s, op, result)
        else:
            self._application_result(s, op, result)

    def _program_result(self, s: Session, op: OutboxOp, result: p.OpResult) -> None:
        """A card submitted for moderation or a group saved (issue 4): see services/programs.py.
        A refusal — also a «conflict» answer about a card changed on the portal — is shown in
        «Требует внимания»; the draft itself is kept."""
        try:
            with s.begin_nested():  # an unreadable record changes nothing and stops nothing
                program_service.apply_result(s, op, result)
        except (ValueError, TypeError, KeyError, AttributeError, IntegrityError):
            self._unreadable_answer(s, op)
        if result.status == p.REJECTED or (result.status == p.CONFLICT and result.code):
            self._record_rejection(s, op, result)

    def _application_result(self, s: Session, op: OutboxOp, result: p.OpResult) -> None:
        uid = str(op.payload.get("uid") or "")
        record = result.server_record
        row = None
        if record:
            row = _checked_row("application", record)
            if row is None:  # unreadable: dropped; the pull brings the portal's row
                self._unreadable_answer(s, op)
            elif row["id"] != uid:
                row = None  # another application's record: not an answer about this one
        if row is not None:
            stmt = sqlite_insert(Application).values(**row)
            s.execute(stmt.on_conflict_do_update(
                index_elements=["id"], set_={c: stmt.excluded[c] for c in row if c != "id"}))
        app = s.get(Application, uid)
        if row is not None and app is not None and row.get("child_id") is not None:
            self._registered_child_known(s, app, int(row["child_id"]))
        if result.status == p.REJECTED:
            code = result.code or p.R_INVALID
            if app is not None and op.kind == p.OP_APP_CREATE and row is None:
                # The portal did not keep the application (or its record was unreadable): its
                # refusal is the decision; a row it kept arrives with the pull and replaces this.
                app.status, app.reason_code = APP_REJECTED, code
                app.reason_text = _rejection_message(code, result)
                app.decided_at = utcnow()
            if not (code == p.R_ALREADY_EXISTS and row is not None):  # a replay of an accepted create
                self._record_rejection(s, op, result)
        if app is not None:
            following = s.scalar(select(OutboxOp.kind).where(
                OutboxOp.entity_key == op.entity_key, OutboxOp.id != op.id).order_by(OutboxOp.id).limit(1))
            app.pending_action = following or ""
            if not following:
                app.pending_at = None
                app.expected_certificate_part = None

    @staticmethod
    def _registered_child_known(s: Session, app: Application, child_id: int) -> None:
        """An application with the certificate number for a request the portal answered «уже есть в
        реестре» names the child now: the request leads to it (its data arrive with the pull)."""
        if not app.child_request_uid:
            return
        req = s.get(ChildRequest, app.child_request_uid)
        if req is not None and req.state == MATCH_REGISTERED and req.child_id is None:
            req.child_id = child_id

    def _child_result(self, s: Session, op: OutboxOp, result: p.OpResult) -> None:
        uid = str(op.payload.get("uid") or "")
        req = s.get(ChildRequest, uid)
        match = _checked_match(result.server_record, uid)
        unreadable = bool(result.server_record) and match is None
        if unreadable:
            self._unreadable_answer(s, op)
        outcome = match.outcome if match is not None else None
        decided = match is not None and outcome in (MATCH_CREATED, MATCH_EXISTING)
        registered = match is not None and outcome == MATCH_REGISTERED
        if result.status == p.REJECTED:
            self._record_rejection(s, op, result)
            if not decided and not registered:
                if req is not None and op.kind == p.OP_CHILD_RESOLVE:
                    self._choice_refused(req, match, _rejection_message(result.code or p.R_INVALID, result))
                elif req is not None:
                    req.state = REQUEST_REJECTED
                    req.message = _rejection_message(result.code or p.R_INVALID, result)
                return
        if req is None:
            return
        if unreadable:
            if op.kind == p.OP_CHILD_RESOLVE:  # the operator may choose again: the portal's answer
                self._choice_refused(req, None, GARBAGE_ANSWER_RU)  # then tells what it decided
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
            s.execute(update(SyncIssue).where(SyncIssue.entity_key == op.entity_key,
                                              SyncIssue.code == "child_ambiguous",
                                              SyncIssue.resolved_at.is_(None)).values(resolved_at=utcnow()))
            return
        if outcome == MATCH_AMBIGUOUS or (result.status == p.CONFLICT and outcome is None):
            req.state = REQUEST_AMBIGUOUS
            if match is not None:
                req.candidates = [c.model_dump(mode="json") for c in match.candidates]
            req.message = result.message or MATCH_RESULTS_RU[MATCH_AMBIGUOUS]
            _sanity_issue(s, "child_ambiguous", op.entity_key,
                          f"{MATCH_RESULTS_RU[MATCH_AMBIGUOUS].capitalize()}: {_request_who(req)}.",
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
            s.execute(update(SyncIssue).where(SyncIssue.entity_key == op.entity_key,
                                              SyncIssue.code == "child_ambiguous",
                                              SyncIssue.resolved_at.is_(None)).values(resolved_at=utcnow()))

    @staticmethod
    def _choice_refused(req: ChildRequest, match: p.ChildMatch | None, why: str) -> None:
        """A choice among the candidates that the portal did not take: the request is ambiguous
        again (with the portal's current candidates when it sent them) and the operator chooses
        anew. Never «rejected»: the request itself stands."""
        req.state = REQUEST_AMBIGUOUS
        if match is not None and match.outcome == MATCH_AMBIGUOUS and match.candidates:
            req.candidates = [c.model_dump(mode="json") for c in match.candidates]
        req.message = f"Портал не принял выбор: {why}"

    def _unreadable_answer(self, s: Session, op: OutboxOp) -> None:
        """The portal's record in the answer does not fit the protocol: it is not stored, the op
        leaves the outbox anyway (never retried) and the operator is told."""
        log.warning("op %s (%s): the portal's record is unreadable; dropped", op.op_id, op.kind)
        title = PENDING_TITLES_RU.get(op.kind, op.kind)
        s.add(SyncIssue(op_id=op.op_id, kind=op.kind, entity_key=op.entity_key, code=GARBAGE,
                        message=GARBAGE_ANSWER_RU,
                        details={"title": _describe_op(s, op, head=f"Ответ портала не прочитан ({title})"),
                                 "advice": GARBAGE_ADVICE_RU, "payload": _issue_payload(op)},
                        created_at=utcnow()))

    # --- pull -----------------------------------------------------------------------------------

    def _pull(self, ctx: _Context, stream: str, limit: int) -> None:
        with self.db.read() as s:
            cursor = s.scalar(select(SyncCursor.cursor).where(SyncCursor.stream == stream)) or ""
        full = cursor == ""
        seen: dict[str, set[Any]] = {}
        resets = 0
        # The next page downloads while this one is written: network and disk work overlap.
        prefetch = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pfdo-prefetch")
        try:
            upcoming: Future[p.PullResponse] | None = None
            while True:
                self._check_cancel()
                self.progress(f"pull:{stream}", ctx.report.pulled, None)
                try:
                    page = upcoming.result() if upcoming else self.client.pull(stream, cursor, limit)
                except ResetRequired:
                    if resets:
                        raise
                    resets += 1
                    log.warning("portal asked to re-download stream %s", stream)
                    cursor, full, seen, upcoming = "", True, {}, None
                    continue
                upcoming = (prefetch.submit(self.client.pull, stream, page.next_cursor, limit)
                            if page.has_more else None)
                self._apply_page(ctx, stream, page, full, seen)
                cursor = page.next_cursor
                if not page.has_more:
                    return
        finally:
            # Never wait here for a download nobody needs any more (a cancel or a failure): it
            # ends by itself on the cancel event or when the run closes the HTTP client.
            prefetch.shutdown(wait=False, cancel_futures=True)

    def _apply_page(self, ctx: _Context, stream: str, page: p.PullResponse, full: bool,
                    seen: dict[str, set[Any]]) -> None:
        """One page and its cursor in one transaction."""
        if page.stream != stream:
            raise ServerFailure("Портал прислал данные не того потока.", "garbage")
        last = not page.has_more
        try:
            with self.db.write() as s:
                if stream == "master":
                    # Rows of a page may come child first; the checks run at commit.
                    s.execute(text("PRAGMA defer_foreign_keys = ON"))
                    n = self._apply_master(s, page, seen if full else None)
                    if last and full:
                        self._archive_unseen(s, seen)
                    if last and page.counts is not None:
                        self._check_counts(s, page.counts)
                else:
                    n = self._apply_own(s, page)
                s.merge(SyncCursor(stream=stream, cursor=page.next_cursor, updated_at=utcnow()))
        except IntegrityError:
            log.exception("a pulled %s page breaks the local references", stream)
            raise SyncError(
                "Портал прислал записи, которые ссылаются на ещё не полученные данные. "
                "Страница не применена, на этом ПК ничего не изменилось; сообщите в поддержку "
                "портала и повторите синхронизацию позже.", "inconsistent_page") from None
        except (ValueError, TypeError, KeyError, ArithmeticError) as exc:
            # The exception's text may quote a row's value (a date of birth): only its type is logged.
            log.warning("a pulled %s page has rows that cannot be read (%s)", stream, type(exc).__name__)
            raise SyncError(
                "Портал прислал записи, которые не удалось прочитать (неверные даты, суммы или "
                "номера). Страница не применена, на этом ПК ничего не изменилось; сообщите в "
                "поддержку портала и повторите синхронизацию позже.", GARBAGE) from None
        ctx.report.pulled += n
        for entity, changes in page.changes.items():
            ctx.report.pulled_by_entity[entity] = (
                ctx.report.pulled_by_entity.get(entity, 0) + len(changes.upserts) + len(changes.deletes))

    def _apply_master(self, s: Session, page: p.PullResponse, seen: dict[str, set[Any]] | None) -> int:
        pending = _pending_keys(s)
        touched_groups: set[int] = set()
        touched_programs: set[int] = set()
        count = 0
        for entity in p.MASTER_ENTITIES:
            changes = page.changes.get(entity)
            if changes is None:
                continue
            model = MASTER_MODELS[entity]
            rows, kept = self._readable_rows(s, entity, changes.upserts)
            waiting = _pending_ids(pending, entity)
            # A row with an unsent op keeps its local value; it (and a row kept because the
            # portal's copy was unreadable) still counts as seen, so a full download never
            # archives it.
            kept.update(r["id"] for r in rows if r["id"] in waiting)
            rows = [r for r in rows if r["id"] not in waiting]
            if seen is not None:
                seen.setdefault(entity, set()).update(kept)
            if rows:
                columns = [c for c in rows[0] if c != "id"]
                stmt = sqlite_insert(model.__table__)
                stmt = stmt.on_conflict_do_update(
                    index_elements=["id"], set_={c: stmt.excluded[c] for c in columns})
                s.execute(stmt, rows)
                if seen is not None:
                    seen.setdefault(entity, set()).update(r["id"] for r in rows)
            deletes = [i for i in changes.deletes if f"{entity}:{i}" not in pending]
            if deletes:
                s.execute(update(model).where(model.id.in_(deletes)).values(archived=True))
            if entity == "program":
                touched_programs.update(r["id"] for r in rows)
                touched_programs.update(deletes)
            elif entity == "group":
                touched_groups.update(r["id"] for r in rows)
                touched_groups.update(deletes)
            elif entity == "schedule_slot":
                touched_groups.update(r["group_id"] for r in rows)
                if deletes:
                    touched_groups.update(s.scalars(
                        select(ScheduleSlot.group_id).where(ScheduleSlot.id.in_(deletes))))
            count += len(rows) + len(deletes)
        # A full download fills each group's whole journal; otherwise only future lessons follow.
        regenerate_lessons(s, touched_groups, backfill=seen is not None)
        # Moderation outcomes and conflicts of this PC's drafts (issue 4), with the page.
        program_service.reconcile_pulled(s, touched_programs)
        return count

    def _readable_rows(self, s: Session, entity: str,
                       upserts: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], set[Any]]:
        """The page's rows of ``entity`` as table rows. A row of an entity checked field by field
        (``protocol.MASTER_RECORDS``) that does not fit is skipped with an issue — the local copy
        stays — instead of failing the page: returns the rows and the ids so kept."""
        if entity not in p.MASTER_RECORDS:
            return [_master_row(entity, r) for r in upserts], set()
        rows: list[dict[str, Any]] = []
        kept: set[Any] = set()
        bad: list[str] = []
        for raw in upserts:
            row = _checked_row(entity, raw) if isinstance(raw, dict) else None
            if row is not None:
                rows.append(row)
                continue
            raw_id = raw.get("id") if isinstance(raw, dict) else None
            row_id: Any = raw_id if entity in p.TEXT_ID_ENTITIES else _int_or_none(raw_id)
            if isinstance(row_id, str | int) and row_id != "":
                kept.add(row_id)
            bad.append(str(row_id) if row_id is not None else "?")
        if bad:
            log.warning("%d pulled %s rows cannot be read; skipped: %s", len(bad), entity, bad[:20])
            what = _ENTITY_RU.get(entity, entity)
            numbers = ", ".join(bad[:5]) + (f" и ещё {len(bad) - 5}" if len(bad) > 5 else "")
            _sanity_issue(s, GARBAGE, f"{entity}:{bad[0]}" if len(bad) == 1 else entity,
                          f"Портал прислал записи «{what}», которые не удалось прочитать ({len(bad)}: "
                          f"№ {numbers}): они пропущены, на ПК остались прежние.",
                          "Нечитаемые записи с портала",
                          "Сообщите в поддержку портала. Записи обновятся, когда портал пришлёт их "
                          "исправленными.")
        return rows, kept

    def _archive_unseen(self, s: Session, seen: dict[str, set[Any]]) -> None:
        """After a full download, rows the portal no longer shows us are archived (never deleted:
        marks may refer to them). A row with an op still waiting for the portal stays."""
        pending = _pending_keys(s)
        for entity in reversed(p.MASTER_ENTITIES):
            model = MASTER_MODELS[entity]
            ids = seen.get(entity, set())
            local = set(s.scalars(select(model.id).where(model.archived.is_(False), *_portal_rows(model))))
            gone = local - ids - _pending_ids(pending, entity)
            if gone:
                s.execute(update(model).where(model.id.in_(gone)).values(archived=True))
                log.info("archived %d %s rows the portal no longer lists", len(gone), entity)

    def _check_counts(self, s: Session, counts: dict[str, int]) -> None:
        pending = _pending_keys(s)
        for entity, expected in counts.items():
            model = MASTER_MODELS.get(entity)
            if model is None:
                continue
            # Rows with an op waiting for the portal are left out: the pull did not touch them, so
            # the portal may list them or not; the others must match.
            waiting = _pending_ids(pending, entity)
            local = s.scalar(select(func.count()).select_from(model)
                             .where(model.archived.is_(False), model.id.not_in(waiting),
                                    *_portal_rows(model))) or 0
            if not expected - len(waiting) <= local <= expected:
                log.warning("count mismatch for %s: local %d, portal %d", entity, local, expected)
                _sanity_issue(s, "count_mismatch", entity,
                              f"На ПК {local} записей «{entity}», на портале {expected}.",
                              "Расхождение с порталом",
                              "Синхронизируйте ещё раз; если расхождение останется, сообщите в "
                              "поддержку.")

    def _apply_own(self, s: Session, page: p.PullResponse) -> int:
        """Marks from the school's other PCs (and the portal): raw executemany, because a first sync
        brings tens of thousands of them. A pulled value that changes a local cell is audited; a
        cell that was empty here just fills (its origin is audited on the portal)."""
        changes = page.changes.get("mark")
        if changes is None:
            return 0
        incoming: dict[str, tuple[Any, ...] | None] = {}
        for raw in changes.upserts:
            day = str(raw["lesson_date"])
            key = mark_id(int(raw["group_id"]), int(raw["child_id"]), day)
            incoming[key] = (key, int(raw["group_id"]), int(raw["child_id"]), day, int(raw["code"]),
                             _storage_dt(raw["changed_at"]), str(raw.get("changed_by") or "")[:64])
        for raw in changes.deletes:
            incoming[mark_id(int(raw["group_id"]), int(raw["child_id"]), str(raw["lesson_date"]))] = None
        # A cell the operator changed and has not yet sent keeps the local value.
        for key in _pending_keys(s) & incoming.keys():
            del incoming[key]
        if not incoming:
            return 0
        conn = s.connection()
        current: dict[str, tuple[Any, ...]] = {}
        keys = list(incoming)
        for i in range(0, len(keys), 900):
            chunk = keys[i:i + 900]
            marks = ",".join("?" * len(chunk))
            for row in conn.exec_driver_sql(
                f"SELECT id, group_id, child_id, lesson_date, code FROM attendance_mark "
                f"WHERE id IN ({marks})", tuple(chunk)):
                current[row[0]] = tuple(row)
        now = _storage_dt(utcnow())
        upserts: list[tuple[Any, ...]] = []
        removals: list[tuple[str]] = []
        audit: list[tuple[Any, ...]] = []
        for key, new in incoming.items():
            old = current.get(key)
            if new is None:
                if old is not None:
                    removals.append((key,))
                    audit.append((key, old[1], old[2], old[3], old[4], None, now, "", AUDIT_PULLED, now))
                continue
            upserts.append(new)
            if old is not None and old[4] != new[4]:
                audit.append((key, new[1], new[2], new[3], old[4], new[4], new[5], new[6],
                              AUDIT_PULLED, now))
        if upserts:
            upserts = self._known_references(s, upserts)
            conn.exec_driver_sql(
                "INSERT INTO attendance_mark (id, group_id, child_id, lesson_date, code, changed_at, "
                "changed_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                "code = excluded.code, changed_at = excluded.changed_at, "
                "changed_by = excluded.changed_by", upserts)
        if removals:
            conn.exec_driver_sql("DELETE FROM attendance_mark WHERE id = ?", removals)
        if audit:
            conn.exec_driver_sql(
                "INSERT INTO mark_audit (mark_id, group_id, child_id, lesson_date, old_code, new_code, "
                "changed_at, changed_by, reason, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                audit)
        return len(upserts) + len(removals)

    def _known_references(self, s: Session, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        groups = set(s.scalars(select(StudyGroup.id).where(StudyGroup.id.in_({r[1] for r in rows}))))
        children = set(s.scalars(select(Child.id).where(Child.id.in_({r[2] for r in rows}))))
        known = [r for r in rows if r[1] in groups and r[2] in children]
        if len(known) != len(rows):
            missing = len(rows) - len(known)
            log.warning("%d pulled marks refer to a group or child not in the master stream", missing)
            _sanity_issue(s, "orphan_marks", "mark",
                          f"{missing} отметок с портала относятся к группе или ребёнку, которых нет "
                          "на этом ПК.", "Отметки без группы", "Сообщите в поддержку портала.")
        return known


# --- row conversion ------------------------------------------------------------------------------


def _sanity_issue(s: Session, code: str, entity_key: str, message: str, title: str, advice: str) -> None:
    """One open issue per problem: a repeat refreshes it instead of piling up duplicates."""
    issue = s.scalar(select(SyncIssue).where(SyncIssue.code == code, SyncIssue.entity_key == entity_key,
                                             SyncIssue.resolved_at.is_(None)))
    if issue is None:
        issue = SyncIssue(kind="sanity", code=code, entity_key=entity_key, op_id=None)
        s.add(issue)
    issue.message = message
    issue.details = {"title": title, "advice": advice}
    issue.created_at = utcnow()


def _portal_rows(model: Any) -> tuple[Any, ...]:
    """Conditions that leave out local rows the portal does not know (an application made on this
    PC has no portal number while its create waits, or when the portal refused it without keeping
    it), so archiving and the count check never touch them."""
    if model is Application:
        return (or_(Application.source != "device", Application.number != ""),)
    return ()


def _rejection_message(code: str, result: p.OpResult) -> str:
    message = result.message or p.REJECTION_TEXT_RU.get(code, code)
    head = p.REJECTION_TEXT_RU[p.R_INVALID]
    if code == p.R_INVALID and message.startswith(head + " "):
        # «… неверными. ребёнок: Этого …»: the field list after the first sentence starts a sentence.
        rest = message[len(head) + 1:]
        message = f"{head} {rest[:1].upper()}{rest[1:]}"
    return message


def _issue_payload(op: OutboxOp) -> dict[str, Any]:
    """What of an op's payload an issue keeps (issues are kept indefinitely): a child op's personal
    data (ФИО, СНИЛС, document, phone, e-mail) stays out — the request row has it."""
    payload = op.payload if isinstance(op.payload, dict) else {}
    if op.kind in p.CHILD_KINDS:
        return {k: payload[k] for k in _CHILD_ISSUE_FIELDS if k in payload}
    return payload


def _checked_row(entity: str, raw: dict[str, Any]) -> dict[str, Any] | None:
    """A wire row checked by its ``protocol.MASTER_RECORDS`` model → table columns; None when it
    does not fit the protocol."""
    try:
        checked = p.MASTER_RECORDS[entity].model_validate(raw)
    except ValidationError:
        return None
    return _master_row(entity, checked.model_dump(mode="json", exclude_unset=True))


def _checked_match(record: dict[str, Any] | None, uid: str) -> p.ChildMatch | None:
    """A child op's server_record as a ``ChildMatch`` about request ``uid``; None when there is
    none or it does not fit (also: «created»/«existing» without the child)."""
    if not record:
        return None
    try:
        match = p.ChildMatch.model_validate(record)
    except ValidationError:
        return None
    if match.uid != uid:
        return None
    if match.outcome in (MATCH_CREATED, MATCH_EXISTING) and match.child_id is None:
        return None
    return match


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _pending_ids(pending: set[str], entity: str) -> set[Any]:
    """Ids of ``entity`` rows that have an op in the outbox (``pending`` = ``_pending_keys``)."""
    prefix = f"{entity}:"
    out: set[Any] = set()
    for key in pending:
        if key.startswith(prefix):
            raw = key[len(prefix):]
            if entity in p.TEXT_ID_ENTITIES:
                out.add(raw)
            elif raw.isdigit():
                out.add(int(raw))
    return out


_ENTITY_RU = {"provider": "организация", "application": "заявка",
              "guardian": "родитель (законный представитель)"}


def _request_who(req: ChildRequest) -> str:
    return f"{req.last_name} {req.first_name}, {req.birth_date:%d.%m.%Y}"


def _pending_keys(s: Session) -> set[str]:
    return set(s.scalars(select(OutboxOp.entity_key)))


def _storage_dt(value: Any) -> str:
    """A wire or local timestamp in the text form ``UtcDateTime`` stores (sorts correctly)."""
    if isinstance(value, str) and len(value) == 27 and value[-1] == "Z" and value[10] == "T":
        return value  # already «YYYY-MM-DDTHH:MM:SS.ffffffZ», as the portal sends it
    return _parse_dt(value).astimezone(UTC).strftime(UTC_TEXT_FORMAT)


def _parse_dt(value: Any) -> datetime:
    dt = value if isinstance(value, datetime) else datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def _mark_row(raw: dict[str, Any]) -> dict[str, Any]:
    group_id, child_id = int(raw["group_id"]), int(raw["child_id"])
    day = date.fromisoformat(str(raw["lesson_date"]))
    code = raw.get("code")
    return {
        "id": mark_id(group_id, child_id, day),
        "group_id": group_id,
        "child_id": child_id,
        "lesson_date": day,
        "code": None if code is None else int(code),
        "changed_at": _parse_dt(raw["changed_at"]),
        "changed_by": str(raw.get("changed_by") or "")[:64],
    }


_DATE_FIELDS = {"date_from", "date_to", "birth_date", "start_date", "order_date", "end_date",
                "end_order_date"}
_MONEY_FIELDS = {"price", "normative_price", "nominal", "balance", "reserve", "price_total",
                 "certificate_part", "parent_part"}
_DATETIME_FIELDS = {"created_at", "decided_at"}
# Columns only this PC writes: a wire row never sets them (a newer portal sending one is ignored).
_LOCAL_COLUMNS = {"search_name", "pending_action", "pending_at", "child_request_uid",
                  "expected_certificate_part", "search_text"}
# JSON list columns (issue 4): a wire list of text; anything else (a null, a newer portal's shape)
# is read as an empty list rather than stored as is.
_LIST_FIELDS = {"ovz", "addresses", "teachers", "explicit_dates", "cancelled_dates"}
_BOOL_FIELDS = {"medical_certificate"}


def _master_row(entity: str, raw: dict[str, Any]) -> dict[str, Any]:
    """A wire row → a dict of table columns (unknown fields from a newer portal are ignored)."""
    model = MASTER_MODELS[entity]
    columns = model.__table__.columns
    row: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in columns or key in _LOCAL_COLUMNS:  # column names: this feeds Core inserts
            continue
        column = columns[key]
        if value is None and not column.nullable and column.default is not None and column.default.is_scalar:
            value = column.default.arg  # a null where the column has a default («» for a text)
        if value is not None and key in _DATE_FIELDS:
            value = date.fromisoformat(str(value))
        elif value is not None and key in _MONEY_FIELDS:
            value = Decimal(str(value))
        elif value is not None and key in _DATETIME_FIELDS:
            value = _parse_dt(value)
        elif key in _LIST_FIELDS:
            value = [str(v) for v in value] if isinstance(value, list) else []
        elif key in _BOOL_FIELDS:
            value = bool(value)
        row[key] = value
    if entity in p.TEXT_ID_ENTITIES:
        row["id"] = str(row["id"])
    if entity == "child":
        row["search_name"] = search_name(str(raw.get("last_name") or ""), str(raw.get("first_name") or ""),
                                         str(raw.get("middle_name") or ""))
    if entity == "program":
        row["search_text"] = program_service.program_search_text(
            str(raw.get("name") or ""), str(raw.get("short_name") or ""), row.get("teachers") or [])
    if entity == "application" and not isinstance(row.get("history"), list):
        row["history"] = []
    row["archived"] = False
    return row


def _describe_op(s: Session, op: OutboxOp, head: str | None = None) -> str:
    payload = op.payload
    if op.kind in (p.OP_MARK_SET, p.OP_MARK_CLEAR):
        group = s.get(StudyGroup, payload.get("group_id"))
        child = s.get(Child, payload.get("child_id"))
        who = f"{child.last_name} {child.first_name}" if child else f"ребёнок №{payload.get('child_id')}"
        day = date.fromisoformat(payload["lesson_date"]).strftime("%d.%m.%Y")
        group_name = group.name if group else payload.get("group_id")
        return f"Отметка не принята: {who}, группа «{group_name}», {day}"
    if op.kind in p.CHILD_KINDS:
        req = s.get(ChildRequest, payload.get("uid"))
        who = _request_who(req) if req is not None else "ребёнок"
        if head is None:
            head = "Выбор ребёнка не принят" if op.kind == p.OP_CHILD_RESOLVE else "Новый ребёнок не принят"
        return f"{head}: {who}"
    if op.kind in p.APPLICATION_KINDS:
        return _describe_application_op(s, op, head)
    if op.kind == p.OP_PROGRAM_SUBMIT:
        name = str((payload.get("card") or {}).get("name") or "")
        return f"{head or 'Карточка программы не принята'}: «{name}»"
    if op.kind == p.OP_GROUP_SAVE:
        sent = payload.get("group") or {}
        return f"{head or 'Группа не сохранена на портале'}: «{sent.get('name') or ''}»"
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


def _describe_application_op(s: Session, op: OutboxOp, head: str | None = None) -> str:
    """«Заявка не принята: Иванов Иван, группа «Роботы-1», с 01.12.2025»."""
    head = head or _APPLICATION_OP_TITLES.get(op.kind, "Действие с заявкой не принято")
    app = s.get(Application, op.payload.get("uid"))
    if app is None:
        return head
    who = "ребёнок"
    child = s.get(Child, app.child_id) if app.child_id is not None else None
    if child is not None:
        who = f"{child.last_name} {child.first_name}"
    elif app.child_request_uid and (req := s.get(ChildRequest, app.child_request_uid)) is not None:
        who = f"{req.last_name} {req.first_name}"
    group_id = op.payload.get("to_group_id") if op.kind == p.OP_APP_TRANSFER else app.group_id
    group = s.get(StudyGroup, group_id)
    group_name = group.name if group else f"№{group_id}"
    day = app.start_date
    if op.kind == p.OP_APP_TRANSFER and op.payload.get("date"):
        day = date.fromisoformat(str(op.payload["date"]))
    return f"{head}: {who}, группа «{group_name}», с {day:%d.%m.%Y}"


