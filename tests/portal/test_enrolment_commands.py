"""Enrolment decided by the portal: child.* and application.* commands over real HTTP."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

import httpx
import pytest
from enrolment_helpers import (
    START,
    app_create_op,
    child_create_op,
    find_group,
    groups,
    new_child,
    op,
    pulled,
    reserve_of,
    unique_surname,
)
from portal_helpers import TODAY, Device, client_headers
from sqlalchemy import select, update

from pfdo_desktop.domain import applications as apps
from pfdo_desktop.domain import enrolment as rules
from pfdo_desktop.domain.identity import make_snils
from pfdo_desktop.sync import protocol as p
from pfdo_portal import admin, db
from pfdo_portal.app import PortalSettings
from pfdo_portal.embedded import EmbeddedPortal
from pfdo_portal.enrolment import contracts
from pfdo_portal.refusals import invalid_message

GUARDIAN = {
    "last_name": "Пробова",
    "first_name": "Анна",
    "middle_name": "Сергеевна",
    "relation": "mother",
    "phone": "+7 912 345-67-89",
    "email": "mama@mail.ru",
}


def _money(row):
    """What the contract costs and who pays: (all, certificate, parent)."""
    return row["price_total"], row["certificate_part"], row["parent_part"]


# --- new children -------------------------------------------------------------------------------


def test_a_new_child_is_created_with_a_certificate_and_only_its_provider_sees_it(device, enrol, db_url):
    other = enrol(2)
    surname = unique_surname()
    create = child_create_op(
        surname,
        date(2015, 3, 14),
        snils=make_snils(123_456_789),
        doc_kind="birth_certificate",
        doc_number="II-АК № 123456",
        guardian=GUARDIAN,
    )
    [res] = device.push_ok([create])
    assert res["status"] == "applied", res
    match = p.ChildMatch.model_validate(res["server_record"])
    assert match.outcome == "created" and match.uid == create["payload"]["uid"]
    assert re.fullmatch(r"4718\d{6}", match.certificate_number)
    cert = admin.get_certificate(db_url, match.certificate_number)
    assert cert is not None and (cert["status"], cert["balance"], cert["reserve"]) == (
        "uchet",
        "0.00",
        "0.00",
    )
    assert res["message"] == apps.MATCH_RESULTS_RU["created"]
    # The PC gets the child, its parent and the certificate in the master stream …
    children, _ = pulled(device, "child")
    mine = [c for c in children if c["id"] == match.child_id]
    assert len(mine) == 1 and mine[0]["last_name"] == surname
    assert mine[0]["doc_kind"] == "birth_certificate" and mine[0]["snils"] == make_snils(123_456_789)
    guardians, _ = pulled(device, "guardian")
    [parent] = [g for g in guardians if g["child_id"] == match.child_id]
    assert (parent["last_name"], parent["phone"], parent["relation"]) == ("Пробова", "+79123456789", "mother")
    certs, _ = pulled(device, "certificate")
    assert match.certificate_number in {c["number"] for c in certs}
    # … and another provider does not.
    assert match.child_id not in {c["id"] for c in pulled(other, "child")[0]}
    assert all(g["child_id"] != match.child_id for g in pulled(other, "guardian")[0])


def _children_named(db_url, surname):
    engine = db.make_engine(db_url)
    with engine.connect() as conn:
        ids = conn.execute(
            select(db.children.c.id).where(db.children.c.last_name == surname).order_by(db.children.c.id)
        ).scalars().all()
    engine.dispose()
    return list(ids)


def _link_by_parent(db_url, provider_id, child_id, born):
    """The parent applies online to one of the provider's budget groups: a link (domain.privacy)."""
    group = find_group(db_url, provider_id, certified=False, born=born)
    admin.apply_online(db_url, child_id, group.id, START, today=TODAY)


def test_the_same_child_from_another_school_is_matched_not_duplicated(device, enrol, db_url):
    surname = unique_surname()
    [first] = device.push_ok(
        [child_create_op(surname, date(2014, 6, 1), first_name="Семён", middle_name="Петрович")]
    )
    child_id = first["server_record"]["child_id"]
    number = first["server_record"]["certificate_number"]
    other = enrol(2)
    # Case, «ё» and spaces do not make another person.
    create = child_create_op(
        f"  {surname.upper()} ", date(2014, 6, 1), first_name="семен", middle_name="Петрович  "
    )
    [again] = other.push_ok([create])
    assert again["status"] == "applied"
    # Found, not duplicated — but the second school has no link to the child: nothing is disclosed.
    assert again["server_record"]["outcome"] == "registered" and again["server_record"]["child_id"] is None
    assert again["server_record"]["certificate_number"] == ""
    assert _children_named(db_url, surname) == [child_id]
    assert child_id not in {c["id"] for c in pulled(other, "child")[0]}
    # A known certificate number finds the child too (and still tells nothing).
    [by_cert] = enrol(3).push_ok(
        [child_create_op(surname, date(2014, 6, 1), first_name="Семён", certificate_number=number)]
    )
    assert (by_cert["server_record"]["outcome"], by_cert["server_record"]["child_id"]) == ("registered", None)
    assert _children_named(db_url, surname) == [child_id]
    # The parent's certificate number on an application makes the link: now the school sees the child.
    group = find_group(db_url, other.provider_id, certified=False, born=date(2014, 6, 1))
    [applied] = other.push_ok(
        [app_create_op(group.id, child_uid=create["payload"]["uid"], certificate_number=number)]
    )
    assert applied["status"] == "applied" and applied["server_record"]["child_id"] == child_id
    assert child_id in {c["id"] for c in pulled(other, "child")[0]}
    # The first school still gets «existing» for its own child.
    [mine] = device.push_ok([child_create_op(surname, date(2014, 6, 1), first_name="Семён")])
    assert (mine["server_record"]["outcome"], mine["server_record"]["child_id"]) == ("existing", child_id)


