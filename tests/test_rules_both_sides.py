"""The rules both sides apply (issue 11 §1, docs/rules.md): one table of cases, each run through the
PC's pre-check (the Workspace call the UI makes, on a real SQLite workspace) and through the portal
(a push over a real socket with the device's token). Both must give the same verdict — accepted, or
refused with the same reason code (for a new child: the same set of field paths).

Every case starts from the demo district, enrolled and synced; what a case changes on the portal
(a membership, a cancelled day, a billed month) is synced to the PC before the two verdicts: the
billed months travel in the provider record (``locked_months``), so no rule is left to the sync.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from pfdo_desktop.domain.identity import make_snils
from pfdo_desktop.models import AttendanceMark, Child, Lesson, Membership, ScheduleSlot, StudyGroup, utcnow
from pfdo_desktop.services.children import FORM_FIELD_OF_PATH
from pfdo_desktop.services.errors import NotAllowed, ValidationError
from pfdo_desktop.services.roster import PreviewRow, identity_key
from pfdo_desktop.services.rows import MarkChange, NewChild
from pfdo_desktop.sync import credentials
from pfdo_desktop.sync import protocol as p
from pfdo_desktop.sync.client import PortalClient
from pfdo_portal import admin

ACCEPTED = "accepted"
TODAY = date.today()


# --- the PC's data a case picks its cell from -----------------------------------------------------


@dataclass(frozen=True)
class Facts:
    group_id: int
    provider_id: int
    group_from: date
    group_to: date
    child_id: int  # an open member of the group
    lesson: date  # the group's last lesson (no mark on it yet)
    other_lesson: date  # a lesson before it
    no_lesson: date  # a day inside the group's dates with no lesson and no mark
    outsider: int  # a child of the provider who is not in the group
    marked: tuple[int, int, date, int]  # a seeded mark: group, child, day, code


def _facts(ws: Any) -> Facts:
    with ws.db.read() as s:
        for member in s.scalars(select(Membership).where(Membership.archived.is_(False),
                                                         Membership.date_to.is_(None))):
            group = s.get(StudyGroup, member.group_id)
            if group is None or group.explicit_dates:
                continue
            lessons = set(s.scalars(select(Lesson.lesson_date).where(Lesson.group_id == group.id)))
            marked_days = set(s.scalars(select(AttendanceMark.lesson_date).where(
                AttendanceMark.group_id == group.id)))
            weekdays = set(s.scalars(select(ScheduleSlot.weekday).where(ScheduleSlot.group_id == group.id)))
            future = sorted(d for d in lessons
                            if d > TODAY and d not in marked_days and d >= member.date_from)
            free = [group.date_to - timedelta(days=i) for i in range((group.date_to - TODAY).days)]
            free = [d for d in free if d not in lessons and d not in marked_days
                    and d.isoweekday() not in weekdays]
            if len(future) < 2 or not free:
                continue
            in_group = set(s.scalars(select(Membership.child_id).where(Membership.group_id == group.id)))
            outsider = s.scalar(select(Child.id).where(Child.id.not_in(in_group)).limit(1))
            mark = s.scalars(select(AttendanceMark)).first()
            assert outsider is not None and mark is not None
            return Facts(group.id, group.provider_id, group.date_from, group.date_to, member.child_id,
                         future[-1], future[-2], free[0],
                         outsider, (mark.group_id, mark.child_id, mark.lesson_date, mark.code))
    raise AssertionError("the demo district has no group to test marks in")


# --- the two verdicts of a mark ---------------------------------------------------------------


def _desktop_mark(ws: Any, group_id: int, day: date, child_id: int, code: int | None) -> str:
    try:
        ws.mark(group_id, day, [MarkChange(child_id, code)])
    except (ValidationError, NotAllowed) as refused:
        assert refused.reason, f"a refusal without a reason code: {refused.message}"
        assert refused.message  # the operator reads what is wrong and what to do
        return refused.reason
    return ACCEPTED


def _push(ws: Any, payload: Any) -> p.OpResult:
    device = ws.device()
    with PortalClient(device.portal_url, token=credentials.load_token(device.db_uuid)) as client:
        answer = client.push(p.PushRequest(device_id=device.device_id, batch_id=str(uuid.uuid4()),
                                           ops=[p.wire_op(p.typed_op(str(uuid.uuid4()), payload))]))
    (result,) = answer.results
    return result


def _portal_mark(ws: Any, group_id: int, day: date, child_id: int, code: int | None) -> str:
    cell = dict(group_id=group_id, child_id=child_id, lesson_date=day, changed_at=utcnow(), changed_by="test")
    payload = (p.MarkClearPayload(**cell) if code is None  # type: ignore[arg-type]
               else p.MarkSetPayload(**cell, code=code))  # type: ignore[arg-type]
    result = _push(ws, payload)
    if result.status in (p.APPLIED, p.DUPLICATE):
        return ACCEPTED
    assert result.status == p.REJECTED, result
    return result.code or ""


# --- the mark cases: (setup on the portal → the cell), expected verdict ------------------------

Cell = tuple[int, date, int, int | None]  # group, day, child, code (None: clear)


def _member_on_a_lesson(f: Facts, db_url: str) -> Cell:
    return f.group_id, f.lesson, f.child_id, 1


def _unknown_code(f: Facts, db_url: str) -> Cell:
    return f.group_id, f.lesson, f.child_id, 7


def _no_lesson(f: Facts, db_url: str) -> Cell:
    return f.group_id, f.no_lesson, f.child_id, 1


def _cancelled_lesson(f: Facts, db_url: str) -> Cell:
    admin.set_group_cancelled_dates(db_url, f.group_id, [f.lesson])
    return f.group_id, f.lesson, f.child_id, 1


def _before_the_group(f: Facts, db_url: str) -> Cell:
    return f.group_id, f.group_from - timedelta(days=1), f.child_id, 1


def _after_the_group(f: Facts, db_url: str) -> Cell:
    return f.group_id, f.group_to + timedelta(days=1), f.child_id, 1


def _before_joining(f: Facts, db_url: str) -> Cell:
    admin.add_membership(db_url, f.group_id, f.outsider, f.lesson + timedelta(days=1))
    return f.group_id, f.lesson, f.outsider, 1


def _after_leaving(f: Facts, db_url: str) -> Cell:
    admin.add_membership(db_url, f.group_id, f.outsider, f.group_from, f.lesson - timedelta(days=1))
    return f.group_id, f.lesson, f.outsider, 1


def _clear_a_mark(f: Facts, db_url: str) -> Cell:
    group_id, child_id, day, _code = f.marked
    return group_id, day, child_id, None


def _a_held_lesson_the_schedule_lost(f: Facts, db_url: str) -> Cell:
    group_id, child_id, day, code = f.marked  # marked, then the day left the schedule: still markable
    admin.set_group_cancelled_dates(db_url, group_id, [day])
    return group_id, day, child_id, 1 if code != 1 else 2


def _billed_month(f: Facts, db_url: str) -> Cell:
    admin.lock_month(db_url, f.provider_id, f.lesson)
    return f.group_id, f.lesson, f.child_id, 1


def _a_clear_in_a_billed_month(f: Facts, db_url: str) -> Cell:
    group_id, child_id, day, _code = f.marked
    admin.lock_month(db_url, f.provider_id, day)
    return group_id, day, child_id, None


def _an_outsider_in_a_billed_month(f: Facts, db_url: str) -> Cell:
    admin.lock_month(db_url, f.provider_id, f.lesson)  # membership comes before the billed month
    return f.group_id, f.lesson, f.outsider, 1


def _the_month_after_a_billed_one(f: Facts, db_url: str) -> Cell:
    admin.lock_month(db_url, f.provider_id, f.lesson.replace(day=1) - timedelta(days=1))
    return f.group_id, f.lesson, f.child_id, 1


MARK_CASES: list[tuple[str, Callable[[Facts, str], Cell], str]] = [
    ("a member on a lesson day", _member_on_a_lesson, ACCEPTED),
    ("an unknown code", _unknown_code, p.R_INVALID),
    ("a day without a lesson", _no_lesson, p.R_NO_LESSON),
    ("a lesson cancelled on the portal", _cancelled_lesson, p.R_NO_LESSON),
    ("the day before the group starts", _before_the_group, p.R_OUTSIDE_GROUP_DATES),
    ("the day after the group ends", _after_the_group, p.R_OUTSIDE_GROUP_DATES),
    ("a child before joining", _before_joining, p.R_NOT_MEMBER),
    ("a child after leaving", _after_leaving, p.R_NOT_MEMBER),
    ("a clear of a mark", _clear_a_mark, ACCEPTED),
    ("a held lesson the schedule later lost", _a_held_lesson_the_schedule_lost, ACCEPTED),
    ("a lesson in a billed month", _billed_month, p.R_MONTH_LOCKED),
    ("a clear in a billed month", _a_clear_in_a_billed_month, p.R_MONTH_LOCKED),
    ("a child not in the group, in a billed month", _an_outsider_in_a_billed_month, p.R_NOT_MEMBER),
    ("a lesson the month after a billed one", _the_month_after_a_billed_one, ACCEPTED),
]


@pytest.mark.parametrize("setup,expected", [pytest.param(s, e, id=name) for name, s, e in MARK_CASES])
def test_a_mark_gets_the_same_verdict_on_both_sides(enrolled_workspace, portal_db, setup, expected):
    ws = enrolled_workspace
    group_id, day, child_id, code = setup(_facts(ws), portal_db)
    ws.sync()  # what the case changed on the portal reaches the PC
    desktop = _desktop_mark(ws, group_id, day, child_id, code)
    portal = _portal_mark(ws, group_id, day, child_id, code)
    assert (desktop, portal) == (expected, expected)


# --- lesson states (issue 12): the two verdicts of a state change, and marks that follow -----------

LessonCase = tuple[int, date, str, date | None, str]  # group, the lesson's date, state, moved to, reason


def _desktop_state(ws: Any, group_id: int, day: date, state: str, moved_to: date | None, reason: str) -> str:
    try:
        if state == "cancelled_by_provider":
            ws.cancel_lesson(group_id, day, reason)
        elif state == "moved":
            assert moved_to is not None
            ws.move_lesson(group_id, day, moved_to, reason)
        else:
            ws.hold_lesson(group_id, day)
    except ValidationError as refused:
        assert refused.reason and refused.message
        return refused.reason
    return ACCEPTED


def _portal_state(ws: Any, group_id: int, day: date, state: str, moved_to: date | None, reason: str) -> str:
    result = _push(ws, p.LessonStatePayload.model_validate(dict(
        group_id=group_id, lesson_date=day, state=state, moved_to=moved_to, reason=reason,
        changed_at=utcnow(), changed_by="test")))
    if result.status in (p.APPLIED, p.DUPLICATE):
        return ACCEPTED
    assert result.status == p.REJECTED, result
    return result.code or ""


def _cancel(f: Facts, ws: Any, db_url: str) -> LessonCase:
    return f.group_id, f.lesson, "cancelled_by_provider", None, "болезнь педагога"


def _cancel_without_a_reason(f: Facts, ws: Any, db_url: str) -> LessonCase:
    return f.group_id, f.lesson, "cancelled_by_provider", None, " "


def _cancel_a_day_without_a_lesson(f: Facts, ws: Any, db_url: str) -> LessonCase:
    return f.group_id, f.no_lesson, "cancelled_by_provider", None, "ремонт"


def _cancel_in_a_billed_month(f: Facts, ws: Any, db_url: str) -> LessonCase:
    admin.lock_month(db_url, f.provider_id, f.lesson)
    return f.group_id, f.lesson, "cancelled_by_provider", None, "болезнь педагога"


def _cancel_a_marked_lesson(f: Facts, ws: Any, db_url: str) -> LessonCase:
    group_id, _child, day, _code = f.marked
    return group_id, day, "cancelled_by_provider", None, "болезнь педагога"


def _move_to_a_free_day(f: Facts, ws: Any, db_url: str) -> LessonCase:
    return f.group_id, f.lesson, "moved", f.no_lesson, "зал занят"


def _move_onto_a_lesson(f: Facts, ws: Any, db_url: str) -> LessonCase:
    return f.group_id, f.lesson, "moved", f.other_lesson, ""


def _move_after_the_group(f: Facts, ws: Any, db_url: str) -> LessonCase:
    return f.group_id, f.lesson, "moved", f.group_to + timedelta(days=2), ""


def _move_into_a_billed_month(f: Facts, ws: Any, db_url: str) -> LessonCase:
    admin.lock_month(db_url, f.provider_id, f.no_lesson)
    return f.group_id, f.lesson, "moved", f.no_lesson, ""


def _held_again(f: Facts, ws: Any, db_url: str) -> LessonCase:
    ws.cancel_lesson(f.group_id, f.lesson, "болезнь педагога")  # reaches the portal at the sync
    return f.group_id, f.lesson, "held", None, ""


LESSON_CASES: list[tuple[str, Callable[[Facts, Any, str], LessonCase], str]] = [
    ("a lesson cancelled by the provider", _cancel, ACCEPTED),
    ("a cancel without a reason", _cancel_without_a_reason, p.R_INVALID),
    ("a cancel of a day without a lesson", _cancel_a_day_without_a_lesson, p.R_NO_LESSON),
    ("a cancel in a billed month", _cancel_in_a_billed_month, p.R_MONTH_LOCKED),
    ("a cancel of a lesson with marks", _cancel_a_marked_lesson, p.R_LESSON_MARKED),
    ("a move to a day without a lesson", _move_to_a_free_day, ACCEPTED),
    ("a move onto another lesson", _move_onto_a_lesson, p.R_MOVED_TO_TAKEN),
    ("a move after the group ends", _move_after_the_group, p.R_OUTSIDE_GROUP_DATES),
    ("a move into a billed month", _move_into_a_billed_month, p.R_MONTH_LOCKED),
    ("a cancelled lesson held again", _held_again, ACCEPTED),
]


@pytest.mark.parametrize("setup,expected", [pytest.param(s, e, id=name) for name, s, e in LESSON_CASES])
def test_a_lesson_state_gets_the_same_verdict_on_both_sides(enrolled_workspace, portal_db, setup, expected):
    ws = enrolled_workspace
    group_id, day, state, moved_to, reason = setup(_facts(ws), ws, portal_db)
    ws.sync()
    desktop = _desktop_state(ws, group_id, day, state, moved_to, reason)
    portal = _portal_state(ws, group_id, day, state, moved_to, reason)
    assert (desktop, portal) == (expected, expected)


def _on_a_cancelled_lesson(f: Facts, ws: Any, db_url: str) -> Cell:
    ws.cancel_lesson(f.group_id, f.lesson, "болезнь педагога")
    return f.group_id, f.lesson, f.child_id, 1


def _on_the_date_a_lesson_left(f: Facts, ws: Any, db_url: str) -> Cell:
    ws.move_lesson(f.group_id, f.lesson, f.no_lesson)
    return f.group_id, f.lesson, f.child_id, 1


def _on_the_date_a_lesson_moved_to(f: Facts, ws: Any, db_url: str) -> Cell:
    ws.move_lesson(f.group_id, f.lesson, f.no_lesson)
    return f.group_id, f.no_lesson, f.child_id, 1


STATE_MARK_CASES: list[tuple[str, Callable[[Facts, Any, str], Cell], str]] = [
    ("a mark on a lesson cancelled by the provider", _on_a_cancelled_lesson, p.R_LESSON_CANCELLED),
    ("a mark on the date a lesson was moved from", _on_the_date_a_lesson_left, p.R_LESSON_MOVED),
    ("a mark on the date a lesson was moved to", _on_the_date_a_lesson_moved_to, ACCEPTED),
]


@pytest.mark.parametrize("setup,expected", [pytest.param(s, e, id=name) for name, s, e in STATE_MARK_CASES])
def test_a_mark_after_a_lesson_state_gets_the_same_verdict_on_both_sides(enrolled_workspace, portal_db,
                                                                         setup, expected):
    ws = enrolled_workspace
    group_id, day, child_id, code = setup(_facts(ws), ws, portal_db)
    ws.sync()  # the state reaches the portal
    assert ws.issues() == []
    desktop = _desktop_mark(ws, group_id, day, child_id, code)
    portal = _portal_mark(ws, group_id, day, child_id, code)
    assert (desktop, portal) == (expected, expected)


def test_a_month_billed_after_the_pc_s_last_sync_is_refused_by_the_portal_at_the_next(
        enrolled_workspace, portal_db):
    """The PC knows the billed months as of its last sync (the provider record's ``locked_months``).
    A month billed since: the PC takes the mark, the portal refuses it ``month_locked`` (the same
    domain rule) and the sync puts the refusal into «Требует внимания», the billed value back into
    the journal — and from then on the PC refuses such a mark itself."""
    ws = enrolled_workspace
    f = _facts(ws)
    admin.lock_month(db_url=portal_db, provider_id=f.provider_id, month=f.lesson)
    assert _desktop_mark(ws, f.group_id, f.lesson, f.child_id, 1) == ACCEPTED
    ws.sync()
    assert [i.code for i in ws.issues()] == [p.R_MONTH_LOCKED]
    journal = ws.journal(f.group_id, f.lesson, f.lesson)
    assert (f.child_id, f.lesson) not in journal.marks  # the billed (empty) value stands
    assert _desktop_mark(ws, f.group_id, f.lesson, f.child_id, 1) == p.R_MONTH_LOCKED


# --- new children -------------------------------------------------------------------------------

BORN = date(TODAY.year - 10, 1, 15)


def _form(**changes: Any) -> NewChild:
    values: dict[str, Any] = dict(
        last_name="Правилова", first_name="Алёна", middle_name="Игоревна", birth_date=BORN, snils="",
        doc_kind="birth_certificate", doc_number="IV-МЮ 654321", guardian_last_name="Правилова",
        guardian_first_name="Ольга", guardian_middle_name="", guardian_relation="mother",
        phone="+79120001122", email="", certificate_number="")
    values.update(changes)
    return NewChild(**values)


def _payload(form: NewChild) -> p.ChildCreatePayload:
    """What the PC sends for the form (services.children.add_requests) — built from the raw values,
    so the portal sees the same mistakes the PC's pre-check saw."""
    guardian = None
    if form.guardian_last_name or form.guardian_first_name:
        guardian = p.GuardianPayload.model_construct(
            last_name=form.guardian_last_name, first_name=form.guardian_first_name,
            middle_name=form.guardian_middle_name, relation=form.guardian_relation or "mother",
            phone=form.phone, email=form.email)
    assert form.birth_date is not None
    return p.ChildCreatePayload.model_construct(
        uid=str(uuid.uuid4()), last_name=form.last_name, first_name=form.first_name,
        middle_name=form.middle_name, birth_date=form.birth_date, snils=form.snils, doc_kind=form.doc_kind,
        doc_number=form.doc_number, certificate_number=form.certificate_number, guardian=guardian,
        request_certificate=True)


def _portal_child(ws: Any, form: NewChild) -> tuple[str, frozenset[str]]:
    result = _push(ws, _payload(form))
    if result.status in (p.APPLIED, p.CONFLICT):  # created / existing / ambiguous: taken
        return ACCEPTED, frozenset()
    assert result.status == p.REJECTED, result
    return result.code or "", frozenset(result.field_errors or {})


_PATH_OF_FIELD = {field: path for path, field in FORM_FIELD_OF_PATH.items()}


def _desktop_form(ws: Any, form: NewChild) -> tuple[str, frozenset[str]]:
    errors = ws.validate_new_child(form, TODAY)
    if not errors:
        return ACCEPTED, frozenset()
    return p.R_INVALID, frozenset(_PATH_OF_FIELD.get(name, name) for name in errors)


def _desktop_roster(ws: Any, form: NewChild) -> tuple[str, frozenset[str]]:
    """A roster line (no document; a guardian only when the file names one) through the import."""
    assert form.birth_date is not None
    parent = " ".join(n for n in (form.guardian_last_name, form.guardian_first_name) if n)
    values = {"last_name": form.last_name, "first_name": form.first_name, "middle_name": form.middle_name,
              "birth_date": form.birth_date.isoformat(), "snils": form.snils,
              "certificate_number": form.certificate_number, "parent_name": parent,
              "phone": form.phone if parent else "", "email": ""}
    row = PreviewRow(line_no=2, values=values, errors={},
                     key=identity_key(form.last_name, form.first_name, form.middle_name, form.birth_date))
    report = ws.import_roster([row], TODAY)
    return (ACCEPTED, frozenset()) if report.imported == 1 else (p.R_INVALID, frozenset({"roster"}))


_ROSTER = dict(doc_kind="", doc_number="")
_NO_GUARDIAN = dict(guardian_last_name="", guardian_first_name="", phone="")

CHILD_CASES: list[tuple[str, Callable[[Any, NewChild], tuple[str, frozenset[str]]], dict[str, Any],
                        str, set[str]]] = [
    ("a valid form", _desktop_form, {}, ACCEPTED, set()),
    ("a Latin surname", _desktop_form, {"last_name": "Smith"}, p.R_INVALID, {"last_name"}),
    ("a digit in the first name", _desktop_form, {"first_name": "Ал4на"}, p.R_INVALID, {"first_name"}),
    ("a three-year-old", _desktop_form, {"birth_date": date(TODAY.year - 3, 1, 1)}, p.R_INVALID,
     {"birth_date"}),
    ("an eighteen-year-old", _desktop_form, {"birth_date": date(TODAY.year - 19, 1, 1)}, p.R_INVALID,
     {"birth_date"}),
    ("a СНИЛС with a wrong control number", _desktop_form, {"snils": "112-233-445 96"}, p.R_INVALID,
     {"snils"}),
    ("a valid СНИЛС", _desktop_form, {"snils": make_snils(200300400)}, ACCEPTED, set()),
    ("a document kind without its number", _desktop_form, {"doc_kind": "passport", "doc_number": ""},
     p.R_INVALID, {"doc_number"}),
    ("a passport number of 9 digits", _desktop_form, {"doc_kind": "passport", "doc_number": "45 10 12345"},
     p.R_INVALID, {"doc_number"}),
    ("a birth certificate number out of format", _desktop_form, {"doc_number": "123"}, p.R_INVALID,
     {"doc_number"}),
    ("a document number without its kind", _desktop_form, {"doc_kind": ""}, p.R_INVALID, {"doc_kind"}),
    ("an unknown document kind", _desktop_form, {"doc_kind": "diploma"}, p.R_INVALID, {"doc_kind"}),
    ("a certificate number of 3 digits", _desktop_form, {"certificate_number": "123"}, p.R_INVALID,
     {"certificate_number"}),
    ("a guardian's Latin name", _desktop_form, {"guardian_first_name": "Olga"}, p.R_INVALID,
     {"guardian.first_name"}),
    ("a guardian's unknown relation", _desktop_form, {"guardian_relation": "aunt"}, p.R_INVALID,
     {"guardian.relation"}),
    ("a guardian's wrong phone", _desktop_form, {"phone": "12345"}, p.R_INVALID, {"guardian.phone"}),
    ("a guardian's wrong e-mail", _desktop_form, {"email": "olga@mail"}, p.R_INVALID, {"guardian.email"}),
    ("a roster line without a document", _desktop_roster, _ROSTER, ACCEPTED, set()),
    ("a roster line of a young child without a guardian", _desktop_roster, {**_ROSTER, **_NO_GUARDIAN},
     ACCEPTED, set()),
    ("a roster line with a Latin surname", _desktop_roster, {**_ROSTER, "last_name": "Smith"}, p.R_INVALID,
     None),
]


@pytest.mark.parametrize("desktop,changes,expected,paths",
                         [pytest.param(d, c, e, f, id=name) for name, d, c, e, f in CHILD_CASES])
def test_a_new_child_gets_the_same_verdict_on_both_sides(enrolled_workspace, desktop, changes, expected,
                                                          paths):
    ws = enrolled_workspace
    form = replace(_form(), **changes)
    on_pc, pc_paths = desktop(ws, form)
    on_portal, portal_paths = _portal_child(ws, form)
    assert (on_pc, on_portal) == (expected, expected)
    if paths is not None:  # the form and the portal name the same fields
        assert pc_paths == portal_paths == frozenset(paths)
