"""Who has a data folder open (models/folder_lock.py; outside review of issue 14, F1): any number of
workspaces at once, none while a move or a restore runs; a second window refused; a killed program
holds nothing; a file system without locks costs nothing. (The Windows branch — LockFileEx — runs on
Windows only; here the module loads and the POSIX one, flock, is exercised.)"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys

import pytest

from pfdo_desktop.models import folder_lock
from pfdo_desktop.models.backups import RestoreRefused


def test_workspaces_share_the_folder_and_a_move_or_restore_waits_for_none_of_them(tmp_path):
    first = folder_lock.hold_open(tmp_path, create=True)
    second = folder_lock.hold_open(tmp_path, create=True)
    with pytest.raises(folder_lock.FolderInUse) as refused, folder_lock.exclusive(tmp_path):
        pass
    assert "сейчас использует другая программа или окно PFDO Desktop" in refused.value.message
    assert str(tmp_path) in refused.value.message
    folder_lock.release_all(first)
    with pytest.raises(RestoreRefused, match="закройте их"), folder_lock.exclusive(tmp_path, RestoreRefused):
        pass
    folder_lock.release_all(second)
    with folder_lock.exclusive(tmp_path) as hold:
        assert hold is not None and hold.held
    assert folder_lock.try_hold(tmp_path, exclusive=True) is not None  # let go at the block's end


def test_an_opening_during_a_move_waits_then_says_so_and_never_recreates_a_moved_database(tmp_path,
                                                                                          monkeypatch):
    monkeypatch.setattr(folder_lock, "SHARED_WAIT_S", 0.0)
    (tmp_path / "pfdo.sqlite3").write_bytes(b"")
    with folder_lock.exclusive(tmp_path):
        with pytest.raises(folder_lock.FolderBusy) as busy:
            folder_lock.hold_open(tmp_path, create=True)
        assert "сейчас переносит или восстанавливает" in busy.value.message
    monkeypatch.setattr(folder_lock, "try_hold", _a_move_finishing_while_waited_for)
    with pytest.raises(folder_lock.FolderBusy) as moved:
        folder_lock.hold_open(tmp_path, create=True)
    assert "перенесли в другое место" in moved.value.message
    assert "запустите программу снова" in moved.value.message
    assert not (tmp_path / "pfdo.sqlite3").exists()


def _a_move_finishing_while_waited_for(folder, name=folder_lock.OPEN_LOCK, *, exclusive, wait=0.0):
    """The lock is the move's at the first try; while the opening waits, the move takes the database
    away and lets the lock go."""
    database = folder / "pfdo.sqlite3"
    if database.exists():
        database.unlink()
        return None
    return folder_lock.Hold(folder / name, None, exclusive)


def test_one_window_per_folder(tmp_path):
    window = folder_lock.hold_open(tmp_path, create=True, window=True)
    with pytest.raises(folder_lock.WindowAlreadyOpen) as second:
        folder_lock.hold_open(tmp_path, create=True, window=True)
    assert second.value.message.startswith("Программа уже открыта с этой папкой данных")
    assert folder_lock.hold_open(tmp_path, create=True)  # a command beside the window
    folder_lock.release_all(window)
    folder_lock.release_all(folder_lock.hold_open(tmp_path, create=True, window=True))


def test_a_read_only_command_creates_nothing_where_there_is_no_database(tmp_path):
    folder = tmp_path / "нет"
    assert folder_lock.hold_open(folder, create=False) == [] and not folder.exists()


def test_a_killed_program_holds_nothing(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from pathlib import Path; "
         "from pfdo_desktop.models import folder_lock; "
         "folder_lock.hold_open(Path(sys.argv[1]), create=True); "
         "print('held', flush=True); sys.stdin.read()", str(tmp_path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    with pytest.raises(folder_lock.FolderInUse), folder_lock.exclusive(tmp_path):
        pass
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=60)
    holder.stdout.close()
    holder.stdin.close()  # type: ignore[union-attr]
    with folder_lock.exclusive(tmp_path) as hold:
        assert hold is not None and hold.held


def test_a_file_system_without_locks_works_as_before(tmp_path, monkeypatch):
    def no_locks(_fd, _exclusive):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(folder_lock, "_lock", no_locks)
    holds = folder_lock.hold_open(tmp_path, create=True, window=True)
    assert [hold.held for hold in holds] == [False, False]
    with folder_lock.exclusive(tmp_path) as hold:
        assert hold is not None and not hold.held
    folder_lock.release_all(holds)
