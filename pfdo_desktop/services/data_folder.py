"""Moving the data folder («Настройки» → «Перенести…», ``pfdo-desktop move-data``; issue 14 §2).

The files' part of the move, with no Qt and no open workspace: ``check_target`` refuses what cannot
work before anything is written, ``copy_data_folder`` copies and checks, ``remove_old_folder`` deletes
the old folder afterwards. ``Workspace.move_data_folder`` puts them in order around the preference
switch and the scheduled task (workspace.py).

- The target must be a new or an empty folder, not inside the data folder (nor the data folder inside
  it), on a disk with room for everything, writable. A folder that holds only the leftover of an
  interrupted move (``MOVE_MARKER`` and the program's files) counts as empty: it is cleared first,
  and the result says so; with anything else beside it the refusal names it as such a leftover.
- Only the program's own entries are moved (``is_own``): the database, ``backups/`` (and a backup
  folder chosen inside the data folder), ``backups.json``, ``logs/``, ``updates/``, ``schedule.json``,
  the files a restore set aside (``pfdo.sqlite3.replaced-…``/``.damaged-…``) and the demo's
  ``demo/``. Whatever else the folder holds — the user's own files, when the data folder is
  «Документы» — is neither copied nor deleted, and the old folder stays with it (the result names it).
- The database is copied with SQLite's backup API (a consistent copy, whatever the WAL holds); the rest
  file by file with its permissions; the locks (sync, open, window), the database's -wal/-shm and the
  temporary files of an interrupted restore or creation are not (the copy is complete without them).
- The target gets ``MOVE_MARKER`` first; it is removed once the copy is checked and opened
  (``finish_copy``): a move killed midway leaves a copy marked as incomplete, which the next move may
  reuse and which the program never opens as a data folder.
- Checked before anything is switched: ``PRAGMA integrity_check`` of the copy, the same number of rows
  in every table as in the original, every other file the same size.
- Any failure removes what the move wrote in the target and leaves the old folder as it was; the
  message (``MoveRefused``, Russian) says what happened and what to do.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import shutil
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pfdo_desktop.domain.said import said
from pfdo_desktop.models.backups import SETTINGS_NAME as BACKUP_SETTINGS_NAME
from pfdo_desktop.models.backups import load_backup_settings
from pfdo_desktop.models.database import BACKUP_DIRNAME, DB_FILENAME, StorageError
from pfdo_desktop.models.folder_lock import LOCK_NAMES, MOVE_MARKER

log = logging.getLogger(__name__)

SYNC_LOCK = "sync.lock"
LOCKS = frozenset({SYNC_LOCK, *LOCK_NAMES})  # deleted last, after the move lets them go
_DB_SIDE = frozenset({f"{DB_FILENAME}-wal", f"{DB_FILENAME}-shm", f"{DB_FILENAME}-journal"})
# Not copied: the locks (held by the move itself) and the database's side files (the backup API's
# copy holds everything they did).
SKIPPED = frozenset({*LOCKS, *_DB_SIDE})
# The program's own entries in a data folder (besides the database): moved, and deleted from the old one.
OWN_NAMES = frozenset({DB_FILENAME, *SKIPPED, MOVE_MARKER, BACKUP_DIRNAME, BACKUP_SETTINGS_NAME,
                       f"{BACKUP_SETTINGS_NAME}.tmp", "schedule.json", "logs", "updates"})
KEPT_ASIDE = (f"{DB_FILENAME}.replaced-", f"{DB_FILENAME}.damaged-")  # a restore's: moved
# an interrupted restore's and creation's temporary files: deleted, not copied
TEMPORARY = (f"{DB_FILENAME}.restoring-", f"{DB_FILENAME}.new-")
DEMO_DIRNAME = "demo"
_DEMO_PARTS = frozenset({"portal", "desktop"})  # what demo.py makes in it
SPARE_BYTES = 16 << 20  # room left on the target disk after the copy (its own journal, the next backup)

ProgressFn = Callable[[str, int, int | None], None]


class MoveRefused(StorageError):
    """The data folder was not moved; the message says why and what to do, and that the data stay
    where they were."""

    code = "move_refused"


@dataclass(frozen=True)
class CopyReport:
    target: Path
    created: bool  # the move made the target folder (else it was an empty one)
    files: int  # besides the database
    size: int  # bytes, the database's copy included
    tables: int
    rows: int
    cleared_leftover: bool = False  # the target held an interrupted move's leftover, cleared first


def _mb(n: int) -> str:
    number = f"{max(n, 0) / (1 << 20):.0f}".replace(".", ",")
    return said("size.mb", number + " МБ", number=number)


def _absolute(path: Path) -> Path:
    return Path(os.path.abspath(os.path.expanduser(str(path))))


def _existing_ancestor(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return Path(path.anchor or ".")


def _own_backup_folder(source: Path) -> str | None:
    """The first part of a backup folder chosen inside the data folder (``backups.json``), if any."""
    folder = load_backup_settings(source).folder
    if not folder or Path(folder).is_absolute():
        return None
    parts = Path(folder).parts
    return parts[0] if parts and parts[0] not in (".", "..") else None


def is_own(source: Path, name: str, backup_folder: str | None = None) -> bool:
    """``name`` (an entry of the data folder ``source``) is the program's own: moved with the data and
    deleted from the old folder. Anything else is the user's and stays where it is."""
    if name in OWN_NAMES or name.startswith(KEPT_ASIDE + TEMPORARY) or name == backup_folder:
        return True
    if name == DEMO_DIRNAME:  # the demo's folder, as demo.py makes it
        path = source / name
        try:
            return path.is_dir() and not path.is_symlink() and {p.name for p in path.iterdir()} <= _DEMO_PARTS
        except OSError:
            return False
    return False


