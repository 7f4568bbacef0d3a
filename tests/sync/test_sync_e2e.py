"""Sync end to end: the real desktop engine against the real portal app on a real socket."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest
from fault_proxy import FaultProxy
from json_file_keyring import child_env
from two_pcs import LaterClock, second_device

from pfdo_desktop.services import journal as journal_service
from pfdo_desktop.services.rows import MarkChange
from pfdo_desktop.sync.client import AuthFailed, EnrolRefused, PortalUnreachable, ServerFailure
from pfdo_desktop.sync.pull import AHEAD
from pfdo_desktop.workspace import Workspace
from pfdo_portal import admin


def _lesson_days(ws: Workspace, group_id: int, limit: int = 3) -> list[tuple[date, list[int]]]:
    """Past lesson days of a group with the children who are members that day."""
    group = next(g for g in ws.groups() if g.id == group_id)
    journal = ws.journal(group_id, group.date_from, date.today())
    out = []
    for lesson in journal.lessons[-limit:]:
        members = [c.child_id for c in journal.children if c.is_member_on(lesson.lesson_date)]
        out.append((lesson.lesson_date, members))
    return out


def _mark_all(ws: Workspace, group_id: int, day: date, children: list[int], code: int) -> int:
    """Set one code for the children; returns how many cells changed (some may already hold it)."""
    changed = ws.mark(group_id, day, [MarkChange(child, code) for child in children])
    assert changed > 0
    return changed


def _portal_codes(portal_db: str, group_id: int) -> dict[tuple[int, date], int]:
    return {(m["child_id"], date.fromisoformat(str(m["lesson_date"]))): m["code"]
            for m in admin.list_marks(portal_db, group_id=group_id)}


def _local_codes(ws: Workspace, group_id: int) -> dict[tuple[int, date], int]:
    group = next(g for g in ws.groups() if g.id == group_id)
    return dict(ws.journal(group_id, group.date_from, group.date_to).marks)






def test_first_sync_brings_the_providers_slice_and_counts_match(enrolled_workspace, portal_db,
                                                                 demo_provider_id):
    ws = enrolled_workspace
    st = ws.status()
    groups = admin.provider_groups(portal_db, demo_provider_id)
    assert st.groups == len(groups) > 0
    assert st.providers == 1  # only our provider, not the whole district
    assert st.marks == admin.count_marks(portal_db, demo_provider_id) > 0
    assert st.lessons > 0 and st.pending_ops == 0 and st.open_issues == 0
    assert st.last_sync_status == "ok"


def test_offline_marks_arrive_exactly_once(enrolled_workspace, portal, portal_db, demo_provider_id):
    ws = enrolled_workspace
    group = ws.groups()[0]
    before = admin.count_marks(portal_db, demo_provider_id)
    portal.stop()  # the network is gone
    changed = 0
    for day, children in _lesson_days(ws, group.id):
        changed += _mark_all(ws, group.id, day, children, 3)
    assert ws.status().pending_ops == changed
    with pytest.raises(PortalUnreachable):
        ws.sync()
    assert ws.status().pending_ops == changed  # nothing lost, nothing sent
    portal.start()
    report = ws.sync()
    assert report.pushed == changed and report.rejected == 0
    assert ws.status().pending_ops == 0
    codes = _portal_codes(portal_db, group.id)
    for day, children in _lesson_days(ws, group.id):
        assert all(codes[(child, day)] == 3 for child in children)
    # Exactly once: the portal count grows by the new cells only, and a re-sync changes nothing.
    new_cells = admin.count_marks(portal_db, demo_provider_id) - before
    assert 0 <= new_cells <= changed
    ws.sync()
    assert admin.count_marks(portal_db, demo_provider_id) == before + new_cells


def test_toggling_a_cell_offline_sends_one_op(enrolled_workspace, portal_db):
    ws = enrolled_workspace
    group = ws.groups()[0]
    day, children = _lesson_days(ws, group.id, 1)[0]
    for code in (1, 2, 3, 2):
        ws.mark(group.id, day, [MarkChange(children[0], code)])
    assert ws.status().pending_ops == 1
    report = ws.sync()
    assert report.pushed == 1
    assert admin.get_mark(portal_db, group.id, children[0], day)["code"] == 2


@pytest.mark.parametrize("later_syncs_first", [False, True])
def test_two_devices_converge_and_the_loser_is_audited(enrolled_workspace, portal, portal_db,
                                                       demo_provider_id, tmp_path,
                                                       later_syncs_first):
    first = enrolled_workspace
    second = second_device(tmp_path, portal, portal_db, demo_provider_id)
    try:
        group = first.groups()[0]
        day, children = _lesson_days(first, group.id, 1)[0]
        child = children[0]
        clock = LaterClock()
        second.db.clock = clock
        first.mark(group.id, day, [MarkChange(child, 2)])  # earlier edit
        clock.ahead = 60.0  # a minute later
        second.mark(group.id, day, [MarkChange(child, 3)])  # later edit: wins
        order = [second, first] if later_syncs_first else [first, second]
        for ws in order:
            ws.sync()
        for ws in (first, second):
            ws.sync()
        assert first.journal(group.id, day, day).marks[(child, day)] == 3
        assert second.journal(group.id, day, day).marks[(child, day)] == 3
        assert admin.get_mark(portal_db, group.id, child, day)["code"] == 3
        # The losing value 2 is kept in the first PC's audit trail.
        history = journal_service.mark_history(first.db, group.id, child, day)
        assert [h.new_code for h in history][-2:] == [2, 3]
        assert history[-1].reason in ("pulled", "conflict_lost")
        assert history[-1].old_code == 2
        assert first.status().pending_ops == second.status().pending_ops == 0
    finally:
        second.close()


@pytest.fixture
def proxied(enrolled_workspace, portal):
    """The workspace talking to the portal through a fault proxy."""
    proxy = FaultProxy(portal.url).start()
    enrolled_workspace.relocate_portal(proxy.url)
    yield enrolled_workspace, proxy
    proxy.stop()


def test_lost_push_response_is_resent_without_duplicates(proxied, portal_db, demo_provider_id):
    ws, proxy = proxied
    group = ws.groups()[0]
    day, children = _lesson_days(ws, group.id, 1)[0]
    ws.mark(group.id, day, [MarkChange(c, None) for c in children])
    ws.sync()
    changed = _mark_all(ws, group.id, day, children, 2)
    before = len(admin.mark_audit(portal_db, group.id, children[0], day))
    ws.client_settings.attempts = 1  # let the run fail on the lost answer
    proxy.add("/push", "drop")
    with pytest.raises(PortalUnreachable):
        ws.sync()
    assert ("/api/sync/v1/push", "drop") in proxy.hits
    # The portal applied the batch, but the PC never heard: the ops are still queued.
    assert admin.get_mark(portal_db, group.id, children[0], day)["code"] == 2
    assert ws.status().pending_ops == changed == len(children)
    report = ws.sync()
    assert report.pushed == changed
    assert ws.status().pending_ops == 0
    # Replayed, not re-applied: exactly one audit entry per cell on the portal.
    assert len(admin.mark_audit(portal_db, group.id, children[0], day)) == before + 1


def test_retry_after_a_dropped_push_within_one_run(proxied, portal_db):
    ws, proxy = proxied
    group = ws.groups()[0]
    day, children = _lesson_days(ws, group.id, 1)[0]
    changed = _mark_all(ws, group.id, day, children, 4)
    proxy.add("/push", "drop")
    report = ws.sync()  # the client retries the same ops and gets the stored results
    assert report.pushed == changed and report.rejected == 0
    assert sum(1 for path, _ in proxy.hits if path.endswith("/push")) == 1
    assert all(admin.get_mark(portal_db, group.id, c, day)["code"] == 4 for c in children)


@pytest.mark.parametrize("action", ["500", "garbage"])
@pytest.mark.parametrize("path", ["/push", "/pull", "/info"])
def test_server_failure_or_garbage_loses_nothing(proxied, portal_db, action, path):
    ws, proxy = proxied
    group = ws.groups()[0]
    day, children = _lesson_days(ws, group.id, 1)[0]
    changed = _mark_all(ws, group.id, day, children, 3)
    marks_before = ws.status().marks
    proxy.add(path, action, times=-1)
    with pytest.raises(ServerFailure) as failure:
        ws.sync()
    assert "Ничего не потеряно" in failure.value.message
    st = ws.status()
    # A broken pull comes after a successful push: then nothing is pending any more.
    assert st.pending_ops == (0 if path == "/pull" else changed)
    assert st.marks == marks_before
    assert st.last_sync_status == "failed"
    proxy.clear()
    ws.sync()
    assert ws.status().pending_ops == 0
    assert all(admin.get_mark(portal_db, group.id, c, day)["code"] == 3 for c in children)


def test_process_killed_mid_pull_resumes_with_no_gaps(portal, portal_db, demo_provider_id,
                                                      data_dir, tmp_path):
    proxy = FaultProxy(portal.url).start()
    try:
        ws = Workspace.open(data_dir)
        ws.enrol(proxy.url, admin.issue_code(portal_db, demo_provider_id))
        token_env = child_env(tmp_path / "keyring.json", ws)
        ws.close()
        # A page of marks waits at the proxy: the pages download at most ``AHEAD`` ahead of the
        # writing (the queue, and one more waiting for a place in it), so the page after those is
        # asked for only once the writer has taken the second page — the first page and its
        # cursor are committed by then.
        proxy.add("/pull", "hold", query="stream=own", skip=AHEAD + 2)
        proc = subprocess.Popen(
            [sys.executable, "-m", "pfdo_desktop", "sync", "--data-dir", str(data_dir),
             "--page-size", "150"],
            env=token_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            assert proxy.holding.wait(60), proc.communicate(timeout=60)
        finally:
            proc.kill()  # SIGKILL: no clean-up of any kind (maybe in the middle of the second page)
            proc.wait()
        proxy.clear()
        proxy.release()
        db_path = data_dir / "pfdo.sqlite3"
        assert _own_cursor_started(db_path)
        ws = Workspace.open(data_dir)
        partial = ws.status().marks
        expected = admin.count_marks(portal_db, demo_provider_id)
        assert 0 < partial < expected  # killed in the middle of the marks
        ws.pull_limit = 150
        ws.sync()
        assert ws.status().marks == expected
        assert ws.status().open_issues == 0  # the sanity counts agree
        for group in ws.groups():
            assert _local_codes(ws, group.id) == _portal_codes(portal_db, group.id)
        ws.close()
    finally:
        proxy.stop()


def _own_cursor_started(db_path: Path) -> bool:
    if not db_path.exists():
        return False
    try:
        con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1)
        try:
            row = con.execute("select cursor from sync_cursor where stream='own'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return bool(row and row[0])


def test_revoked_token_stops_sync_and_keeps_local_work(enrolled_workspace, portal_db):
    ws = enrolled_workspace
    group = ws.groups()[0]
    day, children = _lesson_days(ws, group.id, 1)[0]
    changed = _mark_all(ws, group.id, day, children, 4)
    admin.revoke_device(portal_db, ws.device().device_id)
    with pytest.raises(AuthFailed) as failure:
        ws.sync()
    assert "новый код" in failure.value.message
    assert ws.status().pending_ops == changed


def test_wrong_and_used_enrolment_codes_are_refused(workspace, portal, portal_db, demo_provider_id,
                                                    tmp_path):
    with pytest.raises(EnrolRefused):
        workspace.enrol(portal.url, "ZZZZ-ZZZZ")
    assert not workspace.enrolled
    code = admin.issue_code(portal_db, demo_provider_id)
    workspace.enrol(portal.url, code)
    other = Workspace.open(tmp_path / "other")
    try:
        with pytest.raises(EnrolRefused) as failure:
            other.enrol(portal.url, code)
        assert failure.value.code == "code_used"
        assert not other.enrolled
    finally:
        other.close()


def test_unreachable_portal_on_enrol_is_a_clear_error(workspace):
    with pytest.raises(PortalUnreachable) as failure:
        workspace.enrol("http://127.0.0.1:9", "ABCD-EFGH")
    assert failure.value.message.startswith("Портал по адресу http://127.0.0.1:9 не отвечает.")
    assert failure.value.code == "unreachable" and not workspace.enrolled


def test_a_rejected_mark_lands_in_needs_attention_and_is_not_retried(enrolled_workspace, portal_db,
                                                                     demo_provider_id):
    ws = enrolled_workspace
    group = ws.groups()[0]
    day, children = _lesson_days(ws, group.id, 1)[0]
    admin.lock_month(portal_db, demo_provider_id, day.replace(day=1))
    billed = admin.get_mark(portal_db, group.id, children[0], day)
    _mark_all(ws, group.id, day, children[:1], 4)
    report = ws.sync()
    assert report.rejected == 1
    # The journal shows the billed value again; the refused 4 is kept in the audit trail.
    local = ws.journal(group.id, day, day).marks.get((children[0], day))
    assert local == (billed["code"] if billed else None)
    last = journal_service.mark_history(ws.db, group.id, children[0], day)[-1]
    assert (last.old_code, last.reason) == (4, "rejected")
    issues = ws.issues()
    assert len(issues) == 1 and issues[0].code == "month_locked"
    assert "закрыт" in issues[0].message and "счёт" in issues[0].advice
    assert group.name in issues[0].title
    assert ws.status().pending_ops == 0
    again = ws.sync()
    assert again.pushed == 0  # never retried automatically


def test_pull_never_overwrites_a_cell_edited_during_the_sync(enrolled_workspace, portal, portal_db,
                                                              demo_provider_id, tmp_path):
    first = enrolled_workspace
    second = second_device(tmp_path, portal, portal_db, demo_provider_id)
    try:
        group = first.groups()[0]
        day, children = _lesson_days(first, group.id, 1)[0]
        child = children[0]
        second.mark(group.id, day, [MarkChange(child, 2)])
        second.sync()  # the portal now has 2 for the cell

        def operator_marks_while_pulling(stage: str, done: int, total: int | None) -> None:
            if stage == "pull:own" and first.journal(group.id, day, day).marks.get((child, day)) != 4:
                first.mark(group.id, day, [MarkChange(child, 4)])

        first.sync(progress=operator_marks_while_pulling)
        assert first.journal(group.id, day, day).marks[(child, day)] == 4  # not overwritten
        assert first.status().pending_ops == 1
        first.sync()  # the later local edit goes out and wins
        assert admin.get_mark(portal_db, group.id, child, day)["code"] == 4
        second.sync()
        assert second.journal(group.id, day, day).marks[(child, day)] == 4
    finally:
        second.close()


def test_only_one_sync_runs_at_a_time(enrolled_workspace):
    from filelock import FileLock

    from pfdo_desktop.sync.engine import SyncBusy

    ws = enrolled_workspace
    with FileLock(str(ws.data_dir / "sync.lock")):  # e.g. a scheduled `pfdo-desktop sync`
        with pytest.raises(SyncBusy) as busy:
            ws.sync()
    assert "уже идёт" in busy.value.message
    assert ws.sync().pushed == 0  # free again afterwards


def test_first_sync_works_when_parents_were_edited_after_their_children(portal, portal_db,
                                                                        demo_provider_id, data_dir):
    # A child renamed after enrolment, and a child joining a second group: the portal stamps them
    # after their memberships and certificates, so a page-by-page download meets those first.
    groups = admin.provider_groups(portal_db, demo_provider_id)
    member = admin.list_marks(portal_db, group_id=groups[0]["id"])[0]["child_id"]
    admin.update_child(portal_db, member, last_name="Переименованная")
    admin.add_membership(portal_db, groups[1]["id"], member, date(2026, 10, 1))
    ws = Workspace.open(data_dir)
    try:
        ws.enrol(portal.url, admin.issue_code(portal_db, demo_provider_id))
        ws.pull_limit = 25  # many pages: parents and children land on different ones
        ws.sync()
        st = ws.status()
        assert st.open_issues == 0
        assert st.marks == admin.count_marks(portal_db, demo_provider_id)
        journal = ws.journal(groups[1]["id"], date(2026, 10, 1), date(2026, 10, 31))
        assert any(c.child_id == member and c.full_name.startswith("Переименованная")
                   for c in journal.children)
    finally:
        ws.close()


def test_marks_reach_the_other_pc_and_a_restored_pc_gets_its_own_back(enrolled_workspace, portal,
                                                                     portal_db, demo_provider_id,
                                                                     tmp_path):
    from pfdo_desktop.models import backup_database

    first = enrolled_workspace
    second = second_device(tmp_path, portal, portal_db, demo_provider_id)
    try:
        backup = backup_database(first.db.path, tmp_path / "backups")  # yesterday's copy
        group = first.groups()[0]
        day, children = _lesson_days(first, group.id, 1)[0]
        changed = _mark_all(first, group.id, day, children, 4)
        assert first.sync().pushed == changed
        got = second.sync()
        assert got.pulled_by_entity.get("mark") == changed
        assert all(second.journal(group.id, day, day).marks[(c, day)] == 4 for c in children)
        # The PC's disk dies; the operator restores yesterday's backup: its own marks come back.
        data_dir = first.data_dir
        first.close()
        for suffix in ("", "-wal", "-shm"):
            (data_dir / f"pfdo.sqlite3{suffix}").unlink(missing_ok=True)
        shutil.copyfile(backup, data_dir / "pfdo.sqlite3")
        restored = Workspace.open(data_dir)
        try:
            restored.sync()
            assert all(restored.journal(group.id, day, day).marks[(c, day)] == 4 for c in children)
        finally:
            restored.close()
    finally:
        second.close()


class CancelDuringWaits(threading.Event):
    """The cancel event of a sync that is set, by another thread, while the sync waits on it: the
    clock of the retry waits is the test's, not the wall clock's."""

    def __init__(self) -> None:
        super().__init__()
        self.waits: list[tuple[float | None, bool]] = []  # (how long it would wait, cut short)

    def wait(self, timeout: float | None = None) -> bool:
        threading.Thread(target=self.set).start()  # «Отменить» pressed during the wait
        cut_short = super().wait()  # until then, however long the wait was meant to be
        self.waits.append((timeout, cut_short))
        return cut_short


def test_cancel_cuts_a_long_retry_wait_short(proxied):
    from pfdo_desktop.sync.engine import SyncCancelled

    ws, proxy = proxied
    ws.client_settings.backoff_base = ws.client_settings.backoff_max = 60.0  # a long outage
    proxy.add("/info", "500", times=-1)
    cancel = CancelDuringWaits()
    with pytest.raises(SyncCancelled) as stopped:
        ws.sync(cancel=cancel)
    # One wait, on the cancel event, of up to a minute: the cancel ended it, and nothing was retried.
    [(timeout, cut_short)] = cancel.waits
    assert timeout is not None and 0 <= timeout <= 60.0 and cut_short
    assert proxy.hits == [("/api/sync/v1/info", "500")]
    assert "прервана" in stopped.value.message
    assert ws.status().last_sync_status == "failed"