def test_namesakes_are_ambiguous_and_the_operator_resolves(device, db_url):
    surname, born = unique_surname(), date(2013, 9, 9)
    a, _ = admin.add_child(db_url, surname, "Иван", "Петрович", born, snils=make_snils(200_000_001))
    b, _ = admin.add_child(db_url, surname, "Иван", "Петрович", born)
    stranger, stranger_number = admin.add_child(db_url, surname, "Иван", "Петрович", born)
    for child in (a, b):
        _link_by_parent(db_url, device.provider_id, child, born)
    create = child_create_op(surname, born)
    [res] = device.push_ok([create])
    assert res["status"] == "conflict" and res["message"] == apps.MATCH_RESULTS_RU["ambiguous"]
    match = p.ChildMatch.model_validate(res["server_record"])
    assert match.outcome == "ambiguous" and match.child_id is None
    # The school's own namesakes only: the third one, a stranger to it, is not shown.
    assert [c.child_id for c in match.candidates] == [a, b]
    assert stranger_number not in str(res) and stranger not in [c.child_id for c in match.candidates]
    assert match.candidates[0].snils_tail == make_snils(200_000_001).replace(" ", "")[-4:].replace("-", "")
    assert all(re.fullmatch(r"\d{10}", c.certificate_number) for c in match.candidates)
    # An application for the unresolved child waits for the operator's choice.
    group = find_group(db_url, device.provider_id, certified=False)
    [waiting] = device.push_ok([app_create_op(group.id, child_uid=create["payload"]["uid"])])
    assert waiting["code"] == p.R_CHILD_UNRESOLVED and waiting["server_record"] is None
    uid = create["payload"]["uid"]
    [wrong] = device.push_ok([op(p.OP_CHILD_RESOLVE, uid=uid, child_id=999_999)])
    assert (wrong["status"], wrong["code"]) == ("rejected", p.R_INVALID) and "child_id" in wrong[
        "field_errors"
    ]
    assert wrong["message"] == (
        "Портал счёл данные неверными. Этого ребёнка нет среди найденных порталом: выберите одного из "
        "предложенных или «новый ребёнок»."
    )
    [foreign] = device.push_ok([op(p.OP_CHILD_RESOLVE, uid=uid, child_id=stranger)])
    assert (foreign["code"], foreign["server_record"]) == (p.R_INVALID, None)
    [chosen] = device.push_ok([op(p.OP_CHILD_RESOLVE, uid=uid, child_id=b)])
    assert chosen["status"] == "applied"
    assert (chosen["server_record"]["outcome"], chosen["server_record"]["child_id"]) == ("existing", b)
    children = {c["id"] for c in pulled(device, "child")[0]}
    assert b in children and stranger not in children
    [again] = device.push_ok([op(p.OP_CHILD_RESOLVE, uid=uid, child_id=a)])
    assert again["code"] == p.R_INVALID and again["server_record"]["child_id"] == b  # already decided


def test_none_of_the_candidates_creates_a_new_child(device, db_url):
    surname, born = unique_surname(), date(2012, 2, 2)
    known, _ = admin.add_child(db_url, surname, "Иван", "Петрович", born, snils=make_snils(300_000_003))
    _link_by_parent(db_url, device.provider_id, known, born)
    # The same ФИО and birth date with a different СНИЛС: maybe another child.
    create = child_create_op(surname, born, snils=make_snils(300_000_004))
    [res] = device.push_ok([create])
    assert res["server_record"]["outcome"] == "ambiguous"
    assert [c["child_id"] for c in res["server_record"]["candidates"]] == [known]
    [new] = device.push_ok([op(p.OP_CHILD_RESOLVE, uid=create["payload"]["uid"], child_id=None)])
    assert new["server_record"]["outcome"] == "created" and new["server_record"]["child_id"] != known
    # The same СНИЛС under another name is a question too.
    [odd] = device.push_ok([child_create_op(unique_surname(), born, snils=make_snils(300_000_003))])
    assert odd["server_record"]["outcome"] == "ambiguous"
    assert [c["child_id"] for c in odd["server_record"]["candidates"]] == [known]


def test_a_new_child_with_wrong_data_is_refused_field_by_field(device):
    bad = child_create_op(
        "Ivanov",
        date(2023, 1, 1),
        first_name="Иван1",
        snils="123-456-789 00",
        guardian={**GUARDIAN, "phone": "12345", "email": "mama@", "relation": "aunt"},
    )
    [res] = device.push_ok([bad])
    assert (res["status"], res["code"]) == ("rejected", p.R_INVALID)
    errors = res["field_errors"]
    assert set(errors) == {
        "last_name",
        "first_name",
        "birth_date",
        "snils",
        "guardian.phone",
        "guardian.email",
        "guardian.relation",
    }
    assert "латинские" in errors["last_name"] and "цифры" in errors["first_name"]
    assert "меньше 5 лет" in errors["birth_date"] and "Контрольное число" in errors["snils"]
    # The summary: a sentence per field, its title capitalised, no field named twice.
    sentences = res["message"].split(". ")
    assert sentences[0] == "Портал счёл данные неверными"
    assert sentences[1].startswith("Фамилия: пишите русскими буквами — латинские буквы не допускаются")
    assert sentences[2] == "Имя — цифры не допускаются, только русские буквы, дефис и пробел"
    assert sentences[3].startswith("Дата рождения: на 24.11.2025 ребёнку 2 года — меньше 5 лет")
    assert "Контрольное число СНИЛС не сходится" in res["message"]
    assert res["message"].endswith("И ещё ошибок: 2.")
    # Nothing was stored: the same uid with good data is a fresh request.
    good = child_create_op(unique_surname(), date(2015, 1, 1), uid=bad["payload"]["uid"])
    assert device.push_ok([good])[0]["server_record"]["outcome"] == "created"


def test_a_payload_the_portal_cannot_read_is_invalid_with_russian_field_errors(device):
    broken = op(p.OP_APP_CREATE, uid="short", group_id="many", start_date="1 декабря")
    [res] = device.push_ok([broken])
    assert (res["status"], res["code"]) == ("rejected", p.R_INVALID)
    assert res["field_errors"] == {
        "uid": "не короче 8 символов",
        "group_id": "нужно целое число",
        "start_date": "нужна дата в виде ГГГГ-ММ-ДД",
        "created_at": "обязательное поле не заполнено",
    }
    assert res["server_record"] is None


