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
