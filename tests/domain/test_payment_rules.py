"""The monthly money cycle's rules (issue 12, docs/payment.md): every figure below is computed by hand
in the comment beside it, so a reader can check the rule without running anything."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pfdo_desktop.domain.applications import APP_ACTIVE, APP_CONFIRMED, APP_EXPELLED, APP_TERMINATED
from pfdo_desktop.domain.money import format_rub, split_months
from pfdo_desktop.domain.payment import (
    LESSON_CANCELLED,
    LESSON_MOVED,
    PARENT_BY_ATTENDANCE,
    PARENT_FIXED,
    R_TOO_EARLY,
    R_TOO_LATE,
    Lesson,
    advance_amount,
    advance_percent,
    advance_request_from,
    amount_due,
    certificate_payment,
    completeness_percent,
    document_key,
    document_refusal,
    federal_holidays,
    group_month,
    held_lessons_between,
    invoice_issue_from,
    invoice_key,
    k_text,
    monthly_amount,
    parent_payment,
    parse_month,
    payable_months,
    pays_in,
    termination_last_day,
    unpaid,
)
from pfdo_desktop.domain.payment_closing import (
    B_APPLICATIONS_UNDECIDED,
    B_LESSON_INCOMPLETE,
    B_LESSON_UNMARKED,
    B_LESSONS_UNMARKED,
    B_MONTH_NOT_OVER,
    LessonMarks,
    closing_blockers,
)
from pfdo_desktop.domain.payment_month import (
    ContractRow,
    DocumentLine,
    GroupRow,
    build_advance,
    build_invoice,
    compare_months,
    compute_month,
    corrections_between,
    differences_text,
    document_errors,
)
from pfdo_desktop.domain.pricing import months_between

D = Decimal
NOV = (2025, 11)
DEC = (2025, 12)


def d(day: int, month: int = 11, year: int = 2025) -> date:
    return date(year, month, day)


# --- the worked example of docs/payment.md ------------------------------------------------------
# «Робототехника»: Tue and Thu, 2 h; November 2025: 4, 6, 11, 13, 18, 20, 25, 27 → 8 lessons, 16 h;
# 11.11 and 20.11 cancelled by the provider (4 h) → k = 100 × 12 / 16 = 75.00 %.
ROBOTICS = GroupRow("A", "Робототехника", d(1, 9), d(31, 5, 2026), tuple(
    Lesson(d(day), 2, LESSON_CANCELLED if day in (11, 20) else "held")
    for day in (4, 6, 11, 13, 18, 20, 25, 27)
))
# «Шахматы»: Mon 2 h (3, 10, 17, 24 → 8 h) and Wed 1 h (5, 12, 19, 26 → 4 h): 8 lessons, 12 h;
# 12.11 cancelled (1 h), 17.11 moved to 18.11 (held) → k = 100 × 11 / 12 = 91.666… → 91.67 %.
CHESS = GroupRow("B", "Шахматы", d(1, 9), d(31, 5, 2026), (
    *(Lesson(d(day), 2, LESSON_MOVED, d(18)) if day == 17 else Lesson(d(day), 2) for day in (3, 10, 17, 24)),
    *(Lesson(d(day), 1, LESSON_CANCELLED if day == 12 else "held") for day in (5, 12, 19, 26)),
))
CONTRACTS = (
    # № 1: 01.09.2025–31.05.2026, 9 months, certificate 9000.00 → 1000.00 a month, no parent part.
    ContractRow("c1", "1", d(25, 8), "A", d(1, 9), d(31, 5, 2026), D("9000.00"), D("0.00"),
                "1000000001", "mo-1"),
    # № 2: 15.09.2025–31.05.2026, 9 months, certificate 5000.00 → later 555.55 (5000 / 9 = 555.555…
    # truncated), September 5000 − 8 × 555.55 = 555.60; parent 900.00 → 100.00 a month, by attendance.
    ContractRow("c2", "2", d(10, 9), "B", d(15, 9), d(31, 5, 2026), D("5000.00"), D("900.00"),
                "1000000002", "mo-1", PARENT_BY_ATTENDANCE, attended=6),
    # № 3: from 17.11.2025 (mid-month) to 31.05.2026, 7 months, certificate 3500.03 → later 500.00,
    # November 3500.03 − 6 × 500.00 = 500.03; parent 700.00 → 100.00 a month, fixed.
    ContractRow("c3", "3", d(14), "A", d(17), d(31, 5, 2026), D("3500.03"), D("700.00"),
                "1000000003", "mo-1", PARENT_FIXED),
)


def test_worked_example_of_docs_payment_md():
    month = compute_month(NOV, [ROBOTICS, CHESS], CONTRACTS)
    robotics, chess = month.groups  # by name: «Робототехника», «Шахматы»
    lessons = robotics.lessons
    assert (lessons.planned_lessons, lessons.held_lessons, lessons.cancelled_lessons) == (8, 6, 2)
    assert robotics.k == D("75.00")
    assert (chess.lessons.planned_hours, chess.lessons.cancelled_hours, chess.k) == (12, 1, D("91.67"))
    c1, c2, c3 = month.contracts
    # № 1: 1000.00 × 75.00 / 100 = 750.00; 250.00 returns to the certificate.
    assert (c1.certificate_amount, c1.certificate_payment, c1.certificate_unpaid) == \
        (D("1000.00"), D("750.00"), D("250.00"))
    # № 2: 555.55 × 91.67 / 100 = 509.272685 → 509.27; unpaid 46.28. Held 8 − 1 = 7, attended 6:
    # parent 100.00 × 6 / 7 = 85.714… → 85.71.
    assert (c2.certificate_amount, c2.certificate_payment, c2.certificate_unpaid) == \
        (D("555.55"), D("509.27"), D("46.28"))
    assert (c2.held, c2.parent_payment) == (7, D("85.71"))
    # № 3: 500.03 × 75.00 / 100 = 375.0225 → 375.02; parent 100.00 × 75.00 / 100 = 75.00. Held while
    # a member (from 17.11): 18, 25, 27 (20.11 cancelled) → 3.
    assert (c3.certificate_amount, c3.certificate_payment, c3.parent_payment, c3.held) == \
        (D("500.03"), D("375.02"), D("75.00"), 3)
    totals = month.payer("mo-1")
    # 750.00 + 509.27 + 375.02 = 1634.29; the advance base 1000.00 + 555.55 + 500.03 = 2055.58.
    assert (totals.certificate_payment, totals.certificate_amount) == (D("1634.29"), D("2055.58"))
    assert robotics.certificate_payment == D("1125.02") and chess.parent_payment == D("85.71")

    # The advance was requested on 05.11 (the 2nd working day: 03.11 Mon, 04.11 a holiday), when
    # only № 1 and № 2 existed: (1000.00 + 555.55) × 80 % = 1244.44.
    assert advance_request_from(NOV) == d(5)
    advance = build_advance(NOV, CONTRACTS[:2], "mo-1")
    assert (advance.base, advance.amount, advance.contracts) == (D("1555.55"), D("1244.44"), 2)

    # The invoice (from 01.12.2025): 1634.29 − 1244.44 = 389.85 to pay.
    invoice = build_invoice(month, "mo-1", advance.amount)
    assert [(line.n, line.contract_number, line.k_text, line.amount) for line in invoice.lines] == [
        (1, "1", "75,00", D("750.00")), (2, "2", "91,67", D("509.27")), (3, "3", "75,00", D("375.02"))]
    assert (invoice.total, invoice.advance, invoice.to_pay) == (D("1634.29"), D("1244.44"), D("389.85"))
    assert invoice.unpaid_by_certificate == (
        ("1000000001", D("250.00")), ("1000000002", D("46.28")), ("1000000003", D("125.01")))


def test_a_correction_after_closing_flows_into_the_next_invoice():
    closed = compute_month(NOV, [ROBOTICS, CHESS], CONTRACTS)
    # After November is closed, 25.11 of «Робототехника» turns out cancelled: 6 h of 16 cancelled →
    # k = 100 × 10 / 16 = 62.50; № 1: 1000.00 × 62.5 % = 625.00 (−125.00);
    # № 3: 500.03 × 62.5 % = 312.51875 → 312.52 (375.02 → −62.50). № 2 («Шахматы») is unchanged.
    fixed = GroupRow("A", "Робототехника", ROBOTICS.date_from, ROBOTICS.date_to, tuple(
        Lesson(lesson.lesson_date, 2, LESSON_CANCELLED) if lesson.lesson_date == d(25) else lesson
        for lesson in ROBOTICS.lessons))
    recomputed = compute_month(NOV, [fixed, CHESS], CONTRACTS)
    corrections = corrections_between(closed, recomputed, "занятие 25.11 не проведено")
    assert [(c.number, c.month, c.amount) for c in corrections] == [
        ("1", NOV, D("-125.00")), ("3", NOV, D("-62.50"))]
    # December: every lesson held (k = 100) → № 1 1000.00, № 2 555.55, № 3 500.00: 2055.55;
    # with the corrections 2055.55 − 125.00 − 62.50 = 1868.05; the advance 1644.44 → 223.61 to pay.
    december = [GroupRow(g.group_id, g.name, g.date_from, g.date_to, (Lesson(d(2, 12), 2),))
                for g in (fixed, CHESS)]
    dec_rows = [replace(row, attended=1 if row.attended else 0) for row in CONTRACTS]  # 1 lesson held
    figures = compute_month(DEC, december, dec_rows)
    invoice = build_invoice(figures, "mo-1", D("1644.44"), corrections)
    assert invoice.lines_total == D("2055.55")
    assert [(line.n, line.contract_number, line.title, line.amount) for line in invoice.corrections] == [
        (4, "1", "корректировка за 11.2025", D("-125.00")), (5, "3", "корректировка за 11.2025", D("-62.50"))]
    assert (invoice.corrections_total, invoice.total, invoice.to_pay) == \
        (D("-187.50"), D("1868.05"), D("223.61"))
    # A correction belongs to an earlier month only.
    with pytest.raises(ValueError, match="более поздний месяц"):
        build_invoice(recomputed, "mo-1", D("0"), corrections)


# --- completeness -------------------------------------------------------------------------------

@pytest.mark.parametrize(("planned", "cancelled", "k"), [
    (16, 4, D("75.00")),  # two 2-hour lessons of eight cancelled: 100 × 12 / 16
    (32, 1, D("96.88")),  # 96.875 → half up
    (32, 19, D("40.63")),  # 40.625 → half up (half-even would give 40.62)
    (3, 1, D("66.67")),  # 66.666…
    (3, 2, D("33.33")),  # 33.333…
    (8, 8, D("0.00")),  # nothing held
    (8, 0, D("100.00")),
    (D("4.5"), D("1.5"), D("66.67")),  # academic hours need not be whole: 100 × 3 / 4.5
    (0, 0, None),  # nothing planned: no completeness, no payment
])
def test_completeness_is_planned_less_cancelled_hours_rounded_half_up(planned, cancelled, k):
    assert completeness_percent(planned, cancelled) == k


def test_a_childs_absence_never_lowers_k_and_a_moved_lesson_counts_in_the_month_it_is_held():
    lessons = [Lesson(d(day), 1) for day in (4, 11, 18)] + [Lesson(d(25), 1, LESSON_MOVED, d(2, 12))]
    # November loses the lesson moved into December: 3 planned, 3 held → 100.00.
    nov = group_month(lessons, NOV, d(1, 9), d(31, 5, 2026))
    assert (nov.planned_lessons, nov.held_lessons, nov.k) == (3, 3, D("100.00"))
    dec = group_month(lessons, DEC, d(1, 9), d(31, 5, 2026))
    assert (dec.planned_lessons, dec.k) == (1, D("100.00"))
    # Lessons outside the group's dates are not planned; a month with none has no k.
    assert group_month(lessons, NOV, d(12, 11), d(31, 5, 2026)).planned_lessons == 1  # only 18.11
    assert group_month(lessons, (2026, 1), d(1, 9), d(31, 5, 2026)).k is None
    with pytest.raises(ValueError, match="не указано, на какую дату"):
        Lesson(d(4), 1, LESSON_MOVED)


# --- which months a contract pays, and its monthly amounts ----------------------------------------

def test_a_contract_starting_on_the_15th_pays_its_first_month():
    # 15.09.2025–31.05.2026: September (first month, mid-month) … May: 9 months, as pricing splits.
    months = payable_months(d(15, 9), d(31, 5, 2026))
    assert months == months_between(d(15, 9), d(31, 5, 2026)) and months[0] == (2025, 9) and len(months) == 9
    # 3000.00 / 9 = 333.333… → 333.33 later; September 3000.00 − 8 × 333.33 = 333.36.
    assert monthly_amount(D("3000.00"), d(15, 9), d(31, 5, 2026), (2025, 9)) == D("333.36")
    assert monthly_amount(D("3000.00"), d(15, 9), d(31, 5, 2026), (2025, 10)) == D("333.33")
    assert monthly_amount(D("3000.00"), d(15, 9), d(31, 5, 2026), (2025, 8)) == D("0.00")
    assert [monthly_amount(D("3000.00"), d(15, 9), d(31, 5, 2026), m) for m in months] == \
        split_months(D("3000.00"), 9)


@pytest.mark.parametrize(("status", "last_day", "month", "pays"), [
    # A parent's termination requested on 20.11 takes effect from 01.12: the last day is 30.11.
    (APP_TERMINATED, termination_last_day(d(20)), NOV, True),
    (APP_TERMINATED, termination_last_day(d(20)), DEC, False),
    # An expulsion whose last day of study is 01.12: in force on the 1st → December pays (× k).
    (APP_EXPELLED, d(1, 12), DEC, True),
    (APP_EXPELLED, d(30, 11), DEC, False),
    # A confirmed offer not yet enrolled is not in force; an active one is.
    (APP_CONFIRMED, d(31, 5, 2026), NOV, False),
    (APP_ACTIVE, d(31, 5, 2026), NOV, True),
])
def test_a_contract_pays_each_month_it_is_in_force_on_the_1st(status, last_day, month, pays):
    assert termination_last_day(d(20)) == d(30)
    assert termination_last_day(d(5, 12)) == d(31, 12)
    assert pays_in(status, d(1, 9), last_day, month) is pays


def test_a_termination_mid_month_pays_that_month_in_full_times_k():
    # Terminated on 20.11 (shortened by the portal to 01.09–30.11, certificate part 3000.00 over
    # 3 months = 1000.00); November's k 75.00 → 750.00; December makes no row at all.
    row = ContractRow("t", "T-1", d(25, 8), "A", d(1, 9), termination_last_day(d(20)), D("3000.00"),
                      status=APP_TERMINATED, payer="mo-1", certificate_number="42")
    assert [c.certificate_payment for c in compute_month(NOV, [ROBOTICS], [row]).contracts] == [D("750.00")]
    assert compute_month(DEC, [ROBOTICS], [row]).contracts == ()


# --- payments -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("monthly", "k", "paid", "back"), [
    (D("1000.00"), D("75.00"), D("750.00"), D("250.00")),
    (D("1.10"), D("75.00"), D("0.83"), D("0.27")),  # 0.825 → half up
    (D("1111.11"), D("75.00"), D("833.33"), D("277.78")),  # 833.3325
    (D("1000.01"), D("87.50"), D("875.01"), D("125.00")),  # 875.00875
    (D("500.00"), None, D("0.00"), D("500.00")),  # no lessons planned: nothing paid, all returns
])
def test_certificate_payment_is_the_monthly_amount_times_printed_k(monthly, k, paid, back):
    assert certificate_payment(monthly, k) == paid
    assert unpaid(monthly, paid) == back


@pytest.mark.parametrize(("order", "attended", "held", "paid"), [
    (PARENT_FIXED, 0, 0, D("375.00")),  # 500.00 × 75.00 / 100, whatever the attendance
    (PARENT_BY_ATTENDANCE, 5, 7, D("357.14")),  # 500.00 × 5 / 7 = 357.142…
    (PARENT_BY_ATTENDANCE, 7, 7, D("500.00")),
    (PARENT_BY_ATTENDANCE, 0, 0, D("0.00")),  # no lesson held while a member
])
def test_the_parent_part_follows_the_payment_order(order, attended, held, paid):
    assert parent_payment(D("500.00"), order, k=D("75.00"), attended=attended, held=held) == paid


def test_parent_part_rounds_half_up_and_refuses_impossible_counts():
    # 1.00 × 5 / 8 = 0.625 → 0.63
    assert parent_payment(D("1.00"), PARENT_BY_ATTENDANCE, k=D("100"), attended=5, held=8) == D("0.63")
    with pytest.raises(ValueError, match="посещённых не может быть больше проведённых"):
        parent_payment(D("1.00"), PARENT_BY_ATTENDANCE, k=D("100"), attended=9, held=8)
    with pytest.raises(ValueError, match="порядок оплаты"):
        parent_payment(D("1.00"), "monthly", k=D("100"))


def test_held_lessons_count_only_while_a_member():
    # Robotics held 4, 6, 13, 18, 25, 27 (11 and 20 cancelled); a member 13.11–25.11 → 13, 18, 25.
    assert held_lessons_between(ROBOTICS.lessons, NOV, d(13), d(25)) == 3
    assert held_lessons_between(ROBOTICS.lessons, NOV, d(13), None) == 4


# --- advance ------------------------------------------------------------------------------------

def test_advance_at_80_per_cent_and_81_refused():
    # (1000.00 + 1000.05 + 333.33) × 80 / 100 = 2333.38 × 0.8 = 1866.704 → 1866.70
    assert advance_amount([D("1000.00"), D("1000.05"), D("333.33")]) == D("1866.70")
    assert advance_amount([D("1000.00")], 50) == D("500.00")
    assert advance_amount([D("1000.00")], "0") == D("0.00")
    for bad in (81, "80.01", -1, "восемьдесят"):
        with pytest.raises(ValueError, match="от 0 до 80%"):
            advance_percent(bad)
    with pytest.raises(TypeError):
        advance_percent(80.0)


def test_a_free_programme_makes_no_advance_and_no_invoice_line():
    free = ContractRow("f", "F-1", d(1, 9), "A", d(1, 9), d(31, 5, 2026), D("0.00"), payer="mo-1")
    month = compute_month(NOV, [ROBOTICS], [free, CONTRACTS[0]])
    invoice = build_invoice(month, "mo-1")
    assert [line.contract_number for line in invoice.lines] == ["1"]
    assert (invoice.total, invoice.to_pay) == (D("750.00"), D("750.00"))
    assert build_advance(NOV, [free], "mo-1").amount == D("0.00")
    assert build_advance(NOV, [free], "mo-1").contracts == 0


@pytest.mark.parametrize(("month", "holidays", "second"), [
    (NOV, None, d(5)),  # 01–02 weekend, 03 Mon (1st), 04 a holiday, 05 Wed (2nd)
    (DEC, None, d(2, 12)),  # 01 Mon, 02 Tue
    ((2026, 1), None, d(12, 1, 2026)),  # 1–8 January off; 09 Fri (1st), 12 Mon (2nd)
    ((2026, 5), None, d(5, 5, 2026)),  # 01 Fri a holiday; 04 Mon, 05 Tue
    # May 2025 by the year's production calendar (1–4 and 8–11 May off): 05 Mon, 06 Tue.
    ((2025, 5), {d(1, 5), d(2, 5), d(8, 5), d(9, 5)}, d(6, 5)),
])
def test_the_advance_may_be_requested_from_the_second_working_day(month, holidays, second):
    assert advance_request_from(month, holidays) == second


def test_a_holiday_on_a_weekend_moves_the_day_off_to_the_next_working_day():
    assert date(2023, 11, 6) in federal_holidays(2023)  # 4 November 2023 was a Saturday
    assert date(2021, 6, 14) in federal_holidays(2021)  # 12 June 2021 was a Saturday
    assert date(2026, 1, 9) not in federal_holidays(2026)  # January: moved by the decree, not here


# --- invoice ------------------------------------------------------------------------------------

def test_when_an_invoice_may_be_issued_and_december_inside_december():
    assert invoice_issue_from(NOV) == d(1, 12)
    assert invoice_issue_from(DEC) == d(1, 12)  # December is invoiced in December
    # December's completeness as planned: lessons ahead count as held unless cancelled.
    assert group_month([Lesson(d(29, 12), 2)], DEC, d(1, 9), d(31, 5, 2026)).k == D("100.00")


def test_to_pay_is_total_less_advance_never_below_zero():
    assert amount_due(D("1634.29"), D("1244.44")).to_pay == D("389.85")
    # k fell below the advance's 80 %: nothing to pay, the excess of the advance is returned.
    due = amount_due(D("750.00"), D("800.00"))
    assert (due.to_pay, due.advance_excess) == (D("0.00"), D("50.00"))


def test_one_invoice_and_one_advance_per_provider_payer_month():
    assert invoice_key(12, "mo-1", NOV) == "12/mo-1/2025-11"
    assert document_key("advance", 12, "mo-1", NOV) != document_key("invoice", 12, "mo-1", NOV)
    assert parse_month("2025-11") == NOV
    with pytest.raises(ValueError, match="ГГГГ-ММ"):
        parse_month("11.2025")
    assert k_text(D("91.666")) == "91,67" and k_text(None) == "—"


def test_invoices_are_per_payer():
    other = ContractRow("c9", "9", d(1, 9), "A", d(1, 9), d(31, 5, 2026), D("900.00"), payer="mo-2",
                        certificate_number="2000000009")
    month = compute_month(NOV, [ROBOTICS, CHESS], (*CONTRACTS, other))
    # mo-2: 900.00 / 9 = 100.00 a month × 75 % = 75.00; mo-1 unchanged (1634.29).
    assert [(p.payer, p.certificate_payment) for p in month.payers] == [
        ("mo-1", D("1634.29")), ("mo-2", D("75.00"))]
    assert [line.contract_number for line in build_invoice(month, "mo-2").lines] == ["9"]


# --- comparing the PC's and the portal's computations ---------------------------------------------

def test_comparison_returns_the_contracts_that_differ():
    pc = compute_month(NOV, [ROBOTICS, CHESS], CONTRACTS)
    assert compare_months(pc, pc) == []
    # On the portal 27.11 of «Робототехника» was marked cancelled on another PC: 6 h of 16 → 62.50;
    # № 1: 625.00, № 3: 500.03 × 62.5 % = 312.52 differ; № 2 («Шахматы») agrees; and the portal has
    # one more contract, № 4, the PC does not know yet.
    portal_robotics = GroupRow("A", "Робототехника", ROBOTICS.date_from, ROBOTICS.date_to, tuple(
        Lesson(lesson.lesson_date, 2, LESSON_CANCELLED) if lesson.lesson_date == d(27) else lesson
        for lesson in ROBOTICS.lessons))
    extra = ContractRow("c4", "4", d(20), "B", d(21), d(31, 5, 2026), D("700.00"), payer="mo-1")
    portal = compute_month(NOV, [portal_robotics, CHESS], (*CONTRACTS, extra))
    diffs = compare_months(pc, portal)
    assert [(x.number, x.ours_missing) for x in diffs] == [("1", False), ("3", False), ("4", True)]
    assert [(f.field, f.ours, f.theirs) for f in diffs[0].differences] == [
        ("k", D("75.00"), D("62.50")), ("certificate_payment", D("750.00"), D("625.00"))]
    assert [(f.field, f.theirs) for f in diffs[1].differences] == [
        ("k", D("62.50")), ("certificate_payment", D("312.52")), ("parent_payment", D("62.50"))]
    text = differences_text(diffs).replace("\u202f", " ")
    assert text.startswith("Не сходятся 3 договора: Договор № 1: объём оказания услуги, % в счёте 75,00, "
                           "на портале 62,50; к оплате в счёте 750,00 ₽, на портале 625,00 ₽; Договор № 3")
    assert "Договор № 4: есть на портале, нет в счёте" in text


# --- what blocks closing ------------------------------------------------------------------------

def test_what_blocks_closing_a_month():
    lessons = [
        LessonMarks("A", "Робототехника", d(12), members=10, marked=0),  # no marks at all
        LessonMarks("A", "Робототехника", d(13), members=10, marked=8),  # 2 children not marked
        LessonMarks("A", "Робототехника", d(20), members=10, marked=0, cancelled=True),  # no marks needed
        LessonMarks("A", "Робототехника", d(4), members=0, marked=0),  # nobody to mark
        *(LessonMarks("B", "Шахматы", d(day), members=5, marked=0) for day in range(1, 15)),
    ]
    applications = [d(20), d(24), d(25), d(26)]  # on 01.12: 11, 7, 6 and 5 days old → three > 5
    blockers = closing_blockers(NOV, d(1, 12), lessons, applications)
    assert [(b.code, b.text) for b in blockers] == [
        (B_LESSON_UNMARKED, "Робототехника: занятие 12.11 без отметок"),
        (B_LESSON_INCOMPLETE, "Робототехника: занятие 13.11 — нет отметок у 2 детей"),
        (B_LESSONS_UNMARKED, "Шахматы: не отмечено 14 занятий"),
        (B_APPLICATIONS_UNDECIDED, "3 заявки без решения старше 5 дней"),
    ]
    assert (blockers[2].group_id, blockers[2].lesson_date, blockers[2].count) == ("B", d(1), 14)
    # Before the month is over the invoice cannot be issued; lessons still ahead need no marks.
    early = closing_blockers(NOV, d(20), [LessonMarks("A", "Робототехника", d(25), 10, 0)])
    assert [(b.code, b.text) for b in early] == [
        (B_MONTH_NOT_OVER, "счёт за 11.2025 можно выставить с 01.12.2025")]
    assert closing_blockers(NOV, d(1, 12), [LessonMarks("A", "Робототехника", d(25), 10, 10)]) == []


# --- properties ---------------------------------------------------------------------------------

money = st.decimals(min_value=D("0.00"), max_value=D("99999.99"), places=2)
percent = st.decimals(min_value=D("0.00"), max_value=D("100.00"), places=2)


@st.composite
def contracts(draw: st.DrawFn) -> list[ContractRow]:
    rows = []
    for i in range(draw(st.integers(0, 12))):
        start = d(1, 9) + timedelta(days=draw(st.integers(0, 120)))
        end = start + timedelta(days=draw(st.integers(0, 270)))
        rows.append(ContractRow(
            f"c{i}", str(i), start, draw(st.sampled_from(["A", "B"])), start, end, draw(money), draw(money),
            f"{i:010d}", draw(st.sampled_from(["mo-1", "mo-2"])),
            draw(st.sampled_from([PARENT_FIXED, PARENT_BY_ATTENDANCE])), APP_ACTIVE,
        ))
    return rows


@given(contracts(), st.sampled_from([NOV, DEC, (2025, 9), (2026, 1)]), money)
def test_every_total_equals_the_sum_of_its_lines(rows, month, advance):
    figures = compute_month(month, [ROBOTICS, CHESS], rows)
    for c in figures.contracts:
        assert c.certificate_payment + c.certificate_unpaid == c.certificate_amount
        assert D("0") <= c.certificate_payment <= c.certificate_amount
    september = (2025, 9)
    before, after = (compute_month(september, [ROBOTICS, CHESS], r) for r in ([], rows))
    corrections = [c for c in corrections_between(before, after) if c.payer == "mo-1" and month > september]
    invoice = build_invoice(figures, "mo-1", advance, corrections)
    assert invoice.lines_total == sum((line.amount for line in invoice.lines), D("0"))
    assert invoice.corrections_total == sum((line.amount for line in invoice.corrections), D("0"))
    assert invoice.total == invoice.lines_total + invoice.corrections_total
    assert invoice.to_pay - invoice.advance_excess == invoice.total - invoice.advance
    assert [line.n for line in (*invoice.lines, *invoice.corrections)] == \
        list(range(1, len(invoice.lines) + len(invoice.corrections) + 1))
    assert figures.payer("mo-1").certificate_payment == invoice.lines_total
    assert sum((g.certificate_payment for g in figures.groups), D("0")) == \
        sum((p.certificate_payment for p in figures.payers), D("0"))


@given(money, st.integers(1, 12))
def test_monthly_amounts_of_a_contract_sum_to_its_part(part, months):
    start = d(15, 9)
    end = date(2025 + (8 + months) // 12, (8 + months) % 12 + 1, 1) - timedelta(days=1)
    paid = payable_months(start, end)
    assert len(paid) == months
    assert sum((monthly_amount(part, start, end, m) for m in paid), D("0")) == part


@given(money, percent)
def test_certificate_payment_never_exceeds_the_amount(amount, k):
    paid = certificate_payment(amount, k)
    assert D("0") <= paid <= amount


def test_a_month_with_every_lesson_cancelled_makes_a_zero_line_and_the_advance_is_returned():
    # Every lesson of «Робототехника» cancelled: k = 100 × 0 / 16 = 0.00 → № 1 pays 0.00 (line kept:
    # the annex shows the service was not rendered); the advance 800.00 exceeds the total 0.00.
    cancelled = GroupRow("A", "Робототехника", ROBOTICS.date_from, ROBOTICS.date_to, tuple(
        Lesson(lesson.lesson_date, 2, LESSON_CANCELLED) for lesson in ROBOTICS.lessons))
    invoice = build_invoice(compute_month(NOV, [cancelled], CONTRACTS[:1]), "mo-1", D("800.00"))
    assert [(line.k_text, line.amount) for line in invoice.lines] == [("0,00", D("0.00"))]
    assert (invoice.total, invoice.to_pay, invoice.advance_excess) == (D("0.00"), D("0.00"), D("800.00"))
    assert invoice.unpaid_by_certificate == (("1000000001", D("1000.00")),)


# --- when a document may be sent (payment.document_refusal), months on the wire, a document's sums ---


@pytest.mark.parametrize(("kind", "month", "today", "stands", "code", "words"), [
    ("advance", (2026, 11), date(2026, 11, 3), False, None, ""),  # Tue 03.11: the 2nd working day
    ("advance", (2026, 11), date(2026, 11, 2), False, R_TOO_EARLY, "с 03.11.2026"),
    ("advance", (2026, 11), date(2026, 11, 30), False, None, ""),
    ("advance", (2026, 11), date(2026, 12, 1), False, R_TOO_LATE, "до 30.11.2026"),
    ("advance", (2026, 12), date(2026, 12, 7), True, R_TOO_LATE, "уже выставлен счёт"),
    ("advance", (2027, 1), date(2027, 1, 11), False, R_TOO_EARLY, "с 12.01.2027"),  # after the holidays
    ("invoice", (2026, 11), date(2026, 11, 30), False, R_TOO_EARLY, "с 01.12.2026"),
    ("invoice", (2026, 11), date(2027, 6, 1), False, None, ""),  # late is fine: services were rendered
    ("invoice", (2026, 12), date(2026, 12, 1), False, None, ""),  # December inside December
])
def test_when_a_document_may_be_sent(kind, month, today, stands, code, words):
    refusal = document_refusal(kind, month, today, invoice_stands=stands)
    if code is None:
        assert refusal is None
    else:
        assert refusal is not None and refusal[0] == code and words in refusal[1]


@pytest.mark.parametrize("text", ["0000-01", "1900-01", "2100-01", "2026-1 ", " 2026-11", "2026-1",
                                  "٢٠٢٥-٠١", "2026-13", "2026-00", "2026/11", "", "2026-11-01"])
def test_a_month_is_four_and_two_ascii_digits_of_2000_to_2099(text):
    with pytest.raises(ValueError, match="ГГГГ-ММ|вне 2000–2099"):
        parse_month(text)
    assert parse_month("2000-01") == (2000, 1) and parse_month("2099-12") == (2099, 12)


def test_a_document_adds_up_or_says_what_does_not():
    a, b = DocumentLine("c1", "Д-1", Decimal("100.00")), DocumentLine("c2", "Д-2", Decimal("50.50"))
    fix = DocumentLine("c1", "Д-1", Decimal("-10.00"), (2026, 10))
    assert document_errors("invoice", [a, b], [fix], total=Decimal("140.50"), advance=Decimal("100.00"),
                           to_pay=Decimal("40.50")) == []
    assert document_errors("invoice", [a, b], [fix], total=Decimal("150.50"), advance=Decimal("0"),
                           to_pay=Decimal("150.50")) == [
        f"итого {format_rub(Decimal('150.50'))} не равно сумме строк {format_rub(Decimal('140.50'))}"]
    # an advance above the total: nothing to pay (the excess goes back), not a negative sum
    assert document_errors("invoice", [a], total=Decimal("100.00"), advance=Decimal("120.00"),
                           to_pay=Decimal("0.00")) == []
    assert document_errors("invoice", [a, a], total=Decimal("200.00"), to_pay=Decimal("200.00")) == [
        "договор в нескольких строках: № Д-1"]
    assert document_errors("invoice", [a], [fix, fix], total=Decimal("80.00"), to_pay=Decimal("80.00")) == [
        "корректировка одного месяца в нескольких строках: № Д-1"]
    assert document_errors("advance", [a, b], base=Decimal("150.50"), total=Decimal("120.40")) == []
    assert document_errors("advance", [a, b], base=Decimal("150.00"), total=Decimal("120.00")) == [
        f"сумма сертификатов за месяц {format_rub(Decimal('150'))} не равна сумме строк "
        f"{format_rub(Decimal('150.50'))}"]
