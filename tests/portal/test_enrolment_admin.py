"""The portal's own side of enrolment: the demo's parents' applications, guardians and documents,
the `pfdo-portal` commands for applications and certificates, an older database upgraded."""

from __future__ import annotations

import re
from datetime import date

import pytest
from enrolment_helpers import START, app_create_op, find_group, new_child, pulled
from portal_helpers import TODAY
from sqlalchemy import inspect, select

from pfdo_desktop.domain.applications import DOCUMENT_KINDS_RU, RELATIONS_RU
from pfdo_desktop.domain.validation import email_error, person_name_error, phone_error
from pfdo_portal import admin, db
from pfdo_portal.cli import main
from pfdo_portal.enrolment import applications, shared


def test_every_child_has_a_document_and_a_parent(seeded, db_url):
    engine = db.make_engine(db_url)
    with engine.connect() as conn:
        children = conn.execute(select(db.children)).all()
        guardians = conn.execute(select(db.guardians)).all()
    engine.dispose()
    assert {g.child_id for g in guardians} == {c.id for c in children}
    for child in children:
        assert child.doc_kind in DOCUMENT_KINDS_RU and child.doc_number
        if child.doc_kind == "passport":
            assert re.fullmatch(r"\d{4} \d{6}", child.doc_number)
        else:
            assert re.fullmatch(r"[IVX]+-[А-Я]{2} № \d{6}", child.doc_number)
    by_child = {c.id: c for c in children}
    for g in guardians:
        assert g.relation in RELATIONS_RU and phone_error(g.phone) is None
        assert person_name_error(f"{g.last_name} {g.first_name} {g.middle_name}", "ФИО") is None
        assert not g.email or email_error(g.email) is None
        if g.relation == "mother":  # the family name in the mother's form
            assert g.last_name[:4] == by_child[g.child_id].last_name[:4]


def test_the_demo_has_parents_applications_the_rulebook_admits(seeded, db_url):
    waiting = admin.list_applications(db_url, seeded.demo_provider_id, status="new")
    assert 5 <= len(waiting) <= 8
    assert [a["number"] for a in waiting] == [f"З-{n:06d}" for n in range(1, len(waiting) + 1)]
    engine = db.make_engine(db_url)
    with engine.connect() as conn:
        for a in waiting:
            assert (a["status"], a["source"], a["start_date"]) == ("new", "portal", START.isoformat())
            assert a["history"][0]["status"] == "new"
            group = shared.load_group(conn, a["group_id"])
            child = shared.load_child(conn, a["child_id"])
            assert group is not None and group.provider_id == seeded.demo_provider_id
            decision = applications.decide(
                conn, child=child, group=group, start_date=START, today=TODAY, except_app=a["id"]
            )
            assert decision.refusals == [], a  # the provider can confirm every one of them
    engine.dispose()


def test_apply_applications_certificate_and_expire_commands(device, db_url, capsys):
    group = find_group(db_url, device.provider_id, certified=True)
    child, number = new_child(device, db_url, group.birth_date_for())
    # A certified programme needs a ПФ certificate: the parent's application is refused at once.
    argv = ["apply", "--db", db_url, "--child", str(child), "--group", str(group.id), "--start", "2025-12-01"]
    assert main([*argv, "--today", TODAY.isoformat()]) == 2
    assert "сертификат в статусе «учёт»" in capsys.readouterr().err
    assert main(["certificate", "--db", db_url, "--number", number, "--status", "pf", "--nominal", "24000",
                 "--balance", "24000"]) == 0
    assert capsys.readouterr().out.strip() == (
        f"Сертификат {number}: ПФ, номинал 24000.00, остаток 24000.00, резерв 0.00"
    )
    _, cursor = device.pull_all("master")
    assert main([*argv, "--today", TODAY.isoformat()]) == 0
    out = capsys.readouterr().out.splitlines()
    assert re.fullmatch(r"Заявка З-\d{6} подана: статус «новая», организация 1, начало 01\.12\.2025\.",
                        out[0])
    uid = out[1]
    # The school's PC gets the parent's application with the next sync.
    rows, _ = pulled(device, "application", cursor)
    assert [(r["id"], r["status"], r["source"]) for r in rows] == [(uid, "new", "portal")]
    assert main(["applications", "--db", db_url, "--provider", "1", "--status", "new"]) == 0
    listing = capsys.readouterr().out
    assert uid in listing and f"ребёнок {child}\tгруппа {group.id}\tс 2025-12-01" in listing
    # The same child cannot apply twice to one group.
    assert main([*argv, "--today", TODAY.isoformat()]) == 2
    assert "уже есть действующая заявка или зачисление в эту группу" in capsys.readouterr().err
    assert main(["expire-applications", "--db", db_url, "--today", "2025-11-25"]) == 0
    assert capsys.readouterr().out.strip() == "Истекло заявок: 0."
    assert main(["expire-applications", "--db", db_url, "--today", "2026-02-01", "--days", "30"]) == 0
    expired = int(re.fullmatch(r"Истекло заявок: (\d+)\.", capsys.readouterr().out.strip()).group(1))
    assert expired == len(admin.list_applications(db_url, 1, status="expired")) >= 6
    assert admin.get_application(db_url, uid)["status"] == "expired"


def test_certificate_command_refuses_what_makes_no_sense(device, db_url, capsys):
    group = find_group(db_url, device.provider_id, certified=True)
    _, number = new_child(device, db_url, group.birth_date_for(), pf_balance="9000.00")
    assert main(["certificate", "--db", db_url, "--number", number]) == 0
    assert "ПФ, номинал 9000.00" in capsys.readouterr().out
    for argv, message in [
        (["--number", "0000000000"], "нет сертификата с номером 0000000000"),
        (["--number", "12345"], "ровно 10 цифр"),
        (["--number", number, "--balance", "-5"], "не могут быть отрицательными"),
        (["--number", number, "--balance", "много"], "не сумма в рублях"),
    ]:
        assert main(["certificate", "--db", db_url, *argv]) == 2
        assert message in capsys.readouterr().err


def test_the_balance_cannot_drop_below_the_reserve(device, db_url):
    group = find_group(db_url, device.provider_id, certified=True)
    child, number = new_child(device, db_url, group.birth_date_for(), pf_balance="3000.00")
    assert device.push_ok([app_create_op(group.id, child_id=child, certificate_number=number)])[0][
        "status"
    ] == "applied"
    with pytest.raises(admin.AdminError, match="меньше суммы, зарезервированной договорами"):
        admin.set_certificate(db_url, number, balance="100.00")


def test_an_older_portal_database_gains_the_new_columns(empty_db_url):
    engine = db.make_engine(empty_db_url)
    db.create_schema(engine)
    with db.write_tx(engine) as conn:
        conn.exec_driver_sql("ALTER TABLE children DROP COLUMN doc_kind")
        conn.exec_driver_sql("ALTER TABLE children DROP COLUMN doc_number")
    engine.dispose()
    with db.open_engine(empty_db_url) as engine:
        columns = {c["name"] for c in inspect(engine).get_columns("children")}
    assert {"doc_kind", "doc_number"} <= columns
    child, number = admin.add_child(empty_db_url, "Пробов", "Иван", "Петрович", date(2015, 1, 1))
    assert child == 1 and re.fullmatch(r"4718\d{6}", number)
