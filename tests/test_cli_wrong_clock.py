"""The reviewer's wrong-clock story with real processes and a real shifted clock (Debian's faketime,
libfaketime): one run with the clock a day ahead must not multiply today's backup nor rotate away
the days before (review of issue 10, finding 1)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

FAKETIME = shutil.which("faketime")


def _run(data_dir: Path, command: str, shift: str | None) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-m", "pfdo_desktop", command, "--data-dir", str(data_dir)]
    env = dict(os.environ)
    if shift is not None:
        argv = [str(FAKETIME), "-f", shift, *argv]
        env["FAKETIME_DONT_FAKE_MONOTONIC"] = "1"
    return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120)


def _days(backups: Path) -> Counter[date]:
    return Counter(datetime.strptime(p.name[5:13], "%Y%m%d").date()
                   for p in backups.glob("pfdo-*-daily*.sqlite3"))


def test_a_day_with_the_clock_ahead_keeps_every_real_day_and_no_day_twice(data_dir):
    assert FAKETIME is not None, "needs Debian's faketime: apt install faketime"
    today = date.today()
    first = _run(data_dir, "sync", "-3d")  # not enrolled: it fails, but it opened (and backed up) the base
    assert first.returncode == 1 and "не подключён" in first.stderr
    for shift in ("-2d", "-1d", "+0d", "+1d"):
        assert _run(data_dir, "status", shift).returncode == 0
    for _ in range(6):
        assert _run(data_dir, "status", None).returncode == 0
    assert _days(data_dir / "backups") == {today + timedelta(days=n): 1 for n in (-3, -2, -1, 0, 1)}


def test_a_pc_clock_a_year_behind_is_said_after_the_sync(data_dir, portal, portal_db, demo_provider_id):
    """Outside review of issue 14 (F10): connecting and syncing with the PC's clock a year behind
    works (edits are dated on the portal's clock) but is said — the journal's «today», the backups'
    and the printed forms' dates follow the PC's clock."""
    from pfdo_portal.admin import issue_code

    assert FAKETIME is not None, "needs Debian's faketime: apt install faketime"
    code = issue_code(portal_db, demo_provider_id)
    env = dict(os.environ, FAKETIME_DONT_FAKE_MONOTONIC="1",
               PYTHON_KEYRING_BACKEND="json_file_keyring.JsonFileKeyring",
               PFDO_TEST_KEYRING_FILE=str(data_dir.parent / "keyring.json"),
               PYTHONPATH=str(Path(__file__).resolve().parent))
    behind = [str(FAKETIME), "-f", "-365d", sys.executable, "-m", "pfdo_desktop"]
    enrol = subprocess.run([*behind, "enrol", "--data-dir", str(data_dir), "--portal", portal.url,
                            "--code", code], env=env, capture_output=True, text=True, timeout=120)
    assert enrol.returncode == 0, enrol.stderr
    sync = subprocess.run([*behind, "sync", "--data-dir", str(data_dir)], env=env, capture_output=True,
                          text=True, timeout=120)
    assert sync.returncode == 0, sync.stderr
    status = subprocess.run([*behind, "status", "--data-dir", str(data_dir)], env=env, capture_output=True,
                            text=True, timeout=120)
    said = status.stdout.splitlines()[-1]
    assert said.startswith("Часы этого ПК отстают от портала на 36") and "дн." in said
    assert "Исправьте дату, время и часовой пояс" in said
