"""Damaged or full storage from the command line (issue 10 §4): one Russian line that names the
problem and the next step, exit code 1; `restore` lists the backups and restores one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from pfdo_desktop.cli import main
from pfdo_desktop.workspace import Workspace
from pfdo_portal import admin

NOBODY = 65534


def _one_line(capsys) -> str:
    err = capsys.readouterr().err.strip()
    assert err.startswith("pfdo-desktop: ") and err.count("\n") == 0, err
    assert "внутренняя ошибка" not in err and "Error" not in err
    return err


def _damage_a_middle_page(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek((size // 2) // 4096 * 4096)
        f.write(b"\xa5" * 8192)


def test_a_corrupt_database_is_one_russian_line_naming_restore(enrolled_workspace, capsys):
    data_dir = enrolled_workspace.data_dir
    enrolled_workspace.close()
    _damage_a_middle_page(data_dir / "pfdo.sqlite3")
    before = (data_dir / "pfdo.sqlite3").read_bytes()
    for command in (["status"], ["sync"]):
        assert main([*command, "--data-dir", str(data_dir)]) == 1
        err = _one_line(capsys)
        assert "повреждена" in err and f'pfdo-desktop restore --data-dir "{data_dir}"' in err
    assert (data_dir / "pfdo.sqlite3").read_bytes() == before


def test_a_zero_length_database_is_damaged_not_replaced(data_dir, capsys):
    data_dir.mkdir()
    (data_dir / "pfdo.sqlite3").touch()
    assert main(["status", "--data-dir", str(data_dir)]) == 1
    assert "повреждена (файл пустой" in _one_line(capsys)
    assert (data_dir / "pfdo.sqlite3").stat().st_size == 0


@pytest.mark.parametrize("command", [["status"], ["status", "--json"],
                                     ["print", "journal", "--group", "1", "-o", "x.pdf"]])
def test_read_only_commands_create_nothing_in_a_wrong_folder(tmp_path, capsys, command, monkeypatch):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "no" / "such" / "folder"
    assert main([*command, "--data-dir", str(target)]) == 1
    assert _one_line(capsys) == (f"pfdo-desktop: в папке {target} нет базы PFDO Desktop: проверьте путь "
                                 "в --data-dir")
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("command", [["status"], ["print", "journal", "--group", "1", "-o", "x.pdf"]])
def test_without_data_dir_an_empty_default_folder_asks_for_data_dir(tmp_path, capsys, command,
                                                                    monkeypatch):
    from pfdo_desktop.workspace import default_data_dir

    monkeypatch.chdir(tmp_path)
    folder = default_data_dir()
    assert not folder.exists()
    assert main(command) == 1
    assert _one_line(capsys) == f"pfdo-desktop: в папке {folder} нет базы PFDO Desktop: укажите --data-dir"
    assert not folder.exists()


def test_a_full_disk_during_a_sync_is_one_line_and_keeps_the_data(workspace, portal, portal_db,
                                                                  demo_provider_id, capsys, monkeypatch,
                                                                  full_disk):
    """A real «database or disk is full» from SQLite: ``max_page_count`` stops the file growing."""
    data_dir = workspace.data_dir
    workspace.enrol(portal.url, admin.issue_code(portal_db, demo_provider_id))
    workspace.close()
    full_disk()
    assert main(["sync", "--data-dir", str(data_dir)]) == 1  # the first download needs room
    err = _one_line(capsys)
    assert err.startswith("pfdo-desktop: Диск заполнен") and "Освободите место на диске" in err
    monkeypatch.undo()  # room again
    assert main(["status", "--data-dir", str(data_dir)]) == 0
    assert "Последняя попытка не удалась: Диск заполнен" in capsys.readouterr().out
    # the same database syncs
    assert main(["sync", "--data-dir", str(data_dir)]) == 0
    capsys.readouterr()
    assert main(["status", "--data-dir", str(data_dir), "--json"]) == 0
    assert '"groups": 0' not in capsys.readouterr().out


def test_restore_lists_the_backups_then_restores_one(enrolled_workspace, capsys):
    ws = enrolled_workspace
    data_dir = ws.data_dir
    marks = ws.status().marks
    ws.close()
    for old in (data_dir / "backups").glob("*"):  # the day's backup, taken after the first sync
        old.unlink()
    Workspace.open(data_dir).close()
    db = data_dir / "pfdo.sqlite3"
    _damage_a_middle_page(db)
    damaged = db.read_bytes()

    assert main(["restore", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "Резервные копии базы" in out and "ежедневная" in out
    assert f"отметок {marks:,}".replace(",", "\u00a0") in out and "неотправленных изменений 0" in out
    command = out.strip().splitlines()[-1].strip()
    assert command.startswith(f'pfdo-desktop restore --data-dir "{data_dir}" --backup "')
    backup = command.split('--backup "')[1].rstrip('"')

    assert main(["restore", "--data-dir", str(data_dir), "--backup", backup]) == 0
    out = capsys.readouterr().out
    assert "База восстановлена из резервной копии" in out and "damaged-" in out
    aside = next(data_dir.glob("pfdo.sqlite3.damaged-*[0-9]"))
    assert aside.read_bytes() == damaged
    assert main(["status", "--data-dir", str(data_dir), "--json"]) == 0
    assert f'"marks": {marks}' in capsys.readouterr().out
    assert main(["sync", "--data-dir", str(data_dir)]) == 0  # same device, same token: it syncs


NOT_ENROLLED = ("ПК в этой копии не подключён к порталу — после восстановления понадобится новый код "
                "подключения")


def test_a_new_pcs_backups_say_which_one_keeps_the_enrolment(portal, portal_db, demo_provider_id,
                                                               data_dir, capsys):
    """Day 1 of a new PC: the day's backup is taken when the database is made, before `enrol`. A
    backup right after the enrolment is the newest and is proposed; the earlier one says that it
    would need a new code (review of issue 10, finding 4)."""
    code = admin.issue_code(portal_db, demo_provider_id)
    assert main(["enrol", "--data-dir", str(data_dir), "--portal", portal.url, "--code", code]) == 0
    assert main(["sync", "--data-dir", str(data_dir)]) == 0
    capsys.readouterr()
    _damage_a_middle_page(data_dir / "pfdo.sqlite3")

    assert main(["restore", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    listed = out.split("\n  1. ")[1]
    newest, daily = listed.split("\n  2. ")[0], listed.split("\n  2. ")[1]
    assert "после подключения к порталу" in newest and NOT_ENROLLED not in newest
    assert "ежедневная" in daily and NOT_ENROLLED in daily
    command = out.strip().splitlines()[-1].strip()
    assert command.startswith(f'pfdo-desktop restore --data-dir "{data_dir}" --backup "')
    assert "-enrolled.sqlite3" in command  # the copy that holds the device is proposed

    first_days = next((data_dir / "backups").glob("*-daily.sqlite3"))
    assert main(["restore", "--data-dir", str(data_dir), "--backup", str(first_days)]) == 0
    out = capsys.readouterr().out
    assert NOT_ENROLLED in out and "Синхронизируйте" not in out
    assert main(["sync", "--data-dir", str(data_dir)]) == 1  # it is indeed not enrolled
    assert "не подключён" in capsys.readouterr().err

    enrolled = command.split('--backup "')[1].rstrip('"')
    assert main(["restore", "--data-dir", str(data_dir), "--backup", enrolled, "--force"]) == 0
    out = capsys.readouterr().out
    assert "Синхронизируйте" in out and NOT_ENROLLED not in out
    assert main(["sync", "--data-dir", str(data_dir)]) == 0  # the restored copy is still enrolled


def test_restore_with_no_backups_says_what_to_do(data_dir, capsys):
    data_dir.mkdir()
    (data_dir / "pfdo.sqlite3").touch()
    assert main(["restore", "--data-dir", str(data_dir)]) == 1
    err = _one_line(capsys)
    assert "нет резервных копий" in err and "переименуйте файл pfdo.sqlite3" in err


# --- a folder the OS refuses: real permissions ----------------------------------------------------
# The tests run as root here, and root ignores file modes. So the command runs in a child process
# that drops its privileges to «nobody» (os.setuid) once its modules are loaded — the kernel then
# refuses writes exactly as for an operator whose folder is read-only. As an ordinary user the
# same test runs without the setuid.

_AS_USER = """
import os, sys
from pfdo_desktop.cli import main

