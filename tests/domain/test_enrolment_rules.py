"""The enrolment rulebook: every refusal a provider's operator (or the portal) can meet."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pfdo_desktop.domain import enrolment as e
from pfdo_desktop.domain.ages import age_in_months
from pfdo_desktop.domain.catalog import BUDGET_REGISTRIES, CERT_ACCOUNTING, CERT_PF

TODAY = date(2026, 9, 10)
START = date(2026, 9, 15)
GROUP = e.GroupTerms(date_from=date(2026, 9, 1), date_to=date(2027, 5, 31), capacity=12, occupied=5,
                     group_id=7)
CERTIFIED = e.ProgramTerms(age_from_months=7 * 12, age_to_months=14 * 12, registry="certified")
BUDGET = e.ProgramTerms(age_from_months=7 * 12, age_to_months=14 * 12, registry="general")
PF = e.CertificateState(status=CERT_PF, balance=Decimal("25000.00"), number="0201123456")
UCHET = e.CertificateState(status=CERT_ACCOUNTING, number="0201123456")


def born_years_before(day: date, years: int) -> date:
    return day.replace(year=day.year - years)


def app(**kw) -> e.Application:
    base = e.Application(child_birth_date=date(2016, 3, 1), start_date=START, certificate=PF)
    return replace(base, **kw)


def codes(program=CERTIFIED, group=GROUP, application=None, today=TODAY) -> list[str]:
    return [r.code for r in e.check_application(program, group, application or app(), today)]


def test_a_fitting_application_is_eligible():
    assert codes() == []
    assert e.is_eligible(CERTIFIED, GROUP, app(), TODAY)
    assert codes(program=BUDGET, application=app(certificate=UCHET)) == []


# --- age ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "birth, expected",
    [
        (born_years_before(START, 7), []),  # exactly 7 years (84 months) on the start date
        (born_years_before(START, 7) + timedelta(days=1), [e.R_AGE_TOO_YOUNG]),  # one day short
        (date(2012, 9, 15), []),  # 14 y 0 m = 168 months: the upper bound is included
        (date(2012, 8, 16), []),  # 168 months and 30 days: still 168 full months
        (date(2012, 8, 15), [e.R_AGE_TOO_OLD]),  # 169 full months
    ],
)
def test_age_bounds_are_inclusive_in_full_months_on_the_start_date(birth, expected):
    assert codes(application=app(child_birth_date=birth)) == expected


@pytest.mark.parametrize(
    "birth, code",
    [
        (date(2012, 8, 14), e.R_AGE_TOO_OLD),  # 14 y 1 m on 15.09.2026
        (date(2000, 1, 1), e.R_AGE_TOO_OLD),
        (date(2020, 1, 1), e.R_AGE_TOO_YOUNG),
        (date(2027, 1, 1), e.R_AGE_TOO_YOUNG),  # born after the start date (a typo in the year)
    ],
)
def test_child_outside_the_programme_age_is_refused_on_the_birth_date_field(birth, code):
    refusals = e.check_application(CERTIFIED, GROUP, app(child_birth_date=birth), TODAY)
    assert [r.code for r in refusals] == [code]
    assert refusals[0].field == e.F_BIRTH_DATE
    assert "15.09.2026" in refusals[0].message


def test_age_message_names_the_childs_age_and_the_programme_bound():
    [refusal] = e.check_application(CERTIFIED, GROUP, app(child_birth_date=date(2019, 9, 16)), TODAY)
    assert refusal.message == ("На дату начала обучения 15.09.2026 ребёнку будет 6 лет 11 мес., "
                               "а программа — с 7 лет 0 мес.")


def test_age_is_taken_on_the_start_date_not_today():
    birth = date(2019, 9, 20)  # turns 7 on 20.09.2026
    assert codes(application=app(child_birth_date=birth, start_date=date(2026, 9, 19))) == [
        e.R_AGE_TOO_YOUNG]
    assert codes(application=app(child_birth_date=birth, start_date=date(2026, 9, 20))) == []


# --- place --------------------------------------------------------------------------------------

@pytest.mark.parametrize("occupied, capacity, full", [(11, 12, False), (12, 12, True), (13, 12, True),
                                                      (0, 0, True)])
def test_group_without_a_free_place_is_refused(occupied, capacity, full):
    group = replace(GROUP, occupied=occupied, capacity=capacity)
    refusals = e.check_application(CERTIFIED, group, app(), TODAY)
    assert [r.code for r in refusals] == ([e.R_GROUP_FULL] if full else [])
    if full:
        assert refusals[0].field == e.F_GROUP
        assert f"{occupied} мест из {capacity}" in refusals[0].message


# --- certificate vs registry ------------------------------------------------------------------

@pytest.mark.parametrize("registry", sorted(BUDGET_REGISTRIES))
def test_uchet_certificate_fits_every_budget_registry(registry):
    program = replace(BUDGET, registry=registry)
    assert codes(program=program, application=app(certificate=UCHET)) == []


@pytest.mark.parametrize("registry", sorted(BUDGET_REGISTRIES))
def test_pf_certificate_also_admits_to_every_budget_registry(registry):
    program = replace(BUDGET, registry=registry)
    assert codes(program=program, application=app(certificate=PF)) == []


def test_uchet_certificate_on_a_certified_programme_is_refused_with_advice_to_switch_to_pf():
    [refusal] = e.check_application(CERTIFIED, GROUP, app(certificate=UCHET), TODAY)
    assert refusal.code == e.R_CERT_ACCOUNTING_ON_CERTIFIED
    assert "ПФ" in refusal.advice


@pytest.mark.parametrize("program", [CERTIFIED, BUDGET])
def test_no_certificate_is_refused_for_programmes_inside_the_system(program):
    assert codes(program=program, application=app(certificate=None)) == [e.R_NO_CERTIFICATE]


@pytest.mark.parametrize("certificate", [None, PF, UCHET])
def test_paid_programme_needs_no_certificate(certificate):
    assert codes(program=replace(CERTIFIED, registry="paid"), application=app(certificate=certificate)) == []


def test_unknown_certificate_status_is_refused():
    cert = e.CertificateState(status="blocked")
    assert codes(application=app(certificate=cert)) == [e.R_CERT_STATUS_UNKNOWN]


def test_low_balance_is_not_a_refusal_the_parent_pays_the_difference():
    cert = replace(PF, balance=Decimal("0.00"))
    assert codes(application=app(certificate=cert)) == []


# --- start date ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "start, today, expected",
    [
        (date(2026, 9, 1), TODAY, []),  # the group's first day
        (date(2027, 5, 31), TODAY, []),  # the group's last day
        (date(2026, 8, 31), date(2026, 8, 20), [e.R_START_BEFORE_GROUP]),
        (date(2027, 6, 1), TODAY, [e.R_START_AFTER_GROUP]),
        (date(2026, 10, 1), date(2026, 10, 25), []),  # the 1st of the current month is still open
        (date(2026, 9, 30), date(2026, 10, 1), [e.R_START_IN_CLOSED_PERIOD]),  # last month is closed
        (date(2026, 8, 31), TODAY, [e.R_START_BEFORE_GROUP, e.R_START_IN_CLOSED_PERIOD]),
    ],
)
def test_start_date_inside_group_dates_and_the_open_period(start, today, expected):
    # the child is 10, inside the programme's range for every start date here
    assert codes(application=app(start_date=start), today=today) == expected


def test_start_date_refusals_point_at_the_start_date_field_with_the_dates():
    refusals = e.check_application(CERTIFIED, GROUP, app(start_date=date(2027, 6, 1)), TODAY)
    assert [(r.field, r.code) for r in refusals] == [(e.F_START_DATE, e.R_START_AFTER_GROUP)]
    assert "01.06.2027" in refusals[0].message and "31.05.2027" in refusals[0].message


def test_open_period_starts_on_the_first_of_the_current_month():
    assert e.open_period_start(date(2026, 12, 31)) == date(2026, 12, 1)


# --- duplicates ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "existing, duplicate",
    [
        ((e.ExistingEnrolment(7, "active"),), True),
        ((e.ExistingEnrolment(7, "new"),), True),  # a pending application holds the place too
        ((e.ExistingEnrolment(7, "confirmed"),), True),
        ((e.ExistingEnrolment(7, "expelled"),), False),  # expelled earlier: may come back
        ((e.ExistingEnrolment(7, "rejected"),), False),
        ((e.ExistingEnrolment(8, "active"),), False),  # another group of the same programme
        ((e.ExistingEnrolment(7, "expelled"), e.ExistingEnrolment(7, "active")), True),
        ((e.ExistingEnrolment(7, "something_new"),), True),  # unknown status counts as live
    ],
)
def test_second_live_enrolment_in_the_same_group_is_refused(existing, duplicate):
    assert codes(application=app(existing=existing)) == ([e.R_DUPLICATE_ENROLMENT] if duplicate else [])


def test_a_group_not_saved_yet_has_no_duplicates():
    group = replace(GROUP, group_id=None)
    assert codes(group=group, application=app(existing=(e.ExistingEnrolment(None, "active"),))) == []


# --- all refusals at once, texts ----------------------------------------------------------------

def test_every_refusal_is_reported_at_once_in_form_order():
    application = app(child_birth_date=date(2022, 1, 1), start_date=date(2027, 7, 1), certificate=UCHET,
                      existing=(e.ExistingEnrolment(7, "active"),))
    got = codes(group=replace(GROUP, occupied=12), application=application)
    assert got == [e.R_AGE_TOO_YOUNG, e.R_CERT_ACCOUNTING_ON_CERTIFIED, e.R_START_AFTER_GROUP,
                   e.R_GROUP_FULL, e.R_DUPLICATE_ENROLMENT]


ALL_CODES = [v for k, v in vars(e).items() if k.startswith("R_")]


@pytest.mark.parametrize("code", ALL_CODES)
def test_every_code_has_a_russian_reason_and_advice(code):
    assert e.REFUSAL_TEXT_RU[code] and e.REFUSAL_ADVICE_RU[code]
    assert any("а" <= ch <= "я" for ch in e.REFUSAL_TEXT_RU[code].lower())
    refusal = e.Refusal(code, "x", "m")
    assert refusal.text == e.REFUSAL_TEXT_RU[code] and refusal.advice == e.REFUSAL_ADVICE_RU[code]


def test_refusal_codes_are_distinct_and_all_described():
    assert len(set(ALL_CODES)) == len(ALL_CODES) == 10
    assert set(e.REFUSAL_TEXT_RU) == set(e.REFUSAL_ADVICE_RU) == set(ALL_CODES)


# --- properties ---------------------------------------------------------------------------------

@given(
    birth=st.dates(min_value=date(2000, 1, 1), max_value=date(2026, 9, 1)),
    start=st.dates(min_value=date(2026, 8, 1), max_value=date(2027, 7, 1)),
    occupied=st.integers(min_value=0, max_value=20),
)
def test_eligible_exactly_when_no_rule_is_broken(birth, start, occupied):
    group = replace(GROUP, occupied=occupied)
    refusals = e.check_application(CERTIFIED, group, app(child_birth_date=birth, start_date=start), TODAY)
    age = age_in_months(birth, start)
    broken = (not 84 <= age <= 168) or occupied >= 12 or not date(2026, 9, 1) <= start <= date(2027, 5, 31)
    assert bool(refusals) == broken
    assert all(r.code in e.REFUSAL_TEXT_RU and r.message for r in refusals)
