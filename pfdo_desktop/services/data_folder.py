"""Moving the data folder («Настройки» → «Перенести…», ``pfdo-desktop move-data``; issue 14 §2).

The files' part of the move, with no Qt and no open workspace: ``check_target`` refuses what cannot
work before anything is written, ``copy_data_folder`` copies and checks, ``remove_old_folder`` deletes
the old folder afterwards. ``Workspace.move_data_folder`` puts them in order around the preference
switch and the scheduled task (workspace.py).

- The target must be a new or an empty folder, not inside the data folder (nor the data folder inside
  it), on a disk with room for everything, writable.
- The database is copied with SQLite's backup API (a consistent copy, whatever the WAL holds); the rest
  of the folder (``backups/``, ``logs/``, ``schedule.json``, ``backups.json``, downloaded updates, the
  files a restore set aside) is copied file by file with its permissions; the sync lock and the
  database's -wal/-shm are not (the copy is complete without them).
- Checked before anything is switched: ``PRAGMA integrity_check`` of the copy, the same number of rows
  in every table as in the original, every other file the same size.
- Any failure removes what the move wrote in the target and leaves the old folder as it was; the
  message (``MoveRefused``, Russian) says what happened and what to do.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import sqlite3
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pfdo_desktop.domain.said import said
from pfdo_desktop.models.database import DB_FILENAME, StorageError

log = logging.getLogger(__name__)

# Not copied: the sync lock (held by the move itself) and the database's side files (the backup API's
# copy holds everything they did).
SKIPPED = frozenset({"sync.lock", f"{DB_FILENAME}-wal", f"{DB_FILENAME}-shm", f"{DB_FILENAME}-journal"})
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


def _walk(source: Path) -> Iterator[Path]:
    """Every file and folder under ``source`` (relative), the skipped files left out."""
    for root, dirs, files in os.walk(source):
        here = Path(root).relative_to(source)
        dirs.sort()
        for name in dirs:
            yield here / name
        for name in sorted(files):
            if here == Path(".") and (name in SKIPPED or name == DB_FILENAME):
                continue
            yield here / name


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
        if busy:
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
    free = shutil.disk_usage(ancestor).free
    if free < needed:
        raise MoveRefused(said("move.no_space", f"На диске с папкой {target} недостаточно места: нужно "
                               f"{_mb(needed)}, свободно {_mb(free)}. Освободите место или выберите другой "
                               f"диск. {stay}", folder=str(target), needed=_mb(needed), free=_mb(free),
                               stay=stay))
    return target


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
    try:
        target.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(target, 0o700)
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
    return CopyReport(target=target, created=created, files=files, size=size, tables=tables, rows=rows)


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


def remove_old_folder(source: Path) -> str | None:
    """Delete the old data folder after a verified move; None when it is gone, else why it stays (a
    file another program holds open, no right to delete) — the data are safe in the new folder."""
    problems: list[str] = []

    def note(_function: object, path: str, exc: BaseException | tuple[object, BaseException, object]) -> None:
        error = exc[1] if isinstance(exc, tuple) else exc
        problems.append(f"{Path(path).name}: {getattr(error, 'strerror', None) or type(error).__name__}")

    if sys.version_info >= (3, 12):
        shutil.rmtree(source, onexc=note)
    else:
        shutil.rmtree(source, onerror=note)
    if not source.exists():
        return None
    log.warning("the old data folder was not removed completely (%d problem(s))", len(problems))
    return problems[0] if problems else said("move.folder_not_removed", "папка не удалена")


def is_demo_folder(path: Path) -> bool:
    """The demo's own folder (``<data>/demo/desktop``, demo.py): it is not moved — it is recreated
    at every ``--demo`` start."""
    path = _absolute(path)
    return path.name == "desktop" and path.parent.name == "demo"


__all__ = ["CopyReport", "MoveRefused", "check_target", "copy_data_folder", "discard_copy", "folder_size",
           "is_demo_folder", "remove_old_folder"]
