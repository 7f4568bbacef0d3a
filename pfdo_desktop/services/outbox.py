"""The outbox: every local change that the portal must learn, written in the change's transaction.

A service builds the op's typed payload (``sync.protocol``: ``MarkSetPayload``,
``ApplicationEnrolPayload``, …); its model decides the op's kind, and the outbox stores its JSON,
which is what goes on the wire.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar, cast

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from pfdo_desktop.domain.clock import TIMED_FIELDS, Anchor, ClockReading, redated
from pfdo_desktop.domain.ops import COMMAND_KINDS, LESSON_KINDS, MARK_KINDS, THEME_KINDS, new_op_id
from pfdo_desktop.models import OUTBOX_PENDING, OutboxOp, utcnow
from pfdo_desktop.models.clock import EditStamp, redate_local

from .errors import PayloadInvalid

if TYPE_CHECKING:
    from pfdo_desktop.sync import protocol as p
else:  # the wire's models (pydantic) load when an op is first queued, not with the journal
    from .lazy import deferred

    p = deferred("pfdo_desktop.sync.protocol")

P = TypeVar("P", bound="p.WireModel")

_OUTBOX = cast(Table, OutboxOp.__table__)
_CHUNK = 900  # keys per SELECT (SQLite's default limit of bound values is 999)


def build_payload(model: type[P], **fields: Any) -> P:
    """An op's typed payload. Data the wire cannot carry raises ``PayloadInvalid`` (every field
    with what is wrong, in Russian; the message names the first), instead of an op the portal
    would refuse."""
    from pydantic import ValidationError as PydanticValidationError

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
    family = next((kinds for kinds in (MARK_KINDS, LESSON_KINDS, THEME_KINDS) if kind in kinds), None)
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


def enqueue_edits(session: Session, edits: Sequence[tuple[str, str, dict[str, Any]]],
                  stamp: EditStamp) -> None:
    """Queue the ops of one save of cell edits — ``(entity key, kind, payload JSON)``, kinds of one
    family (the marks of a lesson: ``MARK_KINDS``) — by the rule of ``enqueue``: a queued op of the
    same key and family that was never sent takes the newer edit and keeps its place in the queue;
    the others become new ops in the order given; each carries the clocks the save was made at
    (``models.clock.stamp_op``). One SELECT, one UPDATE and one INSERT (executemany) for the whole
    save, in the caller's transaction, instead of a query and a row object per cell."""
    if not edits:
        return
    family = next(kinds for kinds in (MARK_KINDS, LESSON_KINDS, THEME_KINDS) if edits[0][1] in kinds)
    if any(kind not in family for _key, kind, _payload in edits):
        raise ValueError("one family of kinds per call")
    conn = session.connection()
    c = _OUTBOX.c
    keys = list(dict.fromkeys(key for key, _kind, _payload in edits))
    queued: dict[str, int] = {}
    for i in range(0, len(keys), _CHUNK):
        queued.update((key, op) for key, op in conn.execute(
            select(c.entity_key, func.min(c.id))
            .where(c.entity_key.in_(keys[i:i + _CHUNK]), c.state == OUTBOX_PENDING, c.kind.in_(family))
            .group_by(c.entity_key)))
    clocks = {"clock_boot": stamp.made.boot_id, "clock_mono": stamp.made.mono, "clock_wall": stamp.made.wall,
              "clock_provisional": stamp.provisional}
    created = utcnow()
    updates: dict[int, dict[str, Any]] = {}
    inserts: dict[str, dict[str, Any]] = {}
    for key, kind, payload in edits:  # a later edit of the same key in one save wins
        if key in queued:
            updates[queued[key]] = {"b_id": queued[key], "kind": kind, "payload": payload, **clocks}
        elif key in inserts:
            inserts[key].update(kind=kind, payload=payload)
        else:
            inserts[key] = {"op_id": new_op_id(), "kind": kind, "entity_key": key, "payload": payload,
                            "state": OUTBOX_PENDING, "created_at": created, "attempts": 0, **clocks}
    if updates:
        conn.execute(update(_OUTBOX).where(c.id == bindparam("b_id")), list(updates.values()))
    if inserts:
        conn.execute(insert(_OUTBOX), list(inserts.values()))


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
