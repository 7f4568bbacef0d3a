"""Our four marks in the Navigator's three codes (domain.attendance.navigator_value /
from_navigator): what is sent, and what the PC shows of what the Navigator keeps."""

from __future__ import annotations

from datetime import date

import pytest

from pfdo_desktop.domain.attendance import AttendanceCode, from_navigator, navigator_value


@pytest.mark.parametrize("code", [AttendanceCode.PRESENT, AttendanceCode.ABSENT, AttendanceCode.SICK])
def test_the_three_common_marks_go_as_they_are_and_come_back_as_they_are(code: AttendanceCode) -> None:
    assert navigator_value(int(code)) == int(code)
    assert from_navigator(int(code), None) == int(code)


def test_excused_goes_as_the_chosen_code_and_a_cleared_cell_as_empty() -> None:
    assert navigator_value(4) == 2  # «не был» unless the PC is set otherwise
    assert navigator_value(4, excused_as=3) == 3
    assert navigator_value(None, excused_as=3) == 0


def test_a_local_excused_mark_is_kept_while_the_navigator_shows_an_absence() -> None:
    assert from_navigator(2, 4) == 4
    assert from_navigator(3, 4) == 4  # the setting was changed to «болел» since it was sent
    assert from_navigator(1, 4) == 1  # somebody marked «был» there: the Navigator's word stands
    assert from_navigator(0, 4) is None  # cleared there
    assert from_navigator(None, 4) is None
    assert from_navigator(2, 1) == 2


def test_a_navigator_pc_leaves_the_certificate_and_closed_months_to_the_navigator() -> None:
    """An order of a 3-year-old (the programme is from 5), no certificate on this PC, starting last
    month, into a full group: on a Navigator PC the age and the places are still refused here."""
    from pfdo_desktop.domain.enrolment import (
        R_AGE_TOO_YOUNG,
        R_GROUP_FULL,
        R_NO_CERTIFICATE,
        R_START_IN_CLOSED_PERIOD,
        Application,
        GroupTerms,
        ProgramTerms,
        check_application,
    )
    from pfdo_desktop.domain.navigator import left_to_check

    today = date(2026, 12, 8)
    refusals = check_application(
        ProgramTerms(60, 216, "significant"), GroupTerms(date(2026, 9, 1), date(2027, 5, 31), 10, 10, 7),
        Application(date(2023, 6, 1), date(2026, 11, 20)), today)
    assert {r.code for r in refusals} == {R_AGE_TOO_YOUNG, R_NO_CERTIFICATE, R_START_IN_CLOSED_PERIOD,
                                          R_GROUP_FULL}
    assert {r.code for r in left_to_check(refusals, navigator=True)} == {R_AGE_TOO_YOUNG, R_GROUP_FULL}
    assert left_to_check(refusals, navigator=False) == refusals
