"""The operator database: pragmas, permissions, migrations with backup, refusal of a newer schema."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text

from pfdo_desktop.models import DatabaseTooNew, open_database
from pfdo_desktop.models import database as database_module

POSIX = os.name == "posix"
HEAD = ScriptDirectory.from_config(database_module.alembic_config()).get_current_head()


def test_new_database_is_private_wal_full_with_foreign_keys(data_dir):
    db = open_database(data_dir)
    try:
        with db.read() as s:
            assert s.execute(text("pragma journal_mode")).scalar() == "wal"
            assert s.execute(text("pragma synchronous")).scalar() == 2  # FULL
            assert s.execute(text("pragma foreign_keys")).scalar() == 1
        if POSIX:  # on Windows the profile folder is private to its user already
            assert stat.S_IMODE(os.stat(db.path).st_mode) == 0o600
            assert stat.S_IMODE(os.stat(data_dir).st_mode) == 0o700
        with db.write() as s:
            s.execute(text("insert into provider (id, name, short_name, inn, ogrn, address, head_name,"
                           " municipality, archived) values (1,'x','','','','','','',0)"))
        for suffix in ("-wal", "-shm"):
            side = db.path.with_name(db.path.name + suffix)
            assert not POSIX or not side.exists() or stat.S_IMODE(os.stat(side).st_mode) & 0o077 == 0
    finally:
        db.dispose()


def test_foreign_keys_are_enforced(data_dir):
    db = open_database(data_dir)
    try:
        with pytest.raises(Exception, match="FOREIGN KEY"), db.write() as s:
            s.execute(text("insert into program (id, provider_id, name, short_name, direction, "
                           "registry, kind, form, level, age_from_months, age_to_months, status,"
                           " archived) values (1, 999, 'x','','art','general','','','',60,216,"
                           "'published',0)"))
    finally:
        db.dispose()


def test_database_from_a_newer_version_is_refused_untouched(data_dir):
    db = open_database(data_dir)
    db.dispose()
    con = sqlite3.connect(data_dir / "pfdo.sqlite3")
    con.execute("update alembic_version set version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    before = (data_dir / "pfdo.sqlite3").read_bytes()
    with pytest.raises(DatabaseTooNew, match="более новой версией"):
        open_database(data_dir)
    assert (data_dir / "pfdo.sqlite3").read_bytes() == before


def test_upgrade_takes_a_backup_first(data_dir, tmp_path, monkeypatch):
    db = open_database(data_dir)
    with db.write() as s:
        s.execute(text("insert into provider (id, name, short_name, inn, ogrn, address, head_name,"
                       " municipality, archived) values (1,'Школа','','','','','','',0)"))
    db.dispose()
    # A newer program version: the same migrations plus one that adds a column.
    migrations = tmp_path / "migrations"
    shutil.copytree(database_module.MIGRATIONS_DIR, migrations)
    (migrations / "versions" / "9998_test_column.py").write_text(
        'from alembic import op\nimport sqlalchemy as sa\n'
        f'revision = "9998_test"\ndown_revision = "{HEAD}"\n'
        'branch_labels = None\ndepends_on = None\n'
        'def upgrade():\n    with op.batch_alter_table("provider") as b:\n'
        '        b.add_column(sa.Column("phone", sa.Text(), nullable=True))\n'
        'def downgrade():\n    pass\n', encoding="utf-8")
    monkeypatch.setattr(database_module, "MIGRATIONS_DIR", migrations)
    db = open_database(data_dir)
    try:
        with db.read() as s:
            assert s.execute(text("select name, phone from provider")).one() == ("Школа", None)
            assert s.execute(text("select version_num from alembic_version")).scalar() == "9998_test"
    finally:
        db.dispose()
    backups = list((data_dir / "backups").glob("*.sqlite3"))
    assert len(backups) == 1
    assert not POSIX or stat.S_IMODE(os.stat(backups[0]).st_mode) == 0o600
    con = sqlite3.connect(backups[0])
    try:
        assert con.execute("select version_num from alembic_version").fetchone() == (HEAD,)
        assert con.execute("select name from provider").fetchone() == ("Школа",)
    finally:
        con.close()


def test_reopening_a_current_database_takes_no_backup(data_dir):
    open_database(data_dir).dispose()
    open_database(data_dir).dispose()
    assert not (Path(data_dir) / "backups").exists()


def test_one_backup_a_day_and_a_week_of_them_kept(data_dir):
    from datetime import datetime, timedelta

    from pfdo_desktop.models import daily_backup

    db = open_database(data_dir)
    db.dispose()
    backups = data_dir / "backups"
    day = datetime(2026, 11, 1, 9, 0)
    assert daily_backup(db.path, backups, now=day) is not None
    assert daily_backup(db.path, backups, now=day + timedelta(hours=5)) is None  # same day
    for n in range(1, 10):
        assert daily_backup(db.path, backups, now=day + timedelta(days=n)) is not None
    kept = sorted(p.name for p in backups.glob("*-daily.sqlite3"))
    assert len(kept) == 7 and kept[-1].startswith("pfdo-20261110-") and kept[0].startswith("pfdo-20261104-")
    con = sqlite3.connect(backups / kept[-1])
    try:
        assert con.execute("select version_num from alembic_version").fetchone() == (HEAD,)
    finally:
        con.close()


def test_opening_the_workspace_takes_the_days_backup(data_dir):
    from pfdo_desktop.workspace import Workspace

    Workspace.open(data_dir).close()
    Workspace.open(data_dir).close()
    assert len(list((data_dir / "backups").glob("*-daily.sqlite3"))) == 1
