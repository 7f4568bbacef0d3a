"""A PC whose clock is more than a year behind syncs with a Navigator (a real shifted clock:
Debian's faketime around the `pfdo-desktop sync` process): «today» is the Navigator's, so the
current month's marks still come, and the weekly full pass is dated on the Navigator's clock."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

from pfdo_desktop.models import SyncCursor
from pfdo_desktop.sync.credentials import SERVICE
from pfdo_desktop.sync.navigator_adapter import child_id
from pfdo_desktop.sync.navigator_client import MarkCell, NavigatorClient
from pfdo_desktop.workspace import Workspace

FAKETIME = shutil.which("faketime")


def test_a_pc_a_year_behind_still_gets_this_months_marks(navigator: Any, synced_pc: Workspace,
                                                          tmp_path: Path) -> None:
    assert FAKETIME is not None, "needs Debian's faketime: apt install faketime"
    ws = synced_pc
    month = date.today().replace(day=1)
    group = next(g for g in ws.groups() if ws.journal_month(g.id, month).lessons)
    journal = ws.journal_month(group.id, month)
    day = journal.lessons[0].lesson_date
    child = next(c.child_id for c in journal.children if c.is_member_on(day))
    code = 3 if journal.marks.get((child, day)) != 3 else 1
    account = navigator.accounts[0]
    with NavigatorClient(navigator.url, account.email) as nav:  # a teacher marks it in the web page
        nav.login(account.password)
        year = int(nav.group(group.id)["year"])
        kid = next(str(r["kid_id"]) for r in nav.members(group.id, year, month)
                   if child_id(str(r["kid_id"])) == child)
        nav.save_mark(MarkCell(group.id, kid, day, code))
    db_uuid, folder = ws.device().db_uuid, ws.data_dir
    ws.close()
    keyring_file = tmp_path / "keyring.json"
    keyring_file.write_text(json.dumps({f"{SERVICE}\nnavigator-password:{db_uuid}": account.password}))
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]),
               PYTHON_KEYRING_BACKEND="json_file_keyring.JsonFileKeyring",
               PFDO_TEST_KEYRING_FILE=str(keyring_file), FAKETIME_DONT_FAKE_MONOTONIC="1")
    done = subprocess.run([str(FAKETIME), "-f", "-400d", sys.executable, "-m", "pfdo_desktop", "sync",
                           "--data-dir", str(folder)], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with Workspace.open(folder) as again:
        assert again.journal_month(group.id, month).marks.get((child, day)) == code
        with again.db.read() as s:
            cursor = s.get(SyncCursor, "own")
            assert cursor is not None and json.loads(cursor.cursor)["stage"] == "done"
