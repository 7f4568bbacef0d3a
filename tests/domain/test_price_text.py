"""«бесплатно» where a free programme's cost is shown (issue 10 §3), and which lessons count in the
journal's totals: the rules the screens call."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pfdo_desktop.domain.attendance import counts_in_totals
from pfdo_desktop.domain.catalog import BUDGET_REGISTRIES, REGISTRIES
from pfdo_desktop.domain.pricing import FREE_RU, free_for_family, price_text


@pytest.mark.parametrize("registry", sorted(BUDGET_REGISTRIES))
def test_a_budget_programme_is_free_whatever_its_module_price(registry):
    for price in (None, Decimal("0.00"), Decimal("12000.00")):
        assert free_for_family(price, registry)
        assert price_text(price, registry) == FREE_RU == "бесплатно"


@pytest.mark.parametrize("registry", ["certified", "paid", ""])
def test_a_priced_programme_shows_roubles_and_a_zero_price_is_free(registry):
    assert price_text(Decimal("16500"), registry) == "16\u202f500,00 ₽"
    assert price_text(Decimal("0"), registry) == "бесплатно"
    assert price_text(None, registry) == ""  # no contract yet: nothing to say
    assert not free_for_family(Decimal("0.01"), registry)


def test_every_registry_is_either_budget_or_priced():
    assert set(REGISTRIES) >= BUDGET_REGISTRIES
    assert set(REGISTRIES) - BUDGET_REGISTRIES == {"certified", "paid"}


def test_a_lesson_counts_in_the_totals_once_it_is_held():
    today = date(2026, 12, 7)
    assert counts_in_totals(date(2026, 12, 1), today)
    assert counts_in_totals(date(2026, 12, 1), today, marked=True)
    assert counts_in_totals(today, today, marked=True)  # somebody is marked: the lesson is on
    assert not counts_in_totals(today, today)  # an evening lesson, seen in the morning
    assert not counts_in_totals(date(2026, 12, 8), today, marked=True)  # an excused absence ahead