def test_the_invalid_summary_reads_as_russian_sentences():
    assert invalid_message(
        {
            "birth_date": "позже сегодняшнего дня.",
            "snils": "СНИЛС должен содержать 11 цифр, а здесь 5",
            "last_name": "Заполните поле «Фамилия»",
            "date_from": "Дата зачисления 30.11.2025 раньше даты начала обучения по заявке 01.12.2025",
            "guardian.phone": "В номере 5 цифр, а нужно 11",
        }
    ) == (
        "Портал счёл данные неверными. Дата рождения — позже сегодняшнего дня. СНИЛС должен содержать "
        "11 цифр, а здесь 5. Заполните поле «Фамилия». Дата зачисления 30.11.2025 раньше даты начала "
        "обучения по заявке 01.12.2025. Телефон родителя — в номере 5 цифр, а нужно 11."
    )
    assert invalid_message({}) == "Портал счёл данные неверными."


# --- application.create: accepted ---------------------------------------------------------------


def test_an_accepted_application_reserves_the_money_and_reaches_only_its_provider(device, enrol, db_url):
    group = find_group(db_url, device.provider_id, certified=True)
    admin.set_module_price(db_url, group.module_id, "36000.00", "30000.00")
    child_id, number = new_child(device, db_url, group.birth_date_for(), pf_balance="15000.00")
    other = enrol(2)
    _, cursor = device.pull_all("master")
    _, other_cursor = other.pull_all("master")
    create = app_create_op(group.id, child_id=child_id, expected="15000.00", certificate_number=number)
    [res] = device.push_ok([create])
    assert res["status"] == "applied", res
    row = res["server_record"]
    assert (
        row["id"] == create["payload"]["uid"] and row["status"] == "confirmed" and row["source"] == "device"
    )
    assert re.fullmatch(r"З-\d{6}", row["number"]) and row["contract_number"] == "Д-" + row["number"][2:]
    # 182 of 273 days: 24 000,00 ₽ of 36 000; the certificate pays all it has, the parent the rest.
    assert _money(row) == ("24000.00", "15000.00", "9000.00")
    assert [h["status"] for h in row["history"]] == ["confirmed"]
    assert "доплата родителя 9" in row["history"][0]["note"]
    assert reserve_of(db_url, number) == Decimal("15000.00")
    # The application and the new reserve arrive at the school's PCs, not at another provider's.
    page = device.pull("master", cursor).json()
    assert page["changes"]["application"]["upserts"] == [row]
    assert [c["reserve"] for c in page["changes"]["certificate"]["upserts"]] == ["15000.00"]
    assert other.pull("master", other_cursor).json()["changes"] == {}
    assert admin.list_applications(db_url, device.provider_id, child_id=child_id) == [row]


def test_an_application_for_a_child_from_a_new_child_request_in_the_same_batch(device, db_url):
    group = find_group(db_url, device.provider_id, certified=False)
    create = child_create_op(unique_surname(), group.birth_date_for(), guardian=GUARDIAN)
    application = app_create_op(group.id, child_uid=create["payload"]["uid"])
    child_res, app_res = device.push_ok([create, application])
    assert child_res["status"] == app_res["status"] == "applied"
    row = app_res["server_record"]
    assert row["child_id"] == child_res["server_record"]["child_id"] and row["status"] == "confirmed"
    # A budget programme carries no certificate money.
    assert row["price_total"] is None and row["certificate_part"] is None


# --- application.create: every refusal of the rulebook ------------------------------------------


def _refused(device, db_url, create, code):
    [res] = device.push_ok([create])
    assert (res["status"], res["code"]) == ("rejected", code), res
    row = res["server_record"]
    assert row["status"] == "rejected" and row["reason_code"] == code
    assert row["reason_text"] == res["message"] and res["message"]
    assert row["id"] == create["payload"]["uid"]
    assert admin.get_application(db_url, row["id"]) == row  # stored: the PC shows the portal's record
    return res


def test_age_too_young_and_too_old(device, db_url):
    # Budget groups: a new child's certificate is one of учёт, which a certified group would refuse too.
    budget = [x for x in groups(db_url, device.provider_id) if x.registry not in ("certified", "paid")]
    g = next(x for x in budget if x.age_from_months >= 96 and x.free > 0)
    young, _ = new_child(device, db_url, g.birth_date_for(g.age_from_months / 12 - 1))
    res = _refused(device, db_url, app_create_op(g.id, child_id=young), rules.R_AGE_TOO_YOUNG)
    assert res["message"].startswith("На дату начала обучения 01.12.2025 ребёнку будет")
    assert set(res["field_errors"]) == {rules.F_BIRTH_DATE}
    g = next(x for x in budget if x.age_to_months <= 14 * 12 and x.free > 0)
    old, _ = new_child(device, db_url, g.birth_date_for(g.age_to_months / 12 + 1))
    _refused(device, db_url, app_create_op(g.id, child_id=old), rules.R_AGE_TOO_OLD)


def test_group_full(device, db_url):
    g = find_group(db_url, device.provider_id, certified=False)
    admin.set_group_capacity(db_url, g.id, g.occupied)
    child, _ = new_child(device, db_url, g.birth_date_for())
    res = _refused(device, db_url, app_create_op(g.id, child_id=child), rules.R_GROUP_FULL)
    assert res["message"] == f"В группе занято {g.occupied} мест из {g.occupied}"


def test_no_certificate_and_accounting_certificate_on_a_certified_programme(device, db_url):
    budget = find_group(db_url, device.provider_id, certified=False)
    child, _ = new_child(device, db_url, budget.birth_date_for(), request_certificate=False)
    _refused(device, db_url, app_create_op(budget.id, child_id=child), rules.R_NO_CERTIFICATE)
    certified = find_group(db_url, device.provider_id, certified=True)
    child, number = new_child(device, db_url, certified.birth_date_for())  # сертификат учёта
    res = _refused(
        device,
        db_url,
        app_create_op(certified.id, child_id=child, certificate_number=number),
        rules.R_CERT_ACCOUNTING_ON_CERTIFIED,
    )
    assert res["field_errors"] == {rules.F_CERTIFICATE: res["message"]}
    # The same certificate is enough for a budget programme.
    [ok] = device.push_ok([app_create_op(budget.id, child_id=child)])
    assert ok["status"] == "applied" and reserve_of(db_url, number) == 0


