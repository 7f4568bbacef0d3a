"""The parents' navigator on the real portal over HTTP (issue 17, part 2): the catalogue and its
filters, a programme's page with the certificate's cost split, the one-time code login and its
cookie, the pre-check, an application, the certificate requests — and that a parent never reaches
another family's child. SQLite by default, PostgreSQL with PFDO_PORTAL_TEST_DB."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from parents_web_helpers import code_for, csrf_of, open_group, parent_client, text_of
from portal_helpers import TODAY
from sqlalchemy import select

from pfdo_desktop.domain.catalog import DIRECTIONS, REGISTRIES
from pfdo_desktop.domain.money import format_rub
from pfdo_desktop.domain.pricing import contract_cost_for_period
from pfdo_portal import admin, db, parents

BORN = date(TODAY.year - 10, 3, 10)
START = date(TODAY.year + (TODAY.month == 12), TODAY.month % 12 + 1, 1)


@pytest.fixture
def family(db_url):
    """Two families: ours (a child with a ПФ certificate) and another (a child with a сертификат учёта)."""
    ours, _ = admin.add_child(
        db_url, "Каталогова", "Мария", "Петровна", BORN, certificate_status="pf", nominal="30000.00"
    )
    theirs, _ = admin.add_child(db_url, "Чужой", "Иван", "Иванович", BORN, certificate_status="uchet")
    return ours, theirs


def _cards(page: str) -> list[str]:
    return re.findall(r'<li class="card">(.*?)</li>', page, re.S)


def test_the_catalogue_filters_published_programmes(portal, db_url):
    client = parent_client(portal.url).http
    everything = client.get("/catalog")
    assert everything.status_code == 200
    assert "text/html" in everything.headers["content-type"]
    total = int(re.search(r"Найдено программ: (\d+)", text_of(everything.text)).group(1))
    assert total == len(_cards(everything.text)) > 5
    sport = client.get("/catalog", params={"direction": "sport"}).text
    assert _cards(sport) and all(DIRECTIONS["sport"] in text_of(c) for c in _cards(sport))
    certified = client.get("/catalog", params={"pay": "certificate"}).text
    assert _cards(certified) and all(REGISTRIES["certified"] in text_of(c) for c in _cards(certified))
    free = client.get("/catalog", params={"pay": "free"}).text
    assert _cards(free) and all("бесплатно" in text_of(c) for c in _cards(free))
    assert len(_cards(free)) + len(_cards(certified)) <= total
    for card in _cards(client.get("/catalog", params={"age": 6}).text):  # a six-year-old may join
        low, high = map(int, re.search(r"от (\d+) до (\d+) лет", text_of(card)).groups())
        assert low <= 6 <= high
    with_places = client.get("/catalog", params={"free": "1"}).text
    assert all(int(re.search(r"Свободных мест (\d+)", text_of(c)).group(1)) > 0 for c in _cards(with_places))
    nowhere = client.get("/catalog", params={"municipality": "Другой район"}).text
    assert "Найдено программ: 0" in text_of(nowhere) and "Уберите часть условий" in text_of(nowhere)
    # The form keeps what was chosen.
    assert '<option value="sport" selected>' in sport


def test_a_programme_page_shows_modules_groups_and_the_certificate_split(portal, db_url):
    engine = db.make_engine(db_url)
    pr, mo, g = db.programs.c, db.modules.c, db.groups.c
    with engine.connect() as conn:
        prog = conn.execute(select(db.programs).where(pr.registry == "certified").order_by(pr.id)).first()
        module = conn.execute(select(db.modules).where(mo.program_id == prog.id).order_by(mo.id)).first()
        group = conn.execute(select(db.groups).where(g.module_id == module.id).order_by(g.date_from)).first()
    engine.dispose()
    page = parent_client(portal.url).http.get(f"/catalog/program/{prog.id}")
    assert page.status_code == 200
    text = text_of(page.text)
    assert prog.name in text and module.name in text and group.name in text and group.teacher in text
    assert "ул." in text  # the address
    assert re.search(r"(Пн|Вт|Ср|Чт|Пт|Сб|Вс) \d\d:\d\d–\d\d:\d\d", text)  # the schedule
    split = contract_cost_for_period(
        max(TODAY, group.date_from),
        group.date_to,
        group.date_from,
        group.date_to,
        module.price,
        module.normative_price,
        module.price,
    )
    assert f"сертификат оплатит до {format_rub(split.certificate_part)}" in text
    assert f"/catalog/apply?group={group.id}" in page.text
    missing = parent_client(portal.url).http.get("/catalog/program/999999")
    assert missing.status_code == 404 and "Программа не найдена" in text_of(missing.text)


def test_the_code_logs_in_once_and_the_cookie_is_httponly_and_lax(portal, db_url, family):
    ours, _theirs = family
    code = code_for(db_url, ours)
    parent = parent_client(portal.url)
    r = parent.login(code)
    assert r.status_code == 303 and r.headers["location"] == "/catalog/parent"
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "pfdo_parent=" in cookie
    assert "Каталогова Мария Петровна" in parent.cabinet()
    again = parent_client(portal.url).login(code)  # one time only
    assert again.status_code == 400 and "уже использован" in text_of(again.text)
    wrong = parent_client(portal.url).login("ZZZZ-ZZZZ")
    assert wrong.status_code == 400 and "Код не подходит" in text_of(wrong.text)
    anonymous = parent_client(portal.url).http.get("/catalog/parent")
    assert anonymous.status_code == 303 and anonymous.headers["location"] == "/catalog/login"
    forged = parent_client(portal.url).http
    forged.cookies.set("pfdo_parent", "1.9999999999.deadbeef", path="/catalog")
    assert forged.get("/catalog/parent").status_code == 303


def test_the_cabinet_shows_the_certificate_with_balance_and_reserve(portal, db_url, family):
    ours, _ = family
    parent = parent_client(portal.url)
    parent.login(code_for(db_url, ours))
    text = parent.cabinet()
    assert "ПФ" in text and format_rub(Decimal("30000")) in text  # nominal and balance
    assert "Зарезервировано" in text and format_rub(Decimal("0")) in text


def test_a_parent_applies_after_the_precheck(portal, db_url, family):
    ours, _ = family
    group = open_group(db_url, "certified", BORN, START)
    parent = parent_client(portal.url)
    parent.login(code_for(db_url, ours))
    page = parent.http.get(
        "/catalog/apply", params={"group": group, "child": ours, "start": START.isoformat()}
    )
    text = text_of(page.text)
    assert "Ребёнок подходит по правилам программы" in text and "Сертификат оплатит" in text
    sent = parent.apply(ours, group, START)
    assert sent.status_code == 303 and "sent=" in sent.headers["location"]
    (row,) = admin.list_applications(db_url, child_id=ours)
    assert (row["status"], row["group_id"], row["source"]) == ("new", group, "portal")
    cabinet = parent.cabinet()
    assert row["number"] in cabinet and "новая" in cabinet
    twice = parent.http.get(
        "/catalog/apply", params={"group": group, "child": ours, "start": START.isoformat()}
    )
    assert "Заявка в эту группу уже есть" in text_of(twice.text) and "Отправить заявку" not in text_of(
        twice.text
    )


def test_the_precheck_refuses_what_the_rulebook_refuses(portal, db_url, family):
    _ours, theirs = family  # a сертификат учёта on a certified programme
    group = open_group(db_url, "certified", BORN, START)
    parent = parent_client(portal.url)
    parent.login(code_for(db_url, theirs))
    page = text_of(
        parent.http.get(
            "/catalog/apply", params={"group": group, "child": theirs, "start": START.isoformat()}
        ).text
    )
    assert "Заявку нельзя отправить" in page and "Активировать сертификат ПФ" in page
    assert "Отправить заявку" not in page
    early = text_of(
        parent.http.get(
            "/catalog/apply", params={"group": group, "child": theirs, "start": "2020-01-01"}
        ).text
    )
    assert "прошлые месяцы закрыты" in early


def test_a_parent_never_reaches_another_family_s_child(portal, db_url, family):
    ours, theirs = family
    group = open_group(db_url, "general", BORN, START)
    parent = parent_client(portal.url)
    parent.login(code_for(db_url, ours))
    assert "Чужой" not in parent.cabinet()
    page = parent.http.get("/catalog/apply", params={"group": group, "child": theirs})
    assert page.status_code == 404 and "Чужой" not in page.text
    own = parent.http.get("/catalog/apply", params={"group": group, "child": ours})
    forged = parent.http.post(
        "/catalog/apply",
        data={"csrf": csrf_of(own.text), "group": group, "child": theirs, "start": START.isoformat()},
    )
    assert forged.status_code == 404 and "нет среди ваших детей" in text_of(forged.text)
    asked = parent.http.post(
        "/catalog/request", data={"csrf": csrf_of(own.text), "child": theirs, "kind": "activate"}
    )
    assert asked.status_code == 404
    assert admin.list_applications(db_url, child_id=theirs) == []
    engine = db.make_engine(db_url)
    assert parents.list_requests(engine) == []
    engine.dispose()


def test_a_post_without_its_csrf_token_changes_nothing(portal, db_url, family):
    ours, _ = family
    group = open_group(db_url, "general", BORN, START)
    parent = parent_client(portal.url)
    parent.login(code_for(db_url, ours))
    r = parent.http.post("/catalog/apply", data={"group": group, "child": ours, "start": START.isoformat()})
    assert r.status_code == 400 and "Форма устарела" in text_of(r.text)
    r = parent.http.post(
        "/catalog/apply", data={"csrf": "0" * 64, "group": group, "child": ours, "start": START.isoformat()}
    )
    assert r.status_code == 400
    form = parent.http.get("/catalog/apply", params={"group": group, "child": ours})
    undated = parent.http.post(
        "/catalog/apply", data={"csrf": csrf_of(form.text), "group": group, "child": ours}
    )
    assert undated.status_code == 400 and "Выберите ребёнка и дату начала занятий" in text_of(undated.text)
    assert admin.list_applications(db_url, child_id=ours) == []
    login = parent_client(portal.url).http.post("/catalog/login", data={"code": code_for(db_url, ours)})
    assert login.status_code == 400 and "pfdo_parent" not in login.headers.get("set-cookie", "")


def test_activate_the_certificate_under_the_quota(portal, db_url, family):
    _ours, theirs = family  # a сертификат учёта; the demo district's municipality has an open period
    parent = parent_client(portal.url)
    parent.login(code_for(db_url, theirs))
    page = parent.http.get("/catalog/parent")
    assert "Активировать сертификат ПФ" in text_of(page.text)
    r = parent.http.post(
        "/catalog/request", data={"csrf": csrf_of(page.text), "child": theirs, "kind": "activate"}
    )
    assert r.status_code == 303
    after = text_of(parent.http.get(r.headers["location"]).text)
    assert "переведён в статус ПФ" in after
    assert "Активировать сертификат ПФ</button" not in parent.http.get("/catalog/parent").text
    engine = db.make_engine(db_url)
    with engine.connect() as conn:
        status = conn.execute(
            select(db.certificates.c.status).where(db.certificates.c.child_id == theirs)
        ).scalar()
    (req,) = parents.list_requests(engine)
    engine.dispose()
    assert status == "pf"
    assert (req["child_id"], req["kind"], req["status"]) == (theirs, "activate", "activated")
    again = parent.http.post(
        "/catalog/request", data={"csrf": csrf_of(page.text), "child": theirs, "kind": "activate"}
    )
    assert again.status_code == 400 and "уже в статусе ПФ" in text_of(again.text)


def test_a_child_without_a_certificate_gets_one_of_accounting(portal, db_url):
    child, _ = admin.add_child(db_url, "Безсертификатов", "Лев", "Олегович", BORN, certificate_status=None)
    parent = parent_client(portal.url)
    parent.login(code_for(db_url, child))
    page = parent.http.get("/catalog/parent")
    assert "Сертификата нет" in text_of(page.text) and "Получить сертификат" in text_of(page.text)
    r = parent.http.post(
        "/catalog/request", data={"csrf": csrf_of(page.text), "child": child, "kind": "issue"}
    )
    assert r.status_code == 303
    after = text_of(parent.http.get(r.headers["location"]).text)
    number = re.search(r"Выдан сертификат учёта № (\d{10})", after).group(1)
    assert f"{number} учёт" in after and "Активировать сертификат ПФ" in after


def test_wrong_codes_are_limited_per_address(portal, db_url, family):
    ours, _ = family
    parent = parent_client(portal.url)
    answers = [parent.login(f"WRNG-{chr(65 + n)}XYZ").status_code for n in range(10)]
    assert answers == [400] * 10
    blocked = parent.login(code_for(db_url, ours))  # even a right code, once the address is over its limit
    assert blocked.status_code == 429 and "Слишком много неверных кодов" in text_of(blocked.text)
    assert "pfdo_parent" not in blocked.headers.get("set-cookie", "")


def test_a_group_of_an_unpublished_programme_takes_no_application(portal, db_url, family):
    ours, _ = family
    group = open_group(db_url, "general", BORN, START)
    parent = parent_client(portal.url)
    parent.login(code_for(db_url, ours))
    form = parent.http.get("/catalog/apply", params={"group": group, "child": ours})
    engine = db.make_engine(db_url)
    with engine.begin() as conn:
        program_id = conn.execute(select(db.groups.c.program_id).where(db.groups.c.id == group)).scalar_one()
        conn.execute(db.programs.update().where(db.programs.c.id == program_id).values(status="archived"))
    engine.dispose()
    assert parent.http.get("/catalog/apply", params={"group": group}).status_code == 404
    assert parent.http.get(f"/catalog/program/{program_id}").status_code == 404
    sent = parent.http.post("/catalog/apply", data={"csrf": csrf_of(form.text), "group": group, "child": ours,
                                                    "start": START.isoformat()})
    assert sent.status_code == 404 and "Группа не найдена" in text_of(sent.text)
    assert admin.list_applications(db_url, child_id=ours) == []
