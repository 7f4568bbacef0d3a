"""POST /push: attendance ops, idempotency, conflicts, rejections, transport details."""

from __future__ import annotations

import gzip
import json
import uuid
from datetime import UTC, date, datetime, timedelta

import httpx
import pytest
from portal_helpers import client_headers, mark_op, member_cells

from pfdo_desktop.sync import protocol as p
from pfdo_portal import admin
from pfdo_portal.app import PortalSettings
from pfdo_portal.embedded import EmbeddedPortal


def _results(device, ops):
    return device.push_ok(ops)


def test_a_mark_is_applied_stored_once_and_reaches_the_other_pc(device, enrol, db_url):
    cell = member_cells(db_url, device.provider_id, 1)[0]
    before = admin.count_marks(db_url, device.provider_id)
    [res] = _results(device, [mark_op(cell.group_id, cell.child_id, cell.lesson_date, 1)])
    assert res["status"] == "applied"
    assert admin.count_marks(db_url, device.provider_id) == before + 1
    assert admin.get_mark(db_url, cell.group_id, cell.child_id, cell.lesson_date)["code"] == 1

    other_pc = enrol(device.provider_id)
    pages, _ = other_pc.pull_all("own")
    marks = [m for page in pages for m in page["changes"].get("mark", {}).get("upserts", [])]
    mine = [
        m
        for m in marks
        if (m["group_id"], m["child_id"], m["lesson_date"])
        == (cell.group_id, cell.child_id, cell.lesson_date.isoformat())
    ]
    assert len(mine) == 1 and mine[0]["code"] == 1 and mine[0]["changed_by"] == "operator"


def test_replaying_an_op_returns_the_stored_result_and_changes_nothing(device, db_url):
    cell = member_cells(db_url, device.provider_id, 1)[0]
    op = mark_op(cell.group_id, cell.child_id, cell.lesson_date, 3)
    first = _results(device, [op])
    count = admin.count_marks(db_url)
    audit = admin.mark_audit(db_url, cell.group_id, cell.child_id, cell.lesson_date)
    # The answer was "lost": the same batch goes again, twice.
    assert _results(device, [op]) == first
    assert _results(device, [op, op]) == first + first
    assert admin.count_marks(db_url) == count
    assert admin.mark_audit(db_url, cell.group_id, cell.child_id, cell.lesson_date) == audit
    assert len(audit) == 1 and audit[0]["new_code"] == 3 and audit[0]["device_id"] == device.device_id


def test_same_value_is_duplicate_and_clear_of_an_empty_cell_too(device, db_url):
    cell = member_cells(db_url, device.provider_id, 1)[0]
    g, c, d = cell.group_id, cell.child_id, cell.lesson_date
    statuses = [
        r["status"]
        for r in _results(
            device,
            [
                mark_op(g, c, d, None),  # nothing there yet
                mark_op(g, c, d, 2),
                mark_op(g, c, d, 2),
                mark_op(g, c, d, None),
                mark_op(g, c, d, None),
            ],
        )
    ]
    assert statuses == ["duplicate", "applied", "duplicate", "applied", "duplicate"]
    assert admin.get_mark(db_url, g, c, d) is None


def test_a_clear_that_carries_a_code_still_empties_the_cell(device, db_url):
    """Each kind is read with its own model: ``mark.clear`` has no code, one sent along is not read."""
    cell = member_cells(db_url, device.provider_id, 1)[0]
    g, c, d = cell.group_id, cell.child_id, cell.lesson_date
    at = datetime.now(UTC)
    clear = mark_op(g, c, d, None, changed_at=at + timedelta(minutes=1))
    clear["payload"]["code"] = 3
    assert [r["status"] for r in _results(device, [mark_op(g, c, d, 2, changed_at=at), clear])] == [
        "applied", "applied"]
    assert admin.get_mark(db_url, g, c, d) is None


def test_later_edit_wins_and_the_loser_is_audited(device, enrol, db_url):
    cell = member_cells(db_url, device.provider_id, 1)[0]
    g, c, d = cell.group_id, cell.child_id, cell.lesson_date
    second_pc = enrol(device.provider_id)
    t0 = datetime(2025, 12, 10, 9, 0, tzinfo=UTC)
    # PC 2 edits later (10:00) but its push arrives first; PC 1's 09:00 edit arrives afterwards.
    assert (
        second_pc.push_ok([mark_op(g, c, d, 3, changed_at=t0 + timedelta(hours=1), changed_by="teacher2")])[
            0
        ]["status"]
        == "applied"
    )
    [res] = device.push_ok([mark_op(g, c, d, 1, changed_at=t0, changed_by="teacher1")])
    assert res["status"] == "conflict"
    assert res["server_record"] == {
        "group_id": g,
        "child_id": c,
        "lesson_date": d.isoformat(),
        "code": 3,
        "changed_at": "2025-12-10T10:00:00.000000Z",
        "changed_by": "teacher2",
    }
    assert admin.get_mark(db_url, g, c, d)["code"] == 3
    audit = admin.mark_audit(db_url, g, c, d)
    assert [(a["old_code"], a["new_code"], a["outcome"], a["changed_by"]) for a in audit] == [
        (None, 3, "applied", "teacher2"),
        (3, 1, "lost", "teacher1"),
    ]
    # An even later edit from PC 1 overwrites; the old value stays in the audit trail.
    [res] = device.push_ok([mark_op(g, c, d, 4, changed_at=t0 + timedelta(hours=2))])
    assert res["status"] == "applied"
    assert admin.mark_audit(db_url, g, c, d)[-1]["old_code"] == 3
    # A clear made before the stored edit loses too.
    [res] = device.push_ok([mark_op(g, c, d, None, changed_at=t0)])
    assert res["status"] == "conflict" and res["server_record"]["code"] == 4