def test_unknown_certificate_status(device, db_url):
    g = find_group(db_url, device.provider_id, certified=False)
    child, number = new_child(device, db_url, g.birth_date_for())
    engine = db.make_engine(db_url)
    with db.write_tx(engine) as conn:
        conn.execute(
            update(db.certificates).where(db.certificates.c.number == number).values(status="frozen")
        )
    engine.dispose()
    _refused(device, db_url, app_create_op(g.id, child_id=child), rules.R_CERT_STATUS_UNKNOWN)


def test_start_date_before_after_the_group_and_in_a_closed_month(device, db_url):
    g = find_group(db_url, device.provider_id, certified=False)
    child, _ = new_child(device, db_url, g.birth_date_for())
    res = _refused(
        device, db_url, app_create_op(g.id, date(2025, 8, 25), child_id=child), rules.R_START_BEFORE_GROUP
    )
    # Every refusal is reported: August is a closed month as well.
    assert res["field_errors"][rules.F_START_DATE].count("; ") == 1
    assert "прошлые месяцы закрыты" in res["field_errors"][rules.F_START_DATE]
    _refused(
        device, db_url, app_create_op(g.id, date(2026, 6, 10), child_id=child), rules.R_START_AFTER_GROUP
    )
    res = _refused(
        device,
        db_url,
        app_create_op(g.id, date(2025, 10, 15), child_id=child),
        rules.R_START_IN_CLOSED_PERIOD,
    )
    assert res["message"] == "Дата начала 15.10.2025 раньше 01.11.2025: прошлые месяцы закрыты"


def test_duplicate_enrolment(device, db_url):
    budget = {x.id for x in groups(db_url, device.provider_id) if x.registry not in ("certified", "paid")}
    g = next(  # a budget group: any certificate admits there, so the duplicate is the only refusal
        x
        for x in admin.provider_groups(db_url, device.provider_id)
        if x["id"] in budget and any(m["date_to"] is None for m in x["members"])
    )
    member = next(m["child_id"] for m in g["members"] if m["date_to"] is None)
    _refused(device, db_url, app_create_op(g["id"], child_id=member), rules.R_DUPLICATE_ENROLMENT)


def test_balance_changed_stores_the_new_split_for_the_parent(device, db_url):
    group = find_group(db_url, device.provider_id, certified=True)
    admin.set_module_price(db_url, group.module_id, "36000.00", "30000.00")
    child, number = new_child(device, db_url, group.birth_date_for(), pf_balance="15000.00")
    admin.set_certificate(db_url, number, balance="12000.00")  # spent elsewhere since the PC computed
    res = _refused(
        device,
        db_url,
        app_create_op(group.id, child_id=child, expected="15000.00", certificate_number=number),
        p.R_BALANCE_CHANGED,
    )
    assert res["message"] == (
        "Сертификат оплатит 12\u202f000,00 ₽ вместо 15\u202f000,00 ₽: доплата родителя "
        "составит 12\u202f000,00 ₽ из 24\u202f000,00 ₽"
    )
    row = res["server_record"]
    assert (row["certificate_part"], row["parent_part"]) == ("12000.00", "12000.00")
    assert reserve_of(db_url, number) == 0  # nothing reserved for a refused application


# --- command codes ------------------------------------------------------------------------------


def test_command_refusals_unknown_forbidden_wrong_status_already_exists(device, enrol, db_url):
    g = find_group(db_url, device.provider_id, certified=False)
    child, _ = new_child(device, db_url, g.birth_date_for())
    foreign_group = find_group(db_url, 2, certified=False)
    stranger = admin.add_child(db_url, unique_surname(), "Иван", "Петрович", g.birth_date_for())[0]
    created = app_create_op(g.id, child_id=child)
    results = device.push_ok(
        [
            app_create_op(g.id, child_id=999_999),
            app_create_op(g.id, child_id=stranger),  # in the registry, but not a child of this school
            app_create_op(999_999, child_id=child),
            app_create_op(foreign_group.id, child_id=child),
            app_create_op(g.id, child_id=child, expected="много"),
            created,
            app_create_op(g.id, child_id=child, uid=created["payload"]["uid"]),
            op(p.OP_APP_CONFIRM, uid=str(uuid.uuid4())),
            op(
                p.OP_APP_ENROL,
                uid=created["payload"]["uid"],
                order_number="1",
                order_date="2025-11-20",
                date_from="2025-11-01",
            ),
            op(
                p.OP_APP_EXPEL,
                uid=created["payload"]["uid"],
                order_number="2",
                order_date="2025-11-20",
                date_to="2025-12-20",
            ),
        ]
    )
    assert [(r["status"], r["code"]) for r in results] == [
        ("rejected", p.R_UNKNOWN_CHILD),
        ("rejected", p.R_UNKNOWN_CHILD),
        ("rejected", p.R_UNKNOWN_GROUP),
        ("rejected", p.R_FORBIDDEN),
        ("rejected", p.R_INVALID),
        ("applied", None),
        ("rejected", p.R_ALREADY_EXISTS),
        ("rejected", p.R_UNKNOWN_APPLICATION),
        ("rejected", p.R_INVALID),
        ("rejected", p.R_WRONG_STATUS),
    ]
    assert all(r["message"] for r in results if r["status"] == "rejected")
    assert [r["server_record"] is not None for r in results] == [False] * 5 + [True] * 2 + [False, True, True]
    assert results[6]["server_record"] == results[5]["server_record"]
    assert (
        "date_from" in results[8]["field_errors"]
        and "expected_certificate_part" in results[4]["field_errors"]
    )
    assert results[9]["message"] == (
        "Нельзя отчислить заявку в статусе «подтверждена»: это возможно только для статуса «обучается»"
    )
    assert admin.get_application(db_url, created["payload"]["uid"])["status"] == "confirmed"
    # Another provider's PC cannot touch the application, and is not shown it.
    [foreign] = enrol(2).push_ok([op(p.OP_APP_WITHDRAW, uid=created["payload"]["uid"])])
    assert foreign["code"] == p.R_FORBIDDEN and foreign["server_record"] is None
    assert admin.get_application(db_url, created["payload"]["uid"])["status"] == "confirmed"


