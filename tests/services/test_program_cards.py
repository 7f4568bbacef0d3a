"""Programme cards (issue 4) without a portal: the catalogue, drafts, validation, moderation answers
and pulls, groups, and the lessons a schedule change regenerates."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select, text, update

from pfdo_desktop.domain.identity import search_text
from pfdo_desktop.domain.program_card import GroupCard, SlotCard
from pfdo_desktop.models import (
    AppSetting,
    AttendanceMark,
    Lesson,
    Module,
    OutboxOp,
    Program,
    ProgramDraft,
    Provider,
    ScheduleSlot,
    StudyGroup,
)
from pfdo_desktop.services import NotAllowed, NotFound
from pfdo_desktop.services import programs as svc
from pfdo_desktop.services.lessons import regenerate_lessons

TODAY = date(2025, 11, 20)  # a Thursday


@dataclass(frozen=True)
class Answer:
    status: str
    code: str | None = None
    message: str | None = None
    server_record: dict[str, Any] | None = None


def _program(s, pid: int, name: str, direction: str = "art", registry: str = "general", ages=(7, 11),
             status: str = "published", revision: int = 1, teachers=(), short: str = "") -> None:
    s.add(Program(id=pid, provider_id=1, name=name, short_name=short, direction=direction,
                  registry_code=registry, kind="general", form="full_time", level="start",
                  age_from_months=ages[0] * 12, age_to_months=ages[1] * 12 + 11, status=status,
                  archived=False, annotation="", duration_weeks=36, ovz=[], medical_certificate=False,
                  addresses=["ул. Ленина, 1"], teachers=list(teachers), revision=revision,
                  moderation_comment="", search_text=svc.program_search_text(name, short, teachers)))


def _module(s, mid: int, pid: int, price: str = "0", normative: str = "0") -> None:
    s.add(Module(id=mid, program_id=pid, name=f"Модуль {mid}", hours=72, min_children=5, max_children=15,
                 price=Decimal(price), normative_price=Decimal(normative), archived=False))


def _group(s, gid: int, mid: int, pid: int, teacher: str = "", weekdays=(1, 3), explicit=()) -> None:
    s.add(StudyGroup(id=gid, module_id=mid, program_id=pid, provider_id=1, name=f"Группа {gid}",
                     teacher=teacher, date_from=date(2025, 9, 1), date_to=date(2026, 5, 31), capacity=10,
                     cancelled_dates=[], explicit_dates=list(explicit), archived=False))
    s.flush()
    for i, wd in enumerate(weekdays):
        s.add(ScheduleSlot(id=gid * 10 + i, group_id=gid, weekday=wd, time_from="15:00", time_to="15:45",
                           room="", archived=False))


@pytest.fixture
def ws(workspace):
    with workspace.db.write() as s:
        s.execute(text("PRAGMA defer_foreign_keys = ON"))
        s.add(Provider(id=1, name="Дом творчества", archived=False))
        _program(s, 1, "Рисунок и живопись", "art", "general", (7, 11), teachers=["Петрова А. А."])
        _program(s, 2, "Робототехника", "technical", "certified", (10, 17), short="Роботы")
        _program(s, 3, "Ёлочная игрушка", "art", "paid", (5, 8), status="returned")
        _program(s, 4, "Шахматы", "sport", "general", (6, 17), status="moderation")
        s.flush()
        _module(s, 1, 1)
        _module(s, 2, 2, "30000.00", "24000.00")
        _module(s, 3, 3)
        _module(s, 4, 4)
        s.flush()
        _group(s, 10, 1, 1, teacher="Сидоров Б. В.")
        _group(s, 20, 2, 2)
        s.execute(update(Program).where(Program.id == 3).values(moderation_comment="Уточните аннотацию"))
    return workspace


def _card(ws, key="p:1"):
    return ws.open_program(key).card


# --- the catalogue --------------------------------------------------------------------------------


def test_catalogue_lists_programmes_and_counts_directions_over_the_other_filters(ws):
    cat = ws.program_catalogue()
    assert [r.key for r in cat.rows] == ["p:3", "p:1", "p:2", "p:4"]  # by name, «Ё» as «Е»
    assert cat.total == 4 and cat.counts["art"] == 2 and cat.counts["technical"] == 1
    assert cat.counts["tourism"] == 0 and set(cat.counts) >= {"art", "sport", "social"}
    row = next(r for r in cat.rows if r.key == "p:1")
    assert (row.modules, row.groups, row.age_from_years, row.age_to_years) == (1, 1, 7, 11)
    assert row.teachers == "Петрова А. А." and row.draft_state == ""

    art = ws.program_catalogue(direction="art")
    assert [r.program_id for r in art.rows] == [3, 1] and art.counts == cat.counts and art.total == 4

    aged = ws.program_catalogue(age=12)  # only programmes whose range takes a twelve-year-old
    assert {r.program_id for r in aged.rows} == {2, 4} and aged.counts["art"] == 0
    assert {r.program_id for r in ws.program_catalogue(age=11).rows} == {1, 2, 4}
    assert [r.program_id for r in ws.program_catalogue(registry="certified").rows] == [2]
    assert [r.program_id for r in ws.program_catalogue(status="returned").rows] == [3]
    returned = ws.program_catalogue(status="returned").rows[0]
    assert returned.comment == "Уточните аннотацию"


@pytest.mark.parametrize("query,expected", [
    ("елочная", {3}), ("ЁЛОЧ", {3}), ("роботы", {2}), ("петрова", {1}), ("рисунок живопись", {1}),
    ("рисунок шахматы", set()), ("100%", set()),
])
def test_catalogue_free_text_is_casefolded_and_every_word_must_match(ws, query, expected):
    assert {r.program_id for r in ws.program_catalogue(text=query).rows} == expected


def test_catalogue_teacher_filter_takes_card_and_group_teachers(ws):
    assert [r.program_id for r in ws.program_catalogue(teacher="Петрова А. А.").rows] == [1]
    assert [r.program_id for r in ws.program_catalogue(teacher="Сидоров Б. В.").rows] == [1]
    assert ws.program_teachers() == ["Петрова А. А.", "Сидоров Б. В."]


def test_a_new_programme_draft_is_listed_by_its_draft_key(ws):
    card = replace(ws.new_program_card(), name="Театр", direction="art")
    key = ws.save_program_draft("", card)
    assert key.startswith("d:")
    cat = ws.program_catalogue(direction="art")
    row = next(r for r in cat.rows if r.key == key)
    assert (row.program_id, row.status, row.draft_state, row.modules) == (None, "draft", "draft", 1)
    assert cat.counts["art"] == 3
    assert [r.key for r in ws.program_catalogue(text="театр").rows] == [key]
    assert ws.program_catalogue(text="театр", registry="certified").rows == ()


def test_catalogue_of_two_thousand_programmes_filters_and_counts(workspace):
    """The benchmark's size (speed is measured in benchmarks/programs_bench.py, not here)."""
    directions = ["technical", "natural_science", "sport", "art", "tourism", "social"]
    with workspace.db.write() as s:
        s.execute(text("PRAGMA defer_foreign_keys = ON"))
        s.add(Provider(id=1, name="Район", archived=False))
        for pid in range(1, 2001):
            _program(s, pid, f"Программа номер {pid} «{directions[pid % 6]}»", directions[pid % 6],
                     ages=(5 + pid % 5, 10 + pid % 8), teachers=[f"Педагог {pid % 40}"])
        s.flush()
        for pid in range(1, 2001):
            for m in range(2):
                s.add(Module(id=pid * 10 + m, program_id=pid, name="м", hours=72, min_children=1,
                             max_children=15, price=Decimal(0), normative_price=Decimal(0), archived=False))
    everything = workspace.program_catalogue()
    assert everything.total == 2000 and len(everything.rows) == 2000
    assert everything.counts == {d: sum(1 for pid in range(1, 2001) if pid % 6 == i)
                                 for i, d in enumerate(directions)}
    art = workspace.program_catalogue(direction="art")
    assert {r.direction for r in art.rows} == {"art"} and len(art.rows) == everything.counts["art"]
    named = workspace.program_catalogue(text="номер 1999")
    assert [r.program_id for r in named.rows] == [1999]
    taught = workspace.program_catalogue(teacher="Педагог 7")
    assert taught.rows and all("Педагог 7" in r.teachers for r in taught.rows)
    assert len(taught.rows) == 50  # pid % 40 == 7


