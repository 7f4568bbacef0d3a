"""``lesson.state`` (issue 12): a lesson cancelled by the provider or moved, decided by the portal with
``domain.lessons.state_refusal``, pulled by every PC of the provider (own stream ``lesson_state``),
and the marks that follow from it (a moved-to date holds the lesson; a cancelled one takes none)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from portal_helpers import lesson_days, mark_op, member_cells

from pfdo_desktop.sync import protocol as p
from pfdo_portal import admin


def state_op(group_id: int, day: date, state: str, *, moved_to: date | None = None, reason: str = "",
             changed_at: datetime | None = None) -> dict[str, Any]:
    payload: dict[str, Any] = {"group_id": group_id, "lesson_date": day.isoformat(), "state": state,
                               "reason": reason,
                               "changed_at": (changed_at or datetime.now(UTC)).isoformat(),
                               "changed_by": "operator"}
    if moved_to is not None:
        payload["moved_to"] = moved_to.isoformat()
    return {"op_id": p.new_op_id(), "kind": p.OP_LESSON_STATE, "payload": payload}


def _states(pages: list[dict]) -> tuple[list[dict], list[dict]]:
    ups = [u for page in pages for u in page["changes"].get("lesson_state", {}).get("upserts", [])]
    dels = [d for page in pages for d in page["changes"].get("lesson_state", {}).get("deletes", [])]
    return ups, dels


def _group(db_url: str, group_id: int) -> dict:
    for provider in admin.list_providers(db_url):
        for group in admin.provider_groups(db_url, provider.id):
            if group["id"] == group_id:
                return group
    raise AssertionError(group_id)


def _free_day(db_url: str, group: dict, after: date) -> date:
    """A day of the group without a lesson by its schedule (inside its dates)."""
    lessons = set(lesson_days(db_url, group, after, after + timedelta(days=14)))
    day = after + timedelta(days=1)
    while day in lessons:
        day += timedelta(days=1)
    return day


def test_a_cancelled_lesson_reaches_the_other_pc_refuses_marks_and_comes_back(device, enrol, db_url):
    cell = member_cells(db_url, device.provider_id, 1)[0]
    g, d = cell.group_id, cell.lesson_date
    [res] = device.push_ok([state_op(g, d, "cancelled_by_provider", reason="болезнь педагога")])
    assert res["status"] == "applied", res
    other = enrol(device.provider_id)
    pages, cursor = other.pull_all("own")
    ups, _ = _states(pages)
    assert [(u["lesson_date"], u["state"], u["reason"]) for u in ups] == [
        (d.isoformat(), "cancelled_by_provider", "болезнь педагога")]
    assert pages[-1]["counts"]["lesson_state"] == 1

    [mark] = device.push_ok([mark_op(g, cell.child_id, d, 1)])
    assert (mark["status"], mark["code"]) == ("rejected", p.R_LESSON_CANCELLED)
    assert "не проведено по вине исполнителя" in mark["field_errors"]["lesson_date"]

    [back] = device.push_ok([state_op(g, d, "held")])
    assert back["status"] == "applied"
    pages, _ = other.pull_all("own", cursor)
    assert _states(pages) == ([], [{"group_id": g, "lesson_date": d.isoformat()}])
    assert device.push_ok([mark_op(g, cell.child_id, d, 1)])[0]["status"] == "applied"


def test_a_moved_lesson_is_marked_on_its_new_date_not_on_the_old_one(device, db_url):
    cell = member_cells(db_url, device.provider_id, 1)[0]
    g, d = cell.group_id, cell.lesson_date
    new_day = _free_day(db_url, _group(db_url, g), d)
    assert device.push_ok([mark_op(g, cell.child_id, new_day, 1)])[0]["code"] == p.R_NO_LESSON
    [res] = device.push_ok([state_op(g, d, "moved", moved_to=new_day)])
    assert res["status"] == "applied", res
    [on_new, on_old] = device.push_ok([mark_op(g, cell.child_id, new_day, 1),
                                       mark_op(g, cell.child_id, d, 1)])
    assert on_new["status"] == "applied"
    assert (on_old["status"], on_old["code"]) == ("rejected", p.R_LESSON_MOVED)
    # The moved lesson now has a mark on its new date: it cannot go back or be cancelled.
    [back] = device.push_ok([state_op(g, d, "held")])
    assert (back["status"], back["code"]) == ("rejected", p.R_LESSON_MARKED)
    assert back["server_record"]["state"] == "moved"
    assert back["server_record"]["moved_to"] == new_day.isoformat()


def test_the_rule_refuses_with_the_domain_s_codes(device, enrol, db_url):
    cell = member_cells(db_url, device.provider_id, 1)[0]
    g, d = cell.group_id, cell.lesson_date
    group = _group(db_url, g)
    other_lesson = next(x for x in lesson_days(db_url, group, d + timedelta(days=1), d + timedelta(days=21)))
    after_group = date.fromisoformat(group["date_to"]) + timedelta(days=3)
    results = device.push_ok([
        state_op(g, d, "cancelled_by_provider"),  # no reason
        state_op(g, _free_day(db_url, group, d), "cancelled_by_provider", reason="x"),  # no lesson
        state_op(g, d, "moved", moved_to=other_lesson),  # the new date has a lesson
        state_op(g, d, "moved", moved_to=after_group),
        state_op(g, d, "moved"),  # no date
        state_op(g, d, "held"),  # nothing to change
    ])
    assert [(r["status"], r["code"], list(r["field_errors"])) for r in results] == [
        ("rejected", p.R_INVALID, ["reason"]),
        ("rejected", p.R_NO_LESSON, ["lesson_date"]),
        ("rejected", p.R_MOVED_TO_TAKEN, ["moved_to"]),
        ("rejected", p.R_OUTSIDE_GROUP_DATES, ["moved_to"]),
        ("rejected", p.R_INVALID, ["moved_to"]),
        ("duplicate", None, []),
    ]
    # A lesson with marks cannot be cancelled.
    assert device.push_ok([mark_op(g, cell.child_id, d, 2)])[0]["status"] == "applied"
    [marked] = device.push_ok([state_op(g, d, "cancelled_by_provider", reason="карантин")])
    assert marked["code"] == p.R_LESSON_MARKED
    # Another provider's device may not touch the group.
    stranger = next(pr.id for pr in admin.list_providers(db_url) if pr.id != device.provider_id)
    [forbidden] = enrol(stranger).push_ok([state_op(g, d, "cancelled_by_provider", reason="x")])
    assert forbidden["code"] == p.R_FORBIDDEN and forbidden["server_record"]["state"] == "held"


def test_a_billed_month_refuses_a_state_change_and_the_later_edit_wins(device, db_url):
    first, second = member_cells(db_url, device.provider_id, 2)[:2]
    admin.lock_month(db_url, device.provider_id, first.lesson_date)
    [locked] = device.push_ok([state_op(first.group_id, first.lesson_date, "cancelled_by_provider",
                                        reason="болезнь педагога")])
    assert (locked["status"], locked["code"]) == ("rejected", p.R_MONTH_LOCKED)
    assert "закрыт для оплаты" in locked["field_errors"]["lesson_date"]
    admin.unlock_month(db_url, device.provider_id, first.lesson_date)

    g, d = second.group_id, second.lesson_date
    now = datetime.now(UTC)
    later = state_op(g, d, "cancelled_by_provider", reason="ремонт", changed_at=now)
    earlier = state_op(g, d, "held", changed_at=now - timedelta(minutes=5))
    [a, b] = device.push_ok([later, earlier])
    assert a["status"] == "applied"
    assert b["status"] == "conflict" and b["server_record"]["reason"] == "ремонт"