def test_a_replayed_command_returns_the_stored_answer_and_reserves_once(device, db_url):
    group = find_group(db_url, device.provider_id, certified=True)
    child, number = new_child(device, db_url, group.birth_date_for(), pf_balance="5000.00")
    create = app_create_op(group.id, child_id=child, certificate_number=number)
    first = device.push_ok([create])
    reserved = reserve_of(db_url, number)
    assert first[0]["status"] == "applied" and reserved > 0
    # The answer was lost: the PC sends the same op again (twice in one batch, too).
    assert device.push_ok([create]) == first
    assert device.push_ok([create, create]) == first + first
    assert reserve_of(db_url, number) == reserved
    assert len(admin.list_applications(db_url, device.provider_id, child_id=child)) == 1


# --- the lifecycle ------------------------------------------------------------------------------


def _enrol_op(uid, date_from=START, order_date=TODAY):
    return op(
        p.OP_APP_ENROL,
        uid=uid,
        order_number="15-у",
        order_date=order_date.isoformat(),
        date_from=date_from.isoformat(),
    )


def test_confirmed_enrolled_expelled_with_the_reserve_to_the_kopeck(device, db_url):
    group = find_group(db_url, device.provider_id, certified=True)
    admin.set_module_price(db_url, group.module_id, "36000.00", "30000.00")
    child, number = new_child(device, db_url, group.birth_date_for(), pf_balance="15000.00")
    create = app_create_op(group.id, child_id=child, expected="15000.00", certificate_number=number)
    uid = create["payload"]["uid"]
    assert device.push_ok([create])[0]["server_record"]["status"] == "confirmed"
    [enrolled] = device.push_ok([_enrol_op(uid)])
    row = enrolled["server_record"]
    assert (row["status"], row["order_number"], row["order_date"]) == ("active", "15-у", "2025-11-24")
    assert reserve_of(db_url, number) == Decimal("15000.00")
    [membership] = [
        m
        for g in admin.provider_groups(db_url, device.provider_id)
        if g["id"] == group.id
        for m in g["members"]
        if m["child_id"] == child
    ]
    assert (membership["date_from"], membership["date_to"], membership["status"]) == (
        "2025-12-01",
        None,
        "active",
    )
    # The journal on the PC gets the membership.
    assert membership["id"] in {m["id"] for m in pulled(device, "membership")[0]}
    # Expelled after February: 90 of 273 days; the reserve of March to May goes back.
    [expelled] = device.push_ok(
        [
            op(
                p.OP_APP_EXPEL,
                uid=uid,
                order_number="40-у",
                order_date="2025-11-24",
                date_to="2026-02-28",
                reason="moved",
            )
        ]
    )
    row = expelled["server_record"]
    assert row["status"] == "expelled" and (row["end_date"], row["end_reason"]) == ("2026-02-28", "moved")
    assert _money(row) == ("11868.14", "9890.11", "1978.03")
    assert reserve_of(db_url, number) == Decimal("9890.11")
    assert [h["status"] for h in row["history"]] == ["confirmed", "active", "expelled"]
    [membership] = [
        m
        for g in admin.provider_groups(db_url, device.provider_id)
        if g["id"] == group.id
        for m in g["members"]
        if m["child_id"] == child
    ]
    assert (membership["date_to"], membership["status"]) == ("2026-02-28", "expelled")
    [again] = device.push_ok(
        [op(p.OP_APP_EXPEL, uid=uid, order_number="41-у", order_date="2025-11-24", date_to="2026-01-31")]
    )
    assert again["code"] == p.R_WRONG_STATUS and again["server_record"] == row


def test_enrolment_from_a_later_day_and_checks_of_its_dates(device, db_url):
    group = find_group(db_url, device.provider_id, certified=True)
    admin.set_module_price(db_url, group.module_id, "36000.00", "30000.00")
    child, number = new_child(device, db_url, group.birth_date_for(), pf_balance="25000.00")
    create = app_create_op(group.id, child_id=child, certificate_number=number)
    uid = create["payload"]["uid"]
    assert device.push_ok([create])[0]["server_record"]["certificate_part"] == "20000.00"
    results = device.push_ok(
        [
            _enrol_op(uid, date(2025, 11, 30)),
            _enrol_op(uid, date(2026, 6, 1)),
            _enrol_op(uid, START, order_date=date(2025, 12, 5)),
            _enrol_op(uid, date(2025, 12, 15)),
        ]
    )
    assert [r["code"] for r in results] == [p.R_INVALID, p.R_INVALID, p.R_INVALID, None]
    assert "раньше даты начала обучения по заявке 01.12.2025" in results[0]["field_errors"]["date_from"]
    assert "order_date" in results[2]["field_errors"]
    row = results[3]["server_record"]
    # From 15 December: a shorter contract, the certificate part recomputed.
    assert _money(row) == ("22153.85", "18461.54", "3692.31")
    assert reserve_of(db_url, number) == Decimal("18461.54")


