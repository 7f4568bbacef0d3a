"""Contract pricing: what the certificate pays, what the parent pays, month by month."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pfdo_desktop.domain.pricing import (
    contract_cost,
    contract_cost_for_period,
    contract_days,
    group_days,
    months_between,
    termination_effective_date,
)

D = Decimal


def test_full_group_period_costs_exactly_the_module_price():
    cost = contract_cost(273, 273, "12000.00", "10000.00", "30000.00", months=9)
    assert cost.all == D("12000.00")
    assert cost.normative == D("10000.00")
    assert cost.certificate_part == D("10000.00")  # capped by the normative
    assert cost.parent_part == D("2000.00")
    assert cost.parent_pays
    assert cost.balance_after == D("20000.00")


def test_part_of_the_period_is_prorated_and_rounded_up_to_the_kopeck():
    # 100 / 3 = 33.333… → 33.34 (ceil), never 33.33
    cost = contract_cost(1, 3, "100.00", "100.00", "1000.00")
    assert cost.all == D("33.34")
    assert cost.normative == D("33.34")


def test_an_exact_kopeck_share_is_not_bumped_by_a_recurring_fraction():
    # 2/3 of 3.00 is exactly 2.00; computing (2/3)*3 first would give 2.0000…01 → 2.01
    assert contract_cost(2, 3, "3.00", "3.00", "10.00").all == D("2.00")


def test_small_balance_makes_the_parent_pay_the_difference():
    cost = contract_cost(30, 30, "5000.00", "6000.00", "1234.56", months=3)
    assert cost.certificate_part == D("1234.56")
    assert cost.parent_part == D("3765.44")
    assert cost.balance_after == D("0.00")


def test_zero_balance_parent_pays_everything():
    cost = contract_cost(10, 30, "3000", "3000", 0)
    assert cost.certificate_part == D("0.00")
    assert cost.parent_part == cost.all == D("1000.00")


def test_price_below_normative_and_balance_certificate_pays_all_and_parent_nothing():
    cost = contract_cost(30, 30, "4000", "5000", "9000")
    assert cost.certificate_part == D("4000.00")
    assert cost.parent_part == D("0.00")
    assert not cost.parent_pays


def test_monthly_split_first_month_takes_the_remainder():
    cost = contract_cost(30, 30, "1000.00", "1000.00", "1000.00", months=3)
    assert cost.certificate_monthly == (D("333.34"), D("333.33"), D("333.33"))
    assert cost.parent_monthly == (D("0.00"), D("0.00"), D("0.00"))
    assert cost.months == 3


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"days_in_contract": 0}, "дней в договоре"),
        ({"days_in_contract": 31}, "дней в договоре"),
        ({"days_in_group": 0}, "хотя бы один день"),
        ({"balance": "-0.01"}, "остаток"),
        ({"module_price": "-1"}, "отрицательными"),
    ],
)
def test_impossible_inputs_are_refused_with_a_russian_message(kwargs, match):
    args = {"days_in_contract": 30, "days_in_group": 30, "module_price": "100",
            "module_normative": "100", "balance": "100"} | kwargs
    with pytest.raises(ValueError, match=match):
        contract_cost(**args)


def test_float_money_is_refused():
    with pytest.raises(TypeError):
        contract_cost(1, 1, 100.0, "100", "100")


def test_contract_days_count_calendar_days_inclusive_inside_the_group():
    g_from, g_to = date(2026, 9, 1), date(2027, 5, 31)
    assert group_days(g_from, g_to) == 273
    assert contract_days(date(2026, 9, 1), date(2026, 9, 1), g_from, g_to) == 1
    assert contract_days(date(2026, 8, 15), date(2026, 9, 10), g_from, g_to) == 10  # clipped
    assert contract_days(date(2027, 6, 1), date(2027, 6, 30), g_from, g_to) == 0
    assert contract_days(date(2026, 1, 1), date(2028, 1, 1), g_from, g_to) == 273


def test_cost_for_period_counts_days_and_months_from_dates():
    cost = contract_cost_for_period(
        date(2026, 10, 15), date(2027, 5, 31), date(2026, 9, 1), date(2027, 5, 31),
        "27300.00", "27300.00", "50000.00",
    )
    assert cost.days_in_contract == 229 and cost.days_in_group == 273
    assert cost.all == D("22900.00")
    assert cost.months == 8  # October … May
    assert sum(cost.certificate_monthly) == cost.certificate_part


def test_cost_for_period_outside_the_group_is_refused():
    with pytest.raises(ValueError, match="не пересекается"):
        contract_cost_for_period(date(2027, 6, 1), date(2027, 6, 30), date(2026, 9, 1),
                                 date(2027, 5, 31), "100", "100", "100")


@pytest.mark.parametrize(
    "start, end, expected",
    [
        (date(2026, 9, 1), date(2026, 9, 30), [(2026, 9)]),
        (date(2026, 9, 20), date(2026, 10, 5), [(2026, 9), (2026, 10)]),
        (date(2026, 11, 3), date(2027, 2, 1), [(2026, 11), (2026, 12), (2027, 1), (2027, 2)]),
        (date(2026, 12, 31), date(2026, 12, 31), [(2026, 12)]),
    ],
)
def test_months_between_lists_every_calendar_month_touched(start, end, expected):
    assert months_between(start, end) == expected


def test_months_between_refuses_a_reversed_period():
    with pytest.raises(ValueError, match="раньше"):
        months_between(date(2026, 10, 1), date(2026, 9, 30))


@pytest.mark.parametrize(
    "request_day, effective",
    [
        (date(2026, 10, 1), date(2026, 11, 1)),
        (date(2026, 10, 15), date(2026, 11, 1)),
        (date(2026, 10, 31), date(2026, 11, 1)),
        (date(2026, 12, 20), date(2027, 1, 1)),
        (date(2028, 2, 29), date(2028, 3, 1)),
    ],
)
def test_parent_termination_takes_effect_on_the_first_of_next_month(request_day, effective):
    assert termination_effective_date(request_day) == effective


# --- properties ---------------------------------------------------------------------------------

kopecks = st.integers(min_value=0, max_value=10_000_000).map(lambda k: D(k).scaleb(-2))


@st.composite
def contracts(draw):
    days_in_group = draw(st.integers(min_value=1, max_value=400))
    days = draw(st.integers(min_value=1, max_value=days_in_group))
    months = draw(st.integers(min_value=1, max_value=14))
    return days, days_in_group, draw(kopecks), draw(kopecks), draw(kopecks), months


@given(contracts())
def test_certificate_part_plus_parent_part_is_the_price(args):
    cost = contract_cost(*args)
    assert cost.certificate_part + cost.parent_part == cost.all


@given(contracts())
def test_certificate_never_pays_more_than_balance_normative_or_price(args):
    cost = contract_cost(*args)
    _, _, _, _, balance, _ = args
    assert D(0) <= cost.certificate_part <= balance
    assert cost.certificate_part <= cost.normative
    assert cost.certificate_part <= cost.all
    assert cost.parent_part >= 0
    assert cost.balance_after >= 0
    assert cost.balance_after == balance - cost.certificate_part


@given(contracts())
def test_certificate_pays_the_most_it_can(args):
    cost = contract_cost(*args)
    assert cost.certificate_part == min(cost.all, cost.normative, cost.balance_before)


@given(contracts())
def test_monthly_parts_sum_to_each_total_and_later_months_are_equal(args):
    cost = contract_cost(*args)
    for total, parts in ((cost.certificate_part, cost.certificate_monthly),
                         (cost.parent_part, cost.parent_monthly)):
        assert len(parts) == args[5]
        assert sum(parts, D(0)) == total
        assert len(set(parts[1:])) <= 1
        assert all(p >= 0 for p in parts)
        assert parts[0] >= parts[-1]
        assert parts[0] - parts[-1] < D("0.01") * len(parts)


@given(contracts())
def test_every_amount_has_kopeck_precision(args):
    cost = contract_cost(*args)
    amounts = [cost.all, cost.normative, cost.certificate_part, cost.parent_part, cost.balance_after,
               *cost.certificate_monthly, *cost.parent_monthly]
    assert all(a.as_tuple().exponent == -2 for a in amounts)


@given(contracts())
def test_prorated_price_is_rounded_up_by_less_than_a_kopeck(args):
    days, days_in_group, price, _, _, _ = args
    exact = price * days / days_in_group
    cost = contract_cost(*args)
    assert exact <= cost.all < exact + D("0.01")
    assert cost.all <= price


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_termination_date_is_a_first_of_month_after_the_request(day):
    effective = termination_effective_date(day)
    assert effective.day == 1 and effective > day
    assert (effective - day).days <= 31


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)),
       st.integers(min_value=0, max_value=2000))
def test_months_between_is_contiguous_and_covers_both_ends(start, length):
    end = start + timedelta(days=length)
    months = months_between(start, end)
    assert months[0] == (start.year, start.month) and months[-1] == (end.year, end.month)
    for (y1, m1), (y2, m2) in zip(months, months[1:], strict=False):
        assert (y2, m2) == ((y1 + 1, 1) if m1 == 12 else (y1, m1 + 1))
