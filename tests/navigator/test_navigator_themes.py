"""Lesson themes (КТП, issue 16) through the Navigator connector against the emulator on a real socket:
a theme set on the PC is upserted into the Navigator's КТП (not sent again when it is already
there), a theme written in the Navigator reaches both PCs' journals, and clearing a theme — which the
Navigator cannot — is a refusal that puts the Navigator's theme back in the journal."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from pfdo_desktop.domain.attendance import lesson_id
from pfdo_desktop.models import Lesson
from pfdo_desktop.sync.navigator_client import NavigatorClient
from pfdo_desktop.workspace import Workspace


def _lesson_ahead(ws: Workspace) -> tuple[int, date]:
    """A group and one of its lessons in the coming weeks."""
    today = date.today()
    for group in ws.groups():
        lessons = ws.journal(group.id, today + timedelta(days=1), today + timedelta(days=28)).lessons
        if lessons:
            return group.id, lessons[0].lesson_date
    raise AssertionError("the demo district has no lessons ahead")


def _navigator_theme(navigator: Any, group_id: int, day: date, set_to: str | None = None) -> str:
    """The Navigator's КТП theme of the lesson, as a school's script reads it there (or writes it)."""
    account = navigator.accounts[0]
    with NavigatorClient(navigator.url, account.email) as nav:
        nav.login(account.password)
        if set_to is not None:
            nav.upsert_lesson(group_id, day, set_to, types=["9732"])
        for row in nav.lessons(group_id, day.replace(day=1)):
            if str(row["date"])[:10] == day.isoformat():
                return str(row["theme"])
    return ""


def _theme(ws: Workspace, group_id: int, day: date) -> str:
    [column] = [c for c in ws.journal(group_id, day, day).lessons if c.lesson_date == day]
    return column.theme


def test_a_theme_set_on_the_pc_is_in_the_navigators_ktp_and_not_sent_twice(navigator, synced_pc) -> None:
    ws = synced_pc
    group_id, day = _lesson_ahead(ws)
    assert ws.set_lesson_theme(group_id, day, "Введение. Техника безопасности")
    report = ws.sync()
    assert (report.pushed, report.applied, report.rejected) == (1, 1, 0)
    assert _navigator_theme(navigator, group_id, day) == "Введение. Техника безопасности"
    assert ws.issues() == []

    # The same theme written in the Navigator meanwhile: read before write, nothing is sent.
    other = day + timedelta(days=7)
    _navigator_theme(navigator, group_id, other, set_to="Сборка первой модели")
    with ws.db.write() as s:  # as if this PC's edit was made before it pulled that theme
        lesson = s.get(Lesson, lesson_id(group_id, other))
        assert lesson is not None
        lesson.theme = ""
    assert ws.set_lesson_theme(group_id, other, "Сборка первой модели")
    report = ws.sync()
    assert (report.pushed, report.duplicates) == (1, 1)
    assert _theme(ws, group_id, other) == "Сборка первой модели"


def test_a_theme_written_in_the_navigator_reaches_both_pcs(navigator, synced_pc, second_synced_pc) -> None:
    group_id, day = _lesson_ahead(synced_pc)
    # Next month: the КТП is planned ahead (every sync reads it; later months, the weekly full pass).
    first = (date.today().replace(day=1) + timedelta(days=32)).replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    far_day = next(lesson.lesson_date for lesson in synced_pc.journal(group_id, first, last).lessons
                   if lesson.lesson_date != day)
    _navigator_theme(navigator, group_id, day, set_to="Повторение пройденного")
    _navigator_theme(navigator, group_id, far_day, set_to="Итоговое занятие")
    for ws in (synced_pc, second_synced_pc):
        report = ws.sync()
        assert report.pulled_by_entity.get("lesson_theme") == 2
        assert _theme(ws, group_id, day) == "Повторение пройденного"
        assert _theme(ws, group_id, far_day) == "Итоговое занятие"
        assert not ws.sync().pulled_by_entity.get("lesson_theme"), "nothing new the second time"


def test_clearing_a_theme_is_refused_and_the_navigators_theme_comes_back(navigator, synced_pc) -> None:
    ws = synced_pc
    group_id, day = _lesson_ahead(ws)
    _navigator_theme(navigator, group_id, day, set_to="Сборка шасси")
    ws.sync()
    assert _theme(ws, group_id, day) == "Сборка шасси"
    assert ws.set_lesson_theme(group_id, day, "")
    report = ws.sync()
    assert report.rejected == 1
    assert _theme(ws, group_id, day) == "Сборка шасси"
    [issue] = ws.issues()
    assert issue.title.startswith("Тема занятия не принята")
    assert "не позволяет убрать тему" in issue.message
    assert _navigator_theme(navigator, group_id, day) == "Сборка шасси"
