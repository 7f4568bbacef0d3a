"""The certificate periods' rules (domain.certificate_periods): activation under the quota, a new
period's checks, what a close returns, what a new period gives, unused ПФ certificates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pfdo_desktop.domain import certificate_periods as cp
from pfdo_desktop.domain.catalog import CERT_ACCOUNTING, CERT_PF

D = Decimal
KIROV = "Кировский район"
LUGA = "Лужский район"
YEAR = (date(2026, 9, 1), date(2027, 8, 31))
PERIOD = cp.Period(1, KIROV, "18", *YEAR, D("25000.00"), "rub", 2, 60)
CLOSED = cp.Period(1, KIROV, "18", *YEAR, D("1"), "rub", 5, 0, cp.PERIOD_CLOSED)


@pytest.mark.parametrize(
    ("status", "period", "taken", "today", "reason"),
    [
        (CERT_ACCOUNTING, PERIOD, 0, date(2026, 12, 8), None),
        (CERT_ACCOUNTING, PERIOD, 1, date(2026, 12, 8), None),  # the last place
        (CERT_ACCOUNTING, PERIOD, 2, date(2026, 12, 8), cp.R_QUOTA_EXHAUSTED),
        (CERT_PF, PERIOD, 2, date(2026, 12, 8), cp.R_ALREADY_PF),  # already ПФ: before the quota
        (CERT_ACCOUNTING, None, 0, date(2026, 12, 8), cp.R_NO_PERIOD),
        (CERT_ACCOUNTING, PERIOD, 0, date(2026, 8, 31), cp.R_NO_PERIOD),  # before it begins
        (CERT_ACCOUNTING, PERIOD, 0, date(2027, 9, 1), cp.R_NO_PERIOD),  # after it ends
        (CERT_ACCOUNTING, CLOSED, 0, date(2026, 12, 8), cp.R_NO_PERIOD),
    ],
)
def test_activation_refusal(status, period, taken, today, reason):
    refusal = cp.activation_refusal(status, period, taken, today)
    assert (refusal.reason if refusal else None) == reason
    if reason == cp.R_QUOTA_EXHAUSTED:
        assert "все 2 мест" in refusal.message and refusal.message.code == "certificate.quota_exhausted"


def test_period_of_picks_the_open_period_of_the_certificates_municipality():
    old = cp.Period(7, KIROV, "18", date(2025, 9, 1), date(2026, 8, 31), D("20000"), "rub", 9, 0,
                    cp.PERIOD_CLOSED)
    other = cp.Period(8, LUGA, "19", date(2026, 9, 1), date(2027, 8, 31), D("30"), "hours", 9, 0)
    periods = [old, PERIOD, other]
    assert cp.period_of("4718000123", periods, date(2026, 12, 8)) == PERIOD
    assert cp.period_of("4719000123", periods, date(2026, 12, 8)) == other
    assert cp.period_of("4718000123", [old], date(2026, 12, 8)) == old  # only a closed one: the latest
    assert cp.period_of("4720000123", periods, date(2026, 12, 8)) is None


def test_period_errors():
    ok = cp.period_errors(LUGA, "19", date(2026, 9, 1), date(2027, 8, 31), D("100"), "hours", 10, 0,
                          [PERIOD])
    assert ok == {}
    bad = cp.period_errors(" ", "1", date(2026, 9, 1), date(2026, 8, 1), D("0"), "eur", -1, -1, [])
    assert set(bad) == {"municipality", "code", "date_to", "nominal", "unit", "quota", "unused_days"}
    assert "раньше начала" in bad["date_to"]
    long = cp.period_errors(LUGA, "19", date(2026, 1, 1), date(2027, 1, 2), D("1"), "rub", 1, 0, [])
    assert "не больше года" in long["date_to"]
    again = cp.period_errors(KIROV, "18", date(2027, 9, 1), date(2028, 8, 31), D("1"), "rub", 1, 0,
                             [PERIOD])
    assert "сначала закройте" in again["municipality"]
    overlap = cp.period_errors(KIROV, "18", date(2027, 1, 1), date(2027, 12, 31), D("1"), "rub", 1,
                               0, [CLOSED])
    assert "пересекается" in overlap["date_from"]


@pytest.mark.parametrize(
    ("balance", "reserve", "continues", "expected"),
    [
        ("25000.00", "0.00", False, ("0.00", "0.00", "25000.00")),  # unused: all back
        ("18000.00", "6000.00", False, ("0.00", "0.00", "18000.00")),  # ended contract's reserve too
        ("18000.00", "6000.00", True, ("6000.00", "6000.00", "12000.00")),  # a contract goes on
        ("0.00", "0.00", False, ("0.00", "0.00", "0.00")),
    ],
)
def test_closed_certificate(balance, reserve, continues, expected):
    closed = cp.closed_certificate(D(balance), D(reserve), continues)
    assert (closed.balance, closed.reserve, closed.returned) == tuple(D(x) for x in expected)


def test_opened_balance_adds_the_new_nominal_to_what_continuing_contracts_hold():
    assert cp.opened_balance(D("6000.00"), D("6000.00"), D("30000.00")) == D("36000.00")
    assert cp.opened_balance(D("0.00"), D("0.00"), D("30000.00")) == D("30000.00")


@pytest.mark.parametrize(
    ("balance", "reserve", "days_ago", "days", "unused"),
    [
        ("25000.00", "0.00", 60, 60, True),
        ("25000.00", "0.00", 59, 60, False),  # not long enough
        ("25000.00", "100.00", 90, 60, False),  # a contract reserves money
        ("24000.00", "0.00", 90, 60, False),  # money was spent
        ("25000.00", "0.00", 900, 0, False),  # 0: never
    ],
)
def test_is_unused(balance, reserve, days_ago, days, unused):
    today = date(2026, 12, 8)
    since = date.fromordinal(today.toordinal() - days_ago)
    assert cp.is_unused(D(balance), D(reserve), D("25000.00"), since, today, days) is unused