def test_every_rejection_code(device, seeded, db_url):
    cell = member_cells(db_url, device.provider_id, 1)[0]
    g, c = cell.group_id, cell.child_id
    foreign = member_cells(db_url, 2, 1)[0]
    groups = admin.provider_groups(db_url, device.provider_id)
    group = next(x for x in groups if x["id"] == g)
    outsider = next(
        m["child_id"]
        for x in groups
        for m in x["members"]
        if m["child_id"] not in {mm["child_id"] for mm in group["members"]}
    )
    admin.lock_month(db_url, device.provider_id, date(2025, 10, 1))
    bad_code = mark_op(g, c, cell.lesson_date, 1)
    bad_code["payload"]["code"] = 7
    no_child = mark_op(g, c, cell.lesson_date, 1)
    del no_child["payload"]["child_id"]
    odd_kind = mark_op(g, c, cell.lesson_date, 1)
    odd_kind["kind"] = "lesson.hours"
    no_code = mark_op(g, c, cell.lesson_date, 1)  # read with mark.set's own model: a code is required
    del no_code["payload"]["code"]
    ops = [
        mark_op(foreign.group_id, foreign.child_id, foreign.lesson_date, 1),
        mark_op(999_999, c, cell.lesson_date, 1),
        mark_op(g, c, date(2026, 6, 15), 1),
        mark_op(g, outsider, cell.lesson_date, 1),
        mark_op(g, c, date(2025, 10, 6), 1),
        bad_code,
        no_child,
        odd_kind,
        no_code,
    ]
    results = device.push_ok(ops)
    assert [(r["status"], r["code"]) for r in results] == [
        ("rejected", "forbidden"),
        ("rejected", "unknown_group"),
        ("rejected", "outside_group_dates"),
        ("rejected", "not_member"),
        ("rejected", "month_locked"),
        ("rejected", "invalid"),
        ("rejected", "invalid"),
        ("rejected", "unknown_kind"),
        ("rejected", "invalid"),
    ]
    assert [r["op_id"] for r in results] == [o["op_id"] for o in ops]
    assert results[8]["field_errors"] == {"code": "обязательное поле не заполнено"}
    assert all(r["message"] for r in results)
    assert results[0]["message"].startswith(p.REJECTION_TEXT_RU["forbidden"])
    assert "code" in results[5]["field_errors"]
    assert results[6]["field_errors"] == {"child_id": "обязательное поле не заполнено"}
    assert admin.get_mark(db_url, foreign.group_id, foreign.child_id, foreign.lesson_date) is None


def test_a_bad_op_does_not_sink_the_batch(device, db_url):
    cells = member_cells(db_url, device.provider_id, 3)
    ops = [mark_op(x.group_id, x.child_id, x.lesson_date, 1) for x in cells]
    ops.insert(1, mark_op(999_999, 1, cells[0].lesson_date, 1))
    assert [r["status"] for r in device.push_ok(ops)] == [
        "applied",
        "rejected",
        "applied",
        "applied",
    ]
    for x in cells:
        assert admin.get_mark(db_url, x.group_id, x.child_id, x.lesson_date)["code"] == 1


def test_gzip_request_body_is_accepted_and_garbage_is_400(device, db_url):
    cell = member_cells(db_url, device.provider_id, 1)[0]
    before = admin.count_marks(db_url, device.provider_id)
    body = json.dumps(
        {
            "device_id": device.device_id,
            "batch_id": "b1",
            "ops": [mark_op(cell.group_id, cell.child_id, cell.lesson_date, 2)],
        }
    ).encode()
    r = device.http.post(
        "/push",
        content=gzip.compress(body),
        headers={"Content-Encoding": "gzip", "Content-Type": "application/json"},
    )
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "applied"
    for content, headers in [
        (b"\x1f\x8b\x08garbage", {"Content-Encoding": "gzip"}),
        (gzip.compress(body)[:-10], {"Content-Encoding": "gzip"}),
        (b"{not json", {}),
        (json.dumps({"device_id": device.device_id}).encode(), {}),
    ]:
        r = device.http.post(
            "/push", content=content, headers={"Content-Type": "application/json", **headers}
        )
        assert r.status_code == 400, content
        assert r.json()["code"] == "bad_request"
    assert admin.count_marks(db_url, device.provider_id) == before + 1


