"""The rulebook: attendance codes, mark ids, lesson generation, money, СНИЛС."""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pfdo_desktop.domain.attendance import AttendanceCode, lesson_id, mark_id, parse_code
from pfdo_desktop.domain.identity import (
    certificate_number_error,
    format_snils,
    make_snils,
    snils_error,
)
from pfdo_desktop.domain.money import format_rub, split_months, to_money
from pfdo_desktop.domain.schedule import WeeklySlot, generate_lessons, lesson_dates, month_bounds


def test_codes_match_the_portals_and_show_as_journal_letters():
    assert [int(c) for c in AttendanceCode] == [1, 2, 3, 4]
    assert [c.short for c in AttendanceCode] == ["+", "н", "б", "у"]
    assert AttendanceCode.PRESENT.attended and not AttendanceCode.SICK.attended
    assert AttendanceCode(3).title_ru == "болел"


@pytest.mark.parametrize("bad", [0, 5, "x", None, "1.5"])
def test_unknown_codes_are_refused_with_a_russian_message(bad):
    with pytest.raises(ValueError, match="неизвестный код"):
        parse_code(bad)


def test_mark_id_is_the_same_on_every_pc_and_differs_per_cell():
    day = date(2026, 11, 2)
    assert mark_id(7, 11, day) == mark_id(7, 11, day)
    ids = {mark_id(7, 11, day), mark_id(7, 12, day), mark_id(8, 11, day),
           mark_id(7, 11, day + timedelta(days=1))}
    assert len(ids) == 4
    assert lesson_id(7, day) != mark_id(7, 11, day)


def test_weekly_schedule_gives_lessons_and_skips_cancelled_days():
    slots = [WeeklySlot(1, time(15), time(15, 45), "каб. 12"), WeeklySlot(3, time(16), time(16, 45))]
    lessons = generate_lessons(slots, date(2026, 11, 1), date(2026, 11, 15), cancelled=[date(2026, 11, 4)])
    assert [x.lesson_date for x in lessons] == [date(2026, 11, 2), date(2026, 11, 9),
                                                 date(2026, 11, 11)]
    assert lessons[0].room == "каб. 12" and lessons[0].time_from == time(15)


def test_two_slots_a_day_give_one_journal_column():
    slots = [WeeklySlot(2, time(16), time(16, 45)), WeeklySlot(2, time(15), time(15, 45))]
    lessons = generate_lessons(slots, date(2026, 11, 3), date(2026, 11, 3))
    assert [x.time_from for x in lessons] == [time(15), time(16)]
    assert lesson_dates(slots, date(2026, 11, 3), date(2026, 11, 3)) == [date(2026, 11, 3)]


def test_bad_slots_are_refused():
    with pytest.raises(ValueError):
        WeeklySlot(8, time(15), time(16))
    with pytest.raises(ValueError):
        WeeklySlot(1, time(16), time(15))
    assert generate_lessons([WeeklySlot(1, time(15), time(16))], date(2026, 2, 1), date(2026, 1, 1)) == []


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
def test_month_bounds_contain_the_day(day):
    first, last = month_bounds(day)
    assert first.day == 1 and first <= day <= last and (last + timedelta(days=1)).day == 1


@given(st.decimals(min_value=0, max_value=10_000_000, places=2), st.integers(1, 12))
def test_monthly_parts_sum_to_the_total_and_later_months_are_equal(total, months):
    parts = split_months(total, months)
    assert sum(parts) == total
    assert len(set(parts[1:])) <= 1
    assert all(p >= 0 for p in parts) and parts[0] >= parts[-1]


def test_money_is_never_float():
    with pytest.raises(TypeError):
        to_money(0.1)
    assert to_money("1 234,5") == Decimal("1234.50")
    assert format_rub(Decimal("1234567.5")) == "1\u202f234\u202f567,50 ₽"
    with pytest.raises(ValueError):
        to_money("рубль")


@pytest.mark.parametrize("snils,ok", [
    ("112-233-445 95", True),
    ("11223344595", True),
    ("112-233-445 96", False),
    ("112-233-445", False),
    ("001-001-998 00", True),  # issued before the checksum existed
])
def test_snils_checksum(snils, ok):
    assert (snils_error(snils) is None) is ok


@given(st.integers(1_002_000, 999_999_999))
def test_generated_snils_are_valid(n):
    assert snils_error(make_snils(n)) is None
    assert format_snils(make_snils(n)) == make_snils(n)


@pytest.mark.parametrize("number,ok", [("0312000123", True), ("312000123", False), ("03120001234", False),
                                       ("03120001a3", False)])
def test_certificate_numbers_are_ten_digits_kept_as_text(number, ok):
    assert (certificate_number_error(number) is None) is ok


@given(st.integers(1, 10**9), st.integers(1, 10**9), st.dates())
def test_fast_ids_equal_the_standard_uuid5(group_id, child_id, day):
    import uuid

    from pfdo_desktop.domain.attendance import LESSON_NAMESPACE, MARK_NAMESPACE

    assert mark_id(group_id, child_id, day) == str(
        uuid.uuid5(MARK_NAMESPACE, f"{group_id}:{child_id}:{day.isoformat()}"))
    assert mark_id(group_id, child_id, day.isoformat()) == mark_id(group_id, child_id, day)
    assert lesson_id(group_id, day) == str(uuid.uuid5(LESSON_NAMESPACE, f"{group_id}:{day.isoformat()}"))
