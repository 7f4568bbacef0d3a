"""Migration 0003 (programme cards): a 0002 database with data is upgraded in place, nothing lost."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from pfdo_desktop.models import Base, Program, ProgramDraft, StudyGroup, open_database
from pfdo_desktop.models.database import DB_FILENAME, alembic_config, make_engine


def _a_0002_database(data_dir):
    data_dir.mkdir(parents=True)
    engine = make_engine(data_dir / DB_FILENAME)
    command.upgrade(alembic_config(engine), "0002_enrolment")
    with engine.begin() as c:
        c.execute(text("insert into provider values (1,'Школа','','','','','','',0)"))
        c.execute(text("insert into program values (1,1,'Ёлочная  игрушка','Ёлка','art','general','','','',"
                       "60,143,'published',0)"))
        c.execute(text("insert into module values (1,1,'1 год',72,1,15,'0.00','0.00',0)"))
        c.execute(text("insert into study_group values (5,1,1,1,'Группа','','2025-09-01','2026-05-31',10,"
                       "'[\"2025-11-04\"]',0)"))
        c.execute(text("insert into lesson values ('l1',5,'2025-10-01','15:00','15:45','Тема',0)"))
    engine.dispose()


def test_a_0002_database_is_migrated_with_its_data(data_dir):
    _a_0002_database(data_dir)
    db = open_database(data_dir)
    try:
        with db.read() as s:
            program = s.get(Program, 1)
            assert program is not None
            assert program.search_text == "елочная игрушка елка"
            assert (program.annotation, program.duration_weeks, program.ovz, program.addresses,
                    program.teachers, program.medical_certificate, program.revision,
                    program.moderation_comment) == ("", 0, [], [], [], False, 0, "")
            group = s.get(StudyGroup, 5)
            assert group is not None
            assert (group.explicit_dates, group.cancelled_dates) == ([], ["2025-11-04"])
            assert s.execute(text("select theme, off_schedule from lesson")).one() == ("Тема", 0)
            assert s.query(ProgramDraft).count() == 0
        with db.engine.connect() as conn:  # the migrated schema is exactly the models' schema
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    finally:
        db.dispose()
    assert len(list((data_dir / "backups").glob("*before-*.sqlite3"))) == 1  # one, before the upgrade


def test_downgrade_to_0002_and_back(data_dir):
    db = open_database(data_dir)
    cfg = alembic_config(db.engine)
    try:
        command.downgrade(cfg, "0002_enrolment")
        with db.engine.connect() as conn:
            assert "revision" not in {r[1] for r in conn.execute(text("pragma table_info(program)"))}
            assert "program_draft" not in {r[0] for r in conn.execute(
                text("select name from sqlite_master where type = 'table'"))}
        command.upgrade(cfg, "head")
        with db.engine.connect() as conn:
            assert "off_schedule" in {r[1] for r in conn.execute(text("pragma table_info(lesson)"))}
    finally:
        db.dispose()