def test_a_batch_over_the_limit_is_413(device, db_url):
    cell = member_cells(db_url, device.provider_id, 1)[0]
    ops = [mark_op(cell.group_id, cell.child_id, cell.lesson_date, 1) for _ in range(p.MAX_OPS_PER_PUSH + 1)]
    r = device.push(ops)
    assert r.status_code == 413 and r.json()["code"] == "too_many_ops"  # issue 10 §5
    assert admin.get_mark(db_url, cell.group_id, cell.child_id, cell.lesson_date) is None


def test_push_signed_by_another_device_id_is_forbidden(device, db_url):
    r = device.http.post("/push", json={"device_id": str(uuid.uuid4()), "batch_id": "b", "ops": []})
    assert r.status_code == 403 and r.json()["code"] == "forbidden"


def test_rate_limit_answers_429_with_retry_after(seeded, db_url):
    settings = PortalSettings(rate_limit_per_minute=3)
    with EmbeddedPortal(db_url, settings=settings) as portal:
        code = admin.issue_code(db_url, 1)
        with httpx.Client(base_url=portal.url + p.API_PREFIX, headers=client_headers()) as c:
            token = c.post(
                "/device/enrol", json={"code": code, "db_uuid": "d" * 16, "app_version": "0.1.0"}
            ).json()["token"]
            c.headers.update(client_headers(token))
            statuses = [c.get("/info").status_code for _ in range(4)]
            assert statuses == [200, 200, 200, 429]
            r = c.get("/info")
            assert r.status_code == 429 and r.json()["code"] == "rate_limited"
            assert 1 <= int(r.headers["Retry-After"]) <= 60


def test_responses_are_gzipped_when_asked(device):
    r = device.pull("master", headers={"Accept-Encoding": "gzip"})
    assert r.status_code == 200
    assert r.headers.get("content-encoding") == "gzip"
    assert r.json()["stream"] == "master"


@pytest.mark.parametrize("code", [1, 2, 3, 4])
def test_all_four_codes_are_accepted(device, db_url, code):
    cell = member_cells(db_url, device.provider_id, 1)[0]
    assert (
        device.push_ok([mark_op(cell.group_id, cell.child_id, cell.lesson_date, code)])[0]["status"]
        == "applied"
    )
    assert admin.get_mark(db_url, cell.group_id, cell.child_id, cell.lesson_date)["code"] == code


@pytest.mark.parametrize("ahead", [timedelta(minutes=2), timedelta(days=365)])
def test_a_mark_is_never_dated_after_the_portal_received_it(device, enrol, db_url, ahead):
    """Issue 10 §6: no «+ 5 minutes» window — an edit dated ahead is kept at the moment the portal
    received it, so a real edit made after that moment beats it."""
    cell = member_cells(db_url, device.provider_id, 1)[0]
    g, c, d = cell.group_id, cell.child_id, cell.lesson_date
    [res] = device.push_ok([mark_op(g, c, d, 2, changed_at=datetime.now(UTC) + ahead,
                                    changed_by="fast-clock")])
    answered = datetime.now(UTC)
    assert res["status"] == "applied"
    stored_at = datetime.fromisoformat(admin.get_mark(db_url, g, c, d)["changed_at"].replace("Z", "+00:00"))
    [audit] = admin.mark_audit(db_url, g, c, d)
    received = datetime.fromisoformat(str(audit["recorded_at"]).replace("Z", "+00:00"))
    received = received if received.tzinfo else received.replace(tzinfo=UTC)
    assert stored_at == received <= answered  # the receive time, never later
    later = answered + timedelta(milliseconds=1)
    [res] = enrol(device.provider_id).push_ok([mark_op(g, c, d, 3, changed_at=later)])
    assert res["status"] == "applied"  # a real later edit wins
    assert admin.get_mark(db_url, g, c, d)["code"] == 3


def test_a_refusal_carries_the_portals_value_of_the_cell(device, db_url):
    cell = member_cells(db_url, device.provider_id, 1)[0]
    g, c, d = cell.group_id, cell.child_id, cell.lesson_date
    device.push_ok([mark_op(g, c, d, 1)])
    admin.lock_month(db_url, device.provider_id, d.replace(day=1))
    [res] = device.push_ok([mark_op(g, c, d, 2)])
    assert (res["status"], res["code"]) == ("rejected", "month_locked")
    assert res["server_record"]["code"] == 1  # the billed value, which the PC shows again
    [res] = device.push_ok([mark_op(g, c, d.replace(year=d.year + 5), 2)])
    assert res["code"] == "outside_group_dates" and res["server_record"]["code"] is None