def test_transfer_to_another_group(device, db_url):
    certified = [g for g in groups(db_url, device.provider_id) if g.registry == "certified" and g.free > 0]
    old, new = next(  # two certified groups with places that take children of one age
        (a, b) for a in certified for b in certified
        if a.id != b.id and max(a.age_from_months, b.age_from_months) < min(a.age_to_months, b.age_to_months)
    )
    admin.set_module_price(db_url, old.module_id, "36000.00", "30000.00")
    admin.set_module_price(db_url, new.module_id, "18000.00", "18000.00")
    age = max(old.age_from_months, new.age_from_months) + 1  # fits both (and on 20.01.2026 too)
    born = old.birth_date_for(age / 12)
    child, number = new_child(device, db_url, born, pf_balance="20000.00")
    create = app_create_op(old.id, child_id=child, certificate_number=number)
    uid = create["payload"]["uid"]
    device.push_ok([create, _enrol_op(uid)])
    assert reserve_of(db_url, number) == Decimal("20000.00")
    # A full group refuses the transfer, and nothing changes.
    full = next(
        g
        for g in groups(db_url, device.provider_id)
        if g.id not in (old.id, new.id) and g.age_from_months <= age <= g.age_to_months
    )
    admin.set_group_capacity(db_url, full.id, max(full.occupied, 1))
    new_uid = p.new_uid()

    def transfer(to_group):
        return op(
            p.OP_APP_TRANSFER,
            uid=uid,
            new_uid=new_uid,
            to_group_id=to_group,
            date="2026-01-20",
            order_number="7-п",
            order_date="2025-11-24",
        )

    [refused] = device.push_ok([transfer(full.id)])
    assert (refused["status"], refused["code"]) == ("rejected", rules.R_GROUP_FULL)
    assert refused["server_record"]["status"] == "active"
    assert admin.get_application(db_url, new_uid) is None and reserve_of(db_url, number) == Decimal(
        "20000.00"
    )
    [moved] = device.push_ok([transfer(new.id)])
    row = moved["server_record"]
    assert moved["status"] == "applied" and row["id"] == uid
    assert (row["status"], row["end_date"], row["transferred_to"]) == ("transferred", "2026-01-19", new_uid)
    assert _money(row) == ("6593.41", "5494.51", "1098.90")
    successor = admin.get_application(db_url, new_uid)
    assert successor is not None and (successor["status"], successor["group_id"]) == ("active", new.id)
    assert (successor["start_date"], successor["order_number"]) == ("2026-01-20", "7-п")
    # 132 of 273 days at 18 000 ₽, all paid by what the old contract released.
    assert _money(successor) == ("8703.30", "8703.30", "0.00")
    assert reserve_of(db_url, number) == Decimal("5494.51") + Decimal("8703.30")
    members = {
        (g["id"], m["date_from"], m["date_to"])
        for g in admin.provider_groups(db_url, device.provider_id)
        for m in g["members"]
        if m["child_id"] == child
    }
    assert members == {(old.id, "2025-12-01", "2026-01-19"), (new.id, "2026-01-20", None)}
    rows, _ = pulled(device, "application")
    assert {r["id"]: r["status"] for r in rows if r["child_id"] == child} == {
        uid: "transferred",
        new_uid: "active",
    }


@pytest.fixture
def january(db_url, device):
    """The same portal database served «in January 2026», and the PC talking to it."""
    with EmbeddedPortal(db_url, settings=PortalSettings(today=date(2026, 1, 12))) as later:
        with httpx.Client(
            base_url=later.url + p.API_PREFIX, headers=client_headers(device.token), timeout=30
        ) as c:
            yield Device(c, device.device_id, device.token, device.provider_id)


def test_termination_from_the_first_of_next_month(january, db_url):
    device = january
    group = find_group(db_url, device.provider_id, certified=True)
    admin.set_module_price(db_url, group.module_id, "36000.00", "30000.00")
    child, number = new_child(device, db_url, group.birth_date_for(), pf_balance="20000.00")
    create = app_create_op(group.id, date(2026, 1, 12), child_id=child, certificate_number=number)
    uid = create["payload"]["uid"]
    [confirmed, enrolled] = device.push_ok([create, _enrol_op(uid, date(2026, 1, 19), date(2026, 1, 12))])
    assert confirmed["server_record"]["certificate_part"] == "15384.62"
    assert enrolled["server_record"]["certificate_part"] == "14615.39"
    [future] = device.push_ok([op(p.OP_APP_TERMINATE, uid=uid, request_date="2026-01-13")])
    assert future["code"] == p.R_INVALID and "request_date" in future["field_errors"]
    [ended] = device.push_ok([op(p.OP_APP_TERMINATE, uid=uid, request_date="2026-01-12")])
    row = ended["server_record"]
    # The request of 12 January takes effect on 1 February: 19–31 January are paid.
    assert (row["status"], row["end_date"]) == ("terminated", "2026-01-31")
    assert _money(row) == ("1714.29", "1428.58", "285.71")
    assert reserve_of(db_url, number) == Decimal("1428.58")


def test_termination_before_the_first_day_and_of_a_confirmed_application(january, db_url):
    device = january
    group = find_group(db_url, device.provider_id, certified=True)
    child, number = new_child(device, db_url, group.birth_date_for(), pf_balance="30000.00")
    studying = app_create_op(group.id, date(2026, 1, 12), child_id=child, certificate_number=number)
    uid = studying["payload"]["uid"]
    device.push_ok([studying, _enrol_op(uid, date(2026, 2, 2), date(2026, 1, 12))])
    _, cursor = device.pull_all("master")
    [ended] = device.push_ok([op(p.OP_APP_TERMINATE, uid=uid, request_date="2026-01-12")])
    assert ended["server_record"]["certificate_part"] == "0.00"
    assert reserve_of(db_url, number) == 0
    # Not a day studied: the membership is gone from the PC's journal.
    page = device.pull("master", cursor).json()
    assert len(page["changes"]["membership"]["deletes"]) == 1
    other = find_group(db_url, device.provider_id, certified=False)
    offer = app_create_op(other.id, date(2026, 1, 12), child_id=child)
    device.push_ok([offer])
    [ended] = device.push_ok([op(p.OP_APP_TERMINATE, uid=offer["payload"]["uid"], request_date="2026-01-12")])
    assert ended["server_record"]["status"] == "terminated"


# --- a parent's online application --------------------------------------------------------------