def _entries(source: Path) -> tuple[list[str], list[str]]:
    """(the program's own entries, the others) of ``source``, sorted."""
    backup_folder = _own_backup_folder(source)
    own: list[str] = []
    foreign: list[str] = []
    for name in sorted(os.listdir(source)):
        (own if is_own(source, name, backup_folder) else foreign).append(name)
    return own, foreign


def foreign_entries(source: Path) -> list[str]:
    """What in the data folder ``source`` is not the program's (the user's own files and folders)."""
    try:
        return _entries(source)[1]
    except OSError:
        return []


def _copied(name: str) -> bool:
    """A top-level own entry that is copied (the database goes through the backup API)."""
    return name not in SKIPPED and name not in (DB_FILENAME, MOVE_MARKER) and not name.startswith(TEMPORARY)


def _walk(source: Path) -> Iterator[Path]:
    """Every file and folder the move copies besides the database (relative to ``source``): the
    program's own entries and everything under them."""
    for name in _entries(source)[0]:
        if not _copied(name):
            continue
        top = source / name
        yield Path(name)
        if not top.is_dir() or top.is_symlink():
            continue
        for root, dirs, files in os.walk(top):
            here = Path(root).relative_to(source)
            dirs.sort()
            for sub in dirs:
                yield here / sub
            for sub in sorted(files):
                yield here / sub


def folder_size(source: Path) -> int:
    """Bytes the move copies: the database with its WAL (the copy holds both) and the rest."""
    total = 0
    for rel in _walk(source):
        path = source / rel
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    for name in (DB_FILENAME, f"{DB_FILENAME}-wal"):
        if (source / name).is_file():
            total += (source / name).stat().st_size
    return total


