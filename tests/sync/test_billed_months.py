"""Billed months reach the PCs (issue 11 §1): ``pfdo-portal lock-month`` re-stamps the provider
record, which carries the provider's billed months (``locked_months``); the PC takes them at its
next sync, and the journal refuses a mark in such a month on the spot — the same reason code
(``month_locked``) and the same Russian message as the portal's refusal — instead of queuing it
for the portal to refuse."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from alembic import command

from pfdo_desktop.models import open_database
from pfdo_desktop.models.database import alembic_config
from pfdo_desktop.services.errors import ValidationError
from pfdo_desktop.services.rows import MarkChange
from pfdo_desktop.sync import protocol as p
from pfdo_desktop.workspace import Workspace
from pfdo_portal import admin
from pfdo_portal.cli import main as portal_cli


def _a_cell(ws: Workspace) -> tuple[int, date, int, int]:
    """A past lesson of a group, a member that day with a mark, and a code that changes the cell."""
    for group in ws.groups():
        journal = ws.journal(group.id, group.date_from, date.today() - timedelta(days=1))
        for lesson in reversed(journal.lessons):
            for child in journal.children:
                held = journal.marks.get((child.child_id, lesson.lesson_date))
                if held is not None and child.is_member_on(lesson.lesson_date):
                    return group.id, lesson.lesson_date, child.child_id, 4 if held != 4 else 2
    raise AssertionError("the demo district has no marked past lesson")


def _refusal(ws: Workspace, group_id: int, day: date, child_id: int, code: int | None) -> ValidationError:
    before = ws.status().pending_ops
    with pytest.raises(ValidationError) as refused:
        ws.mark(group_id, day, [MarkChange(child_id, code)])
    assert ws.status().pending_ops == before  # nothing queued for the portal
    return refused.value


def _assert_billed(ws: Workspace, group_id: int, day: date, child_id: int, code: int | None) -> None:
    was = ws.journal(group_id, day, day).marks.get((child_id, day))
    refused = _refusal(ws, group_id, day, child_id, code)
    assert refused.reason == p.R_MONTH_LOCKED
    assert refused.message == (
        f"Месяц {day:%m.%Y} уже закрыт для оплаты: отметки за него не меняются. Если отметка "
        "неверна, обратитесь в уполномоченную организацию.")
    assert ws.journal(group_id, day, day).marks.get((child_id, day)) == was  # the cell is as it was


def _head_name(ws: Workspace) -> str:
    from pfdo_desktop.services import documents as document_service

    return document_service.provider_info(ws.db).head_name


def test_lock_month_on_the_portal_reaches_the_pc_at_the_next_sync_and_the_journal_refuses_at_once(
        enrolled_workspace, portal_db, demo_provider_id, capsys):
    ws = enrolled_workspace
    group_id, day, child_id, code = _a_cell(ws)
    assert portal_cli(["lock-month", "--db", portal_db, "--provider", str(demo_provider_id),
                       "--month", f"{day:%Y-%m}"]) == 0
    assert "закрыт" in capsys.readouterr().out
    report = ws.sync()
    assert report.pulled_by_entity.get("provider") == 1  # the re-stamped record, nothing else
    _assert_billed(ws, group_id, day, child_id, code)
    _assert_billed(ws, group_id, day, child_id, None)  # a clear of the cell changes the month too
    # The month opened again on the portal: the next sync brings that too, and the mark goes through.
    admin.unlock_month(portal_db, demo_provider_id, day)
    ws.sync()
    assert ws.mark(group_id, day, [MarkChange(child_id, code)]) == 1
    report = ws.sync()
    assert (report.pushed, report.rejected) == (1, 0)
    assert admin.get_mark(portal_db, group_id, child_id, day)["code"] == code
    assert ws.issues() == []


def test_a_pc_upgraded_after_its_portal_billed_a_month_learns_the_month_at_its_next_sync(
        enrolled_workspace, portal_db, demo_provider_id, data_dir):
    """The migration that adds the column empties the master cursor: the portal billed the month (and
    sent the provider) before the PC had a place for the months, and would not send it again."""
    ws = enrolled_workspace
    group_id, day, child_id, code = _a_cell(ws)
    admin.lock_month(portal_db, demo_provider_id, day)
    ws.sync()
    ws.close()
    db = open_database(data_dir)
    try:
        command.downgrade(alembic_config(db.engine), "0007_outbox_clock")  # the previous version
    finally:
        db.dispose()
    again = Workspace.open(data_dir)  # upgraded here: no months yet
    try:
        again.sync()  # no change on the portal since: only the emptied cursor brings the months
        _assert_billed(again, group_id, day, child_id, code)
        assert not [i for i in again.issues() if i.code == "count_mismatch"]
    finally:
        again.close()


def test_an_older_portal_that_sends_no_billed_months_leaves_the_pc_s_months_as_they_are(
        workspace, portal, portal_db, demo_provider_id):
    from fault_proxy import FaultProxy

    def older(page):  # what a portal from before the billed months sends
        for row in page["changes"].get("provider", {}).get("upserts", []):
            del row["locked_months"]
        return page

    proxy = FaultProxy(portal.url).start()
    try:
        workspace.enrol(proxy.url, admin.issue_code(portal_db, demo_provider_id))
        workspace.sync()
        group_id, day, child_id, code = _a_cell(workspace)
        admin.lock_month(portal_db, demo_provider_id, day)
        workspace.sync()
        proxy.add("/pull", "rewrite", times=-1, query="stream=master", rewrite=older)
        admin.edit_provider(portal_db, demo_provider_id, head_name="Соколов Игорь Викторович")
        report = workspace.sync()
    finally:
        proxy.stop()
    assert ("/api/sync/v1/pull", "rewrite") in proxy.hits
    assert report.pulled_by_entity.get("provider") == 1
    assert workspace.issues() == []  # the row was read, not skipped
    assert _head_name(workspace) == "Соколов Игорь Викторович"  # and stored
    _assert_billed(workspace, group_id, day, child_id, code)  # the months the PC had
