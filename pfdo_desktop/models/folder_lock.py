"""Who has a data folder open (issue 14 review F1): the "open" lock and the window's lock.

Every open workspace holds ``open.lock`` in its data folder SHARED for its lifetime (a second window, a
``pfdo-desktop`` command, the scheduled sync: any number at once). Moving the folder and restoring a
backup over its database take it EXCLUSIVE, at once or not at all: while another program has the
folder open they are refused («закройте их и повторите») — that program would go on writing into a
file the move deletes or the restore sets aside, and its work would be lost without a word. A
workspace that finds a move or a restore under way waits for it a little (``SHARED_WAIT_S``), then
says so; one that waited and finds the database gone (the folder was moved away meanwhile) says
that too, instead of creating a new, empty database in the old place.

``window.lock`` is held EXCLUSIVE by the window (one window per data folder): a second window on the
same folder is refused with «Программа уже открыта с этой папкой данных».

The locks are the operating system's own and go with the process: a program that is killed or
crashes holds nothing. POSIX: ``flock`` (per open file, so two workspaces of one process count as
two holders, as two processes do). Windows: ``LockFileEx`` on the file's first byte (shared or
exclusive, per handle). Where the file system has no locks (some network shares), the lock is
skipped with a warning and the program works as before.
"""

from __future__ import annotations

import errno
import logging
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pfdo_desktop.domain.said import Said, said

from .database import DB_FILENAME, StorageError

log = logging.getLogger(__name__)

MOVE_MARKER = ".pfdo-move-incomplete"  # a move's copy that is not complete and checked yet (data_folder.py)
OPEN_LOCK = "open.lock"
WINDOW_LOCK = "window.lock"
LOCK_NAMES = (OPEN_LOCK, WINDOW_LOCK)
SHARED_WAIT_S = 20.0  # how long an opening workspace waits for another program's move or restore
POLL_S = 0.1


class FolderInUse(StorageError):
    """A move or a restore refused: another program has the data folder open."""

    code = "folder_in_use"


class FolderBusy(StorageError):
    """A workspace could not open the folder: another program is moving it or restoring a backup in it
    (or moved it away while this one waited)."""

    code = "folder_busy"


class WindowAlreadyOpen(StorageError):
    """A second window on the same data folder."""

    code = "window_already_open"

    def __init__(self, folder: Path) -> None:
        super().__init__(said(
            "folder.window_open", f"Программа уже открыта с этой папкой данных ({folder}): перейдите в её "
            "окно. Чтобы одновременно работать с другой организацией, запустите программу с другой папкой "
            "данных (--data-dir).", folder=str(folder)))
        self.folder = folder


def in_use_message(folder: Path) -> Said:
    """Why a move or a restore is refused while others have the folder open."""
    return said(
        "folder.in_use", f"Папку данных {folder} сейчас использует другая программа или окно PFDO Desktop "
        "(второе окно программы, команда pfdo-desktop или синхронизация по расписанию): закройте их и "
        "повторите.", folder=str(folder))


# --- the operating system's locks ------------------------------------------------------------------------

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import ctypes
    import msvcrt
    from ctypes import wintypes

    _LOCKFILE_FAIL_IMMEDIATELY = 0x1
    _LOCKFILE_EXCLUSIVE_LOCK = 0x2
    _ERROR_LOCK_VIOLATION = 33
    _ERROR_IO_PENDING = 997

    class _Overlapped(ctypes.Structure):
        _fields_ = [
            ("Internal", ctypes.c_size_t),  # ULONG_PTR
            ("InternalHigh", ctypes.c_size_t),  # ULONG_PTR
            ("Offset", wintypes.DWORD),
            ("OffsetHigh", wintypes.DWORD),
            ("hEvent", wintypes.HANDLE),
        ]

    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    _LockFileEx = _kernel32.LockFileEx
    _LockFileEx.argtypes = [wintypes.HANDLE, wintypes.DWORD, wintypes.DWORD, wintypes.DWORD, wintypes.DWORD,
                            ctypes.POINTER(_Overlapped)]
    _LockFileEx.restype = wintypes.BOOL
    _UnlockFileEx = _kernel32.UnlockFileEx
    _UnlockFileEx.argtypes = [wintypes.HANDLE, wintypes.DWORD, wintypes.DWORD, wintypes.DWORD,
                              ctypes.POINTER(_Overlapped)]
    _UnlockFileEx.restype = wintypes.BOOL

    def _lock(fd: int, exclusive: bool) -> bool:
        """Lock the file's first byte without waiting: True when taken, False when another handle
        holds a conflicting lock."""
        handle = wintypes.HANDLE(msvcrt.get_osfhandle(fd))
        flags = _LOCKFILE_FAIL_IMMEDIATELY | (_LOCKFILE_EXCLUSIVE_LOCK if exclusive else 0)
        overlapped = _Overlapped()  # offset 0: the first byte (a lock past the end of a file is allowed)
        if _LockFileEx(handle, flags, 0, 1, 0, ctypes.byref(overlapped)):
            return True
        error = ctypes.get_last_error()
        if error in (_ERROR_LOCK_VIOLATION, _ERROR_IO_PENDING):
            return False
        raise ctypes.WinError(error)

    def _unlock(fd: int) -> None:
        handle = wintypes.HANDLE(msvcrt.get_osfhandle(fd))
        overlapped = _Overlapped()
        if not _UnlockFileEx(handle, 0, 1, 0, ctypes.byref(overlapped)):
            raise ctypes.WinError(ctypes.get_last_error())

    _OPEN_FLAGS = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOINHERIT", 0)