# --- opening, drafts, validation, submitting ---------------------------------------------------------


def test_open_card_shows_the_published_card_with_groups_and_schedules(ws):
    view = ws.open_program("p:1")
    assert (view.key, view.status, view.revision, view.editable, view.draft_uid) == ("p:1", "published", 1,
                                                                                     True, None)
    card = view.card
    assert (card.name, card.age_from_years, card.age_to_years, card.addresses) == (
        "Рисунок и живопись", 7, 11, ("ул. Ленина, 1",))
    (group,) = card.modules[0].groups
    assert group.id == 10 and [sl.weekday for sl in group.slots] == [1, 3]
    with pytest.raises(NotFound):
        ws.open_program("p:999")


def test_a_saved_draft_wins_over_the_published_card_and_keeps_live_groups(ws):
    card = replace(_card(ws), name="Рисунок", age_to_years=12)
    key = ws.save_program_draft("p:1", card)
    view = ws.open_program("p:1")
    assert view.draft_uid == key[2:] and view.card.name == "Рисунок" and view.card.age_to_years == 12
    assert view.card.modules[0].groups[0].id == 10  # groups are live, not stored with the draft
    assert ws.open_program(key).key == "p:1"
    assert ws.save_program_draft(key, replace(card, name="Рисунок 2")) == key  # the same draft
    assert ws.program_catalogue(text="живопись").rows[0].draft_state == "draft"
    with ws.db.read() as s:
        assert s.scalar(select(ProgramDraft.base_revision)) == 1


