"""Programme cards end to end (issue 4): the desktop services and sync engine against the real portal
on a real socket — moderation round trip, a returned card resubmitted, a card edited on the portal
under a local draft, and a group's schedule change that regenerates the journal."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from pfdo_desktop.domain.program_card import SlotCard
from pfdo_desktop.models import AppSetting, Lesson, OutboxOp, Program, ProgramDraft, StudyGroup, SyncIssue
from pfdo_desktop.services import programs as program_service
from pfdo_desktop.services.rows import MarkChange
from pfdo_desktop.workspace import Workspace
from pfdo_portal import admin

TODAY = date.today()


def _new_card(ws: Workspace):
    card = ws.new_program_card()
    return replace(card, name="Юный театрал", short_name="Театр", annotation="Сценическая речь и движение",
                   direction="art", registry="general", age_from_years=8, age_to_years=12,
                   addresses=("ул. Садовая, 3",), teachers=("Театральная А. Б.",),
                   modules=(replace(card.modules[0], hours=36),))


def _published(ws: Workspace) -> int:
    """A published programme of the demo provider with a module (the first by id)."""
    rows = [r for r in ws.program_catalogue(status="published").rows if r.program_id and r.modules]
    assert rows, "the demo provider has no published programme"
    return min(r.program_id for r in rows if r.program_id is not None)


def _outbox(ws: Workspace) -> list[OutboxOp]:
    with ws.db.read() as s:
        return list(s.scalars(select(OutboxOp)))


def _draft(ws: Workspace, uid: str) -> ProgramDraft | None:
    with ws.db.read() as s:
        draft = s.get(ProgramDraft, uid)
        if draft is not None:
            s.expunge(draft)
        return draft


def _issues(ws: Workspace) -> list[SyncIssue]:
    with ws.db.read() as s:
        return list(s.scalars(select(SyncIssue).where(SyncIssue.resolved_at.is_(None))))


def test_a_new_card_goes_through_moderation_and_comes_back_published(enrolled_workspace, portal_db):
    ws = enrolled_workspace
    key = ws.save_program_draft("", _new_card(ws))
    ws.submit_program(key, TODAY)
    report = ws.sync()
    assert report.rejected == 0 and _outbox(ws) == []
    draft = _draft(ws, key[2:])
    assert draft is not None and draft.state == "submitted" and draft.program_id is not None
    pid = draft.program_id
    view = ws.open_program(f"p:{pid}")
    assert (view.status, view.editable, view.card.name) == ("moderation", False, "Юный театрал")
    assert [r.key for r in ws.program_catalogue(text="театрал").rows] == [f"p:{pid}"]

    admin.approve_program(portal_db, pid)
    ws.sync()
    assert _draft(ws, key[2:]) is None
    view = ws.open_program(f"p:{pid}")
    assert (view.status, view.editable, view.revision, view.draft_uid) == ("published", True, 1, None)
    card = view.card
    assert (card.age_from_years, card.age_to_years, card.teachers) == (8, 12, ("Театральная А. Б.",))
    assert len(card.modules) == 1 and card.modules[0].id is not None and card.modules[0].hours == 36
    row = ws.program_catalogue(text="театрал").rows[0]
    assert (row.status, row.draft_state, row.modules) == ("published", "", 1)


def test_a_returned_card_shows_the_comment_and_is_resubmitted_as_a_new_revision(enrolled_workspace,
                                                                                 portal_db):
    ws = enrolled_workspace
    pid = _published(ws)
    view = ws.open_program(f"p:{pid}")
    revision = view.revision
    key = ws.save_program_draft(view.key, replace(view.card, annotation="Черновая аннотация"))
    ws.submit_program(key, TODAY)
    ws.sync()
    assert ws.open_program(f"p:{pid}").editable is False

    admin.return_program(portal_db, pid, "Опишите результаты обучения")
    ws.sync()
    view = ws.open_program(f"p:{pid}")
    assert (view.status, view.editable, view.comment) == ("returned", True, "Опишите результаты обучения")
    assert view.card.annotation == "Черновая аннотация"  # the draft, not the published card
    ws.save_program_draft(view.key, replace(view.card, annotation="Результаты: спектакль в мае"))
    ws.submit_program(view.key, TODAY)
    assert ws.sync().rejected == 0

    admin.approve_program(portal_db, pid)
    ws.sync()
    view = ws.open_program(f"p:{pid}")
    assert (view.status, view.revision, view.comment, view.draft_uid) == ("published", revision + 1, "", None)
    assert view.card.annotation == "Результаты: спектакль в мае"


def test_a_card_edited_on_the_portal_keeps_the_local_draft_and_shows_the_conflict(enrolled_workspace,
                                                                                  portal_db):
    ws = enrolled_workspace
    pid = _published(ws)
    view = ws.open_program(f"p:{pid}")
    key = ws.save_program_draft(view.key, replace(view.card, name="Моя правка"))
    admin.edit_program(portal_db, pid, name="Правка портала")
    ws.sync()
    draft = _draft(ws, key[2:])
    assert draft is not None and draft.state == "conflict" and draft.card["name"] == "Моя правка"
    view = ws.open_program(f"p:{pid}")
    assert view.card.name == "Моя правка" and view.editable
    assert view.conflict_card is not None and view.conflict_card.name == "Правка портала"

    ws.resolve_program_conflict(key, keep_draft=True)  # my draft on top of the portal's revision
    ws.submit_program(key, TODAY)
    assert ws.sync().rejected == 0
    admin.approve_program(portal_db, pid)
    ws.sync()
    assert ws.open_program(f"p:{pid}").card.name == "Моя правка"


def test_a_submit_of_a_stale_draft_is_refused_and_the_draft_kept(enrolled_workspace, portal_db):
    ws = enrolled_workspace
    pid = _published(ws)
    view = ws.open_program(f"p:{pid}")
    key = ws.save_program_draft(view.key, replace(view.card, name="Устаревшая правка"))
    ws.submit_program(key, TODAY)
    admin.edit_program(portal_db, pid, name="Портал успел раньше")
    report = ws.sync()
    assert report.rejected == 1 and _outbox(ws) == []
    draft = _draft(ws, key[2:])
    assert draft is not None and draft.state == "conflict" and draft.card["name"] == "Устаревшая правка"
    view = ws.open_program(f"p:{pid}")
    assert view.conflict_card is not None and view.conflict_card.name == "Портал успел раньше"
    (issue,) = [i for i in _issues(ws) if i.kind == "program.submit"]
    assert issue.code == "card_changed" and "Устаревшая правка" in issue.details["title"]


def test_the_price_cap_comes_with_sync(enrolled_workspace, portal_db):
    from pfdo_portal import db as portal_db_module

    ws = enrolled_workspace
    with portal_db_module.open_engine(portal_db) as engine, portal_db_module.write_tx(engine) as conn:
        portal_db_module.set_setting(conn, portal_db_module.PRICE_CAP_KEY, "1.1")
    ws.sync()
    with ws.db.read() as s:
        setting = s.get(AppSetting, "price_cap_ratio")
        assert setting is not None and setting.value == "1.1"
    card = _new_card(ws)
    card = replace(card, registry="certified", modules=(replace(card.modules[0], price=Decimal("1200"),
                                                                normative_price=Decimal("1000")),))
    assert [e.path for e in program_service.check_card(ws.db, card)] == ["modules.0.price"]


def _group_with_future(ws: Workspace):
    """A group of the demo provider with a child and at least two future weeks of lessons."""
    for row in ws.groups():
        if row.children == 0 or row.date_to < TODAY + timedelta(days=21) or not row.schedule:
            continue
        journal = ws.journal(row.id, TODAY + timedelta(days=1), TODAY + timedelta(days=21))
        if not journal.lessons:
            continue
        members = [c for c in journal.children if c.is_member_on(journal.lessons[0].lesson_date)]
        if members:
            return row, journal.lessons[0].lesson_date, members[0].child_id
    raise AssertionError("the demo provider has no group with future lessons and a child")


def _lessons(ws: Workspace, gid: int) -> dict[date, tuple[str, bool]]:
    with ws.db.read() as s:
        return {d: (t, f) for d, t, f in s.execute(
            select(Lesson.lesson_date, Lesson.time_from, Lesson.off_schedule).where(Lesson.group_id == gid))}


def test_a_schedule_change_regenerates_future_lessons_and_keeps_the_marked_one(enrolled_workspace,
                                                                                portal_db):
    ws = enrolled_workspace
    row, marked_day, child_id = _group_with_future(ws)
    ws.mark(row.id, marked_day, [MarkChange(child_id, 1)])
    ws.sync()
    before = _lessons(ws, row.id)
    view = ws.open_program(f"p:{row.program_id}")
    module = next(m for m in view.card.modules if any(g.id == row.id for g in m.groups))
    group = next(g for g in module.groups if g.id == row.id)
    new_weekday = marked_day.isoweekday() % 7 + 1  # the day after the marked lesson's weekday
    if any(sl.weekday == new_weekday for sl in group.slots) or new_weekday == 7:
        new_weekday = (marked_day.isoweekday() + 1) % 6 + 1
    assert new_weekday != marked_day.isoweekday()
    changed = replace(group, slots=(SlotCard(new_weekday, "17:00", "17:45", "каб. 2"),))
    uid = ws.save_group(row.program_id, module.id, changed)
    assert ws.open_program(f"p:{row.program_id}").pending_groups == (f"g:{row.id}",)
    assert ws.sync().rejected == 0 and _outbox(ws) == []
    assert uid

    after = _lessons(ws, row.id)
    assert after[marked_day] == (before[marked_day][0], True)  # kept, flagged off the schedule
    future = {d for d in after if d > TODAY and d != marked_day}
    assert future and {d.isoweekday() for d in future} == {new_weekday}
    assert all(after[d] == ("17:00", False) for d in future)
    assert {d: v for d, v in after.items() if d < TODAY} == {d: v for d, v in before.items() if d < TODAY}
    portal_group = next(g for g in admin.provider_groups(portal_db, ws.device().provider_id or 0)
                        if g["id"] == row.id)
    assert portal_group is not None
    view = ws.open_program(f"p:{row.program_id}")
    assert view.pending_groups == ()
    (saved,) = [g for m in view.card.modules for g in m.groups if g.id == row.id]
    assert [(sl.weekday, sl.time_from) for sl in saved.slots] == [(new_weekday, "17:00")]


def test_a_new_group_by_explicit_dates_gets_its_lessons(enrolled_workspace, portal_db):
    ws = enrolled_workspace
    pid = _published(ws)
    view = ws.open_program(f"p:{pid}")
    module = view.card.modules[0]
    days = (TODAY + timedelta(days=3), TODAY + timedelta(days=10), TODAY + timedelta(days=17))
    group = replace(_blank(), name="Интенсив", date_from=TODAY, date_to=TODAY + timedelta(days=30),
                    capacity=module.max_children, slots=(), explicit_dates=days)
    ws.save_group(pid, module.id, group)
    ws.sync()
    view = ws.open_program(f"p:{pid}")
    (new,) = [g for m in view.card.modules for g in m.groups if g.name == "Интенсив"]
    assert new.id is not None and new.explicit_dates == days
    assert sorted(_lessons(ws, new.id)) == list(days)


def _blank():
    from pfdo_desktop.domain.program_card import GroupCard

    return GroupCard(name="", date_from=None, date_to=None, capacity=1)


def test_a_refused_group_is_shown_as_an_issue(enrolled_workspace, portal_db):
    ws = enrolled_workspace
    pid = _published(ws)
    view = ws.open_program(f"p:{pid}")
    module = view.card.modules[0]
    group = replace(_blank(), name="Лишняя", date_from=TODAY, date_to=TODAY + timedelta(days=60),
                    capacity=module.max_children, slots=(SlotCard(1, "10:00", "10:45"),))
    ws.save_group(pid, module.id, group)
    with ws.db.write() as s:  # the portal's rules refuse what slipped past (here: edited in the queue)
        op = s.scalars(select(OutboxOp)).one()
        payload = dict(op.payload)
        payload["group"] = {**payload["group"], "capacity": module.max_children + 50}
        op.payload = payload
    report = ws.sync()
    assert report.rejected == 1
    (issue,) = [i for i in _issues(ws) if i.kind == "group.save"]
    assert "Лишняя" in issue.details["title"] and "group.capacity" in issue.details["field_errors"]
    assert ws.open_program(f"p:{pid}").pending_groups == ()
    with ws.db.read() as s:
        assert s.scalar(select(Program.id).where(Program.id == pid)) == pid


def test_an_unreadable_group_answer_does_not_stop_the_sync(enrolled_workspace, portal):
    """A portal bug in one group.save answer: the sync goes on (the card's answer is applied and the
    download runs), the group's answer is dropped with a «Требует внимания» note, nothing is re-sent."""
    from fault_proxy import FaultProxy

    ws = enrolled_workspace
    pid = _published(ws)
    view = ws.open_program(f"p:{pid}")
    module = view.card.modules[0]

    def garbled(answer):
        for result in answer["results"]:
            record = result.get("server_record") or {}
            if "explicit_dates" in record:  # the group's record
                record["explicit_dates"] = ["31.12.2026"]  # not an ISO date
        return answer

    proxy = FaultProxy(portal.url).start()
    ws.relocate_portal(proxy.url)
    proxy.add("/push", "rewrite", rewrite=garbled)
    group = replace(_blank(), name="Плохой ответ", date_from=TODAY, date_to=TODAY + timedelta(days=30),
                    capacity=module.max_children, slots=(SlotCard(2, "10:00", "10:45"),))
    ws.save_group(pid, module.id, group)
    key = ws.save_program_draft(view.key, replace(view.card, annotation="после плохого ответа"))
    ws.submit_program(key, TODAY)
    report = ws.sync()
    assert report.applied == 2 and _outbox(ws) == []
    assert [i.kind for i in _issues(ws) if i.code == "garbage"] == ["group.save"]
    assert ws.open_program(key).status == "moderation"  # the card's answer was applied
    with ws.db.read() as s:  # the download of the same run brought the real group
        assert s.scalar(select(func.count()).select_from(StudyGroup)
                        .where(StudyGroup.name == "Плохой ответ")) == 1
    assert ws.sync().pushed == 0
    assert proxy.hits == [("/api/sync/v1/push", "rewrite")]
    proxy.stop()