else:
    import fcntl

    def _lock(fd: int, exclusive: bool) -> bool:
        """``flock`` without waiting: True when taken, False when another open file holds a
        conflicting lock."""
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

    _OPEN_FLAGS = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0)


class Hold:
    """One lock held on one lock file (``fd`` None: the file system had no locks; nothing is held)."""

    def __init__(self, path: Path, fd: int | None, exclusive: bool) -> None:
        self.path = path
        self.fd = fd
        self.exclusive = exclusive

    @property
    def held(self) -> bool:
        return self.fd is not None

    def release(self) -> None:
        """Let the lock go and close the file (again: nothing)."""
        fd, self.fd = self.fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        except OSError as exc:  # closing the file lets the lock go anyway
            log.warning("a folder lock was not unlocked cleanly: %s", type(exc).__name__)
        finally:
            os.close(fd)

    def __enter__(self) -> Hold:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def __repr__(self) -> str:
        return f"Hold({self.path.name}, {'exclusive' if self.exclusive else 'shared'}, held={self.held})"


def _attempt(path: Path, exclusive: bool) -> Hold | None:
    """One try: the hold, or None while another holder conflicts. The file is closed again after a
    refusal, so a waiting program does not keep it open (a move deletes it)."""
    try:
        fd = os.open(path, _OPEN_FLAGS, 0o600)
    except OSError as exc:
        if sys.platform == "win32" and isinstance(exc, PermissionError) and path.exists():
            return None  # Windows: the file is being deleted by a move (or held without sharing): busy
        log.warning("folder lock %s not opened (%s): working without it", path.name, type(exc).__name__)
        return Hold(path, None, exclusive)
    try:
        taken = _lock(fd, exclusive)
    except OSError as exc:  # a file system without locks
        os.close(fd)
        log.warning("folder lock %s not supported here (%s): working without it", path.name,
                    type(exc).__name__)
        return Hold(path, None, exclusive)
    except BaseException:
        os.close(fd)
        raise
    if not taken:
        os.close(fd)
        return None
    return Hold(path, fd, exclusive)


def try_hold(folder: Path, name: str = OPEN_LOCK, *, exclusive: bool, wait: float = 0.0) -> Hold | None:
    """The lock ``name`` of ``folder`` (an existing folder), shared or exclusive, waiting up to ``wait``
    seconds; None when another holder still conflicts."""
    path = Path(folder) / name
    deadline = time.monotonic() + max(wait, 0.0)
    while True:
        hold = _attempt(path, exclusive)
        if hold is not None or time.monotonic() >= deadline:
            return hold
        time.sleep(POLL_S)


def hold_open(folder: Path, *, create: bool, window: bool = False) -> list[Hold]:
    """The holds of a workspace opening ``folder``: the window's (``window``; ``WindowAlreadyOpen`` when
    another window has it) and the shared "open" lock (waiting ``SHARED_WAIT_S`` for another program's
    move or restore, then ``FolderBusy``). Nothing is created where ``create`` is False and there is no
    database; a folder that cannot be made is left to the database's own, clearer refusal."""
    folder = Path(folder)
    database = folder / DB_FILENAME
    had_database = database.is_file()
    if not had_database and not create:
        return []
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return []  # open_database says what is wrong with the folder
    holds: list[Hold] = []
    try:
        if window:
            hold = try_hold(folder, WINDOW_LOCK, exclusive=True)
            if hold is None:
                raise WindowAlreadyOpen(folder)
            holds.append(hold)
        hold = try_hold(folder, OPEN_LOCK, exclusive=False)
        if hold is None:
            log.info("the data folder is being moved or restored by another program: waiting")
            hold = try_hold(folder, OPEN_LOCK, exclusive=False, wait=SHARED_WAIT_S)
            if hold is None:
                raise FolderBusy(said(
                    "folder.busy", f"Папку данных {folder} сейчас переносит или восстанавливает из резервной "
                    "копии другое окно PFDO Desktop или команда pfdo-desktop: дождитесь окончания и "
                    "повторите.", folder=str(folder)))
            if had_database and not database.is_file():
                hold.release()
                raise FolderBusy(said(
                    "folder.moved_away", f"Пока программа ждала, папку данных {folder} перенесли в другое "
                    "место (другое окно программы или команда pfdo-desktop move-data): запустите программу "
                    "снова — она откроет новую папку.", folder=str(folder)))
        holds.append(hold)
    except BaseException:
        release_all(holds)
        raise
    return holds


@contextmanager
def exclusive(folder: Path, refused: Callable[[str], BaseException] = FolderInUse,
              message: str | None = None) -> Iterator[Hold | None]:
    """The folder's "open" lock held exclusive while the block runs, taken at once or ``refused``
    (with ``message``, by default ``in_use_message``). A folder that is not there: nothing to hold
    (None)."""
    folder = Path(folder)
    if not folder.is_dir():
        yield None
        return
    hold = try_hold(folder, OPEN_LOCK, exclusive=True)
    if hold is None:
        raise refused(message or in_use_message(folder))
    try:
        yield hold
    finally:
        hold.release()


def release_all(holds: list[Hold]) -> None:
    """Let every hold go (the last taken first) and forget them."""
    while holds:
        holds.pop().release()


__all__ = ["LOCK_NAMES", "MOVE_MARKER", "OPEN_LOCK", "SHARED_WAIT_S", "WINDOW_LOCK", "FolderBusy",
           "FolderInUse", "Hold", "WindowAlreadyOpen", "exclusive", "hold_open", "in_use_message",
           "release_all", "try_hold"]
