"""«Тема занятия» (КТП, issue 16) on the PC: a theme is written on the lesson with its outbox op in one
transaction (a second edit before the sync replaces the queued op), a day that is not a lesson of
the group is refused with the rule's code and a Russian message, and a pulled theme lands on the
lesson — also on one the PC has no row for yet — unless the PC's own edit still waits."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import delete, select

from pfdo_desktop.domain.attendance import lesson_id
from pfdo_desktop.domain.clock import Anchor, ClockReading
from pfdo_desktop.models import Device, Lesson, OutboxOp
from pfdo_desktop.models.clock import store_anchor
from pfdo_desktop.services.errors import ValidationError
from pfdo_desktop.services.lesson_themes import theme_history
from pfdo_desktop.services.outbox import redate_pending
from pfdo_desktop.sync import protocol as p
from pfdo_desktop.sync.pull import _apply_own


def _queued(ws) -> list[tuple[str, str, dict]]:
    with ws.db.read() as s:
        ops = s.scalars(select(OutboxOp).order_by(OutboxOp.id))
        return [(op.kind, op.entity_key, op.payload) for op in ops]


def _lesson_theme(ws, group_id: int, day: date) -> str | None:
    with ws.db.read() as s:
        lesson = s.get(Lesson, lesson_id(group_id, day))
        return None if lesson is None else lesson.theme


def _group_and_lessons(ws):
    today = date.today()
    for group in ws.groups():
        days = [c.lesson_date for c in ws.journal(group.id, today, today + timedelta(days=28)).lessons]
        if len(days) >= 2:
            return group, days
    raise AssertionError("no group with lessons ahead")


def test_a_theme_is_saved_with_one_op_a_second_edit_replaces_it_and_a_clear_is_sent_too(enrolled_workspace):
    ws = enrolled_workspace
    group, days = _group_and_lessons(ws)
    day = days[0]
    assert _queued(ws) == []
    assert ws.set_lesson_theme(group.id, day, "  Введение. Техника безопасности ")
    assert _lesson_theme(ws, group.id, day) == "Введение. Техника безопасности"
    [(kind, key, payload)] = _queued(ws)
    assert (kind, key) == (p.OP_LESSON_THEME, "theme:" + lesson_id(group.id, day))
    sent = p.read_payload(kind, payload)
    assert isinstance(sent, p.LessonThemePayload)
    assert (sent.group_id, sent.lesson_date, sent.theme) == (group.id, day, "Введение. Техника безопасности")

    assert not ws.set_lesson_theme(group.id, day, "Введение. Техника безопасности"), "nothing changes"
    assert ws.set_lesson_theme(group.id, day, "Введение в робототехнику")
    [(_, _, payload)] = _queued(ws)  # the same op, its payload replaced
    assert payload["theme"] == "Введение в робототехнику"
    assert ws.set_lesson_theme(group.id, day, "")
    [(_, _, payload)] = _queued(ws)
    assert payload["theme"] == "" and _lesson_theme(ws, group.id, day) == ""
    # Each edit is audited: old → new, who, when, why.
    history = theme_history(ws.db, group.id, day)
    assert [(h.old_theme, h.new_theme, h.reason) for h in history] == [
        ("", "Введение. Техника безопасности", "edit"),
        ("Введение. Техника безопасности", "Введение в робототехнику", "edit"),
        ("Введение в робототехнику", "", "edit")]
    assert all(h.changed_at is not None and h.changed_by for h in history)
    # The journal's column shows what is set (its header tooltip reads it).
    assert ws.set_lesson_theme(group.id, days[1], "Сборка первой модели")
    [column] = [c for c in ws.journal(group.id, days[1], days[1]).lessons]
    assert column.theme == "Сборка первой модели"


def _free_day(days: list[date]) -> date:
    day = days[0] + timedelta(days=1)
    while day in days:
        day += timedelta(days=1)
    return day


@pytest.mark.parametrize(("case", "reason", "field", "words"), [
    ("no_lesson", p.R_NO_LESSON, "lesson_date", "у группы нет занятия"),
    ("after_group", p.R_OUTSIDE_GROUP_DATES, "lesson_date", "вне дат группы"),
    ("too_long", p.R_INVALID, "theme", "Тема длиннее 500 символов"),
])
def test_a_theme_the_rule_refuses_changes_nothing_and_says_why(enrolled_workspace, case, reason, field,
                                                               words):
    ws = enrolled_workspace
    group, days = _group_and_lessons(ws)
    day, theme = {
        "no_lesson": (_free_day(days), "Повторение"),
        "after_group": (group.date_to + timedelta(days=7), "Повторение"),
        "too_long": (days[0], "т" * 501),
    }[case]
    with pytest.raises(ValidationError) as refused:
        ws.set_lesson_theme(group.id, day, theme)
    assert (refused.value.reason, refused.value.field) == (reason, field)
    assert words in str(refused.value)
    assert _queued(ws) == []
    assert _lesson_theme(ws, group.id, day) in (None, "")


def _page(*upserts: dict, deletes: tuple[dict, ...] = ()) -> p.PullResponse:
    return p.PullResponse(stream="own", next_cursor="x", has_more=False,
                          changes={"lesson_theme": p.EntityChanges(upserts=list(upserts),
                                                                   deletes=list(deletes))})


def test_a_pulled_theme_makes_the_lesson_row_it_needs_and_waits_for_an_unsent_edit(enrolled_workspace):
    ws = enrolled_workspace
    group, days = _group_and_lessons(ws)
    gone, waiting = days[:2]
    with ws.db.write() as s:  # a lesson the PC has no row for (never generated)
        s.execute(delete(Lesson).where(Lesson.id == lesson_id(group.id, gone)))
    assert ws.set_lesson_theme(group.id, waiting, "Моя тема")
    at = "2026-01-01T10:00:00Z"
    with ws.db.write() as s:
        _apply_own(s, _page(
            {"group_id": group.id, "lesson_date": gone.isoformat(), "theme": "Тема с другого ПК",
             "changed_at": at, "changed_by": "petrova"},
            {"group_id": group.id, "lesson_date": waiting.isoformat(), "theme": "Чужая тема",
             "changed_at": at, "changed_by": "petrova"},
            {"group_id": 999_999, "lesson_date": gone.isoformat(), "theme": "Группы нет на ПК",
             "changed_at": at, "changed_by": "petrova"}))
    assert _lesson_theme(ws, group.id, gone) == "Тема с другого ПК"
    assert theme_history(ws.db, group.id, gone) == [], "filling an empty theme is audited on the portal"
    assert _lesson_theme(ws, group.id, waiting) == "Моя тема", "the unsent edit is kept"
    assert _lesson_theme(ws, 999_999, gone) is None
    with ws.db.write() as s:
        _apply_own(s, _page(deletes=({"group_id": group.id, "lesson_date": gone.isoformat()},)))
    assert _lesson_theme(ws, group.id, gone) == ""
    [cleared] = theme_history(ws.db, group.id, gone)  # a pulled change of a theme the PC had: audited
    assert (cleared.old_theme, cleared.new_theme, cleared.reason) == ("Тема с другого ПК", "", "pulled")


class _Clock:
    def __init__(self, wall: datetime, mono: float, boot_id: str) -> None:
        self.wall, self.mono, self.boot_id = wall, mono, boot_id

    def read(self) -> ClockReading:
        return ClockReading(self.wall, self.mono, self.boot_id)


def test_a_theme_made_after_a_reboot_is_re_dated_with_its_audit_row(enrolled_workspace):
    """The wall clock of a new boot is a day fast: the edit's time is provisional; the next measured
    anchor re-dates the op and the edit's audit row to the portal's time."""
    ws = enrolled_workspace
    group, days = _group_and_lessons(ws)
    portal_t = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
    clock = _Clock(portal_t, 500.0, "boot-1")
    ws.db.clock = clock
    with ws.db.write() as s:
        store_anchor(s.scalar(select(Device)), Anchor(portal_time=portal_t, wall=portal_t, mono=500.0,
                                                      boot_id="boot-1", offset=timedelta(0),
                                                      round_trip=0.004))
    true_at = portal_t + timedelta(hours=1)
    clock.boot_id, clock.mono, clock.wall = "boot-2", 40.0, true_at + timedelta(days=1)  # a day fast
    assert ws.set_lesson_theme(group.id, days[0], "Повторение")
    [(_, _, payload)] = _queued(ws)
    assert payload["changed_at"] == (true_at + timedelta(days=1)).isoformat()
    fresh = Anchor(portal_time=true_at + timedelta(seconds=60), wall=true_at + timedelta(seconds=60),
                   mono=100.0, boot_id="boot-2", offset=timedelta(0), round_trip=0.004)
    with ws.db.write() as s:
        assert redate_pending(s, fresh) == 1
    [(_, _, payload)] = _queued(ws)
    assert payload["changed_at"] == true_at.isoformat()
    [edit] = theme_history(ws.db, group.id, days[0])
    assert (edit.new_theme, edit.changed_at) == ("Повторение", true_at)
