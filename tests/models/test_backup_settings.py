"""«Резервные копии» in «Настройки» (issue 14 §2): another folder for the copies (another disk, a USB
stick) and how many days of daily copies are kept — the data folder's own settings (backups.json),
honoured by the daily copy, the rotation, the list, the restore and `pfdo-desktop restore`."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from pfdo_desktop.cli import main
from pfdo_desktop.models import backups, daily_backup, enrolled_backup, open_database
from pfdo_desktop.models.backups import BackupFolderRefused, list_backups, prune_daily
from pfdo_desktop.models.database import backup_database
from pfdo_desktop.workspace import Workspace

DAY = datetime(2026, 12, 7, 9, 0)


def _database(data_dir: Path) -> Path:
    db = open_database(data_dir)
    db.dispose()
    return db.path


def _daily(folder: Path) -> list[str]:
    return sorted(p.name[5:13] for p in folder.glob("pfdo-*-daily.sqlite3"))


def test_the_daily_copies_keep_the_chosen_number_of_days(data_dir):
    path, folder = _database(data_dir), data_dir / "backups"
    for day in range(20):
        daily_backup(path, folder, now=DAY + timedelta(days=day), keep=14)
    days = _daily(folder)
    assert len(days) == 14 and days[-1] == (DAY + timedelta(days=19)).strftime("%Y%m%d")


def test_fewer_days_delete_the_oldest_daily_copies_never_the_last_good_one_nor_the_others(data_dir):
    path, folder = _database(data_dir), data_dir / "backups"
    for day in range(10):
        daily_backup(path, folder, now=DAY + timedelta(days=day), keep=30)
    enrolled = enrolled_backup(path, folder, now=DAY)
    migration = backup_database(path, folder, label="before-0012_x", now=DAY)
    newest = folder / max(p.name for p in folder.glob("pfdo-*-daily.sqlite3"))
    good = newest.read_bytes()
    newest.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)  # the newest copy went bad on the stick

    assert prune_daily(folder, 7, (DAY + timedelta(days=9)).date()) == 0  # it may be the last good one
    assert len(_daily(folder)) == 10

    newest.write_bytes(good)
    assert prune_daily(folder, 7, (DAY + timedelta(days=9)).date()) == 3
    assert _daily(folder) == [(DAY + timedelta(days=d)).strftime("%Y%m%d") for d in range(3, 10)]
    assert enrolled.exists() and migration.exists()  # not daily copies: their own rules keep them


def test_another_folder_takes_the_days_copy_at_once_and_list_and_restore_find_it(
        workspace, data_dir, tmp_path, capsys):
    ws = workspace
    stick = tmp_path / "USB"
    stick.mkdir()
    made = ws.set_backup_settings(stick, 30)

    assert made is not None and made.parent == stick
    assert ws.backups_dir == stick and ws.chosen_backups_dir() == stick
    assert ws.backup_settings() == backups.BackupSettings(str(stick), 30)
    assert json.loads((data_dir / "backups.json").read_text(encoding="utf-8")) == {
        "folder": str(stick), "keep_daily": 30}
    found = list_backups(data_dir)
    assert {b.path.parent for b in found} == {stick, data_dir / "backups"}  # the old copies are listed too
    assert found[0].path == made
    ws.close()

    # the database is damaged: the copies on the stick are offered and restored
    (data_dir / "pfdo.sqlite3").write_bytes(b"not a database at all")
    assert main(["restore", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert f"Резервные копии базы в {stick} и {data_dir / 'backups'}" in out
    assert f'--backup "{made}"' in out
    assert main(["restore", "--data-dir", str(data_dir), "--backup", str(made)]) == 0
    assert "База восстановлена" in capsys.readouterr().out
    with Workspace.open(data_dir) as again:
        assert again.backups_dir == stick


def test_a_stick_that_is_not_plugged_in_costs_no_work_and_is_not_made_up(workspace, data_dir, tmp_path):
    stick = tmp_path / "USB"
    stick.mkdir()
    workspace.set_backup_settings(stick, 7)
    workspace.close()
    shutil.rmtree(stick)  # unplugged
    with Workspace.open(data_dir) as ws:
        assert ws.backups_dir == data_dir / "backups" and ws.chosen_backups_dir() == stick
    assert not stick.exists()
    assert list_backups(data_dir)  # the copies in backups/ are still there to restore


@pytest.mark.parametrize("case", ["a file", "holds the data", "refuses a copy"])
def test_a_folder_that_cannot_take_copies_is_refused_and_nothing_changes(workspace, data_dir, tmp_path,
                                                                         monkeypatch, case):
    ws = workspace
    folder = tmp_path / "USB"
    if case == "a file":
        folder.write_text("x", encoding="utf-8")
        said = "это файл, а не папка"
    elif case == "holds the data":
        folder = tmp_path
        said = "содержит саму папку данных"
    else:
        folder.mkdir()

        def full(*_a, **_k):
            from pfdo_desktop.models.database import DiskFull

            raise DiskFull(folder / "x")

        monkeypatch.setattr(backups, "daily_backup", full)
        said = "Резервные копии по-прежнему сохраняются в прежнюю папку"
    with pytest.raises(BackupFolderRefused) as refused:
        ws.set_backup_settings(folder, 14)
    assert said in refused.value.message
    assert not (data_dir / "backups.json").exists() and ws.backups_dir == data_dir / "backups"


def test_a_folder_inside_the_data_folder_moves_with_it(workspace, data_dir, tmp_path):
    ws = workspace
    ws.set_backup_settings(data_dir / "копии", 14)
    assert json.loads((data_dir / "backups.json").read_text(encoding="utf-8"))["folder"] == "копии"
    ws.move_data_folder(tmp_path / "новая")
    assert ws.backups_dir == tmp_path / "новая" / "копии" and any(ws.backups_dir.iterdir())
    ws.set_backup_settings(None, 7)  # back to backups/
    assert ws.backup_settings() == backups.BackupSettings(None, 7)
