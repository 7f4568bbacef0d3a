"""The privacy rulebook (domain.privacy, issue 10 §1): what a provider is told about a match, when a
certificate number is required or wrong, and when guessing stops."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pfdo_desktop.domain import privacy as pv
from pfdo_desktop.domain.applications import (
    MATCH_AMBIGUOUS,
    MATCH_CREATED,
    MATCH_EXISTING,
    MATCH_REGISTERED,
    MATCH_RESULTS_RU,
)

NOW = datetime(2025, 11, 24, 12, 0, tzinfo=UTC)


# --- 1. links, 2. matching ----------------------------------------------------------------------


def test_only_a_created_record_an_application_or_a_membership_links():
    assert MATCH_CREATED in pv.LINKING_REQUEST_OUTCOMES
    for outcome in (MATCH_EXISTING, MATCH_AMBIGUOUS, MATCH_REGISTERED):  # a matching ФИО + birth date
        assert outcome not in pv.LINKING_REQUEST_OUTCOMES
    assert pv.is_linked(created_record=False, has_application=True, has_membership=False)
    assert pv.is_linked(created_record=False, has_application=False, has_membership=True)
    assert pv.is_linked(created_record=True, has_application=False, has_membership=False)
    assert not pv.is_linked(created_record=False, has_application=False, has_membership=False)


@pytest.mark.parametrize(
    ("outcome", "child_id", "candidates", "linked", "expected"),
    [
        (MATCH_CREATED, 7, [], set(), (MATCH_CREATED, 7, (), ())),
        (MATCH_EXISTING, 7, [], {7}, (MATCH_EXISTING, 7, (), ())),
        (MATCH_EXISTING, 7, [], set(), (MATCH_REGISTERED, None, (), (7,))),
        (MATCH_AMBIGUOUS, None, [3, 4, 5], {4}, (MATCH_AMBIGUOUS, None, (4,), (3, 5))),
        (MATCH_AMBIGUOUS, None, [3, 4], {3, 4}, (MATCH_AMBIGUOUS, None, (3, 4), ())),
        (MATCH_AMBIGUOUS, None, [3, 4, 3], set(), (MATCH_REGISTERED, None, (), (3, 4))),
    ],
    ids=["created", "existing-linked", "existing-unlinked", "ambiguous-mixed", "ambiguous-linked",
         "ambiguous-unlinked"],
)
def test_a_match_is_disclosed_only_as_far_as_the_provider_is_linked(outcome, child_id, candidates, linked,
                                                                    expected):
    shown = pv.disclose_match(outcome, child_id, candidates, linked)
    assert (shown.outcome, shown.child_id, shown.candidates, shown.hidden) == expected
    assert shown.registered == (expected[0] == MATCH_REGISTERED)


@given(
    ids=st.lists(st.integers(min_value=1, max_value=30), min_size=1, max_size=8),
    linked=st.sets(st.integers(min_value=1, max_value=30)),
)
def test_an_unlinked_child_is_never_shown(ids, linked):
    shown = pv.disclose_match(MATCH_AMBIGUOUS, None, ids, linked)
    assert set(shown.candidates) <= linked
    assert not set(shown.hidden) & linked
    assert set(shown.candidates) | set(shown.hidden) == set(ids)
    assert (shown.outcome == MATCH_REGISTERED) == (not set(ids) & linked)


def test_the_registered_answer_asks_for_the_certificate_number():
    assert "номер сертификата" in MATCH_RESULTS_RU[MATCH_REGISTERED]
    assert "уже есть в реестре" in MATCH_RESULTS_RU[MATCH_REGISTERED]


@pytest.mark.parametrize(
    ("known", "described", "linked", "guess"),
    [
        (True, False, False, True),  # another child's number: a guess
        (True, True, False, False),  # the described child's own number
        (True, False, True, False),  # a child the provider sees anyway
        (False, False, False, False),  # another region's number: not used, not counted
    ],
)
def test_which_number_of_a_new_child_request_is_a_guess(known, described, linked, guess):
    assert pv.certificate_guess(holder_known=known, holder_is_described=described,
                                holder_linked=linked) is guess


# --- 3. money -----------------------------------------------------------------------------------

NUMBER, OTHER = "4718000123", "4718000124"


@pytest.mark.parametrize(
    ("given_number", "actual", "registry", "linked", "known", "code"),
    [
        ("", NUMBER, "certified", True, True, pv.R_CERTIFICATE_REQUIRED),
        ("", NUMBER, "general", True, True, None),
        ("", NUMBER, "paid", True, True, None),
        ("", None, "certified", True, True, None),  # no certificate: the rulebook says so itself
        ("", NUMBER, "general", False, True, pv.R_CERTIFICATE_REQUIRED),  # registered: the number is the link
        (NUMBER, NUMBER, "certified", True, True, None),
        (NUMBER, NUMBER, "general", False, True, None),
        (OTHER, NUMBER, "certified", True, True, pv.R_CERTIFICATE_MISMATCH),
        (OTHER, NUMBER, "general", True, True, pv.R_CERTIFICATE_MISMATCH),  # optional, but must match
        (OTHER, None, "general", True, True, pv.R_CERTIFICATE_MISMATCH),
        (OTHER, None, "certified", False, False, None),  # a PC cannot compare: the portal will
        ("", None, "certified", True, False, pv.R_CERTIFICATE_REQUIRED),
    ],
)
def test_the_certificate_number_of_an_application(given_number, actual, registry, linked, known, code):
    refusal = pv.certificate_number_refusal(given_number, actual, registry=registry, linked=linked,
                                            actual_known=known)
    assert (refusal.code if refusal else None) == code
    if refusal is not None:
        assert refusal.field == pv.F_CERTIFICATE_NUMBER and refusal.message
        assert refusal.text == pv.TEXT_RU[code] and refusal.advice == pv.ADVICE_RU[code]


def test_the_mismatch_says_to_check_the_parents_application():
    refusal = pv.certificate_number_refusal(OTHER, NUMBER, registry="certified", linked=True)
    assert refusal is not None and refusal.message == (
        "Номер сертификата не совпадает с сертификатом ребёнка в реестре — проверьте номер в заявлении "
        "родителя"
    )


@pytest.mark.parametrize("typed", ["47 18 000123", "4718-000123", " 4718000123 "])
def test_a_number_is_kept_as_its_digits(typed):
    assert pv.normalize_certificate_number(typed) == NUMBER
    assert pv.normalize_certificate_number(None) == ""


# --- 4. guesses ---------------------------------------------------------------------------------


def test_guessing_stops_at_the_limit_and_resumes_as_the_window_slides():
    minutes = [50, 40, 30, 20]  # minutes ago
    times = [NOW - timedelta(minutes=m) for m in minutes]
    assert pv.guess_block(times, NOW) is None  # four of five
    times.append(NOW - timedelta(minutes=10))
    retry = pv.guess_block(times, NOW)
    assert retry == NOW - timedelta(minutes=50) + pv.GUESS_WINDOW  # the oldest leaves in 10 minutes
    assert pv.guess_block(times, retry) is None
    assert pv.guess_block(times, retry - timedelta(seconds=1)) == retry
    old = [NOW - timedelta(hours=2)] * 10
    assert pv.guess_block(old, NOW) is None  # outside the window: forgotten


@given(st.lists(st.integers(min_value=0, max_value=7200), max_size=12))
def test_a_blocked_provider_may_guess_again_exactly_when_the_window_holds_fewer(seconds_ago):
    times = [NOW - timedelta(seconds=s) for s in seconds_ago]
    retry = pv.guess_block(times, NOW)
    in_window = [t for t in times if t > NOW - pv.GUESS_WINDOW]
    assert (retry is None) == (len(in_window) < pv.GUESS_LIMIT)
    if retry is not None:
        assert retry > NOW
        assert pv.guess_block(times, retry) is None


def test_the_too_many_attempts_message_says_when_to_retry():
    message = pv.too_many_attempts_message(NOW + timedelta(minutes=37, seconds=10), NOW)
    assert "через 38 мин." in message and "5 за 60 мин." in message and "заявлением родителя" in message
