"""`pfdo-portal` commands and the embedded portal."""

from __future__ import annotations

import asyncio
import re
import uuid

import httpx
import pytest
from portal_helpers import client_headers, mark_op, member_cells

from pfdo_desktop.sync import protocol as p
from pfdo_portal import admin
from pfdo_portal.app import create_app
from pfdo_portal.cli import main
from pfdo_portal.embedded import EmbeddedPortal


def test_seed_and_list_providers_on_a_plain_file_path(tmp_path, capsys):
    path = tmp_path / "district.db"
    assert main(["seed-demo", "--db", str(path)]) == 0
    assert "Организаций: 5" in capsys.readouterr().out
    assert main(["providers", "--db", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5
    assert re.fullmatch(r"1\tМуниципальное автономное общеобразовательное учреждение .+", lines[0])


def test_issue_code_prints_only_the_code_and_the_pc_enrols_with_it(db_url, portal, capsys):
    assert main(["issue-code", "--db", db_url, "--provider", "3"]) == 0
    code = capsys.readouterr().out.strip()
    assert re.fullmatch(r"[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}", code)
    with httpx.Client(base_url=portal.url + p.API_PREFIX, headers=client_headers()) as c:
        r = c.post(
            "/device/enrol",
            json={"code": code, "db_uuid": uuid.uuid4().hex, "app_version": "0.1.0"},
        )
    assert r.json()["provider_id"] == 3
    assert main(["devices", "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert r.json()["device_id"] in out and "активен" in out and r.json()["token"] not in out
    assert main(["revoke-device", "--db", db_url, "--device", r.json()["device_id"]]) == 0
    capsys.readouterr()
    main(["devices", "--db", db_url])
    assert "отозван" in capsys.readouterr().out


def test_lock_month_and_reset_cursors_commands(device, db_url, capsys):
    cell = member_cells(db_url, device.provider_id, 1)[0]
    assert (
        main(
            [
                "lock-month",
                "--db",
                db_url,
                "--provider",
                str(device.provider_id),
                "--month",
                "2025-12",
            ]
        )
        == 0
    )
    assert (
        device.push_ok([mark_op(cell.group_id, cell.child_id, cell.lesson_date, 1)])[0]["code"]
        == "month_locked"
    )
    _, cursor = device.pull_all("own")
    assert main(["reset-cursors", "--db", db_url]) == 0
    assert device.pull("own", cursor).status_code == 410


@pytest.mark.parametrize(
    "argv",
    [
        ["issue-code", "--db", "{db}", "--provider", "99"],
        ["issue-code", "--db", "{db}", "--provider", "abc"],
        ["lock-month", "--db", "{db}", "--provider", "1", "--month", "декабрь"],
        ["revoke-device", "--db", "{db}", "--device", "no-such-pc"],
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_code_2(db_url, capsys, argv):
    assert main([a.replace("{db}", db_url) for a in argv]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1 and "Traceback" not in captured.err
    assert captured.err.startswith("pfdo-portal: ошибка")


@pytest.mark.parametrize("argv", [["frobnicate"], []])
def test_an_unknown_or_missing_command_is_the_usage_and_one_line(capsys, argv):
    """The usage line first, so the operator sees how to call it (review item 10)."""
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err
    usage, message = captured.err.strip().splitlines()
    assert usage.startswith("Использование: pfdo-portal") and message.startswith("pfdo-portal: ошибка")


def test_embedded_portal_stops_and_restarts_on_the_same_port(db_url):
    portal = EmbeddedPortal(db_url).start()
    try:
        url = portal.url
        assert httpx.get(url + p.API_PREFIX + "/info", headers=client_headers()).status_code == 200
        portal.stop()
        with pytest.raises(httpx.ConnectError):
            httpx.get(url + p.API_PREFIX + "/info", headers=client_headers(), timeout=2)
        portal.start()
        assert portal.url == url
        assert httpx.get(url + p.API_PREFIX + "/info", headers=client_headers()).status_code == 200
    finally:
        portal.stop()


def test_the_app_works_in_process_through_asgi(db_url):
    app = create_app(db_url)
    code = admin.issue_code(db_url, 1)

    async def scenario() -> tuple[int, dict]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://portal" + p.API_PREFIX, headers=client_headers()
        ) as c:
            token = (
                await c.post("/device/enrol", json={"code": code, "db_uuid": "a" * 16, "app_version": "0.1"})
            ).json()["token"]
            c.headers["Authorization"] = f"Bearer {token}"
            r = await c.get("/pull", params={"stream": "master", "limit": 5})
            return r.status_code, r.json()

    try:
        status, page = asyncio.run(scenario())
    finally:
        app.state.engine.dispose()
    assert status == 200 and page["has_more"] is True and page["changes"]["provider"]["upserts"][0]["id"] == 1
