"""The rules both sides build the month's rows by (domain/payment_rows.py): a PC and the portal
that read the same facts hand ``compute_month`` the same rows, so their figures agree."""

from __future__ import annotations

from datetime import date

import pytest

from pfdo_desktop.domain import payment as pay
from pfdo_desktop.domain import payment_rows as rows

NOV = (2026, 11)


def test_a_weekly_group_s_lessons_have_an_hour_per_slot_and_keep_their_states():
    # Mondays (two slots) and Wednesdays (one) of 02.11–11.11; the 09.11 lesson was cancelled by
    # the provider, 04.11 moved to 05.11, and 10.11 (a Tuesday, off the schedule) was moved too.
    lessons = rows.group_lessons(
        date(2026, 11, 2), date(2026, 11, 11), group_from=date(2026, 9, 1), group_to=date(2027, 5, 31),
        weekday_slots={1: 2, 3: 1},
        states={date(2026, 11, 9): (pay.LESSON_CANCELLED, None),
                date(2026, 11, 4): (pay.LESSON_MOVED, date(2026, 11, 5)),
                date(2026, 11, 10): (pay.LESSON_MOVED, date(2026, 11, 12))})
    assert [(x.lesson_date.day, x.hours, x.state, x.moved_to) for x in lessons] == [
        (2, 2, pay.LESSON_HELD, None),
        (4, 1, pay.LESSON_MOVED, date(2026, 11, 5)),
        (9, 2, pay.LESSON_CANCELLED, None),
        (10, 1, pay.LESSON_MOVED, date(2026, 11, 12)),
        (11, 1, pay.LESSON_HELD, None),
    ]


def test_a_group_scheduled_by_dates_has_one_hour_a_date_inside_its_dates_and_not_cancelled():
    lessons = rows.group_lessons(
        date(2026, 11, 1), date(2026, 11, 30), group_from=date(2026, 11, 5), group_to=date(2026, 11, 25),
        weekday_slots={1: 3}, explicit_dates={date(2026, 11, 3), date(2026, 11, 10), date(2026, 11, 17)},
        cancelled_dates={date(2026, 11, 17)})
    assert [(x.lesson_date, x.hours) for x in lessons] == [(date(2026, 11, 10), 1)]


@pytest.mark.parametrize(("member_from", "end_date", "expected"), [
    (None, None, (date(2026, 10, 1), date(2027, 5, 31))),  # the application's start … the group's end
    (date(2026, 10, 15), None, (date(2026, 10, 15), date(2027, 5, 31))),  # enrolled later
    (date(2026, 8, 20), date(2026, 12, 1), (date(2026, 9, 1), date(2026, 12, 1))),  # clipped to the group
])
def test_a_contract_s_period_is_its_enrolment_inside_the_group_s_dates(member_from, end_date, expected):
    assert rows.contract_period(member_from, date(2026, 10, 1), end_date,
                                date(2026, 9, 1), date(2027, 5, 31)) == expected


def test_the_contract_date_is_the_confirmation_else_the_order_else_the_start():
    history = [{"status": "new", "at": "2026-09-20T10:00:00+00:00"},
               {"status": "confirmed", "at": "2026-09-22T08:30:00+00:00"}]
    assert rows.contract_date(history, date(2026, 9, 25), date(2026, 10, 1)) == date(2026, 9, 22)
    assert rows.contract_date(history[:1], date(2026, 9, 25), date(2026, 10, 1)) == date(2026, 9, 25)
    assert rows.contract_date([], None, date(2026, 10, 1)) == date(2026, 10, 1)


def test_attended_counts_present_marks_at_held_lessons_inside_the_period_only():
    lessons = rows.group_lessons(date(2026, 11, 1), date(2026, 11, 30), group_from=date(2026, 9, 1),
                                 group_to=date(2027, 5, 31), weekday_slots={1: 1},
                                 states={date(2026, 11, 16): (pay.LESSON_CANCELLED, None)})
    held = rows.held_days(lessons, NOV, date(2026, 9, 1), date(2027, 5, 31))
    assert sorted(d.day for d in held) == [2, 9, 23, 30]
    present = [date(2026, 11, d) for d in (2, 9, 16, 18, 30)]
    # 16.11 was cancelled, 18.11 is no lesson, 30.11 is after the contract's last day
    assert rows.attended_count(present, held, (date(2026, 10, 1), date(2026, 11, 29))) == 2


def test_the_payer_is_the_provider_s_municipality_as_written():
    assert rows.payer_of_provider("  Заречный муниципальный округ ") == "Заречный муниципальный округ"


def test_a_closed_month_is_corrected_by_what_it_owes_now_less_what_was_invoiced_and_carried():
    from decimal import Decimal

    from pfdo_desktop.domain.payment_month import (
        ContractFigures,
        InvoicedLine,
        MonthFigures,
        closed_month_corrections,
    )

    signed = date(2026, 9, 1)
    payer = "Заречный муниципальный округ"

    def now(cid: str, payment: str) -> ContractFigures:
        return ContractFigures(cid, f"Д-{cid}", signed, "5201003001", payer, "1", Decimal("100.00"),
                               Decimal(payment), Decimal(payment), Decimal("0.00"), Decimal("0.00"),
                               Decimal("0.00"), pay.PARENT_FIXED, 8, 8)

    # Invoiced in October: A 1 000.00, B 500.00; a later invoice already took 100.00 off A.
    invoiced = [InvoicedLine("A", "Д-A", signed, "5201003001", Decimal("1000.00")),
                InvoicedLine("B", "Д-B", signed, "5201003001", Decimal("500.00"))]
    carried = [InvoicedLine("A", "Д-A", signed, "5201003001", Decimal("-100.00"))]
    # Recomputed now: A owes 850.00 (−50.00 more), B still 500.00 (no line), C is new (+300.00).
    recomputed = MonthFigures((2026, 10), (), (now("A", "850.00"), now("B", "500.00"),
                                               now("C", "300.00")), ())
    lines = closed_month_corrections((2026, 10), payer, invoiced, carried, recomputed)
    assert [(c.contract_id, c.month, c.amount) for c in lines] == [
        ("A", (2026, 10), Decimal("-50.00")), ("C", (2026, 10), Decimal("300.00"))]
