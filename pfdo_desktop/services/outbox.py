"""The outbox: every local change that the portal must learn, written in the change's transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pfdo_desktop.domain.ops import COMMAND_KINDS, MARK_KINDS, new_op_id
from pfdo_desktop.models import OUTBOX_PENDING, OutboxOp, utcnow


def enqueue(session: Session, kind: str, entity_key: str, payload: dict, *,
            coalesce: bool = True) -> OutboxOp:
    """Queue an op. A newer edit of the same mark replaces a queued mark op that was never sent
    (toggling a cell five times offline sends one op); an op already sent is left alone, because
    the portal may have it under its op_id. Commands (``COMMAND_KINDS``) are never coalesced:
    creating and then enrolling one application are two decisions and both must go out."""
    if coalesce and kind in MARK_KINDS:
        queued = session.scalars(
            select(OutboxOp).where(OutboxOp.entity_key == entity_key, OutboxOp.state == OUTBOX_PENDING,
                                   OutboxOp.kind.in_(MARK_KINDS))
        ).first()
        if queued is not None:
            queued.kind = kind
            queued.payload = payload
            return queued
    op = OutboxOp(
        op_id=new_op_id(),
        kind=kind,
        entity_key=entity_key,
        payload=payload,
        state=OUTBOX_PENDING,
        created_at=utcnow(),
        attempts=0,
    )
    session.add(op)  # the unit of work inserts in the order added: outbox.id keeps the queue order
    return op


def command_values(kind: str, entity_key: str, payload: dict, created_at: datetime) -> dict[str, Any]:
    """The outbox row of a new command, for bulk inserts (``enqueue_command`` one at a time)."""
    if kind not in COMMAND_KINDS:
        raise ValueError(f"not a command kind: {kind}")
    return {"op_id": new_op_id(), "kind": kind, "entity_key": entity_key, "payload": payload,
            "state": OUTBOX_PENDING, "created_at": created_at, "attempts": 0}


def enqueue_command(session: Session, kind: str, entity_key: str, payload: dict) -> OutboxOp:
    """Queue a command (child.*, application.*): always a new op, in order, never coalesced."""
    if kind not in COMMAND_KINDS:
        raise ValueError(f"not a command kind: {kind}")
    return enqueue(session, kind, entity_key, payload, coalesce=False)


def queued_for(session: Session, entity_key: str) -> list[OutboxOp]:
    """Ops of one record still waiting for the portal's answer, oldest first."""
    return list(session.scalars(
        select(OutboxOp).where(OutboxOp.entity_key == entity_key).order_by(OutboxOp.id)))
