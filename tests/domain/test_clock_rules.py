"""The arithmetic of an edit's time on the portal's clock (domain/clock.py, issue 10 §6)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pfdo_desktop.domain.clock import (
    GOOD_ROUND_TRIP_S,
    MAX_SAMPLES,
    REBOOT_SLACK_S,
    Anchor,
    ClockReading,
    EditTime,
    InfoSample,
    anchor_from,
    edit_time,
    made_in_boot_of,
    portal_edit_time,
    redated,
    same_boot,
    wants_another_sample,
)

T0 = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)
BOOT = "3f8e-boot"

wall_shifts = st.timedeltas(min_value=-timedelta(days=400), max_value=timedelta(days=400))
seconds = st.floats(min_value=0.0, max_value=30 * 86400.0, allow_nan=False)
round_trips = st.floats(min_value=0.0, max_value=5.0, allow_nan=False)


def reading(wall: datetime, mono: float, boot: str = BOOT) -> ClockReading:
    return ClockReading(wall=wall, mono=mono, boot_id=boot)


def anchor(offset: timedelta = timedelta(0), mono: float = 1000.0, boot: str = BOOT) -> Anchor:
    """The portal's clock read T0 when this PC's monotonic clock read ``mono``; the PC's wall
    clock was ``-offset`` off."""
    return Anchor(portal_time=T0, wall=T0 - offset, mono=mono, boot_id=boot, offset=offset,
                  round_trip=0.01)


@given(shift_at_anchor=wall_shifts, shift_now=wall_shifts, later=seconds)
def test_in_the_anchors_boot_the_wall_clock_does_not_matter(shift_at_anchor, shift_now, later):
    a = anchor(offset=-shift_at_anchor)
    now = reading(T0 + timedelta(seconds=later) + shift_now, a.mono + later)
    dated = edit_time(a, a.offset, now)
    assert abs(dated.at - (T0 + timedelta(seconds=later))) <= timedelta(microseconds=1)  # float seconds
    assert dated.rebased is None and not dated.provisional  # a measured anchor of this boot


@given(shift=wall_shifts, later=seconds)
def test_after_a_reboot_wall_clock_plus_the_last_offset_and_a_new_anchor(shift, later):
    # The wall clock was ``shift`` off at the last sync and still is after the reboot.
    a = anchor(offset=-shift)
    now = reading(T0 + timedelta(seconds=later) + shift, mono=100_000.0, boot="next-boot")
    dated = edit_time(a, a.offset, now)
    assert dated.at == T0 + timedelta(seconds=later)
    assert dated.rebased is not None
    assert (dated.rebased.portal_time, dated.rebased.mono, dated.rebased.boot_id) == (
        dated.at, 100_000.0, "next-boot")
    assert dated.rebased.offset == a.offset and dated.rebased.round_trip is None
    # In that boot the clock is then corrected: the re-based anchor, not the wall clock, dates.
    then = reading(T0 + timedelta(seconds=later + 60), mono=100_060.0, boot="next-boot")
    # … and stays provisional: a re-based anchor is not a measured one.
    assert edit_time(dated.rebased, a.offset, then) == EditTime(dated.at + timedelta(seconds=60), None,
                                                                provisional=True)
    assert dated.provisional and not dated.rebased.measured


def test_a_monotonic_clock_that_went_back_is_a_reboot_even_with_the_same_boot_id():
    a = anchor(mono=5000.0)
    now = reading(T0 + timedelta(hours=1), mono=40.0)
    assert not same_boot(a, now)
    assert edit_time(a, a.offset, now).rebased is not None


def test_after_a_reboot_an_edit_is_never_dated_before_the_anchor():
    # The clock was reset at boot (a dead CMOS battery): the new boot began after the anchor.
    a = anchor(offset=timedelta(0))
    now = reading(datetime(2000, 1, 1, tzinfo=UTC), mono=30.0, boot="next-boot")
    assert edit_time(a, a.offset, now).at == T0


@pytest.mark.parametrize("offset", [timedelta(0), -DAY, timedelta(seconds=2.5)])
def test_without_an_anchor_the_wall_clock_plus_the_last_offset(offset):
    now = reading(T0, 10.0)
    dated = edit_time(None, offset, now)
    assert dated.at == T0 + offset and dated.rebased is None and dated.provisional


@given(true_offset=wall_shifts, leg_out=round_trips, leg_back=round_trips,
       sent_mono=st.floats(min_value=0.0, max_value=1e7, allow_nan=False))
def test_an_anchor_is_off_by_at_most_half_the_round_trip(true_offset, leg_out, leg_back, sent_mono):
    """Whatever the split of the round trip between the two directions."""
    sent_wall = T0
    portal_at_send = sent_wall + true_offset
    server_time = portal_at_send + timedelta(seconds=leg_out)
    sample = InfoSample(sent=reading(sent_wall, sent_mono),
                        received=reading(sent_wall + timedelta(seconds=leg_out + leg_back),
                                         sent_mono + leg_out + leg_back),
                        server_time=server_time)
    a = anchor_from([sample])
    truth = portal_at_send + timedelta(seconds=leg_out + leg_back)
    assert abs((a.portal_time - truth).total_seconds()) <= (leg_out + leg_back) / 2 + 1e-5  # µs rounding
    assert a.offset == a.portal_time - sample.received.wall
    assert a.round_trip == pytest.approx(leg_out + leg_back, abs=1e-6)  # float seconds of a clock


def _sample(mono: float, rtt: float, late_answer: float = 0.0) -> InfoSample:
    """A portal whose clock equals the PC's; ``late_answer`` of the round trip is spent after the
    portal read its clock."""
    sent = reading(T0 + timedelta(seconds=mono), mono)
    got = reading(T0 + timedelta(seconds=mono + rtt), mono + rtt)
    return InfoSample(sent=sent, received=got, server_time=got.wall - timedelta(seconds=late_answer))


def test_the_fastest_sample_anchors_and_a_slow_answer_shifts_nothing():
    slow = _sample(100.0, rtt=2.0, late_answer=2.0)  # the answer was held up for 2 s
    fast = _sample(103.0, rtt=0.004, late_answer=0.002)
    a = anchor_from([slow, fast])
    assert a.mono == fast.received.mono
    assert abs((a.portal_time - fast.received.wall).total_seconds()) < 0.01
    assert abs(anchor_from([slow]).offset.total_seconds()) == pytest.approx(1.0)  # what one sample gave


def test_more_samples_only_while_every_answer_was_slow():
    fast = _sample(0.0, GOOD_ROUND_TRIP_S / 2)
    slow = _sample(0.0, GOOD_ROUND_TRIP_S * 5)
    assert not wants_another_sample([fast])  # a fast line: one request
    assert wants_another_sample([slow])
    assert not wants_another_sample([slow, fast])
    assert not wants_another_sample([slow] * MAX_SAMPLES)
    assert not wants_another_sample([])


def test_without_a_boot_id_a_reboot_is_told_by_the_boots_start():
    a = Anchor(portal_time=T0, wall=T0, mono=600.0, boot_id="", offset=timedelta(0), round_trip=0.01)
    hour = 3600.0
    # Same boot, the wall clock corrected back by a day or forward by a few seconds.
    assert same_boot(a, ClockReading(T0 + timedelta(seconds=hour) - DAY, 600.0 + hour, ""))
    assert same_boot(a, ClockReading(T0 + timedelta(seconds=hour + 5), 600.0 + hour, ""))
    # Rebooted an hour after the anchor, then up for two hours: the boot started 1 h 10 min later.
    rebooted = ClockReading(T0 + timedelta(seconds=3 * hour), 2 * hour, "")
    assert not same_boot(a, rebooted)
    assert edit_time(a, a.offset, rebooted).at == rebooted.wall
    # A boot id on one side only: the clocks decide.
    assert same_boot(a, ClockReading(T0 + timedelta(seconds=10), 610.0, "linux-boot"))
    assert REBOOT_SLACK_S < 600.0


@given(ahead=st.timedeltas(min_value=-timedelta(days=400), max_value=timedelta(days=400)))
def test_the_portal_never_keeps_an_edit_later_than_it_received_it(ahead):
    received = T0
    kept = portal_edit_time(T0 + ahead, received)
    assert kept <= received
    assert kept == (T0 + ahead if ahead <= timedelta(0) else received)


# --- re-dating a provisional edit at the next sync of its boot ------------------------------------


def _rebooted_a_day_fast(later: float) -> tuple[EditTime, ClockReading]:
    """The last sync anchored boot 1 at T0; the PC rebooted and, ``later`` s after T0, its first
    edit of boot 2 read a wall clock a day fast (monotonic 40 s into the boot)."""
    made = reading(T0 + timedelta(seconds=later) + DAY, mono=40.0, boot="boot-2")
    return edit_time(anchor(), timedelta(0), made), made


def _measured(portal_time: datetime, wall: datetime, mono: float, boot: str) -> Anchor:
    return Anchor(portal_time=portal_time, wall=wall, mono=mono, boot_id=boot,
                  offset=portal_time - wall, round_trip=0.004)


@given(later=st.floats(min_value=60.0, max_value=86400.0, allow_nan=False),
       wait=st.floats(min_value=0.0, max_value=7 * 86400.0, allow_nan=False))
def test_the_next_measured_anchor_of_the_boot_re_dates_a_provisional_edit(later, wait):
    dated, made = _rebooted_a_day_fast(later)
    assert dated.provisional and dated.at == T0 + timedelta(seconds=later) + DAY  # the estimate
    # ``wait`` s after the edit, in the same boot, the clock corrected: a sync measures an anchor.
    truth = T0 + timedelta(seconds=later)
    fresh = _measured(truth + timedelta(seconds=wait), truth + timedelta(seconds=wait),
                      made.mono + wait, "boot-2")
    at = redated(fresh, made)
    assert at is not None and abs(at - truth) <= timedelta(microseconds=1)
    assert at <= fresh.portal_time  # never after the anchor, so never after the portal receives it


def test_an_edit_of_another_boot_is_not_re_dated():
    _dated, made = _rebooted_a_day_fast(600.0)
    # One more reboot; its monotonic clock reads more than the edit's: the boot id decides.
    later = _measured(T0 + timedelta(hours=2), T0 + timedelta(hours=2), 5000.0, "boot-3")
    assert not made_in_boot_of(later, made) and redated(later, made) is None


def test_a_re_based_anchor_never_re_dates():
    dated, made = _rebooted_a_day_fast(600.0)
    assert dated.rebased is not None
    assert redated(dated.rebased, made) is None


def test_without_a_boot_id_the_clocks_link_an_edit_to_the_anchor_of_its_boot():
    # Made with the wall clock a day fast 40 s into the boot; anchored an hour later, corrected.
    made = ClockReading(T0 + DAY, 40.0, "")
    fresh = _measured(T0 + timedelta(hours=1), T0 + timedelta(hours=1), 40.0 + 3600.0, "")
    assert redated(fresh, made) == T0
    # A wall clock a day slow, corrected forward: the boot seems to have started a day later,
    # which only a reboot explains without a boot id — the edit keeps its estimate.
    slow = ClockReading(T0 - DAY, 40.0, "")
    assert redated(fresh, slow) is None
    # An edit read after the anchor, or with more uptime than it: another boot as far as one can tell.
    assert redated(fresh, ClockReading(T0 + timedelta(hours=2), 9000.0, "")) is None
    # Rebooted between them with a right clock: the boot's start moved by more than the uptime.
    before_reboot = ClockReading(T0 - timedelta(hours=3), 600.0, "")
    assert redated(fresh, before_reboot) is None
