"""The outbox: every local change that the portal must learn, written in the change's transaction."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from pfdo_desktop.domain.ops import new_op_id
from pfdo_desktop.models import OUTBOX_PENDING, OutboxOp, utcnow


def enqueue(session: Session, kind: str, entity_key: str, payload: dict) -> OutboxOp:
    """Queue an op. A newer edit of the same entity replaces a queued op that was never sent
    (toggling a cell five times offline sends one op); an op already sent is left alone, because
    the portal may have it under its op_id."""
    queued = session.scalars(
        select(OutboxOp).where(OutboxOp.entity_key == entity_key, OutboxOp.state == OUTBOX_PENDING)
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
    session.add(op)
    return op
