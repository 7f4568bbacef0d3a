"""«Перенести…» (issue 14 §2): the data folder moved to a new or empty folder — the database copied
with SQLite's backup API and checked, the rest of the folder with it, the preference switched so the
window and the commands find the new folder, the scheduled sync registered again, the old folder
deleted only then — and every refusal leaving the old folder in use, said in Russian."""

from __future__ import annotations

import errno
import json
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from pfdo_desktop import preferences, schedule
from pfdo_desktop.cli import main
from pfdo_desktop.services import data_folder
from pfdo_desktop.sync import credentials
from pfdo_desktop.workspace import DataFolderMissing, MoveRefused, Workspace, default_data_dir

FAKE_SYSTEMCTL = """#!{python}
import json, os, sys
with open(os.path.join(os.environ["FAKE_TOOLS_STATE"], "calls.jsonl"), "a", encoding="utf-8") as out:
    out.write(json.dumps(sys.argv[1:]) + "\\n")
if "show" in sys.argv:
    print("NextElapseUSecRealtime=n/a")
"""


@pytest.fixture
def tools(tmp_path, monkeypatch) -> Path:
    """A fake ``systemctl`` alone on PATH (the real OS is never asked); its calls in calls.jsonl."""
    bin_dir, state = tmp_path / "fake-bin", tmp_path / "fake-state"
    bin_dir.mkdir()
    state.mkdir()
    tool = bin_dir / "systemctl"
    tool.write_text(FAKE_SYSTEMCTL.format(python=sys.executable), encoding="utf-8")
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setenv("FAKE_TOOLS_STATE", str(state))
    return state


def _rows(path: Path) -> dict[str, int]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        con.close()


def test_the_data_move_with_their_backups_token_and_schedule_and_the_old_folder_goes(
        workspace, data_dir, tmp_path, tools, capsys):
    ws = workspace
    preferences.update(data_dir=str(data_dir))  # the default folder: the window opens it without --data-dir
    uuid = ws.device().db_uuid
    credentials.store_token(uuid, "секретный-ключ")
    (data_dir / "logs").mkdir()
    (data_dir / "logs" / "schedule.log").write_text("2026-12-05T19:00 ok 0 Отправлено 2\n", encoding="utf-8")
    schedule.install(data_dir, schedule.Plan(every_minutes=30))
    backups_before = sorted(p.name for p in ws.backups_dir.iterdir())
    rows_before = _rows(data_dir / "pfdo.sqlite3")
    target = tmp_path / "Новый диск" / "ПФДО данные"

    moved = ws.move_data_folder(target)

    assert moved.target == target and ws.data_dir == target and not data_dir.exists()
    assert moved.old_kept is None and moved.schedule_moved and moved.schedule_advice is None
    assert sorted(p.name for p in (target / "backups").iterdir()) == backups_before
    assert (target / "logs" / "schedule.log").read_text(encoding="utf-8").startswith("2026-12-05T19:00 ok")
    assert _rows(target / "pfdo.sqlite3") == rows_before
    assert not (target / "sync.lock").exists() or (target / "sync.lock").stat().st_size == 0
    # the workspace goes on in place, on the copy: same database, same token
    assert ws.device().db_uuid == uuid and credentials.load_token(uuid) == "секретный-ключ"
    assert ws.status().portal_url is None
    # the window and the commands without --data-dir find the new folder
    assert preferences.load().data_dir == str(target) and default_data_dir() == target
    with Workspace.open() as again:
        assert again.data_dir == target and again.device().db_uuid == uuid
    assert main(["status"]) == 0 and "Не отправлено:" in capsys.readouterr().out
    # the scheduled sync runs for the new folder now, and no longer for the old one
    assert schedule.schedule_status(target).installed
    assert schedule.schedule_status(target).every_minutes == 30
    assert not schedule.schedule_status(data_dir).installed
    assert "Данные перенесены в папку" in moved.message_ru() and "удалена" in moved.message_ru()


@pytest.mark.parametrize("case", ["not empty", "inside", "a file", "no room", "no access", "same"])
def test_a_target_that_cannot_work_is_refused_before_anything_is_written(workspace, data_dir, tmp_path,
                                                                         monkeypatch, case):
    ws = workspace
    target = tmp_path / "target"
    expected = {
        "not empty": "не пуста: выберите пустую папку",
        "inside": "находится внутри папки данных",
        "a file": "это файл, а не папка",
        "no room": "недостаточно места: нужно",
        "no access": "Нет прав на запись",
        "same": "Данные уже в папке",
    }[case]
    if case == "not empty":
        target.mkdir()
        (target / "чужой файл.docx").write_text("x", encoding="utf-8")
    elif case == "inside":
        target = data_dir / "внутри"
    elif case == "a file":
        target.write_text("x", encoding="utf-8")
    elif case == "no room":
        monkeypatch.setattr(data_folder.shutil, "disk_usage", lambda _p: shutil._ntuple_diskusage(10, 9, 1))
    elif case == "no access":
        monkeypatch.setattr(data_folder.os, "access", lambda *_a, **_k: False)
    elif case == "same":
        target = data_dir
    before = sorted(p.name for p in target.parent.iterdir())

    with pytest.raises(MoveRefused) as refused:
        ws.move_data_folder(target)

    assert expected in refused.value.message
    monkeypatch.undo()
    assert sorted(p.name for p in target.parent.iterdir()) == before  # nothing written
    assert ws.data_dir == data_dir and ws.status().pending_ops == 0  # the old folder in use
    assert preferences.load().data_dir is None


