"""The connector behind the sync engine (sync/navigator_adapter.py) against the emulator on a real
socket: a PC connected with the organisation's Navigator account pulls the district, marks a
month offline and sends it, and what it sent is in the emulator's members rows."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from pfdo_desktop.models import OutboxOp
from pfdo_desktop.services.errors import NotAllowed
from pfdo_desktop.services.navigator_settings import BadNavigatorSetting
from pfdo_desktop.services.rows import MarkChange
from pfdo_desktop.sync import protocol as p
from pfdo_desktop.sync.navigator_adapter import NavigatorAdapter, child_id
from pfdo_desktop.sync.navigator_client import MarkCell, NavigatorClient, NavigatorLoginFailed, day_marks
from pfdo_desktop.workspace import Workspace
from pfdo_portal.navigator_emulator.seeding import Account


def _account(navigator: Any) -> Account:
    return navigator.accounts[0]


def _connected(navigator: Any, folder: Path) -> Workspace:
    ws = Workspace.open(folder)
    account = _account(navigator)
    ws.enrol_navigator(navigator.url, account.email, account.password)
    return ws


def _emulator_month(navigator: Any, group_id: int, month: date) -> dict[tuple[int, date], int]:
    """What the Navigator's own members rows say of a group's month (read as a school's script)."""
    account = _account(navigator)
    with NavigatorClient(navigator.url, account.email) as nav:
        nav.login(account.password)
        group = nav.group(group_id)
        out = {}
        for row in nav.members(group_id, int(group["year"]), month):
            for day, value in day_marks(row).items():
                if value is not None:
                    out[(child_id(str(row["kid_id"])), day)] = value
        return out


def _a_marked_month(ws: Workspace) -> tuple[int, date]:
    """A group and a past month of it with marks (the demo district has them)."""
    for g in ws.groups():
        month = date.today().replace(day=1)
        for _ in range(3):
            month = (month - timedelta(days=1)).replace(day=1)
            if ws.journal_month(g.id, month).marks:
                return g.id, month
    raise AssertionError("no marked month in the demo district")


def test_first_sync_brings_the_district_and_the_journal_shows_the_navigators_marks(
        navigator: Any, tmp_path: Path) -> None:
    ws = _connected(navigator, tmp_path / "pc")
    try:
        assert ws.device().provider_id == _account(navigator).partner_id
        report = ws.sync()
        assert report.pulled > 0
        groups = ws.groups()
        assert groups, "the organisation's groups are listed on the PC"
        group_id, month = _a_marked_month(ws)
        journal = ws.journal_month(group_id, month)
        assert journal.children and journal.lessons
        assert journal.marks == _emulator_month(navigator, group_id, month)
        again = ws.sync()  # nothing changed in the Navigator: no mark is written or counted again
        assert not again.pulled_by_entity.get("mark")
        assert ws.journal_month(group_id, month).marks == journal.marks
    finally:
        ws.close()


def _flip(code: int) -> int:
    return 2 if code == 1 else 1


@dataclass(frozen=True)
class _Cell:
    group_id: int
    month: date
    lesson: date
    child: int
    before: int | None  # the mark before the operator's edit


def _edit_a_cell(ws: Workspace, code: int | None = None) -> _Cell:
    """The operator changes one cell of a marked month offline (to ``code``, else «был» ↔ «не был»)."""
    group_id, month = _a_marked_month(ws)
    journal = ws.journal_month(group_id, month)
    lesson = journal.lessons[0].lesson_date
    child = next(c.child_id for c in journal.children if c.is_member_on(lesson))
    before = journal.marks.get((child, lesson))
    ws.mark(group_id, lesson, [MarkChange(child, code if code is not None else _flip(before or 2))])
    return _Cell(group_id, month, lesson, child, before)


def _mark_month(ws: Workspace, group_id: int, month: date, lessons: int | None = None
                ) -> dict[tuple[int, date], int]:
    """The operator re-marks the month offline (every child of every lesson, or of the first
    ``lessons``): «был» ↔ «не был», and the first cell «уважительная причина». Returns what the
    journal holds."""
    journal = ws.journal_month(group_id, month)
    first = True
    for lesson in journal.lessons[:lessons]:
        changes = []
        for child in journal.children:
            if not child.is_member_on(lesson.lesson_date):
                continue
            code = 4 if first else _flip(journal.marks.get((child.child_id, lesson.lesson_date), 2))
            first = False
            changes.append(MarkChange(child.child_id, code))
        if changes:
            ws.mark(group_id, lesson.lesson_date, changes)
    return dict(ws.journal_month(group_id, month).marks)


def _as_navigator(marks: dict[tuple[int, date], int]) -> dict[tuple[int, date], int]:
    return {cell: (2 if code == 4 else code) for cell, code in marks.items()}  # the default excused code


def test_a_month_marked_offline_is_in_the_navigators_members_rows(navigator: Any,
                                                                  synced_pc: Workspace) -> None:
    ws = synced_pc
    group_id, month = _a_marked_month(ws)
    wanted = _mark_month(ws, group_id, month)
    with ws.db.read() as s:
        queued = len(s.scalars(select(OutboxOp)).all())
    seen: list[tuple[int, int | None]] = []

    def progress(stage: str, done: int, total: int | None) -> None:
        if stage == "push":
            seen.append((done, total))

    report = ws.sync(progress=progress)
    assert report.pushed == report.applied + report.duplicates and report.rejected == 0
    # «Отправка N из M» moves with every cell, not once per batch of 60, and never goes back.
    steps = [done for done, total in seen if total == queued]
    assert steps == sorted(steps) and len(set(steps)) > queued // 60 + 2 and max(steps) <= queued
    assert _emulator_month(navigator, group_id, month) == _as_navigator(wanted)
    # The «уважительная причина» stays on this PC though the Navigator keeps it as «не был».
    assert ws.journal_month(group_id, month).marks == wanted
    with ws.db.read() as s:
        assert s.scalars(select(OutboxOp)).all() == []


def test_excused_goes_as_the_code_chosen_in_the_settings(navigator: Any, synced_pc: Workspace) -> None:
    ws = synced_pc
    assert ws.navigator_excused_code() == 2
    ws.set_navigator_excused_code(3)  # «болел», as this school's municipality asks
    cell = _edit_a_cell(ws, 4)
    group_id, month, lesson, child = cell.group_id, cell.month, cell.lesson, cell.child
    report = ws.sync()
    assert report.rejected == 0
    assert _emulator_month(navigator, group_id, month)[(child, lesson)] == 3
    assert ws.journal_month(group_id, month).marks[(child, lesson)] == 4  # still «уважительная» here
    with pytest.raises(BadNavigatorSetting, match="«не был» \\(2\\) или «болел» \\(3\\)"):
        ws.set_navigator_excused_code(1)
    assert ws.navigator_excused_code() == 3


def test_a_second_pc_converges(navigator: Any, synced_pc: Workspace, second_synced_pc: Workspace) -> None:
    first, second = synced_pc, second_synced_pc
    group_id, month = _a_marked_month(first)
    wanted = _mark_month(first, group_id, month, lessons=4)
    first.sync()
    assert second.journal_month(group_id, month).marks != _as_navigator(wanted)
    second.sync()
    assert second.journal_month(group_id, month).marks == _as_navigator(wanted)


def test_a_killed_push_resumes_with_no_cell_sent_twice(navigator: Any, synced_pc: Workspace) -> None:
    ws = synced_pc
    group_id, month = _a_marked_month(ws)
    wanted = _mark_month(ws, group_id, month, lessons=4)
    # The killed process had taken every op for sending and got half of the cells through.
    account = _account(navigator)
    with ws.db.write() as s:
        ops = s.scalars(select(OutboxOp).order_by(OutboxOp.id)).all()
        for op in ops:
            op.state, op.attempts = "sent", 1
        payloads = [dict(op.payload) for op in ops]
    half = payloads[: len(payloads) // 2]
    kids = {child_id(k): k for k in _kids(navigator, group_id, month)}
    with NavigatorClient(navigator.url, account.email) as nav:
        nav.login(account.password)
        for pl in half:
            nav.save_mark(MarkCell(
                group_id, kids[pl["child_id"]], date.fromisoformat(pl["lesson_date"]),
                2 if pl["code"] == 4 else pl["code"]))
    navigator.control.reset_counts()
    report = ws.sync()
    assert navigator.control.calls["/api/attendance/save"] == len(payloads) - len(half)
    assert report.duplicates == len(half)
    assert _emulator_month(navigator, group_id, month) == _as_navigator(wanted)


def _kids(navigator: Any, group_id: int, month: date) -> list[str]:
    account = _account(navigator)
    with NavigatorClient(navigator.url, account.email) as nav:
        nav.login(account.password)
        group = nav.group(group_id)
        return [str(r["kid_id"]) for r in nav.members(group_id, int(group["year"]), month)]


def test_a_lost_answer_is_settled_by_reading_the_cell_back(navigator: Any, synced_pc: Workspace,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from pfdo_desktop.sync.client import PortalUnreachable

    ws = synced_pc
    group_id, month = _a_marked_month(ws)
    wanted = _mark_month(ws, group_id, month, lessons=4)
    real = NavigatorClient._send
    lost: list[str] = []

    def losing(self: NavigatorClient, method: str, path: str, **kw: Any) -> Any:
        response = real(self, method, path, **kw)
        if path == "/api/attendance/save" and len(lost) < 3:
            lost.append(path)  # the Navigator saved it; its answer never arrives
            raise PortalUnreachable("Навигатор не ответил вовремя.", "timeout")
        return response

    monkeypatch.setattr(NavigatorClient, "_send", losing)
    navigator.control.reset_counts()
    report = ws.sync()
    assert len(lost) == 3
    assert report.rejected == 0 and report.conflicts == 0
    assert navigator.control.calls["/api/attendance/save"] <= len(wanted)  # none sent twice
    assert _emulator_month(navigator, group_id, month) == _as_navigator(wanted)


def test_a_refusal_of_the_navigator_is_shown_in_needs_attention(navigator: Any, synced_pc: Workspace) -> None:
    ws = synced_pc
    cell = _edit_a_cell(ws)
    group_id, month, lesson, child, before = cell.group_id, cell.month, cell.lesson, cell.child, cell.before
    navigator.control.refuse_next("/api/attendance/save", "Редактирование журнала за этот период закрыто",
                                  err_code=7)
    report = ws.sync()
    assert report.rejected == 1
    texts = " ".join(repr(i) for i in ws.issues())
    assert "Редактирование журнала за этот период закрыто" in texts
    # The Navigator's value stands on the PC.
    assert ws.journal_month(group_id, month).marks.get((child, lesson)) == before


def test_a_token_expiring_mid_sync_is_renewed(navigator: Any, synced_pc: Workspace) -> None:
    ws = synced_pc
    expired: list[str] = []

    def progress(stage: str, done: int, total: int | None) -> None:
        if stage == "pull:own" and not expired:
            navigator.control.expire_access_tokens()
            expired.append(stage)

    report = ws.sync(progress=progress)
    assert expired and report.pulled > 0
    assert navigator.control.calls["/api/user/refresh"] >= 1


def test_a_wrong_password_is_refused_and_nothing_is_kept(navigator: Any, tmp_path: Path,
                                                         memory_keyring: Any) -> None:
    ws = Workspace.open(tmp_path / "pc")
    try:
        with pytest.raises(NavigatorLoginFailed) as refused:
            ws.enrol_navigator(navigator.url, _account(navigator).email, "не тот пароль")
        assert "пароль" in refused.value.message
        assert not ws.enrolled
        assert not [key for _service, key in memory_keyring.store if key.startswith("navigator")]
    finally:
        ws.close()


def test_a_cell_the_navigator_stores_otherwise_is_taken_and_shown(navigator: Any, synced_pc: Workspace,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    ws = synced_pc
    cell = _edit_a_cell(ws)
    group_id, month, lesson, child = cell.group_id, cell.month, cell.lesson, cell.child
    ours = _flip(cell.before or 2)
    real = NavigatorClient._send

    def someone_else_marks_it_sick(self: NavigatorClient, method: str, path: str, **kw: Any) -> Any:
        response = real(self, method, path, **kw)
        if path == "/api/attendance/save":
            # Between our save and our read-back, a teacher in the Navigator's web page marks «болел».
            real(self, method, path, json_body={**kw["json_body"], "value": 3}, token=kw["token"])
        return response

    monkeypatch.setattr(NavigatorClient, "_send", someone_else_marks_it_sick)
    report = ws.sync()
    assert report.rejected == 1
    assert ws.journal_month(group_id, month).marks[(child, lesson)] == 3  # the Navigator's value
    texts = " ".join(repr(i) for i in ws.issues())
    assert "«болел»" in texts and ("«был»" if ours == 1 else "«не был»") in texts


def test_a_group_of_sixty_is_read_25_rows_a_page(navigator: Any, synced_pc: Workspace) -> None:
    ws = synced_pc
    group_id, month = _a_marked_month(ws)
    navigator.control.add_kids(group_id, 60 - len(_kids(navigator, group_id, month)))
    assert len(_kids(navigator, group_id, month)) >= 60
    navigator.control.reset_counts()
    ws.sync()
    journal = ws.journal_month(group_id, month)
    assert len(journal.children) >= 60
    assert journal.marks == _emulator_month(navigator, group_id, month)


def test_the_command_line_connects_and_syncs(navigator: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    import io

    from pfdo_desktop.cli import main

    folder = tmp_path / "pc"
    account = _account(navigator)
    monkeypatch.setattr("sys.stdin", io.StringIO(account.password + "\n"))
    assert main(["enrol-navigator", "--data-dir", str(folder), "--url", navigator.url,
                 "--email", account.email, "--password", "-"]) == 0
    assert "ПК подключён к Навигатору" in capsys.readouterr().out
    assert main(["sync", "--data-dir", str(folder)]) == 0
    assert "получено" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("неверный\n"))
    assert main(["enrol-navigator", "--data-dir", str(tmp_path / "other"), "--url", navigator.url,
                 "--email", account.email, "--password", "-"]) != 0
    assert "Навигатор не принял e-mail или пароль" in capsys.readouterr().err


def _order_states(navigator: Any) -> dict[str, tuple[str, list[dict[str, Any]]]]:
    account = _account(navigator)
    with NavigatorClient(navigator.url, account.email) as nav:
        nav.login(account.password)
        years = {int(y["id"]) for y in nav.academic_years()}
        return {f"nav-{o['id']}": (str(o["state"]), list(o.get("cancel_reasons") or []))
                for y in years for o in nav.orders(y)}


def test_application_decisions_reach_the_navigators_orders(navigator: Any) -> None:
    """The adapter's mapping (the desktop's own rules — a certificate, closed months — refuse the
    demo's orders before any op is queued, so the ops are pushed here as the engine would)."""
    account = _account(navigator)
    states = _order_states(navigator)
    new = sorted(uid for uid, (state, _) in states.items() if state == "initial")
    assert len(new) >= 3, "the demo district has new applications"
    confirmed, refused, withdrawn = new[:3]
    ops = [p.wire_op(p.typed_op(p.new_op_id(), payload)) for payload in (
        p.ApplicationConfirmPayload(uid=confirmed),
        p.ApplicationRejectPayload(uid=refused, reason="no_places", comment="группа набрана"),
        p.ApplicationWithdrawPayload(uid=withdrawn, comment="передумали"),
        p.ApplicationConfirmPayload(uid="a-local-application"),
        p.LessonStatePayload(group_id=1, lesson_date=date.today(), state="cancelled_by_provider",
                             reason="карантин", changed_at=datetime.now(UTC)))]
    with NavigatorClient(navigator.url, account.email) as nav:
        nav.login(account.password)
        adapter = NavigatorAdapter(nav, account.partner_id)
        request = p.PushRequest(device_id="navigator:test", batch_id=p.new_op_id(), ops=ops)
        answer = adapter.push(request)
        again = adapter.push(request)  # a lost answer: the same ops once more
    assert [r.status for r in answer.results] == ["applied", "applied", "applied", "rejected", "rejected"]
    assert [r.code for r in answer.results[3:]] == ["not_in_navigator", "not_in_navigator"]
    assert [r.status for r in again.results[:3]] == ["duplicate"] * 3
    states = _order_states(navigator)
    assert states[confirmed][0] == "approve"
    assert states[refused] == ("cancel", [{"id": 2, "comment": "группа набрана"}])  # «Нет свободных мест»
    assert states[withdrawn] == ("cancel", [{"id": 1, "comment": "передумали"}])  # «Отказ заявителя»
    # The confirmed one is enrolled by an order: studyRequest with the order's number and dates.
    enrol = p.wire_op(p.typed_op(p.new_op_id(), p.ApplicationEnrolPayload(
        uid=confirmed, order_number="17-к", order_date=date.today(), date_from=date.today())))
    full = p.wire_op(p.typed_op(p.new_op_id(), p.ApplicationEnrolPayload(
        uid=refused, order_number="18-к", order_date=date.today(), date_from=date.today())))
    with NavigatorClient(navigator.url, account.email) as nav:
        nav.login(account.password)
        adapter = NavigatorAdapter(nav, account.partner_id)
        enrolled = adapter.push(p.PushRequest(device_id="navigator:test", batch_id=p.new_op_id(),
                                              ops=[enrol, full]))
        order = next(o for y in nav.academic_years() for o in nav.orders(int(y["id"]))
                     if f"nav-{o['id']}" == confirmed)
    assert [r.status for r in enrolled.results] == ["applied", "rejected"]
    assert enrolled.results[1].code == "navigator_refused"  # a cancelled order cannot be enrolled
    assert "зачислить" in (enrolled.results[1].message or "")
    assert order["state"] == "study" and order["decree_number"] == "17-к"
    assert str(order["date_enroll"]).startswith(date.today().isoformat())


def test_a_locked_account_is_said_and_nothing_is_lost(navigator: Any, synced_pc: Workspace) -> None:
    from pfdo_desktop.sync.navigator_client import NavigatorAccountLocked

    ws = synced_pc
    cell = _edit_a_cell(ws)
    group_id, month, lesson, child = cell.group_id, cell.month, cell.lesson, cell.child
    ours = _flip(cell.before or 2)
    navigator.control.lock_account(_account(navigator).email)
    with pytest.raises(NavigatorAccountLocked) as locked:
        ws.sync()
    assert "администратор Навигатора" in locked.value.message
    assert ws.journal_month(group_id, month).marks[(child, lesson)] == ours
    with ws.db.read() as s:
        assert len(s.scalars(select(OutboxOp)).all()) == 1  # still to be sent


def test_a_pull_cut_off_midway_resumes_where_it_stopped(navigator: Any, synced_pc: Workspace) -> None:
    from pfdo_desktop.sync.client import Cancelled

    ws = synced_pc
    cancel = threading.Event()
    pages: list[int] = []

    def progress(stage: str, done: int, total: int | None) -> None:
        if stage == "pull:own":
            pages.append(done)
            if len(pages) == 6:
                cancel.set()

    with pytest.raises(Cancelled):
        ws.sync(progress=progress, cancel=cancel)
    navigator.control.reset_counts()
    ws.sync()
    resumed = navigator.control.calls["/api/attendance/members/get"]
    group_id, month = _a_marked_month(ws)
    assert ws.journal_month(group_id, month).marks == _emulator_month(navigator, group_id, month)
    navigator.control.reset_counts()
    ws.sync()  # a whole (recent months) pass reads more than the rest of the one cut off
    assert navigator.control.calls["/api/attendance/members/get"] > resumed


def test_behind_the_fault_proxy_no_mark_is_lost_or_doubled(navigator: Any, synced_pc: Workspace) -> None:
    """The sync tests' fault proxy in front of the emulator: answers of saves dropped after the
    Navigator stored them, a save answered with an HTML page, reads answered 500 — syncs until the
    outbox is empty; every cell is in the Navigator and none was saved twice."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))
    from fault_proxy import FaultProxy  # tests/sync/fault_proxy.py

    from pfdo_desktop.sync.client import SyncError

    proxy = FaultProxy(navigator.url).start()
    ws = synced_pc
    ws.relocate_portal(proxy.url)  # the PC reaches the Navigator through the faults
    try:
        group_id, month = _a_marked_month(ws)
        before = _emulator_month(navigator, group_id, month)
        wanted = _as_navigator(_mark_month(ws, group_id, month, lessons=4))
        changed = sum(1 for cell, value in wanted.items() if before.get(cell) != value)
        proxy.add("/api/attendance/save", "drop", times=4, skip=1)
        proxy.add("/api/attendance/save", "garbage", times=2, skip=10)
        proxy.add("/api/attendance/members/get", "500", times=2, skip=1)
        proxy.add("/api/attendance/members/get", "drop", times=1, skip=6)
        navigator.control.reset_counts()
        for _ in range(6):
            try:
                ws.sync()
            except SyncError:
                continue
            with ws.db.read() as s:
                if not s.scalars(select(OutboxOp)).all():
                    break
        with ws.db.read() as s:
            assert s.scalars(select(OutboxOp)).all() == []
        assert len(proxy.hits) >= 6
        assert _emulator_month(navigator, group_id, month) == wanted  # 0 lost
        assert navigator.control.calls["/api/attendance/save"] == changed  # 0 doubled
    finally:
        proxy.stop()


def test_disconnecting_forgets_the_navigator_password(navigator: Any, tmp_path: Path,
                                                      memory_keyring: Any) -> None:
    ws = _connected(navigator, tmp_path / "pc")
    try:
        assert [key for _service, key in memory_keyring.store if key.startswith("navigator-password")]
        ws.disconnect()
        assert not [key for _service, key in memory_keyring.store if key.startswith("navigator")]
        assert not ws.enrolled
    finally:
        ws.close()


def test_orders_are_decided_in_the_applications_screen_and_reach_the_navigator(
        navigator: Any, synced_pc: Workspace) -> None:
    """The PC sees no certificate of a Navigator child and has no billed months there: the
    Navigator checks both itself, so its orders are confirmed and enrolled on the PC as elsewhere."""
    ws = synced_pc
    new = [a for a in ws.applications() if a.status == "new" and a.uid.startswith("nav-")]
    assert len(new) >= 2
    chosen, other = new[0], new[1]
    ws.confirm_application(chosen.uid)
    ws.reject_application(other.uid, "no_places", "группа набрана")
    report = ws.sync()
    assert report.rejected == 0 and report.applied == 2
    ws.enrol_application(chosen.uid, "21-к", date.today(), date.today())
    report = ws.sync()
    assert report.rejected == 0 and report.applied == 1
    states = _order_states(navigator)
    assert states[chosen.uid][0] == "study"
    assert states[other.uid] == ("cancel", [{"id": 2, "comment": "группа набрана"}])
    assert ws.application(chosen.uid).status == "active"
    # A new application of the PC's own has nowhere to go in the Navigator: said at once.
    with pytest.raises(NotAllowed, match="заявку подаёт родитель на сайте Навигатора"):
        ws.submit_application(ws.application(chosen.uid).child_key, ws.groups()[0].id, date.today())


def test_the_navigator_settings_command_shows_and_changes_what_a_push_sends(
        navigator: Any, synced_pc: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    from pfdo_desktop.cli import main

    folder = str(synced_pc.data_dir)
    assert main(["navigator-settings", "--data-dir", folder]) == 0
    assert "как «не был» (2); запросов одновременно: 3" in capsys.readouterr().out
    assert main(["navigator-settings", "--data-dir", folder, "--excused", "болел", "--at-once", "1"]) == 0
    assert "как «болел» (3); запросов одновременно: 1" in capsys.readouterr().out
    assert main(["navigator-settings", "--data-dir", folder, "--at-once", "9"]) != 0
    assert "от 1 до 5" in capsys.readouterr().err
    # One request at a time from now on: the emulator never sees two saves at once.
    group_id, month = _a_marked_month(synced_pc)
    journal = synced_pc.journal_month(group_id, month)
    lesson = journal.lessons[0].lesson_date
    column = [c.child_id for c in journal.children if c.is_member_on(lesson)]
    synced_pc.mark(group_id, lesson, [MarkChange(c, _flip(journal.marks.get((c, lesson), 2)))
                                      for c in column])
    navigator.control.reset_counts()
    navigator.control.delay = 0.01  # answers take a while: three at once would overlap
    report = synced_pc.sync()
    assert report.applied >= 5 and navigator.control.max_in_flight == 1
    assert main(["navigator-settings", "--data-dir", str(synced_pc.data_dir.parent / "fresh")]) != 0
    assert "не подключён к Навигатору" in capsys.readouterr().err


def test_between_full_passes_a_sync_reads_the_recent_months_and_a_weekly_one_reads_them_all(
        navigator: Any, synced_pc: Workspace) -> None:
    """The Navigator has no change feed: every month of every group is read again at least once a
    week; the syncs between read from the previous month on (where teachers still mark)."""
    from pfdo_desktop.models import SyncCursor

    ws = synced_pc
    group = ws.groups()[0]
    old = group.date_from.replace(day=1)
    assert old < (date.today().replace(day=1) - timedelta(days=40))
    journal = ws.journal_month(group.id, old)
    (child, day), code = next(iter(journal.marks.items()))
    account = _account(navigator)
    with NavigatorClient(navigator.url, account.email) as nav:  # a teacher corrects it in the web page
        nav.login(account.password)
        kid = next(k for k in _kids(navigator, group.id, old) if child_id(k) == child)
        nav.save_mark(MarkCell(group.id, kid, day, _flip(code)))
    navigator.control.reset_counts()
    ws.sync()
    recent = navigator.control.calls["/api/attendance/members/get"]
    assert ws.journal_month(group.id, old).marks[(child, day)] == code  # not read this time
    with ws.db.write() as s:  # the last full pass was eight days ago
        cursor = s.get(SyncCursor, "own")
        assert cursor is not None and '"full"' in cursor.cursor
        cursor.cursor = cursor.cursor.replace(date.today().isoformat(),
                                              (date.today() - timedelta(days=8)).isoformat())
    navigator.control.reset_counts()
    ws.sync()
    assert navigator.control.calls["/api/attendance/members/get"] > recent
    assert ws.journal_month(group.id, old).marks[(child, day)] == _flip(code)