def test_a_draft_with_errors_is_saved_but_not_submitted(ws):
    bad = replace(_card(ws), age_from_years=4,
                  modules=(replace(_card(ws).modules[0], hours=0),))
    key = ws.save_program_draft("p:1", bad)
    with pytest.raises(svc.CardInvalid) as err:
        ws.submit_program(key, TODAY)
    paths = [e.path for e in err.value.errors]
    assert paths[0] == "age_from_years" and "modules.0.hours" in paths
    assert isinstance(err.value, NotAllowed) and "Возраст" in err.value.message
    with ws.db.read() as s:
        assert s.scalars(select(OutboxOp)).all() == []


def test_what_the_wire_cannot_carry_is_refused_before_it_is_queued(ws):
    """The typed payload (sync.protocol) holds a card's name to 400 characters, a group's to 200:
    the PC says so next to the field at once, in the portal's words, instead of queuing an op the
    portal would refuse."""
    key = ws.save_program_draft("p:1", replace(_card(ws), name="Р" * 401))
    with pytest.raises(svc.CardInvalid) as err:
        ws.submit_program(key, TODAY)
    assert [(e.path, e.message) for e in err.value.errors] == [("name", "не длиннее 400 символов")]
    with pytest.raises(svc.CardInvalid) as err:
        ws.save_group(1, 1, _new_group(name="Г" * 201))
    assert [(e.path, e.message) for e in err.value.errors] == [("group.name", "не длиннее 200 символов")]
    with ws.db.read() as s:
        assert s.scalars(select(OutboxOp)).all() == []


def test_the_price_cap_of_the_region_is_checked(ws):
    with ws.db.write() as s:
        s.add(AppSetting(key="price_cap_ratio", value="1.2"))
    card = _card(ws, "p:2")
    assert [e.path for e in svc.check_card(ws.db, card)] == ["modules.0.price"]  # 30 000 > 24 000 × 1.2
    key = ws.save_program_draft("p:2", card)
    with pytest.raises(svc.CardInvalid) as err:
        ws.submit_program(key, TODAY)
    assert [e.path for e in err.value.errors] == ["modules.0.price"]
    ok = replace(card, modules=(replace(card.modules[0], price=Decimal("28800.00")),))
    ws.save_program_draft(key, ok)
    ws.submit_program(key, TODAY)


def test_submit_queues_the_card_in_months_and_locks_it(ws):
    key = ws.save_program_draft("p:1", replace(_card(ws), annotation="Для детей"))
    ws.submit_program(key, TODAY)
    with ws.db.read() as s:
        (op,) = s.scalars(select(OutboxOp)).all()
        draft = s.get(ProgramDraft, key[2:])
        assert draft is not None and draft.state == "submitted"
    assert (op.kind, op.entity_key) == ("program.submit", "program:1")
    assert op.payload["base_revision"] == 1 and op.payload["program_id"] == 1
    wire = op.payload["card"]
    assert (wire["age_from_months"], wire["age_to_months"]) == (84, 143)
    assert wire["modules"][0] == {"id": 1, "name": "Модуль 1", "hours": 72, "min_children": 5,
                                  "max_children": 15, "price": "0.00", "normative_price": "0.00"}
    assert "groups" not in wire["modules"][0]
    view = ws.open_program("p:1")
    assert (view.editable, view.status, view.pending) == (False, "moderation", svc.PENDING_SUBMIT_RU)
    assert view.why_not == "Карточка на модерации: изменить её можно после решения модератора"
    with pytest.raises(NotAllowed):
        ws.save_program_draft("p:1", _card(ws))
    with pytest.raises(NotAllowed):
        ws.submit_program(key, TODAY)


