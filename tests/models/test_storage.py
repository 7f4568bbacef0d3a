"""Damaged or full storage (issue 10 §4): typed errors with Russian messages that name the problem
and the next step; a damaged database is never written to; backups are listed and restored."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, text

from pfdo_desktop.models import (
    DatabaseDamaged,
    DatabaseMissing,
    DiskFull,
    NoAccess,
    backup_database,
    daily_backup,
    open_database,
)
from pfdo_desktop.models import database as database_module
from pfdo_desktop.models.backups import (
    BackupUnusable,
    RestoreRefused,
    list_backups,
    restore_backup,
)
from pfdo_desktop.models.folder_lock import LOCK_NAMES
from pfdo_desktop.services.rows import NewChild
from pfdo_desktop.workspace import Workspace

POSIX = os.name == "posix"


def _snapshot(folder: Path) -> dict[str, bytes]:
    """The folder's files and their bytes; the empty lock file an opening leaves (``open.lock``:
    who has the folder open, models/folder_lock.py) is no content."""
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not (p.name in LOCK_NAMES and p.stat().st_size == 0)}


def _with_rows(data_dir: Path, providers: int = 300) -> Path:
    """A database with enough rows to span many pages (so a page in the middle can be damaged)."""
    ws = Workspace.open(data_dir)
    with ws.db.write() as s:
        for n in range(1, providers + 1):
            s.execute(text("insert into provider (id, name, short_name, inn, ogrn, address, head_name,"
                           " municipality, archived) values (:id, :name, '', '', '', :addr, '', '', 0)"),
                      {"id": n, "name": f"Школа № {n}", "addr": "ул. Ленина, " + "д" * 200})
    ws.close()
    return data_dir / "pfdo.sqlite3"


def _damage_a_middle_page(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek((size // 2) // 4096 * 4096)
        f.write(b"\xa5" * 8192)


def _new_child(n: int) -> NewChild:
    return NewChild(
        last_name="Сидорова", first_name="Алёна", middle_name="Петровна",
        birth_date=date(2016, 1, 1) + timedelta(days=n),
        snils="", doc_kind="birth_certificate", doc_number=f"IV-МЮ {n:06d}",
        guardian_last_name="Сидорова", guardian_first_name="Ольга", guardian_middle_name="",
        guardian_relation="mother", phone="+7 912 345-67-89", email="", certificate_number="",
    )


# --- damaged files are damaged, and left alone --------------------------------------------------


def test_a_zero_length_file_is_damaged_never_a_new_database(data_dir):
    data_dir.mkdir()
    (data_dir / "pfdo.sqlite3").touch()
    with pytest.raises(DatabaseDamaged) as err:
        Workspace.open(data_dir)
    assert "повреждена" in err.value.message and "пустой" in err.value.message
    assert f'pfdo-desktop restore --data-dir "{data_dir}"' in err.value.message
    assert (data_dir / "pfdo.sqlite3").stat().st_size == 0  # not silently replaced
    assert not (data_dir / "backups").exists()


def test_a_file_that_is_not_sqlite_is_damaged_and_untouched(data_dir):
    data_dir.mkdir()
    (data_dir / "pfdo.sqlite3").write_bytes(b"PK\x03\x04 a zip, not a database" * 100)
    before = _snapshot(data_dir)
    with pytest.raises(DatabaseDamaged, match="не является базой данных"):
        Workspace.open(data_dir)
    assert _snapshot(data_dir) == before


def test_a_corrupt_page_is_found_before_anything_is_written(data_dir):
    path = _with_rows(data_dir)
    _damage_a_middle_page(path)
    (data_dir / "backups").mkdir(exist_ok=True)
    for old in (data_dir / "backups").glob("*"):  # make the daily backup due again
        old.unlink()
    before = path.read_bytes()
    with pytest.raises(DatabaseDamaged) as err:
        Workspace.open(data_dir)
    assert "повреждена" in err.value.message and "резервной копии" in err.value.message
    assert path.read_bytes() == before
    assert list((data_dir / "backups").glob("*")) == []  # no backup of a damaged database


def test_a_damaged_database_is_never_migrated(data_dir, tmp_path, monkeypatch):
    import shutil

    from alembic.script import ScriptDirectory

    path = _with_rows(data_dir)
    _damage_a_middle_page(path)
    head = ScriptDirectory.from_config(database_module.alembic_config()).get_current_head()
    migrations = tmp_path / "migrations"
    shutil.copytree(database_module.MIGRATIONS_DIR, migrations)
    (migrations / "versions" / "9998_test_column.py").write_text(
        'from alembic import op\nimport sqlalchemy as sa\n'
        f'revision = "9998_test"\ndown_revision = "{head}"\n'
        'branch_labels = None\ndepends_on = None\n'
        'def upgrade():\n    with op.batch_alter_table("provider") as b:\n'
        '        b.add_column(sa.Column("phone", sa.Text(), nullable=True))\n'
        'def downgrade():\n    pass\n', encoding="utf-8")
    monkeypatch.setattr(database_module, "MIGRATIONS_DIR", migrations)
    before = path.read_bytes()
    with pytest.raises(DatabaseDamaged):
        open_database(data_dir)
    assert path.read_bytes() == before
    assert not list((data_dir / "backups").glob("*before-*"))


def test_backing_up_a_damaged_database_is_refused_and_leaves_no_file(data_dir):
    path = _with_rows(data_dir)
    backups = data_dir / "backups"
    kept = sorted(p.name for p in backups.glob("*"))
    _damage_a_middle_page(path)
    with pytest.raises(DatabaseDamaged):
        daily_backup(path, backups, now=datetime(2030, 1, 1))
    with pytest.raises(DatabaseDamaged):
        backup_database(path, backups, label="manual")
    assert sorted(p.name for p in backups.glob("*")) == kept  # the good ones stay, nothing added


def test_a_database_cut_short_while_being_created_leaves_no_file(data_dir, monkeypatch):
    """A crash (here: a failing migration) in the middle of creating the database: no empty or
    half-made pfdo.sqlite3 is left to be mistaken for a database next time."""
    from alembic import command

    def crash(*_a, **_k):
        raise KeyboardInterrupt

    monkeypatch.setattr(command, "upgrade", crash)
    with pytest.raises(KeyboardInterrupt):
        open_database(data_dir)
    assert not (data_dir / "pfdo.sqlite3").exists()
    assert [p.name for p in data_dir.iterdir()] == []
    monkeypatch.undo()
    open_database(data_dir).dispose()  # and the next start makes a complete one
    assert (data_dir / "pfdo.sqlite3").read_bytes()[:16] == b"SQLite format 3\x00"
    assert sorted(p.name for p in data_dir.iterdir()) == ["pfdo.sqlite3"]


# --- read-only commands create nothing --------------------------------------------------------------


def test_opening_without_create_never_makes_a_database_or_a_folder(tmp_path):
    target = tmp_path / "wrong" / "folder"
    with pytest.raises(DatabaseMissing) as err:
        Workspace.open(target, create=False)
    assert err.value.message == f"в папке {target} нет базы PFDO Desktop: укажите --data-dir"
    assert not (tmp_path / "wrong").exists()


# --- a data folder that is not a folder --------------------------------------------------------------


def test_a_data_folder_that_is_a_file_is_said_plainly(tmp_path):
    target = tmp_path / "data"
    target.write_text("not a folder")
    with pytest.raises(NoAccess) as err:
        Workspace.open(target)
    assert "не папка" in err.value.message and "--data-dir" in err.value.message
    with pytest.raises(NoAccess):
        Workspace.open(target / "inside")
    assert target.read_text() == "not a folder"


# --- a full disk -------------------------------------------------------------------------------------


def test_a_full_disk_is_said_by_every_service_write(data_dir, full_disk):
    Workspace.open(data_dir).close()
    full_disk()
    ws = Workspace.open(data_dir)
    try:
        with pytest.raises(DiskFull) as err:
            for n in range(200):  # a few fit in the free room of the last page; then the disk is full
                ws.request_child(_new_child(n), today=date(2026, 9, 1))
        assert err.value.message.startswith("Диск заполнен")
        assert "Освободите место на диске" in err.value.message
        assert "disk is full" not in err.value.message and "OperationalError" not in err.value.message
    finally:
        ws.close()


# --- restore -------------------------------------------------------------------------------------


def test_backups_are_listed_with_what_they_hold(data_dir):
    path = _with_rows(data_dir, providers=3)
    ws = Workspace.open(data_dir)
    ws.close()
    backup_database(path, data_dir / "backups", label="before-0009_test", now=datetime(2026, 1, 2, 3, 4))
    (data_dir / "backups" / "pfdo-20250101-000000-000001-daily.sqlite3").write_bytes(b"garbage" * 50)
    found = list_backups(data_dir)
    assert [b.kind for b in found][-2:] == ["migration", "daily"]
    newest = found[0]
    assert newest.sound and newest.kind == "daily" and newest.size > 0
    assert (newest.children, newest.groups, newest.marks, newest.unsent) == (0, 0, 0, 0)
    assert newest.schema and "детей 0, групп 0, отметок 0, неотправленных изменений 0" in newest.holds_ru()
    assert found[1].taken_at == datetime(2026, 1, 2, 3, 4)
    broken = found[-1]
    assert not broken.sound and "повреждена" in broken.holds_ru()
    assert list((data_dir / "backups").glob("*-wal")) == []  # listing writes nothing next to them


def test_restore_keeps_the_damaged_file_aside_and_brings_the_backup_back(data_dir):
    path = _with_rows(data_dir, providers=5)
    backup = next((data_dir / "backups").glob("*-daily.sqlite3"))
    con = sqlite3.connect(path)  # work done after the backup …
    with con:
        con.execute("update provider set name = 'после копии' where id = 1")
    con.close()
    _damage_a_middle_page(path)
    con = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
    expected = con.execute("select count(*) from provider").fetchone()[0]
    con.close()
    damaged = path.read_bytes()
    result = restore_backup(data_dir, backup, now=datetime(2026, 12, 7, 10, 11, 12))
    aside = data_dir / "pfdo.sqlite3.damaged-20261207-101112"
    assert result.kept_aside == aside and aside.read_bytes() == damaged  # … is kept in the damaged file
    assert not (data_dir / "pfdo.sqlite3-wal").exists() or (data_dir / "pfdo.sqlite3-wal").stat().st_size == 0
    assert not POSIX or stat.S_IMODE(path.stat().st_mode) == 0o600
    message = result.message_ru()
    assert "восстановлена" in message and str(aside) in message and "не отправленные" in message
    ws = Workspace.open(data_dir)
    try:
        with ws.db.read() as s:
            assert s.execute(text("select count(*) from provider")).scalar() == expected
    finally:
        ws.close()


def test_the_wal_of_the_damaged_database_goes_aside_with_it(data_dir):
    path = _with_rows(data_dir, providers=5)
    backup = next((data_dir / "backups").glob("*-daily.sqlite3"))
    for suffix in ("-wal", "-shm"):
        (data_dir / f"pfdo.sqlite3{suffix}").write_bytes(b"old " + suffix.encode())
    path.write_bytes(b"")  # damaged: empty
    result = restore_backup(data_dir, backup, now=datetime(2026, 12, 7, 10, 11, 12))
    assert result.kept_aside is not None
    for suffix in ("-wal", "-shm"):
        kept = data_dir / f"pfdo.sqlite3.damaged-20261207-101112{suffix}"
        assert kept.read_bytes() == b"old " + suffix.encode()
        assert not (data_dir / f"pfdo.sqlite3{suffix}").exists()
    Workspace.open(data_dir).close()


def test_a_damaged_backup_is_refused_and_nothing_changes(data_dir):
    path = _with_rows(data_dir, providers=5)
    backup = next((data_dir / "backups").glob("*-daily.sqlite3"))
    _damage_a_middle_page(backup)
    path.write_bytes(b"")
    before = _snapshot(data_dir)
    with pytest.raises(BackupUnusable, match="не подходит"):
        restore_backup(data_dir, backup)
    assert _snapshot(data_dir) == before


def test_a_sound_database_is_not_replaced_unless_forced(data_dir):
    path = _with_rows(data_dir, providers=5)
    backup = next((data_dir / "backups").glob("*-daily.sqlite3"))
    before = path.read_bytes()
    with pytest.raises(RestoreRefused, match="--force"):
        restore_backup(data_dir, backup)
    assert path.read_bytes() == before
    result = restore_backup(data_dir, backup, force=True, now=datetime(2026, 12, 7, 10, 11, 12))
    assert result.kept_aside == data_dir / "pfdo.sqlite3.replaced-20261207-101112"


def test_a_write_refused_as_read_only_is_no_access(data_dir):
    """SQLite's own «attempt to write a readonly database» (SQLITE_READONLY, here from
    ``query_only``, as from a file that became read-only while open) reaches a service as NoAccess."""
    from pfdo_desktop.services.rows import MarkChange

    ws = Workspace.open(data_dir)
    try:
        @event.listens_for(ws.db.engine, "connect")
        def _read_only(dbapi_conn, _record):
            dbapi_conn.execute("PRAGMA query_only = 1")

        ws.db.engine.dispose()
        with pytest.raises(NoAccess) as err:
            ws.request_child(_new_child(1), today=date(2026, 9, 1))
        assert err.value.message.startswith(f"Нет прав на запись в папку {data_dir}")
        with pytest.raises(NoAccess):
            ws.mark(1, date(2026, 9, 1), [MarkChange(1, 1)])
    finally:
        ws.close()