def test_parents_applications_arrive_and_are_confirmed_or_rejected(device, db_url):
    waiting = admin.list_applications(db_url, device.provider_id, status="new")
    assert 5 <= len(waiting) <= 8 and all(a["source"] == "portal" for a in waiting)  # the demo's own
    rows, _ = pulled(device, "application")
    assert {r["id"] for r in rows if r["status"] == "new"} == {a["id"] for a in waiting}
    assert {r["id"] for r in rows} == {a["id"] for a in admin.list_applications(db_url, device.provider_id)}
    children = {c["id"] for c in pulled(device, "child")[0]}
    assert {a["child_id"] for a in waiting} <= children  # the applicants are visible to the school
    guardians = {g["child_id"] for g in pulled(device, "guardian")[0]}
    assert {a["child_id"] for a in waiting} <= guardians
    first, second, third = waiting[:3]
    results = device.push_ok(
        [
            op(p.OP_APP_CONFIRM, uid=first["id"]),
            op(p.OP_APP_REJECT, uid=second["id"], reason="holidays"),
            op(p.OP_APP_REJECT, uid=second["id"], reason="other"),
            op(p.OP_APP_REJECT, uid=second["id"], reason="schedule", comment="Занятия в субботу"),
            op(p.OP_APP_WITHDRAW, uid=third["id"], comment="Родитель передумал"),
            op(p.OP_APP_CONFIRM, uid=third["id"]),
        ]
    )
    assert [(r["status"], r["code"]) for r in results] == [
        ("applied", None),
        ("rejected", p.R_INVALID),
        ("rejected", p.R_INVALID),
        ("applied", None),
        ("applied", None),
        ("rejected", p.R_WRONG_STATUS),
    ]
    assert results[0]["server_record"]["status"] == "confirmed"
    assert results[0]["server_record"]["contract_number"] == "Д-" + first["number"][2:]
    assert [h["status"] for h in results[0]["server_record"]["history"]] == ["new", "confirmed"]
    assert "reason" in results[1]["field_errors"] and "comment" in results[2]["field_errors"]
    row = results[3]["server_record"]
    assert (row["status"], row["reason_code"]) == ("rejected", "schedule")
    assert row["reason_text"] == "Расписание группы не подходит. Занятия в субботу"
    assert results[4]["server_record"]["status"] == "withdrawn"


def test_confirming_a_parents_application_the_rulebook_refuses_changes_nothing(device, db_url):
    g = find_group(db_url, device.provider_id, certified=False)
    child, _ = new_child(device, db_url, g.birth_date_for())
    row = admin.apply_online(db_url, child, g.id, START, today=TODAY)
    assert (row["status"], row["source"]) == ("new", "portal")
    admin.set_group_capacity(db_url, g.id, g.occupied)
    [res] = device.push_ok([op(p.OP_APP_CONFIRM, uid=row["id"])])
    assert (res["status"], res["code"]) == ("rejected", rules.R_GROUP_FULL)
    assert res["server_record"]["status"] == "new"  # the provider may still reject it with a reason
    admin.set_group_capacity(db_url, g.id, g.occupied + 1)
    [res] = device.push_ok([op(p.OP_APP_CONFIRM, uid=row["id"])])
    assert res["server_record"]["status"] == "confirmed"


def test_withdrawing_a_confirmed_application_releases_the_reserve(device, db_url):
    group = find_group(db_url, device.provider_id, certified=True)
    child, number = new_child(device, db_url, group.birth_date_for(), pf_balance="8000.00")
    create = app_create_op(group.id, child_id=child, certificate_number=number)
    device.push_ok([create])
    assert reserve_of(db_url, number) > 0
    [res] = device.push_ok([op(p.OP_APP_WITHDRAW, uid=create["payload"]["uid"])])
    assert res["server_record"]["status"] == "withdrawn" and reserve_of(db_url, number) == 0
    # The place is free again: another child takes it.
    admin.set_group_capacity(db_url, group.id, group.occupied + 1)
    other, other_number = new_child(device, db_url, group.birth_date_for(), pf_balance="8000.00")
    assert device.push_ok([app_create_op(group.id, child_id=other, certificate_number=other_number)])[0][
        "status"
    ] == "applied"


def test_expired_applications_release_their_reserve(device, db_url):
    waiting = {a["id"] for a in admin.list_applications(db_url, device.provider_id, status="new")}
    group = find_group(db_url, device.provider_id, certified=True)
    child, number = new_child(device, db_url, group.birth_date_for(), pf_balance="8000.00")
    confirmed = app_create_op(group.id, child_id=child, certificate_number=number)
    studying_child, studying_number = new_child(device, db_url, group.birth_date_for(), pf_balance="8000.00")
    studying = app_create_op(group.id, child_id=studying_child, certificate_number=studying_number)
    device.push_ok([confirmed, studying, _enrol_op(studying["payload"]["uid"])])
    _, cursor = device.pull_all("master")
    assert admin.expire_applications(db_url, today=TODAY) == []
    expired = admin.expire_applications(db_url, today=date(2026, 1, 5), days=30)
    assert set(expired) == waiting | {confirmed["payload"]["uid"]}
    assert reserve_of(db_url, number) == 0
    assert admin.get_application(db_url, studying["payload"]["uid"])["status"] == "active"
    page = device.pull("master", cursor).json()
    assert {r["id"]: r["status"] for r in page["changes"]["application"]["upserts"]} == {
        uid: "expired" for uid in expired
    }


def test_expiry_judges_each_application_again_under_its_lock(device, db_url):
    """The list of due applications is read without locks: one enrolled (or decided otherwise)
    before expiry takes its lock keeps its status and its reserve."""
    group = find_group(db_url, device.provider_id, certified=True)
    child, number = new_child(device, db_url, group.birth_date_for(), pf_balance="8000.00")
    studying = app_create_op(group.id, child_id=child, certificate_number=number)
    other, other_number = new_child(device, db_url, group.birth_date_for(), pf_balance="8000.00")
    waiting = app_create_op(group.id, child_id=other, certificate_number=other_number)
    device.push_ok([studying, waiting])
    later, days = date(2026, 1, 5), 30
    engine = db.make_engine(db_url)
    with engine.connect() as conn:  # what an expiry run read before the enrolment was committed
        rows = (
            conn.execute(select(db.applications.c.id).where(db.applications.c.status == apps.APP_CONFIRMED))
            .scalars()
            .all()
        )
    assert {studying["payload"]["uid"], waiting["payload"]["uid"]} <= set(rows)
    reserved = reserve_of(db_url, number)
    device.push_ok([_enrol_op(studying["payload"]["uid"])])
    with db.write_tx(engine) as conn:
        expired = contracts.expire_candidates(conn, rows, later, days, datetime.now(UTC))
    engine.dispose()
    assert studying["payload"]["uid"] not in expired and waiting["payload"]["uid"] in expired
    assert admin.get_application(db_url, studying["payload"]["uid"])["status"] == "active"
    assert reserve_of(db_url, number) == reserved > 0
    assert reserve_of(db_url, other_number) == 0
    # Not due (yet): left alone as well.
    assert admin.expire_applications(db_url, today=TODAY) == []


