"""The outbox: every local change that the portal must learn, written in the change's transaction.

A service builds the op's typed payload (``sync.protocol``: ``MarkSetPayload``,
``ApplicationEnrolPayload``, …); its model decides the op's kind, and the outbox stores its JSON,
which is what goes on the wire.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from pydantic import ValidationError as PydanticValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from pfdo_desktop.domain.clock import TIMED_FIELDS, Anchor, ClockReading, redated
from pfdo_desktop.domain.ops import COMMAND_KINDS, LESSON_KINDS, MARK_KINDS, new_op_id
from pfdo_desktop.models import OUTBOX_PENDING, OutboxOp, utcnow
from pfdo_desktop.models.clock import redate_local
from pfdo_desktop.sync import protocol as p

from .errors import PayloadInvalid

P = TypeVar("P", bound=p.WireModel)


def build_payload(model: type[P], **fields: Any) -> P:
    """An op's typed payload. Data the wire cannot carry raises ``PayloadInvalid`` (every field
    with what is wrong, in Russian; the message names the first), instead of an op the portal
    would refuse."""
    try:
        return model(**fields)
    except PydanticValidationError as exc:
        errors = p.field_errors_ru(exc)
        path, why = next(iter(errors.items()))
        title = p.field_title_ru(path)
        raise PayloadInvalid(errors, f"{title[:1].upper()}{title[1:]}: {why}.") from None


def enqueue(session: Session, entity_key: str, payload: p.OpPayload, *, coalesce: bool = True) -> OutboxOp:
    """Queue an op. A newer edit of the same mark (or the same lesson's state) replaces a queued op
    of it that was never sent (toggling a cell five times offline sends one op); an op already sent
    is left alone, because the portal may have it under its op_id. Commands (``COMMAND_KINDS``) are
    never coalesced: creating and then enrolling one application are two decisions and both must go
    out."""
    kind = p.kind_of(payload)
    family = next((kinds for kinds in (MARK_KINDS, LESSON_KINDS) if kind in kinds), None)
    if coalesce and family is not None:
        queued = session.scalars(
            select(OutboxOp).where(OutboxOp.entity_key == entity_key, OutboxOp.state == OUTBOX_PENDING,
                                   OutboxOp.kind.in_(family))
        ).first()
        if queued is not None:
            queued.kind = kind
            queued.payload = p.payload_json(payload)
            return queued
    op = OutboxOp(
        op_id=new_op_id(),
        kind=kind,
        entity_key=entity_key,
        payload=p.payload_json(payload),
        state=OUTBOX_PENDING,
        created_at=utcnow(),
        attempts=0,
    )
    session.add(op)  # the unit of work inserts in the order added: outbox.id keeps the queue order
    return op


def command_values(entity_key: str, payload: p.OpPayload, created_at: datetime) -> dict[str, Any]:
    """The outbox row of a new command, for bulk inserts (``enqueue_command`` one at a time)."""
    kind = _command_kind(payload)
    return {"op_id": new_op_id(), "kind": kind, "entity_key": entity_key,
            "payload": p.payload_json(payload), "state": OUTBOX_PENDING, "created_at": created_at,
            "attempts": 0}


def enqueue_command(session: Session, entity_key: str, payload: p.OpPayload) -> OutboxOp:
    """Queue a command (child.*, application.*, program.*, group.*): always a new op, in order,
    never coalesced."""
    _command_kind(payload)
    return enqueue(session, entity_key, payload, coalesce=False)


def replace_payload(op: OutboxOp, payload: p.OpPayload) -> None:
    """A queued op that was never sent takes a newer form of the same command."""
    if p.kind_of(payload) != op.kind:
        raise ValueError(f"a {op.kind} op cannot carry a {p.kind_of(payload)} payload")
    op.payload = p.payload_json(payload)


def queued_payload(op: OutboxOp) -> p.OpPayload | None:
    """The typed payload of a queued op; None when the stored JSON does not fit its kind any more
    (an op queued by an older version: it is sent as it is, and the portal judges it)."""
    try:
        return p.read_payload(op.kind, op.payload)
    except ValueError:  # UnknownOpKind or pydantic's ValidationError
        return None


def redate_pending(s: Session, anchor: Anchor) -> int:
    """Re-date from a fresh measured ``anchor`` the provisional ops that were never sent and were
    made in its boot (domain/clock.py ``redated``), with the local copies of their times: the mark
    and the audit row of that edit, the application. An op already sent is never changed (the
    portal may hold it under its op_id); an op of an earlier boot keeps its estimate. Returns how
    many ops were re-dated."""
    if not anchor.measured:
        return 0
    ops = s.scalars(select(OutboxOp).where(OutboxOp.state == OUTBOX_PENDING,
                                           OutboxOp.clock_provisional.is_(True))).all()
    count = 0
    for op in ops:
        name = TIMED_FIELDS.get(op.kind)
        payload = queued_payload(op) if name else None
        old = getattr(payload, name, None) if payload is not None and name else None
        if payload is None or name is None or op.clock_mono is None or op.clock_wall is None \
                or not isinstance(old, datetime):
            continue
        at = redated(anchor, ClockReading(op.clock_wall, op.clock_mono, op.clock_boot or ""))
        if at is None:
            continue  # another boot: nothing links it to this anchor
        replace_payload(op, payload.model_copy(update={name: at}))
        op.clock_provisional = False
        redate_local(s, op.kind, op.entity_key, str(getattr(payload, "uid", "")), old, at)
        count += 1
    return count


def queued_for(session: Session, entity_key: str) -> list[OutboxOp]:
    """Ops of one record still waiting for the portal's answer, oldest first."""
    return list(session.scalars(
        select(OutboxOp).where(OutboxOp.entity_key == entity_key).order_by(OutboxOp.id)))


def _command_kind(payload: p.OpPayload) -> str:
    kind = p.kind_of(payload)
    if kind not in COMMAND_KINDS:
        raise ValueError(f"not a command kind: {kind}")
    return kind
