"""What blocks closing a month (issue 12; docs/payment.md «What blocks closing»): a pure function
over plain facts, each reason with a code, a Russian text and where to go to fix it.

The reasons, in this order:

* ``month_not_over`` — the invoice for the month may not be issued yet
  (``payment.invoice_issue_from``): «счёт за 11.2025 можно выставить с 01.12.2025».
* ``lesson_unmarked`` — a lesson held (not cancelled, on or before ``today``) at which the group had
  members and none of them has a mark: «Робототехника: занятие 12.11 без отметок». A group with more
  than ``LIST_UP_TO`` such lessons gets one ``lessons_unmarked`` line instead: «Робототехника: не
  отмечено 14 занятий» (the jump goes to the first).
* ``lesson_incomplete`` — a held lesson where some members have a mark and some not: «Робототехника:
  занятие 12.11 — нет отметок у 2 детей» (more than ``LIST_UP_TO`` per group: ``lessons_incomplete``,
  «не у всех детей отмечено 5 занятий»).
* ``applications_undecided`` — applications waiting for the provider's decision for more than
  ``days`` days (default 5): «3 заявки без решения старше 5 дней».

A cancelled lesson needs no marks; a moved one is checked on its new date; a lesson after
``today`` (December's invoice is issued inside December) is not required yet.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from pfdo_desktop.domain.payment import invoice_issue_from, month_ru
from pfdo_desktop.domain.plural import plural_ru
from pfdo_desktop.domain.pricing import YearMonth

B_MONTH_NOT_OVER = "month_not_over"
B_LESSON_UNMARKED = "lesson_unmarked"
B_LESSONS_UNMARKED = "lessons_unmarked"
B_LESSON_INCOMPLETE = "lesson_incomplete"
B_LESSONS_INCOMPLETE = "lessons_incomplete"
B_APPLICATIONS_UNDECIDED = "applications_undecided"

LIST_UP_TO = 3  # lessons listed one by one per group; more are summed up in one line
UNDECIDED_DAYS = 5


@dataclass(frozen=True, slots=True)
class LessonMarks:
    """A lesson of the month as the journal sees it: its date (the new date of a moved one),
    whether the provider cancelled it, how many children were members that day and how many of
    them have a mark."""

    group_id: str
    group_name: str
    lesson_date: date
    members: int
    marked: int
    cancelled: bool = False


@dataclass(frozen=True, slots=True)
class Blocker:
    """A reason the month cannot be closed yet: a code, the Russian text, and where to fix it
    (the group and the lesson's date for the journal; none for applications or the calendar).
    The text's parts stay apart too — the group's name, ``count`` (lessons, children or
    applications), ``days`` and the day the invoice may be issued from (``since``) — so a screen
    in another language says the same from ``code``."""

    code: str
    text: str
    group_id: str | None = None
    lesson_date: date | None = None
    count: int = 1
    group_name: str = ""
    days: int = 0
    since: date | None = None


def _day(day: date) -> str:
    return f"{day:%d.%m}"


def _lessons(n: int) -> str:
    return f"{n} {plural_ru(n, 'занятие', 'занятия', 'занятий')}"


def closing_blockers(
    month: YearMonth,
    today: date,
    lessons: Iterable[LessonMarks],
    undecided_since: Iterable[date] = (),
    *,
    days: int = UNDECIDED_DAYS,
) -> list[Blocker]:
    """Every reason the month cannot be closed on ``today``; an empty list means it can.

    ``lessons``: the month's lessons of the provider's groups; ``undecided_since``: the dates the
    provider's applications still waiting for a decision were made."""
    blockers: list[Blocker] = []
    issue_from = invoice_issue_from(month)
    if today < issue_from:
        blockers.append(Blocker(B_MONTH_NOT_OVER,
                                f"счёт за {month_ru(month)} можно выставить с {issue_from:%d.%m.%Y}",
                                since=issue_from))
    due = [lesson for lesson in lessons
           if not lesson.cancelled and lesson.members > 0 and lesson.lesson_date <= today
           and (lesson.lesson_date.year, lesson.lesson_date.month) == month]
    due.sort(key=lambda lesson: (lesson.group_name, lesson.group_id, lesson.lesson_date))
    groups: dict[str, list[LessonMarks]] = {}
    for lesson in due:
        groups.setdefault(lesson.group_id, []).append(lesson)
    for gid, group_lessons in groups.items():
        name = group_lessons[0].group_name
        prefix = f"{name}: " if name else ""
        unmarked = [lesson for lesson in group_lessons if lesson.marked <= 0]
        incomplete = [lesson for lesson in group_lessons if 0 < lesson.marked < lesson.members]
        if len(unmarked) > LIST_UP_TO:
            blockers.append(Blocker(B_LESSONS_UNMARKED, f"{prefix}не отмечено {_lessons(len(unmarked))}",
                                    gid, unmarked[0].lesson_date, len(unmarked), name))
        else:
            blockers += [Blocker(B_LESSON_UNMARKED, f"{prefix}занятие {_day(lesson.lesson_date)} без отметок",
                                 gid, lesson.lesson_date, group_name=name) for lesson in unmarked]
        if len(incomplete) > LIST_UP_TO:
            blockers.append(Blocker(B_LESSONS_INCOMPLETE,
                                    f"{prefix}не у всех детей отмечено {_lessons(len(incomplete))}",
                                    gid, incomplete[0].lesson_date, len(incomplete), name))
        else:
            for lesson in incomplete:
                missing = lesson.members - lesson.marked
                blockers.append(Blocker(
                    B_LESSON_INCOMPLETE,
                    f"{prefix}занятие {_day(lesson.lesson_date)} — нет отметок у {missing} "
                    f"{plural_ru(missing, 'ребёнка', 'детей', 'детей')}",
                    gid, lesson.lesson_date, missing, name))
    old = sum(1 for made in undecided_since if (today - made).days > days)
    if old:
        blockers.append(Blocker(
            B_APPLICATIONS_UNDECIDED,
            f"{old} {plural_ru(old, 'заявка', 'заявки', 'заявок')} без решения старше {days} "
            f"{plural_ru(days, 'дня', 'дней', 'дней')}",
            count=old, days=days))
    return blockers