warm, target, *command = sys.argv[1:]
import contextlib, io
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    main(["status", "--data-dir", warm])  # load every module the command needs while we still can
    main(["sync", "--data-dir", warm])
if os.geteuid() == 0:
    for folder, dirs, files in os.walk(os.environ["XDG_STATE_HOME"]):  # the log the warm-up began
        for name in [".", *dirs, *files]:
            os.chown(os.path.join(folder, name), NOBODY, NOBODY)
    os.setgid(NOBODY)
    os.setuid(NOBODY)
sys.exit(main([*command, "--data-dir", target]))
""".replace("NOBODY", str(NOBODY))


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder «nobody» can reach (pytest's tmp_path is private to root)."""
    base = Path(tempfile.mkdtemp(prefix="pfdo-perm-"))
    os.chmod(base, 0o755)
    try:
        yield base
    finally:
        shutil.rmtree(base, ignore_errors=True)


def _run_as_user(base: Path, target: Path, *command: str) -> subprocess.CompletedProcess[str]:
    from pfdo_desktop.workspace import Workspace

    warm = base / "warm"

    Workspace.open(warm).close()
    state = base / "state"
    state.mkdir(exist_ok=True)
    env = {**os.environ, "HOME": str(state), "XDG_STATE_HOME": str(state), "XDG_DATA_HOME": str(state),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    if os.geteuid() == 0:
        for path in [state, *state.rglob("*")]:
            os.chown(path, NOBODY, NOBODY)
    return subprocess.run([sys.executable, "-c", _AS_USER, str(warm), str(target), *command],
                          env=env, capture_output=True, text=True, timeout=120)


def _without_sidecars(target: Path) -> None:
    for side in target.glob("pfdo.sqlite3-*"):
        side.unlink()


def test_a_read_only_data_folder_says_no_access(shared_tmp):
    """The folder (made under another account, e.g. by an administrator) may be read, not written."""
    from pfdo_desktop.workspace import Workspace

    target = shared_tmp / "data"
    Workspace.open(target).close()
    _without_sidecars(target)
    os.chmod(target, 0o755)
    os.chmod(target / "pfdo.sqlite3", 0o644)
    if os.geteuid() != 0:  # as an ordinary user: the folder is the user's own, made read-only
        os.chmod(target, 0o555)
    before = (target / "pfdo.sqlite3").read_bytes()
    try:
        proc = _run_as_user(shared_tmp, target, "status")
    finally:
        os.chmod(target, 0o700)
    assert proc.returncode == 1, proc.stderr
    err = proc.stderr.strip()
    assert err.count("\n") == 0, err
    assert err.startswith(f"pfdo-desktop: Нет прав на запись в папку {target}"), err
    assert "Проверьте права на папку" in err and "внутренняя ошибка" not in err
    assert (target / "pfdo.sqlite3").read_bytes() == before


def test_a_read_only_database_file_says_no_access(shared_tmp):
    """The folder is the operator's, the database file is not (copied in by an administrator)."""
    from pfdo_desktop.workspace import Workspace

    target = shared_tmp / "data"
    Workspace.open(target).close()
    _without_sidecars(target)
    if os.geteuid() == 0:
        for path in (target, target / "backups", *(target / "backups").iterdir()):
            os.chown(path, NOBODY, NOBODY)
    os.chmod(target / "pfdo.sqlite3", 0o644 if os.geteuid() == 0 else 0o444)
    proc = _run_as_user(shared_tmp, target, "sync")
    assert proc.returncode == 1, proc.stderr
    err = proc.stderr.strip()
    assert err.count("\n") == 0, err
    assert err.startswith(f"pfdo-desktop: Нет прав на запись в файл {target / 'pfdo.sqlite3'}"), err
    assert "внутренняя ошибка" not in err
