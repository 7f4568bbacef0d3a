"""The op dispatch: which function applies each kind of op a PC pushes, and the steps every op goes
through (``service.push`` calls ``apply_op`` once per op, in the op's own savepoint).

``HANDLERS`` is the one table of kinds: a handler takes the command's context, the op id and the
payload already read as its kind's model (``protocol.parse_op``: the union of typed ops keyed by
kind), and returns the op's result. A command refuses by
raising ``CommandRefused``: its savepoint is rolled back, so a refused command changes nothing
(a wrong certificate number is counted after the rollback, ``enrolment.guesses``). A mark refuses
before it writes anything and returns its refusal with the portal's value of the cell.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection

from pfdo_desktop.sync import protocol as p

from . import certificates, lesson_themes, lessons, marks, money, programs
from .common import Ctx, Device, contains_nul, utcnow
from .enrolment import applications, children, contracts
from .enrolment.guesses import certificate_number_of, lock_guesses, record_guess, snils_of
from .enrolment.shared import load_application
from .records import application_row
from .refusals import CommandRefused, int_range_errors, invalid_message, rejected

log = logging.getLogger(__name__)

Handler = Callable[[Ctx, str, Any], p.OpResult]  # the payload: p.OP_PAYLOADS[kind]

HANDLERS: dict[str, Handler] = {
    p.OP_MARK_SET: marks.mark_set,
    p.OP_MARK_CLEAR: marks.mark_clear,
    p.OP_LESSON_STATE: lessons.lesson_state,
    p.OP_LESSON_THEME: lesson_themes.lesson_theme,
    p.OP_PROGRAM_SUBMIT: programs.program_submit,
    p.OP_GROUP_SAVE: programs.group_save,
    p.OP_CHILD_CREATE: children.child_create,
    p.OP_CHILD_RESOLVE: children.child_resolve,
    p.OP_APP_CREATE: applications.application_create,
    p.OP_APP_CONFIRM: contracts.application_confirm,
    p.OP_APP_REJECT: contracts.application_reject,
    p.OP_APP_WITHDRAW: contracts.application_withdraw,
    p.OP_APP_ENROL: contracts.application_enrol,
    p.OP_APP_EXPEL: contracts.application_expel,
    p.OP_APP_TRANSFER: contracts.application_transfer,
    p.OP_APP_TERMINATE: contracts.application_terminate,
    p.OP_MONTH_ADVANCE: money.month_advance,
    p.OP_MONTH_INVOICE: money.month_invoice,
    p.OP_CERTIFICATE_ACTIVATE: certificates.certificate_activate,
}
assert set(HANDLERS) == set(p.OP_KINDS)



def apply_op(conn: Connection, device: Device, op: p.Op, today: date) -> p.OpResult:
    """One op of a push: always a result, never an exception for a refusal."""
    if contains_nul(op.kind) or contains_nul(op.payload):
        # Refused on its own (the rest of the batch goes on), never a write error of the portal.
        return rejected(op.op_id, p.R_INVALID, {"payload": "текст содержит недопустимый нулевой символ"})
    ctx = Ctx(conn=conn, provider_id=device.provider_id, device_id=device.id, today=today, now=utcnow())
    try:
        typed = p.parse_op(op)
    except p.UnknownOpKind:
        return rejected(op.op_id, p.R_UNKNOWN_KIND, detail=f"(вид «{op.kind[:40]}»)")
    except ValidationError as exc:
        return _unreadable(ctx, op, p.field_errors_ru(exc))
    if errors := int_range_errors(typed.payload.model_dump()):
        return _unreadable(ctx, op, errors)
    handler = HANDLERS[typed.kind]
    if typed.kind in p.MARK_KINDS:
        return handler(ctx, typed.op_id, typed.payload)
    return _command(ctx, typed, handler)


def _unreadable(ctx: Ctx, op: p.Op, errors: dict[str, str]) -> p.OpResult:
    """An op whose payload does not fit its kind's model: refused as invalid with the field errors
    (a command's message sums them up; an application command also shows the portal's record)."""
    if op.kind in p.MARK_KINDS:
        return rejected(op.op_id, p.R_INVALID, errors)
    uid = op.payload.get("uid")
    return _refusal_result(ctx, op.op_id, op.kind, uid if isinstance(uid, str) else None,
                           CommandRefused(p.R_INVALID, invalid_message(errors), errors))


def _command(ctx: Ctx, op: p.TypedOp, handler: Handler) -> p.OpResult:
    """A command in its own savepoint: a refusal rolls back whatever the handler had started."""
    payload = op.payload
    if certificate_number_of(payload) or snils_of(payload):
        lock_guesses(ctx)  # before the savepoint: the lock outlives a refusal's rollback
    savepoint = ctx.conn.begin_nested()
    try:
        result = handler(ctx, op.op_id, payload)
    except CommandRefused as refused:
        savepoint.rollback()
        if refused.guess:  # a wrong number counts although the command changed nothing
            record_guess(ctx)
        uid = getattr(payload, "uid", None)
        return _refusal_result(ctx, op.op_id, op.kind, uid if isinstance(uid, str) else None, refused)
    except BaseException:
        savepoint.rollback()
        raise
    savepoint.commit()
    log.info("op %s (%s) of device %s: %s %s", op.op_id, op.kind, ctx.device_id, result.status,
             result.code or "")
    return result


def _refusal_result(ctx: Ctx, op_id: str, kind: str, uid: str | None, refused: CommandRefused) -> p.OpResult:
    """The refusal as the op's result. Its record: the one the refusal names, else (an application
    command) the application ``uid`` as the portal holds it — never another provider's."""
    record: dict[str, Any] | None = refused.record if refused.with_record else None
    if record is None and refused.with_record and kind in p.APPLICATION_KINDS and uid is not None:
        row = load_application(ctx.conn, uid)
        if row is not None and row.provider_id == ctx.provider_id:
            record = application_row(row)
    log.info("op %s (%s): rejected %s", op_id, kind, refused.code)
    return p.OpResult(
        op_id=op_id,
        status=p.REJECTED,
        code=refused.code,
        message=refused.message,
        field_errors=refused.field_errors,
        server_record=record,
    )