def test_the_source_inside_the_target_is_refused(workspace, data_dir):
    with pytest.raises(MoveRefused, match="находится внутри папки"):
        workspace.move_data_folder(data_dir.parent)


def test_a_disk_filling_up_midway_removes_the_partial_copy_and_keeps_the_old_folder(
        workspace, data_dir, tmp_path, monkeypatch):
    ws = workspace
    target = tmp_path / "флешка" / "данные"
    real_copy = shutil.copy2

    def full(src, dst, *args, **kwargs):
        if "backups" in str(dst):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_copy(src, dst, *args, **kwargs)

    monkeypatch.setattr(data_folder.shutil, "copy2", full)
    with pytest.raises(MoveRefused) as refused:
        ws.move_data_folder(target)
    monkeypatch.undo()

    assert "закончилось место" in refused.value.message
    assert f"Данные остаются в папке {data_dir}" in refused.value.message
    assert not target.exists() and (data_dir / "pfdo.sqlite3").is_file()
    assert preferences.load().data_dir is None and ws.data_dir == data_dir
    assert ws.status().pending_ops == 0 and ws.device().db_uuid  # it still works where it was


def test_an_empty_folder_given_is_kept_empty_after_a_failure(workspace, tmp_path, monkeypatch):
    target = tmp_path / "пустая"
    target.mkdir()
    monkeypatch.setattr(data_folder, "_tables", lambda con: {"t": id(con)})  # the copy never matches
    with pytest.raises(MoveRefused, match="не совпала с оригиналом"):
        workspace.move_data_folder(target)
    assert target.is_dir() and not list(target.iterdir())


def test_an_old_folder_that_cannot_be_deleted_is_kept_and_named(workspace, data_dir, tmp_path, monkeypatch):
    real_rmtree = shutil.rmtree

    def held(path, *args, **kwargs):
        if Path(path) == data_dir:
            handler = kwargs.get("onexc") or kwargs.get("onerror")
            error = PermissionError(errno.EACCES, "Permission denied")
            handler(None, str(data_dir / "pfdo.sqlite3"), error if "onexc" in kwargs else (None, error, None))
            return None
        return real_rmtree(path, *args, **kwargs)

    monkeypatch.setattr(data_folder.shutil, "rmtree", held)
    moved = workspace.move_data_folder(tmp_path / "новая")
    assert moved.old_kept is not None and data_dir.exists()
    assert "удалить не удалось" in moved.message_ru() and "удалите её вручную" in moved.message_ru()
    assert workspace.data_dir == tmp_path / "новая"


def test_a_schedule_the_os_refuses_to_move_is_said_as_the_commands_to_run(
        workspace, data_dir, tmp_path, tools, monkeypatch):
    schedule.install(data_dir, schedule.Plan(every_minutes=60, at=schedule.time(20, 0)))

    def refuse(*_a, **_k):
        raise schedule.ScheduleError("systemctl отказал")

    monkeypatch.setattr(schedule, "install", refuse)
    moved = workspace.move_data_folder(tmp_path / "новая")
    assert not moved.schedule_moved
    assert moved.schedule_advice is not None
    assert f'pfdo-desktop schedule install --data-dir "{tmp_path / "новая"}" --every 60m --at 20:00' \
        in moved.schedule_advice
    assert f'pfdo-desktop schedule remove --data-dir "{data_dir}"' in moved.schedule_advice


def test_a_chosen_folder_that_is_gone_is_never_replaced_by_an_empty_database(data_dir, tmp_path):
    gone = tmp_path / "флешка" / "данные"
    preferences.update(data_dir=str(gone))
    with pytest.raises(DataFolderMissing) as missing:
        Workspace.open()
    assert "не найдена" in missing.value.message and "--data-dir" in missing.value.message
    assert not gone.exists()
    with Workspace.open(data_dir) as ws:  # --data-dir still opens any folder
        assert ws.data_dir == data_dir


def test_the_demo_folder_is_not_moved(tmp_path):
    with Workspace.open(tmp_path / "demo" / "desktop") as ws, pytest.raises(MoveRefused, match="демонстрац"):
        ws.move_data_folder(tmp_path / "elsewhere")


def test_move_data_from_the_command_line(workspace, data_dir, tmp_path, capsys):
    workspace.close()
    preferences.update(data_dir=str(data_dir))  # the default folder, here given with --data-dir too
    target = tmp_path / "D" / "pfdo"
    assert main(["move-data", "--data-dir", str(data_dir), "--to", str(target)]) == 0
    out = capsys.readouterr().out
    assert f"Данные перенесены в папку {target}" in out
    assert json.loads(preferences.preferences_path().read_text(encoding="utf-8"))["data_dir"] == str(target)
    assert not data_dir.exists() and (target / "pfdo.sqlite3").is_file()
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "x").touch()
    assert main(["move-data", "--to", str(tmp_path / "busy")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("pfdo-desktop: Папка") and "не пуста" in err
    assert f"Данные остаются в папке {target}" in err
