"""Edits are dated on the portal's clock when they are made (issue 10 §6): marks and applications
take the anchor of the last sync, read once per save; a reboot re-bases it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from enrolment_data import TODAY
from sqlalchemy import event, select

from pfdo_desktop.domain.clock import Anchor, ClockReading
from pfdo_desktop.models import Application, AttendanceMark, Device, MarkAudit, OutboxOp
from pfdo_desktop.models.clock import anchor_of, store_anchor
from pfdo_desktop.services.rows import MarkChange

PORTAL_T = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)  # the portal's clock at the last sync
DAY = timedelta(days=1)


class ManualClock:
    def __init__(self, wall: datetime, mono: float, boot_id: str) -> None:
        self.wall, self.mono, self.boot_id = wall, mono, boot_id

    def read(self) -> ClockReading:
        return ClockReading(self.wall, self.mono, self.boot_id)

    def tick(self, seconds: float, wall_shift: timedelta = timedelta(0)) -> None:
        self.mono += seconds
        self.wall += timedelta(seconds=seconds) + wall_shift


def _anchored_a_day_fast(ws) -> ManualClock:
    """The last sync found this PC's wall clock a day fast; its clocks then read ``clock``."""
    clock = ManualClock(PORTAL_T + DAY, 500.0, "boot-1")
    ws.db.clock = clock
    with ws.db.write() as s:
        device = s.scalar(select(Device))
        store_anchor(device, Anchor(portal_time=PORTAL_T, wall=PORTAL_T + DAY, mono=500.0,
                                    boot_id="boot-1", offset=-DAY, round_trip=0.004))
    return clock


def _a_lesson(ws):
    group = ws.groups()[0]
    journal = ws.journal(group.id, group.date_from, date.today())
    for lesson in reversed(journal.lessons):
        members = [c.child_id for c in journal.children if c.is_member_on(lesson.lesson_date)]
        if len(members) >= 2:
            return group.id, lesson.lesson_date, members
    raise AssertionError("no lesson with two members")


def test_marks_are_dated_by_the_anchor_whatever_the_wall_clock_says_now(enrolled_workspace):
    ws = enrolled_workspace
    group_id, day, members = _a_lesson(ws)
    ws.mark(group_id, day, [MarkChange(c, None) for c in members])
    ws.sync()
    clock = _anchored_a_day_fast(ws)
    clock.tick(30.0)  # 30 s later, the wall clock still a day fast
    device_reads: list[str] = []

    def count(conn, cursor, statement, *args) -> None:
        if "FROM device" in statement:
            device_reads.append(statement)

    event.listen(ws.db.engine, "before_cursor_execute", count)
    try:
        assert ws.mark(group_id, day, [MarkChange(c, 2) for c in members]) == len(members)
    finally:
        event.remove(ws.db.engine, "before_cursor_execute", count)
    assert len(device_reads) == 1  # the anchor is read once per save, not once per mark
    made = PORTAL_T + timedelta(seconds=30)
    with ws.db.read() as s:
        ops = list(s.scalars(select(OutboxOp)))
        assert {op.payload["changed_at"] for op in ops} == {made.isoformat()}
        assert {m.changed_at for m in s.scalars(select(AttendanceMark).where(
            AttendanceMark.group_id == group_id, AttendanceMark.lesson_date == day))} == {made}
        audit = s.scalars(select(MarkAudit).order_by(MarkAudit.id.desc()).limit(len(members))).all()
        assert {a.changed_at for a in audit} == {made}


def test_after_a_reboot_the_first_save_re_bases_the_anchor(enrolled_workspace):
    ws = enrolled_workspace
    group_id, day, members = _a_lesson(ws)
    clock = _anchored_a_day_fast(ws)
    clock.boot_id, clock.mono, clock.wall = "boot-2", 20.0, PORTAL_T + timedelta(hours=1) + DAY
    ws.mark(group_id, day, [MarkChange(members[0], 4)])  # wall (a day fast) + offset (− a day)
    with ws.db.read() as s:
        anchor = anchor_of(s.scalar(select(Device)))
    rebooted_at = PORTAL_T + timedelta(hours=1)
    assert anchor == Anchor(portal_time=rebooted_at, wall=rebooted_at + DAY, mono=20.0, boot_id="boot-2",
                            offset=-DAY, round_trip=None)
    clock.tick(60.0, wall_shift=-DAY)  # the clock is corrected in this boot: the anchor still rules
    ws.mark(group_id, day, [MarkChange(members[1], 4)])
    with ws.db.read() as s:
        times = [op.payload["changed_at"] for op in s.scalars(select(OutboxOp).order_by(OutboxOp.id))]
    assert times[-2:] == [(PORTAL_T + timedelta(hours=1)).isoformat(),
                          (PORTAL_T + timedelta(hours=1, seconds=60)).isoformat()]


def test_an_application_is_created_at_the_portals_time(workspace, reg):
    clock = _anchored_a_day_fast(workspace)
    clock.tick(12.5)
    uid = workspace.submit_application(f"c:{reg.ivanov}", reg.certified_group, TODAY, TODAY)
    made = PORTAL_T + timedelta(seconds=12.5)
    with workspace.db.read() as s:
        (op,) = s.scalars(select(OutboxOp))
        app = s.get(Application, uid)
        assert app is not None
        assert (op.payload["created_at"], app.created_at) == (made.isoformat(), made)
