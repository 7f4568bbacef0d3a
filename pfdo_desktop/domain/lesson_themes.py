"""Lesson themes — the КТП (календарно-тематический план): a group's lesson on a date has a theme
the school plans and writes in the journal («Тема занятия»). One value per lesson where the later
edit wins, like a mark; an empty theme clears it.

One rule says whether a theme may be set on a day (``theme_refusal``): both sides apply it (the PC's
pre-check in ``services.lesson_themes``, the portal in ``pfdo_portal.lesson_themes``), refusing with
the same reason codes (attendance's ``R_INVALID``, ``R_OUTSIDE_GROUP_DATES``, ``R_NO_LESSON``).
A billed month does not lock a theme: the plan is not money.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date

from .attendance import R_INVALID, R_NO_LESSON, R_OUTSIDE_GROUP_DATES
from .said import said

THEME_MAX = 500  # characters of a theme (the wire's limit too)


@dataclass(frozen=True, slots=True)
class ThemeRefusal:
    """Why a theme may not be set: the reason code, the field (``theme``, ``lesson_date``) and what
    to say (Russian)."""

    reason: str
    field: str
    message: str


def normal_theme(theme: str) -> str:
    """A theme as it is stored and sent: without the spaces around it (empty: no theme)."""
    return theme.strip()


def theme_refusal(
    day: date,
    theme: str,
    *,
    group_from: date,
    group_to: date,
    scheduled: Callable[[date], bool],
    stated_days: Collection[date],
    marked_days: Collection[date],
) -> ThemeRefusal | None:
    """May the group's lesson on ``day`` get ``theme`` (already ``normal_theme``)? None: yes. The
    checks in order: the theme's length, the group's dates, a lesson that day — by the schedule
    (``schedule.is_lesson_day`` over the group), a lesson cancelled or moved from that day
    (``stated_days``: it keeps its own date) or one kept because it has marks (``marked_days``)."""
    if len(theme) > THEME_MAX:
        return ThemeRefusal(R_INVALID, "theme", said(
            "theme.too_long", f"Тема длиннее {THEME_MAX} символов: сократите её.", limit=THEME_MAX))
    if not group_from <= day <= group_to:
        return ThemeRefusal(
            R_OUTSIDE_GROUP_DATES, "lesson_date",
            said("theme.outside_group_dates",
                 f"{day:%d.%m.%Y} вне дат группы: группа работает с {group_from:%d.%m.%Y} по "
                 f"{group_to:%d.%m.%Y}. Тему можно задать только занятию группы.",
                 day=day, group_from=group_from, group_to=group_to))
    if not (scheduled(day) or day in stated_days or day in marked_days):
        return ThemeRefusal(
            R_NO_LESSON, "lesson_date",
            said("theme.no_lesson",
                 f"{day:%d.%m.%Y} у группы нет занятия: тему можно задать только занятию из расписания "
                 "группы. Выберите столбец занятия в журнале.", day=day))
    return None


__all__ = ["THEME_MAX", "ThemeRefusal", "normal_theme", "theme_refusal"]