def check_target(source: Path, target: Path) -> Path:
    """The absolute target when the move can be tried; ``MoveRefused`` when it cannot (nothing is
    written either way)."""
    source, target = _absolute(source), _absolute(target)
    stay = said("move.stay", f"Данные остаются в папке {source}.", folder=str(source))
    if target == source:
        raise MoveRefused(said("move.same_folder", f"Данные уже в папке {target}: выберите другую папку.",
                               folder=str(target)))
    if target.is_relative_to(source):
        raise MoveRefused(said("move.inside_data", f"Папка {target} находится внутри папки данных {source}: "
                               f"выберите папку вне её (например, на другом диске). {stay}",
                               folder=str(target), source=str(source), stay=stay))
    if source.is_relative_to(target):
        raise MoveRefused(said(
            "move.contains_data", f"Папка данных {source} находится внутри папки {target}: "
            f"выберите новую пустую папку. {stay}",
            folder=str(target), source=str(source), stay=stay))
    if target.exists():
        if not target.is_dir():
            raise MoveRefused(said(
                "move.a_file", f"{target} — это файл, а не папка: выберите пустую папку или "
                f"новую. {stay}", folder=str(target), stay=stay))
        try:
            busy = any(target.iterdir())
        except OSError:
            raise MoveRefused(said(
                "move.no_access", f"Нет доступа к папке {target}: выберите папку, в которую "
                f"вы можете записывать (например, в «Документах»). {stay}",
                folder=str(target), stay=stay)) from None
        if busy and (target / MOVE_MARKER).exists():
            if not is_leftover(target):
                raise MoveRefused(said(
                    "move.leftover_not_empty", f"В папке {target} остатки прерванного переноса данных (файл "
                    f"{MOVE_MARKER}) и другие файлы. Остатки (базу, резервные копии) можно удалить: "
                    "данные — в прежней папке. Удалите их или выберите другую папку. "
                    f"{stay}", folder=str(target), marker=MOVE_MARKER, stay=stay))
        elif busy:
            raise MoveRefused(said("move.not_empty", f"Папка {target} не пуста: выберите пустую папку или "
                                   f"укажите новую — программа создаст её сама. {stay}",
                                   folder=str(target), stay=stay))
    ancestor = _existing_ancestor(target)
    if not os.access(ancestor, os.W_OK | os.X_OK):
        raise MoveRefused(said(
            "move.no_write", f"Нет прав на запись в папку {ancestor}: выберите папку, в "
            "которую вы можете записывать (например, в «Документах»), или попросите права у "
            f"администратора. {stay}", folder=str(ancestor), stay=stay))
    needed = folder_size(source) + SPARE_BYTES
    free = shutil.disk_usage(ancestor).free + (_size_of(target) if is_leftover(target) else 0)
    if free < needed:
        raise MoveRefused(said("move.no_space", f"На диске с папкой {target} недостаточно места: нужно "
                               f"{_mb(needed)}, свободно {_mb(free)}. Освободите место или выберите другой "
                               f"диск. {stay}", folder=str(target), needed=_mb(needed), free=_mb(free),
                               stay=stay))
    return target


def is_leftover(target: Path) -> bool:
    """``target`` holds only what an interrupted move left: its marker and the program's own entries
    (the next move clears it and copies anew)."""
    try:
        if not (target / MOVE_MARKER).is_file():
            return False
        return not _entries(target)[1]
    except OSError:
        return False


def _size_of(folder: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            try:
                total += (Path(root) / name).lstat().st_size
            except OSError:
                pass
    return total


def _clear(target: Path, names: Iterable[str]) -> None:
    for name in names:
        path = target / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)


def _failure(exc: BaseException, target: Path, source: Path) -> MoveRefused:
    stay = said(
        "move.stay_working", f"Данные остаются в папке {source}, программа работает с ними как прежде.",
        folder=str(source))
    if isinstance(exc, MoveRefused):
        return exc
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return MoveRefused(said("move.failed_full", f"Перенос не выполнен: на диске с папкой {target} "
                                f"закончилось место. Освободите место или выберите другой диск. {stay}",
                                folder=str(target), stay=stay))
    denied = (errno.EACCES, errno.EPERM, errno.EROFS)
    if isinstance(exc, PermissionError) or isinstance(exc, OSError) and exc.errno in denied:
        return MoveRefused(said(
            "move.failed_denied", f"Перенос не выполнен: нет прав на запись в папку {target} "
            f"(или диск только для чтения). Выберите другую папку. {stay}",
            folder=str(target), stay=stay))
    if isinstance(exc, sqlite3.Error) and "full" in str(exc).lower():
        return MoveRefused(said("move.failed_full_db", f"Перенос не выполнен: на диске с папкой {target} "
                                f"закончилось место. {stay}", folder=str(target), stay=stay))
    if isinstance(exc, StorageError):
        return MoveRefused(said("move.failed_storage", f"Перенос не выполнен: {exc.message} {stay}",
                                why=exc.message, stay=stay))
    return MoveRefused(said(
        "move.failed_write", f"Перенос не выполнен: ошибка записи в папку {target} "
        f"({type(exc).__name__}). Проверьте диск и попробуйте ещё раз или выберите другую "
        f"папку. {stay}", folder=str(target), error=type(exc).__name__, stay=stay))


