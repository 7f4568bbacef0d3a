"""«Отменить неотправленное»: take back a command that has not left this PC yet.

Only a command still ``OUTBOX_PENDING`` (never sent) may be cancelled: once sent, the portal may
already have applied it under its op id, so the PC waits for the answer instead. Cancelling

* an unsent ``application.create`` deletes the local application (the portal never saw it);
* an unsent ``child.create`` deletes the new-child request — refused while an unsent application
  for that request waits (cancel the application first: without the child it cannot be filed);
* any other command (``application.confirm`` … ``terminate``, ``child.resolve``) removes the op and
  the «ожидает отправки» mark; the record is as the portal last sent it. A choice among the
  candidates is refused for the same reason as a new child while an application depends on it.
"""

from __future__ import annotations

import logging

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pfdo_desktop.domain.ops import OP_APP_CREATE, OP_CHILD_CREATE
from pfdo_desktop.domain.said import Said, capital, said, term
from pfdo_desktop.models import OUTBOX_PENDING, Application, ChildRequest, Database

from .enrolment_rows import (
    CHILD_PREFIX,
    PENDING_TITLES_RU,
    REQUEST_PREFIX,
    application_entity_key,
    request_entity_key,
)
from .errors import REQUEST_NOT_FOUND, NotAllowed, NotFound
from .outbox import queued_for

log = logging.getLogger(__name__)


def cancel_pending(db: Database, key: str) -> str:
    """Cancel the unsent command of an application (its uid) or of a new-child request («r:<uid>»,
    or the request's uid). Returns the op kind cancelled; ``NotAllowed`` (Russian message) when
    there is nothing to cancel or it has already been sent."""
    with db.write() as s:
        app, req = _target(s, key)
        if app is not None:
            entity_key = application_entity_key(app.id)
        else:
            assert req is not None
            entity_key = request_entity_key(req.uid)
        ops = queued_for(s, entity_key)
        if not ops:
            raise NotAllowed(said(
                "unsent.nothing",
                "Отменять нечего: у этой записи нет изменений, ожидающих отправки на портал."))
        sent = next((op for op in ops if op.state != OUTBOX_PENDING), None)
        if sent is not None:
            raise NotAllowed(said(
                "unsent.already_sent", f"«{_title(sent.kind)}» уже отправлено на портал — "
                "дождитесь ответа (синхронизируйте данные). Отменить можно только то, что ещё "
                "не отправлено.", command=_title(sent.kind)))
        kind = ops[-1].kind
        if req is not None:
            _refuse_if_an_application_waits(s, req)
        for op in ops:
            s.delete(op)
        if app is not None:
            if any(op.kind == OP_APP_CREATE for op in ops):
                s.delete(app)  # the portal never saw it
            else:
                app.pending_action, app.pending_at, app.expected_certificate_part = "", None, None
        elif req is not None and any(op.kind == OP_CHILD_CREATE for op in ops):
            s.execute(delete(ChildRequest).where(ChildRequest.uid == req.uid))
    log.info("unsent %s cancelled by the operator", kind)
    return kind


def _target(s: Session, key: str) -> tuple[Application | None, ChildRequest | None]:
    if key.startswith(CHILD_PREFIX):
        raise NotAllowed(said("unsent.registry_child",
                              "У ребёнка из реестра нет неотправленного запроса: отменять нечего."))
    if key.startswith(REQUEST_PREFIX):
        req = s.get(ChildRequest, key[len(REQUEST_PREFIX):])
        if req is None:
            raise NotFound(REQUEST_NOT_FOUND)
        return None, req
    app = s.get(Application, key)
    if app is not None:
        return app, None
    req = s.get(ChildRequest, key)
    if req is not None:
        return None, req
    raise NotFound(said("not_found.record", "Запись не найдена: обновите список."))


def _refuse_if_an_application_waits(s: Session, req: ChildRequest) -> None:
    waiting = s.scalar(select(Application).where(
        Application.child_request_uid == req.uid, Application.archived.is_(False),
        Application.pending_action == OP_APP_CREATE).limit(1))
    if waiting is not None:
        raise NotAllowed(said(
            "unsent.application_first",
            f"Сначала отмените заявку этого ребёнка (с {waiting.start_date:%d.%m.%Y}, раздел «Заявки»): "
            "она тоже ещё не отправлена и без этого запроса на ребёнка не может быть подана.",
            start=waiting.start_date))


def _title(kind: str) -> Said:
    return capital(term("PendingAction", PENDING_TITLES_RU.get(kind, kind)))


__all__ = ["cancel_pending"]
