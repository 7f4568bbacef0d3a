"""Membership of a group: is a child in the group on a date, during a period, and which
memberships take a place on a date. One definition for the PC's journal and pre-checks and for the
portal's decisions (docs/rules.md).

A membership runs from ``member_from`` to ``member_to`` inclusive; ``member_to`` None is open
(the child studies until expelled, transferred or the contract ends).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date


def member_on(member_from: date, member_to: date | None, day: date) -> bool:
    """Is the child a member of the group on ``day`` (both ends included)?"""
    return member_from <= day and (member_to is None or day <= member_to)


def member_during(member_from: date, member_to: date | None, period_from: date, period_to: date) -> bool:
    """Is the child a member on at least one day of the period (a journal's month shows it)?"""
    return member_from <= period_to and (member_to is None or member_to >= period_from)


def member_on_any(spans: Iterable[tuple[date, date | None]], day: date) -> bool:
    """A child with several memberships of one group (re-enrolled): a member on ``day`` by any."""
    return any(member_on(start, end, day) for start, end in spans)


def holds_place_on(member_to: date | None, on: date) -> bool:
    """Does a membership take one of the group's places for an application starting ``on``? Every
    membership not ended before that day does — one that starts later included (its place is
    promised)."""
    return member_to is None or member_to >= on


def places_taken(member_ends: Iterable[date | None], on: date, confirmed_applications: int = 0) -> int:
    """The group's occupied places on ``on``: the memberships that hold a place then (their last
    days given) plus the applications confirmed and not yet enrolled (a place reserved for each)."""
    return sum(1 for end in member_ends if holds_place_on(end, on)) + confirmed_applications
