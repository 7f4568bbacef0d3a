"""Privacy rule 2b (review finding 7): a СНИЛС tells a new child apart from a registry namesake;
the «registered» answer's words depend only on the request; the namesake limit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from pfdo_desktop.domain import privacy
from pfdo_desktop.domain.identity import make_snils

A, B = make_snils(123_456_789), make_snils(987_654_321)
BAD = "112-233-445 96"  # the control number does not match


@pytest.mark.parametrize(
    ("given", "known", "apart"),
    [
        (A, B, True),  # two valid, different СНИЛС: two people
        (A, A, False),  # the same СНИЛС: the same person
        (A.replace("-", "").replace(" ", ""), A, False),  # written differently, the same digits
        ("", B, False),  # the request has none: nothing tells them apart
        (A, "", False),  # the registry has none: it cannot say it is someone else
        (A, BAD, False),  # a malformed СНИЛС in the registry proves nothing
        (BAD, B, False),
        ("112-233", B, False),
    ],
)
def test_only_two_valid_different_snils_tell_namesakes_apart(given, known, apart):
    assert privacy.told_apart_by_snils(given, known) is apart


def test_the_registered_answer_says_what_to_do_for_the_same_child_and_for_another():
    bare = privacy.registered_message(request_has_snils=False)
    assert "укажите его СНИЛС и отправьте запрос снова" in bare
    assert "номером сертификата из заявления родителя" in bare
    with_snils = privacy.registered_message(request_has_snils=True)
    assert "номером сертификата из заявления родителя" in with_snils
    assert "сверьте СНИЛС" in with_snils and "уполномоченную организацию" in with_snils
    # Nothing about what the registry holds: one text for «the same СНИЛС» and «none in the registry».
    assert "СНИЛС нет" not in with_snils and "другой СНИЛС" not in with_snils


def test_the_namesake_limit_is_its_own_and_slides():
    now = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
    times = [now - timedelta(minutes=m) for m in (50, 40, 30, 20)]
    assert privacy.namesakes_block(times, now) is None
    times.append(now - timedelta(minutes=10))
    retry = privacy.namesakes_block(times, now)
    assert retry == now + timedelta(minutes=10)
    message = privacy.too_many_namesakes_message(retry, now)
    assert "через 10 мин." in message and "СНИЛС" in message
    assert privacy.R_TOO_MANY_NAMESAKES != privacy.R_TOO_MANY_ATTEMPTS
    assert privacy.R_TOO_MANY_NAMESAKES in privacy.TEXT_RU
    assert privacy.R_TOO_MANY_NAMESAKES in privacy.ADVICE_RU
