"""«Отменить неотправленное»: a command that never left the PC may be taken back; a sent one may not."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from enrolment_data import TODAY, new_child
from sqlalchemy import select, update

from pfdo_desktop.models import (
    OUTBOX_SENT,
    REQUEST_AMBIGUOUS,
    Application,
    ChildRequest,
    OutboxOp,
)
from pfdo_desktop.services import NotAllowed, NotFound
from pfdo_desktop.services.pending import cancel_pending

DEC1 = date(2025, 12, 1)


def _kinds(ws) -> list[str]:
    with ws.db.read() as s:
        return list(s.scalars(select(OutboxOp.kind).order_by(OutboxOp.id)))


def _app(ws, uid) -> Application | None:
    with ws.db.read() as s:
        app = s.get(Application, uid)
        if app is not None:
            s.expunge(app)
        return app


def _request(ws, uid) -> ChildRequest | None:
    with ws.db.read() as s:
        return s.get(ChildRequest, uid)


def _mark_sent(ws) -> None:
    with ws.db.write() as s:
        s.execute(update(OutboxOp).values(state=OUTBOX_SENT, attempts=1))


def test_an_unsent_application_is_deleted(workspace, reg):
    uid = workspace.submit_application(f"c:{reg.ivanov}", reg.other_group, DEC1, TODAY)
    assert cancel_pending(workspace.db, uid) == "application.create"
    assert _app(workspace, uid) is None and _kinds(workspace) == []
    # its place and the certificate money are free again
    assert workspace.precheck(f"c:{reg.ivanov}", reg.other_group, DEC1, TODAY).free_places == 5


def test_an_unsent_command_is_taken_back_and_the_application_stays_as_the_portal_sent_it(workspace, reg):
    with workspace.db.write() as s:
        s.add(Application(id="app-portal-1", number="З-000001", child_id=reg.artem,
                          group_id=reg.certified_group, provider_id=1, start_date=DEC1, status="new",
                          source="portal", created_at=datetime(2025, 11, 1, tzinfo=UTC), history=[]))
    workspace.confirm_application("app-portal-1", TODAY)
    assert _app(workspace, "app-portal-1").expected_certificate_part is not None
    assert cancel_pending(workspace.db, "app-portal-1") == "application.confirm"
    app = _app(workspace, "app-portal-1")
    assert (app.status, app.pending_action, app.pending_at, app.expected_certificate_part) == (
        "new", "", None, None)
    assert _kinds(workspace) == []
    workspace.withdraw_application("app-portal-1")  # another action may be chosen now
    assert _kinds(workspace) == ["application.withdraw"]


def test_a_sent_command_cannot_be_cancelled(workspace, reg):
    uid = workspace.submit_application(f"c:{reg.ivanov}", reg.other_group, DEC1, TODAY)
    _mark_sent(workspace)
    with pytest.raises(NotAllowed, match="уже отправлено на портал — дождитесь ответа"):
        cancel_pending(workspace.db, uid)
    assert _app(workspace, uid) is not None and _kinds(workspace) == ["application.create"]


def test_nothing_to_cancel(workspace, reg):
    with workspace.db.write() as s:
        s.add(Application(id="app-portal-2", number="З-000002", child_id=reg.artem,
                          group_id=reg.certified_group, provider_id=1, start_date=DEC1, status="new",
                          source="portal", created_at=datetime(2025, 11, 1, tzinfo=UTC), history=[]))
    with pytest.raises(NotAllowed, match="Отменять нечего"):
        cancel_pending(workspace.db, "app-portal-2")
    with pytest.raises(NotAllowed):
        cancel_pending(workspace.db, f"c:{reg.ivanov}")
    with pytest.raises(NotFound):
        cancel_pending(workspace.db, "no-such-record")


def test_an_unsent_new_child_is_deleted_but_not_while_its_application_waits(workspace, reg):
    uid = workspace.request_child(new_child(), TODAY)
    app = workspace.submit_application(f"r:{uid}", reg.other_group, DEC1, TODAY)
    with pytest.raises(NotAllowed, match="Сначала отмените заявку этого ребёнка"):
        cancel_pending(workspace.db, f"r:{uid}")
    assert _kinds(workspace) == ["child.create", "application.create"]
    cancel_pending(workspace.db, app)
    assert cancel_pending(workspace.db, f"r:{uid}") == "child.create"
    assert _request(workspace, uid) is None and _kinds(workspace) == []
    assert workspace.search_children("сидорова") == []
    workspace.request_child(new_child(), TODAY)  # and it may be requested again (no duplicate left)


def test_an_unsent_choice_is_taken_back_and_the_operator_chooses_again(workspace, reg):
    uid = workspace.request_child(new_child(), TODAY)
    with workspace.db.write() as s:
        s.query(OutboxOp).delete()
        req = s.get(ChildRequest, uid)
        req.state, req.candidates = REQUEST_AMBIGUOUS, [
            {"child_id": 41, "last_name": "Сидорова", "first_name": "Алёна", "birth_date": "2016-04-01"},
            {"child_id": 42, "last_name": "Сидорова", "first_name": "Алёна", "birth_date": "2016-04-01"}]
    workspace.resolve_request(uid, 41)
    assert cancel_pending(workspace.db, uid) == "child.resolve"  # the request's uid works too
    req = _request(workspace, uid)
    assert req is not None and req.state == "ambiguous" and _kinds(workspace) == []
    assert workspace.child_card(f"r:{uid}").pending_action == ""
    workspace.resolve_request(uid, 42)
    assert _kinds(workspace) == ["child.resolve"]
    _mark_sent(workspace)
    with pytest.raises(NotAllowed, match="«Выбор ребёнка» уже отправлено на портал"):
        cancel_pending(workspace.db, f"r:{uid}")
