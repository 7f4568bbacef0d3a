"""`pfdo-portal parent-code` and `parent-requests` (issue 17, part 2): the operator issues a parent's
one-time code from the command line; the code logs in once; what is wrong is said in one line."""

from __future__ import annotations

from datetime import date

from parents_web_helpers import parent_client
from portal_helpers import TODAY

from pfdo_portal import admin
from pfdo_portal.cli import main

BORN = date(TODAY.year - 9, 5, 5)


def test_parent_code_by_child_and_by_snils_logs_in_once(portal, db_url, capsys):
    first, _ = admin.add_child(db_url, "Кодова", "Анна", "Сергеевна", BORN, certificate_status="pf",
                               nominal="1000.00")
    admin.add_child(db_url, "Кодов", "Илья", "Сергеевич", BORN, snils="112-233-445 95")
    assert main(["parent-code", "--db", db_url, "--child", str(first), "--snils", "11223344595"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "детей: 2" in out[0] and "/catalog/login" in out[0]
    code = out[-1]
    assert len(code) == 9 and code[4] == "-"
    parent = parent_client(portal.url)
    assert parent.login(code).status_code == 303
    cabinet = parent.cabinet()
    assert "Кодова Анна" in cabinet and "Кодов Илья" in cabinet
    assert parent_client(portal.url).login(code).status_code == 400  # once
    assert main(["parent-requests", "--db", db_url]) == 0
    assert "Запросов родителей нет." in capsys.readouterr().out


def test_parent_code_says_what_is_wrong(db_url, capsys):
    assert main(["parent-code", "--db", db_url]) == 2
    assert "укажите ребёнка" in capsys.readouterr().err
    assert main(["parent-code", "--db", db_url, "--child", "999999"]) == 2
    assert "ребёнка № 999999 нет в реестре портала" in capsys.readouterr().err
    assert main(["parent-code", "--db", db_url, "--snils", "123"]) == 2
    assert "нужно 11 цифр" in capsys.readouterr().err