def test_a_card_on_the_portal_under_moderation_is_not_editable(ws):
    view = ws.open_program("p:4")
    assert (view.editable, view.why_not) == (False, svc.UNDER_MODERATION_RU)
    with pytest.raises(NotAllowed, match="на модерации"):
        ws.save_program_draft("p:4", view.card)


def test_a_returned_card_shows_the_comment_and_its_draft_starts_returned(ws):
    view = ws.open_program("p:3")
    assert (view.editable, view.status, view.comment) == (True, "returned", "Уточните аннотацию")
    key = ws.save_program_draft("p:3", replace(view.card, annotation="Новая аннотация"))
    view = ws.open_program(key)
    assert view.comment == "Уточните аннотацию" and view.card.annotation == "Новая аннотация"
    ws.submit_program(key, TODAY)
    assert ws.open_program("p:3").comment == ""


# --- answers and pulls ----------------------------------------------------------------------------


def _submitted(ws, key: str) -> OutboxOp:
    with ws.db.read() as s:
        op = s.scalars(select(OutboxOp).where(OutboxOp.kind == "program.submit")).one()
        s.expunge(op)
    return op


def _apply(ws, op, answer: Answer) -> None:
    with ws.db.write() as s:
        svc.apply_result(s, s.merge(op), answer)
        s.execute(text("DELETE FROM outbox WHERE op_id = :id"), {"id": op.op_id})


def _draft(ws, uid: str) -> ProgramDraft | None:
    with ws.db.read() as s:
        draft = s.get(ProgramDraft, uid)
        if draft is not None:
            s.expunge(draft)
        return draft


def test_a_new_programme_gets_its_id_from_the_answer_and_goes_when_published(ws):
    card = replace(ws.new_program_card(), name="Театр", direction="art")
    key = ws.save_program_draft("", card)
    ws.submit_program(key, TODAY)
    op = _submitted(ws, key)
    assert op.entity_key == f"program_draft:{key[2:]}" and op.payload["program_id"] is None
    _apply(ws, op, Answer("applied", server_record={"program_id": 77, "status": "moderation",
                                                    "revision": 0, "uid": key[2:]}))
    draft = _draft(ws, key[2:])
    assert draft is not None and (draft.program_id, draft.state) == (77, "submitted")
    assert next(r for r in ws.program_catalogue().rows if r.key == key).status == "moderation"
    with ws.db.write() as s:  # the pull brings the programme under moderation …
        _program(s, 77, "Театр", status="moderation", revision=0)
        svc.reconcile_pulled(s, [77])
    assert _draft(ws, key[2:]) is not None and ws.open_program("p:77").editable is False
    assert [r.key for r in ws.program_catalogue(text="театр").rows] == ["p:77"]
    with ws.db.write() as s:  # … and, once approved, published as revision 1
        s.execute(update(Program).where(Program.id == 77).values(status="published", revision=1))
        svc.reconcile_pulled(s, [77])
    assert _draft(ws, key[2:]) is None
    view = ws.open_program("p:77")
    assert (view.status, view.editable, view.draft_uid) == ("published", True, None)


def test_a_returned_submission_becomes_an_editable_draft_with_the_comment(ws):
    key = ws.save_program_draft("p:1", replace(_card(ws), name="Рисунок"))
    ws.submit_program(key, TODAY)
    _apply(ws, _submitted(ws, key), Answer("applied", server_record={"program_id": 1}))
    with ws.db.write() as s:
        s.execute(update(Program).where(Program.id == 1).values(status="returned",
                                                                moderation_comment="Нет адреса"))
        svc.reconcile_pulled(s, [1])
    view = ws.open_program("p:1")
    assert (view.editable, view.comment, view.card.name) == (True, "Нет адреса", "Рисунок")
    assert _draft(ws, key[2:]).state == "returned"
    ws.submit_program(key, TODAY)  # resubmitted on the same revision (a return does not publish)
    assert _submitted(ws, key).payload["base_revision"] == 1


