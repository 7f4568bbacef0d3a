"""The benchmarks' fixed scenario: the day the seeded districts are generated for, and the school
scenario at a multiple of its size.

The seed fills marks up to the day before its «today», so a district seeded for the calendar's day
grows through the school year and a figure drifts with it (issue 15). Every district the
benchmarks seed is generated for ``SCHOOL_TODAY``; the portal started by a benchmark gets the
same day (``pfdo-portal serve --today``), and the benchmark's own «today» (past or future lessons,
the month to close) is this day too.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

SCHOOL_TODAY = date(2026, 12, 1)  # a Tuesday of the 2026/27 school year: three months of marks
SCHOOL_GROUPS = 120  # pfdo_portal.seed.SCHOOL_PROVIDER.groups: the school scenario at 1×


def seed_school(db_url: str, scale: int = 1) -> Any:
    """``seed_demo(scale="school", today=SCHOOL_TODAY)``; ``scale`` > 1 seeds one school with that
    many times the groups (its children, memberships, applications and marks follow: 4× the groups
    gives ≈ 4.15× the records), by handing the seed a larger ``SCHOOL_PROVIDER`` for the call."""
    from pfdo_portal import seed

    original = seed.SCHOOL_PROVIDER
    if scale != 1:
        seed.SCHOOL_PROVIDER = dataclasses.replace(original, groups=original.groups * scale)
    try:
        return seed.seed_demo(db_url, scale="school", today=SCHOOL_TODAY)
    finally:
        seed.SCHOOL_PROVIDER = original


def records(counts: dict[str, int]) -> int:
    """Rows a first full sync of the seeded provider pulls (master rows + marks), as the seed counts."""
    return sum(counts.values())
