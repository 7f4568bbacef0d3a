"""Edits are dated on the portal's clock when they are made (issue 10 §6): marks and applications
take the anchor of the last sync, read once per save; a reboot re-bases it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from enrolment_data import TODAY
from sqlalchemy import event, select, update

from pfdo_desktop.domain.attendance import mark_id
from pfdo_desktop.domain.clock import Anchor, ClockReading
from pfdo_desktop.models import OUTBOX_SENT, Application, AttendanceMark, Device, MarkAudit, OutboxOp
from pfdo_desktop.models.clock import anchor_of, store_anchor
from pfdo_desktop.services.outbox import redate_pending
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


def _a_lesson(ws, n: int = 2):
    group = ws.groups()[0]
    journal = ws.journal(group.id, group.date_from, date.today())
    for lesson in reversed(journal.lessons):
        members = [c.child_id for c in journal.children if c.is_member_on(lesson.lesson_date)]
        if len(members) >= n:
            return group.id, lesson.lesson_date, members
    raise AssertionError(f"no lesson with {n} members")


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


def _anchored_right(ws) -> ManualClock:
    """The last sync (boot 1) found this PC's wall clock right."""
    clock = ManualClock(PORTAL_T, 500.0, "boot-1")
    ws.db.clock = clock
    with ws.db.write() as s:
        store_anchor(s.scalar(select(Device)), Anchor(portal_time=PORTAL_T, wall=PORTAL_T, mono=500.0,
                                                      boot_id="boot-1", offset=timedelta(0),
                                                      round_trip=0.004))
    return clock


def _reboot(clock: ManualClock, boot: str, true_time: datetime, uptime: float) -> None:
    """A new boot whose wall clock starts a day fast."""
    clock.boot_id, clock.mono, clock.wall = boot, uptime, true_time + DAY


def _ops(ws) -> dict[str, OutboxOp]:
    with ws.db.read() as s:
        return {op.entity_key: op for op in s.scalars(select(OutboxOp))}


def test_each_op_keeps_the_clocks_its_edit_was_made_at(enrolled_workspace):
    ws = enrolled_workspace
    group_id, day, members = _a_lesson(ws, 3)
    ws.mark(group_id, day, [MarkChange(c, None) for c in members])
    ws.sync()
    clock = _anchored_right(ws)
    clock.tick(30.0)
    ws.mark(group_id, day, [MarkChange(members[0], 2)])  # dated by the measured anchor
    _reboot(clock, "boot-2", PORTAL_T + timedelta(hours=1), uptime=20.0)
    ws.mark(group_id, day, [MarkChange(members[1], 2)])  # wall clock + offset: provisional
    clock.tick(60.0)
    ws.mark(group_id, day, [MarkChange(members[2], 2)])  # by the re-based anchor: still provisional
    ops = _ops(ws)
    made = [ops[mark_id(group_id, c, day)] for c in members[:3]]
    assert [(op.clock_boot, op.clock_mono, op.clock_wall, op.clock_provisional) for op in made] == [
        ("boot-1", 530.0, PORTAL_T + timedelta(seconds=30), False),
        ("boot-2", 20.0, PORTAL_T + timedelta(hours=1) + DAY, True),
        ("boot-2", 80.0, PORTAL_T + timedelta(hours=1, seconds=60) + DAY, True),
    ]
    # Toggling a cell before it is sent keeps one op, with the newer edit's clocks.
    clock.tick(5.0)
    ws.mark(group_id, day, [MarkChange(members[1], 3)])
    op = _ops(ws)[mark_id(group_id, members[1], day)]
    assert (op.clock_mono, op.payload["code"]) == (85.0, 3)