def test_card_changed_keeps_the_draft_and_shows_the_portal_card(ws):
    key = ws.save_program_draft("p:1", replace(_card(ws), name="Мой рисунок"))
    ws.submit_program(key, TODAY)
    with ws.db.write() as s:
        s.execute(update(Program).where(Program.id == 1).values(name="Рисунок (портал)", revision=2))
    _apply(ws, _submitted(ws, key), Answer("rejected", "card_changed", "Карточка изменилась",
                                           {"id": 1, "name": "Рисунок (портал)", "revision": 2}))
    draft = _draft(ws, key[2:])
    assert draft is not None and draft.state == "conflict" and draft.card["name"] == "Мой рисунок"
    view = ws.open_program("p:1")
    assert view.card.name == "Мой рисунок" and view.conflict_card is not None
    assert view.conflict_card.name == "Рисунок (портал)" and view.editable
    with pytest.raises(NotAllowed, match="изменилась на портале"):
        ws.submit_program(key, TODAY)
    assert ws.resolve_program_conflict(key, keep_draft=True) == key
    assert _draft(ws, key[2:]).base_revision == 2
    ws.submit_program(key, TODAY)


def test_another_refusal_returns_the_draft_with_the_message(ws):
    key = ws.save_program_draft("p:1", _card(ws))
    ws.submit_program(key, TODAY)
    _apply(ws, _submitted(ws, key), Answer("rejected", "invalid", "Портал счёл данные неверными."))
    view = ws.open_program("p:1")
    assert (view.editable, view.comment, view.pending) == (True, "Портал счёл данные неверными.", "")


def test_a_pulled_new_revision_flags_an_unsent_draft_as_conflict(ws):
    key = ws.save_program_draft("p:1", replace(_card(ws), name="Мой рисунок"))
    with ws.db.write() as s:
        s.execute(update(Program).where(Program.id == 1).values(name="Портал", revision=2))
        svc.reconcile_pulled(s, [1])
    draft = _draft(ws, key[2:])
    assert draft.state == "conflict" and draft.conflict_card["name"] == "Портал"
    assert draft.card["name"] == "Мой рисунок"
    assert ws.resolve_program_conflict(key, keep_draft=False) == "p:1"
    assert ws.open_program("p:1").card.name == "Портал"


# --- groups -------------------------------------------------------------------------------------


def _new_group(**changes) -> GroupCard:
    values: dict[str, Any] = dict(name="Новая", date_from=date(2025, 9, 1), date_to=date(2026, 5, 31),
                                  capacity=10, teacher="Петрова А. А.",
                                  slots=(SlotCard(2, "16:00", "16:45", "каб. 5"),))
    values.update(changes)
    return GroupCard(**values)


def test_a_group_outside_the_module_limits_is_refused_with_its_path(ws):
    with pytest.raises(svc.CardInvalid) as err:
        ws.save_group(1, 1, _new_group(capacity=20, slots=(SlotCard(2, "17:00", "16:00"),)))
    assert [e.path for e in err.value.errors] == ["group.capacity", "group.slots.0"]
    with pytest.raises(svc.CardInvalid) as err:
        ws.save_group(1, 1, _new_group(slots=(), explicit_dates=(date(2026, 7, 1),)))
    assert [e.path for e in err.value.errors] == ["group.explicit_dates.0"]
    with pytest.raises(NotAllowed):
        ws.save_group(1, 2, _new_group())  # module 2 is not programme 1's


def test_a_saved_group_waits_in_the_card_and_the_answer_brings_its_lessons(ws):
    uid = ws.save_group(1, 1, _new_group())
    again = ws.save_group(1, 1, _new_group(uid=uid, name="Новая-1"))  # not sent yet: replaces
    assert again == uid
    with ws.db.read() as s:
        (op,) = s.scalars(select(OutboxOp)).all()
        s.expunge(op)
    assert (op.kind, op.entity_key, op.payload["group"]["name"]) == ("group.save", f"group_new:{uid}",
                                                                     "Новая-1")
    view = ws.open_program("p:1")
    assert view.pending_groups == (f"u:{uid}",)
    assert [g.name for g in view.card.modules[0].groups] == ["Группа 10", "Новая-1"]
    record = {"id": 30, "module_id": 1, "program_id": 1, "provider_id": 1, "name": "Новая-1",
              "teacher": "Петрова А. А.", "date_from": "2025-09-01", "date_to": "2026-05-31",
              "capacity": 10, "cancelled_dates": [], "explicit_dates": [], "uid": uid,
              "slots": [{"id": 300, "group_id": 30, "weekday": 2, "time_from": "16:00", "time_to": "16:45",
                         "room": "каб. 5"}]}
    _apply(ws, op, Answer("applied", server_record=record))
    view = ws.open_program("p:1")
    assert view.pending_groups == () and [g.id for g in view.card.modules[0].groups] == [10, 30]
    with ws.db.read() as s:
        days = s.scalars(select(Lesson.lesson_date).where(Lesson.group_id == 30)).all()
    assert days and all(d.isoweekday() == 2 for d in days) and min(days) == date(2025, 9, 2)


