"""Daily backups and a wrong clock (review of issue 10, finding 1): at most one backup a day by the
PC's date; a copy dated in the future (the clock ran ahead once) never blocks a day's backup and
never makes the rotation evict real days. «Today» is injected here; tests/test_cli_wrong_clock.py
runs the same story with faketime."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

from pfdo_desktop.models import daily_backup, open_database
from pfdo_desktop.models.backups import best_backup, list_backups
from pfdo_desktop.models.database import DAILY_KEEP

DAY = datetime(2026, 12, 7, 9, 0)


def _days(backups: Path) -> Counter[date]:
    """How many daily copies each date has."""
    return Counter(datetime.strptime(p.name[5:13], "%Y%m%d").date()
                   for p in backups.glob("pfdo-*-daily*.sqlite3"))


def _database(data_dir: Path) -> Path:
    db = open_database(data_dir)
    db.dispose()
    return db.path


def test_the_reviewers_sequence_keeps_every_real_day_and_no_day_twice(data_dir):
    """04, 05, 06, 07 with a right clock; one run with the clock a day ahead (08); six more runs on
    the 07th. Before: six copies of the 07th, and the 04th–06th rotated away."""
    path, backups = _database(data_dir), data_dir / "backups"
    for back in (3, 2, 1, 0):
        assert daily_backup(path, backups, now=DAY - timedelta(days=back)) is not None
    assert daily_backup(path, backups, now=DAY + timedelta(days=1)) is not None  # the clock ran ahead
    for minutes in range(6):
        assert daily_backup(path, backups, now=DAY + timedelta(hours=1, minutes=minutes)) is None
    assert _days(backups) == {DAY.date() - timedelta(days=n): 1 for n in (3, 2, 1, 0, -1)}


def test_a_week_of_real_days_is_kept_beside_copies_from_the_future(data_dir):
    path, backups = _database(data_dir), data_dir / "backups"
    daily_backup(path, backups, now=DAY + timedelta(days=30))  # a month ahead, once
    daily_backup(path, backups, now=DAY + timedelta(days=365))  # a year ahead, once
    for n in range(-12, 1):
        daily_backup(path, backups, now=DAY + timedelta(days=n))
    days = _days(backups)
    real = sorted(d for d in days if d <= DAY.date())
    assert real == [DAY.date() - timedelta(days=n) for n in range(DAILY_KEEP - 1, -1, -1)]
    assert {d for d in days if d > DAY.date()} == {(DAY + timedelta(days=30)).date(),
                                                    (DAY + timedelta(days=365)).date()}
    assert set(days.values()) == {1}


def test_when_its_date_comes_a_copy_made_ahead_does_not_stand_for_that_day(data_dir):
    """The copy dated the 8th was made on the 7th: on the real 8th a backup of the 8th is still taken,
    and the 8th keeps one copy — the real one."""
    path, backups = _database(data_dir), data_dir / "backups"
    daily_backup(path, backups, now=DAY)
    ahead = daily_backup(path, backups, now=DAY + timedelta(days=1, hours=2))
    assert daily_backup(path, backups, now=DAY + timedelta(hours=3)) is None  # back on the 7th
    assert ahead is not None and not ahead.exists()
    marked = ahead.name.replace("-daily.", "-daily-ahead.")
    assert [p.name for p in backups.glob("*-daily-ahead.sqlite3")] == [marked]
    real = daily_backup(path, backups, now=DAY + timedelta(days=1, hours=1))
    assert real is not None
    assert _days(backups) == {DAY.date(): 1, DAY.date() + timedelta(days=1): 1}
    assert real.exists() and not list(backups.glob("*-daily-ahead.sqlite3"))


def test_a_copy_dated_ahead_is_listed_but_not_proposed_for_a_restore(data_dir):
    path, backups = _database(data_dir), data_dir / "backups"
    today = datetime.now().replace(microsecond=0)
    daily_backup(path, backups, now=today - timedelta(days=1))
    daily_backup(path, backups, now=today + timedelta(days=2))  # the clock ran ahead
    daily_backup(path, backups, now=today)
    found = list_backups(data_dir)
    assert [info.clock_ahead for info in found] == [True, False, False]  # newest first, by date
    best = best_backup(found)
    assert best is found[1] and best.taken_at.date() == today.date()