# --- billed months ------------------------------------------------------------------------------


def _expel_op(uid, date_to):
    return op(p.OP_APP_EXPEL, uid=uid, order_number="40-у", order_date="2025-11-24", date_to=date_to)


def test_enrolment_expulsion_and_transfer_never_touch_a_billed_month(device, db_url):
    group = find_group(db_url, device.provider_id, certified=True)
    other_group = next(g for g in groups(db_url, device.provider_id) if g.id != group.id)
    child, number = new_child(device, db_url, group.birth_date_for(), pf_balance="20000.00")
    create = app_create_op(group.id, child_id=child, certificate_number=number)
    uid = create["payload"]["uid"]
    confirmed = device.push_ok([create])[0]["server_record"]
    reserved = reserve_of(db_url, number)
    admin.lock_month(db_url, device.provider_id, date(2025, 12, 1))  # December is invoiced
    [refused] = device.push_ok([_enrol_op(uid)])
    assert (refused["status"], refused["code"]) == ("rejected", p.R_MONTH_LOCKED)
    assert refused["message"] == (
        "Месяц закрыт: за декабрь 2025 г. уже выставлен счёт, а зачисление с 01.12.2025 затрагивает "
        "оплаченные в нём дни обучения."
    )
    assert "не раньше 01.01.2026" in refused["field_errors"]["date_from"]
    assert refused["server_record"] == confirmed and reserve_of(db_url, number) == reserved
    # Another provider's billed month is not this one's.
    admin.unlock_month(db_url, device.provider_id, date(2025, 12, 1))
    admin.lock_month(db_url, 2, date(2025, 12, 1))
    [enrolled] = device.push_ok([_enrol_op(uid)])
    assert enrolled["server_record"]["status"] == "active"
    active = enrolled["server_record"]
    admin.lock_month(db_url, device.provider_id, date(2025, 12, 1))

    def members():
        return {
            (m["date_from"], m["date_to"])
            for g in admin.provider_groups(db_url, device.provider_id)
            for m in g["members"]
            if m["child_id"] == child
        }

    transfer = op(
        p.OP_APP_TRANSFER,
        uid=uid,
        new_uid=p.new_uid(),
        to_group_id=other_group.id,
        date="2025-12-20",
        order_number="7-п",
        order_date="2025-11-24",
    )
    results = device.push_ok([_expel_op(uid, "2025-12-15"), transfer])
    assert [(r["status"], r["code"]) for r in results] == [("rejected", p.R_MONTH_LOCKED)] * 2
    assert all(r["server_record"] == active for r in results)
    assert "не раньше 31.12.2025" in results[0]["field_errors"]["date_to"]
    assert "не раньше 01.01.2026" in results[1]["field_errors"]["date"]
    assert admin.get_application(db_url, transfer["payload"]["new_uid"]) is None
    assert members() == {("2025-12-01", None)} and reserve_of(db_url, number) == reserved
    # Leaving on 31 December changes nothing in December, but a later invoiced month counts too.
    admin.lock_month(db_url, device.provider_id, date(2026, 2, 1))
    [refused] = device.push_ok([_expel_op(uid, "2025-12-31")])
    assert refused["code"] == p.R_MONTH_LOCKED and "февраль 2026 г." in refused["message"]
    admin.unlock_month(db_url, device.provider_id, date(2026, 2, 1))
    [expelled] = device.push_ok([_expel_op(uid, "2025-12-31")])
    assert (expelled["status"], expelled["server_record"]["end_date"]) == ("applied", "2025-12-31")
    assert members() == {("2025-12-01", "2025-12-31")}


def test_termination_is_refused_only_when_its_effective_days_are_billed(january, db_url):
    device = january
    group = find_group(db_url, device.provider_id, certified=True)
    child, number = new_child(device, db_url, group.birth_date_for(), pf_balance="20000.00")
    create = app_create_op(group.id, date(2026, 1, 12), child_id=child, certificate_number=number)
    uid = create["payload"]["uid"]
    device.push_ok([create, _enrol_op(uid, date(2026, 1, 12), date(2026, 1, 12))])
    reserved = reserve_of(db_url, number)
    for month in (date(2026, 1, 1), date(2026, 2, 1)):
        admin.lock_month(db_url, device.provider_id, month)
    terminate = op(p.OP_APP_TERMINATE, uid=uid, request_date="2026-01-12")
    [refused] = device.push_ok([terminate])
    assert (refused["code"], refused["server_record"]["status"]) == (p.R_MONTH_LOCKED, "active")
    assert refused["message"].startswith("Месяц закрыт: за февраль 2026 г. уже выставлен счёт")
    assert "расторгается с 01.02.2026" in refused["field_errors"]["request_date"]
    assert reserve_of(db_url, number) == reserved
    # The request of 12 January ends the contract on 31 January: the billed January stays as it was.
    admin.unlock_month(db_url, device.provider_id, date(2026, 2, 1))
    [ended] = device.push_ok([op(p.OP_APP_TERMINATE, uid=uid, request_date="2026-01-12")])
    assert (ended["status"], ended["server_record"]["end_date"]) == ("applied", "2026-01-31")
    # A confirmed contract was never studied, so nothing of it was billed.
    admin.lock_month(db_url, device.provider_id, date(2026, 2, 1))
    offer = app_create_op(group.id, date(2026, 2, 2), child_id=child, certificate_number=number)
    device.push_ok([offer])
    [ended] = device.push_ok([op(p.OP_APP_TERMINATE, uid=offer["payload"]["uid"], request_date="2026-01-12")])
    assert ended["server_record"]["status"] == "terminated"


def test_an_application_is_never_dated_after_the_portal_received_it(device, db_url):
    """A PC whose clock ran a day ahead must not push the expiry of its application a day on."""
    from datetime import timedelta

    group = find_group(db_url, device.provider_id, certified=False)
    child_id, number = new_child(device, db_url, group.birth_date_for())
    create = app_create_op(group.id, child_id=child_id, certificate_number=number)
    create["payload"]["created_at"] = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    [res] = device.push_ok([create])
    received_by = datetime.now(UTC)
    stored = datetime.fromisoformat(res["server_record"]["created_at"])
    assert stored <= received_by, (stored, received_by)