def test_a_measured_anchor_re_dates_the_waiting_provisional_ops_of_its_boot_only(enrolled_workspace):
    ws = enrolled_workspace
    group_id, day, members = _a_lesson(ws, 3)
    ws.mark(group_id, day, [MarkChange(c, None) for c in members])
    ws.sync()
    clock = _anchored_right(ws)
    earlier_boot, this_boot, sent = (mark_id(group_id, c, day) for c in members[:3])
    _reboot(clock, "boot-2", PORTAL_T + timedelta(hours=1), uptime=30.0)
    ws.mark(group_id, day, [MarkChange(members[0], 2)])
    _reboot(clock, "boot-3", PORTAL_T + timedelta(hours=2), uptime=10.0)
    ws.mark(group_id, day, [MarkChange(members[1], 2)])  # a day ahead, provisional, mono 10
    clock.tick(5.0)
    ws.mark(group_id, day, [MarkChange(members[2], 2)])
    with ws.db.write() as s:  # that one went on the wire (its answer was lost)
        s.execute(update(OutboxOp).where(OutboxOp.entity_key == sent).values(state=OUTBOX_SENT))
    before = {key: op.payload["changed_at"] for key, op in _ops(ws).items()}
    # The next sync in boot 3, 15 s after that edit, with the clock corrected, measures an anchor.
    true_at = PORTAL_T + timedelta(hours=2)
    fresh = Anchor(portal_time=true_at + timedelta(seconds=15), wall=true_at + timedelta(seconds=15),
                   mono=25.0, boot_id="boot-3", offset=timedelta(0), round_trip=0.004)
    with ws.db.write() as s:
        assert redate_pending(s, fresh) == 1
    with ws.db.write() as s:
        assert redate_pending(s, fresh) == 0  # anchored now: a later sync leaves it alone
    ops = _ops(ws)
    assert ops[this_boot].payload["changed_at"] == true_at.isoformat()
    assert ops[this_boot].clock_provisional is False
    assert ops[earlier_boot].payload["changed_at"] == before[earlier_boot]  # keeps its estimate
    assert ops[sent].payload["changed_at"] == before[sent]  # never edited once sent
    assert before[this_boot] == (true_at + DAY).isoformat()
    with ws.db.read() as s:
        mark = s.get(AttendanceMark, (group_id, day, members[1]))  # the journal keys a cell by itself
        assert mark is not None and mark.changed_at == true_at
        audit = s.scalars(select(MarkAudit).where(MarkAudit.mark_id == this_boot)
                          .order_by(MarkAudit.id.desc())).first()
        assert audit is not None and (audit.new_code, audit.changed_at) == (2, true_at)
        untouched = s.get(AttendanceMark, (group_id, day, members[0]))
        assert untouched is not None and untouched.changed_at == PORTAL_T + timedelta(hours=1) + DAY


def test_a_provisional_application_is_re_dated_with_its_local_copy(workspace, reg):
    clock = _anchored_right(workspace)
    _reboot(clock, "boot-2", PORTAL_T + timedelta(hours=1), uptime=40.0)
    uid = workspace.submit_application(f"c:{reg.ivanov}", reg.certified_group, TODAY, TODAY)
    true_at = PORTAL_T + timedelta(hours=1)
    fresh = Anchor(portal_time=true_at + timedelta(seconds=60), wall=true_at + timedelta(seconds=60),
                   mono=100.0, boot_id="boot-2", offset=timedelta(0), round_trip=0.004)
    with workspace.db.write() as s:
        assert redate_pending(s, fresh) == 1
    with workspace.db.read() as s:
        (op,) = s.scalars(select(OutboxOp))
        app = s.get(Application, uid)
        assert app is not None
        assert (op.payload["created_at"], app.created_at, app.pending_at) == (
            true_at.isoformat(), true_at, true_at)


def _a_lesson_ahead(ws):
    """A lesson after today (nobody is marked at it yet) of the first group that has one."""
    for group in ws.groups():
        journal = ws.journal(group.id, date.today() + DAY, group.date_to)
        if journal.lessons:
            return group.id, journal.lessons[0].lesson_date
    raise AssertionError("no lesson ahead")


def test_a_provisional_lesson_state_is_re_dated_with_its_local_copy(enrolled_workspace):
    from pfdo_desktop.models import Lesson
    from pfdo_desktop.services.lesson_states import entity_key

    ws = enrolled_workspace
    group_id, day = _a_lesson_ahead(ws)
    clock = _anchored_right(ws)
    _reboot(clock, "boot-2", PORTAL_T + timedelta(hours=1), uptime=40.0)
    assert ws.cancel_lesson(group_id, day, "педагог на больничном")
    true_at = PORTAL_T + timedelta(hours=1)
    fresh = Anchor(portal_time=true_at + timedelta(seconds=60), wall=true_at + timedelta(seconds=60),
                   mono=100.0, boot_id="boot-2", offset=timedelta(0), round_trip=0.004)
    assert _ops(ws)[entity_key(group_id, day)].payload["changed_at"] == (true_at + DAY).isoformat()
    with ws.db.write() as s:
        assert redate_pending(s, fresh) == 1
    op = _ops(ws)[entity_key(group_id, day)]
    assert (op.payload["changed_at"], op.clock_provisional) == (true_at.isoformat(), False)
    with ws.db.read() as s:
        lesson = s.scalars(select(Lesson).where(Lesson.group_id == group_id, Lesson.lesson_date == day)).one()
        assert (lesson.state, lesson.state_changed_at) == ("cancelled_by_provider", true_at)


def test_a_lesson_s_state_changed_twice_offline_goes_out_as_one_op(enrolled_workspace):
    from pfdo_desktop.services.lesson_states import entity_key

    ws = enrolled_workspace
    group_id, day = _a_lesson_ahead(ws)
    assert ws.cancel_lesson(group_id, day, "педагог на больничном")
    assert ws.hold_lesson(group_id, day)
    with ws.db.read() as s:
        ops = s.scalars(select(OutboxOp).where(OutboxOp.entity_key == entity_key(group_id, day))).all()
        assert [(op.kind, op.payload["state"]) for op in ops] == [("lesson.state", "held")]
