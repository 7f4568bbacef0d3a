"""The day the PC's money documents are decided by is the portal's (issue 12, tried from outside):
a PC whose wall clock is weeks off still opens the right months, sends on the portal's day and
dates its papers by it; a paper that could not be sent that day prints as «ПРОЕКТ — не для
оплаты»; an advance for a month that is over is refused on the spot, as the portal refuses it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from pfdo_desktop.domain import payment as pay
from pfdo_desktop.domain.clock import Anchor, ClockReading
from pfdo_desktop.models import Device
from pfdo_desktop.models.clock import store_anchor
from pfdo_desktop.services.errors import NotAllowed
from pfdo_desktop.sync import protocol as p


class SteadyClock:
    """This PC's clocks: the wall clock as the OS has it (``date.today()``), the monotonic one steady."""

    def read(self) -> ClockReading:
        return ClockReading(datetime.now(UTC), 1000.0, "boot-1")


def _anchored(ws, portal_time: datetime) -> None:
    """The last sync measured the portal's clock at ``portal_time`` while this PC's read now."""
    ws.db.clock = SteadyClock()
    wall = datetime.now(UTC)
    with ws.db.write() as s:
        store_anchor(s.scalar(select(Device)), Anchor(portal_time=portal_time, wall=wall, mono=1000.0,
                                                      boot_id="boot-1", offset=portal_time - wall,
                                                      round_trip=0.01))


@pytest.mark.parametrize("pc_off_by", [timedelta(days=-20), timedelta(days=40)])
def test_a_wrong_wall_clock_does_not_move_the_portal_s_day(enrolled_workspace, pc_off_by):
    """This PC's wall clock (the OS's date) is ``pc_off_by`` off the portal's: the portal's day wins."""
    ws = enrolled_workspace
    portal_time = datetime.now(UTC) - pc_off_by
    _anchored(ws, portal_time)
    today = portal_time.astimezone().date()
    assert ws.portal_today() == today != date.today()
    current = (today.year, today.month)
    last = pay.month_first_day(current) - timedelta(days=1)
    paper = ws.invoice_document((last.year, last.month))
    assert paper.invoice_date == today and paper.draft_note == ""  # last month: may be issued today


def test_papers_that_cannot_be_sent_today_print_as_drafts_and_a_past_advance_is_refused(enrolled_workspace):
    ws = enrolled_workspace
    today = ws.portal_today()
    ahead = pay.next_month((today.year, today.month))
    future = ws.invoice_document(ahead)
    assert f"можно выставить с {pay.invoice_issue_from(ahead):%d.%m.%Y}" in future.draft_note
    last = pay.month_first_day((today.year, today.month)) - timedelta(days=1)
    past = (last.year, last.month)
    advance = ws.advance_document(past)
    assert f"до {last:%d.%m.%Y}" in advance.draft_note
    pending = ws.status().pending_ops
    with pytest.raises(NotAllowed) as late:
        ws.send_advance(past)
    assert late.value.reason == p.R_TOO_LATE and f"до {last:%d.%m.%Y}" in late.value.message
    assert ws.status().pending_ops == pending
