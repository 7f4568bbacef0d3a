"""The provider's month computed on this PC (issue 12, services/payment.py): the demo district
synced from the real portal, one contract checked by hand, the groups' figures summed from the
contracts, what blocks closing found in the journal and in the applications."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

import pytest

from pfdo_desktop.models import Application, AttendanceMark, StudyGroup
from pfdo_desktop.workspace_types import MarkChange, NotFound, ValidationError

TODAY = date.today()


def last_month(today: date = TODAY) -> tuple[int, int]:
    return (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)


def _months(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _a_contract_in_force(ws, month: tuple[int, int]) -> tuple[Application, StudyGroup]:
    """An active contract that began before the month and runs on after it (not its first month)."""
    first = date(*month, 1)
    with ws.db.read() as s:
        for app in s.query(Application).filter(Application.status == "active",
                                               Application.certificate_part > 0).order_by(Application.id):
            group = s.get(StudyGroup, app.group_id)
            if app.start_date < first and app.end_date is None and group.date_to > date(first.year + 1, 1, 1):
                s.expunge(app)
                s.expunge(group)
                return app, group
    raise AssertionError("the demo district has an active contract in force")


def test_one_contract_of_the_demo_month_agrees_with_a_hand_check(enrolled_workspace):
    ws = enrolled_workspace
    month = last_month()
    app, group = _a_contract_in_force(ws, month)
    # by hand: the part split over the months the contract touches, equal later months truncated to
    # kopecks (the first takes the remainder); this month is a later one; every lesson was held (k 100)
    n = _months(max(app.start_date, group.date_from), group.date_to)
    later = (app.certificate_part / n).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    invoice = ws.invoice_document(month, today=TODAY)
    line = next(line for line in invoice.lines if line.contract_number == app.contract_number)
    assert line.completeness == Decimal("100.00")
    assert line.amount == later  # × 100,00 / 100
    assert invoice.total == sum((x.amount for x in invoice.lines), Decimal(0))
    assert invoice.due == invoice.total - invoice.advance

    view = ws.month_view(month, today=TODAY)
    row = next(g for g in view.groups if g.group_id == group.id)
    assert row.planned == row.held >= 4 and row.cancelled == 0 and row.k == Decimal("100.00")
    assert row.certificate_sum >= later and row.contracts >= 1
    assert sum((g.certificate_sum for g in view.groups), Decimal(0)) == view.certificate_total
    assert view.certificate_total == invoice.total
    assert view.contracts >= len(invoice.lines)  # a contract paid by the parent alone has no line
    assert view.payers == (invoice.payer.name,) and invoice.payer.name  # the provider's municipality


def test_advance_and_register_list_the_same_contracts_as_the_invoice(enrolled_workspace):
    ws = enrolled_workspace
    month = last_month()
    invoice = ws.invoice_document(month, today=TODAY)
    advance = ws.advance_document(month, today=TODAY)
    register = ws.contracts_register_document(month, today=TODAY)
    numbers = {line.contract_number for line in invoice.lines}
    assert {line.contract_number for line in advance.lines} == numbers
    assert advance.base == sum((line.monthly_amount for line in advance.lines), Decimal(0))
    assert advance.percent == Decimal(80)
    assert advance.amount == (advance.base * Decimal("0.8")).quantize(Decimal("0.01"))
    assert invoice.advance == Decimal("0.00")  # no advance was requested from the portal for the month
    assert len(register.rows) == len(invoice.lines)
    assert all(row.child_name and row.group_name for row in register.rows)


def test_a_lesson_without_marks_and_a_child_not_marked_block_closing(enrolled_workspace):
    ws = enrolled_workspace
    month = last_month()
    assert not [b for b in ws.month_view(month, today=TODAY).blockers if b.group_id is not None]
    first, last = date(*month, 1), date(month[0] + (month[1] == 12), month[1] % 12 + 1, 1)
    with ws.db.read() as s:
        marks = s.query(AttendanceMark).filter(AttendanceMark.lesson_date >= first,
                                               AttendanceMark.lesson_date < last).all()
        by_lesson: dict[tuple[int, date], list[int]] = {}
        for m in marks:
            by_lesson.setdefault((m.group_id, m.lesson_date), []).append(m.child_id)
    (gid, day), children = max(by_lesson.items(), key=lambda item: (len(item[1]), item[0]))
    other = next((g, d) for (g, d) in sorted(by_lesson) if g != gid)
    ws.mark(gid, day, [MarkChange(child, None) for child in children])  # the whole lesson unmarked
    ws.mark(other[0], other[1], [MarkChange(by_lesson[other][0], None)])  # one child left unmarked
    view = ws.month_view(month, today=TODAY)
    names = {g.group_id: g.name for g in view.groups}
    lesson = [b for b in view.blockers if b.group_id is not None]
    assert [(b.code, b.group_id, b.lesson_date) for b in lesson] == sorted(
        [("lesson_unmarked", gid, day), ("lesson_incomplete", other[0], other[1])],
        key=lambda t: names[t[1]])
    texts = {b.code: b.text for b in lesson}
    assert texts["lesson_unmarked"] == f"{names[gid]}: занятие {day:%d.%m} без отметок"
    assert texts["lesson_incomplete"] == (f"{names[other[0]]}: занятие {other[1]:%d.%m} — "
                                          "нет отметок у 1 ребёнка")


def test_applications_waiting_too_long_block_closing(enrolled_workspace):
    view = enrolled_workspace.month_view(last_month(), today=TODAY)
    waiting = [b for b in view.blockers if b.code == "applications_undecided"]
    assert len(waiting) == 1 and "без решения старше 5 дней" in waiting[0].text


def test_a_month_without_contracts_and_an_unknown_payer_are_refused_in_russian(enrolled_workspace):
    ws = enrolled_workspace
    with pytest.raises(NotFound, match="нет договоров, оплачиваемых по сертификатам"):
        ws.invoice_document((2001, 1), today=TODAY)
    with pytest.raises(ValidationError, match="нет договоров плательщика «Нигде»"):
        ws.advance_document(last_month(), payer="Нигде", today=TODAY)


def test_a_lesson_cancelled_by_the_provider_lowers_k_and_the_invoice(enrolled_workspace):
    ws = enrolled_workspace
    month = last_month()
    app, group = _a_contract_in_force(ws, month)
    before = next(g for g in ws.month_view(month, today=TODAY).groups if g.group_id == group.id)
    line_before = next(x for x in ws.invoice_document(month, today=TODAY).lines
                       if x.contract_number == app.contract_number)
    first = date(*month, 1)
    with ws.db.read() as s:
        day = s.query(AttendanceMark.lesson_date).filter(
            AttendanceMark.group_id == group.id, AttendanceMark.lesson_date >= first).order_by(
            AttendanceMark.lesson_date).first()[0]
        children = [m.child_id for m in s.query(AttendanceMark).filter_by(group_id=group.id, lesson_date=day)]
    ws.mark(group.id, day, [MarkChange(child, None) for child in children])  # a cancelled lesson has no marks
    ws.cancel_lesson(group.id, day, "болезнь педагога")
    after = next(g for g in ws.month_view(month, today=TODAY).groups if g.group_id == group.id)
    assert (after.planned, after.held, after.cancelled) == (before.planned, before.held - 1, 1)
    # by hand, with every lesson of this group one hour long that weekday (one slot a day)
    k = (Decimal(100) * (before.planned - 1) / before.planned).quantize(Decimal("0.01"),
                                                                        rounding=ROUND_HALF_UP)
    assert after.k == k < Decimal(100)
    line = next(x for x in ws.invoice_document(month, today=TODAY).lines
                if x.contract_number == app.contract_number)
    assert line.completeness == k
    assert line.amount == (line_before.amount * k / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    view = ws.month_view(month, today=TODAY)
    assert not [b for b in view.blockers if b.group_id == group.id and b.lesson_date == day]
