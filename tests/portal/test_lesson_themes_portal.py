"""``lesson.theme`` (issue 16): a lesson's theme (КТП) decided by the portal with
``domain.lesson_themes.theme_refusal``, pulled by every PC of the provider (own stream
``lesson_theme``); only the provider's own groups, the later edit wins."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from portal_helpers import lesson_days, member_cells

from pfdo_desktop.sync import protocol as p
from pfdo_portal import admin


def theme_op(group_id: int, day: date, theme: str, *, changed_at: datetime | None = None) -> dict[str, Any]:
    return {"op_id": p.new_op_id(), "kind": p.OP_LESSON_THEME,
            "payload": {"group_id": group_id, "lesson_date": day.isoformat(), "theme": theme,
                        "changed_at": (changed_at or datetime.now(UTC)).isoformat(),
                        "changed_by": "operator"}}


def _themes(pages: list[dict]) -> tuple[list[dict], list[dict]]:
    ups = [u for page in pages for u in page["changes"].get("lesson_theme", {}).get("upserts", [])]
    dels = [d for page in pages for d in page["changes"].get("lesson_theme", {}).get("deletes", [])]
    return ups, dels


def _group(db_url: str, group_id: int) -> dict:
    for provider in admin.list_providers(db_url):
        for group in admin.provider_groups(db_url, provider.id):
            if group["id"] == group_id:
                return group
    raise AssertionError(group_id)


def test_a_theme_reaches_the_other_pc_and_its_clearing_too(device, enrol, db_url):
    cell = member_cells(db_url, device.provider_id, 1)[0]
    g, d = cell.group_id, cell.lesson_date
    [res] = device.push_ok([theme_op(g, d, "  Введение в робототехнику. Техника безопасности  ")])
    assert res["status"] == "applied", res
    other = enrol(device.provider_id)
    pages, cursor = other.pull_all("own")
    ups, _ = _themes(pages)
    assert [(u["group_id"], u["lesson_date"], u["theme"], u["changed_by"]) for u in ups] == [
        (g, d.isoformat(), "Введение в робототехнику. Техника безопасности", "operator")]
    assert pages[-1]["counts"]["lesson_theme"] == 1
    # The same theme again changes nothing.
    assert device.push_ok([theme_op(g, d, "Введение в робототехнику. Техника безопасности")])[0][
        "status"] == "duplicate"

    [cleared] = device.push_ok([theme_op(g, d, "")])
    assert cleared["status"] == "applied"
    pages, _ = other.pull_all("own", cursor)
    assert _themes(pages) == ([], [{"group_id": g, "lesson_date": d.isoformat()}])
    assert pages[-1]["counts"]["lesson_theme"] == 0


def test_the_rule_refuses_with_the_domain_s_codes_and_another_provider_is_forbidden(device, enrol, db_url):
    cell = member_cells(db_url, device.provider_id, 1)[0]
    g, d = cell.group_id, cell.lesson_date
    group = _group(db_url, g)
    lessons = set(lesson_days(db_url, group, d, d + timedelta(days=14)))
    free = next(d + timedelta(days=n) for n in range(1, 15) if d + timedelta(days=n) not in lessons)
    after_group = date.fromisoformat(group["date_to"]) + timedelta(days=3)
    results = device.push_ok([
        theme_op(g, free, "Повторение"),
        theme_op(g, after_group, "Повторение"),
        theme_op(g, d, "т" * 501),
    ])
    assert [(r["status"], r["code"], list(r["field_errors"])) for r in results] == [
        ("rejected", p.R_NO_LESSON, ["lesson_date"]),
        ("rejected", p.R_OUTSIDE_GROUP_DATES, ["lesson_date"]),
        ("rejected", p.R_INVALID, ["theme"]),
    ]
    assert "нет занятия" in results[0]["field_errors"]["lesson_date"]
    assert device.push_ok([theme_op(g, d, "Сборка первой модели")])[0]["status"] == "applied"
    # Another provider's device may not set (or learn) the group's theme.
    stranger = next(pr.id for pr in admin.list_providers(db_url) if pr.id != device.provider_id)
    [forbidden] = enrol(stranger).push_ok([theme_op(g, d, "Чужая тема")])
    assert forbidden["status"] == "rejected" and forbidden["code"] == p.R_FORBIDDEN
    assert forbidden["server_record"]["theme"] == ""
    pages, _ = enrol(device.provider_id).pull_all("own")
    assert [u["theme"] for u in _themes(pages)[0]] == ["Сборка первой модели"]


def test_the_later_edit_wins_and_a_billed_month_does_not_lock_a_theme(device, db_url):
    cell = member_cells(db_url, device.provider_id, 1)[0]
    g, d = cell.group_id, cell.lesson_date
    admin.lock_month(db_url, device.provider_id, d)
    now = datetime.now(UTC)
    later = theme_op(g, d, "Сборка шасси", changed_at=now)
    earlier = theme_op(g, d, "Сборка корпуса", changed_at=now - timedelta(minutes=5))
    [a, b] = device.push_ok([later, earlier])
    assert a["status"] == "applied"
    assert b["status"] == "conflict" and b["server_record"]["theme"] == "Сборка шасси"
