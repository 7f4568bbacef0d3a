"""Opening the operator's database: SQLite in WAL mode, migrations with a backup first.

- ``synchronous=FULL``: a mark the operator saw saved survives a power cut.
- ``foreign_keys=ON`` and ``busy_timeout``: the GUI and a scheduled ``pfdo-desktop sync`` may share
  the file.
- Write transactions start with ``BEGIN IMMEDIATE`` so two writers queue instead of failing.
- SQL errors never show the statement's parameters (``hide_parameters``): no personal data in logs.
- The file is created readable only by its user (152-ФЗ); a backup is taken before any migration;
  a database written by a newer version of the program is refused, never downgraded.
- Storage problems are typed (``StorageError``: ``DatabaseDamaged``, ``DiskFull``, ``NoAccess``,
  ``DiskFailure``) with a Russian message naming the problem and the next step. They are translated
  here, in one place — opening, ``Database.read``/``write`` and backups — from sqlite3/SQLAlchemy
  and OS errors, so services never see a raw «database or disk is full».
- A damaged database is never written to: it is checked (header, ``PRAGMA quick_check``) before any
  migration or backup; a zero-length or non-SQLite file is damaged, never taken as a new database.
  A new database is built under a temporary name and linked into place only when complete.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import sqlite3
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from pfdo_desktop.domain.clock import Clock
from pfdo_desktop.domain.said import said

from .clock import SystemClock

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
DB_FILENAME = "pfdo.sqlite3"
BACKUP_DIRNAME = "backups"
_IMMEDIATE = "pfdo_immediate"


SQLITE_HEADER = b"SQLite format 3\x00"


class DatabaseError(Exception):
    """The database cannot be opened; the message says why and what to do (Russian)."""

    code = "database"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DatabaseTooNew(DatabaseError):
    code = "database_too_new"


class DatabaseMissing(DatabaseError):
    """A read-only command pointed at a folder with no database: nothing is created there."""

    code = "no_database"

    def __init__(self, data_dir: Path, given: bool = False) -> None:
        # ``given``: the folder came from --data-dir, so the path is what to check; otherwise the
        # default folder was used and --data-dir is what is missing.
        advice = (said("storage.check_data_dir", "проверьте путь в --data-dir") if given
                  else said("storage.give_data_dir", "укажите --data-dir"))
        super().__init__(said("storage.no_database", f"в папке {data_dir} нет базы PFDO Desktop: {advice}",
                              folder=str(data_dir), advice=advice))
        self.data_dir = data_dir


class StorageError(DatabaseError):
    """The database file, its folder or the disk cannot be used as it is (Russian message with the
    next step). Raised by opening, by ``Database.read``/``write`` and by backups."""

    code = "storage"


def restore_command(data_dir: Path) -> str:
    return f'pfdo-desktop restore --data-dir "{data_dir}"'


class DatabaseDamaged(StorageError):
    code = "database_damaged"

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(said(
            "storage.damaged",
            f"База данных {path} повреждена ({reason}); программа её не изменяет. Восстановите базу "
            "из резервной копии: в программе — «Восстановить из резервной копии…», в командной "
            f"строке — {restore_command(path.parent)} (покажет копии и что в них). Повреждённый файл "
            "будет сохранён рядом.", file=str(path), reason=reason, command=restore_command(path.parent)))
        self.path = path
        self.reason = reason


class DiskFull(StorageError):
    code = "disk_full"

    def __init__(self, path: Path) -> None:
        super().__init__(said(
            "storage.disk_full",
            f"Диск заполнен: не удалось записать {path}. Освободите место на диске (удалите ненужные "
            "файлы, очистите корзину) и повторите. Последнее действие не сохранено, всё сохранённое "
            "раньше цело.", file=str(path)))
        self.path = path


class NoAccess(StorageError):
    code = "no_access"

    def __init__(self, folder: Path, not_a_folder: bool = False, file: Path | None = None) -> None:
        if not_a_folder:
            text = said("storage.not_a_folder",
                        f"{folder} — не папка (там файл), поэтому хранить в нём данные нельзя. Укажите "
                        "папку данных (--data-dir) или уберите этот файл.", folder=str(folder))
        elif file is not None:
            text = said("storage.no_access_file",
                        (f"Нет прав на запись в файл {file}: программа не может сохранять данные. "
                         "Проверьте права на файл и папку {folder} (они должны принадлежать пользователю, "
                         "под которым запущена программа, и быть доступны для записи).").replace(
                            "{folder}", str(folder)), file=str(file), folder=str(folder))
        else:
            text = said("storage.no_access_folder",
                        f"Нет прав на запись в папку {folder}: программа не может хранить в ней данные. "
                        "Проверьте права на папку (она должна принадлежать пользователю, под которым "
                        "запущена программа, и быть доступна для записи) или укажите другую папку "
                        "данных (--data-dir).", folder=str(folder))
        super().__init__(text)
        self.folder = folder


class DiskFailure(StorageError):
    code = "disk_io"

    def __init__(self, path: Path) -> None:
        super().__init__(said(
            "storage.disk_io",
            f"Ошибка чтения или записи диска при работе с {path}. Проверьте, что диск исправен и "
            "подключён (съёмный или сетевой диск) и на нём есть место, и повторите. Если ошибка "
            f"повторяется, восстановите базу из резервной копии: {restore_command(path.parent)}.",
            file=str(path), command=restore_command(path.parent)))
        self.path = path


_DAMAGE_RU = {
    "SQLITE_NOTADB": said("damage.not_a_database", "файл не является базой данных"),
    "SQLITE_CORRUPT": said("damage.corrupt", "испорчено содержимое файла"),
}


def storage_error(exc: BaseException, path: Path) -> StorageError | None:
    """The typed storage error behind ``exc`` (sqlite3, SQLAlchemy or OS) for the database at
    ``path``, or None when ``exc`` is not a storage problem (a constraint, a bug …)."""
    if isinstance(exc, StorageError):
        return exc
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(orig, OSError):
        return os_storage_error(orig, path.parent)
    if not isinstance(orig, sqlite3.Error):
        return None
    name = str(getattr(orig, "sqlite_errorname", "") or "")
    text = str(orig).lower()
    if name.startswith("SQLITE_FULL") or "database or disk is full" in text:
        return DiskFull(path)
    if (name.startswith(("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_CANTOPEN", "SQLITE_AUTH"))
            or "readonly database" in text or "unable to open database file" in text):
        return NoAccess(path.parent)
    if name.startswith("SQLITE_NOTADB") or "file is not a database" in text:
        return DatabaseDamaged(path, _DAMAGE_RU["SQLITE_NOTADB"])
    if name.startswith("SQLITE_CORRUPT") or "malformed" in text:
        return DatabaseDamaged(path, _DAMAGE_RU["SQLITE_CORRUPT"])
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return DiskFailure(path)
    return None


def os_storage_error(exc: OSError, folder: Path) -> StorageError | None:
    """The typed storage error behind an OS error met while using ``folder`` (or None)."""
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        target = Path(exc.filename) if exc.filename else folder
        if target.is_file():
            return NoAccess(target.parent, file=target)
        return NoAccess(target if target.is_dir() else folder)
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        bad = Path(exc.filename) if exc.filename else folder
        while not bad.exists() and bad != bad.parent:
            bad = bad.parent
        return NoAccess(bad if bad.is_file() else folder, not_a_folder=True)
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return DiskFull(Path(exc.filename) if exc.filename else folder)
    if exc.errno == errno.EIO:
        return DiskFailure(Path(exc.filename) if exc.filename else folder)
    return None


@contextmanager
def translated_errors(path: Path) -> Iterator[None]:
    """Re-raise storage problems met inside the block as ``StorageError`` (one place for all)."""
    try:
        yield
    except (DBAPIError, sqlite3.Error, OSError) as exc:
        typed = storage_error(exc, path)
        if typed is None or typed is exc:
            raise
        log.warning("storage problem: %s", typed.code)
        raise typed from exc


def make_engine(path: Path) -> Engine:
    # hide_parameters: an SQL error's text (logged, shown in a crash report) never carries the
    # statement's values — children's names, СНИЛС and documents (152-ФЗ).
    engine = create_engine(f"sqlite:///{path}", future=True, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=10000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: object) -> None:
        immediate = conn.get_execution_options().get(_IMMEDIATE, False)  # type: ignore[attr-defined]
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")  # type: ignore[attr-defined]

    return engine


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config  # Alembic (≈ 0.1 s to import) only when a migration is due

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


@dataclass
class Database:
    path: Path
    engine: Engine
    _read: sessionmaker[Session]
    _write: sessionmaker[Session]
    # The PC's clocks that date edits for the portal (models/clock.py); tests inject shifted ones.
    clock: Clock = field(default_factory=SystemClock)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work (a consistent snapshot)."""
        with translated_errors(self.path), self._read.begin() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises. A full disk, a
        read-only file or a damaged database raise ``StorageError`` (nothing of the block is kept)."""
        with translated_errors(self.path), self._write.begin() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(data_dir: Path, create: bool = True) -> Database:
    """Open (creating or upgrading) the database in ``data_dir``.

    ``create=False`` (read-only commands): a folder without a database raises ``DatabaseMissing``
    and nothing — not even the folder — is created. A damaged database raises ``DatabaseDamaged``
    before anything is written to it; folder and disk problems raise the other ``StorageError``s.
    """
    path = data_dir / DB_FILENAME
    if not create and not path.is_file():
        if data_dir.is_file():
            raise NoAccess(data_dir, not_a_folder=True)
        raise DatabaseMissing(data_dir)
    with translated_errors(path):
        data_dir.mkdir(parents=True, exist_ok=True)
        _restrict(data_dir, 0o700)
        if not path.exists():
            _create_database(path)
        _check_file(path)
        _restrict(path, 0o600)
    engine = make_engine(path)
    try:
        with translated_errors(path):
            check_sound(engine, path)
            _migrate(engine, path, data_dir)
            for suffix in ("-wal", "-shm"):
                sidecar = path.with_name(path.name + suffix)
                if sidecar.exists():
                    _restrict(sidecar, 0o600)
    except Exception:
        engine.dispose()
        raise
    return Database(
        path=path,
        engine=engine,
        _read=sessionmaker(engine, expire_on_commit=False),
        _write=sessionmaker(engine.execution_options(**{_IMMEDIATE: True}), expire_on_commit=False),
    )


def _create_database(path: Path) -> None:
    """Build a new database under a temporary name and link it into place when complete, so a
    crash never leaves a half-made ``pfdo.sqlite3`` (an empty file there is damage, not «new»)."""
    for stale in path.parent.glob(f"{path.name}.new-*"):
        if time.time() - stale.stat().st_mtime > 24 * 3600:  # left by a crash long ago
            stale.unlink(missing_ok=True)
    tmp = path.with_name(f"{path.name}.new-{os.getpid()}")
    for leftover in (tmp, tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
        leftover.unlink(missing_ok=True)
    # Created 0600 before SQLite writes a byte, so it is never world-readable, not even briefly.
    os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    try:
        from alembic import command

        engine = make_engine(tmp)
        try:
            command.upgrade(alembic_config(engine), "head")
        finally:
            engine.dispose()
        con = sqlite3.connect(tmp, isolation_level=None)
        try:  # back to a rollback journal: the WAL is folded in and removed, one self-contained file
            con.execute("PRAGMA journal_mode=DELETE")
        finally:
            con.close()
        try:
            os.link(tmp, path)  # never replaces a database another process has just created
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(tmp, path)
        _fsync_dir(path.parent)
    finally:
        tmp.unlink(missing_ok=True)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _check_file(path: Path) -> None:
    """A zero-length or non-SQLite file is damage, never a new database."""
    if path.is_dir():
        raise DatabaseDamaged(path, said("damage.a_folder", "на месте файла базы — папка"))
    size = path.stat().st_size
    if size == 0:
        raise DatabaseDamaged(path, said("damage.empty", "файл пустой, 0 байт"))
    with path.open("rb") as f:
        header = f.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseDamaged(path, said("damage.not_sqlite", "файл не является базой данных SQLite"))


def check_sound(engine: Engine, path: Path) -> None:
    """``PRAGMA quick_check`` (≈ 20 ms for 10 MB): damage is found before anything is written."""
    with engine.connect() as conn:
        rows = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
    if rows != ["ok"]:
        log.error("quick_check found %d problem(s) in the database", len(rows))
        raise DatabaseDamaged(path, said("damage.integrity", "проверка целостности нашла ошибки"))


_REVISION_LINE = re.compile(r"""^(down_revision|revision)\s*(?::[^=]*)?=\s*(?:['"]([^'"]+)['"]|None)""",
                            re.MULTILINE)


def head_revision() -> str | None:
    """The head of the migrations shipped, read from the ``revision`` / ``down_revision`` lines of
    ``migrations/versions/*.py`` without importing Alembic: a start whose database is current
    (every start but the first after an update) never loads it. None when the files do not say it
    plainly (no sources, a branch): Alembic decides then."""
    revisions: set[str] = set()
    parents: set[str] = set()
    try:
        for file in (MIGRATIONS_DIR / "versions").glob("*.py"):
            found = dict(_REVISION_LINE.findall(file.read_text(encoding="utf-8")))
            if not found.get("revision"):
                return None
            revisions.add(found["revision"])
            if found.get("down_revision"):
                parents.add(found["down_revision"])
    except (OSError, UnicodeDecodeError):
        return None
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def stored_revision(conn: Connection) -> str | None:
    """The schema revision the database says it has (Alembic's ``alembic_version`` table; None: no
    table, no row or several — a new, a foreign or a damaged database)."""
    table = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'").first()
    if table is None:
        return None
    rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall()
    return str(rows[0][0]) if len(rows) == 1 else None


def schema_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return stored_revision(conn)


def _migrate(engine: Engine, path: Path, data_dir: Path) -> None:
    """Upgrade to the head with a backup first; nothing when the stored revision is the head (read
    with one query, Alembic not even imported); a revision this program does not know is refused."""
    current = schema_revision(engine)
    if current is not None and current == head_revision():
        return
    from alembic import command
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    cfg = alembic_config(engine)
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head()
    if current == head:
        return
    if current is None and _has_tables(engine):
        # Tables but no schema version: not a database this program made (or a half-made one).
        raise DatabaseDamaged(path, said("damage.no_schema", "в файле нет схемы PFDO Desktop"))
    if current is not None:
        try:
            known = script.get_revision(current)
        except CommandError:
            known = None
        if known is None:
            raise DatabaseTooNew(said(
                "storage.too_new",
                f"База данных {path} создана более новой версией программы (схема {current}). "
                "Установите последнюю версию PFDO Desktop; эта версия её не откроет, чтобы не "
                "испортить данные.", file=str(path), schema=current))
        backup = backup_database(path, data_dir / BACKUP_DIRNAME, label=f"before-{head}")
        log.info("schema %s -> %s, backup at %s", current, head, backup.name)
    command.upgrade(cfg, "head")


def _has_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        tables = conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type = 'table'")
        return int(tables.scalar_one()) > 0


def backup_database(path: Path, backup_dir: Path, label: str = "manual",
                    now: datetime | None = None) -> Path:
    """A consistent copy through SQLite's backup API (safe while the database is in use).

    Only a sound database is copied (``quick_check`` first): a damaged one must never push a good
    backup out of the rotation. A failed copy (full disk …) leaves no partial file behind.
    """
    with translated_errors(backup_dir / label):
        backup_dir.mkdir(parents=True, exist_ok=True)
        _restrict(backup_dir, 0o700)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"pfdo-{stamp}-{label}.sqlite3"
    with translated_errors(path):
        src = sqlite3.connect(path)
        try:
            rows = [str(r[0]) for r in src.execute("PRAGMA quick_check").fetchall()]
            if rows != ["ok"]:
                raise DatabaseDamaged(path, said("damage.integrity", "проверка целостности нашла ошибки"))
        except BaseException:
            src.close()
            raise
    try:
        with translated_errors(target):
            os.close(os.open(target, os.O_CREAT | os.O_WRONLY, 0o600))
            dst = sqlite3.connect(target)
            try:
                src.backup(dst)
            finally:
                dst.close()
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    return target


DAILY_LABEL = "daily"
# A daily copy found dated after the day it was seen on was made while the PC's clock ran ahead: it
# is renamed «…-daily-ahead» so that, when its date comes, it does not stand for that day's backup.
AHEAD_LABEL = "daily-ahead"
DAILY_KEEP = 7
ENROLLED_LABEL = "enrolled"
ENROLLED_KEEP = 3
_DAILY_NAME = re.compile(r"^pfdo-(\d{8})-\d{6}(?:-\d+)?-daily(-ahead)?\.sqlite3$")


def _daily_backups(backup_dir: Path) -> list[tuple[date, bool, Path]]:
    """The daily backups as (their date, made while the clock ran ahead, file)."""
    if not backup_dir.is_dir():
        return []
    found = []
    for file in backup_dir.glob(f"pfdo-*-{DAILY_LABEL}*.sqlite3"):
        match = _DAILY_NAME.match(file.name)
        if match is None:
            continue
        try:
            day = datetime.strptime(match.group(1), "%Y%m%d").date()
        except ValueError:
            continue
        found.append((day, match.group(2) is not None, file))
    return found


def daily_backup(path: Path, backup_dir: Path, now: datetime | None = None,
                 keep: int = DAILY_KEEP) -> Path | None:
    """At most one backup a day (taken when the program opens), the last ``keep`` days kept
    (``DAILY_KEEP`` unless «Настройки» say otherwise: models/backups.py ``BackupSettings``).

    The journal is a financial record kept for years on one PC: a dead disk must not take more than
    a day of it. Returns the new backup, or None when today's exists.

    A wrong clock never costs the history (docs/storage.md, «Backups and a wrong clock»): «today's
    backup exists» means a copy dated today, wherever it sorts; a copy dated after today (the clock
    ran ahead once) is marked ``-daily-ahead`` and kept, never stands for a day's backup and never
    counts among the ``DAILY_KEEP`` days the rotation keeps, which are the newest days dated up to
    today, one copy each.
    """
    now = now or datetime.now()
    today = now.date()
    with translated_errors(backup_dir / DAILY_LABEL):
        for day, ahead, file in _daily_backups(backup_dir):
            if day > today and not ahead:
                os.replace(file, file.with_name(file.name.replace(f"-{DAILY_LABEL}.", f"-{AHEAD_LABEL}.")))
                log.warning("a daily backup is dated after today: the clock ran ahead when it was made")
        if any(day == today and not ahead for day, ahead, _file in _daily_backups(backup_dir)):
            return None
    made = backup_database(path, backup_dir, label=DAILY_LABEL, now=now)
    with translated_errors(backup_dir / DAILY_LABEL):
        _rotate_daily(backup_dir, today, keep)
    return made


def _rotate_daily(backup_dir: Path, today: date, keep: int = DAILY_KEEP) -> None:
    """Keep one copy of each of the ``keep`` newest days up to ``today`` (the newest one made
    with a right clock, if any) and every copy dated after ``today``."""
    by_day: dict[date, list[tuple[bool, str, Path]]] = {}
    for day, ahead, file in _daily_backups(backup_dir):
        if day <= today:
            by_day.setdefault(day, []).append((not ahead, file.name, file))
    kept_days = set(sorted(by_day, reverse=True)[:max(1, keep)])
    for day, files in by_day.items():
        best = max(files)[2] if day in kept_days else None
        for _right_clock, _name, file in files:
            if file != best:
                file.unlink(missing_ok=True)


def enrolled_backup(path: Path, backup_dir: Path, now: datetime | None = None) -> Path:
    """A backup right after a successful enrolment: the newest copy then holds the device row, so a
    restored copy is still connected to the portal. The last ``ENROLLED_KEEP`` are kept."""
    made = backup_database(path, backup_dir, label=ENROLLED_LABEL, now=now)
    with translated_errors(backup_dir / ENROLLED_LABEL):
        for old in sorted(backup_dir.glob(f"pfdo-*-{ENROLLED_LABEL}.sqlite3"))[:-ENROLLED_KEEP]:
            old.unlink(missing_ok=True)
    return made


def _restrict(path: Path, mode: int) -> None:
    """chmod where the OS has POSIX permissions (on Windows the profile folder is already private)."""
    if os.name != "posix":
        return
    current = stat.S_IMODE(path.stat().st_mode)
    if current != mode:
        os.chmod(path, mode)
