"""How each side turns its own tables into the rows ``payment_month.compute_month`` reads (issue 12).

The PC and the portal keep the same facts in different tables; their month computations agree to
the kopeck only if they build the rows by the same rules, so those rules live here, once:

* ``group_lessons`` — a group's lessons in a window of days: one per lesson day of its schedule
  (``schedule.is_lesson_day``), as many academic hours as the group has weekly slots that weekday
  (a group scheduled by dates: 1 for each date), with the state of a lesson cancelled by the
  provider or moved (``payment.Lesson``); a day with a state but no longer in the schedule keeps
  its state (the lesson was planned when it was cancelled or moved);
* ``lesson_window`` — the days whose lessons may land in a month (a move crosses at most into a
  neighbouring month);
* ``contract_period`` — a contract's period inside its group's dates: from the first day of the
  enrolment (``enrolment_first_day``: the child's membership of the group that began inside the
  application's period; else the application's start) to its end (else the group's last day);
* ``contract_date`` — the date of the contract: the day the portal confirmed the application (the
  offer), else the enrolment order's date, else the start date;
* ``attended_count`` — lessons of the month the child was marked present at: held lessons inside
  the contract's period;
* ``counts_as_contract`` — an application is in the month's money only with a price the portal
  set (a budget programme's application has no parts: no contract money);
  ``contract_certificate_number`` — the certificate shows on a contract only when it pays a part;
* the payer is the provider's municipality, the parent's payment order ``fixed`` while no side
  records another (``PAYER_IS_MUNICIPALITY``, ``DEFAULT_PAYMENT_ORDER``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import date, timedelta
from decimal import Decimal

from . import payment as pay
from .pricing import YearMonth
from .schedule import is_lesson_day

DEFAULT_PAYMENT_ORDER = pay.PARENT_FIXED  # neither side records another payment order yet


def payer_of_provider(municipality: str) -> str:
    """Who pays a provider's certificates: its municipality, as the registry writes it."""
    return (municipality or "").strip()


def group_lessons(
    window_from: date,
    window_to: date,
    *,
    group_from: date,
    group_to: date,
    weekday_slots: Mapping[int, int],
    explicit_dates: Collection[date] = (),
    cancelled_dates: Collection[date] = (),
    states: Mapping[date, tuple[str, date | None]] | None = None,
) -> tuple[pay.Lesson, ...]:
    """The group's lessons between two days (inclusive), in date order. ``weekday_slots``: ISO
    weekday → how many weekly slots the group has that day; ``states``: lesson date → (state,
    moved_to) for lessons not simply held."""
    states = states or {}
    lessons: list[pay.Lesson] = []
    day, last = max(window_from, group_from), min(window_to, group_to)
    while day <= last:
        scheduled = is_lesson_day(day, group_from=group_from, group_to=group_to,
                                  weekdays=set(weekday_slots), explicit_dates=explicit_dates,
                                  cancelled_dates=cancelled_dates)
        if scheduled or day in states:
            hours = 1 if explicit_dates or not scheduled else weekday_slots.get(day.isoweekday(), 1)
            state, moved_to = states.get(day, (pay.LESSON_HELD, None))
            lessons.append(pay.Lesson(day, hours, state, moved_to if state == pay.LESSON_MOVED else None))
        day += timedelta(days=1)
    return tuple(lessons)


def counts_as_contract(certificate_part: object) -> bool:
    """Is an application in the month's money? Only with the parts the portal priced it with (a
    budget programme has none); a contract paid by the parent alone has a certificate part of 0."""
    return certificate_part is not None and certificate_part != ""


def contract_certificate_number(certificate_part: Decimal, number: str) -> str:
    """The certificate number a contract carries: only when the certificate pays a part of it."""
    return number if certificate_part > 0 else ""


def lesson_window(month: YearMonth) -> tuple[date, date]:
    """The days whose lessons may land in ``month`` (a lesson moved from or to a neighbour)."""
    return (pay.month_first_day(month) - timedelta(days=62),
            pay.month_last_day(month) + timedelta(days=62))


def enrolment_first_day(memberships: Iterable[tuple[date, date | None]], start_date: date,
                        end_date: date | None) -> date | None:
    """The first day of the enrolment an application led to: the earliest of the child's
    memberships of the group (``(date_from, date_to)``) that began inside the application's period;
    None when there is none (not enrolled yet, or the PC does not have it)."""
    begun = [m_from for m_from, _m_to in memberships
             if m_from >= start_date and (end_date is None or m_from <= end_date)]
    return min(begun, default=None)


def contract_period(member_from: date | None, start_date: date, end_date: date | None,
                    group_from: date, group_to: date) -> tuple[date, date]:
    """The contract's first and last day in force, inside the group's dates."""
    return max(member_from or start_date, group_from), min(end_date or group_to, group_to)


def contract_date(history: Iterable[object], order_date: date | None, start_date: date) -> date:
    """The contract's date: the day the application was confirmed (its history's first
    ``confirmed`` entry, ``{"status": "confirmed", "at": "YYYY-MM-DD…"}``), else the enrolment
    order's date, else the start date."""
    for item in history:
        if isinstance(item, dict) and item.get("status") == "confirmed" and item.get("at"):
            return date.fromisoformat(str(item["at"])[:10])
    return order_date or start_date


def held_days(lessons: Iterable[pay.Lesson], month: YearMonth, group_from: date, group_to: date) -> set[date]:
    """The days of the month on which the group's lessons were held (not cancelled)."""
    return {lesson.held_on for lesson in pay.month_lessons(lessons, month, group_from, group_to)
            if not lesson.cancelled}


def attended_count(present_days: Iterable[date], held: Collection[date], period: tuple[date, date]) -> int:
    """Lessons of the month the child was marked present at: held ones inside the contract's period."""
    first, last = period
    return sum(1 for day in set(present_days) if day in held and first <= day <= last)
