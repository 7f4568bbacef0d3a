"""Lessons generated from a weekly schedule, and whether a group has a lesson on a day."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, time, timedelta

WEEKDAYS_RU = ("Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс")


@dataclass(frozen=True, slots=True)
class WeeklySlot:
    """One weekly slot: ISO weekday (1 = Monday … 7 = Sunday), start and end time, room."""

    weekday: int
    time_from: time
    time_to: time
    room: str = ""

    def __post_init__(self) -> None:
        if not 1 <= self.weekday <= 7:
            raise ValueError(f"день недели должен быть от 1 до 7, получено {self.weekday}")
        if self.time_to <= self.time_from:
            raise ValueError("время окончания занятия должно быть позже времени начала")

    @property
    def hours(self) -> float:
        """Academic length in astronomical hours (kept for the КТП hour count)."""
        start = self.time_from.hour * 60 + self.time_from.minute
        end = self.time_to.hour * 60 + self.time_to.minute
        return (end - start) / 60


@dataclass(frozen=True, slots=True)
class PlannedLesson:
    lesson_date: date
    time_from: time
    time_to: time
    room: str


def generate_lessons(
    slots: Iterable[WeeklySlot],
    date_from: date,
    date_to: date,
    cancelled: Iterable[date] = (),
) -> list[PlannedLesson]:
    """Every lesson between two dates inclusive, in date order; cancelled days are skipped.

    Two slots on the same weekday give two lessons that day, ordered by start time.
    """
    if date_to < date_from:
        return []
    by_weekday: dict[int, list[WeeklySlot]] = {}
    for slot in slots:
        by_weekday.setdefault(slot.weekday, []).append(slot)
    for day_slots in by_weekday.values():
        day_slots.sort(key=lambda s: s.time_from)
    skip = set(cancelled)
    lessons: list[PlannedLesson] = []
    for day in _days(date_from, date_to):
        if day in skip:
            continue
        for slot in by_weekday.get(day.isoweekday(), ()):
            lessons.append(PlannedLesson(day, slot.time_from, slot.time_to, slot.room))
    return lessons


def lesson_dates(
    slots: Iterable[WeeklySlot], date_from: date, date_to: date, cancelled: Iterable[date] = ()
) -> list[date]:
    """The distinct lesson dates (a journal has one column per date)."""
    return sorted({lesson.lesson_date for lesson in generate_lessons(slots, date_from, date_to, cancelled)})


def is_lesson_day(
    day: date,
    *,
    group_from: date,
    group_to: date,
    weekdays: Collection[int],
    explicit_dates: Collection[date] = (),
    cancelled_dates: Collection[date] = (),
) -> bool:
    """Is ``day`` a lesson day of the group by its schedule? Inside the group's dates, not a
    cancelled day, and one of its explicit dates — or, for a group without explicit dates, a
    weekday of one of its weekly slots (explicit dates replace the weekly slots). The PC's lessons
    (``services.lessons``) and the portal's mark decision read the same schedule with this rule."""
    if not group_from <= day <= group_to or day in cancelled_dates:
        return False
    if explicit_dates:
        return day in explicit_dates
    return day.isoweekday() in weekdays


def lesson_held(lesson_day: bool, marked_that_day: bool) -> bool:
    """«A lesson exists that day»: a lesson day by the schedule, or the group already has a mark
    that day — a held lesson the schedule later lost stays markable (the marks are a financial
    record)."""
    return lesson_day or marked_that_day


def month_bounds(month: date) -> tuple[date, date]:
    """First and last day of the month that contains ``month``."""
    first = month.replace(day=1)
    next_first = (first + timedelta(days=32)).replace(day=1)
    return first, next_first - timedelta(days=1)


def _days(date_from: date, date_to: date) -> Iterator[date]:
    day = date_from
    one = timedelta(days=1)
    while day <= date_to:
        yield day
        day += one
