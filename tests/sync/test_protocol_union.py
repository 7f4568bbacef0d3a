"""The typed wire format (issue 11 §2): an op is a union keyed by ``kind``, each kind with its payload
model; a push keeps its items raw so that one op that does not fit is refused alone; pulled rows
are read with their entity's record."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from pydantic import ValidationError
from sqlalchemy import select

from pfdo_desktop.models import AttendanceMark, Lesson, Membership, OutboxOp, StudyGroup, SyncIssue, utcnow
from pfdo_desktop.sync import credentials
from pfdo_desktop.sync import protocol as p
from pfdo_desktop.sync.client import PortalClient

AT = datetime(2025, 11, 20, 10, 11, 12, 123456, tzinfo=UTC)
DAY = date(2025, 11, 20)
UID = "0190f5b2-7a1e-7c3d-8e4f-000000000001"
UID2 = "0190f5b2-7a1e-7c3d-8e4f-000000000002"

# One valid payload of every kind, with every field given (so a round trip checks every field).
SAMPLES: dict[str, p.OpPayload] = {
    p.OP_MARK_SET: p.MarkSetPayload(group_id=1, child_id=2, lesson_date=DAY, code=3, changed_at=AT,
                                    changed_by="ivanova"),
    p.OP_MARK_CLEAR: p.MarkClearPayload(group_id=1, child_id=2, lesson_date=DAY, changed_at=AT,
                                        changed_by="ivanova"),
    p.OP_LESSON_STATE: p.LessonStatePayload(group_id=1, lesson_date=DAY, state="moved",
                                            moved_to=date(2025, 11, 21), reason="ремонт зала", changed_at=AT,
                                            changed_by="ivanova"),
    p.OP_LESSON_THEME: p.LessonThemePayload(group_id=1, lesson_date=DAY, theme="Сборка шасси", changed_at=AT,
                                            changed_by="ivanova"),
    p.OP_CHILD_CREATE: p.ChildCreatePayload(
        uid=UID, last_name="Иванов", first_name="Иван", middle_name="Иванович", birth_date=date(2015, 3, 1),
        snils="112-233-445 95", doc_kind="birth_certificate", doc_number="IV-МЮ 000001",
        certificate_number="5201000001",
        guardian=p.GuardianPayload(last_name="Иванова", first_name="Мария", middle_name="Петровна",
                                   relation="mother", phone="+79120001122", email="m@example.org"),
        request_certificate=False),
    p.OP_CHILD_RESOLVE: p.ChildResolvePayload(uid=UID, child_id=7),
    p.OP_APP_CREATE: p.ApplicationCreatePayload(
        uid=UID, child_id=None, child_uid=UID2, group_id=3, start_date=date(2025, 12, 1),
        expected_certificate_part="1200.00", created_at=AT, certificate_number="5201000001"),
    p.OP_APP_CONFIRM: p.ApplicationConfirmPayload(uid=UID, expected_certificate_part="1200.00"),
    p.OP_APP_REJECT: p.ApplicationRejectPayload(uid=UID, reason="other", comment="нет мест"),
    p.OP_APP_WITHDRAW: p.ApplicationWithdrawPayload(uid=UID, comment="передумали"),
    p.OP_APP_ENROL: p.ApplicationEnrolPayload(uid=UID, order_number="15-у", order_date=DAY,
                                              date_from=date(2025, 12, 1)),
    p.OP_APP_EXPEL: p.ApplicationExpelPayload(uid=UID, order_number="16-у", order_date=DAY,
                                              date_to=date(2025, 12, 31), reason="moved"),
    p.OP_APP_TRANSFER: p.ApplicationTransferPayload(uid=UID, new_uid=UID2, to_group_id=4,
                                                    date=date(2026, 1, 12), order_number="17-у",
                                                    order_date=DAY),
    p.OP_APP_TERMINATE: p.ApplicationTerminatePayload(uid=UID, request_date=DAY),
    p.OP_PROGRAM_SUBMIT: p.ProgramSubmitPayload(
        uid=UID, program_id=5, base_revision=2,
        card=p.CardPayload(
            name="Робототехника", short_name="Роботы", annotation="Собираем роботов", direction="tech",
            kind="general", form="full_time", level="start", registry="certified", age_from_months=84,
            age_to_months=215, duration_weeks=36, ovz=["hearing"], medical_certificate=True,
            addresses=["ул. Ленина, 1"], teachers=["Петрова А. А."],
            modules=[p.ModulePayload(id=9, name="1 год", hours=72, min_children=5, max_children=15,
                                     price="1200.00", normative_price="1000.00")])),
    p.OP_GROUP_SAVE: p.GroupSavePayload(
        uid=UID, group=p.GroupPayload(
            id=None, uid=UID, module_id=9, name="Роботы-1", date_from=date(2025, 9, 1),
            date_to=date(2026, 5, 31), capacity=12, teacher="Петрова А. А.",
            slots=[p.SlotPayload(weekday=2, time_from="16:00", time_to="16:45", room="каб. 5")],
            explicit_dates=[date(2025, 9, 6)])),
    p.OP_MONTH_ADVANCE: p.MonthAdvancePayload(
        uid=UID, month="2025-11", payer="Заречный муниципальный округ", percent=Decimal(80),
        base=Decimal("1555.55"), amount=Decimal("1244.44"),
        lines=[p.AdvanceLinePayload(contract_id=UID, contract_number="Д-000001", contract_date=DAY,
                                    certificate_number="4718000001", amount=Decimal("1000.00"))]),
    p.OP_MONTH_INVOICE: p.MonthInvoicePayload(
        uid=UID, month="2025-11", payer="Заречный муниципальный округ",
        lines=[p.InvoiceLinePayload(contract_id=UID, contract_number="Д-000001", contract_date=DAY,
                                    certificate_number="4718000001", k=Decimal("75.00"),
                                    amount=Decimal("750.00"))],
        corrections=[p.CorrectionLinePayload(contract_id=UID, contract_number="Д-000001", contract_date=DAY,
                                             certificate_number="4718000001", month="2025-10",
                                             amount=Decimal("-125.00"))],
        total=Decimal("625.00"), advance=Decimal("500.00"), to_pay=Decimal("125.00")),
    p.OP_CERTIFICATE_ACTIVATE: p.CertificateActivatePayload(
        uid=UID, child_id=7, certificate_number="4718000001", application_date=DAY),
}


def test_the_union_has_one_model_per_kind_and_each_payload_belongs_to_one_kind():
    assert set(p.OP_MODELS) == set(p.OP_KINDS) == set(SAMPLES)
    assert len(set(p.OP_PAYLOADS.values())) == len(p.OP_KINDS)
    for kind, payload in SAMPLES.items():
        assert p.kind_of(payload) == kind
        assert p.typed_op("0190f5b2-0000", payload).kind == kind


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_every_kind_round_trips_through_the_wire_and_the_outbox(kind):
    payload = SAMPLES[kind]
    op = p.typed_op("0190f5b2-7a1e-7c3d-8e4f-0000000000aa", payload)
    # the push: a typed op → a raw item of the envelope → JSON → what the portal reads back
    request = p.PushRequest(device_id="d", batch_id="b", ops=[p.wire_op(op)])
    item = p.PushRequest.model_validate_json(request.model_dump_json()).ops[0]
    assert p.parse_op(item) == op
    # the union read in one go, as a discriminated union
    assert p.TYPED_OP.validate_json(p.TYPED_OP.dump_json(op)) == op
    # the outbox keeps the payload's JSON; read back it is the same payload
    assert p.read_payload(kind, p.payload_json(payload)) == payload


def test_an_older_clients_mark_ops_still_parse():
    """What a PC before the typed union queued and sends: a mark.set with «+00:00» times, a
    mark.clear without a code (or with a null one), an application.create with its times so."""
    set_op = p.Op(op_id="0190f5b2-0000-0001", kind="mark.set", payload={
        "group_id": 1, "child_id": 2, "lesson_date": "2025-11-20", "changed_at": "2025-11-20T10:11:12+00:00",
        "changed_by": "ivanova", "code": 2})
    clear_op = p.Op(op_id="0190f5b2-0000-0002", kind="mark.clear", payload={
        "group_id": 1, "child_id": 2, "lesson_date": "2025-11-20", "changed_at": "2025-11-20T10:11:12Z",
        "changed_by": "", "code": None})
    assert isinstance(p.parse_op(set_op), p.MarkSetOp) and p.parse_op(set_op).payload.code == 2
    assert isinstance(p.parse_op(clear_op), p.MarkClearOp)
    # and what this version stores is what the older one sent (same keys, same time form)
    assert p.payload_json(p.parse_op(set_op).payload) == set_op.payload


def test_an_unknown_kind_and_a_bad_payload_are_told_apart_op_by_op():
    with pytest.raises(p.UnknownOpKind):
        p.parse_op(p.Op(op_id="0190f5b2-0000-0003", kind="mark.toggle", payload={}))
    with pytest.raises(ValidationError) as caught:
        p.parse_op(p.Op(op_id="0190f5b2-0000-0004", kind="program.submit", payload={
            "uid": UID, "card": {"name": "x", "direction": "tech", "registry": "general",
                                 "age_from_months": 84, "age_to_months": 120, "duration_weeks": 36,
                                 "modules": [{"name": "m", "hours": "много", "min_children": 1,
                                              "max_children": 2, "price": "0", "normative_price": "0"}]}}))
    # the error's place is the payload's own path: the key of an «invalid» refusal's field_errors
    assert p.field_errors_ru(caught.value) == {"card.modules.0.hours": "нужно целое число"}


def test_unknown_kind_and_bad_payload_are_refused_alone_by_the_real_portal(enrolled_workspace, portal):
    """One push of three ops: a good mark, an op of a kind the protocol does not know and a mark
    whose payload does not fit. The push is answered 200; the good op is applied, the other two
    are refused each on its own (``unknown_kind``, ``invalid`` with the field)."""
    ws = enrolled_workspace
    with ws.db.read() as s:
        member = s.scalars(select(Membership).where(Membership.archived.is_(False),
                                                    Membership.date_to.is_(None))).first()
        assert member is not None
        group = s.get(StudyGroup, member.group_id)
        assert group is not None
        lesson_day = s.scalar(select(Lesson.lesson_date).where(  # the group's last lesson: no mark yet
            Lesson.group_id == group.id, Lesson.lesson_date >= max(member.date_from, group.date_from)
        ).order_by(Lesson.lesson_date.desc()).limit(1))
        assert lesson_day is not None
    good = p.MarkSetPayload(group_id=member.group_id, child_id=member.child_id, lesson_date=lesson_day,
                            code=1, changed_at=utcnow(), changed_by="test")
    ops = [p.wire_op(p.typed_op("0190f5b2-1111-0001", good)),
           p.Op(op_id="0190f5b2-1111-0002", kind="mark.toggle", payload=p.payload_json(good)),
           p.Op(op_id="0190f5b2-1111-0003", kind="mark.set",
                payload={**p.payload_json(good), "lesson_date": "20.11.2025"})]
    device = ws.device()
    token = credentials.load_token(device.db_uuid)
    with PortalClient(device.portal_url, token=token) as client:
        answer = client.push(p.PushRequest(device_id=device.device_id, batch_id="b-1", ops=ops))
    by_id = {r.op_id: r for r in answer.results}
    assert by_id["0190f5b2-1111-0001"].status == p.APPLIED
    assert (by_id["0190f5b2-1111-0002"].status, by_id["0190f5b2-1111-0002"].code) == (p.REJECTED,
                                                                                      p.R_UNKNOWN_KIND)
    invalid = by_id["0190f5b2-1111-0003"]
    assert (invalid.status, invalid.code) == (p.REJECTED, p.R_INVALID)
    assert set(invalid.field_errors) == {"lesson_date"}
    # the typed reader classifies each item the same way, with the same field
    assert isinstance(p.parse_op(ops[0]), p.MarkSetOp)
    with pytest.raises(p.UnknownOpKind):
        p.parse_op(ops[1])
    with pytest.raises(ValidationError) as caught:
        p.parse_op(ops[2])
    assert set(p.field_errors_ru(caught.value)) == set(invalid.field_errors)


def test_outbox_rows_a_portal_cannot_read_come_back_as_issues_and_leave_the_outbox(enrolled_workspace):
    """Rows an older or broken PC queued (an unknown kind, a payload that does not fit) go out as
    they are; the sync records each refusal in «Требует внимания» and goes on."""
    ws = enrolled_workspace
    with ws.db.write() as s:
        for op_id, kind, payload in (("0190f5b2-2222-0001", "mark.toggle", {"group_id": 1}),
                                     ("0190f5b2-2222-0002", "mark.set", {"group_id": "один"})):
            s.add(OutboxOp(op_id=op_id, kind=kind, entity_key=f"legacy:{op_id}", payload=payload,
                           state="pending", created_at=utcnow(), attempts=0))
    report = ws.sync()
    assert (report.pushed, report.rejected) == (2, 2)
    with ws.db.read() as s:
        assert s.scalars(select(OutboxOp)).all() == []
        issues = {i.op_id: i for i in s.scalars(select(SyncIssue).where(SyncIssue.op_id.is_not(None)))}
    assert issues["0190f5b2-2222-0001"].code == p.R_UNKNOWN_KIND
    assert issues["0190f5b2-2222-0002"].code == p.R_INVALID
    assert "group_id" in issues["0190f5b2-2222-0002"].details["field_errors"]


def test_the_statuses_are_defined_once():
    assert p.OP_STATUSES == ("applied", "duplicate", "rejected", "conflict", "held")
    with pytest.raises(ValidationError):
        p.OpResult(op_id="x", status="accepted")  # type: ignore[arg-type]


# --- pulled rows ----------------------------------------------------------------------------------

GOOD_ROWS: dict[str, dict] = {
    "provider": {"id": 1, "name": "ДДТ", "short_name": None, "inn": "5200000000",
                 "head_position": "директор"},
    "program": {"id": 1, "provider_id": 1, "name": "Роботы", "direction": "tech", "registry": "general",
                "age_from_months": 84, "age_to_months": 215, "status": "published", "duration_weeks": 36,
                "ovz": None, "teachers": ["Петрова"], "kind": None, "extra_field": 1},
    "module": {"id": 1, "program_id": 1, "name": "1 год", "hours": 72, "min_children": 5, "max_children": 15,
               "price": "1200.00", "normative_price": 1000},
    "group": {"id": 1, "module_id": 1, "program_id": 1, "provider_id": 1, "name": "Г-1",
              "date_from": "2025-09-01", "date_to": "2026-05-31", "capacity": 12,
              "cancelled_dates": ["2025-11-04"], "explicit_dates": None},
    "schedule_slot": {"id": 1, "group_id": 1, "weekday": 2, "time_from": "16:00", "time_to": "16:45"},
    "child": {"id": 1, "last_name": "Иванов", "first_name": "Иван", "birth_date": "2015-03-01",
              "snils": None},
    "guardian": {"id": 1, "child_id": 1, "last_name": "Иванова", "phone": None},
    "certificate": {"id": 1, "child_id": 1, "number": "5201000001", "status": "pf", "nominal": "25000.00",
                    "balance": "20000.00", "reserve": "0.00", "unit": "rub"},
    "membership": {"id": 1, "group_id": 1, "child_id": 1, "date_from": "2025-09-01", "date_to": None,
                   "status": "active"},
    "application": {"id": UID, "group_id": 1, "start_date": "2025-12-01", "status": "confirmed",
                    "created_at": "2025-11-20T10:11:12Z", "price_total": "1200.00", "history": None},
    "mark": {"group_id": 1, "child_id": 1, "lesson_date": "2025-11-20", "code": 1,
             "changed_at": "2025-11-20T10:11:12.123456Z"},
    "lesson_state": {"group_id": 1, "lesson_date": "2025-11-20", "state": "moved", "moved_to": "2025-11-21",
                     "reason": None, "changed_at": "2025-11-20T10:11:12.123456Z"},
    "lesson_theme": {"group_id": 1, "lesson_date": "2025-11-20", "theme": "Сборка шасси",
                     "changed_at": "2025-11-20T10:11:12.123456Z", "changed_by": None},
    "invoice": {"id": 3, "uid": "0190f3a2-invoice", "kind": "invoice", "provider_id": 1, "payer": "МО",
                "month": "2025-10", "number": "С-1-2025-10", "status": "returned", "reason": "нет подписи",
                "percent": None, "base": "0.00", "total": "750.00", "advance": "500.00", "to_pay": "250.00",
                "advance_excess": "0.00", "created_at": "2025-11-03T10:00:00Z", "decided_at": None,
                "paid_at": None,
                "lines": [{"n": 1, "contract_id": "app-1", "contract_number": "Д-000001",
                           "contract_date": "2025-08-25", "certificate_number": "4718000001", "k": "75.00",
                           "amount": "750.00", "corrects_month": None, "reason": ""}]},
    "period": {"id": 1, "municipality": "Заречный муниципальный округ", "code": "18",
               "date_from": "2025-09-01", "date_to": "2026-08-31", "nominal": "25000.00", "unit": "rub",
               "quota": 200, "status": "open"},
}
BAD_ROWS: dict[str, dict] = {
    "provider": {"id": "первый", "name": "ДДТ"},
    "program": {**GOOD_ROWS["program"], "age_from_months": None},
    "module": {**GOOD_ROWS["module"], "price": "дорого"},
    "group": {**GOOD_ROWS["group"], "cancelled_dates": ["04.11.2025"]},
    "schedule_slot": {"id": 1, "group_id": 1},
    "child": {**GOOD_ROWS["child"], "birth_date": "01.03.2015"},
    "guardian": {"id": 1},
    "certificate": {**GOOD_ROWS["certificate"], "nominal": None},
    "membership": {**GOOD_ROWS["membership"], "date_from": None},
    "application": {**GOOD_ROWS["application"], "status": "lost"},
    "mark": {**GOOD_ROWS["mark"], "changed_at": "вчера"},
    "lesson_state": {**GOOD_ROWS["lesson_state"], "state": "postponed"},
    "invoice": {**GOOD_ROWS["invoice"], "status": "черновик"},
    "lesson_theme": {**GOOD_ROWS["lesson_theme"], "lesson_date": "20.11.2025"},
    "period": {**GOOD_ROWS["period"], "quota": "много"},
}


@pytest.mark.parametrize("entity", sorted(p.PULLED_RECORDS))
def test_a_pulled_row_reads_as_its_record_would_read_it(entity):
    model, reader = p.PULLED_RECORDS[entity], p.ROW_READERS[entity]
    good = GOOD_ROWS[entity]
    assert reader.row(good) == model.model_validate(good).model_dump(exclude_unset=True)
    assert reader.rows([good, good]) == [reader.row(good)] * 2
    with pytest.raises(ValidationError):
        model.model_validate(BAD_ROWS[entity])
    with pytest.raises(ValidationError):
        reader.row(BAD_ROWS[entity])
    with pytest.raises(ValidationError):
        reader.rows([good, BAD_ROWS[entity]])


def test_a_field_the_portal_did_not_send_is_not_filled_in():
    """An older portal's row without ``head_position`` must not blank the PC's value."""
    assert "head_position" not in p.ROW_READERS["provider"].row({"id": 1, "name": "ДДТ"})
    assert p.ROW_READERS["module"].row(GOOD_ROWS["module"])["normative_price"] == Decimal("1000")


def test_marks_from_the_real_portal_are_stored_as_the_journal_stores_them(enrolled_workspace):
    """The first sync's marks (read with MarkRecord, written in bulk) are what the journal reads."""
    ws = enrolled_workspace
    with ws.db.read() as s:
        mark = s.scalars(select(AttendanceMark)).first()
        assert mark is not None
        assert mark.changed_at.tzinfo is not None and isinstance(mark.lesson_date, date)
        journal = ws.journal(mark.group_id, mark.lesson_date, mark.lesson_date)
    assert journal.marks[(mark.child_id, mark.lesson_date)] == mark.code
