"""The emulator's own quirks, spoken to in raw HTTP as a school's script would (docs/navigator.md)."""

from __future__ import annotations

import json
from datetime import date

import httpx
import pytest

from pfdo_portal.cli import main as portal_cli


def _login(navigator, account: int = 0) -> httpx.Client:
    client = httpx.Client(base_url=navigator.url)
    body = client.post("/api/user/login", json={"email": navigator.accounts[account].email,
                                                "password": navigator.accounts[account].password}).json()
    assert body["success"] is True and body["err_code"] == 0
    client.headers["Authorization"] = f"Bearer {body['data']['access_token']}"
    return client


def _ext(**values) -> str:
    return json.dumps([{"property": k, "value": v} for k, v in values.items()])


def _members(client: httpx.Client, group: dict, length: int, start: int = 0) -> dict:
    year = group["year"]
    return client.get("/api/attendance/members/get", params={
        "page": 1, "start": start, "length": length,
        "extFilters": _ext(group_id=str(group["id"]), academic_year_id=year,
                           dateStart=f"{year}-10-01 00:00:00", dateEnd=f"{year}-10-31 23:59:59")}).json()


def test_refusals_come_in_the_envelope(navigator):
    raw = httpx.Client(base_url=navigator.url)
    wrong = raw.post("/api/user/login", json={"email": navigator.accounts[0].email, "password": "x"})
    assert wrong.status_code == 200
    assert wrong.json() == {"data": None, "err_code": 1, "success": False,
                            "errors": [{"msg": "Неверный логин или пароль"}]}
    anonymous = raw.get("/api/rest/eventGroups")
    assert anonymous.status_code == 401 and anonymous.json()["errors"][0]["msg"] == "Требуется авторизация"
    client = _login(navigator)
    navigator.control.expire_access_tokens()
    expired = client.get("/api/rest/eventGroups")
    assert expired.status_code == 401 and expired.json()["errors"][0]["msg"] == "Срок действия токена истёк"


def test_day_fields_only_with_25_rows_and_pages_of_at_most_500(navigator):
    client = _login(navigator)
    groups = client.get("/api/rest/eventGroups", params={"format": "attendance", "length": 500}).json()
    group = groups["data"][0]
    navigator.control.add_kids(group["id"], 520)
    by_25 = _members(client, group, 25)
    by_50 = _members(client, group, 50)
    by_600 = _members(client, group, 600)
    assert by_25["recordsFiltered"] == by_50["recordsFiltered"] == by_600["recordsFiltered"] > 520
    assert len(by_25["data"]) == 25 and all(any(k.startswith("a20") for k in r) for r in by_25["data"])
    assert len(by_50["data"]) == 50 and not any(k.startswith("a20") for r in by_50["data"] for k in r)
    assert len(by_600["data"]) == 500
    assert _members(client, group, 25, start=25)["data"][0]["id"] == by_50["data"][25]["id"]