def test_changing_an_existing_group_queues_it_under_its_id(ws):
    group = _card(ws).modules[0].groups[0]
    ws.save_group(1, 1, replace(group, capacity=12))
    with ws.db.read() as s:
        op = s.scalars(select(OutboxOp)).one()
    assert op.entity_key == "group:10" and op.payload["group"]["id"] == 10
    view = ws.open_program("p:1")
    assert view.pending_groups == ("g:10",) and view.card.modules[0].groups[0].capacity == 12


# --- lessons ------------------------------------------------------------------------------------


def _lessons(ws, gid: int) -> dict[date, tuple[str, bool]]:
    with ws.db.read() as s:
        return {d: (t, f) for d, t, f in s.execute(
            select(Lesson.lesson_date, Lesson.time_from, Lesson.off_schedule).where(Lesson.group_id == gid))}


def _regenerate(ws, gid: int, today: date = TODAY, backfill: bool = False) -> None:
    with ws.db.write() as s:
        regenerate_lessons(s, [gid], today=today, backfill=backfill)


def _mark(ws, gid: int, day: date) -> None:
    with ws.db.write() as s:
        s.execute(text("PRAGMA defer_foreign_keys = ON"))
        s.execute(text("INSERT INTO child (id, last_name, first_name, middle_name, birth_date, snils, "
                       "doc_kind, doc_number, search_name, archived) VALUES (1, 'А', 'Б', '', '2015-01-01', "
                       "'', '', '', 'а б', 0) ON CONFLICT DO NOTHING"))
        s.add(AttendanceMark(group_id=gid, child_id=1, lesson_date=day, code=1,
                             changed_at=datetime(2025, 11, 1, tzinfo=UTC), changed_by=""))


def test_a_schedule_change_moves_future_lessons_and_keeps_marked_ones_flagged(ws):
    _regenerate(ws, 10)  # a group without lessons gets its whole year (Mondays and Wednesdays)
    before = _lessons(ws, 10)
    assert date(2025, 9, 1) in before and date(2026, 5, 27) in before
    future_monday = date(2025, 11, 24)
    _mark(ws, 10, future_monday)
    with ws.db.write() as s:  # the portal moved the group to Tuesdays at 16:00
        s.execute(update(ScheduleSlot).where(ScheduleSlot.group_id == 10).values(archived=True))
        s.add(ScheduleSlot(id=999, group_id=10, weekday=2, time_from="16:00", time_to="16:45", room="",
                           archived=False))
    _regenerate(ws, 10)
    after = _lessons(ws, 10)
    past = {d: v for d, v in before.items() if d < TODAY}
    assert {d: v for d, v in after.items() if d < TODAY} == past  # the past is kept as it was
    future = {d for d in after if d >= TODAY}
    assert future_monday in future and after[future_monday] == ("15:00", True)  # kept, flagged
    assert {d.isoweekday() for d in future - {future_monday}} == {2}
    assert all(after[d] == ("16:00", False) for d in future - {future_monday})
    assert date(2025, 11, 18) not in after  # a past Tuesday is not invented
    with ws.db.write() as s:  # Mondays come back: the flag goes
        s.add(ScheduleSlot(id=998, group_id=10, weekday=1, time_from="15:00", time_to="15:45", room="",
                           archived=False))
    _regenerate(ws, 10)
    assert _lessons(ws, 10)[future_monday] == ("15:00", False)


