"""Migration 0002 (enrolment): a 0001 database with data is upgraded in place, nothing lost."""

from __future__ import annotations

import sqlite3

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from pfdo_desktop.models import Base, open_database
from pfdo_desktop.models.database import DB_FILENAME, alembic_config, make_engine


def _a_0001_database(data_dir):
    data_dir.mkdir(parents=True)
    path = data_dir / DB_FILENAME
    engine = make_engine(path)
    command.upgrade(alembic_config(engine), "0001_baseline")
    with engine.begin() as c:
        c.execute(text("insert into provider values (1,'Школа','','','','','','',0)"))
        c.execute(text("insert into program values (1,1,'Рисунок','','art','general','','','',60,143,"
                       "'published',0)"))
        c.execute(text("insert into module values (1,1,'1 год',72,1,15,'0.00','0.00',0)"))
        c.execute(text("insert into study_group values (5,1,1,1,'Группа','','2025-09-01','2026-05-31',10,"
                       "'[]',0)"))
        c.execute(text("insert into child values (7,'Ёлкина','Алёна','Фёдоровна','2015-03-12',"
                       "'112-233-445 95',0)"))
        c.execute(text("insert into child values (8,'Римский-Корсаков','Николай','','2014-01-02','',0)"))
        c.execute(text("insert into certificate values (1,7,'0201000001','pf','1000.00','900.00','100.00',"
                       "'rub',0)"))
        c.execute(text("insert into membership values (1,5,7,'2025-09-01',null,'active',0)"))
        c.execute(text("insert into attendance_mark values ('m1',5,7,'2025-10-01',1,"
                       "'2025-10-01T10:00:00.000000Z','')"))
        c.execute(text("insert into outbox (op_id, kind, entity_key, payload, state, created_at, attempts) "
                       "values ('op-1','mark.set','m1','{}','pending','2025-10-01T10:00:00.000000Z',0)"))
    engine.dispose()


def test_a_0001_database_is_migrated_with_its_data_and_a_backup(data_dir):
    _a_0001_database(data_dir)
    db = open_database(data_dir)
    try:
        with db.read() as s:
            children = s.execute(text("select id, search_name, doc_kind, doc_number from child order by id"))
            assert children.all() == [
                (7, "елкина алена федоровна", "", ""),
                (8, "римский-корсаков николай", "", ""),
            ]
            assert s.execute(text("select number, balance, reserve from certificate")).one() == (
                "0201000001", "900.00", "100.00")
            assert s.execute(text("select count(*) from attendance_mark")).scalar() == 1
            assert s.execute(text("select op_id from outbox")).scalar() == "op-1"
            for table in ("guardian", "application", "child_request", "app_setting"):
                assert s.execute(text(f"select count(*) from {table}")).scalar() == 0
        with db.engine.connect() as conn:  # the migrated schema is exactly the models' schema
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    finally:
        db.dispose()
    backups = list((data_dir / "backups").glob("*.sqlite3"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    try:
        assert con.execute("select version_num from alembic_version").fetchone() == ("0001_baseline",)
        assert con.execute("select count(*) from child").fetchone() == (2,)
    finally:
        con.close()


def test_a_new_database_matches_the_models(data_dir):
    db = open_database(data_dir)
    try:
        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    finally:
        db.dispose()


def test_downgrade_to_0001_and_back(data_dir):
    db = open_database(data_dir)
    cfg = alembic_config(db.engine)
    try:
        command.downgrade(cfg, "0001_baseline")
        with db.engine.connect() as conn:
            assert "search_name" not in {r[1] for r in conn.execute(text("pragma table_info(child)"))}
        command.upgrade(cfg, "head")
        with db.engine.connect() as conn:
            assert "search_name" in {r[1] for r in conn.execute(text("pragma table_info(child)"))}
    finally:
        db.dispose()
