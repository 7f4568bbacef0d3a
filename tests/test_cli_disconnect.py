"""«Отключить ПК от портала» (issue 14 §2) against the real portal: refused while the portal has not
got everything, unless forced; then the token is gone from the keyring, the PC is not enrolled, a
sync is refused in Russian, the data and the queue stay — and a new code of the same portal and
organisation connects it again and sends what was waiting, while another organisation's code is
still refused."""

from __future__ import annotations

from datetime import date

import pytest

from pfdo_desktop.cli import main
from pfdo_desktop.sync import credentials
from pfdo_desktop.sync.client import SyncError
from pfdo_desktop.workspace import NotConnected, UnsentChanges
from pfdo_desktop.workspace_types import MarkChange


def _mark_something(ws) -> int:
    group = ws.groups()[0]
    journal = ws.journal(group.id, group.date_from, min(date.today(), group.date_to))
    lesson = journal.lessons[-1]
    members = [c.child_id for c in journal.children if c.is_member_on(lesson.lesson_date)][:2]
    ws.mark(group.id, lesson.lesson_date, [MarkChange(child, 3) for child in members])
    return len(members)


def test_disconnect_refuses_unsent_changes_then_forgets_the_portal_and_a_new_code_sends_them(
        enrolled_workspace, data_dir, portal, portal_db, demo_provider_id, capsys):
    from pfdo_portal.admin import issue_code, list_providers

    ws = enrolled_workspace
    uuid = ws.device().db_uuid
    marked = _mark_something(ws)
    assert ws.unsent_count() == marked > 0

    assert main(["disconnect", "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert f"не отправлено изменений: {marked}" in err and "Сначала синхронизируйте" in err
    with pytest.raises(UnsentChanges) as refused:
        ws.disconnect()
    assert refused.value.count == marked
    assert ws.enrolled and credentials.load_token(uuid)  # nothing changed

    assert main(["disconnect", "--data-dir", str(data_dir), "--force"]) == 0
    out = capsys.readouterr().out
    assert "ПК отключён от портала" in out and f"Не отправлено на портал: {marked}" in out

    assert not ws.enrolled and credentials.load_token(uuid) is None
    assert ws.status().portal_url is None and ws.unsent_count() == marked  # the queue is kept
    with pytest.raises(SyncError) as sync:
        ws.sync()
    assert sync.value.message.startswith("ПК ещё не подключён к порталу")
    with pytest.raises(NotConnected, match="ПК не подключён к порталу"):
        ws.disconnect()

    other = next(p.id for p in list_providers(portal_db) if p.id != demo_provider_id)
    with pytest.raises(SyncError, match="Код выдан для другой организации.*Код не израсходован"):
        ws.enrol(portal.url, issue_code(portal_db, other))  # the data still belong to their provider
    assert not ws.enrolled

    ws.enrol(portal.url, issue_code(portal_db, demo_provider_id))
    assert ws.enrolled and credentials.load_token(uuid)
    report = ws.sync()
    assert report.pushed == marked and report.rejected == 0 and ws.unsent_count() == 0


def test_disconnect_without_unsent_changes_needs_no_force(enrolled_workspace, data_dir, capsys):
    assert main(["disconnect", "--data-dir", str(data_dir)]) == 0
    assert "Не отправлено" not in capsys.readouterr().out
    assert not enrolled_workspace.enrolled
    assert main(["disconnect", "--data-dir", str(data_dir)]) == 1
    assert "ПК не подключён к порталу: отключать нечего" in capsys.readouterr().err