def _tables(con: sqlite3.Connection) -> dict[str, int]:
    names = [str(r[0]) for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {name: int(con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]) for name in names}


def _copy_database(source_db: Path, target_db: Path) -> tuple[int, int]:
    """The database through the backup API, then checked; (tables, rows)."""
    os.close(os.open(target_db, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    src = sqlite3.connect(source_db)
    try:
        dst = sqlite3.connect(target_db)
        try:
            src.backup(dst)
            rows = [str(r[0]) for r in dst.execute("PRAGMA integrity_check")]
            if rows != ["ok"]:
                raise MoveRefused(said(
                    "move.copy_damaged", f"Копия базы в {target_db.parent} не прошла проверку "
                    "целостности; перенос отменён. Проверьте диск или выберите другую папку.",
                    folder=str(target_db.parent)))
            before, after = _tables(src), _tables(dst)
        finally:
            dst.close()
    finally:
        src.close()
    if before != after:
        differ = sorted(name for name in set(before) | set(after) if before.get(name) != after.get(name))
        log.warning("moved database differs in %d table(s)", len(differ))
        raise MoveRefused(said(
            "move.copy_differs", "Копия базы не совпала с оригиналом (данные менялись во "
            "время переноса); перенос отменён. Закройте другие окна программы и повторите."))
    return len(after), sum(after.values())


def copy_data_folder(source: Path, target: Path, progress: ProgressFn | None = None) -> CopyReport:
    """Copy ``source`` (the data folder, its workspace closed or idle) into ``target`` (checked by
    ``check_target``) and verify the copy. On any failure what was written in ``target`` is removed
    and ``MoveRefused`` says what to do; ``source`` is never touched."""
    source, target = _absolute(source), _absolute(target)
    say = progress or (lambda _text, _done, _total: None)
    created = not target.exists()
    leftover = not created and is_leftover(target)
    try:
        target.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(target, 0o700)
        _write_marker(target, source)  # first: a copy killed midway is known for what it is
        if leftover:
            say(said("move.clearing_leftover", "Удаляю остатки прерванного переноса…"), 0, None)
            _clear(target, (name for name in os.listdir(target) if name != MOVE_MARKER))
            log.info("an interrupted move's leftover was cleared in the target")
        say(said("move.copying_database", "Копирую базу данных…"), 0, None)
        tables, rows = (0, 0)
        if (source / DB_FILENAME).is_file():
            tables, rows = _copy_database(source / DB_FILENAME, target / DB_FILENAME)
        entries = list(_walk(source))
        files = size = 0
        for number, rel in enumerate(entries, 1):
            src, dst = source / rel, target / rel
            if src.is_symlink():
                os.symlink(os.readlink(src), dst)
            elif src.is_dir():
                dst.mkdir(exist_ok=True)
                shutil.copymode(src, dst)
            else:
                shutil.copy2(src, dst)
                if dst.stat().st_size != src.stat().st_size:
                    raise MoveRefused(said(
                        "move.file_incomplete", f"Файл {rel} скопирован не полностью; перенос "
                        "отменён. Проверьте диск.", file=str(rel)))
                files += 1
                size += dst.stat().st_size
            say(said(
                "move.copying_files", "Копирую резервные копии и остальные файлы…"), number, len(entries))
        if (target / DB_FILENAME).is_file():
            size += (target / DB_FILENAME).stat().st_size
    except BaseException as exc:
        _clean(target, created)
        if isinstance(exc, Exception):
            raise _failure(exc, target, source) from exc
        raise
    log.info("data folder copied: %d tables, %d files", tables, files)
    return CopyReport(target=target, created=created, files=files, size=size, tables=tables, rows=rows,
                      cleared_leftover=leftover)


def _write_marker(target: Path, source: Path) -> None:
    fd = os.open(target / MOVE_MARKER, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump({"moving_from": str(source), "pid": os.getpid(),
                   "note": "Незавершённый перенос папки данных PFDO Desktop: эту папку можно удалить, "
                           "данные остались в прежней папке."}, out, ensure_ascii=False, indent=1)


def finish_copy(report: CopyReport) -> None:
    """The copy is checked and opened: it is no longer an incomplete one (the marker goes)."""
    (report.target / MOVE_MARKER).unlink(missing_ok=True)


def is_incomplete_copy(folder: Path) -> bool:
    """``folder`` holds a move's copy that was never completed (its marker is there)."""
    return (Path(folder) / MOVE_MARKER).exists()


def discard_copy(report: CopyReport) -> None:
    """Undo ``copy_data_folder`` when a later step of the move fails."""
    _clean(report.target, report.created)


def _clean(target: Path, created: bool) -> None:
    """Remove what a failed move wrote: the folder it created, or the contents of the empty one it
    was given."""
    try:
        if created:
            shutil.rmtree(target, ignore_errors=True)
        elif target.is_dir():
            for child in target.iterdir():
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child, ignore_errors=True)
                else:
                    child.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("a failed move left files in the target: %s", type(exc).__name__)


def remove_old_folder(source: Path, release: Callable[[], None] | None = None) -> str | None:
    """Delete the program's entries from the old data folder after a verified move, and the folder
    itself when nothing else is in it; the user's own files stay (``foreign_entries`` names them).

    The database and everything else go first, while the move still holds the folder (nobody can
    open the old database meanwhile); then ``release`` lets the locks go, and the lock files and the
    folder follow. None when all of the program's entries are gone, else why some stay (a file
    another program holds open, no right to delete) — the data are safe in the new folder."""
    problems: list[str] = []

    def note(_function: object, path: str, exc: BaseException | tuple[object, BaseException, object]) -> None:
        error = exc[1] if isinstance(exc, tuple) else exc
        problems.append(f"{Path(path).name}: {getattr(error, 'strerror', None) or type(error).__name__}")

    def rmtree(path: Path) -> None:
        if sys.version_info >= (3, 12):
            shutil.rmtree(path, onexc=note)
        else:
            shutil.rmtree(path, onerror=note)

    def remove(names: Iterable[str]) -> None:
        for name in names:
            path = source / name
            try:
                if path.is_dir() and not path.is_symlink():
                    rmtree(path)
                else:
                    path.unlink(missing_ok=True)
            except OSError as exc:
                note(None, str(path), exc)

    try:
        own, foreign = _entries(source)
    except OSError as exc:
        own, foreign = [], []
        note(None, str(source), exc)
    database = [name for name in own if name == DB_FILENAME or name in _DB_SIDE]
    remove(database)  # the database first: no one may find it here any more
    remove(name for name in own if name not in LOCKS and name not in database)
    if release is not None:
        release()
    if foreign:
        remove(name for name in own if name in LOCKS)
        log.info("the old data folder keeps %d entries that are not the program's", len(foreign))
        if not problems:
            return None
    else:
        rmtree(source)
        if not source.exists():
            return None
    log.warning("the old data folder was not removed completely (%d problem(s))", len(problems))
    return problems[0] if problems else said("move.folder_not_removed", "папка не удалена")


def is_demo_folder(path: Path) -> bool:
    """The demo's own folder (``<data>/demo/desktop``, demo.py): it is not moved — it is recreated
    at every ``--demo`` start."""
    path = _absolute(path)
    return path.name == "desktop" and path.parent.name == "demo"


__all__ = ["MOVE_MARKER", "CopyReport", "MoveRefused", "check_target", "copy_data_folder", "discard_copy",
           "finish_copy", "folder_size", "foreign_entries", "is_demo_folder", "is_incomplete_copy",
           "is_leftover", "is_own", "remove_old_folder"]
