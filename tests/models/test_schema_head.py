"""A start whose database is current reads its revision with one query: Alembic (≈ 0.1 s of
imports) is loaded only when a migration is due (issue 15, cold start)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from alembic.script import ScriptDirectory

from pfdo_desktop.models.database import alembic_config, head_revision, open_database, schema_revision


def test_the_head_read_from_the_migration_files_is_alembics_head():
    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_a_current_database_opens_without_loading_alembic_and_an_old_one_is_still_upgraded(tmp_path: Path):
    db = open_database(tmp_path)  # made (by Alembic) in this process
    assert schema_revision(db.engine) == head_revision()
    db.dispose()
    code = (
        "import sys; from pathlib import Path; from pfdo_desktop.models.database import open_database; "
        f"db = open_database(Path({str(tmp_path)!r})); db.dispose(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ),
                          check=True)
    assert done.stdout.strip() == "[]", done.stdout

    from alembic import command

    from pfdo_desktop.models.database import make_engine

    engine = make_engine(tmp_path / "pfdo.sqlite3")
    command.downgrade(alembic_config(engine), "-1")
    engine.dispose()
    db = open_database(tmp_path)  # one revision behind: upgraded (with a backup first)
    try:
        assert schema_revision(db.engine) == head_revision()
        assert list((tmp_path / "backups").glob(f"pfdo-*-before-{head_revision()}.sqlite3"))
    finally:
        db.dispose()