def test_a_marked_lesson_keeps_the_time_it_was_held_when_the_slot_moves(ws):
    _regenerate(ws, 10)
    monday, next_monday = date(2025, 11, 24), date(2025, 12, 1)
    _mark(ws, 10, monday)
    with ws.db.write() as s:  # Mondays stay, but from 16:00
        s.execute(update(ScheduleSlot).where(ScheduleSlot.group_id == 10, ScheduleSlot.weekday == 1)
                  .values(time_from="16:00", time_to="16:45"))
    _regenerate(ws, 10)
    after = _lessons(ws, 10)
    assert after[monday] == ("15:00", False)  # the attendance of 15:00 stays at 15:00
    assert after[next_monday] == ("16:00", False)  # an unmarked future lesson follows the schedule


def test_explicit_dates_replace_the_weekly_schedule(ws):
    days = [date(2025, 9, 5), date(2025, 12, 6), date(2026, 1, 10), date(2026, 7, 1)]  # the last: outside
    with ws.db.write() as s:
        s.execute(update(StudyGroup).where(StudyGroup.id == 20)
                  .values(explicit_dates=[d.isoformat() for d in days], cancelled_dates=["2026-01-10"]))
    _regenerate(ws, 20)
    assert _lessons(ws, 20) == {date(2025, 9, 5): ("", False), date(2025, 12, 6): ("", False)}


def test_an_archived_group_drops_future_unmarked_lessons_only(ws):
    _regenerate(ws, 10)
    marked = date(2025, 12, 1)
    _mark(ws, 10, marked)
    with ws.db.write() as s:
        s.execute(update(StudyGroup).where(StudyGroup.id == 10).values(archived=True))
    _regenerate(ws, 10)
    left = _lessons(ws, 10)
    assert {d for d in left if d >= TODAY} == {marked} and left[marked][1] is True
    assert any(d < TODAY for d in left)


def test_backfill_fills_the_past_of_a_group_that_has_lessons(ws):
    _regenerate(ws, 10, today=date(2025, 9, 1) + timedelta(days=1))
    with ws.db.write() as s:
        s.add(ScheduleSlot(id=997, group_id=10, weekday=5, time_from="10:00", time_to="10:45", room="",
                           archived=False))
    _regenerate(ws, 10)
    assert date(2025, 9, 5) not in _lessons(ws, 10) and date(2025, 11, 21) in _lessons(ws, 10)
    _regenerate(ws, 10, backfill=True)
    assert date(2025, 9, 5) in _lessons(ws, 10)


def test_open_card_with_four_modules_and_twenty_groups(ws):
    with ws.db.write() as s:
        for m in range(4):
            _module(s, 100 + m, 2)
        s.flush()
        for g in range(20):
            _group(s, 200 + g, 100 + g % 4, 2, weekdays=(1, 3, 5))
    view = ws.open_program("p:2")
    assert len(view.card.modules) >= 4
    assert sum(len(m.groups) for m in view.card.modules) == 21
    assert all(len(g.slots) == 3 for m in view.card.modules for g in m.groups if g.id and g.id >= 200)


def test_search_text_matches_the_migration_form():
    assert svc.program_search_text("Ёлочка  ", "Ёл") == search_text("Ёлочка Ёл") == "елочка ел"


def test_live_groups_block_a_submit_only_where_the_draft_tightened_the_module(ws):
    with ws.db.write() as s:  # a group the portal let grow beyond its module (the seed has such)
        s.execute(update(StudyGroup).where(StudyGroup.id == 10).values(capacity=40))
    card = _card(ws)
    assert "modules.0.groups.0.capacity" in [e.path for e in svc.check_card(ws.db, card)]
    key = ws.save_program_draft("p:1", replace(card, annotation="Ничего о группах"))
    ws.submit_program(key, TODAY)  # the module's limits are as published: the group is not the card's
    with ws.db.write() as s:
        s.execute(text("DELETE FROM outbox"))
        s.execute(update(ProgramDraft).values(state="draft"))
        s.execute(update(StudyGroup).where(StudyGroup.id == 10).values(capacity=15))
    tighter = replace(card, modules=(replace(card.modules[0], max_children=12),))
    ws.save_program_draft(key, tighter)
    with pytest.raises(svc.CardInvalid) as err:
        ws.submit_program(key, TODAY)
    assert [e.path for e in err.value.errors] == ["modules.0.groups.0.capacity"]


def test_russian_dictionary_titles_from_the_portal_read_as_codes(ws):
    with ws.db.write() as s:
        s.execute(update(Program).where(Program.id == 2).values(kind="общеразвивающая", form="очная",
                                                                level="базовый"))
    card = _card(ws, "p:2")
    assert (card.kind, card.form, card.level) == ("general", "full_time", "base")
