"""Backups of the operator database and restoring one (issue 10 §4), and where they go (issue 14 §2).

Backups live in ``backups/`` next to the database unless «Настройки» chose another folder (another
disk, a USB stick): one before each migration (always in ``backups/``: it is taken while the database
opens, and must not depend on a stick being there), one a day when the program opens and one right
after an enrolment (``database.backup_database`` / ``daily_backup`` / ``enrolled_backup``), the last
``keep_daily`` days of daily copies kept. ``list_backups`` looks in both folders and says what each
copy holds (and whether its PC was connected to the portal); ``restore_backup`` checks the chosen one
(``PRAGMA integrity_check``), keeps the current file aside as ``pfdo.sqlite3.damaged-YYYYMMDD-HHMMSS``
(with its -wal/-shm) and puts the copy in its place (0600). Backups are only read here, through
read-only, immutable connections.

The chosen folder and the count are the data folder's, kept in ``<data folder>/backups.json``
(``BackupSettings``): not in the database, whose settings cannot be read exactly when the copies are
needed (a damaged file) and would go back in time with a restored copy; not in the user's
preferences, because each data folder (each organisation) has its own copies, and the file moves
with its folder.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from pfdo_desktop.domain.said import said

from .database import (
    AHEAD_LABEL,
    BACKUP_DIRNAME,
    DAILY_KEEP,
    DAILY_LABEL,
    DB_FILENAME,
    ENROLLED_LABEL,
    SQLITE_HEADER,
    DatabaseError,
    StorageError,
    _daily_backups,
    _fsync_dir,
    _restrict,
    _rotate_daily,
    daily_backup,
    translated_errors,
)

log = logging.getLogger(__name__)

_NAME = re.compile(r"^pfdo-(\d{8}-\d{6})(?:-\d+)?-(.+)\.sqlite3$")

KIND_DAILY = "daily"
KIND_MIGRATION = "migration"
KIND_ENROLLED = "enrolled"
KIND_MANUAL = "manual"
KINDS_RU = {
    KIND_DAILY: "ежедневная",
    KIND_MIGRATION: "перед обновлением программы",
    KIND_ENROLLED: "после подключения к порталу",
    KIND_MANUAL: "сделана вручную",
}

NOT_ENROLLED_RU = said("backup.not_enrolled", "ПК в этой копии не подключён к порталу — после "
                       "восстановления понадобится новый код подключения")


@dataclass(frozen=True)
class BackupInfo:
    """One backup and what it holds (counts are None when the copy cannot be read)."""

    path: Path
    taken_at: datetime
    size: int
    kind: str
    sound: bool
    problem: str = ""
    schema: str | None = None
    children: int | None = None
    groups: int | None = None
    marks: int | None = None
    unsent: int | None = None
    # Whether the copy's PC was connected to a portal (None: unknown, e.g. an unreadable copy). A copy
    # taken before the first enrolment is not: restoring it needs a new enrolment code.
    enrolled: bool | None = None
    # Dated after the day it was seen on (the PC's clock ran ahead): never proposed as the newest.
    clock_ahead: bool = False

    @property
    def kind_ru(self) -> str:
        return KINDS_RU.get(self.kind, self.kind)

    @property
    def not_enrolled(self) -> bool:
        return self.sound and self.enrolled is False

    def holds_ru(self) -> str:
        """«детей 120, групп 8, отметок 5 432, неотправленных изменений 3, схема 0004_…»."""
        if not self.sound:
            return said("backup.damaged", f"повреждена: {self.problem}", problem=self.problem)

        def n(value: int | None) -> str:
            return "—" if value is None else f"{value:,}".replace(",", "\u00a0")

        return said(
            "backup.holds", f"детей {n(self.children)}, групп {n(self.groups)}, отметок {n(self.marks)}, "
            f"неотправленных изменений {n(self.unsent)}, схема {self.schema or '—'}",
            children=n(self.children), groups=n(self.groups), marks=n(self.marks), unsent=n(self.unsent),
            schema=self.schema or "—")


@dataclass(frozen=True)
class RestoreResult:
    backup: BackupInfo
    database: Path
    kept_aside: Path | None  # the file that was replaced (None: there was no database)

    def message_ru(self) -> str:
        taken, holds = f"{self.backup.taken_at:%d.%m.%Y %H:%M}", self.backup.holds_ru()
        text = said("backup.restored", f"База восстановлена из резервной копии от {taken} ({holds}).",
                    taken=taken, holds=holds)
        if self.kept_aside is not None:
            text = said(
                "backup.restored_kept", text + f" Прежний файл сохранён как {self.kept_aside}: изменения, "
                "сделанные после этой копии и не отправленные на портал, остались только в нём.",
                restored=text, file=str(self.kept_aside))
        if self.backup.not_enrolled:
            return said(
                "backup.restored_enrol", text + f" {NOT_ENROLLED_RU} (его выдаёт муниципальный опорный "
                "центр); после подключения всё, что есть на портале, загрузится заново.",
                restored=text, note=NOT_ENROLLED_RU)
        return said(
            "backup.restored_sync", text + " Синхронизируйте: всё, что есть на портале, загрузится заново.",
            restored=text)


class BackupUnusable(DatabaseError):
    """The chosen backup cannot be restored (damaged, not a PFDO database, too new, missing)."""

    code = "backup_unusable"


class RestoreRefused(DatabaseError):
    """The current database is sound: restoring would throw away good work unless forced."""

    code = "restore_refused"


# --- where the copies go and how many are kept («Настройки», issue 14 §2) -----------------------------

SETTINGS_NAME = "backups.json"
KEEP_CHOICES = (7, 14, 30, 60)  # days of daily copies


@dataclass(frozen=True)
class BackupSettings:
    """``folder``: None — ``<data folder>/backups``; a path inside the data folder is kept relative
    (it moves with the folder), any other absolute. ``keep_daily``: days of daily copies kept."""

    folder: str | None = None
    keep_daily: int = DAILY_KEEP


class BackupFolderRefused(StorageError):
    """The folder chosen for backups cannot take them (no access, not a folder, full): nothing was
    changed; the message says what to do."""

    code = "backup_folder"


def default_backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIRNAME


def load_backup_settings(data_dir: Path) -> BackupSettings:
    """The data folder's backup settings; a missing or unreadable file is the defaults."""
    try:
        raw = json.loads((data_dir / SETTINGS_NAME).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return BackupSettings()
    except (OSError, ValueError) as exc:
        log.warning("backup settings not read (%s): the defaults are used", type(exc).__name__)
        return BackupSettings()
    if not isinstance(raw, dict):
        return BackupSettings()
    folder = raw.get("folder")
    keep = raw.get("keep_daily")
    return BackupSettings(folder=folder if isinstance(folder, str) and folder else None,
                          keep_daily=keep if keep in KEEP_CHOICES else DAILY_KEEP)


def save_backup_settings(data_dir: Path, settings: BackupSettings) -> None:
    """Write ``backups.json`` (a temporary file renamed over the old one, 0600)."""
    path = data_dir / SETTINGS_NAME
    tmp = path.with_name(path.name + ".tmp")
    with translated_errors(path):
        fd = os.open(tmp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({"folder": settings.folder, "keep_daily": settings.keep_daily}, out, ensure_ascii=False,
                      indent=1)
        os.replace(tmp, path)


def chosen_backup_dir(data_dir: Path) -> Path:
    """The folder the settings name (it may be missing: a USB stick that is not plugged in)."""
    folder = load_backup_settings(data_dir).folder
    if not folder:
        return default_backup_dir(data_dir)
    return data_dir / folder if not Path(folder).is_absolute() else Path(folder)


def backup_dir(data_dir: Path) -> Path:
    """Where the next copy goes: the chosen folder when it is there, else ``<data folder>/backups``
    (a stick that is not plugged in never stops the work, and no folder is made in its place)."""
    chosen = chosen_backup_dir(data_dir)
    return chosen if chosen.is_dir() else default_backup_dir(data_dir)


def backup_dirs(data_dir: Path) -> list[Path]:
    """Where copies may be: the chosen folder (when it is there) and ``<data folder>/backups``."""
    found = [backup_dir(data_dir), default_backup_dir(data_dir)]
    return [p for n, p in enumerate(found) if p not in found[:n]]


def stored_folder(data_dir: Path, folder: Path) -> str | None:
    """How ``folder`` is written in ``backups.json``: None for the default, relative inside the data
    folder, absolute elsewhere."""
    folder = Path(os.path.abspath(folder))
    data = Path(os.path.abspath(data_dir))
    if folder == default_backup_dir(data):
        return None
    return str(folder.relative_to(data)) if folder.is_relative_to(data) else str(folder)


def choose_backup_folder(data_dir: Path, db_path: Path, folder: Path | None, keep_daily: int,
                         now: datetime | None = None) -> Path | None:
    """Settle where the copies go and how many daily ones are kept.

    A new folder is checked by making the day's copy there at once (``daily_backup``: a folder that cannot
    take one — no access, a full disk — raises ``BackupFolderRefused`` and nothing changes); then the
    settings are written and the daily copies beyond ``keep_daily`` days are deleted (``prune_daily``).
    Returns the copy made, if any. Copies already in the old folder stay where they are (they are
    still listed while it is the default ``backups/``)."""
    if keep_daily not in KEEP_CHOICES:
        raise ValueError(keep_daily)
    current = load_backup_settings(data_dir)
    stored = None if folder is None else stored_folder(data_dir, folder)
    made: Path | None = None
    if stored != current.folder and folder is not None and stored is not None:
        target = Path(os.path.abspath(folder))
        if target.exists() and not target.is_dir():
            raise BackupFolderRefused(said(
                "backup.folder_is_file", f"{target} — это файл, а не папка: выберите "
                "папку для резервных копий", folder=str(target)))
        if Path(os.path.abspath(data_dir)).is_relative_to(target):
            raise BackupFolderRefused(said("backup.folder_holds_data", f"папка {target} содержит саму папку "
                                           "данных: выберите отдельную папку для резервных копий (лучше на "
                                           "другом диске или флешке)", folder=str(target)))
        try:
            made = daily_backup(db_path, target, now=now, keep=keep_daily)
        except StorageError as exc:
            raise BackupFolderRefused(said("backup.folder_refused", f"в папку {target} нельзя сохранить "
                                           f"резервную копию: {exc.message} Резервные копии по-прежнему "
                                           "сохраняются в прежнюю папку.", folder=str(target),
                                           why=exc.message)) from None
    save_backup_settings(data_dir, BackupSettings(stored, keep_daily))
    prune_daily(backup_dir(data_dir), keep_daily, (now or datetime.now()).date())
    return made


def prune_daily(folder: Path, keep: int, today: date | None = None) -> int:
    """Delete the daily copies beyond the newest ``keep`` days (oldest first), never the last good
    one: when the newest copy kept does not pass ``quick_check``, nothing is deleted. Copies made
    before a migration, after an enrolment or by hand are not daily ones and are never deleted here.
    Returns how many were deleted."""
    today = today or datetime.now().date()
    daily = sorted((day, file) for day, _ahead, file in _daily_backups(folder) if day <= today)
    if len({day for day, _file in daily}) <= keep:
        return 0
    newest = daily[-1][1]
    if not inspect_backup(newest).sound:
        log.warning("daily backups not pruned: the newest one does not pass the check")
        return 0
    before = {file for _day, file in daily}
    with translated_errors(folder / DAILY_LABEL):
        _rotate_daily(folder, today, keep)
    gone = sum(1 for file in before if not file.exists())
    if gone:
        log.info("%d old daily backup(s) deleted (keeping %d days)", gone, keep)
    return gone


def _read_only(path: Path) -> sqlite3.Connection:
    # immutable: nothing is written next to the backup (no -wal/-shm) and nothing in it changes.
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def _count(con: sqlite3.Connection, sql: str) -> int | None:
    try:
        return int(con.execute(sql).fetchone()[0])
    except sqlite3.Error:
        return None  # an older schema without that table or column


def _enrolled(con: sqlite3.Connection) -> bool | None:
    try:
        row = con.execute("SELECT count(*) FROM device WHERE coalesce(device_id, '') <> ''").fetchone()
    except sqlite3.Error:
        return None
    return bool(row[0])


def inspect_backup(path: Path, full: bool = False) -> BackupInfo:
    """What ``path`` holds; ``full`` runs ``integrity_check`` (slower) instead of ``quick_check``."""
    stat = path.stat()
    match = _NAME.match(path.name)
    taken_at = datetime.fromtimestamp(stat.st_mtime)
    kind = KIND_MANUAL
    if match:
        try:
            taken_at = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
        except ValueError:
            pass
        label = match.group(2)
        if label in (DAILY_LABEL, AHEAD_LABEL):
            kind = KIND_DAILY
        elif label == ENROLLED_LABEL:
            kind = KIND_ENROLLED
        elif label.startswith("before-"):
            kind = KIND_MIGRATION
        ahead = label == AHEAD_LABEL or taken_at.date() > datetime.now().date()
    else:
        ahead = False
    base = BackupInfo(path=path, taken_at=taken_at, size=stat.st_size, kind=kind, sound=False,
                      clock_ahead=ahead)
    with path.open("rb") as f:
        header = f.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        return replace(base, problem=said("damage.not_sqlite", "файл не является базой данных SQLite"))
    try:
        con = _read_only(path)
    except sqlite3.Error:
        return replace(base, problem=said("damage.cannot_open", "файл не открывается"))
    try:
        rows = [str(r[0]) for r in con.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check")]
        if rows != ["ok"]:
            return replace(base, problem=said("damage.integrity", "проверка целостности нашла ошибки"))
        schema_row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return replace(
            base,
            sound=True,
            schema=str(schema_row[0]) if schema_row else None,
            children=_count(con, "SELECT count(*) FROM child WHERE archived = 0"),
            groups=_count(con, "SELECT count(*) FROM study_group WHERE archived = 0"),
            marks=_count(con, "SELECT count(*) FROM attendance_mark"),
            unsent=_count(con, "SELECT count(*) FROM outbox"),
            enrolled=_enrolled(con),
        )
    except sqlite3.Error as exc:
        problem = (said("damage.no_schema_copy", "нет схемы PFDO Desktop") if "no such table" in str(exc)
                   else said("damage.damaged", "файл повреждён"))
        return replace(base, problem=problem)
    finally:
        con.close()


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """The backups of the data folder — in the folder chosen in «Настройки» and in ``backups/`` next
    to the database — newest first, each checked and counted."""
    infos: list[BackupInfo] = []
    for folder in backup_dirs(data_dir):
        if not folder.is_dir():
            continue
        with translated_errors(folder / "x"):
            found = [p for p in folder.glob("*.sqlite3") if p.is_file()]
            infos += [inspect_backup(p) for p in found]
    return sorted(infos, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def best_backup(found: list[BackupInfo]) -> BackupInfo | None:
    """The copy to propose: the newest sound one — not one dated ahead by a fast clock, when another
    sound one exists (its date says nothing about when it was really made)."""
    sound = [info for info in found if info.sound]
    return next((info for info in sound if not info.clock_ahead), sound[0] if sound else None)


def database_state(data_dir: Path) -> str:
    """«missing», «sound» or «damaged» — of the database in ``data_dir``, without changing it."""
    path = data_dir / DB_FILENAME
    if not path.exists():
        return "missing"
    try:
        with path.open("rb") as f:
            if f.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return "damaged"
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = [str(r[0]) for r in con.execute("PRAGMA quick_check")]
            con.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return "damaged"
    return "sound" if rows == ["ok"] else "damaged"


def restore_backup(data_dir: Path, backup: Path, force: bool = False,
                   now: datetime | None = None) -> RestoreResult:
    """Put ``backup`` in place of the database in ``data_dir``; the current file is kept aside.

    Refused (``RestoreRefused``, nothing changed) while another program or window has the folder open
    (its "open" lock, models/folder_lock.py): it would go on writing into the file set aside."""
    from .folder_lock import exclusive, in_use_message

    message = said("backup.folder_in_use", f"{in_use_message(data_dir)} База не изменена.",
                   in_use=in_use_message(data_dir))
    with exclusive(data_dir, RestoreRefused, message):
        return _restore_backup(data_dir, backup, force=force, now=now)


def _restore_backup(data_dir: Path, backup: Path, force: bool = False,
                    now: datetime | None = None) -> RestoreResult:
    """``restore_backup`` while the folder is held.

    Order matters for a crash at any step: the copy is made under a temporary name first (a full
    disk changes nothing), the current file is hard-linked aside, its -wal/-shm are moved aside
    (an old WAL must never be replayed into the restored file), then the copy replaces it atomically.
    """
    backup = Path(backup)
    if not backup.is_file():
        raise BackupUnusable(said("backup.missing", f"резервной копии {backup} нет: укажите файл из списка "
                                  f"(pfdo-desktop restore --data-dir \"{data_dir}\")", file=str(backup),
                                  folder=str(data_dir)))
    info = inspect_backup(backup, full=True)
    if not info.sound:
        raise BackupUnusable(said(
            "backup.unusable", f"резервная копия {backup.name} не подходит ({info.problem}): "
            "выберите другую из списка", file=backup.name, problem=info.problem))
    if info.schema is None:
        raise BackupUnusable(said(
            "backup.no_schema", f"в файле {backup.name} нет схемы PFDO Desktop: выберите "
            "другую копию", file=backup.name))
    _refuse_newer(info)
    path = data_dir / DB_FILENAME
    state = database_state(data_dir)
    if state == "sound" and not force:
        raise RestoreRefused(said(
            "backup.database_sound",
            f"база {path} исправна: восстановление заменит её копией от {info.taken_at:%d.%m.%Y %H:%M}, "
            "и изменения, сделанные после копии, останутся только в отложенном файле. Если это "
            "нужно, повторите команду с --force", file=str(path), taken=f"{info.taken_at:%d.%m.%Y %H:%M}"))
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.{'replaced' if state == 'sound' else 'damaged'}-{stamp}")
    tmp = path.with_name(f"{path.name}.restoring-{os.getpid()}")
    with translated_errors(path):
        data_dir.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(tmp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
            with os.fdopen(fd, "wb") as out, backup.open("rb") as src:
                shutil.copyfileobj(src, out, 1 << 20)
                out.flush()
                os.fsync(out.fileno())
            _restrict(tmp, 0o600)
            kept: Path | None = None
            if path.exists():
                _keep_aside(path, aside)
                kept = aside
            for suffix in ("-wal", "-shm"):
                side = path.with_name(path.name + suffix)
                if side.exists():
                    os.replace(side, aside.with_name(aside.name + suffix))
            os.replace(tmp, path)
            _fsync_dir(data_dir)
        finally:
            tmp.unlink(missing_ok=True)
    log.info("database restored from a %s backup (schema %s)", info.kind, info.schema)
    return RestoreResult(backup=info, database=path, kept_aside=kept)


def _keep_aside(path: Path, aside: Path) -> None:
    """``aside`` becomes the current file's content; ``path`` stays until it is replaced."""
    try:
        os.link(path, aside)
    except OSError:  # a file system without hard links
        shutil.copy2(path, aside)
    _restrict(aside, 0o600)


def _refuse_newer(info: BackupInfo) -> None:
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    from .database import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    try:
        known = script.get_revision(info.schema or "")
    except CommandError:
        known = None
    if known is None:
        raise BackupUnusable(said("backup.too_new", f"резервная копия {info.path.name} сделана более новой "
                                  f"версией программы (схема {info.schema}): установите последнюю версию "
                                  "PFDO Desktop", file=info.path.name, schema=info.schema))


__all__ = [
    "KEEP_CHOICES",
    "NOT_ENROLLED_RU",
    "BackupFolderRefused",
    "BackupInfo",
    "BackupSettings",
    "BackupUnusable",
    "RestoreRefused",
    "RestoreResult",
    "StorageError",
    "backup_dir",
    "backup_dirs",
    "best_backup",
    "choose_backup_folder",
    "chosen_backup_dir",
    "default_backup_dir",
    "load_backup_settings",
    "prune_daily",
    "save_backup_settings",
    "database_state",
    "inspect_backup",
    "list_backups",
    "restore_backup",
]