def test_an_application_is_approved_then_enrolled_and_joins_the_journal(navigator):
    client = _login(navigator)
    year = date.today().year if date.today().month >= 9 else date.today().year - 1
    orders = client.get("/api/rest/order", params={"length": 500, "extFilters": json.dumps([
        {"property": "fact_academic_year_id", "value": str(year), "comparison": "eq"},
        {"property": "state", "value": ["initial"], "comparison": "in"}])}).json()["data"]
    first, second = orders[0], orders[1]
    too_early = client.post("/api/studyRequest", json={"data": {"id": str(first["id"])}}).json()
    assert too_early["errors"][0]["msg"] == "Заявку в статусе «Черновик» нельзя зачислить"
    assert client.post("/api/approveRequest", json={"data": {"id": str(first["id"]), "comment": "",
                                                             "entry_exams": False, "send_to_rpgu": False}}
                       ).json() == {"data": [], "err_code": 0, "success": True}
    start = date.today().replace(day=1)
    enrolled = client.post("/api/studyRequest", json={"data": {
        "id": str(first["id"]), "date_signing": start.isoformat(), "date_start": start.isoformat(),
        "decree_number": "15-о", "financing_source": "1", "comment": ""}}).json()
    assert enrolled["success"] is True
    group = {"id": first["group_id"], "year": first["academic_year_id"]}
    rows = client.get("/api/attendance/members/get", params={"length": 500, "extFilters": _ext(
        group_id=str(group["id"]), academic_year_id=group["year"], dateStart=f"{start} 00:00:00",
        dateEnd=f"{start.replace(day=28)} 23:59:59")}).json()["data"]
    assert first["kid_id"] in {r["kid_id"] for r in rows}

    reasons = client.get("/api/getDictionary/navOrderCancelReason").json()["data"]
    assert {"id", "name", "comment"} <= set(reasons[0])
    unknown = client.post("/api/cancelRequest", json={"data": {
        "id": str(second["id"]), "reasons": [{"id": 999, "comment": ""}]}}).json()
    assert unknown["errors"][0]["msg"] == "Неизвестная причина отмены"
    cancelled = client.post("/api/cancelRequest", json={"data": {
        "id": str(second["id"]),
        "reasons": [{"id": reasons[0]["id"], "comment": "родители передумали"}]}}).json()
    assert cancelled["success"] is True
    again = client.post("/api/cancelRequest", json={"data": {"id": str(first["id"]),
                                                             "reasons": [{"id": 1, "comment": ""}]}}).json()
    assert again["errors"][0]["msg"] == "Заявку в статусе «Зачислен» нельзя отменить"


def test_a_lesson_theme_is_upserted_and_read_by_month(navigator):
    client = _login(navigator)
    group = client.get("/api/rest/eventGroups", params={"format": "attendance"}).json()["data"][0]
    month = f"{group['year']}-10"
    lesson = client.get("/api/event-group-lessons/get", params={"group_id": group["id"], "month": month}
                        ).json()["data"][0]
    bad = client.post("/api/event-group-lessons/upsert", json={"data": {
        "date": lesson["date"], "group_id": str(group["id"]), "theme": "Датчики", "types": ["1"],
        "description": ""}}).json()
    assert bad["errors"][0]["msg"] == "Неизвестный тип занятия"
    saved = client.post("/api/event-group-lessons/upsert", json={"data": {
        "date": lesson["date"], "group_id": str(group["id"]), "theme": "Датчики освещённости",
        "types": ["9732"], "description": "практика"}}).json()
    assert saved["data"]["id"] == lesson["id"]
    again = client.get("/api/event-group-lessons/get", params={"group_id": group["id"], "month": month}
                       ).json()["data"][0]
    assert again["theme"] == "Датчики освещённости"
    assert (again["types"], again["date"]) == (["9732"], lesson["date"])


def test_a_child_is_found_by_part_of_the_name_in_any_case(navigator):
    client = _login(navigator)
    order = client.get("/api/rest/order", params={"length": 1}).json()["data"][0]
    surname = order["kid_fio"].split()[0]
    found = client.get("/api/rest/safe/kid", params={"special": 1, "length": 500, "extFilters": json.dumps(
        [{"property": "fio", "value": surname.upper(), "comparison": "manual"}])}).json()
    assert order["kid_id"] in {k["id"] for k in found["data"]}
    assert all(surname.casefold() in k["fio"].casefold() for k in found["data"])
    short = client.get("/api/rest/safe/kid",
                       params={"extFilters": json.dumps([{"property": "fio", "value": "ов"}])})
    assert short.json()["errors"][0]["msg"] == "Укажите ФИО ребёнка (не меньше 3 букв)"


def test_the_command_refuses_an_empty_database_and_a_negative_delay(tmp_path, capsys):
    assert portal_cli(["navigator-emulator", "--db", str(tmp_path / "nav.db")]) == 2
    assert "база эмулятора пуста" in capsys.readouterr().err
    assert portal_cli(["navigator-emulator", "--db", str(tmp_path / "nav.db"), "--delay", "-1"]) == 2
    assert "не меньше нуля" in capsys.readouterr().err


@pytest.mark.parametrize("path", ["/api/rest/eventGroups/0", "/api/rest/eventGroups/abc"])
def test_an_unknown_group_is_not_found(navigator, path):
    body = _login(navigator).get(path)
    assert body.json()["success"] is False and body.status_code in (200, 404)
