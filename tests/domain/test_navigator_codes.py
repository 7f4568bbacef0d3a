"""Our four marks in the Navigator's three codes (domain.attendance.navigator_value /
from_navigator): what is sent, and what the PC shows of what the Navigator keeps."""

from __future__ import annotations

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
