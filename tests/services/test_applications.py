"""Applications: the pre-check (every refusal, the cost), commands that queue exactly one op and never
change a status, refusals of a wrong status or a second command while one waits."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from enrolment_data import TODAY, new_child
from sqlalchemy import func, select

from pfdo_desktop.domain import enrolment as rules
from pfdo_desktop.models import Application, Certificate, Membership, OutboxOp, Program
from pfdo_desktop.services import NotAllowed, NotFound, ValidationError
from pfdo_desktop.services.applications import Refused
from pfdo_desktop.services.outbox import enqueue, enqueue_command
from pfdo_desktop.sync import protocol as p

DEC1 = date(2025, 12, 1)


def _codes(check) -> list[str]:
    return [r.code for r in check.refusals]


def _ops(ws) -> list[OutboxOp]:
    with ws.db.read() as s:
        return list(s.scalars(select(OutboxOp).order_by(OutboxOp.id)))


def _app(ws, uid) -> Application:
    with ws.db.read() as s:
        app = s.get(Application, uid)
        s.expunge(app)
        return app


MADE = datetime(2025, 11, 1, 10, 0, tzinfo=UTC)  # when the portal's applications were made


def _portal_app(ws, uid: str, child_id: int, group_id: int, status: str, start: date = DEC1, **extra) -> str:
    """An application as the portal sent it (status set by the portal), made on ``MADE``."""
    extra.setdefault("created_at", MADE)
    with ws.db.write() as s:
        s.add(Application(id=uid, number="З-000001", child_id=child_id, group_id=group_id, provider_id=1,
                          start_date=start, status=status, source="portal",
                          history=[{"at": "2025-11-01T10:00:00Z", "status": "new", "note": "подана"}],
                          **extra))
    return uid


# --- the pre-check -------------------------------------------------------------------------------


def test_an_eligible_child_on_a_budget_programme(workspace, reg):
    check = workspace.precheck(f"c:{reg.ivanov}", reg.other_group, DEC1, TODAY)
    assert check.refusals == () and check.cost is None
    assert (check.registry, check.capacity, check.free_places) == ("general", 5, 5)


def test_cost_on_a_certified_programme(workspace, reg):
    check = workspace.precheck(f"c:{reg.ivanov}", reg.certified_group, DEC1, TODAY)
    assert check.refusals == ()
    cost = check.cost
    # 182 of 273 days: price 30 000 → 20 000.00, normative 24 000 → 16 000.00; balance 10 000.
    assert (cost.all, cost.normative, cost.certificate_part, cost.parent_part) == (
        Decimal("20000.00"), Decimal("16000.00"), Decimal("10000.00"), Decimal("10000.00"))
    assert cost.months == 6


def test_the_free_balance_takes_off_the_reserve_and_this_pcs_unsent_applications(workspace, reg):
    check = workspace.precheck(f"c:{reg.artem}", reg.certified_group, DEC1, TODAY)
    assert check.cost.certificate_part == Decimal("500.00")  # balance 1 000 − reserve 500
    workspace.submit_application(f"c:{reg.artem}", reg.certified_group, DEC1, TODAY)
    with workspace.db.write() as s:  # make room for a second look at the same group
        s.get(Certificate, reg.artem).balance = Decimal("1200.00")
        s.query(Application).update({"group_id": reg.other_group})
    check = workspace.precheck(f"c:{reg.artem}", reg.certified_group, DEC1, TODAY)
    assert check.cost.certificate_part == Decimal("200.00")  # 1 200 − 500 − 500 expected


@pytest.mark.parametrize("key,group,start,code", [
    ("corsakov", "budget_group", DEC1, rules.R_DUPLICATE_ENROLMENT),
    ("artem", "budget_group", DEC1, rules.R_AGE_TOO_OLD),  # Рисунок is up to 10 years 11 months
    ("ivanov_namesake", "certified_group", DEC1, rules.R_CERT_ACCOUNTING_ON_CERTIFIED),
    ("corsakov", "certified_group", DEC1, rules.R_NO_CERTIFICATE),
    ("ivanov", "other_group", date(2026, 6, 1), rules.R_START_AFTER_GROUP),
    ("ivanov", "other_group", date(2025, 10, 1), rules.R_START_IN_CLOSED_PERIOD),
    ("ivanov", "other_group", date(2025, 8, 31), rules.R_START_BEFORE_GROUP),
])
def test_each_refusal(workspace, reg, key, group, start, code):
    check = workspace.precheck(f"c:{getattr(reg, key)}", getattr(reg, group), start, TODAY)
    assert code in _codes(check)
    refusal = next(r for r in check.refusals if r.code == code)
    assert refusal.message and refusal.text and refusal.advice


def test_too_young(workspace, reg):
    with workspace.db.write() as s:
        s.get(Program, 1).age_from_months = 12 * 11  # Рисунок from 11 years; Иванов is 10
    check = workspace.precheck(f"c:{reg.ivanov}", reg.other_group, DEC1, TODAY)
    assert _codes(check) == [rules.R_AGE_TOO_YOUNG]


def test_a_full_group_counts_members_confirmed_and_unsent_applications(workspace, reg):
    # Рисунок-1: capacity 3, two members already.
    assert workspace.precheck(f"c:{reg.ivanov}", reg.budget_group, DEC1, TODAY).free_places == 1
    workspace.submit_application(f"c:{reg.ivanov}", reg.budget_group, DEC1, TODAY)
    uid = workspace.request_child(new_child(), TODAY)
    check = workspace.precheck(f"r:{uid}", reg.budget_group, DEC1, TODAY)
    assert check.free_places == 0 and _codes(check) == [rules.R_GROUP_FULL]
    assert "занято 3 мест из 3" in check.refusals[0].message


def test_members_starting_after_the_start_date_hold_their_places_as_on_the_portal(workspace, reg):
    """The portal counts every membership not ended before the start date, also one that begins
    later (pfdo_portal.enrolment.applications.occupied_places): the pre-check must count the same."""
    with workspace.db.write() as s:  # Рисунок-2 (capacity 5) filled from January
        for i in range(5):
            s.add(Membership(id=100 + i, group_id=reg.other_group, child_id=reg.ivanov_namesake,
                             date_from=date(2026, 1, 12), date_to=None, status="active", archived=False))
    check = workspace.precheck(f"c:{reg.ivanov}", reg.other_group, DEC1, TODAY)
    assert check.free_places == 0 and _codes(check) == [rules.R_GROUP_FULL]
    with pytest.raises(Refused):
        workspace.submit_application(f"c:{reg.ivanov}", reg.other_group, DEC1, TODAY)


def test_a_membership_ended_before_the_start_frees_its_place(workspace, reg):
    with workspace.db.write() as s:
        s.get(Membership, 2).date_to = date(2025, 11, 30)
        s.get(Membership, 2).status = "expelled"
    assert workspace.precheck(f"c:{reg.ivanov}", reg.budget_group, DEC1, TODAY).free_places == 2


def test_a_confirmed_application_holds_a_place(workspace, reg):
    _portal_app(workspace, "app-confirmed-1", reg.artem, reg.budget_group, "confirmed")
    assert workspace.precheck(f"c:{reg.ivanov}", reg.budget_group, DEC1, TODAY).free_places == 0


def test_a_request_counts_as_a_certificate_of_accounting(workspace, reg):
    uid = workspace.request_child(new_child(), TODAY)
    assert _codes(workspace.precheck(f"r:{uid}", reg.other_group, DEC1, TODAY)) == []
    assert _codes(workspace.precheck(f"r:{uid}", reg.certified_group, DEC1, TODAY)) == [
        rules.R_CERT_ACCOUNTING_ON_CERTIFIED]


def test_unknown_child_or_group(workspace, reg):
    with pytest.raises(NotFound):
        workspace.precheck("c:999", reg.budget_group, DEC1, TODAY)
    with pytest.raises(NotFound):
        workspace.precheck(f"c:{reg.ivanov}", 999, DEC1, TODAY)


# --- submit --------------------------------------------------------------------------------------


def test_submit_writes_a_new_application_and_one_create(workspace, reg):
    uid = workspace.submit_application(f"c:{reg.ivanov}", reg.certified_group, DEC1, TODAY)
    app = _app(workspace, uid)
    assert (app.status, app.source, app.pending_action) == ("new", "device", "application.create")
    assert app.child_id == reg.ivanov
    assert (app.price_total, app.certificate_part, app.parent_part, app.expected_certificate_part) == (
        Decimal("20000.00"), Decimal("10000.00"), Decimal("10000.00"), Decimal("10000.00"))
    (op,) = _ops(workspace)
    assert (op.kind, op.entity_key) == ("application.create", f"application:{uid}")
    assert op.payload["expected_certificate_part"] == "10000.00"
    assert (op.payload["child_id"], op.payload["child_uid"]) == (reg.ivanov, None)
    p.ApplicationCreatePayload.model_validate(op.payload)
    row = workspace.application(uid)
    assert (row.child_name, row.group_name, row.program_name, row.pending_action) == (
        "Иванов Иван Иванович", "Роботы-1", "Робототехника", "application.create")


def test_submit_for_a_new_child_request_refers_to_the_request(workspace, reg):
    req = workspace.request_child(new_child(), TODAY)
    uid = workspace.submit_application(f"r:{req}", reg.other_group, DEC1, TODAY)
    create_child, create_app = _ops(workspace)
    assert (create_child.kind, create_app.kind) == ("child.create", "application.create")  # in this order
    assert (create_app.payload["child_id"], create_app.payload["child_uid"]) == (None, req)
    assert _app(workspace, uid).child_request_uid == req
    assert workspace.application(uid).child_key == f"r:{req}"


def test_a_refused_application_is_not_written(workspace, reg):
    with pytest.raises(Refused) as caught:
        workspace.submit_application(f"c:{reg.corsakov}", reg.certified_group, date(2026, 6, 1), TODAY)
    assert {r.code for r in caught.value.refusals} == {rules.R_NO_CERTIFICATE, rules.R_START_AFTER_GROUP}
    assert caught.value.message.startswith("Заявку подать нельзя")
    assert isinstance(caught.value, NotAllowed)
    assert _ops(workspace) == [] and workspace.applications() == []


def test_a_second_application_to_the_same_group_is_a_duplicate(workspace, reg):
    workspace.submit_application(f"c:{reg.ivanov}", reg.other_group, DEC1, TODAY)
    with pytest.raises(Refused) as caught:
        workspace.submit_application(f"c:{reg.ivanov}", reg.other_group, DEC1, TODAY)
    assert [r.code for r in caught.value.refusals] == [rules.R_DUPLICATE_ENROLMENT]


# --- commands ------------------------------------------------------------------------------------


def _status_and_one_op(ws, uid, status, kind):
    assert _app(ws, uid).status == status  # never changed locally
    assert _app(ws, uid).pending_action == kind
    ops = _ops(ws)
    assert [o.kind for o in ops] == [kind]
    p.COMMAND_PAYLOADS[kind].model_validate(ops[0].payload)
    return ops[0].payload


def test_confirm(workspace, reg):
    uid = _portal_app(workspace, "app-portal-0001", reg.ivanov, reg.certified_group, "new")
    workspace.confirm_application(uid, TODAY)
    payload = _status_and_one_op(workspace, uid, "new", "application.confirm")
    assert payload == {"uid": uid, "expected_certificate_part": "10000.00"}


def test_confirm_runs_the_rulebook(workspace, reg):
    uid = _portal_app(workspace, "app-portal-0002", reg.artem, reg.budget_group, "new")
    with pytest.raises(Refused) as caught:
        workspace.confirm_application(uid, TODAY)
    assert [r.code for r in caught.value.refusals] == [rules.R_AGE_TOO_OLD]


def test_reject(workspace, reg):
    uid = _portal_app(workspace, "app-portal-0003", reg.ivanov, reg.other_group, "new")
    with pytest.raises(ValidationError) as caught:
        workspace.reject_application(uid, "bored")
    assert caught.value.field == "reason"
    with pytest.raises(ValidationError) as caught:
        workspace.reject_application(uid, "other", " ")
    assert caught.value.field == "comment"
    workspace.reject_application(uid, "documents", "нет справки")
    payload = _status_and_one_op(workspace, uid, "new", "application.reject")
    assert payload == {"uid": uid, "reason": "documents", "comment": "нет справки"}


def test_withdraw(workspace, reg):
    uid = _portal_app(workspace, "app-portal-0004", reg.ivanov, reg.other_group, "confirmed")
    workspace.withdraw_application(uid, "передумали")
    payload = _status_and_one_op(workspace, uid, "confirmed", "application.withdraw")
    assert payload == {"uid": uid, "comment": "передумали"}


def test_enrol(workspace, reg):
    uid = _portal_app(workspace, "app-portal-0005", reg.ivanov, reg.other_group, "confirmed")
    for args, field in ((("", date(2025, 11, 19), DEC1), "order_number"),
                        (("15-у", date(2025, 11, 21), DEC1), "order_date"),
                        (("15-у", date(2024, 1, 1), DEC1), "order_date"),
                        (("15-у", date(2025, 11, 19), date(2026, 6, 1)), "date_from"),
                        (("15-у", date(2025, 11, 19), date(2025, 10, 1)), "date_from")):
        with pytest.raises(ValidationError) as caught:
            workspace.enrol_application(uid, *args, today=TODAY)
        assert caught.value.field == field, args
    assert _ops(workspace) == []
    workspace.enrol_application(uid, " 15-у ", date(2025, 11, 19), DEC1, today=TODAY)
    payload = _status_and_one_op(workspace, uid, "confirmed", "application.enrol")
    assert payload == {"uid": uid, "order_number": "15-у", "order_date": "2025-11-19",
                       "date_from": "2025-12-01"}


def test_expel(workspace, reg):
    uid = _portal_app(workspace, "app-portal-0006", reg.ivanov, reg.other_group, "active")
    with pytest.raises(ValidationError) as caught:
        workspace.expel_application(uid, "20-у", date(2025, 11, 19), date(2025, 11, 30), "moved", today=TODAY)
    assert caught.value.field == "date_to"  # before the start of studies
    with pytest.raises(ValidationError) as caught:
        workspace.expel_application(uid, "20-у", date(2025, 11, 19), date(2025, 12, 31), "nope", today=TODAY)
    assert caught.value.field == "reason"
    workspace.expel_application(uid, "20-у", date(2025, 11, 19), date(2025, 12, 31), "moved", today=TODAY)
    payload = _status_and_one_op(workspace, uid, "active", "application.expel")
    assert payload == {"uid": uid, "order_number": "20-у", "order_date": "2025-11-19",
                       "date_to": "2025-12-31", "reason": "moved"}


def test_transfer(workspace, reg):
    uid = _portal_app(workspace, "app-portal-0007", reg.ivanov, reg.other_group, "active")
    with pytest.raises(ValidationError) as caught:
        workspace.transfer_application(uid, reg.other_group, date(2025, 12, 15), "21-у", date(2025, 11, 19),
                                       TODAY)
    assert caught.value.field == "to_group_id"
    new = workspace.transfer_application(uid, reg.certified_group, date(2025, 12, 15), "21-у",
                                         date(2025, 11, 19), TODAY)
    payload = _status_and_one_op(workspace, uid, "active", "application.transfer")
    assert payload["new_uid"] == new != uid and payload["to_group_id"] == reg.certified_group
    # The pending transfer holds a place in the new group.
    assert workspace.precheck(f"c:{reg.artem}", reg.certified_group, DEC1, TODAY).free_places == 9


def test_transfer_runs_the_rulebook_for_the_new_group(workspace, reg):
    uid = _portal_app(workspace, "app-portal-0008", reg.ivanov_namesake, reg.other_group, "active")
    with pytest.raises(Refused) as caught:
        workspace.transfer_application(uid, reg.certified_group, date(2025, 12, 15), "21-у",
                                       date(2025, 11, 19), TODAY)
    assert [r.code for r in caught.value.refusals] == [rules.R_CERT_ACCOUNTING_ON_CERTIFIED]


def test_terminate(workspace, reg):
    uid = _portal_app(workspace, "app-portal-0009", reg.ivanov, reg.other_group, "active")
    with pytest.raises(ValidationError):
        workspace.terminate_application(uid, date(2025, 11, 21), today=TODAY)
    workspace.terminate_application(uid, date(2025, 11, 20), today=TODAY)
    assert _status_and_one_op(workspace, uid, "active", "application.terminate") == {
        "uid": uid, "request_date": "2025-11-20"}


def test_a_termination_request_is_not_older_than_the_application(workspace, reg):
    """The rule (services.applications docstring): not before the day the application was made
    (1 November here); before the start date (1 December) is fine — a parent may change their mind
    before the first lesson."""
    uid = _portal_app(workspace, "app-portal-0014", reg.ivanov, reg.other_group, "confirmed")
    for too_old in (date(2025, 10, 31), date(2024, 12, 1)):  # the old check let a year before pass
        with pytest.raises(ValidationError, match="раньше самой заявки") as caught:
            workspace.terminate_application(uid, too_old, today=TODAY)
        assert caught.value.field == "request_date"
    assert _ops(workspace) == []
    workspace.terminate_application(uid, date(2025, 11, 1), today=TODAY)  # the same day: allowed
    assert [o.kind for o in _ops(workspace)] == ["application.terminate"]


@pytest.mark.parametrize("status,call", [
    ("active", lambda ws, uid: ws.confirm_application(uid, TODAY)),
    ("confirmed", lambda ws, uid: ws.reject_application(uid, "documents")),
    ("active", lambda ws, uid: ws.withdraw_application(uid)),
    ("new", lambda ws, uid: ws.enrol_application(uid, "1", date(2025, 11, 19), DEC1, today=TODAY)),
    ("confirmed", lambda ws, uid: ws.expel_application(uid, "1", date(2025, 11, 19), DEC1, "moved",
                                                       today=TODAY)),
    ("expelled", lambda ws, uid: ws.transfer_application(uid, 20, DEC1, "1", date(2025, 11, 19), TODAY)),
    ("rejected", lambda ws, uid: ws.terminate_application(uid, TODAY, today=TODAY)),
])
def test_a_wrong_status_is_refused_with_the_rulebooks_message(workspace, reg, status, call):
    uid = _portal_app(workspace, "app-portal-0010", reg.ivanov, reg.other_group, status)
    with pytest.raises(NotAllowed, match="Нельзя .* это возможно только для статуса"):
        call(workspace, uid)
    assert _ops(workspace) == [] and _app(workspace, uid).pending_action == ""


def test_a_second_command_waits_for_the_portals_answer(workspace, reg):
    uid = workspace.submit_application(f"c:{reg.ivanov}", reg.other_group, DEC1, TODAY)
    with pytest.raises(NotAllowed, match="уже отправлено «подача заявки»: дождитесь ответа портала"):
        workspace.withdraw_application(uid)
    portal = _portal_app(workspace, "app-portal-0011", reg.artem, reg.certified_group, "active")
    workspace.expel_application(portal, "1", date(2025, 11, 19), date(2025, 12, 31), "moved", today=TODAY)
    with pytest.raises(NotAllowed, match="уже отправлено «отчисление»"):
        workspace.terminate_application(portal, TODAY, today=TODAY)


def test_unknown_application(workspace, reg):
    with pytest.raises(NotFound):
        workspace.withdraw_application("no-such-app")


def test_commands_are_never_coalesced_but_marks_are(workspace, reg):
    uid = "app-00000001"
    create = p.ApplicationCreatePayload(uid=uid, child_id=reg.ivanov, group_id=reg.other_group,
                                        start_date=DEC1, created_at=datetime(2025, 11, 20, tzinfo=UTC))
    enrol = p.ApplicationEnrolPayload(uid=uid, order_number="1", order_date=TODAY, date_from=DEC1)
    withdraw = p.ApplicationWithdrawPayload(uid=uid)

    def mark(code: int) -> p.MarkSetPayload:
        return p.MarkSetPayload(group_id=reg.other_group, child_id=reg.ivanov, lesson_date=DEC1, code=code,
                                changed_at=datetime(2025, 11, 20, tzinfo=UTC))

    with workspace.db.write() as s:
        enqueue_command(s, "application:x", create)
        enqueue_command(s, "application:x", enrol)
        enqueue(s, "application:x", withdraw)  # a command even via enqueue
        enqueue(s, "cell-1", mark(1))
        enqueue(s, "cell-1", mark(2))
    assert [(o.kind, o.payload) for o in _ops(workspace)] == [
        ("application.create", p.payload_json(create)), ("application.enrol", p.payload_json(enrol)),
        ("application.withdraw", p.payload_json(withdraw)), ("mark.set", p.payload_json(mark(2)))]
    with pytest.raises(ValueError), workspace.db.write() as s:
        enqueue_command(s, "cell-2", mark(3))


# --- lists ---------------------------------------------------------------------------------------


def test_list_applications(workspace, reg):
    a = workspace.submit_application(f"c:{reg.ivanov}", reg.other_group, DEC1, TODAY)
    b = _portal_app(workspace, "app-portal-0012", reg.artem, reg.certified_group, "confirmed")
    assert {r.uid for r in workspace.applications()} == {a, b}
    assert [r.uid for r in workspace.applications(status="confirmed")] == [b]
    assert [r.uid for r in workspace.applications(group_id=reg.other_group)] == [a]
    assert [r.uid for r in workspace.applications(query="елк")] == [b]
    assert [r.uid for r in workspace.applications(query="з-000001")] == [b]
    assert workspace.applications(query="петров") == []
    card = workspace.child_card(f"c:{reg.artem}")
    assert [x.uid for x in card.applications] == [b]
    assert [h.note for h in card.history[b]] == ["подана"]
    assert [g.id for g in workspace.groups_for_application()] == [reg.budget_group, reg.other_group,
                                                                  reg.certified_group]


def test_nothing_is_written_by_a_refused_command(workspace, reg):
    uid = _portal_app(workspace, "app-portal-0013", reg.ivanov, reg.other_group, "confirmed")
    with pytest.raises(ValidationError):
        workspace.enrol_application(uid, "", date(2025, 11, 19), DEC1, today=TODAY)
    with workspace.db.read() as s:
        assert s.scalar(select(func.count()).select_from(OutboxOp)) == 0
