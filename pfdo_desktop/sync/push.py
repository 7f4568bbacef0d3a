"""Push: the outbox goes to the portal in batches, and each batch's results come back.

- pending ops dated provisionally (no measured anchor of their boot) are re-dated from this run's
  anchor first, before anything is marked sent: a sent op is never edited (services/outbox.py);
- an op is marked ``sent`` (attempts + 1) in the transaction that takes it for a batch, before it
  goes on the wire; ``sent`` ops are sent again with the same op_id until a result arrives, so a
  lost answer or a crash never duplicates or loses a change;
- a batch's results are recorded in one transaction (``results.record_results``); an answer that
  does not name every op sent is refused whole, and the batch goes again at the next sync.
"""

from __future__ import annotations

import logging

from sqlalchemy import func, select

from pfdo_desktop.models import OUTBOX_PENDING, OUTBOX_SENT, Device, OutboxOp
from pfdo_desktop.models.clock import anchor_of
from pfdo_desktop.services.outbox import redate_pending

from . import protocol as p
from .client import ServerFailure
from .context import RunContext
from .results import record_results

log = logging.getLogger(__name__)


def push_outbox(run: RunContext, batch_size: int) -> None:
    """Send every pending and in-flight op, oldest first, ``batch_size`` per request."""
    with run.db.write() as s:
        # Ops dated before this boot had a measured anchor take the fresh one of this run's
        # /info, before anything is marked sent: a sent op is never edited (domain/clock.py).
        device = s.scalar(select(Device))
        anchor = anchor_of(device) if device is not None else None
        if anchor is not None and (redated := redate_pending(s, anchor)):
            log.info("%d provisional op time(s) re-dated on the fresh anchor", redated)
    waiting = OutboxOp.state.in_((OUTBOX_PENDING, OUTBOX_SENT))
    with run.db.read() as s:
        total = s.scalar(select(func.count()).select_from(OutboxOp).where(waiting)) or 0
    done = 0
    after_id = 0
    while True:
        run.check_cancel()
        run.progress("push", done, total)
        with run.db.write() as s:
            ops = s.scalars(select(OutboxOp).where(waiting, OutboxOp.id > after_id)
                            .order_by(OutboxOp.id).limit(batch_size)).all()
            if not ops:
                return
            for op in ops:  # marked before the wire: a crash after this re-sends, never edits
                op.state = OUTBOX_SENT
                op.attempts += 1
            # Each op goes as it was queued: its payload is the JSON of its typed payload, with
            # its time on the portal's clock, fixed when the edit was made.
            wire = [p.Op(op_id=op.op_id, kind=op.kind, payload=op.payload) for op in ops]
            after_id = ops[-1].id
        request = p.PushRequest(device_id=run.device.device_id or "", batch_id=p.new_op_id(), ops=wire)
        response = run.client.push(request)
        results = {r.op_id: r for r in response.results}
        if set(results) != {op.op_id for op in wire}:
            raise ServerFailure("Портал ответил не на все отправленные изменения. Они будут "
                                "отправлены снова при следующей синхронизации.", "garbage")
        with run.db.write() as s:
            record_results(s, run.report, [results[op.op_id] for op in wire])
        done += len(wire)
        run.report.pushed += len(wire)
