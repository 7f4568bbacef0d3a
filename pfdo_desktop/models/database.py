"""Opening the operator's database: SQLite in WAL mode, migrations with a backup first.

- ``synchronous=FULL``: a mark the operator saw saved survives a power cut.
- ``foreign_keys=ON`` and ``busy_timeout``: the GUI and a scheduled ``pfdo-desktop sync`` may share
  the file.
- Write transactions start with ``BEGIN IMMEDIATE`` so two writers queue instead of failing.
- SQL errors never show the statement's parameters (``hide_parameters``): no personal data in logs.
- The file is created readable only by its user (152-ФЗ); a backup is taken before any migration;
  a database written by a newer version of the program is refused, never downgraded.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
DB_FILENAME = "pfdo.sqlite3"
BACKUP_DIRNAME = "backups"
_IMMEDIATE = "pfdo_immediate"


class DatabaseError(Exception):
    """The database cannot be opened; the message says why and what to do (Russian)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DatabaseTooNew(DatabaseError):
    pass


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

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work (a consistent snapshot)."""
        with self._read.begin() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._write.begin() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(data_dir: Path) -> Database:
    """Open (creating or upgrading) the database in ``data_dir``."""
    data_dir.mkdir(parents=True, exist_ok=True)
    _restrict(data_dir, 0o700)
    path = data_dir / DB_FILENAME
    if not path.exists():
        # Create the file 0600 before SQLite does, so it is never world-readable, not even briefly.
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    _restrict(path, 0o600)
    engine = make_engine(path)
    try:
        _migrate(engine, path, data_dir)
    except Exception:
        engine.dispose()
        raise
    for suffix in ("-wal", "-shm"):
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists():
            _restrict(sidecar, 0o600)
    return Database(
        path=path,
        engine=engine,
        _read=sessionmaker(engine, expire_on_commit=False),
        _write=sessionmaker(engine.execution_options(**{_IMMEDIATE: True}), expire_on_commit=False),
    )


def schema_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _migrate(engine: Engine, path: Path, data_dir: Path) -> None:
    cfg = alembic_config(engine)
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head()
    current = schema_revision(engine)
    if current == head:
        return
    if current is not None:
        try:
            known = script.get_revision(current)
        except CommandError:
            known = None
        if known is None:
            raise DatabaseTooNew(
                f"База данных {path} создана более новой версией программы (схема {current}). "
                "Установите последнюю версию PFDO Desktop; эта версия её не откроет, чтобы не "
                "испортить данные."
            )
        backup = backup_database(path, data_dir / BACKUP_DIRNAME, label=f"before-{head}")
        log.info("schema %s -> %s, backup at %s", current, head, backup.name)
    command.upgrade(cfg, "head")


def backup_database(path: Path, backup_dir: Path, label: str = "manual",
                    now: datetime | None = None) -> Path:
    """A consistent copy through SQLite's backup API (safe while the database is in use)."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    _restrict(backup_dir, 0o700)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"pfdo-{stamp}-{label}.sqlite3"
    os.close(os.open(target, os.O_CREAT | os.O_WRONLY, 0o600))
    src = sqlite3.connect(path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


DAILY_LABEL = "daily"
DAILY_KEEP = 7


def daily_backup(path: Path, backup_dir: Path, now: datetime | None = None) -> Path | None:
    """At most one backup a day (taken when the program opens), the last ``DAILY_KEEP`` kept.

    The journal is a financial record kept for years on one PC: a dead disk must not take more than
    a day of it. Returns the new backup, or None when today's exists.
    """
    now = now or datetime.now()
    existing = sorted(backup_dir.glob(f"pfdo-*-{DAILY_LABEL}.sqlite3")) if backup_dir.exists() else []
    if existing and existing[-1].name.startswith(f"pfdo-{now:%Y%m%d}-"):
        return None
    made = backup_database(path, backup_dir, label=DAILY_LABEL, now=now)
    for old in sorted(backup_dir.glob(f"pfdo-*-{DAILY_LABEL}.sqlite3"))[:-DAILY_KEEP]:
        old.unlink(missing_ok=True)
    return made


def _restrict(path: Path, mode: int) -> None:
    """chmod where the OS has POSIX permissions (on Windows the profile folder is already private)."""
    if os.name != "posix":
        return
    current = stat.S_IMODE(path.stat().st_mode)
    if current != mode:
        os.chmod(path, mode)
