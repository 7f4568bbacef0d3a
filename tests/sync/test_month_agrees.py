"""The PC and the portal compute a provider's month from their own tables (issue 12): after a
sync, every figure of every contract and group agrees to the kopeck — the condition for the portal
to accept the PC's advance and invoice. Also after lessons were cancelled and moved on the PC and
marks were made, and the sync carried them."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from pfdo_desktop.domain import payment as pay
from pfdo_desktop.domain.payment_month import compare_months
from pfdo_desktop.models import Lesson
from pfdo_desktop.services import payment as payment_service
from pfdo_portal import db as portal_db_schema
from pfdo_portal import money as portal_money


def _both(ws, portal_db: str, provider_id: int, month):
    ours = payment_service.load_month(ws.db, month).figures
    engine = portal_db_schema.make_engine(portal_db)
    try:
        with engine.connect() as conn:
            theirs = portal_money.compute(conn, provider_id, month).figures
    finally:
        engine.dispose()
    return ours, theirs


def _months_back(n: int) -> tuple[int, int]:
    """The month ``n`` months before this one (the demo district is seeded around today)."""
    first = date.today().replace(day=1)
    for _ in range(n):
        first = (first - timedelta(days=1)).replace(day=1)
    return first.year, first.month


def test_a_synced_pc_computes_the_portal_s_month_to_the_kopeck(enrolled_workspace, portal_db,
                                                                 demo_provider_id):
    """This month and the latest one before it that have contracts."""
    checked = 0
    for back in range(0, 13):
        month = _months_back(back)
        ours, theirs = _both(enrolled_workspace, portal_db, demo_provider_id, month)
        if not theirs.contracts:
            continue
        assert len(ours.contracts) == len(theirs.contracts), month
        assert compare_months(ours, theirs) == [], month
        assert [(g.group_id, g.k) for g in ours.groups] == [(g.group_id, g.k) for g in theirs.groups]
        assert ours.payers == theirs.payers
        checked += 1
        if checked == 2:
            break
    assert checked, "the demo provider has contracts paid by certificates"


def test_lessons_cancelled_and_moved_on_the_pc_reach_the_portal_s_month(enrolled_workspace, portal_db,
                                                                          demo_provider_id):
    ws = enrolled_workspace
    with ws.db.read() as s:
        group_id, first, second, free_day = _two_lessons_ahead(s)
    month = (first.year, first.month)
    assert ws.cancel_lesson(group_id, first, "педагог на больничном")
    assert ws.move_lesson(group_id, second, free_day, "зал занят")
    before = payment_service.load_month(ws.db, month).figures
    k = next(g.k for g in before.groups if g.group_id == str(group_id))
    assert k is not None and k < 100
    ws.sync()
    ours, theirs = _both(ws, portal_db, demo_provider_id, month)
    assert compare_months(ours, theirs) == []
    assert next(g.k for g in theirs.groups if g.group_id == str(group_id)) == k


def _two_lessons_ahead(s):
    """A group's two next lessons of one month after today (nobody is marked at them yet) and a
    day of that month after today on which the group has no lesson (where one is moved to)."""
    today = date.today()
    rows = s.execute(select(Lesson.group_id, Lesson.lesson_date).where(Lesson.lesson_date > today)
                     .order_by(Lesson.group_id, Lesson.lesson_date)).all()
    by_group: dict[int, list[date]] = {}
    for gid, day in rows:
        by_group.setdefault(gid, []).append(day)
    for gid, days in by_group.items():
        if len(days) < 2 or (days[0].year, days[0].month) != (days[1].year, days[1].month):
            continue
        last = pay.month_last_day((days[0].year, days[0].month))
        free = [last - timedelta(days=n) for n in range(7)]
        free = [d for d in free if d > days[1] and d not in days]
        if free:
            return gid, days[0], days[1], free[0]
    raise AssertionError("no group with two lessons ahead in one month")
