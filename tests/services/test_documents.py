"""What the printed forms say (issue #5): the documents gathered from the synced demo district carry
exactly what the child card, the applications list and the journal screen show."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from pfdo_desktop.domain.applications import (
    APPLICATION_STATUSES_RU,
    DOCUMENT_KINDS_RU,
    RELATIONS_RU,
)
from pfdo_desktop.domain.catalog import BUDGET_REGISTRIES, DIRECTIONS
from pfdo_desktop.domain.identity import search_text
from pfdo_desktop.domain.pricing import months_between
from pfdo_desktop.domain.schedule import month_bounds
from pfdo_desktop.models import Program, Provider, StudyGroup
from pfdo_desktop.services import NotFound
from pfdo_desktop.services import documents as document_service
from pfdo_desktop.services.rows import NewChild

TODAY = date.today()
LIVE = ("new", "confirmed", "active")
CERT_WORDS = {"pf": "персонифицированного финансирования", "uchet": "учёта"}


def _local_day(moment) -> date | None:
    return moment.astimezone().date() if moment is not None else None


def _groups(ws) -> dict[int, object]:
    return {g.id: g for g in ws.groups()}


def _registry(ws, group_id: int) -> str:
    with ws.db.read() as s:
        return s.scalar(select(Program.registry_code).join(StudyGroup, StudyGroup.program_id == Program.id)
                        .where(StudyGroup.id == group_id)) or ""


def _name_key(person) -> tuple[str, date]:
    return search_text(person.full_name), person.birth_date or date.min


def test_provider_is_the_one_this_pc_is_enrolled_for(enrolled_workspace):
    ws = enrolled_workspace
    info = document_service.provider_info(ws.db)
    assert info.name == ws.status().provider_name
    with ws.db.read() as s:
        row = s.scalar(select(Provider).where(Provider.id == ws.device().provider_id))
    assert (info.short_name, info.inn, info.ogrn, info.address, info.head_name, info.municipality,
            info.head_position) == (row.short_name, row.inn, row.ogrn, row.address, row.head_name,
                                    row.municipality, row.head_position)
    assert info.inn and info.ogrn and info.head_name and info.head_position  # its requisites


def test_no_provider_on_a_pc_never_enrolled(workspace):
    with pytest.raises(NotFound, match="Организация не найдена"):
        document_service.provider_info(workspace.db)


def test_every_child_document_says_what_the_child_card_shows(enrolled_workspace):
    ws = enrolled_workspace
    provider = document_service.provider_info(ws.db)
    rows = ws.search_children("", limit=10_000)
    assert len(rows) > 50
    certified = 0
    for row in rows:
        card = ws.child_card(row.key)
        doc = ws.child_document(row.key, TODAY)
        assert doc.provider == provider and doc.printed_on == TODAY
        child = doc.child
        assert child.full_name == card.child.full_name
        assert (child.last_name, child.first_name, child.middle_name) == (
            card.last_name, card.first_name, card.middle_name)
        assert child.birth_date == card.child.birth_date
        assert child.snils == card.child.snils
        assert child.doc_kind == DOCUMENT_KINDS_RU[card.doc_kind] and child.doc_number == card.doc_number
        assert child.address == ""  # never kept: a line to fill
        if card.guardians:
            g = card.guardians[0]
            assert doc.guardian is not None
            assert doc.guardian.full_name == g.full_name
            assert doc.guardian.relation == RELATIONS_RU[g.relation]
            assert (doc.guardian.phone, doc.guardian.email, doc.guardian.address) == (g.phone, g.email, "")
        else:
            assert doc.guardian is None
        if card.certificate is None:
            assert doc.certificate is None
            continue
        cert = doc.certificate
        assert cert is not None
        assert (cert.number, cert.status, cert.nominal, cert.balance, cert.reserve, cert.unit) == (
            card.certificate.number, card.certificate.status, card.certificate.nominal,
            card.certificate.balance, card.certificate.reserve, card.certificate.unit)
        assert cert.status_ru == CERT_WORDS[card.certificate.status]
        assert cert.as_of == _local_day(card.certificate.as_of) == TODAY  # synced just now
        certified += cert.status == "pf"
    assert certified  # the demo has ПФ certificates with money


def test_a_certificate_counted_in_hours_says_so(enrolled_workspace):
    from pfdo_desktop.models import Certificate

    ws = enrolled_workspace
    row = next(r for r in ws.search_children("") if r.certificate_number)
    with ws.db.write() as s:
        cert_row = s.scalars(select(Certificate).where(Certificate.number == row.certificate_number)).one()
        cert_row.unit = "hours"
    cert = ws.child_document(row.key, TODAY).certificate
    assert cert is not None and cert.unit == "hours"  # the extract must not print «₽» for hours


def test_every_application_document_says_what_its_row_shows(enrolled_workspace):
    ws = enrolled_workspace
    groups = _groups(ws)
    rows = ws.applications()
    assert {r.status for r in rows} >= {"new", "active"}
    for row in rows:
        doc = ws.application_document(row.uid, TODAY)
        group = groups[row.group_id]
        assert doc.number == row.number
        assert doc.status_ru == APPLICATION_STATUSES_RU[row.status]
        assert doc.child.full_name == row.child_name and doc.child.birth_date == row.child_birth_date
        assert (doc.certificate.number if doc.certificate else "") == row.certificate_number
        assert doc.study.program_name == row.program_name and doc.study.group_name == row.group_name
        assert doc.study.module_name == group.module_name and doc.study.teacher == group.teacher
        assert doc.study.direction_ru == DIRECTIONS[group.direction]
        assert (doc.study.group_from, doc.study.group_to) == (group.date_from, group.date_to)
        assert doc.study.schedule  # weekly slots: «Пн 14:30–15:15, каб. 205»
        assert doc.start_date == row.start_date and doc.created == _local_day(row.created_at)
        assert doc.end_date == (row.end_date or group.date_to)
        assert (doc.contract_number, doc.order_number, doc.order_date) == (
            row.contract_number, row.order_number, row.order_date)
        assert (doc.price_total, doc.certificate_part, doc.parent_part) == (
            row.price_total, row.certificate_part, row.parent_part)
        if row.status == "new":
            assert doc.contract_date is None  # no offer yet
        elif row.status == "active":
            assert doc.contract_date is not None and doc.contract_date <= row.start_date
        card = ws.child_card(row.child_key)
        assert doc.guardian is not None and doc.guardian.full_name == card.guardians[0].full_name


def test_money_budget_has_none_certified_has_a_monthly_schedule(enrolled_workspace):
    ws = enrolled_workspace
    rows = ws.applications(status="active")
    budget = [r for r in rows if _registry(ws, r.group_id) in BUDGET_REGISTRIES]
    paid = [r for r in rows if r.price_total is not None and r.price_total > 0]
    assert budget and paid
    for row in budget:
        doc = ws.application_document(row.uid)
        money = (doc.price_total, doc.certificate_part, doc.parent_part, doc.schedule)
        assert money == (None, None, None, ())
    assert any(r.certificate_part and r.parent_part for r in paid)  # a co-payment is in the demo
    for row in paid:
        doc = ws.application_document(row.uid)
        assert doc.price_total == doc.certificate_part + doc.parent_part
        assert sum((m.certificate for m in doc.schedule), Decimal(0)) == doc.certificate_part
        assert sum((m.parent for m in doc.schedule), Decimal(0)) == doc.parent_part
        months = [(m.year, m.month) for m in doc.schedule]
        assert months == months_between(doc.start_date, doc.end_date)
        assert months[0] == (doc.start_date.year, doc.start_date.month)
        assert months[-1] == (doc.end_date.year, doc.end_date.month)


def test_a_paid_programmes_application_not_priced_yet_is_pending_not_free(enrolled_workspace):
    ws = enrolled_workspace
    rows = [r for r in ws.applications(status="new") if r.price_total is None]
    pending = [r for r in rows if _registry(ws, r.group_id) not in BUDGET_REGISTRIES]
    budget = [r for r in rows if _registry(ws, r.group_id) in BUDGET_REGISTRIES]
    assert pending and budget  # the demo has new applications of both kinds
    for row in pending:
        doc = ws.application_document(row.uid)
        assert doc.price_total is None and doc.price_pending and not doc.free
    for row in budget:
        doc = ws.application_document(row.uid)
        assert doc.free and not doc.price_pending
    for row in ws.applications(status="active"):
        assert not ws.application_document(row.uid).price_pending


def test_group_batch_is_the_groups_live_applications_by_child_name(enrolled_workspace):
    ws = enrolled_workspace
    for group in ws.groups():
        docs = ws.group_application_documents(group.id, TODAY)
        live = [r for r in ws.applications(group_id=group.id) if r.status in LIVE]
        assert sorted(d.number for d in docs) == sorted(r.number for r in live)
        assert {d.study.group_name for d in docs} <= {group.name}
        assert [_name_key(d.child) for d in docs] == sorted(_name_key(d.child) for d in docs)
        for doc in docs:  # each one is what the single document says
            uid = next(r.uid for r in live if r.number == doc.number)
            assert ws.application_document(uid, TODAY) == doc
    ended = [r for r in ws.applications() if r.status not in LIVE]
    assert ended  # the demo has an expulsion: it is not printed with its group
    for row in ended:
        assert row.number not in {d.number for d in ws.group_application_documents(row.group_id)}


def _journal_months(group) -> list[date]:
    months, day = [], group.date_from.replace(day=1)
    while day <= min(group.date_to, TODAY):
        months.append(day)
        day = month_bounds(day)[1] + timedelta(days=1)
    return months


def test_journal_document_is_the_journal_screens_month(enrolled_workspace):
    ws = enrolled_workspace
    inactive_seen = marks_seen = 0
    for group in ws.groups():
        for month in _journal_months(group):
            doc = ws.journal_document(group.id, month, TODAY)
            screen = ws.journal_month(group.id, month)
            assert (doc.year, doc.month) == (month.year, month.month)
            assert doc.lessons == tuple(lesson.lesson_date for lesson in screen.lessons)
            assert doc.study.group_name == group.name and doc.study.teacher == group.teacher
            for slot in group.schedule.split(", "):  # «Пн 14:30–15:15» → «Пн, Пт 14:30–15:15, каб. 205»
                weekday, times = slot.split(" ")
                assert weekday in doc.study.schedule and times in doc.study.schedule
            # by name («ё» as «е»), namesakes by date of birth
            expected = sorted(screen.children, key=lambda c: (search_text(c.full_name), c.birth_date,
                                                              c.child_id))
            assert [c.full_name for c in doc.children] == [c.full_name for c in expected]
            for line, child in zip(doc.children, expected, strict=True):
                assert len(line.codes) == len(line.inactive) == len(doc.lessons)
                for day, code, inactive in zip(doc.lessons, line.codes, line.inactive, strict=True):
                    assert code == screen.marks.get((child.child_id, day))
                    assert inactive == (code is None and not child.is_member_on(day))
                    inactive_seen += inactive
                    marks_seen += code is not None
    assert inactive_seen and marks_seen  # children joined mid-month and marks exist in the demo


def test_a_new_child_request_prints_with_its_own_data(enrolled_workspace):
    ws = enrolled_workspace
    born = date(TODAY.year - 10, 2, 11)
    uid = ws.request_child(NewChild(
        last_name="Римская-Корсакова", first_name="Анна-Мария", middle_name="Ёжиковна", birth_date=born,
        snils="112-233-445 95", doc_kind="birth_certificate", doc_number="IV-МЮ 765432",
        guardian_last_name="Римская-Корсакова", guardian_first_name="Ольга", guardian_middle_name="",
        guardian_relation="mother", phone="+7 912 000-11-22", email="olga@example.ru",
        certificate_number=""), TODAY)
    key = f"r:{uid}"
    card = ws.child_card(key)
    doc = ws.child_document(key, TODAY)
    assert doc.child.full_name == card.child.full_name == "Римская-Корсакова Анна-Мария Ёжиковна"
    assert (doc.child.birth_date, doc.child.snils) == (born, card.child.snils)
    assert (doc.child.doc_kind, doc.child.doc_number) == ("свидетельство о рождении", "IV-МЮ 765432")
    assert doc.guardian is not None
    assert (doc.guardian.full_name, doc.guardian.relation) == ("Римская-Корсакова Ольга", "мать")
    assert (doc.guardian.phone, doc.guardian.email) == (card.guardians[0].phone, "olga@example.ru")
    assert doc.certificate is None  # the portal has not issued one yet
    assert doc.in_registry is False  # the extract must not claim what the registry says
    registered = next(r.key for r in ws.search_children("") if r.request_uid is None)
    assert ws.child_document(registered, TODAY).in_registry

    start = date(TODAY.year + (TODAY.month == 12), TODAY.month % 12 + 1, 1)
    budget = [g for g in ws.groups() if _registry(ws, g.id) in BUDGET_REGISTRIES
              and g.date_from <= start <= g.date_to and not ws.precheck(key, g.id, start, TODAY).refusals]
    assert budget
    app_uid = ws.submit_application(key, budget[0].id, start, TODAY)
    app = ws.application_document(app_uid, TODAY)
    assert app.child == doc.child and app.guardian == doc.guardian and app.certificate is None
    assert (app.number, app.status_ru, app.start_date) == ("", "новая", start)
    assert app.study.group_name == budget[0].name and app.price_total is None and app.schedule == ()
    assert [d.child.full_name for d in ws.child_application_documents(key, TODAY)] == [doc.child.full_name]

    teen = ws.request_child(NewChild(
        last_name="Подросткова", first_name="Вера", middle_name="", birth_date=date(TODAY.year - 15, 1, 5),
        snils="", doc_kind="passport", doc_number="4510 123456", guardian_last_name="",
        guardian_first_name="", guardian_middle_name="", guardian_relation="", phone="", email=""), TODAY)
    alone = ws.child_document(f"r:{teen}", TODAY)
    assert alone.guardian is None and alone.child.doc_kind == "паспорт гражданина РФ"  # signs herself


def test_unknown_ids_are_not_found_in_russian(enrolled_workspace):
    ws = enrolled_workspace
    for call in (lambda: ws.child_document("c:999999"), lambda: ws.child_document("r:no-such"),
                 lambda: ws.child_document("x"), lambda: ws.application_document("no-such"),
                 lambda: ws.group_application_documents(999_999),
                 lambda: ws.child_application_documents("c:999999"),
                 lambda: ws.journal_document(999_999, TODAY)):
        with pytest.raises(NotFound) as caught:
            call()
        assert "не найден" in caught.value.message


def test_an_entrepreneur_s_head_is_an_entrepreneur_and_no_other_title_is_guessed(enrolled_workspace):
    ws = enrolled_workspace
    assert document_service.provider_info(ws.db).head_position == "директор"  # the portal: a school
    with ws.db.write() as s:
        row = s.get(Provider, ws.device().provider_id)
        row.name = "Индивидуальный предприниматель Захарова Тамара Ивановна"
        row.short_name = "ИП Захарова Т. И."
    # The name tells an entrepreneur, whatever position is recorded: an ИП has no director.
    assert document_service.provider_info(ws.db).head_position == "индивидуальный предприниматель"
    with ws.db.write() as s:
        row = s.get(Provider, ws.device().provider_id)
        row.name, row.short_name = "Студия танца «Ипподром»", "ИП Захарова Т. И."
    assert document_service.provider_info(ws.db).head_position == "индивидуальный предприниматель"
    with ws.db.write() as s:
        row = s.get(Provider, ws.device().provider_id)
        row.name, row.short_name = "Студия танца «Ипподром»", "Ипподром"
    assert document_service.provider_info(ws.db).head_position == "директор"
    with ws.db.write() as s:
        row = s.get(Provider, ws.device().provider_id)
        row.head_position = "  заведующая   детским садом "
    assert document_service.provider_info(ws.db).head_position == "заведующая детским садом"
    with ws.db.write() as s:
        row = s.get(Provider, ws.device().provider_id)
        row.head_position = ""  # the portal has none: never guessed from the kind of organisation
    assert document_service.provider_info(ws.db).head_position == ""
