"""``models.marks.apply_marks``: the one writer of journal cells, for an edit, a pulled row and the
portal's record after a conflict or a refusal — what each writes and audits, on a real SQLite file."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select, text

from pfdo_desktop.domain.attendance import mark_id
from pfdo_desktop.models import (
    AUDIT_CONFLICT_LOST,
    AUDIT_EDIT,
    AUDIT_PULLED,
    AUDIT_REJECTED,
    AttendanceMark,
    Child,
    MarkAudit,
    Module,
    Program,
    Provider,
    StudyGroup,
)
from pfdo_desktop.models.marks import apply_marks, stored_mark, utc_text

DAY = date(2025, 11, 20)
T1 = datetime(2025, 11, 20, 10, 0, tzinfo=UTC)
T2 = datetime(2025, 11, 20, 11, 30, 15, 250000, tzinfo=UTC)
GROUP, ANNA, BORIS = 1, 1, 2


@pytest.fixture
def db(workspace):
    with workspace.db.write() as s:
        s.execute(text("PRAGMA defer_foreign_keys = ON"))
        s.add(Provider(id=1, name="ДДТ", archived=False))
        s.add(Program(id=1, provider_id=1, name="Рисунок", direction="art", registry_code="general",
                      age_from_months=60, age_to_months=131, status="published", archived=False))
        s.add(Module(id=1, program_id=1, name="1 год", hours=72, min_children=1, max_children=15,
                     price=0, normative_price=0, archived=False))
        s.add(StudyGroup(id=GROUP, module_id=1, program_id=1, provider_id=1, name="Рисунок-1", teacher="",
                         date_from=date(2025, 9, 1), date_to=date(2026, 5, 31), capacity=10,
                         cancelled_dates=[], archived=False))
        for cid, last in ((ANNA, "Антонова"), (BORIS, "Борисов")):
            s.add(Child(id=cid, last_name=last, first_name="А", middle_name="", birth_date=date(2015, 1, 1),
                        snils="", doc_kind="", doc_number="", search_name=last.lower(), archived=False))
    return workspace.db


def _apply(db, reason, *cells, keep=()):
    with db.write() as s:
        return apply_marks(s, [stored_mark(GROUP, child, DAY, code, at, by) for child, code, at, by in cells],
                           reason, keep=keep)


def _cells(db):
    with db.read() as s:
        return {(m.child_id, m.code, m.changed_at, m.changed_by) for m in s.scalars(select(AttendanceMark))}


def _audit(db):
    with db.read() as s:
        return [(a.child_id, a.old_code, a.new_code, a.changed_at, a.changed_by, a.reason)
                for a in s.scalars(select(MarkAudit).order_by(MarkAudit.id))]


def test_an_edit_writes_and_audits_only_the_cells_it_changes(db):
    _apply(db, AUDIT_EDIT, (ANNA, 1, T1, "ivanova"), (BORIS, None, T1, "ivanova"))
    assert _cells(db) == {(ANNA, 1, T1, "ivanova")}
    assert _audit(db) == [(ANNA, None, 1, T1, "ivanova", AUDIT_EDIT)]  # clearing an empty cell: nothing
    applied = _apply(db, AUDIT_EDIT, (ANNA, 1, T2, "petrova"), (BORIS, 2, T2, "petrova"))
    assert [(mark[2], old) for mark, old in applied] == [(BORIS, None)]  # Anna's code did not change
    assert _cells(db) == {(ANNA, 1, T1, "ivanova"), (BORIS, 2, T2, "petrova")}
    _apply(db, AUDIT_EDIT, (BORIS, None, T2, "petrova"))
    assert _cells(db) == {(ANNA, 1, T1, "ivanova")}
    assert _audit(db)[-1] == (BORIS, 2, None, T2, "petrova", AUDIT_EDIT)


def test_a_pull_fills_empty_cells_silently_and_audits_what_it_replaces_or_removes(db):
    _apply(db, AUDIT_PULLED, (ANNA, 1, T1, "a"), (BORIS, 2, T1, "b"))
    assert _audit(db) == []  # filled: audited on the portal
    _apply(db, AUDIT_PULLED, (ANNA, 1, T2, "a2"), (BORIS, 3, T2, "b2"))
    assert _cells(db) == {(ANNA, 1, T2, "a2"), (BORIS, 3, T2, "b2")}  # a refreshed cell keeps its code
    assert _audit(db) == [(BORIS, 2, 3, T2, "b2", AUDIT_PULLED)]
    with db.write() as s:  # a tombstone carries no time: the audit row takes the time it is recorded
        apply_marks(s, [stored_mark(GROUP, ANNA, DAY, None, None)], AUDIT_PULLED, recorded_at=T2)
    assert _cells(db) == {(BORIS, 3, T2, "b2")}
    assert _audit(db)[-1] == (ANNA, 1, None, T2, "", AUDIT_PULLED)


def test_a_pull_leaves_a_cell_with_an_unsent_edit_alone(db):
    _apply(db, AUDIT_EDIT, (ANNA, 4, T1, "ivanova"))
    written = _apply(db, AUDIT_PULLED, (ANNA, 1, T2, "other-pc"), (BORIS, 1, T2, "other-pc"),
                     keep={mark_id(GROUP, ANNA, DAY)})
    assert [mark[2] for mark, _old in written] == [BORIS]
    assert (ANNA, 4, T1, "ivanova") in _cells(db)


@pytest.mark.parametrize("reason", [AUDIT_CONFLICT_LOST, AUDIT_REJECTED])
def test_the_portals_record_after_a_conflict_or_refusal_is_always_audited(db, reason):
    _apply(db, AUDIT_EDIT, (ANNA, 2, T1, "ivanova"))
    _apply(db, reason, (ANNA, 2, T2, "portal"), (BORIS, None, T2, "portal"))
    assert _cells(db) == {(ANNA, 2, T2, "portal")}
    # even a record equal to the PC's code, even «no mark» for an empty cell, leaves its row
    assert _audit(db)[1:] == [(ANNA, 2, 2, T2, "portal", reason), (BORIS, None, None, T2, "portal", reason)]


def test_times_are_stored_in_the_text_the_orm_writes(db):
    _apply(db, AUDIT_EDIT, (ANNA, 1, T2, "ivanova"))
    with db.read() as s:
        raw = s.execute(text("SELECT changed_at, lesson_date FROM attendance_mark")).one()
    assert tuple(raw) == ("2025-11-20T11:30:15.250000Z", "2025-11-20")
    moscow = timezone(timedelta(hours=3))
    in_moscow = datetime(2025, 11, 20, 14, 30, 15, 250000, tzinfo=moscow)
    assert utc_text(in_moscow) == "2025-11-20T11:30:15.250000Z"
    assert utc_text(datetime(2025, 11, 20, 11, 30)) == "2025-11-20T11:30:00.000000Z"  # naive: UTC
    with db.read() as s:  # and the ORM reads them back as the same moments
        assert s.scalars(select(AttendanceMark.changed_at)).one() == T2
